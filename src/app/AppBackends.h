// Opens providers for profiles: starts the built-in sandbox in-process on demand, and reads
// keys from the platform's environment variable (PlatformTraits) or the OS keychain.
#pragma once

#include "core/session/Backends.h"
#include "sandbox/SandboxOptions.h"

#include <QPointer>

#include <memory>

class ParagonSandbox;
class SandboxServer;

class AppBackends : public Backends
{
    Q_OBJECT

public:
    explicit AppBackends(const SandboxOptions &sandboxOptions = {}, QObject *parent = nullptr);
    ~AppBackends() override;

    void open(const Profile &profile, QObject *context,
              ResultCallback<PlatformProvider *> done) override;
    QString describe(const Profile &profile) const override;

    // The manual proxy's password: CONNECT_DESKTOP_PROXY_PASSWORD, else the keychain's
    // (ProxySetup::keychainKey), handed to ProxySetup when it arrives. Nothing when none is stored.
    void readProxyPassword();

    // The in-process sandboxes, started on first use; null before.
    SandboxServer *sandbox() const { return m_sandbox.get(); }
    ParagonSandbox *paragonSandbox() const { return m_paragonSandbox.get(); }

    // The user id the built-in Paragon sandbox's tokens are for.
    static constexpr auto paragonSandboxUser = "connect-desktop-user";

    static constexpr auto keychainService = "connect-desktop";

private:
    void finishOpen(const Profile &profile, const QString &secret,
                    ResultCallback<PlatformProvider *> done);
    void finishOpenParagon(const Profile &profile, const QString &secret,
                           ResultCallback<PlatformProvider *> done);
    void setProvider(PlatformProvider *provider);

    SandboxOptions m_sandboxOptions;
    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<ParagonSandbox> m_paragonSandbox;
    QPointer<PlatformProvider> m_provider;
};
