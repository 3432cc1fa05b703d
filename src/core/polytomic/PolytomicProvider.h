// Polytomic Connect as a PlatformProvider: the connect call, and confirmation through the API.
#pragma once

#include "core/polytomic/ApiClient.h"
#include "core/polytomic/ConnectSessionTicket.h"
#include "core/session/PlatformProvider.h"

class PolytomicProvider : public PlatformProvider
{
    Q_OBJECT

public:
    explicit PolytomicProvider(const ApiEndpoint &endpoint, QObject *parent = nullptr);

    QString platformName() const override;
    QUrl apiBaseUrl() const override { return m_client.endpoint().baseUrl; }
    ApiClient *client() { return &m_client; }

    void fetchConnectionTypes(QObject *context, const HttpValidators &known,
                              ResultCallback<ConnectionTypeList> done) override;
    void fetchConnections(QObject *context, ResultCallback<QList<Connection>> done) override;
    void checkAccount(QObject *context, ResultCallback<QString> done) override;
    void removeConnection(const QString &id, QObject *context, ResultCallback<bool> done) override;
    ConnectAttempt *beginAttempt(const SessionRequest &request, ExchangeLog *log,
                                 QObject *parent) override;
    void prepareFirstAttempt() override;
    void abortAll() override { m_client.abortAll(); }

    // The connect call: a modal URL for `request`, which sends the browser to `returnUrl` when
    // it is done. Retries of safe failures happen inside, with the same idempotency key.
    void createSession(const SessionRequest &request, const QUrl &returnUrl, ExchangeLog *log,
                       QObject *context, ResultCallback<ConnectSessionTicket> done);
    // After the modal finished: the connection the session made or re-authenticated, or an
    // empty optional when there is none (the user left without connecting). `startedAt` lets
    // update mode tell a fresh re-authentication from an untouched connection.
    void confirmSession(const SessionRequest &request, const QDateTime &startedAt, ExchangeLog *log,
                        QObject *context, ResultCallback<std::optional<Connection>> done);

    static constexpr auto connectPath = "/api/connections/connect/";

private:
    ApiClient m_client;
};
