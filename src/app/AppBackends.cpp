#include "app/AppBackends.h"

#include "core/model/PlatformTraits.h"
#include "core/paragon/ParagonProvider.h"
#include "core/polytomic/PolytomicProvider.h"
#include "core/system/LogCategories.h"
#include "core/system/ProxySetup.h"
#include "sandbox/SandboxServer.h"
#include "sandbox/paragon/ParagonSandbox.h"

#include <QPointer>
#include <QUrlQuery>
#include <qt6keychain/keychain.h>

AppBackends::AppBackends(const SandboxOptions &sandboxOptions, QObject *parent)
    : Backends(parent)
    , m_sandboxOptions(sandboxOptions)
{ }

AppBackends::~AppBackends()
{
    delete m_provider; // before the sandboxes it may point at
}

QString AppBackends::describe(const Profile &profile) const
{
    if (profile.platform == Profile::Platform::Paragon) {
        switch (profile.access) {
        case Profile::Access::Sandbox:
            return m_paragonSandbox && m_paragonSandbox->isRunning()
                ? tr("built-in Paragon sandbox on %1").arg(m_paragonSandbox->url().authority())
                : tr("built-in Paragon sandbox");
        case Profile::Access::Direct:
            return tr("Paragon project %1, tokens signed here").arg(profile.projectId);
        case Profile::Access::Backend:
            return tr("Paragon project %1, tokens from %2")
                .arg(profile.projectId, profile.baseUrl.host());
        }
        return {};
    }
    switch (profile.access) {
    case Profile::Access::Sandbox:
        return m_sandbox && m_sandbox->isRunning()
            ? tr("built-in sandbox on %1").arg(m_sandbox->url().authority())
            : tr("built-in sandbox");
    case Profile::Access::Direct:
        return tr("Polytomic at %1").arg(profile.baseUrl.host());
    case Profile::Access::Backend:
        return tr("backend proxy at %1").arg(profile.baseUrl.host());
    }
    return {};
}

void AppBackends::open(const Profile &profile, QObject *context,
                       ResultCallback<PlatformProvider *> done)
{
    if (profile.platform == Profile::Platform::Paragon
        && profile.access == Profile::Access::Sandbox) {
        if (!m_paragonSandbox)
            m_paragonSandbox = std::make_unique<ParagonSandbox>();
        QString error;
        if (!m_paragonSandbox->start(&error)) {
            done(Result<PlatformProvider *>::error(ApiFailure::configuration(
                {}, tr("The built-in Paragon sandbox could not start: %1").arg(error))));
            return;
        }
        finishOpenParagon(profile, {}, done);
        return;
    }
    if (profile.access == Profile::Access::Sandbox) {
        if (!m_sandbox)
            m_sandbox = std::make_unique<SandboxServer>(m_sandboxOptions);
        QString error;
        if (!m_sandbox->start(&error)) {
            done(Result<PlatformProvider *>::error(ApiFailure::configuration(
                {}, tr("The built-in sandbox could not start: %1").arg(error))));
            return;
        }
        finishOpen(profile, m_sandbox->apiKey(), done);
        return;
    }

    // The environment wins, so scripts and CI never touch the keychain.
    const QString variable = PlatformTraits::of(profile.platform).keyEnvironmentVariable;
    const QString fromEnvironment = qEnvironmentVariable(variable.toLocal8Bit().constData());
    if (profile.access == Profile::Access::Direct && !fromEnvironment.isEmpty()) {
        if (profile.platform == Profile::Platform::Paragon)
            finishOpenParagon(profile, fromEnvironment, done);
        else
            finishOpen(profile, fromEnvironment, done);
        return;
    }

    auto *job = new QKeychain::ReadPasswordJob(QLatin1String(keychainService), this);
    job->setKey(profile.id);
    job->setAutoDelete(true);
    QPointer<QObject> guard(context);
    connect(job, &QKeychain::Job::finished, this, [this, job, profile, guard, done, variable] {
        if (!guard)
            return;
        const QString secret = job->error() == QKeychain::NoError ? job->textData() : QString();
        if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound)
            qCWarning(lcApp) << "keychain unavailable:" << job->errorString();
        if (profile.access == Profile::Access::Direct && secret.isEmpty()) {
            const QString why =
                job->error() == QKeychain::EntryNotFound || job->error() == QKeychain::NoError
                ? (profile.platform == Profile::Platform::Paragon
                       ? tr("No signing key is stored for the profile “%1”.").arg(profile.name)
                       : tr("No API key is stored for the profile “%1”.").arg(profile.name))
                : tr("The system keychain could not be read (%1).").arg(job->errorString());
            done(Result<PlatformProvider *>::error(
                ApiFailure::configuration({},
                                          why + QLatin1Char(' ')
                                              + tr("Enter the key in Settings → Profiles, or set "
                                                   "the environment variable %1.")
                                                    .arg(variable))));
            return;
        }
        if (profile.platform == Profile::Platform::Paragon)
            finishOpenParagon(profile, secret, done);
        else
            finishOpen(profile, secret, done);
    });
    job->start();
}

void AppBackends::readProxyPassword()
{
    const QString fromEnvironment = qEnvironmentVariable("CONNECT_DESKTOP_PROXY_PASSWORD");
    if (!fromEnvironment.isEmpty()) {
        ProxySetup::setPassword(fromEnvironment);
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(QLatin1String(keychainService), this);
    job->setKey(ProxySetup::keychainKey());
    job->setAutoDelete(true);
    connect(job, &QKeychain::Job::finished, this, [job] {
        if (job->error() == QKeychain::NoError)
            ProxySetup::setPassword(job->textData());
        else if (job->error() != QKeychain::EntryNotFound)
            qCWarning(lcApp) << "keychain unavailable for the proxy's password:"
                             << job->errorString();
    });
    job->start();
}

void AppBackends::finishOpen(const Profile &profile, const QString &secret,
                             ResultCallback<PlatformProvider *> done)
{
    ApiEndpoint endpoint;
    endpoint.apiVersion = profile.apiVersion.isEmpty() ? ApiVersion::latest() : profile.apiVersion;
    switch (profile.access) {
    case Profile::Access::Sandbox:
        endpoint.baseUrl = m_sandbox->url();
        endpoint.apiKey = secret;
        break;
    case Profile::Access::Direct:
        endpoint.baseUrl = profile.baseUrl;
        endpoint.apiKey = secret;
        break;
    case Profile::Access::Backend:
        // The customer's server adds the key; we may send the user's own credential.
        endpoint.baseUrl = profile.baseUrl;
        endpoint.credentialHeader = profile.credentialHeader.toLatin1();
        endpoint.credential = secret;
        break;
    }
    setProvider(new PolytomicProvider(endpoint, this));
    done(Result<PlatformProvider *>::success(m_provider.data()));
}

void AppBackends::setProvider(PlatformProvider *provider)
{
    // Windows of the previous profile may still hold it until their event ends.
    if (m_provider)
        m_provider->deleteLater();
    m_provider = provider;
}

void AppBackends::finishOpenParagon(const Profile &profile, const QString &secret,
                                    ResultCallback<PlatformProvider *> done)
{
    ParagonEndpoint endpoint;
    if (profile.access == Profile::Access::Sandbox) {
        endpoint.projectId = m_paragonSandbox->projectId();
        endpoint.environments = m_paragonSandbox->environments();
        endpoint.tokenUrl = m_paragonSandbox->tokenUrl();
        QUrlQuery query(endpoint.tokenUrl);
        query.addQueryItem(QStringLiteral("sub"), QLatin1String(paragonSandboxUser));
        endpoint.tokenUrl.setQuery(query);
    } else {
        endpoint.projectId = profile.projectId;
        // Paragon's cloud, but for the services a self-hosted Paragon names.
        endpoint.environments = PlatformTraits::paragonCloudEnvironments();
        for (auto it = profile.environments.begin(); it != profile.environments.end(); ++it) {
            if (it.value().isValid())
                endpoint.environments.insert(it.key(), it.value());
        }
        if (profile.access == Profile::Access::Direct) {
            endpoint.tokenSource = ParagonEndpoint::TokenSource::SigningKey;
            endpoint.signingKeyPem = secret.toUtf8();
            endpoint.userId = profile.userId;
        } else {
            endpoint.tokenUrl = profile.baseUrl;
            endpoint.credentialHeader = profile.credentialHeader.toLatin1();
            endpoint.credential = secret;
        }
    }
    setProvider(new ParagonProvider(endpoint, this));
    done(Result<PlatformProvider *>::success(m_provider.data()));
}
