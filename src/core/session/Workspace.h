// The open profile and what it offers, for the main window and the command line alike: opening
// it (through Backends), the integrations its platform lists (what was cached for it shows at
// once; the platform is asked with the cached list's validators), the ones the company allows,
// its connections and the names they take. No widgets: both front ends decide the same way.
#pragma once

#include "core/model/ApiFailure.h"
#include "core/model/Connection.h"
#include "core/model/ConnectionType.h"
#include "core/model/HttpValidators.h"
#include "core/model/Profile.h"
#include "core/model/Result.h"

#include <QObject>
#include <QStringList>

class AppSettings;
class Backends;
class ConnectionTypeCache;
class PlatformProvider;

class Workspace : public QObject
{
    Q_OBJECT

public:
    // Where a list of integrations came from.
    enum class Source {
        Cache, // what this profile listed last time, while the platform is asked
        Platform, // the platform's answer
        Unchanged, // the platform said the list shown is current
    };
    Q_ENUM(Source)

    // `backends` and `settings` (and `cache`, which may be null: nothing is cached) must outlive
    // the workspace.
    Workspace(Backends *backends, const AppSettings *settings,
              const ConnectionTypeCache *cache = nullptr, QObject *parent = nullptr);

    // Opens `profile`, dropping everything of the one open before (answers still on their way
    // for it are ignored). Says opened() or openFailed().
    void open(const Profile &profile);
    const Profile &profile() const { return m_profile; }
    // Null until the profile is open, and after it failed to open.
    PlatformProvider *provider() const { return m_provider; }
    bool hasFailedToOpen() const { return m_failed; }
    // Valid while the profile stays open: callbacks on it stop with the next open().
    QObject *context() const { return m_context; }

    // Asks the platform for its integrations; the first time for a profile, the cached list is
    // said first (integrationsListed with Source::Cache).
    void refreshIntegrations();
    // Everything the platform listed last, before the company's choice; empty until listed.
    const QList<ConnectionType> &listed() const { return m_listed; }
    // The listed integrations the company allows (all, when it names none), logos resolved
    // against the platform's address.
    QList<ConnectionType> offered() const;
    // Of `ids`, the ones the platform does not list.
    QStringList unlisted(const QStringList &ids) const;

    void refreshConnections();
    bool connectionsLoaded() const { return m_connectionsLoaded; }
    // The connections last listed, logos resolved.
    const QList<Connection> &connections() const { return m_connections; }
    // Names a new connection cannot take: the listed ones, and those connected since.
    QStringList namesTaken() const;
    // A session connected `name`; it counts as taken until the list has it.
    void noteConnected(const QString &name);

Q_SIGNALS:
    void opened(const Profile &profile);
    void openFailed(const Profile &profile, const ApiFailure &failure);
    void integrationsListed(Workspace::Source source);
    // `stale`: a list was shown before and stays (it may be out of date).
    void integrationsFailed(const ApiFailure &failure, bool stale);
    void connectionsListed(const Result<QList<Connection>> &result);

private:
    Backends *m_backends;
    const AppSettings *m_settings;
    const ConnectionTypeCache *m_cache;
    Profile m_profile;
    QObject *m_context = nullptr;
    PlatformProvider *m_provider = nullptr;
    bool m_failed = false;
    QList<ConnectionType> m_listed;
    HttpValidators m_validators;
    QList<Connection> m_connections;
    bool m_connectionsLoaded = false;
    QStringList m_justConnected;
};
