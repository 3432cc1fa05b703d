#include "sandbox/SandboxState.h"

#include "sandbox/SandboxPages.h"
#include "sandbox/SandboxServer.h"

#include <QTcpServer>

QUrl SandboxState::url() const
{
    return server->url();
}

QUrl SandboxState::sessionBase(const SandboxSession &session) const
{
    QUrl base = url();
    if (!options.publicHost.isEmpty())
        base.setHost(options.publicHost);
    return base.resolved(QUrl(QStringLiteral("/connect/") + session.token));
}

QUrl SandboxState::modalUrl(const SandboxSession &session)
{
    QUrl modal = sessionBase(session);
    if (options.faults.untrustedModal) {
        modal.setScheme(QStringLiteral("https"));
        modal.setPort(server->untrustedTlsPort());
    }
    if (options.faults.unreachableModal) {
        if (closedPort == 0) {
            // A port the system just gave and took back: nothing listens there.
            QTcpServer probe;
            probe.listen(QHostAddress::LocalHost, 0);
            closedPort = probe.serverPort();
            probe.close();
        }
        modal.setPort(closedPort);
    }
    return modal;
}

void SandboxState::purgeOldSessions()
{
    // Keep ended sessions for an hour so a reused link still says "already used".
    const QDateTime horizon = QDateTime::currentDateTimeUtc().addSecs(-3600);
    sessions.removeIf([&](const auto &entry) { return entry.value().expiresAt < horizon; });
    const QDateTime dayAgo = QDateTime::currentDateTimeUtc().addDays(-1);
    idempotency.removeIf([&](const auto &entry) {
        return !entry.value().inFlight && entry.value().createdAt < dayAgo;
    });
}

SandboxReply SandboxState::messagePage(int status, const QString &heading, const QString &text)
{
    const QByteArray nonce = SandboxPages::nonce();
    SandboxReply reply =
        SandboxReply::html(status, SandboxPages::message(heading, text, false, nonce));
    return reply.withHeader("Content-Security-Policy", SandboxPages::contentSecurityPolicy(nonce));
}
