// The app's own page for one Paragon attempt, served on 127.0.0.1 from a real origin (the SDK
// needs one for its popup's postMessage): the page, its scripts, Paragon's SDK from the app's
// resources (never from elsewhere), and the one channel by which the page reports back.
//
// Everything lives under a path with a random key, and a report counts only with the
// attempt's secret in a header and the page's own origin: the portal's frame and the
// provider's popup are on other origins and cannot read the secret out of this page, nor send
// a request that carries it with this origin.
#pragma once

#include <QAbstractHttpServer>
#include <QJsonObject>
#include <QUrl>

#include <functional>

class QTcpServer;

class HostPageServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    explicit HostPageServer(QObject *parent = nullptr);

    // Listens on 127.0.0.1 (a free port); 0 and *error on failure. Once per server.
    quint16 listenOnLoopback(QString *error);
    // Closes the port: the page's reports have nowhere to go from now on.
    void close();

    // What the page gets in its configuration: the SDK's environments, the project, the
    // token, the integration... (see resources/paragon/host/run.js). `allowedOrigins` are the
    // origins whose messages may reach the SDK.
    void setPageConfig(const QJsonObject &config) { m_config = config; }

    QUrl pageUrl() const; // what the window loads
    QString secret() const { return m_secret; }
    QString key() const { return m_key; }

    // The page asks for a fresh token (the SDK logged the user out): answer with it, or with
    // an empty string and the reason. Set by the attempt.
    using TokenAnswer = std::function<void(const QString &token, const QString &error)>;
    void setTokenProvider(std::function<void(TokenAnswer)> provider)
    {
        m_tokenProvider = std::move(provider);
    }

Q_SIGNALS:
    // What the page said, as it sent it (kind: shown, installed, closed, error).
    void reported(const QJsonObject &report);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    bool isFromPage(const QHttpServerRequest &request) const;

    QTcpServer *m_tcp = nullptr;
    quint16 m_port = 0;
    QString m_key; // the path's random part
    QString m_secret; // the report header's value
    QJsonObject m_config;
    std::function<void(TokenAnswer)> m_tokenProvider;
};
