// Fuzzes everything that reads an API reply: both error shapes, the data envelope, connection
// types and their forms, connections, the connect ticket and the connect request body.
#include "core/polytomic/ApiError.h"
#include "core/polytomic/ConnectRequest.h"
#include "core/polytomic/ConnectSessionTicket.h"
#include "core/polytomic/FormField.h"
#include "core/polytomic/JsonEnvelope.h"
#include "core/polytomic/PolytomicJson.h"

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
        for (const ConnectionType &type : PolytomicJson::connectionTypes(envelope->toArray())) {
            for (const FormField &field : FormField::of(type))
                field.check(envelope->toObject().value(field.id));
            PolytomicJson::toJson(type);
            ConnectionType::fromJson(type.toJson()); // and the app's own shape of it
        }
        PolytomicJson::connections(envelope->toArray());
        if (const auto connection = PolytomicJson::connection(envelope->toObject()))
            PolytomicJson::toJson(*connection);
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
