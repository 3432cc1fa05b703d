#include "core/polytomic/JsonEnvelope.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace JsonEnvelope {

std::optional<QJsonValue> data(const QByteArray &body, QString *error)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (error)
            *error = QCoreApplication::translate(
                         "JsonEnvelope", "The server's reply is not valid JSON (%1 at byte %2).")
                         .arg(parseError.errorString())
                         .arg(parseError.offset);
        return std::nullopt;
    }
    if (!document.isObject() || !document.object().contains(QLatin1String("data"))) {
        if (error)
            *error = QCoreApplication::translate("JsonEnvelope",
                                                 "The server's reply has no \"data\" field.");
        return std::nullopt;
    }
    return document.object().value(QLatin1String("data"));
}

QByteArray wrap(const QJsonValue &value)
{
    return QJsonDocument(QJsonObject{{QLatin1String("data"), value}})
        .toJson(QJsonDocument::Compact);
}

} // namespace JsonEnvelope
