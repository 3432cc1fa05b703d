#include "core/settings/AppSettings.h"

#include "core/settings/MachineSettings.h"
#include "core/settings/ThemeNames.h"

AppSettings::AppSettings(QSettings *settings, QObject *parent)
    : AppSettings(settings, nullptr, parent)
{ }

AppSettings::AppSettings(QSettings *settings, const MachineSettings *machine, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_machine(machine)
{ }

bool AppSettings::isLocked(const QString &key) const
{
    return m_machine && m_machine->isLocked(key);
}

QString AppSettings::managedBy() const
{
    return m_machine ? m_machine->managedBy() : QString();
}

QVariant AppSettings::value(const QString &key) const
{
    if (isLocked(key))
        return m_machine->lockedValue(key);
    const QVariant user = m_settings->value(key);
    if (user.isValid())
        return user;
    return m_machine ? m_machine->defaultValue(key) : QVariant();
}

bool AppSettings::write(const QString &key, const QVariant &value)
{
    if (isLocked(key))
        return false;
    m_settings->setValue(key, value);
    return true;
}

QString AppSettings::themeName(Theme theme)
{
    return QLatin1String(ThemeNames::names.at(size_t(theme)));
}

std::optional<AppSettings::Theme> AppSettings::themeFromName(const QString &name)
{
    for (size_t i = 0; i < ThemeNames::names.size(); ++i) {
        if (name == QLatin1String(ThemeNames::names[i]))
            return Theme(i);
    }
    return std::nullopt;
}

AppSettings::Theme AppSettings::theme() const
{
    if (m_themeOverride)
        return *m_themeOverride;
    return themeFromName(value(QStringLiteral("appearance/theme")).toString())
        .value_or(Theme::System);
}

void AppSettings::setTheme(Theme theme)
{
    if (write(QStringLiteral("appearance/theme"), themeName(theme)))
        Q_EMIT changed();
}

void AppSettings::overrideTheme(Theme theme)
{
    m_themeOverride = theme;
    Q_EMIT changed();
}

QString AppSettings::logoFile() const
{
    return value(QStringLiteral("appearance/logo")).toString();
}

QString AppSettings::logoDarkFile() const
{
    return value(QStringLiteral("appearance/logoDark")).toString();
}

void AppSettings::setLogoFiles(const QString &light, const QString &dark)
{
    const bool wrote = write(QStringLiteral("appearance/logo"), light);
    if (write(QStringLiteral("appearance/logoDark"), dark) || wrote)
        Q_EMIT changed();
}

QString AppSettings::nameTemplate() const
{
    const QString templ = value(QStringLiteral("connections/nameTemplate")).toString();
    return templ.trimmed().isEmpty() ? defaultNameTemplate() : templ;
}

void AppSettings::setNameTemplate(const QString &templ)
{
    if (write(QStringLiteral("connections/nameTemplate"), templ))
        Q_EMIT changed();
}

ProxySettings AppSettings::proxy() const
{
    ProxySettings proxy;
    proxy.mode = ProxySettings::modeFromName(value(QStringLiteral("network/proxy")).toString())
                     .value_or(ProxySettings::Mode::System);
    if (proxy.mode == ProxySettings::Mode::Manual) {
        QString error;
        const auto url =
            ProxySettings::parseUrl(value(QStringLiteral("network/proxyUrl")).toString(), &error);
        if (!url)
            return {}; // a manual proxy without a usable address: the system's
        proxy.url = *url;
        proxy.user = value(QStringLiteral("network/proxyUser")).toString().trimmed();
        const QVariant bypass = value(QStringLiteral("network/proxyBypass"));
        proxy.bypass = ProxySettings::parseBypass(bypass.typeId() == QMetaType::QStringList
                                                      ? bypass.toStringList().join(QLatin1Char(','))
                                                      : bypass.toString());
    }
    return proxy;
}

void AppSettings::setProxy(const ProxySettings &proxy)
{
    bool wrote = write(QStringLiteral("network/proxy"), ProxySettings::modeName(proxy.mode));
    const bool manual = proxy.mode == ProxySettings::Mode::Manual;
    wrote |= write(QStringLiteral("network/proxyUrl"), manual ? proxy.url.toString() : QString());
    wrote |= write(QStringLiteral("network/proxyUser"), manual ? proxy.user : QString());
    wrote |= write(QStringLiteral("network/proxyBypass"),
                   manual ? proxy.bypass.join(QLatin1String(", ")) : QString());
    if (wrote)
        Q_EMIT changed();
}

int AppSettings::historyLimit() const
{
    bool ok = false;
    const int limit = value(QStringLiteral("history/limit")).toInt(&ok);
    return ok ? qBound(0, limit, maxHistoryLimit) : defaultHistoryLimit;
}

void AppSettings::setHistoryLimit(int limit)
{
    if (write(QStringLiteral("history/limit"), qBound(0, limit, maxHistoryLimit)))
        Q_EMIT changed();
}

QStringList AppSettings::allowedIntegrations() const
{
    QStringList ids;
    for (const QString &id : value(QStringLiteral("connections/allowed")).toStringList()) {
        if (!id.trimmed().isEmpty() && !ids.contains(id.trimmed()))
            ids.append(id.trimmed());
    }
    return ids;
}

void AppSettings::setAllowedIntegrations(const QStringList &ids)
{
    if (write(QStringLiteral("connections/allowed"), ids))
        Q_EMIT changed();
}

QStringList AppSettings::browserOnlyHosts() const
{
    const QVariant stored = value(QStringLiteral("web/browserOnlyHosts"));
    if (!stored.isValid())
        return defaultBrowserOnlyHosts();
    QStringList hosts;
    for (const QString &host : stored.toStringList()) {
        if (!host.trimmed().isEmpty())
            hosts.append(host.trimmed().toLower());
    }
    return hosts;
}

QString AppSettings::language() const
{
    if (m_languageOverride)
        return *m_languageOverride;
    return value(QStringLiteral("appearance/language")).toString().trimmed();
}

void AppSettings::setLanguage(const QString &language)
{
    if (write(QStringLiteral("appearance/language"), language.trimmed()))
        Q_EMIT changed();
}

void AppSettings::overrideLanguage(const QString &language)
{
    m_languageOverride = language.trimmed();
    Q_EMIT changed();
}
