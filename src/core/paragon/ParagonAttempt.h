// A Paragon Connect Portal attempt: the app serves its own host page on loopback, which runs
// Paragon's SDK (bundled), authenticates the user with a fresh token and opens the portal for
// the session's integration. The page reports by its own channel (HostPageServer): shown,
// installed, closed, error. Installs are counted once per (integration, credential); the
// portal's close ends the page's part; the outcome is confirmed from the user's state
// (`/sdk/me`, what the SDK's getUser() reads): the credential must be there, VALID. The SDK says
// nothing of a sign-in that left its credential PENDING: the user's credentials as the session
// began are kept, and one that is new or changed at the close is the session's.
#pragma once

#include "core/paragon/HostPageServer.h"
#include "core/session/ConnectAttempt.h"
#include "core/session/PlatformProvider.h"

#include <QHash>
#include <QSet>

#include <optional>

class ExchangeLog;
class ParagonProvider;

class ParagonAttempt : public ConnectAttempt
{
    Q_OBJECT

public:
    ParagonAttempt(ParagonProvider *provider, const SessionRequest &request, ExchangeLog *log,
                   QObject *parent = nullptr);

    void launch(QObject *context, ResultCallback<ConnectLaunch> done) override;
    Verdict judge(const PageEvent &event, SessionResult *result, QString *code,
                  QString *message) override;
    void confirm(QObject *context, ResultCallback<std::optional<Connection>> done) override;
    void end() override { m_server.close(); }

    // How long the SDK waits for an OAuth popup to come back before it reports a timeout.
    static constexpr int oauthTimeoutMs = 5 * 60 * 1000;

private:
    void onReport(const QJsonObject &report);
    QString integrationType() const;
    void rememberCredentialsBefore(QObject *context);
    // What tells a credential's state apart: "status|updated".
    static QString stateOf(const Connection &credential);

    ParagonProvider *m_provider;
    SessionRequest m_request;
    ExchangeLog *m_log;
    HostPageServer m_server;
    QSet<QString> m_installs; // "type/credential id", each once
    QString m_credentialId; // the last one installed (or the one re-authenticated)
    // The integration's credentials as the session began: id -> stateOf().
    std::optional<QHash<QString, QString>> m_before;
};
