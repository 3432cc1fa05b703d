#include "core/polytomic/PolytomicJson.h"

namespace {

// What Polytomic says of a type beyond what the app shows, kept as sent.
const QLatin1String detailKeys[] = {QLatin1String("capabilities"),
                                    QLatin1String("configurationForm")};

} // namespace

std::optional<ConnectionType> PolytomicJson::connectionType(const QJsonObject &object)
{
    ConnectionType type;
    type.id = object.value(QLatin1String("id")).toString();
    if (type.id.isEmpty())
        return std::nullopt;
    type.name = object.value(QLatin1String("name")).toString(type.id);
    type.logoUrl = QUrl(object.value(QLatin1String("logo_url")).toString());
    type.useOAuth = object.value(QLatin1String("use_oauth")).toBool();
    for (const QLatin1String &key : detailKeys) {
        if (object.contains(key))
            type.details.insert(key, object.value(key));
    }
    return type;
}

QList<ConnectionType> PolytomicJson::connectionTypes(const QJsonArray &array)
{
    QList<ConnectionType> types;
    for (const QJsonValue &value : array) {
        if (auto type = connectionType(value.toObject()))
            types.append(*type);
    }
    return types;
}

QJsonObject PolytomicJson::toJson(const ConnectionType &type)
{
    QJsonObject object{{QLatin1String("id"), type.id},
                       {QLatin1String("name"), type.name},
                       {QLatin1String("logo_url"), type.logoUrl.toString(QUrl::FullyEncoded)},
                       {QLatin1String("use_oauth"), type.useOAuth},
                       {QLatin1String("capabilities"), QJsonObject()},
                       {QLatin1String("configurationForm"), QJsonObject()}};
    for (const QLatin1String &key : detailKeys) {
        if (type.details.contains(key))
            object.insert(key, type.details.value(key));
    }
    return object;
}

QJsonObject PolytomicJson::toJson(const Connection &connection)
{
    return {{QLatin1String("id"), connection.id},
            {QLatin1String("name"), connection.name},
            {QLatin1String("organization_id"), connection.organizationId},
            {QLatin1String("status"), connection.status},
            {QLatin1String("status_error"), connection.statusError},
            {QLatin1String("type"),
             QJsonObject{
                 {QLatin1String("id"), connection.typeId},
                 {QLatin1String("name"), connection.typeName},
                 {QLatin1String("logo_url"), connection.typeLogoUrl.toString(QUrl::FullyEncoded)}}},
            {QLatin1String("configuration"), connection.configuration},
            {QLatin1String("created_at"), connection.createdAt.toString(Qt::ISODateWithMs)},
            {QLatin1String("updated_at"), connection.updatedAt.toString(Qt::ISODateWithMs)}};
}

std::optional<Connection> PolytomicJson::connection(const QJsonObject &object)
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

QList<Connection> PolytomicJson::connections(const QJsonArray &array)
{
    QList<Connection> connections;
    for (const QJsonValue &value : array) {
        if (auto connection = PolytomicJson::connection(value.toObject()))
            connections.append(*connection);
    }
    return connections;
}
