// HTTP to a Polytomic-compatible API on QNetworkAccessManager: version header always sent,
// authentication, timeouts, retries of safe failures with backoff, every exchange logged.
// Requests travel on a network thread of the client's own, so that a busy UI thread (making and
// painting a window at a click) never holds one back; calls and their results stay on the
// thread that made them.
#pragma once

#include "core/model/ApiFailure.h"
#include "core/model/HttpValidators.h"
#include "core/polytomic/ApiVersion.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QThread>
#include <QUrl>

class ApiClient;
class ApiTransport;
class ExchangeLog;
struct ApiResponse;

struct ApiEndpoint
{
    QUrl baseUrl; // e.g. https://app.polytomic.com (a path prefix is kept)
    QString apiVersion = ApiVersion::latest();
    QString apiKey; // sent as Bearer; empty for a backend proxy
    QByteArray credentialHeader; // proxy: header for the end user's own credential
    QString credential; // its value
    int timeoutMs = 15000; // per attempt
    int maxAttempts = 3; // first try included
    int backoffMs = 250; // doubled after each retry
};

// One logical call, across its retries. It deletes itself after emitting finished().
class ApiCall : public QObject
{
    Q_OBJECT

public:
    bool isFinished() const { return m_finished; }
    bool ok() const { return m_finished && !m_failed; }
    QJsonValue data() const { return m_data; } // "data" of the reply, when it had one
    // A conditional GET whose validators still match: ok(), and no data.
    bool notModified() const { return m_notModified; }
    // The answer's validators (ETag, Last-Modified), for the next conditional GET.
    const HttpValidators &validators() const { return m_validators; }
    const ApiFailure &failure() const { return m_failure; }
    // Stops the call; finished() is emitted with an Aborted failure.
    void abort();

Q_SIGNALS:
    void finished();

private:
    friend class ApiClient;
    ApiCall(ApiClient *client, QByteArray method, QUrl url, QByteArray body, QString idempotencyKey,
            ExchangeLog *log);
    ~ApiCall() override;
    void send();
    void handleResponse(const ApiResponse &response);
    void finish();

    ApiClient *m_client; // the parent; null once it is going away
    ApiEndpoint m_endpoint;
    QByteArray m_method;
    QUrl m_url;
    QByteArray m_requestBody;
    QString m_idempotencyKey;
    HttpValidators m_known; // sent as If-None-Match / If-Modified-Since
    QPointer<ExchangeLog> m_log;
    quint64 m_inFlight = 0; // the attempt on the network thread, if one is
    QElapsedTimer m_clock; // since the attempt was sent
    int m_attempt = 0;
    bool m_finished = false;
    bool m_failed = false;
    bool m_notModified = false;
    HttpValidators m_validators;
    QJsonValue m_data;
    ApiFailure m_failure;
};

class ApiClient : public QObject
{
    Q_OBJECT

public:
    explicit ApiClient(const ApiEndpoint &endpoint, QObject *parent = nullptr);
    // Calls still running end without finished(); the network thread stops.
    ~ApiClient() override;

    const ApiEndpoint &endpoint() const { return m_endpoint; }
    // Each call is recorded in `log` when one is given (a session's own; not owned), and the
    // key and credential become its secrets.
    // With `known` validators, a GET the server answers 304 when nothing changed.
    ApiCall *get(const QString &path, const HttpValidators &known = {}, ExchangeLog *log = nullptr);
    // POST with a JSON body. With an idempotency key, safe failures are retried with that key.
    ApiCall *post(const QString &path, const QJsonObject &body, const QString &idempotencyKey = {},
                  ExchangeLog *log = nullptr);
    ApiCall *deleteResource(const QString &path, ExchangeLog *log = nullptr);
    void abortAll();

    // base + path, keeping a path prefix of the base and the path's trailing slash.
    QUrl urlFor(const QString &path) const;

private:
    friend class ApiCall;
    friend class ApiTransport;
    ApiCall *start(const QByteArray &method, const QString &path, const QByteArray &body,
                   const QString &idempotencyKey, const HttpValidators &known, ExchangeLog *log);
    // On the network thread; its answer comes back to `call` on this one.
    quint64 transmit(ApiCall *call, const QByteArray &method, const QNetworkRequest &request,
                     const QByteArray &body);
    void cancel(quint64 id);
    void deliver(quint64 id, const ApiResponse &response);

    ApiEndpoint m_endpoint;
    QThread m_thread; // started at the first request
    ApiTransport *m_transport = nullptr; // lives on m_thread
    QHash<quint64, ApiCall *> m_inFlight;
    quint64 m_lastId = 0;
};
