// One HTTP request as the sandbox sees it, one reply, and the socket a reply goes back on.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QString>
#include <QTcpSocket>
#include <QUrlQuery>

struct SandboxRequest
{
    QByteArray method; // "GET", "POST", …
    QString path; // decoded path, e.g. "/api/connections/connect/"
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    // Case-insensitive header look-up; empty when absent.
    QByteArray header(const QByteArray &name) const;
};

struct SandboxReply
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    SandboxReply &withHeader(const QByteArray &name, const QByteArray &value);
    static SandboxReply json(int status, const QByteArray &body);
    static SandboxReply html(int status, const QByteArray &body);
    static SandboxReply redirect(const QByteArray &location, int status = 302);
    static SandboxReply empty(int status);
    // `time` as HTTP's Date header writes it ("Fri, 04 Dec 2026 21:00:00 GMT").
    static QByteArray httpDate(const QDateTime &time);
};

// The way back to one client: write a reply (now or later) or drop the connection.
// Safe to use after the client has gone: then it does nothing.
class SandboxResponder
{
public:
    explicit SandboxResponder(QTcpSocket *socket)
        : m_socket(socket)
    { }
    void send(const SandboxReply &reply);
    void drop();
    bool isOpen() const { return m_socket && m_socket->state() == QAbstractSocket::ConnectedState; }

private:
    QPointer<QTcpSocket> m_socket;
    bool m_done = false;
};
