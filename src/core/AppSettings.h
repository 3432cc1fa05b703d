// The user's preferences (theme, logo, connection names), kept in QSettings.
#pragma once

#include <QObject>
#include <QSettings>
#include <QString>
#include <QStringList>

#include <optional>

class AppSettings : public QObject
{
    Q_OBJECT

public:
    enum class Theme { System, Light, Dark };
    Q_ENUM(Theme)

    explicit AppSettings(QSettings *settings, QObject *parent = nullptr);

    Theme theme() const;
    void setTheme(Theme theme);
    // For this run only (the command line's --dark/--light): theme() answers `theme` and nothing
    // is written.
    void overrideTheme(Theme theme);
    static QString themeName(Theme theme);
    static std::optional<Theme> themeFromName(const QString &name);

    QString logoFile() const; // custom SVG logo, light variant; empty: the app's own
    QString logoDarkFile() const; // optional dark variant
    void setLogoFiles(const QString &light, const QString &dark);

    // The integrations the company allows (type ids), in order; empty: every type the backend
    // lists. One allowed integration opens straight away.
    QStringList allowedIntegrations() const;
    void setAllowedIntegrations(const QStringList &ids);

    // Hosts of identity providers that refuse sign-in in embedded views; reaching one offers
    // the system browser. Default: accounts.google.com.
    QStringList browserOnlyHosts() const;
    static QStringList defaultBrowserOnlyHosts() { return {QStringLiteral("accounts.google.com")}; }

    // The connection name template: {integration} (the type's name), {id}, {date}, {time}.
    QString nameTemplate() const;
    void setNameTemplate(const QString &templ);
    static QString defaultNameTemplate() { return QStringLiteral("{integration} {date}"); }

Q_SIGNALS:
    void changed();

private:
    QSettings *m_settings;
    std::optional<Theme> m_themeOverride;
};
