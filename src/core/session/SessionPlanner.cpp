#include "core/session/SessionPlanner.h"

#include "core/settings/AppSettings.h"
#include "core/settings/NameTemplate.h"

SessionPlanner::SessionPlanner(const AppSettings *settings)
    : m_settings(settings)
{ }

QStringList SessionPlanner::integrationsFor(const QStringList &asked) const
{
    return asked.isEmpty() ? m_settings->allowedIntegrations() : asked;
}

QList<ConnectionType> SessionPlanner::allowedOf(const QList<ConnectionType> &listed) const
{
    const QStringList allowed = m_settings->allowedIntegrations();
    if (allowed.isEmpty())
        return listed;
    QList<ConnectionType> kept;
    for (const ConnectionType &type : listed) {
        if (allowed.contains(type.id))
            kept.append(type);
    }
    return kept;
}

QString SessionPlanner::nameFor(const QString &integrationName, const QString &integrationId,
                                const QStringList &taken) const
{
    return NameTemplate::make(m_settings->nameTemplate(), integrationName, integrationId, taken);
}

SessionRequest SessionPlanner::create(const QString &name, const QStringList &integrations,
                                      bool dark) const
{
    SessionRequest request;
    request.name = name;
    request.integrations = integrations;
    request.dark = dark;
    return request;
}

SessionRequest SessionPlanner::reconnect(const Connection &connection, bool dark) const
{
    SessionRequest request;
    request.name = connection.name;
    request.connectionId = connection.id;
    if (!connection.typeId.isEmpty())
        request.integrations = {connection.typeId};
    request.dark = dark;
    return request;
}
