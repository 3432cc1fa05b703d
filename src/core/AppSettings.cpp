#include "AppSettings.h"

AppSettings::AppSettings(QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{ }

QString AppSettings::themeName(Theme theme)
{
    switch (theme) {
    case Theme::System:
        return QStringLiteral("system");
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    }
    return {};
}

std::optional<AppSettings::Theme> AppSettings::themeFromName(const QString &name)
{
    for (Theme theme : {Theme::System, Theme::Light, Theme::Dark}) {
        if (themeName(theme) == name)
            return theme;
    }
    return std::nullopt;
}

AppSettings::Theme AppSettings::theme() const
{
    if (m_themeOverride)
        return *m_themeOverride;
    return themeFromName(m_settings->value(QStringLiteral("appearance/theme")).toString())
        .value_or(Theme::System);
}

void AppSettings::setTheme(Theme theme)
{
    m_settings->setValue(QStringLiteral("appearance/theme"), themeName(theme));
    Q_EMIT changed();
}

void AppSettings::overrideTheme(Theme theme)
{
    m_themeOverride = theme;
    Q_EMIT changed();
}

QString AppSettings::logoFile() const
{
    return m_settings->value(QStringLiteral("appearance/logo")).toString();
}

QString AppSettings::logoDarkFile() const
{
    return m_settings->value(QStringLiteral("appearance/logoDark")).toString();
}

void AppSettings::setLogoFiles(const QString &light, const QString &dark)
{
    m_settings->setValue(QStringLiteral("appearance/logo"), light);
    m_settings->setValue(QStringLiteral("appearance/logoDark"), dark);
    Q_EMIT changed();
}

QString AppSettings::nameTemplate() const
{
    const QString templ = m_settings->value(QStringLiteral("connections/nameTemplate")).toString();
    return templ.trimmed().isEmpty() ? defaultNameTemplate() : templ;
}

void AppSettings::setNameTemplate(const QString &templ)
{
    m_settings->setValue(QStringLiteral("connections/nameTemplate"), templ);
    Q_EMIT changed();
}

QStringList AppSettings::allowedIntegrations() const
{
    QStringList ids;
    for (const QString &id :
         m_settings->value(QStringLiteral("connections/allowed")).toStringList()) {
        if (!id.trimmed().isEmpty() && !ids.contains(id.trimmed()))
            ids.append(id.trimmed());
    }
    return ids;
}

void AppSettings::setAllowedIntegrations(const QStringList &ids)
{
    m_settings->setValue(QStringLiteral("connections/allowed"), ids);
    Q_EMIT changed();
}

QStringList AppSettings::browserOnlyHosts() const
{
    const QVariant stored = m_settings->value(QStringLiteral("web/browserOnlyHosts"));
    if (!stored.isValid())
        return defaultBrowserOnlyHosts();
    QStringList hosts;
    for (const QString &host : stored.toStringList()) {
        if (!host.trimmed().isEmpty())
            hosts.append(host.trimmed().toLower());
    }
    return hosts;
}
