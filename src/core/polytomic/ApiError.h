// An error answered by the API, read from either of the two error shapes the API uses.
#pragma once

#include <QJsonObject>
#include <QString>

struct ApiError
{
    int httpStatus = 0; // the HTTP status of the reply
    QString message; // the server's own words ("message", else "error"); may be empty
    QString key; // the server's error key or code, when it gives one
    QJsonObject metadata; // the first shape's "metadata" (the second's "context")
    // The request field the error is about (metadata's "field"), when the server names one.
    QString field() const { return metadata.value(QLatin1String("field")).toString(); }

    // Reads {"status": 422, "message": …, "key": …, "metadata": {}} and
    // {"status": "Unauthorized", "error": …, "code": 401, "context": {}}.
    // A body in neither shape gives an error with an empty message.
    static ApiError fromReply(int httpStatus, const QByteArray &body);

    // The first shape, as the server writes it.
    static QByteArray messageShape(int status, const QString &message, const QString &key,
                                   const QJsonObject &metadata = {});
    // The second shape, as the server writes it (401 and friends).
    static QByteArray errorShape(int status, const QString &statusText, const QString &error,
                                 const QJsonObject &context = {});
};
