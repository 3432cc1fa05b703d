#include "core/paragon/HostPageServer.h"

#include "core/session/UrlWatch.h"

#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

#include <memory>

namespace {

// A host page's reports are a few hundred bytes; anything much larger is not ours.
constexpr qsizetype maxReportBytes = 64 * 1024;

QByteArray resource(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString originOf(const QUrl &url)
{
    return url
        .adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment
                  | QUrl::RemoveUserInfo)
        .toString(QUrl::FullyEncoded | QUrl::StripTrailingSlash);
}

using Headers = QList<QPair<QByteArray, QByteArray>>;

Headers commonHeaders(const QByteArray &type)
{
    return {{"Content-Type", type},
            {"Cache-Control", "no-store"},
            {"X-Content-Type-Options", "nosniff"},
            {"Referrer-Policy", "no-referrer"}};
}

// Qt 6.4's responder takes a fixed list of headers; these are made at run time.
void send(QHttpServerResponder &responder, const QByteArray &body, const Headers &headers,
          QHttpServerResponder::StatusCode status = QHttpServerResponder::StatusCode::Ok)
{
    responder.writeStatusLine(status);
    for (const auto &header : headers)
        responder.writeHeader(header.first, header.second);
    responder.writeHeader("Content-Length", QByteArray::number(body.size()));
    responder.writeBody(body);
}

} // namespace

HostPageServer::HostPageServer(QObject *parent)
    : QAbstractHttpServer(parent)
    , m_key(UrlWatch::randomValue())
    , m_secret(UrlWatch::randomValue())
{ }

quint16 HostPageServer::listenOnLoopback(QString *error)
{
    if (m_tcp)
        return m_port;
    auto *tcp = new QTcpServer(this);
    if (!tcp->listen(QHostAddress::LocalHost, 0)) {
        if (error)
            *error = tcp->errorString();
        delete tcp;
        return 0;
    }
    m_tcp = tcp;
    m_port = tcp->serverPort();
    bind(tcp);
    return m_port;
}

void HostPageServer::close()
{
    if (m_tcp)
        m_tcp->close();
}

QUrl HostPageServer::pageUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    url.setPath(QStringLiteral("/host/") + m_key + QLatin1Char('/'));
    return url;
}

bool HostPageServer::isFromPage(const QHttpServerRequest &request) const
{
    const QByteArray origin = request.value("Origin");
    const QByteArray secret = request.value("X-Connect-Desktop-Session");
    return origin == originOf(pageUrl()).toUtf8() && !secret.isEmpty()
        && secret == m_secret.toUtf8();
}

bool HostPageServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    const QString prefix = QStringLiteral("/host/") + m_key + QLatin1Char('/');
    const QString path = request.url().path();
    const bool get = request.method() == QHttpServerRequest::Method::Get;
    const bool post = request.method() == QHttpServerRequest::Method::Post;
    if (!path.startsWith(prefix)) {
        responder.write(QHttpServerResponder::StatusCode::NotFound);
        return true;
    }
    const QString file = path.mid(prefix.size());

    if (get && file.isEmpty()) {
        // The configuration goes in as data, never as script; "<" is escaped so that no value
        // can close the element it sits in.
        QByteArray config = QJsonDocument(m_config).toJson(QJsonDocument::Compact);
        config.replace("<", "\\u003c");
        QByteArray page = resource(QStringLiteral(":/paragon/host/host.html"));
        page.replace("@CONFIG@", config);
        QStringList frames;
        QStringList connects{QStringLiteral("'self'")};
        const QJsonObject environments = m_config.value(QStringLiteral("environments")).toObject();
        for (auto it = environments.begin(); it != environments.end(); ++it) {
            const QString origin = originOf(QUrl(it.value().toString()));
            if (!origin.isEmpty() && !connects.contains(origin))
                connects.append(origin);
        }
        frames.append(
            originOf(QUrl(environments.value(QStringLiteral("CONNECT_PUBLIC_URL")).toString())));
        // Only the app's own scripts run in this page; it talks to Paragon's services and frames
        // Paragon's portal, nothing else.
        const QString policy =
            QStringLiteral("default-src 'none'; script-src 'self'; style-src 'self' "
                           "'unsafe-inline'; img-src 'self' data: %1; connect-src %1; frame-src "
                           "%2; base-uri 'none'; form-action 'none'")
                .arg(connects.join(QLatin1Char(' ')), frames.join(QLatin1Char(' ')));
        auto headers = commonHeaders("text/html; charset=utf-8");
        headers.append({"Content-Security-Policy", policy.toUtf8()});
        send(responder, page, headers);
        return true;
    }
    static const QHash<QString, QPair<QString, QByteArray>> files{
        {QStringLiteral("boot.js"),
         {QStringLiteral(":/paragon/host/boot.js"), "text/javascript; charset=utf-8"}},
        {QStringLiteral("run.js"),
         {QStringLiteral(":/paragon/host/run.js"), "text/javascript; charset=utf-8"}},
        {QStringLiteral("host.css"),
         {QStringLiteral(":/paragon/host/host.css"), "text/css; charset=utf-8"}},
        {QStringLiteral("ConnectSDK.js"),
         {QStringLiteral(":/paragon/sdk/ConnectSDK.js"), "text/javascript; charset=utf-8"}},
    };
    if (get && files.contains(file)) {
        const auto &entry = files.value(file);
        send(responder, resource(entry.first), commonHeaders(entry.second));
        return true;
    }

    if (post && (file == QLatin1String("report") || file == QLatin1String("token"))) {
        if (!isFromPage(request)) {
            responder.write(QHttpServerResponder::StatusCode::Forbidden);
            return true;
        }
        if (file == QLatin1String("report")) {
            const QByteArray body = request.body();
            const QJsonObject report = QJsonDocument::fromJson(body).object();
            if (body.size() > maxReportBytes || report.isEmpty()) {
                responder.write(QHttpServerResponder::StatusCode::BadRequest);
                return true;
            }
            responder.write(QHttpServerResponder::StatusCode::NoContent);
            Q_EMIT reported(report);
            return true;
        }
        if (!m_tokenProvider) {
            responder.write(QHttpServerResponder::StatusCode::NotFound);
            return true;
        }
        // The answer comes later: the responder waits with the socket.
        auto pending = std::make_shared<QHttpServerResponder>(std::move(responder));
        QPointer<QTcpSocket> alive(socket);
        m_tokenProvider([pending, alive](const QString &token, const QString &error) {
            if (!alive)
                return;
            const QJsonObject answer = token.isEmpty()
                ? QJsonObject{{QStringLiteral("error"), error}}
                : QJsonObject{{QStringLiteral("token"), token}};
            send(*pending, QJsonDocument(answer).toJson(QJsonDocument::Compact),
                 commonHeaders("application/json"),
                 token.isEmpty() ? QHttpServerResponder::StatusCode::ServiceUnavailable
                                 : QHttpServerResponder::StatusCode::Ok);
        });
        return true;
    }
    responder.write(QHttpServerResponder::StatusCode::NotFound);
    return true;
}

void HostPageServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
}
