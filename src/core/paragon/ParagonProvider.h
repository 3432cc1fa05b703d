// Paragon's Connect Portal as a PlatformProvider. The picker and the connections come from the
// same endpoints Paragon's SDK reads for getIntegrationMetadata() and getUser() (`/sdk/
// integrations`, `/sdk/me`), asked natively with the user's token: the window needs them before
// any page exists, and without a page the app stays fast. Each connect attempt runs the SDK
// itself in the app's host page (ParagonAttempt).
#pragma once

#include "core/paragon/ParagonEndpoint.h"
#include "core/paragon/UserTokenSource.h"
#include "core/session/PlatformProvider.h"

#include <QHash>
#include <QJsonObject>
#include <QNetworkAccessManager>

class ParagonProvider : public PlatformProvider
{
    Q_OBJECT

public:
    explicit ParagonProvider(const ParagonEndpoint &endpoint, QObject *parent = nullptr);

    QString platformName() const override;
    QUrl apiBaseUrl() const override { return m_endpoint.zeus(); }
    const ParagonEndpoint &endpoint() const { return m_endpoint; }

    void fetchConnectionTypes(QObject *context, const HttpValidators &known,
                              ResultCallback<ConnectionTypeList> done) override;
    void fetchConnections(QObject *context, ResultCallback<QList<Connection>> done) override;
    void checkAccount(QObject *context, ResultCallback<QString> done) override;
    void removeConnection(const QString &id, QObject *context, ResultCallback<bool> done) override;
    ConnectAttempt *beginAttempt(const SessionRequest &request, ExchangeLog *log,
                                 QObject *parent) override;
    void abortAll() override;
    bool choosesAmongIntegrations() const override { return false; }
    bool takesConnectionNames() const override { return false; }

    // A user token (see UserTokenSource), for this provider's calls and its attempts' pages.
    void userToken(QObject *context, ExchangeLog *log, ResultCallback<QString> done);
    void forgetUserToken() { m_tokens.forget(); }
    // The user's state as the SDK's getUser() has it (GET /sdk/me), with the token refused
    // once retried with a fresh one.
    void fetchUser(QObject *context, ExchangeLog *log, ResultCallback<QJsonObject> done);
    // The integrations listed last (empty before the first fetch).
    const QList<ConnectionType> &knownTypes() const { return m_types; }

private:
    // GET/DELETE on zeus with a token; a refused token is replaced once.
    void call(const QByteArray &method, const QUrl &url,
              const QList<QPair<QByteArray, QByteArray>> &extraHeaders, QObject *context,
              ExchangeLog *log, ResultCallback<QJsonDocument> done, bool retried = false);
    QObject *callContext(QObject *context);

    ParagonEndpoint m_endpoint;
    QNetworkAccessManager m_network;
    UserTokenSource m_tokens;
    QObject *m_calls; // every call in flight hangs off this (abortAll)
    QList<ConnectionType> m_types;
    QHash<QString, QString> m_integrationOfCredential; // credential id → integration id
};
