// connectdesktop:// links, read as the untrusted input they are.
#pragma once

#include <QString>
#include <QUrl>

#include <optional>

struct DeepLink
{
    QString integration; // a connection type id, [a-z0-9_] only

    static constexpr auto scheme = "connectdesktop";

    // Reads connectdesktop://connect?integration=ID. Anything else (another action, user info,
    // a port, parameters we do not know, an id with other characters, more than one id, a link
    // over 2 KiB) is refused with *error saying why. A link carries no names, keys or answers:
    // it can only open the connect window for one integration, where the user acts.
    static std::optional<DeepLink> parse(const QString &text, QString *error);
    static bool looksLikeDeepLink(const QString &text);
};
