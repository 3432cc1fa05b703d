// Test helper: one real HTTP exchange over QNetworkAccessManager, awaited with QSignalSpy.
#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPair>
#include <QUrl>

struct HttpResult
{
    int status = 0; // 0 when no HTTP answer arrived
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    QByteArray header(const QByteArray &name) const;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

class HttpClient
{
public:
    explicit HttpClient(const QUrl &base)
        : m_base(base)
    { }

    void setBearer(const QString &key) { m_bearer = key; }
    void setVersion(const QString &version) { m_version = version; }

    HttpResult get(const QString &path, const QList<QPair<QByteArray, QByteArray>> &headers = {});
    HttpResult post(const QString &path, const QByteArray &body,
                    const QList<QPair<QByteArray, QByteArray>> &headers = {});
    HttpResult deleteResource(const QString &path);
    // Sends a request without waiting; the reply is owned by this client's manager.
    QNetworkReply *startPost(const QString &path, const QByteArray &body,
                             const QList<QPair<QByteArray, QByteArray>> &headers = {});
    static HttpResult wait(QNetworkReply *reply);

private:
    QNetworkRequest request(const QString &path,
                            const QList<QPair<QByteArray, QByteArray>> &headers) const;

    QNetworkAccessManager m_manager;
    QUrl m_base;
    QString m_bearer;
    QString m_version;
};
