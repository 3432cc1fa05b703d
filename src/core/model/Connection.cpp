#include "core/model/Connection.h"

QJsonObject Connection::toJson() const
{
    return {{QLatin1String("id"), id},
            {QLatin1String("name"), name},
            {QLatin1String("organization_id"), organizationId},
            {QLatin1String("status"), status},
            {QLatin1String("status_error"), statusError},
            {QLatin1String("type"),
             QJsonObject{{QLatin1String("id"), typeId},
                         {QLatin1String("name"), typeName},
                         {QLatin1String("logo_url"), typeLogoUrl.toString(QUrl::FullyEncoded)}}},
            {QLatin1String("configuration"), configuration},
            {QLatin1String("created_at"), createdAt.toString(Qt::ISODateWithMs)},
            {QLatin1String("updated_at"), updatedAt.toString(Qt::ISODateWithMs)}};
}

std::optional<Connection> Connection::fromJson(const QJsonObject &object)
{
    Connection connection;
    connection.id = object.value(QLatin1String("id")).toString();
    if (connection.id.isEmpty())
        return std::nullopt;
    connection.name = object.value(QLatin1String("name")).toString();
    connection.organizationId = object.value(QLatin1String("organization_id")).toString();
    connection.status = object.value(QLatin1String("status")).toString();
    connection.statusError = object.value(QLatin1String("status_error")).toString();
    const QJsonValue type = object.value(QLatin1String("type"));
    if (type.isObject()) {
        connection.typeId = type.toObject().value(QLatin1String("id")).toString();
        connection.typeName = type.toObject().value(QLatin1String("name")).toString();
        connection.typeLogoUrl = QUrl(type.toObject().value(QLatin1String("logo_url")).toString());
    } else {
        connection.typeId = type.toString(); // some versions name the type by its id alone
    }
    connection.createdAt = QDateTime::fromString(
        object.value(QLatin1String("created_at")).toString(), Qt::ISODateWithMs);
    connection.updatedAt = QDateTime::fromString(
        object.value(QLatin1String("updated_at")).toString(), Qt::ISODateWithMs);
    connection.configuration = object.value(QLatin1String("configuration")).toObject();
    return connection;
}

QList<Connection> Connection::listFromJson(const QJsonArray &array)
{
    QList<Connection> connections;
    for (const QJsonValue &value : array) {
        if (auto connection = fromJson(value.toObject()))
            connections.append(*connection);
    }
    return connections;
}
