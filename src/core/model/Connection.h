// A connection of the organization (an account connected through a platform), as the app shows it.
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <optional>

struct Connection
{
    QString id;
    QString name;
    QString organizationId;
    QString status; // "healthy", "unhealthy", …
    QString statusError;
    QString typeId;
    QString typeName;
    QUrl typeLogoUrl;
    QDateTime createdAt;
    QDateTime updatedAt;
    QJsonObject configuration; // non-secret settings only

    bool isHealthy() const { return status == QLatin1String("healthy"); }
};
