// A local server on 127.0.0.1 that speaks the Polytomic Connect API and serves its own modal.
#pragma once

#include "core/model/Connection.h"
#include "sandbox/SandboxCatalogue.h"
#include "sandbox/SandboxHttp.h"
#include "sandbox/SandboxOptions.h"
#include "sandbox/SandboxStore.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QRandomGenerator>
#include <QUrl>

#include <memory>

class SandboxListener;

class SandboxServer : public QObject
{
    Q_OBJECT

public:
    explicit SandboxServer(const SandboxOptions &options = {}, QObject *parent = nullptr);
    ~SandboxServer() override;

    // Listens on 127.0.0.1 (the options' port, or any free one). False and *error on failure:
    // a port in use, an unreadable logo or state file.
    bool start(QString *error = nullptr);
    // Stops listening and drops open connections. Connections and sessions are kept, so a
    // later start() carries on.
    void stop();
    bool isRunning() const;

    QUrl url() const; // http://127.0.0.1:<port>, empty when stopped
    QString apiKey() const { return m_apiKey; }
    QString organizationId() const { return m_store.organizationId(); }
    const SandboxCatalogue &catalogue() const { return m_catalogue; }
    QList<Connection> connections() const { return m_store.connections(); }

    SandboxFaults faults() const { return m_options.faults; }
    void setFaults(const SandboxFaults &faults);
    void setSessionTtl(int seconds) { m_options.sessionTtlSeconds = seconds; }

    // How many API requests have arrived since start (faulted ones included).
    int apiRequestCount() const { return m_apiRequests; }

    // The last API requests received (at most 500), for tests and support rehearsals.
    struct ReceivedRequest
    {
        QString method;
        QString path;
        QString idempotencyKey;
        QString apiVersion;
    };
    const QList<ReceivedRequest> &receivedRequests() const { return m_received; }

Q_SIGNALS:
    // One line per exchange, for logs. Session tokens in `path` are shortened.
    void requestServed(const QString &method, const QString &path, int status);

private:
    friend class SandboxListener;

    struct Session
    {
        enum class State { Open, Completed, Failed, Finished };
        QString token;
        QString name;
        QUrl redirectUrl;
        QStringList types;
        bool dark = false;
        QString connectionId; // update mode
        QDateTime expiresAt;
        State state = State::Open;
        QString resultConnectionId;
        QString failure;
        int failedAttempts = 0;
        QHash<QString, QString> oauthCodes; // code -> type id

        bool isExpired() const { return QDateTime::currentDateTimeUtc() > expiresAt; }
    };

    struct IdempotencyRecord
    {
        bool inFlight = true;
        SandboxReply reply;
        QDateTime createdAt;
    };

    void handle(const SandboxRequest &request, const std::shared_ptr<SandboxResponder> &responder);
    void deliver(const std::shared_ptr<SandboxResponder> &responder, const SandboxReply &reply,
                 int delayMs, const QString &method, const QString &path,
                 const QString &idempotencyRecord = {});

    bool apiFaultFires(const QString &path);
    SandboxReply apiFaultReply(const QString &version) const;

    SandboxReply routeApi(const SandboxRequest &request, QString *idempotencyRecord);
    SandboxReply createSession(const SandboxRequest &request);
    SandboxReply listConnectionTypes(const SandboxRequest &request) const;
    SandboxReply listConnections() const;
    SandboxReply getConnection(const QString &id) const;
    SandboxReply deleteConnection(const QString &id);
    SandboxReply me() const;

    SandboxReply routeModal(const SandboxRequest &request, int *delayMs);
    SandboxReply modalPage(Session &session, const QString &language);
    SandboxReply submit(Session &session, const SandboxRequest &request);
    SandboxReply finish(Session &session, const QString &clientFailure);
    SandboxReply close(Session &session);
    SandboxReply oauthConsent(Session &session, const QString &typeId, bool embedded,
                              const QString &language);
    SandboxReply oauthGrant(Session &session, const QString &typeId);
    SandboxReply messagePage(int status, const QString &heading, const QString &text) const;
    SandboxReply sessionGone(const Session *session, bool asJson) const;

    SandboxReply typeLogo(const QString &fileName, const SandboxRequest &request) const;
    SandboxReply brandingLogo(const QString &fileName) const;
    SandboxReply indexPage() const;
    SandboxReply hostileDownload() const;
    SandboxReply attackPage(const SandboxRequest &request) const;
    static QByteArray attackScript(const QString &name, const QJsonObject &context,
                                   const QByteArray &nonce);
    // The TLS-only listener with a deliberately untrusted certificate (hostile modal only).
    quint16 ensureUntrustedTlsPort();

    bool authorized(const SandboxRequest &request) const;
    QUrl sessionBase(const Session &session) const;
    QUrl modalUrl(const Session &session); // where the app is sent: sessionBase, or TLS
    void purgeOldSessions();
    static QString redactPath(const QString &path);

    SandboxOptions m_options;
    QString m_apiKey;
    SandboxCatalogue m_catalogue;
    SandboxStore m_store;
    bool m_storeOpened = false;
    QByteArray m_logoLight;
    QByteArray m_logoDark;
    std::unique_ptr<SandboxListener> m_listener;
    std::unique_ptr<SandboxListener> m_tlsListener;
    quint16 m_tlsPort = 0;
    quint16 m_port = 0;

    QHash<QString, Session> m_sessions;
    QHash<QString, IdempotencyRecord> m_idempotency;
    QRandomGenerator m_faultRandom;
    int m_faultCounter = 0;
    int m_apiRequests = 0;
    QList<ReceivedRequest> m_received;
};
