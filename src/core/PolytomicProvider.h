// Polytomic Connect as a PlatformProvider: the connect call, and confirmation through the API.
#pragma once

#include "ApiClient.h"
#include "PlatformProvider.h"

class PolytomicProvider : public PlatformProvider
{
    Q_OBJECT

public:
    explicit PolytomicProvider(const ApiEndpoint &endpoint, QObject *parent = nullptr);

    QString platformName() const override;
    QUrl apiBaseUrl() const override { return m_client.endpoint().baseUrl; }
    void setExchangeLog(ExchangeLog *log) override { m_client.setLog(log); }
    ApiClient *client() { return &m_client; }

    void fetchConnectionTypes(QObject *context, const HttpValidators &known,
                              ResultCallback<ConnectionTypeList> done) override;
    void fetchConnections(QObject *context, ResultCallback<QList<Connection>> done) override;
    void removeConnection(const QString &id, QObject *context, ResultCallback<bool> done) override;
    void createSession(const SessionRequest &request, QObject *context,
                       ResultCallback<ConnectSessionTicket> done) override;
    void confirmSession(const SessionRequest &request, const QDateTime &startedAt, QObject *context,
                        ResultCallback<std::optional<Connection>> done) override;
    void abortAll() override { m_client.abortAll(); }

    static constexpr auto connectPath = "/api/connections/connect/";

private:
    ApiClient m_client;
};
