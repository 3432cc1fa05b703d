// Qt HTTP server glue: parses requests with QAbstractHttpServer and hands copies to the sandbox.
#pragma once

#include <QAbstractHttpServer>
#include <QTcpServer>

class SandboxServer;

class SandboxListener : public QAbstractHttpServer
{
    Q_OBJECT

public:
    explicit SandboxListener(SandboxServer *server);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    SandboxServer *m_server;
};

// The sandbox's TCP server. Qt's HTTP parser keeps a request's head in memory however large it
// grows, and parses it on the thread that runs the sandbox (the app's own, in process): each
// connection is watched before the parser reads it, and a request whose head (and body) runs
// past a bound without ending is answered 431 and closed unread.
class SandboxTcpServer : public QTcpServer
{
    Q_OBJECT

public:
    // What a connection may send between two blank lines (a request head ends with one; the
    // sandbox's own request bodies are a few KiB of JSON).
    static constexpr qint64 maxRequestBytes = 1024 * 1024;

    explicit SandboxTcpServer(QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr descriptor) override;
};
