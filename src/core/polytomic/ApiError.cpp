#include "core/polytomic/ApiError.h"

#include <QJsonDocument>
#include <QJsonValue>

ApiError ApiError::fromReply(int httpStatus, const QByteArray &body)
{
    ApiError error;
    error.httpStatus = httpStatus;
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject())
        return error;
    const QJsonObject object = document.object();
    // "message" is the first shape's text, "error" the second's; prefer the first.
    const QJsonValue message = object.value(QLatin1String("message"));
    const QJsonValue fallback = object.value(QLatin1String("error"));
    if (message.isString() && !message.toString().isEmpty())
        error.message = message.toString();
    else if (fallback.isString())
        error.message = fallback.toString();
    else if (fallback.isObject())
        error.message = fallback.toObject().value(QLatin1String("message")).toString();

    const QJsonValue metadata = object.value(QLatin1String("metadata"));
    const QJsonValue context = object.value(QLatin1String("context"));
    error.metadata = metadata.isObject() ? metadata.toObject() : context.toObject();

    const QJsonValue key = object.value(QLatin1String("key"));
    if (key.isString())
        error.key = key.toString();
    // "status" is a number in one shape and a reason phrase in the other; "code" may hold the
    // number.
    const QJsonValue code = object.value(QLatin1String("code"));
    if (error.key.isEmpty() && code.isString())
        error.key = code.toString();
    if (error.httpStatus == 0) {
        const QJsonValue status = object.value(QLatin1String("status"));
        if (status.isDouble())
            error.httpStatus = status.toInt();
        else if (code.isDouble())
            error.httpStatus = code.toInt();
    }
    return error;
}

QByteArray ApiError::messageShape(int status, const QString &message, const QString &key,
                                  const QJsonObject &metadata)
{
    const QJsonObject object{{QLatin1String("status"), status},
                             {QLatin1String("message"), message},
                             {QLatin1String("key"), key},
                             {QLatin1String("metadata"), metadata}};
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray ApiError::errorShape(int status, const QString &statusText, const QString &error,
                                const QJsonObject &context)
{
    const QJsonObject object{{QLatin1String("status"), statusText},
                             {QLatin1String("error"), error},
                             {QLatin1String("code"), status},
                             {QLatin1String("context"), context}};
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}
