#include "core/paragon/ParagonEndpoint.h"

QUrl ParagonEndpoint::projectUrl(const QString &path) const
{
    QUrl url = zeus();
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + QStringLiteral("/projects/") + projectId + path);
    return url;
}

QStringList ParagonEndpoint::environmentKeys()
{
    return {QStringLiteral("ZEUS_PUBLIC_URL"),
            QStringLiteral("CONNECT_PUBLIC_URL"),
            QStringLiteral("PASSPORT_PUBLIC_URL"),
            QStringLiteral("PASSPORT_PRODUCTION_URL"),
            QStringLiteral("HERMES_PUBLIC_URL"),
            QStringLiteral("WORKER_PROXY_PUBLIC_URL"),
            QStringLiteral("CDN_PUBLIC_URL"),
            QStringLiteral("DASHBOARD_PUBLIC_URL"),
            QStringLiteral("API_TRIGGER_KIT_PUBLIC_URL")};
}
