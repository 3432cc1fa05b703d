// Fuzzes everything that reads an API reply: both error shapes, the data envelope, connection
// types and their forms, connections, the connect ticket and the connect request body.
#include "core/model/Connection.h"
#include "core/model/ConnectionType.h"
#include "core/polytomic/ApiError.h"
#include "core/polytomic/ConnectRequest.h"
#include "core/polytomic/ConnectSessionTicket.h"
#include "core/polytomic/JsonEnvelope.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    ApiError::fromReply(422, body);
    ApiError::fromReply(0, body);

    QString error;
    const auto envelope = JsonEnvelope::data(body, &error);
    if (envelope) {
        for (const ConnectionType &type : ConnectionType::listFromJson(envelope->toArray())) {
            for (const FormField &field : type.fields)
                field.check(envelope->toObject().value(field.id));
            type.toJson();
        }
        Connection::listFromJson(envelope->toArray());
        if (const auto connection = Connection::fromJson(envelope->toObject()))
            connection->toJson();
        ConnectSessionTicket::fromJson(envelope->toObject(), &error);
    }
    QList<ValidationProblem> problems;
    if (const auto request =
            ConnectRequest::fromJson(QJsonDocument::fromJson(body).object(), &problems)) {
        request->validate();
        request->toJson();
    }
    return 0;
}
