// A small HTTP proxy on 127.0.0.1 for the corporate-network tests: it forwards plain requests
// (absolute-form) and tunnels CONNECT, always to 127.0.0.1 whatever host was asked for (so a name
// such as sandbox.test reaches a sandbox on loopback), one request per connection. With
// requireCredentials(), a request without the right Proxy-Authorization gets 407. Every request
// it sees is recorded: the host asked for, the path, its User-Agent, and whether it was let in.
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QTcpServer>

class QTcpSocket;

class LoopbackProxy : public QObject
{
    Q_OBJECT

public:
    struct Seen
    {
        QString method;
        QString host; // as asked for
        QString path; // empty for CONNECT
        QByteArray userAgent;
        bool admitted = false; // false: answered 407
    };

    explicit LoopbackProxy(QObject *parent = nullptr);

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    void requireCredentials(const QString &user, const QString &password);
    const QList<Seen> &seen() const { return m_seen; }

private:
    void accept();
    void serve(QTcpSocket *client, QByteArray head);
    static void pipe(QTcpSocket *from, QTcpSocket *to);

    QTcpServer m_server;
    QByteArray m_expectedAuthorization; // "Basic …"; empty: none asked
    QList<Seen> m_seen;
};
