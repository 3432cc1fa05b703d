#include "HttpClient.h"

#include <QSignalSpy>
#include <QTest>

QByteArray HttpResult::header(const QByteArray &name) const
{
    for (const auto &entry : headers) {
        if (entry.first.compare(name, Qt::CaseInsensitive) == 0)
            return entry.second;
    }
    return {};
}

QNetworkRequest HttpClient::request(const QString &path,
                                    const QList<QPair<QByteArray, QByteArray>> &headers) const
{
    QNetworkRequest request(m_base.resolved(QUrl(path)));
    // Tests look at redirects themselves.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(20000);
    if (!m_bearer.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_bearer.toUtf8());
    if (!m_version.isEmpty())
        request.setRawHeader("X-Polytomic-Version", m_version.toUtf8());
    for (const auto &header : headers)
        request.setRawHeader(header.first, header.second);
    return request;
}

HttpResult HttpClient::wait(QNetworkReply *reply)
{
    if (!reply->isFinished()) {
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(30000);
    }
    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.error = reply->error();
    result.body = reply->readAll();
    for (const auto &pair : reply->rawHeaderPairs())
        result.headers.append(pair);
    reply->deleteLater();
    return result;
}

HttpResult HttpClient::get(const QString &path, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return wait(m_manager.get(request(path, headers)));
}

HttpResult HttpClient::post(const QString &path, const QByteArray &body,
                            const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return wait(startPost(path, body, headers));
}

QNetworkReply *HttpClient::startPost(const QString &path, const QByteArray &body,
                                     const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest r = request(path, headers);
    r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    return m_manager.post(r, body);
}

HttpResult HttpClient::deleteResource(const QString &path)
{
    return wait(m_manager.deleteResource(request(path, {})));
}
