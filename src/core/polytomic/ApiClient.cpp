#include "core/polytomic/ApiClient.h"

#include "core/model/ExchangeLog.h"
#include "core/polytomic/ApiError.h"
#include "core/polytomic/IdempotencyKey.h"
#include "core/polytomic/JsonEnvelope.h"
#include "core/system/LogCategories.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

// What one attempt brought back, read on the network thread and handed over by value.
struct ApiResponse
{
    int status = 0; // 0: no HTTP answer
    QByteArray body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    QByteArray etag, lastModified; // as sent, checked by the call
    qint64 durationMs = 0;
};

// The network thread's side: one QNetworkAccessManager, the replies in flight by id. It only
// talks to its ApiClient through queued calls, and the client stops this thread before it goes.
class ApiTransport : public QObject
{
public:
    explicit ApiTransport(ApiClient *client)
        : m_client(client)
    { }

    ~ApiTransport() override
    {
        // Whatever is still in flight ends here, unreported: its client is going away.
        for (QNetworkReply *reply : std::as_const(m_replies)) {
            reply->disconnect(this);
            reply->abort();
        }
    }

    void send(quint64 id, const QByteArray &method, const QNetworkRequest &request,
              const QByteArray &body)
    {
        if (!m_network)
            m_network = new QNetworkAccessManager(this); // made on this thread, lives on it
        QElapsedTimer clock;
        clock.start();
        QNetworkReply *reply = m_network->sendCustomRequest(request, method, body);
        m_replies.insert(id, reply);
        connect(reply, &QNetworkReply::finished, this, [this, id, reply, clock] {
            m_replies.remove(id);
            reply->deleteLater();
            ApiResponse response;
            response.durationMs = clock.elapsed();
            response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            // An aborted or timed-out reply is closed; reading it would only warn.
            if (reply->isOpen())
                response.body = reply->readAll();
            response.error = reply->error();
            response.errorString = reply->errorString();
            response.etag = reply->rawHeader("ETag");
            response.lastModified = reply->rawHeader("Last-Modified");
            QMetaObject::invokeMethod(
                m_client, [client = m_client, id, response] { client->deliver(id, response); },
                Qt::QueuedConnection);
        });
    }

    void cancel(quint64 id)
    {
        if (QNetworkReply *reply = m_replies.take(id)) {
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
        }
    }

private:
    ApiClient *m_client;
    QNetworkAccessManager *m_network = nullptr;
    QHash<quint64, QNetworkReply *> m_replies;
};

ApiCall::ApiCall(ApiClient *client, QByteArray method, QUrl url, QByteArray body,
                 QString idempotencyKey, ExchangeLog *log)
    : QObject(client)
    , m_client(client)
    , m_endpoint(client->endpoint())
    , m_method(std::move(method))
    , m_url(std::move(url))
    , m_requestBody(std::move(body))
    , m_idempotencyKey(std::move(idempotencyKey))
    , m_log(log)
{
    m_failure.host = m_url.port() > 0 ? QStringLiteral("%1:%2").arg(m_url.host()).arg(m_url.port())
                                      : m_url.host();
}

ApiCall::~ApiCall()
{
    if (m_client && m_inFlight)
        m_client->cancel(m_inFlight);
}

void ApiCall::send()
{
    ++m_attempt;
    QNetworkRequest request(m_url);
    // A redirect would turn a POST into a GET: never follow one silently.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_endpoint.timeoutMs);
    request.setRawHeader(ApiVersion::headerName, m_endpoint.apiVersion.toLatin1());
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", "ConnectDesktop/" CONNECT_DESKTOP_VERSION);
    if (!m_endpoint.apiKey.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_endpoint.apiKey.toUtf8());
    if (!m_endpoint.credentialHeader.isEmpty() && !m_endpoint.credential.isEmpty())
        request.setRawHeader(m_endpoint.credentialHeader, m_endpoint.credential.toUtf8());
    if (!m_idempotencyKey.isEmpty())
        request.setRawHeader(IdempotencyKey::headerName, m_idempotencyKey.toLatin1());
    if (!m_known.etag.isEmpty())
        request.setRawHeader("If-None-Match", m_known.etag);
    if (!m_known.lastModified.isEmpty())
        request.setRawHeader("If-Modified-Since", m_known.lastModified);
    if (!m_requestBody.isEmpty() || m_method == "POST")
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));

    m_clock.start();
    m_inFlight = m_client->transmit(this, m_method, request, m_requestBody);
}

void ApiCall::handleResponse(const ApiResponse &response)
{
    m_inFlight = 0;
    const qint64 duration = response.durationMs;
    const int status = response.status;
    const QByteArray &body = response.body;
    const QNetworkReply::NetworkError error = response.error;

    ApiFailure failure = m_failure;
    failure.attempts = m_attempt;
    bool failed = true;
    if (status == 0) {
        // No HTTP answer. A transfer timeout shows as an operation cancelled that we did not ask
        // for.
        failure.kind =
            error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError
            ? ApiFailure::Kind::Timeout
            : ApiFailure::Kind::Network;
        failure.detail = response.errorString;
    } else if (status == 304 && !m_known.isEmpty()) {
        failed = false; // what the caller has is still current
        m_notModified = true;
        m_data = QJsonValue();
    } else if (status < 200 || status >= 300) {
        const ApiError apiError = ApiError::fromReply(status, body);
        failure.kind = ApiFailure::Kind::Http;
        failure.httpStatus = status;
        failure.serverMessage = apiError.message;
        failure.serverKey = apiError.key;
        failure.field = apiError.field();
    } else if (body.trimmed().isEmpty()) {
        failed = false; // 204 and friends
        m_data = QJsonValue();
    } else {
        QString parseError;
        const auto data = JsonEnvelope::data(body, &parseError);
        if (data) {
            failed = false;
            m_data = *data;
        } else {
            failure.kind = ApiFailure::Kind::Malformed;
            failure.detail = parseError;
        }
    }

    const bool retry = failed && failure.isRetryable() && m_attempt < m_endpoint.maxAttempts
        && (m_method != "POST" || !m_idempotencyKey.isEmpty());
    QString note;
    if (failed)
        note = failure.kind == ApiFailure::Kind::Http ? failure.serverMessage : failure.detail;
    if (retry)
        note = QCoreApplication::translate("ApiClient", "attempt %1 of %2 failed, retrying: %3")
                   .arg(m_attempt)
                   .arg(m_endpoint.maxAttempts)
                   .arg(note);
    if (m_log)
        m_log->recordApi(QString::fromLatin1(m_method), m_url, status, duration, note);
    qCDebug(lcApi) << m_method << m_url.path() << status << duration << "ms";

    if (retry) {
        const int delay = m_endpoint.backoffMs * (1 << (m_attempt - 1));
        QTimer::singleShot(delay, this, [this] {
            if (!m_finished) // not aborted meanwhile
                send();
        });
        return;
    }
    m_failed = failed;
    m_failure = failure;
    if (!failed) {
        // The server's own words, kept only as long as they are a sane header value.
        auto header = [](const QByteArray &raw) {
            const QByteArray value = raw.trimmed();
            return value.size() <= 256 && !value.contains('\n') && !value.contains('\r')
                ? value
                : QByteArray();
        };
        m_validators.etag = header(response.etag);
        m_validators.lastModified = header(response.lastModified);
        if (m_notModified && m_validators.isEmpty())
            m_validators = m_known;
    }
    finish();
}

void ApiCall::abort()
{
    if (m_finished)
        return;
    if (m_inFlight) {
        // The attempt on the network thread stops there; its answer, if one is on its way
        // already, is not waited for.
        if (m_client)
            m_client->cancel(m_inFlight);
        m_inFlight = 0;
        m_failure.attempts = m_attempt;
        if (m_log)
            m_log->recordApi(QString::fromLatin1(m_method), m_url, 0, m_clock.elapsed(), {});
    }
    m_failed = true;
    m_failure.kind = ApiFailure::Kind::Aborted;
    finish();
}

void ApiCall::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished();
    deleteLater();
}

ApiClient::ApiClient(const ApiEndpoint &endpoint, QObject *parent)
    : QObject(parent)
    , m_endpoint(endpoint)
{
    m_thread.setObjectName(QStringLiteral("ConnectDesktop API"));
}

ApiClient::~ApiClient()
{
    // The calls (children, deleted after this) must not reach back into a client half gone.
    for (ApiCall *call : findChildren<ApiCall *>(QString(), Qt::FindDirectChildrenOnly))
        call->m_client = nullptr;
    if (m_thread.isRunning()) {
        // The transport goes on its own thread (QThread runs deferred deletes as it ends); no
        // answer is posted back to this client after wait() returned.
        m_thread.quit();
        m_thread.wait();
    }
}

quint64 ApiClient::transmit(ApiCall *call, const QByteArray &method, const QNetworkRequest &request,
                            const QByteArray &body)
{
    if (!m_transport) {
        m_transport = new ApiTransport(this);
        m_transport->moveToThread(&m_thread);
        connect(&m_thread, &QThread::finished, m_transport, &QObject::deleteLater);
        m_thread.start();
    }
    const quint64 id = ++m_lastId;
    m_inFlight.insert(id, call);
    QMetaObject::invokeMethod(
        m_transport,
        [transport = m_transport, id, method, request, body] {
            transport->send(id, method, request, body);
        },
        Qt::QueuedConnection);
    return id;
}

void ApiClient::cancel(quint64 id)
{
    if (!m_inFlight.remove(id))
        return;
    QMetaObject::invokeMethod(
        m_transport, [transport = m_transport, id] { transport->cancel(id); },
        Qt::QueuedConnection);
}

void ApiClient::deliver(quint64 id, const ApiResponse &response)
{
    if (ApiCall *call = m_inFlight.take(id))
        call->handleResponse(response);
}

QUrl ApiClient::urlFor(const QString &path) const
{
    QUrl url = m_endpoint.baseUrl;
    QString prefix = url.path();
    while (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    url.setPath(prefix + path);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

ApiCall *ApiClient::start(const QByteArray &method, const QString &path, const QByteArray &body,
                          const QString &idempotencyKey, const HttpValidators &known,
                          ExchangeLog *log)
{
    if (log) {
        log->addSecret(m_endpoint.apiKey);
        log->addSecret(m_endpoint.credential);
    }
    auto *call = new ApiCall(this, method, urlFor(path), body, idempotencyKey, log);
    call->m_known = known;
    call->send();
    return call;
}

ApiCall *ApiClient::get(const QString &path, const HttpValidators &known, ExchangeLog *log)
{
    return start("GET", path, {}, {}, known, log);
}

ApiCall *ApiClient::post(const QString &path, const QJsonObject &body,
                         const QString &idempotencyKey, ExchangeLog *log)
{
    return start("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), idempotencyKey,
                 {}, log);
}

ApiCall *ApiClient::deleteResource(const QString &path, ExchangeLog *log)
{
    return start("DELETE", path, {}, {}, {}, log);
}

void ApiClient::abortAll()
{
    for (ApiCall *call : findChildren<ApiCall *>(QString(), Qt::FindDirectChildrenOnly))
        call->abort();
}
