#include "SandboxBackends.h"

#include "core/polytomic/PolytomicProvider.h"
#include "sandbox/SandboxServer.h"

#include <QPointer>
#include <QTimer>

SandboxBackends::SandboxBackends(SandboxServer *server, QObject *parent)
    : Backends(parent)
    , m_server(server)
{
    m_template.timeoutMs = 5000;
    m_template.backoffMs = 20;
}

PlatformProvider *SandboxBackends::makeProvider(QObject *parent) const
{
    ApiEndpoint endpoint = m_template;
    endpoint.baseUrl = m_server->url();
    endpoint.apiKey = m_server->apiKey();
    return new PolytomicProvider(endpoint, parent);
}

void SandboxBackends::open(const Profile &profile, QObject *context,
                           ResultCallback<PlatformProvider *> done)
{
    ++m_opens;
    delete m_provider;
    QPointer<QObject> guard(context);
    std::optional<Result<PlatformProvider *>> result;
    if (profile.access == Profile::Access::Sandbox) {
        m_provider = makeProvider(this);
        result = Result<PlatformProvider *>::success(m_provider.data());
    } else {
        ApiFailure failure;
        failure.kind = ApiFailure::Kind::Configuration;
        failure.detail = tr("No API key for “%1”. Add it in Settings, or set POLYTOMIC_API_KEY.")
                             .arg(profile.name);
        result = Result<PlatformProvider *>::error(failure);
    }
    // Answer later, as the app's Backends does when it starts a server or reads the keychain.
    QTimer::singleShot(0, this, [guard, done, value = *result] {
        if (guard)
            done(value);
    });
}

QString SandboxBackends::describe(const Profile &profile) const
{
    if (profile.access == Profile::Access::Sandbox)
        return tr("sandbox on %1").arg(m_server->url().authority());
    return profile.baseUrl.toDisplayString();
}
