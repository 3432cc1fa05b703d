// Paragon's JSON, as its SDK reads it (`/sdk/integrations`, `/sdk/me`), in the app's own shapes:
// the integrations a project offers become ConnectionTypes, a user's credentials Connections.
#pragma once

#include "core/model/Connection.h"
#include "core/model/ConnectionType.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QUrl>

namespace ParagonJson {

// The active integrations that have a configuration (the SDK ignores the others), sorted by
// name; logos at `${CDN}/integrations/${type}.svg`, as getIntegrationMetadata() gives them.
// `details` keeps the integration's id, brandColor and description.
QList<ConnectionType> integrations(const QJsonArray &array, const QUrl &cdn);

// Every credential of every integration in a user state (`/sdk/me`), newest first: one
// Connection each, named after its integration (and the account, when the platform says one).
// `types` gives names and logos. Statuses: VALID → healthy, INVALID → unhealthy, PENDING →
// pending.
QList<Connection> credentials(const QJsonObject &user, const QList<ConnectionType> &types);

QString statusOf(const QString &credentialStatus);

} // namespace ParagonJson
