#include "LoopbackProxy.h"

#include <QHostAddress>
#include <QTcpSocket>
#include <QUrl>

LoopbackProxy::LoopbackProxy(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &LoopbackProxy::accept);
}

bool LoopbackProxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void LoopbackProxy::requireCredentials(const QString &user, const QString &password)
{
    m_expectedAuthorization = "Basic " + (user + QLatin1Char(':') + password).toUtf8().toBase64();
}

void LoopbackProxy::accept()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        auto *buffer = new QByteArray;
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        connect(client, &QObject::destroyed, [buffer] { delete buffer; });
        connect(client, &QTcpSocket::readyRead, this, [this, client, buffer] {
            if (client->property("served").toBool())
                return; // piped from here on
            buffer->append(client->readAll());
            if (!buffer->contains("\r\n\r\n"))
                return;
            client->setProperty("served", true);
            serve(client, *buffer);
        });
    }
}

void LoopbackProxy::pipe(QTcpSocket *from, QTcpSocket *to)
{
    QObject::connect(from, &QTcpSocket::readyRead, to, [from, to] { to->write(from->readAll()); });
    QObject::connect(from, &QTcpSocket::disconnected, to, [to] { to->disconnectFromHost(); });
}

void LoopbackProxy::serve(QTcpSocket *client, QByteArray head)
{
    const qsizetype end = head.indexOf("\r\n\r\n");
    const QByteArray body = head.mid(end + 4);
    const QList<QByteArray> lines = head.left(end).split('\n');
    const QList<QByteArray> request = lines.value(0).trimmed().split(' ');
    Seen seen;
    seen.method = QString::fromLatin1(request.value(0));
    QByteArray authorization;
    QList<QByteArray> headers;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "proxy-authorization")
            authorization = value;
        else if (name == "user-agent")
            seen.userAgent = value;
        if (name != "proxy-authorization" && name != "proxy-connection" && name != "connection"
            && name != "keep-alive")
            headers.append(line);
    }
    quint16 port = 80;
    QByteArray target;
    if (seen.method == QLatin1String("CONNECT")) {
        const QList<QByteArray> hostPort = request.value(1).split(':');
        seen.host = QString::fromLatin1(hostPort.value(0));
        port = quint16(hostPort.value(1).toUInt());
    } else {
        const QUrl url(QString::fromLatin1(request.value(1)));
        seen.host = url.host();
        seen.path = url.path();
        port = quint16(url.port(80));
        target = url.path(QUrl::FullyEncoded).toLatin1();
        if (url.hasQuery())
            target += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    }
    seen.admitted = m_expectedAuthorization.isEmpty() || authorization == m_expectedAuthorization;
    m_seen.append(seen);
    if (!seen.admitted) {
        client->write("HTTP/1.1 407 Proxy Authentication Required\r\n"
                      "Proxy-Authenticate: Basic realm=\"loopback test proxy\"\r\n"
                      "Content-Length: 0\r\nConnection: close\r\n\r\n");
        client->disconnectFromHost();
        return;
    }
    auto *server = new QTcpSocket(client);
    if (seen.method == QLatin1String("CONNECT")) {
        pipe(server, client);
    } else {
        // One request per connection: the answer says so, so the client opens a new one for the
        // next request (which is then seen and checked too).
        auto *answered = new bool(false);
        connect(server, &QObject::destroyed, [answered] { delete answered; });
        connect(server, &QTcpSocket::readyRead, client, [server, client, answered] {
            QByteArray data = server->readAll();
            if (!*answered) {
                *answered = true;
                const qsizetype lineEnd = data.indexOf("\r\n");
                if (lineEnd > 0)
                    data.insert(lineEnd + 2, "Connection: close\r\n");
            }
            client->write(data);
        });
        connect(server, &QTcpSocket::disconnected, client,
                [client] { client->disconnectFromHost(); });
    }
    const bool tunnel = seen.method == QLatin1String("CONNECT");
    connect(server, &QTcpSocket::connected, client,
            [client, server, tunnel, seen, target, headers, body] {
                if (tunnel) {
                    client->write("HTTP/1.1 200 Connection established\r\n\r\n");
                } else {
                    QByteArray forwarded = seen.method.toLatin1() + ' ' + target + " HTTP/1.1\r\n";
                    for (const QByteArray &header : headers)
                        forwarded += header + "\r\n";
                    forwarded += "Connection: close\r\n\r\n" + body;
                    server->write(forwarded);
                }
                // The rest of this request's body (or the tunnel's bytes) follows.
                QObject::connect(client, &QTcpSocket::readyRead, server,
                                 [client, server] { server->write(client->readAll()); });
                if (tunnel && !body.isEmpty())
                    server->write(body);
            });
    connect(server, &QTcpSocket::errorOccurred, client, [client] {
        client->write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        client->disconnectFromHost();
    });
    server->connectToHost(QHostAddress::LocalHost, port);
}
