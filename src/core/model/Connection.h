// A connection of the organization, as GET /api/connections{/id} describes it.
#pragma once

#include <QDateTime>
#include <QJsonArray>
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

    QJsonObject toJson() const;
    static std::optional<Connection> fromJson(const QJsonObject &object);
    static QList<Connection> listFromJson(const QJsonArray &array);
};
