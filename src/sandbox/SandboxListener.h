// Qt HTTP server glue: parses requests with QAbstractHttpServer and hands copies to the sandbox.
#pragma once

#include <QAbstractHttpServer>

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
