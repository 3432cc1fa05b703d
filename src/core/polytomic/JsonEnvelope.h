// Reads the {"data": …} envelope of API replies, with an error a person can read when it is not
// there.
#pragma once

#include <QJsonValue>
#include <QString>

#include <optional>

namespace JsonEnvelope {

// The value of "data" in a JSON object body; nullopt and *error set when the body is not JSON,
// not an object, or has no "data".
std::optional<QJsonValue> data(const QByteArray &body, QString *error);

// {"data": value} as compact JSON.
QByteArray wrap(const QJsonValue &value);

} // namespace JsonEnvelope
