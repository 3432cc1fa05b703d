// Polytomic's API shapes for what the app shows: connection types (GET /api/connection_types)
// and connections (GET /api/connections{/id}), read as sent and written the same way (the
// sandbox answers with them). A type's "capabilities" and "configurationForm" ride along in
// ConnectionType::details (FormField::of reads the form).
#pragma once

#include "core/model/Connection.h"
#include "core/model/ConnectionType.h"

#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace PolytomicJson {

std::optional<ConnectionType> connectionType(const QJsonObject &object);
// Reads {"data": [...]}'s array; entries without an id are skipped.
QList<ConnectionType> connectionTypes(const QJsonArray &array);
QJsonObject toJson(const ConnectionType &type);

std::optional<Connection> connection(const QJsonObject &object);
QList<Connection> connections(const QJsonArray &array);
QJsonObject toJson(const Connection &connection);

} // namespace PolytomicJson
