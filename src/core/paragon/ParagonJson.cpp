#include "core/paragon/ParagonJson.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace ParagonJson {

QList<ConnectionType> integrations(const QJsonArray &array, const QUrl &cdn)
{
    QList<ConnectionType> types;
    QString base = cdn.toString();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        const QString type = object.value(QStringLiteral("type")).toString();
        const QJsonArray configs = object.value(QStringLiteral("configs")).toArray();
        if (type.isEmpty() || configs.isEmpty()
            || !object.value(QStringLiteral("isActive")).toBool(true))
            continue;
        ConnectionType entry;
        entry.id = type;
        entry.name = object.value(QStringLiteral("name")).toString(type);
        entry.logoUrl =
            QUrl(base + QStringLiteral("/integrations/") + type + QStringLiteral(".svg"));
        entry.useOAuth = true;
        static const QRegularExpression colour(QStringLiteral("^#[0-9A-Fa-f]{6}$"));
        const QString brand = object.value(QStringLiteral("brandColor")).toString();
        if (colour.match(brand).hasMatch())
            entry.brandColor = brand;
        const QJsonObject values =
            configs.first().toObject().value(QStringLiteral("values")).toObject();
        entry.details = {
            {QStringLiteral("integrationId"), object.value(QStringLiteral("id"))},
            {QStringLiteral("brandColor"), object.value(QStringLiteral("brandColor"))},
            {QStringLiteral("description"), values.value(QStringLiteral("description"))},
        };
        types.append(entry);
    }
    std::sort(types.begin(), types.end(), [](const ConnectionType &a, const ConnectionType &b) {
        return a.name.localeAwareCompare(b.name) < 0;
    });
    return types;
}

QString statusOf(const QString &credentialStatus)
{
    if (credentialStatus == QLatin1String("VALID"))
        return QStringLiteral("healthy");
    if (credentialStatus == QLatin1String("INVALID"))
        return QStringLiteral("unhealthy");
    if (credentialStatus == QLatin1String("PENDING"))
        return QStringLiteral("pending");
    return credentialStatus.toLower();
}

QList<Connection> credentials(const QJsonObject &user, const QList<ConnectionType> &types)
{
    QList<Connection> connections;
    const QJsonObject integrations = user.value(QStringLiteral("integrations")).toObject();
    for (auto it = integrations.begin(); it != integrations.end(); ++it) {
        const QJsonObject state = it.value().toObject();
        const auto type = std::find_if(types.begin(), types.end(),
                                       [&](const ConnectionType &t) { return t.id == it.key(); });
        const QString typeName = type != types.end() ? type->name : it.key();
        QJsonArray all = state.value(QStringLiteral("allCredentials")).toArray();
        // An older user state names only its one credential.
        if (all.isEmpty() && !state.value(QStringLiteral("credentialId")).toString().isEmpty())
            all.append(QJsonObject{
                {QStringLiteral("id"), state.value(QStringLiteral("credentialId"))},
                {QStringLiteral("status"), state.value(QStringLiteral("credentialStatus"))},
                {QStringLiteral("providerId"), state.value(QStringLiteral("providerId"))}});
        for (const QJsonValue &value : std::as_const(all)) {
            const QJsonObject credential = value.toObject();
            Connection connection;
            connection.id = credential.value(QStringLiteral("id")).toString();
            if (connection.id.isEmpty())
                continue;
            connection.typeId = it.key();
            connection.typeName = typeName;
            if (type != types.end())
                connection.typeLogoUrl = type->logoUrl;
            const QString account = credential.value(QStringLiteral("providerId")).toString();
            connection.name = account.isEmpty()
                ? typeName
                : QCoreApplication::translate("ParagonJson", "%1 (%2)").arg(typeName, account);
            connection.status = statusOf(credential.value(QStringLiteral("status")).toString());
            if (connection.status == QLatin1String("unhealthy"))
                connection.statusError = QCoreApplication::translate(
                    "ParagonJson", "The account's sign-in is no longer valid: reconnect it.");
            connection.createdAt = QDateTime::fromString(
                credential.value(QStringLiteral("dateCreated")).toString(), Qt::ISODate);
            connection.updatedAt = QDateTime::fromString(
                credential.value(QStringLiteral("dateUpdated")).toString(), Qt::ISODate);
            if (!connection.updatedAt.isValid())
                connection.updatedAt = connection.createdAt;
            connection.configuration = {{QStringLiteral("integrationId"),
                                         credential.value(QStringLiteral("integrationId"))},
                                        {QStringLiteral("providerId"), account}};
            connections.append(connection);
        }
    }
    std::sort(connections.begin(), connections.end(),
              [](const Connection &a, const Connection &b) { return a.createdAt > b.createdAt; });
    return connections;
}

} // namespace ParagonJson
