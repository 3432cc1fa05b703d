// A local server on 127.0.0.1 that speaks the Polytomic Connect API and serves its own modal:
// it listens, routes each request to the part that answers it (SandboxApi for /api/,
// SandboxModal for /connect/, SandboxAssets for logos and the index, SandboxAttacks for hostile
// pages) and sends the answer, after any delay a fault asks for. The parts share SandboxState.
#pragma once

#include "core/model/Connection.h"
#include "sandbox/SandboxApi.h"
#include "sandbox/SandboxAssets.h"
#include "sandbox/SandboxAttacks.h"
#include "sandbox/SandboxModal.h"
#include "sandbox/SandboxState.h"

#include <QObject>
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
    QString apiKey() const { return m_state.apiKey; }
    QString organizationId() const { return m_state.organizationId(); }
    const SandboxCatalogue &catalogue() const { return m_state.catalogue; }
    QList<Connection> connections() const { return m_state.store.connections(); }

    SandboxFaults faults() const { return m_state.options.faults; }
    void setFaults(const SandboxFaults &faults);
    void setSessionTtl(int seconds) { m_state.options.sessionTtlSeconds = seconds; }

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

    // The TLS-only listener with a deliberately untrusted certificate (for the untrusted-modal
    // and hostile-modal faults), made on first use; its port, or 0 when it cannot be made.
    quint16 untrustedTlsPort();

Q_SIGNALS:
    // One line per exchange, for logs. Session tokens in `path` are shortened.
    void requestServed(const QString &method, const QString &path, int status);

private:
    friend class SandboxListener;

    void handle(const SandboxRequest &request, const std::shared_ptr<SandboxResponder> &responder);
    void deliver(const std::shared_ptr<SandboxResponder> &responder, const SandboxReply &reply,
                 int delayMs, const QString &method, const QString &path,
                 const QString &idempotencyRecord = {});
    static QString redactPath(const QString &path);

    // What the parts share, and the parts: each answers its own paths.
    SandboxState m_state;
    SandboxApi m_api{m_state};
    SandboxModal m_modal{m_state};
    SandboxAssets m_assets{m_state};
    SandboxAttacks m_attacks{m_state};
    std::unique_ptr<SandboxListener> m_listener;
    std::unique_ptr<SandboxListener> m_tlsListener;
    quint16 m_tlsPort = 0;
    quint16 m_port = 0;

    int m_apiRequests = 0;
    QList<ReceivedRequest> m_received;
};
