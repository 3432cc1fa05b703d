// A kind of integration (Salesforce, PostgreSQL, …) as the app shows it, whichever platform
// lists it. What a platform says beyond this, in its own shape, rides along in `details` (read by
// that platform's code only: Polytomic's configuration form, say).
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

struct ConnectionType
{
    QString id;
    QString name;
    QUrl logoUrl;
    bool useOAuth = false; // the person signs in with the provider's own account
    QString brandColor; // "#RRGGBB" when the platform gives the integration's colour (Paragon)
    QJsonObject details; // the platform's own description of it, as it sent it

    // The app's own shape for keeping it (the integrations cache), not a platform's.
    QJsonObject toJson() const;
    static std::optional<ConnectionType> fromJson(const QJsonObject &object);
    // Entries without an id are skipped.
    static QList<ConnectionType> listFromJson(const QJsonArray &array);
};
