#include "core/system/ProxySetup.h"

#include "core/session/NavigationPolicy.h"

#include <QMutex>
#include <QMutexLocker>
#include <QNetworkProxyFactory>
#include <QUrl>

namespace {

struct State
{
    QMutex mutex;
    ProxySettings settings;
    QString password;
};

State &state()
{
    static State instance;
    return instance;
}

bool bypasses(const QStringList &bypass, const QString &host)
{
    const QString lower = host.toLower();
    for (const QString &rule : bypass) {
        if (rule == lower || (rule.startsWith(QLatin1Char('.')) && lower.endsWith(rule))
            || (rule.startsWith(QLatin1String("*.")) && lower.endsWith(rule.mid(1))))
            return true;
    }
    return false;
}

// The manual proxy for every request of Qt's network stack, except loopback (the app's own
// servers, which a proxy elsewhere cannot reach) and the hosts that bypass it.
class ManualProxyFactory : public QNetworkProxyFactory
{
public:
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override
    {
        QMutexLocker lock(&state().mutex);
        const ProxySettings &settings = state().settings;
        const QString host = query.peerHostName();
        if (settings.mode != ProxySettings::Mode::Manual || NavigationPolicy::isLoopbackHost(host)
            || bypasses(settings.bypass, host))
            return {QNetworkProxy(QNetworkProxy::NoProxy)};
        const bool socks = settings.url.scheme() == QLatin1String("socks5");
        QNetworkProxy proxy(socks ? QNetworkProxy::Socks5Proxy : QNetworkProxy::HttpProxy,
                            settings.url.host(), quint16(settings.url.port()), settings.user,
                            state().password);
        return {proxy};
    }
};

} // namespace

namespace ProxySetup {

void apply(const ProxySettings &settings)
{
    {
        QMutexLocker lock(&state().mutex);
        state().settings = settings;
    }
    switch (settings.mode) {
    case ProxySettings::Mode::System:
        QNetworkProxyFactory::setUseSystemConfiguration(true);
        break;
    case ProxySettings::Mode::None:
        QNetworkProxyFactory::setUseSystemConfiguration(false);
        QNetworkProxy::setApplicationProxy(QNetworkProxy(QNetworkProxy::NoProxy));
        break;
    case ProxySettings::Mode::Manual: {
        // The web engine reads Qt's application proxy (type, host and port; its sign-in comes
        // through the page's proxyAuthenticationRequired), the API clients the factory (which
        // adds the user and password, and the bypass list).
        QNetworkProxyFactory::setUseSystemConfiguration(false);
        const bool socks = settings.url.scheme() == QLatin1String("socks5");
        QNetworkProxy::setApplicationProxy(
            QNetworkProxy(socks ? QNetworkProxy::Socks5Proxy : QNetworkProxy::HttpProxy,
                          settings.url.host(), quint16(settings.url.port())));
        QNetworkProxyFactory::setApplicationProxyFactory(new ManualProxyFactory); // Qt owns it
        break;
    }
    }
}

void setPassword(const QString &password)
{
    QMutexLocker lock(&state().mutex);
    state().password = password;
}

ProxySettings current()
{
    QMutexLocker lock(&state().mutex);
    return state().settings;
}

bool credentialsFor(const QString &host, QString *user, QString *password)
{
    QMutexLocker lock(&state().mutex);
    const ProxySettings &settings = state().settings;
    if (settings.mode != ProxySettings::Mode::Manual || settings.user.isEmpty()
        || host.compare(settings.url.host(), Qt::CaseInsensitive) != 0)
        return false;
    *user = settings.user;
    *password = state().password;
    return true;
}

QString proxyFor(const QUrl &url)
{
    const QList<QNetworkProxy> proxies =
        QNetworkProxyFactory::proxyForQuery(QNetworkProxyQuery(url));
    if (proxies.isEmpty())
        return {};
    const QNetworkProxy &proxy = proxies.constFirst();
    if (proxy.type() == QNetworkProxy::NoProxy || proxy.type() == QNetworkProxy::DefaultProxy)
        return {};
    return QStringLiteral("%1:%2").arg(proxy.hostName()).arg(proxy.port());
}

} // namespace ProxySetup
