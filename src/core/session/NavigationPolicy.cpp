#include "core/session/NavigationPolicy.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace NavigationPolicy {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("NavigationPolicy", text);
}

Decision refuse(const QString &reason)
{
    return {false, reason};
}

} // namespace

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

Decision check(const QUrl &url, bool isMainFrame, const UrlWatch &redirect)
{
    if (!url.isValid())
        return refuse(tr("the address is not valid"));
    const QString scheme = url.scheme().toLower();

    if (scheme == QLatin1String("about")) {
        // Popups start blank; frames may use srcdoc. Nothing else under about:.
        const QString path = url.path();
        if (path == QLatin1String("blank") || (!isMainFrame && path == QLatin1String("srcdoc")))
            return {true, {}};
        return refuse(tr("about: pages other than about:blank are not allowed"));
    }
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return refuse(tr("%1: addresses are not allowed; only web pages (https) are").arg(scheme));
    if (url.host().isEmpty())
        return refuse(tr("the address has no host"));
    if (!url.userInfo().isEmpty())
        return refuse(tr("addresses with a user name or password are not allowed"));

    const bool loopback = isLoopbackHost(url.host());
    if (scheme == QLatin1String("http") && !loopback)
        return refuse(
            tr("plain http is allowed only to this computer; %1 must use https").arg(url.host()));

    // The app's redirect port belongs to the session: only the exact redirect may go there.
    if (!redirect.isNull() && loopback) {
        const QUrl own = redirect.url();
        if (url.port(-1) == own.port(-1) && !redirect.matches(url))
            return refuse(tr("only the session's own redirect may reach the app's port"));
    }
    return {true, {}};
}

} // namespace NavigationPolicy
