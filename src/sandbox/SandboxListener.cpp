#include "sandbox/SandboxListener.h"

#include "sandbox/SandboxServer.h"

#include <QHttpServerRequest>
#include <QTcpSocket>
#include <QTimer>

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "OTHER";
    }
}

// Counts what a connection sends since its last blank line ("\r\n\r\n"), looking at the
// bytes before Qt's parser takes them (this object's slot is the socket's first).
class RequestBound : public QObject
{
public:
    explicit RequestBound(QTcpSocket *socket)
        : QObject(socket)
        , m_socket(socket)
    {
        connect(socket, &QTcpSocket::readyRead, this, &RequestBound::look);
    }

private:
    void look()
    {
        if (m_refused) {
            m_socket->readAll(); // unread by anyone, until the client goes
            return;
        }
        const QByteArray fresh = m_socket->peek(m_socket->bytesAvailable());
        // The last three bytes seen before, so a blank line split between two reads is found.
        const QByteArray seen = m_tail + fresh;
        const qsizetype blank = seen.lastIndexOf("\r\n\r\n");
        if (blank >= 0)
            m_sinceBlank = seen.size() - (blank + 4);
        else
            m_sinceBlank += fresh.size();
        m_tail = seen.right(3);
        if (m_sinceBlank <= SandboxTcpServer::maxRequestBytes)
            return;
        m_refused = true;
        m_socket->readAll();
        m_socket->write("HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n"
                        "Content-Length: 0\r\n\r\n");
        // What the client goes on sending is read and dropped for a second before the close: a
        // close with unread input resets the connection, and the client would lose the answer.
        QTimer::singleShot(1000, m_socket, [socket = m_socket] { socket->disconnectFromHost(); });
    }

    QTcpSocket *m_socket;
    QByteArray m_tail;
    qint64 m_sinceBlank = 0;
    bool m_refused = false;
};

} // namespace

SandboxTcpServer::SandboxTcpServer(QObject *parent)
    : QTcpServer(parent)
{ }

void SandboxTcpServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    new RequestBound(socket);
    addPendingConnection(socket);
}

SandboxListener::SandboxListener(SandboxServer *server)
    : m_server(server)
{ }

bool SandboxListener::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // The request object is reused for the socket's next request: copy what we need now.
    SandboxRequest copy;
    copy.method = methodName(request.method());
    copy.path = request.url().path(QUrl::FullyDecoded);
    copy.query = request.query();
    copy.headers = request.headers();
    copy.body = request.body();
    m_server->handle(copy, std::make_shared<SandboxResponder>(socket));
    return true;
}

void SandboxListener::missingHandler(const QHttpServerRequest &, QTcpSocket *socket)
{
    SandboxResponder(socket).send(SandboxReply::empty(404));
}
