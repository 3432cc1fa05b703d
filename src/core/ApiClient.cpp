#include "ApiClient.h"

#include "ApiError.h"
#include "ExchangeLog.h"
#include "IdempotencyKey.h"
#include "JsonEnvelope.h"
#include "LogCategories.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTimer>

ApiCall::ApiCall(QNetworkAccessManager *network, const ApiEndpoint &endpoint, QByteArray method,
                 QUrl url, QByteArray body, QString idempotencyKey, ExchangeLog *log,
                 QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_endpoint(endpoint)
    , m_method(std::move(method))
    , m_url(std::move(url))
    , m_requestBody(std::move(body))
    , m_idempotencyKey(std::move(idempotencyKey))
    , m_log(log)
{
    m_failure.host = m_url.port() > 0 ? QStringLiteral("%1:%2").arg(m_url.host()).arg(m_url.port())
                                      : m_url.host();
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
    m_reply = m_network->sendCustomRequest(request, m_method, m_requestBody);
    connect(m_reply, &QNetworkReply::finished, this, &ApiCall::handleReply);
    // QNetworkAccessManager starts a request at the event loop's next turn: start it now, so that
    // it is on its way while this thread goes on (making a connect window, say). Anything that
    // would finish the call meanwhile is told after send() returned (finish()).
    m_sending = true;
    QCoreApplication::sendPostedEvents(m_reply, QEvent::MetaCall);
    m_sending = false;
}

void ApiCall::handleReply()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    reply->deleteLater();
    m_reply = nullptr;
    const qint64 duration = m_clock.elapsed();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // An aborted or timed-out reply is closed; reading it would only warn.
    const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
    const QNetworkReply::NetworkError error = reply->error();

    ApiFailure failure = m_failure;
    failure.attempts = m_attempt;
    bool failed = true;
    if (m_aborted) {
        failure.kind = ApiFailure::Kind::Aborted;
    } else if (status == 0) {
        // No HTTP answer. A transfer timeout shows as an operation cancelled that we did not ask
        // for.
        failure.kind =
            error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError
            ? ApiFailure::Kind::Timeout
            : ApiFailure::Kind::Network;
        failure.detail = reply->errorString();
    } else if (status == 304 && !m_known.isEmpty()) {
        failed = false; // what the caller has is still current
        m_notModified = true;
        m_data = QJsonValue();
    } else if (status < 200 || status >= 300) {
        const ApiError apiError = ApiError::fromReply(status, body);
        failure.kind = ApiFailure::Kind::Http;
        failure.httpStatus = status;
        failure.serverMessage = apiError.message;
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

    const bool retry = failed && !m_aborted && failure.isRetryable()
        && m_attempt < m_endpoint.maxAttempts
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
            if (!m_aborted)
                send();
        });
        return;
    }
    m_failed = failed;
    m_failure = failure;
    if (!failed) {
        // The server's own words, kept only as long as they are a sane header value.
        auto header = [reply](const QByteArray &name) {
            const QByteArray value = reply->rawHeader(name).trimmed();
            return value.size() <= 256 && !value.contains('\n') && !value.contains('\r')
                ? value
                : QByteArray();
        };
        m_validators.etag = header("ETag");
        m_validators.lastModified = header("Last-Modified");
        if (m_notModified && m_validators.isEmpty())
            m_validators = m_known;
    }
    finish();
}

void ApiCall::abort()
{
    if (m_finished)
        return;
    m_aborted = true;
    if (m_reply) {
        m_reply->abort(); // handleReply() follows and finishes
        return;
    }
    m_failed = true;
    m_failure.kind = ApiFailure::Kind::Aborted;
    finish(); // between retries
}

void ApiCall::finish()
{
    if (m_finished)
        return;
    if (m_sending) {
        // Whoever started the call has not connected to it yet.
        QMetaObject::invokeMethod(this, &ApiCall::finish, Qt::QueuedConnection);
        return;
    }
    m_finished = true;
    Q_EMIT finished();
    deleteLater();
}

ApiClient::ApiClient(const ApiEndpoint &endpoint, QObject *parent)
    : QObject(parent)
    , m_endpoint(endpoint)
{ }

void ApiClient::setLog(ExchangeLog *log)
{
    m_log = log;
    if (log) {
        log->addSecret(m_endpoint.apiKey);
        log->addSecret(m_endpoint.credential);
    }
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
                          const QString &idempotencyKey, const HttpValidators &known)
{
    auto *call = new ApiCall(&m_network, m_endpoint, method, urlFor(path), body, idempotencyKey,
                             m_log, this);
    call->m_known = known;
    call->send();
    return call;
}

ApiCall *ApiClient::get(const QString &path, const HttpValidators &known)
{
    return start("GET", path, {}, {}, known);
}

ApiCall *ApiClient::post(const QString &path, const QJsonObject &body,
                         const QString &idempotencyKey)
{
    return start("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), idempotencyKey);
}

ApiCall *ApiClient::deleteResource(const QString &path)
{
    return start("DELETE", path, {}, {});
}

void ApiClient::abortAll()
{
    for (ApiCall *call : findChildren<ApiCall *>(QString(), Qt::FindDirectChildrenOnly))
        call->abort();
}
