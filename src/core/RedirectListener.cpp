#include "RedirectListener.h"

#include "LogCategories.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QTcpServer>
#include <QUrlQuery>

namespace {

void answer(QHttpServerResponder &&responder, QHttpServerResponder::StatusCode status,
            const QByteArray &body)
{
    responder.write(body,
                    {{"Content-Type", "text/html; charset=utf-8"},
                     {"Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'"},
                     {"Cache-Control", "no-store"},
                     {"Referrer-Policy", "no-referrer"}},
                    status);
}

} // namespace

RedirectListener::RedirectListener(QObject *parent)
    : QAbstractHttpServer(parent)
{ }

void RedirectListener::prepareFirstUse()
{
    static bool prepared = false;
    if (prepared)
        return;
    prepared = true;
    RedirectListener once;
}

quint16 RedirectListener::listenOnLoopback(QString *error)
{
    auto *tcp = new QTcpServer(this);
    if (!tcp->listen(QHostAddress::LocalHost, 0)) {
        if (error)
            *error = tcp->errorString();
        delete tcp;
        return 0;
    }
    m_port = tcp->serverPort();
    bind(tcp);
    return m_port;
}

void RedirectListener::close()
{
    for (QTcpServer *server : servers())
        server->close();
}

bool RedirectListener::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Rebuild the address the browser asked for, as the matcher sees addresses.
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    url.setPath(request.url().path(QUrl::FullyEncoded), QUrl::TolerantMode);
    url.setQuery(request.query());
    if (request.method() != QHttpServerRequest::Method::Get || !m_matcher.matches(url)) {
        answer(makeResponder(request, socket), QHttpServerResponder::StatusCode::NotFound,
               "<!doctype html><title>404</title><p>Not found.</p>");
        return true;
    }
    const QString title = tr("Connect Desktop");
    const QString heading = tr("You can close this tab");
    const QString text =
        tr("Connect Desktop has what it needs and is finishing in its own window.");
    answer(makeResponder(request, socket), QHttpServerResponder::StatusCode::Ok,
           QStringLiteral(
               "<!doctype html><html><head><meta charset=\"utf-8\"><title>%1</title>"
               "<style>body{font-family:system-ui,sans-serif;margin:15vh auto;max-width:32em;"
               "padding:0 1em;color:#1f2937}@media (prefers-color-scheme:dark){body{"
               "background:#111827;color:#e5e7eb}}</style></head><body><h1>%2</h1><p>%3</p>"
               "</body></html>")
               .arg(title.toHtmlEscaped(), heading.toHtmlEscaped(), text.toHtmlEscaped())
               .toUtf8());
    qCInfo(lcApp) << "redirect received from the browser";
    Q_EMIT redirectReceived(url);
    return true;
}

void RedirectListener::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    answer(makeResponder(request, socket), QHttpServerResponder::StatusCode::NotFound, {});
}
