// HTTP to a Polytomic-compatible API on QNetworkAccessManager: version header always sent,
// authentication, timeouts, retries of safe failures with backoff, every exchange logged.
#pragma once

#include "ApiFailure.h"
#include "ApiVersion.h"
#include "HttpValidators.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QJsonValue>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QUrl>

class ExchangeLog;
class QNetworkReply;

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
    ApiCall(QNetworkAccessManager *network, const ApiEndpoint &endpoint, QByteArray method,
            QUrl url, QByteArray body, QString idempotencyKey, ExchangeLog *log, QObject *parent);
    void send();
    void handleReply();
    void finish();

    QNetworkAccessManager *m_network;
    ApiEndpoint m_endpoint;
    QByteArray m_method;
    QUrl m_url;
    QByteArray m_requestBody;
    QString m_idempotencyKey;
    HttpValidators m_known; // sent as If-None-Match / If-Modified-Since
    QPointer<ExchangeLog> m_log;
    QPointer<QNetworkReply> m_reply;
    QElapsedTimer m_clock;
    int m_attempt = 0;
    bool m_aborted = false;
    bool m_finished = false;
    bool m_sending = false; // inside send(), starting the request
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

    const ApiEndpoint &endpoint() const { return m_endpoint; }
    // Where exchanges are recorded (not owned); the key and credential become its secrets.
    void setLog(ExchangeLog *log);

    // With `known` validators, a GET the server answers 304 when nothing changed.
    ApiCall *get(const QString &path, const HttpValidators &known = {});
    // POST with a JSON body. With an idempotency key, safe failures are retried with that key.
    ApiCall *post(const QString &path, const QJsonObject &body, const QString &idempotencyKey = {});
    ApiCall *deleteResource(const QString &path);
    void abortAll();

    // base + path, keeping a path prefix of the base and the path's trailing slash.
    QUrl urlFor(const QString &path) const;

private:
    ApiCall *start(const QByteArray &method, const QString &path, const QByteArray &body,
                   const QString &idempotencyKey, const HttpValidators &known = {});

    ApiEndpoint m_endpoint;
    QNetworkAccessManager m_network;
    QPointer<ExchangeLog> m_log;
};
