#include "core/polytomic/RedirectListener.h"

#include "core/system/LogCategories.h"

#include <QHash>
#include <QMutex>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

// What the UI thread sets and the listener's thread reads.
struct RedirectListener::Shared
{
    QMutex mutex;
    UrlWatch matcher;
    bool accepting = false;
    QByteArray donePage;
};

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 414:
        return "URI Too Long";
    case 431:
        return "Request Header Fields Too Large";
    case 503:
        return "Service Unavailable";
    }
    return "Error";
}

QByteArray errorPage(int status)
{
    return "<!doctype html><title>" + QByteArray::number(status) + "</title><p>"
        + reasonPhrase(status) + ".</p>";
}

// A header's value, by name, from the head's lines after the request line.
QByteArray headerValue(const QList<QByteArray> &lines, const QByteArray &name)
{
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed().toLower();
    }
    return {};
}

} // namespace

// Lives on the listener's thread: accepts, reads at most the limits, answers, closes.
class RedirectListenerWorker : public QObject
{
public:
    RedirectListenerWorker(RedirectListener *listener,
                           std::shared_ptr<RedirectListener::Shared> shared,
                           const RedirectListener::Limits &limits)
        : m_listener(listener)
        , m_shared(std::move(shared))
        , m_limits(limits)
        , m_server(new QTcpServer(this))
    {
        m_server->setMaxPendingConnections(m_limits.connections);
        connect(m_server, &QTcpServer::newConnection, this, &RedirectListenerWorker::accept);
    }

    QTcpServer *server() const { return m_server; }

    // On the listener's thread: nothing of it is left afterwards but this object.
    void shutDown()
    {
        m_server->close();
        const auto sockets = findChildren<QTcpSocket *>(QString(), Qt::FindDirectChildrenOnly);
        for (QTcpSocket *socket : sockets) {
            disconnect(socket, nullptr, this, nullptr);
            // An answer already written (the browser's "you can close this tab") still goes out:
            // the session may end, and close this, before the event loop would have sent it.
            const auto found = m_open.constFind(socket);
            if (found != m_open.cend() && found->answered)
                socket->flush();
            socket->abort();
        }
        qDeleteAll(findChildren<QObject *>(QString(), Qt::FindDirectChildrenOnly));
        m_open.clear();
        m_server = nullptr;
    }

private:
    struct Reading
    {
        QByteArray head;
        QTimer *deadline = nullptr;
        bool answered = false;
        bool complete = false; // its whole head was read, and nothing is left to come
    };

    void accept()
    {
        while (m_server && m_server->hasPendingConnections()) {
            QTcpSocket *socket = m_server->nextPendingConnection();
            socket->setParent(this);
            // What it sends is read into the head only; the socket keeps no more than this.
            socket->setReadBufferSize(m_limits.requestLineBytes + m_limits.headerBytes + 4);
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] { forget(socket); });
            if (m_open.size() >= m_limits.connections) {
                m_open.insert(socket, Reading{});
                answer(socket, 503, {}, false);
                continue;
            }
            auto *deadline = new QTimer(socket);
            deadline->setSingleShot(true);
            connect(deadline, &QTimer::timeout, this, [this, socket] { answer(socket, 408); });
            deadline->start(m_limits.requestMs);
            m_open.insert(socket, Reading{{}, deadline, false});
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
            if (socket->bytesAvailable() > 0)
                read(socket);
        }
    }

    void forget(QTcpSocket *socket)
    {
        if (m_open.remove(socket))
            socket->deleteLater();
    }

    void read(QTcpSocket *socket)
    {
        auto found = m_open.find(socket);
        if (found == m_open.end())
            return;
        if (found->answered) {
            socket->skip(socket->bytesAvailable()); // refused already: dropped unread
            return;
        }
        Reading &reading = *found;
        const qsizetype most = m_limits.requestLineBytes + m_limits.headerBytes + 4;
        reading.head.append(socket->read(most - reading.head.size()));

        qsizetype end = reading.head.indexOf("\r\n\r\n");
        qsizetype separator = 4;
        if (end < 0) {
            end = reading.head.indexOf("\n\n");
            separator = 2;
        }
        const qsizetype lineEnd = reading.head.indexOf('\n');
        if (lineEnd < 0 ? reading.head.size() > m_limits.requestLineBytes
                        : lineEnd > m_limits.requestLineBytes) {
            answer(socket, 414);
            return;
        }
        if (end < 0) {
            if (reading.head.size() >= most)
                answer(socket, 431);
            return; // more to come, until the deadline
        }
        QList<QByteArray> lines = reading.head.left(end).split('\n');
        for (QByteArray &line : lines) {
            if (line.endsWith('\r'))
                line.chop(1);
        }
        if (end - lineEnd > m_limits.headerBytes || lines.size() - 1 > m_limits.headerCount) {
            answer(socket, 431);
            return;
        }
        // A request for this port has no body; one that says it has is not read either.
        reading.complete = headerValue(lines.mid(1), "Content-Length").toLongLong() <= 0
            && headerValue(lines.mid(1), "Transfer-Encoding").isEmpty()
            && reading.head.size() == end + separator;
        respond(socket, lines);
    }

    void respond(QTcpSocket *socket, const QList<QByteArray> &lines)
    {
        const QList<QByteArray> parts = lines.constFirst().split(' ');
        if (parts.size() != 3 || !parts.at(2).startsWith("HTTP/1.")) {
            answer(socket, 400);
            return;
        }
        const QByteArray &method = parts.at(0);
        const bool head = method == "HEAD";
        if (method != "GET" && !head) {
            answer(socket, 405);
            return;
        }
        const QByteArray &target = parts.at(1);
        // Origin form only: "/path?query". "//host/…" would name another authority.
        if (!target.startsWith('/') || target.startsWith("//")) {
            answer(socket, 400, {}, head);
            return;
        }
        const QList<QByteArray> headers = lines.mid(1);
        // A browser says what it fetches; only a top-level navigation can be the browser
        // coming back (a browser that says nothing is taken at its word).
        const QByteArray mode = headerValue(headers, "Sec-Fetch-Mode");
        const QByteArray destination = headerValue(headers, "Sec-Fetch-Dest");
        const bool navigation = (mode.isEmpty() || mode == "navigate")
            && (destination.isEmpty() || destination == "document");

        QUrl url = QUrl::fromEncoded(
            "http://127.0.0.1:" + QByteArray::number(m_server->serverPort()) + target,
            QUrl::StrictMode);
        url.setFragment({});
        bool counts = false;
        QByteArray page;
        {
            QMutexLocker lock(&m_shared->mutex);
            counts = m_shared->accepting && navigation && !head && m_shared->matcher.matches(url);
            if (counts) {
                page = m_shared->donePage;
                m_shared->accepting = false; // once
            }
        }
        if (!counts) {
            answer(socket, 404, {}, head);
            return;
        }
        answer(socket, 200, page, false);
        qCInfo(lcApp) << "redirect received from the browser";
        QPointer<RedirectListener> listener(m_listener);
        QMetaObject::invokeMethod(
            m_listener,
            [listener, url] {
                if (listener)
                    Q_EMIT listener->redirectReceived(url);
            },
            Qt::QueuedConnection);
    }

    void answer(QTcpSocket *socket, int status, QByteArray body = {}, bool headOnly = false)
    {
        auto found = m_open.find(socket);
        if (found == m_open.end() || found->answered)
            return;
        found->answered = true;
        if (found->deadline)
            found->deadline->stop();
        if (body.isEmpty() && status != 200)
            body = errorPage(status);
        QByteArray reply = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status)
            + "\r\nContent-Type: text/html; charset=utf-8"
              "\r\nContent-Length: "
            + QByteArray::number(body.size())
            + "\r\nContent-Security-Policy: default-src 'none'; style-src 'unsafe-inline'"
              "\r\nCache-Control: no-store\r\nReferrer-Policy: no-referrer\r\nConnection: close";
        if (status == 405)
            reply += "\r\nAllow: GET, HEAD";
        reply += "\r\n\r\n";
        if (!headOnly)
            reply += body;
        socket->write(reply);
        if (!found->complete) {
            // It may still be sending what was refused: that is read and dropped for a moment,
            // so that closing does not reset the connection before the answer is read.
            QTimer::singleShot(drainMs, socket, [socket] { socket->disconnectFromHost(); });
        } else {
            socket->disconnectFromHost();
        }
        QTimer::singleShot(drainMs + m_limits.requestMs, socket, [socket] { socket->abort(); });
    }

    static constexpr int drainMs = 1000;

    RedirectListener *m_listener;
    std::shared_ptr<RedirectListener::Shared> m_shared;
    RedirectListener::Limits m_limits;
    QTcpServer *m_server;
    QHash<QTcpSocket *, Reading> m_open;
};

RedirectListener::RedirectListener(QObject *parent)
    : QObject(parent)
    , m_shared(std::make_shared<Shared>())
{
    const QString title = tr("Connect Desktop");
    const QString heading = tr("You can close this tab");
    const QString text =
        tr("Connect Desktop has what it needs and is finishing in its own window.");
    m_shared->donePage =
        QStringLiteral(
            "<!doctype html><html><head><meta charset=\"utf-8\"><title>%1</title>"
            "<style>body{font-family:system-ui,sans-serif;margin:15vh auto;max-width:32em;"
            "padding:0 1em;color:#1f2937}@media (prefers-color-scheme:dark){body{"
            "background:#111827;color:#e5e7eb}}</style></head><body><h1>%2</h1><p>%3</p>"
            "</body></html>")
            .arg(title.toHtmlEscaped(), heading.toHtmlEscaped(), text.toHtmlEscaped())
            .toUtf8();
}

RedirectListener::~RedirectListener()
{
    close();
}

void RedirectListener::prepareFirstUse()
{
    static bool prepared = false;
    if (prepared)
        return;
    prepared = true;
    QTcpServer once;
    once.listen(QHostAddress::LocalHost, 0);
}

void RedirectListener::setLimits(const Limits &limits)
{
    m_limits = limits;
}

quint16 RedirectListener::listenOnLoopback(QString *error)
{
    if (m_worker)
        return m_port;
    auto *worker = new RedirectListenerWorker(this, m_shared, m_limits);
    if (!worker->server()->listen(QHostAddress::LocalHost, 0)) {
        if (error)
            *error = worker->server()->errorString();
        delete worker;
        return 0;
    }
    m_port = worker->server()->serverPort();
    m_worker = worker;
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("RedirectListener"));
    m_worker->moveToThread(m_thread);
    m_thread->start();
    return m_port;
}

void RedirectListener::setMatcher(const UrlWatch &matcher)
{
    QMutexLocker lock(&m_shared->mutex);
    m_shared->matcher = matcher;
}

void RedirectListener::setAccepting(bool accepting)
{
    QMutexLocker lock(&m_shared->mutex);
    m_shared->accepting = accepting;
}

void RedirectListener::close()
{
    setAccepting(false);
    if (!m_thread)
        return;
    RedirectListenerWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker] { worker->shutDown(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_worker;
    delete m_thread;
    m_worker = nullptr;
    m_thread = nullptr;
}
