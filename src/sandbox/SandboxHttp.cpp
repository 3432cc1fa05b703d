#include "sandbox/SandboxHttp.h"

#include <QLocale>

#include <algorithm>

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 303:
        return "See Other";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 413:
        return "Payload Too Large";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

} // namespace

QByteArray SandboxRequest::header(const QByteArray &name) const
{
    for (const auto &entry : headers) {
        if (entry.first.compare(name, Qt::CaseInsensitive) == 0)
            return entry.second;
    }
    return {};
}

SandboxReply &SandboxReply::withHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append({name, value});
    return *this;
}

SandboxReply SandboxReply::json(int status, const QByteArray &body)
{
    SandboxReply reply;
    reply.status = status;
    reply.body = body;
    reply.withHeader("Content-Type", "application/json");
    return reply;
}

SandboxReply SandboxReply::html(int status, const QByteArray &body)
{
    SandboxReply reply;
    reply.status = status;
    reply.body = body;
    reply.withHeader("Content-Type", "text/html; charset=utf-8");
    return reply;
}

SandboxReply SandboxReply::redirect(const QByteArray &location, int status)
{
    SandboxReply reply;
    reply.status = status;
    reply.withHeader("Location", location);
    return reply;
}

SandboxReply SandboxReply::empty(int status)
{
    SandboxReply reply;
    reply.status = status;
    return reply;
}

QByteArray SandboxReply::httpDate(const QDateTime &time)
{
    return QLocale::c()
        .toString(time.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
        .toLatin1();
}

void SandboxResponder::send(const SandboxReply &reply)
{
    if (m_done || !isOpen())
        return;
    m_done = true;
    QByteArray out =
        "HTTP/1.1 " + QByteArray::number(reply.status) + ' ' + reasonPhrase(reply.status) + "\r\n";
    for (const auto &header : reply.headers)
        out += header.first + ": " + header.second + "\r\n";
    out += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\n";
    // As any web server says its time (the doctor compares clocks with it).
    if (!std::any_of(reply.headers.cbegin(), reply.headers.cend(), [](const auto &header) {
            return header.first.compare("Date", Qt::CaseInsensitive) == 0;
        }))
        out += "Date: " + SandboxReply::httpDate(QDateTime::currentDateTimeUtc()) + "\r\n";
    const bool hasCacheControl =
        std::any_of(reply.headers.cbegin(), reply.headers.cend(), [](const auto &header) {
            return header.first.compare("Cache-Control", Qt::CaseInsensitive) == 0;
        });
    if (!hasCacheControl)
        out += "Cache-Control: no-store\r\n";
    out += "X-Content-Type-Options: nosniff\r\n\r\n";
    out += reply.body;
    m_socket->write(out);
}

void SandboxResponder::drop()
{
    if (m_done || !m_socket)
        return;
    m_done = true;
    m_socket->abort();
}
