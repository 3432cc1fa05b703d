// A backend the app can talk to: the built-in sandbox, Polytomic with a key, or a backend proxy.
#pragma once

#include <QString>
#include <QUrl>

#include <optional>

struct Profile
{
    enum class Kind { Sandbox, Polytomic, Proxy };

    QString id; // stable, e.g. "sandbox", "polytomic-prod"
    QString name; // shown to people
    Kind kind = Kind::Sandbox;
    QUrl baseUrl; // Polytomic or proxy base; empty for the sandbox
    QString apiVersion;
    // Proxy: a header carrying the end user's own credential to the customer's server,
    // e.g. "Authorization"; the value is kept in the keychain like an API key.
    QString credentialHeader;
    // Web pages of this profile keep cookies in a folder of their own (off the record if not).
    bool rememberSignIns = false;
    // Support only: a page with an invalid certificate may be accepted after a warning.
    bool acceptInvalidCertificates = false;

    bool needsKey() const { return kind == Kind::Polytomic; }
    static QString kindName(Kind kind); // "sandbox", "polytomic", "proxy"
    static std::optional<Kind> kindFromName(const QString &name);
};
