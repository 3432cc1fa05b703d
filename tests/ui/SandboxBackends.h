// Test-only Backends: every Sandbox profile opens a PolytomicProvider pointed at a SandboxServer
// the test owns; other profiles fail as the app's would without a key.
#pragma once

#include "core/polytomic/ApiClient.h"
#include "core/session/Backends.h"

#include <QPointer>

class SandboxServer;

class SandboxBackends : public Backends
{
    Q_OBJECT

public:
    explicit SandboxBackends(SandboxServer *server, QObject *parent = nullptr);

    // Applied to the next open(): timeouts, attempts and backoff of the provider.
    ApiEndpoint &endpointTemplate() { return m_template; }
    // A provider for the server as it is now (its URL and key).
    PlatformProvider *makeProvider(QObject *parent) const;
    int openCount() const { return m_opens; }

    void open(const Profile &profile, QObject *context,
              ResultCallback<PlatformProvider *> done) override;
    QString describe(const Profile &profile) const override;

private:
    SandboxServer *m_server;
    ApiEndpoint m_template;
    QPointer<PlatformProvider> m_provider;
    int m_opens = 0;
};
