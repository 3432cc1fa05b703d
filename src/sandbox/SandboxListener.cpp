#include "SandboxListener.h"

#include "SandboxServer.h"

#include <QHttpServerRequest>

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

} // namespace

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
