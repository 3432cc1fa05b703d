#include "sandbox/SandboxAssets.h"

#include "sandbox/SandboxServerShared.h"

using namespace SandboxShared;

SandboxReply SandboxAssets::typeLogo(const QString &fileName, const SandboxRequest &request) const
{
    if (!fileName.endsWith(QLatin1String(".svg")))
        return SandboxReply::empty(404);
    const QByteArray svg = m_state.catalogue.logoSvg(fileName.chopped(4));
    if (svg.isEmpty())
        return SandboxReply::empty(404);
    const QByteArray etag = etagOf(svg);
    SandboxReply reply =
        request.header("If-None-Match") == etag ? SandboxReply::empty(304) : SandboxReply();
    if (reply.status != 304) {
        reply.status = 200;
        reply.body = svg;
        reply.withHeader("Content-Type", "image/svg+xml");
    }
    return reply.withHeader("ETag", etag)
        .withHeader("Cache-Control", "public, max-age=86400")
        .withHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
}

SandboxReply SandboxAssets::brandingLogo(const QString &fileName) const
{
    QByteArray svg;
    if (fileName == QLatin1String("logo.svg"))
        svg = m_state.logoLight;
    else if (fileName == QLatin1String("logo-dark.svg"))
        svg = m_state.logoDark;
    if (svg.isEmpty())
        return SandboxReply::empty(404);
    SandboxReply reply;
    reply.body = svg;
    return reply.withHeader("Content-Type", "image/svg+xml")
        .withHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
}

SandboxReply SandboxAssets::indexPage() const
{
    return SandboxState::messagePage(
        200, tr("Connect sandbox"),
        tr("This server speaks the Polytomic Connect API under /api/ and serves its own "
           "connect modal. Create a session with POST /api/connections/connect/ and "
           "open the redirect_url it returns."));
}
