#include "core/model/ConnectionType.h"

QJsonObject ConnectionType::toJson() const
{
    return {{QLatin1String("id"), id},
            {QLatin1String("name"), name},
            {QLatin1String("logoUrl"), logoUrl.toString(QUrl::FullyEncoded)},
            {QLatin1String("useOAuth"), useOAuth},
            {QLatin1String("brandColor"), brandColor},
            {QLatin1String("details"), details}};
}

std::optional<ConnectionType> ConnectionType::fromJson(const QJsonObject &object)
{
    ConnectionType type;
    type.id = object.value(QLatin1String("id")).toString();
    if (type.id.isEmpty())
        return std::nullopt;
    type.name = object.value(QLatin1String("name")).toString(type.id);
    type.logoUrl = QUrl(object.value(QLatin1String("logoUrl")).toString());
    type.useOAuth = object.value(QLatin1String("useOAuth")).toBool();
    type.brandColor = object.value(QLatin1String("brandColor")).toString();
    type.details = object.value(QLatin1String("details")).toObject();
    return type;
}

QList<ConnectionType> ConnectionType::listFromJson(const QJsonArray &array)
{
    QList<ConnectionType> types;
    for (const QJsonValue &value : array) {
        if (auto type = fromJson(value.toObject()))
            types.append(*type);
    }
    return types;
}
