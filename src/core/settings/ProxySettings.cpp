#include "core/settings/ProxySettings.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ProxySettings", text);
}

} // namespace

QString ProxySettings::modeName(Mode mode)
{
    switch (mode) {
    case Mode::System:
        return QStringLiteral("system");
    case Mode::None:
        return QStringLiteral("none");
    case Mode::Manual:
        return QStringLiteral("manual");
    }
    return {};
}

std::optional<ProxySettings::Mode> ProxySettings::modeFromName(const QString &name)
{
    for (const Mode mode : {Mode::System, Mode::None, Mode::Manual}) {
        if (modeName(mode) == name.trimmed().toLower())
            return mode;
    }
    return std::nullopt;
}

std::optional<QUrl> ProxySettings::parseUrl(const QString &text, QString *error)
{
    QString typed = text.trimmed();
    if (typed.isEmpty()) {
        *error = tr("Type the proxy's address, such as proxy.example.com:3128.");
        return std::nullopt;
    }
    if (!typed.contains(QLatin1String("://")))
        typed.prepend(QLatin1String("http://"));
    const QUrl url(typed, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty()) {
        *error = tr("This is not a proxy address: type host:port, such as proxy.example.com:3128.");
        return std::nullopt;
    }
    if (scheme != QLatin1String("http") && scheme != QLatin1String("socks5")) {
        *error = tr("The proxy must be http:// or socks5:// (both the API and the web pages use "
                    "it).");
        return std::nullopt;
    }
    if (!url.userName().isEmpty() || !url.password().isEmpty()) {
        *error = tr("Leave the user and password out of the address: they have fields of their "
                    "own (the password is kept in the keychain).");
        return std::nullopt;
    }
    if (url.port() <= 0) {
        *error = tr("Add the proxy's port, such as :3128 or :8080.");
        return std::nullopt;
    }
    if (!url.path().isEmpty() && url.path() != QLatin1String("/")) {
        *error = tr("A proxy address has no path: type only host:port.");
        return std::nullopt;
    }
    QUrl clean;
    clean.setScheme(scheme);
    clean.setHost(url.host());
    clean.setPort(url.port());
    return clean;
}

QStringList ProxySettings::parseBypass(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    QStringList hosts;
    for (const QString &host : text.split(separators, Qt::SkipEmptyParts)) {
        if (!hosts.contains(host.toLower()))
            hosts.append(host.toLower());
    }
    return hosts;
}

QString ProxySettings::endpoint() const
{
    return QStringLiteral("%1:%2").arg(url.host()).arg(url.port());
}
