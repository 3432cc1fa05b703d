#include "core/polytomic/ConnectRequest.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QUuid>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ConnectRequest", text);
}

} // namespace

bool isUuid(const QString &text)
{
    return text.size() == 36 && !QUuid::fromString(text).isNull();
}

QJsonObject ConnectRequest::toJson() const
{
    QJsonObject object{{QLatin1String("name"), name},
                       {QLatin1String("redirect_url"), redirectUrl.toString(QUrl::FullyEncoded)},
                       {QLatin1String("dark"), dark}};
    if (!whitelist.isEmpty())
        object.insert(QLatin1String("whitelist"), QJsonArray::fromStringList(whitelist));
    if (!connection.isEmpty())
        object.insert(QLatin1String("connection"), connection);
    if (!type.isEmpty())
        object.insert(QLatin1String("type"), type);
    if (!organizationId.isEmpty())
        object.insert(QLatin1String("organization_id"), organizationId);
    return object;
}

std::optional<ConnectRequest> ConnectRequest::fromJson(const QJsonObject &object,
                                                       QList<ValidationProblem> *problems)
{
    QList<ValidationProblem> found;
    ConnectRequest request;

    auto readString = [&](const char *field, QString *target) {
        const QJsonValue value = object.value(QLatin1String(field));
        if (value.isUndefined() || value.isNull())
            return;
        if (!value.isString()) {
            found.append(
                {QLatin1String(field), tr("%1 must be a string").arg(QLatin1String(field))});
            return;
        }
        *target = value.toString();
    };

    readString("name", &request.name);
    QString redirect;
    readString("redirect_url", &redirect);
    request.redirectUrl = QUrl(redirect, QUrl::StrictMode);
    readString("connection", &request.connection);
    readString("type", &request.type);
    readString("organization_id", &request.organizationId);

    const QJsonValue dark = object.value(QLatin1String("dark"));
    if (dark.isBool())
        request.dark = dark.toBool();
    else if (!dark.isUndefined() && !dark.isNull())
        found.append({QStringLiteral("dark"), tr("dark must be true or false")});

    const QJsonValue whitelist = object.value(QLatin1String("whitelist"));
    if (whitelist.isArray()) {
        for (const QJsonValue &entry : whitelist.toArray()) {
            if (!entry.isString()) {
                found.append({QStringLiteral("whitelist"),
                              tr("whitelist must be a list of connection type ids")});
                break;
            }
            request.whitelist.append(entry.toString());
        }
    } else if (!whitelist.isUndefined() && !whitelist.isNull()) {
        found.append(
            {QStringLiteral("whitelist"), tr("whitelist must be a list of connection type ids")});
    }

    if (problems)
        *problems = found;
    if (!found.isEmpty())
        return std::nullopt;
    return request;
}

QList<ValidationProblem> ConnectRequest::validate() const
{
    QList<ValidationProblem> problems;
    if (name.trimmed().isEmpty())
        problems.append({QStringLiteral("name"), tr("name is required and must not be empty")});
    const QString scheme = redirectUrl.scheme();
    if (redirectUrl.isEmpty())
        problems.append({QStringLiteral("redirect_url"), tr("redirect_url is required")});
    else if (!redirectUrl.isValid() || redirectUrl.isRelative() || redirectUrl.host().isEmpty()
             || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        problems.append({QStringLiteral("redirect_url"),
                         tr("redirect_url must be an absolute http or https URL")});
    if (!connection.isEmpty() && !isUuid(connection))
        problems.append(
            {QStringLiteral("connection"), tr("connection must be a connection id (a uuid)")});
    return problems;
}

QStringList ConnectRequest::allowedTypes() const
{
    if (!type.isEmpty())
        return {type};
    return whitelist;
}
