#include "core/session/Workspace.h"

#include "core/session/Backends.h"
#include "core/session/PlatformProvider.h"
#include "core/session/SessionPlanner.h"
#include "core/system/ConnectionTypeCache.h"
#include "core/system/LogCategories.h"

namespace {

QUrl resolved(const QUrl &base, const QUrl &url)
{
    return url.isRelative() && base.isValid() ? base.resolved(url) : url;
}

} // namespace

Workspace::Workspace(Backends *backends, const AppSettings *settings,
                     const ConnectionTypeCache *cache, QObject *parent)
    : QObject(parent)
    , m_backends(backends)
    , m_settings(settings)
    , m_cache(cache)
{ }

void Workspace::open(const Profile &profile)
{
    // Every answer for the profile before goes with its context, unheard.
    delete m_context;
    m_context = new QObject(this);
    m_profile = profile;
    m_provider = nullptr;
    m_failed = false;
    m_listed.clear();
    m_validators = {};
    m_connections.clear();
    m_connectionsLoaded = false;
    m_justConnected.clear();

    QObject *context = m_context;
    m_backends->open(profile, context,
                     [this, context, profile](const Result<PlatformProvider *> &result) {
                         if (context != m_context)
                             return;
                         if (!result.ok() || !*result.value) {
                             m_failed = true;
                             Q_EMIT openFailed(profile, result.failure);
                             return;
                         }
                         m_provider = *result.value;
                         Q_EMIT opened(profile);
                     });
}

void Workspace::refreshIntegrations()
{
    if (!m_provider)
        return;
    const QString cacheKey = ConnectionTypeCache::keyFor(m_profile.id, m_provider->apiBaseUrl());
    if (m_listed.isEmpty() && m_cache) {
        if (const auto cached = m_cache->load(cacheKey)) {
            qCInfo(lcApp) << "integrations from the cache of" << cached->fetchedAt;
            m_validators = cached->validators;
            m_listed = cached->types;
            Q_EMIT integrationsListed(Source::Cache);
        }
    }
    QObject *context = m_context;
    m_provider->fetchConnectionTypes(
        context, m_validators, [this, context, cacheKey](const Result<ConnectionTypeList> &result) {
            if (context != m_context)
                return;
            if (!result.ok()) {
                Q_EMIT integrationsFailed(result.failure, !m_listed.isEmpty());
                return;
            }
            if (result.value->unchanged && !m_listed.isEmpty()) {
                Q_EMIT integrationsListed(Source::Unchanged);
                return;
            }
            if (m_cache && !result.value->types.isEmpty())
                m_cache->store(cacheKey,
                               {result.value->types, result.value->validators,
                                QDateTime::currentDateTimeUtc()});
            m_validators = result.value->validators;
            m_listed = result.value->types;
            Q_EMIT integrationsListed(Source::Platform);
        });
}

QList<ConnectionType> Workspace::offered() const
{
    QList<ConnectionType> types = SessionPlanner(m_settings).allowedOf(m_listed);
    const QUrl base = m_provider ? m_provider->apiBaseUrl() : QUrl();
    for (ConnectionType &type : types)
        type.logoUrl = resolved(base, type.logoUrl);
    return types;
}

QStringList Workspace::unlisted(const QStringList &ids) const
{
    QStringList missing;
    for (const QString &id : ids) {
        const bool found = std::any_of(m_listed.cbegin(), m_listed.cend(),
                                       [&](const ConnectionType &type) { return type.id == id; });
        if (!found)
            missing.append(id);
    }
    return missing;
}

void Workspace::refreshConnections()
{
    if (!m_provider)
        return;
    QObject *context = m_context;
    m_provider->fetchConnections(context, [this, context](const Result<QList<Connection>> &result) {
        if (context != m_context)
            return;
        if (!result.ok()) {
            Q_EMIT connectionsListed(result);
            return;
        }
        QList<Connection> connections = *result.value;
        const QUrl base = m_provider->apiBaseUrl();
        for (Connection &connection : connections)
            connection.typeLogoUrl = resolved(base, connection.typeLogoUrl);
        m_connections = connections;
        m_connectionsLoaded = true;
        m_justConnected.clear(); // the list has them now
        Q_EMIT connectionsListed(Result<QList<Connection>>::success(connections));
    });
}

QStringList Workspace::namesTaken() const
{
    QStringList names;
    for (const Connection &connection : m_connections)
        names.append(connection.name);
    return names + m_justConnected;
}

void Workspace::noteConnected(const QString &name)
{
    if (!name.isEmpty())
        m_justConnected.append(name);
}
