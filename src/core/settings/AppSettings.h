// The preferences (theme, logo, language, connection names, allowed integrations): the user's,
// kept in QSettings, under what the machine's administrators set (MachineSettings): a locked
// value wins over the user's, the user's over a machine default, that over the built-in one.
#pragma once

#include "core/settings/ProxySettings.h"

#include <QObject>
#include <QSettings>
#include <QString>
#include <QStringList>

#include <optional>

class MachineSettings;

class AppSettings : public QObject
{
    Q_OBJECT

public:
    enum class Theme { System, Light, Dark }; // named in ThemeNames, in this order
    Q_ENUM(Theme)

    explicit AppSettings(QSettings *settings, QObject *parent = nullptr);
    // `machine` (not owned, may be null) must outlive this object.
    AppSettings(QSettings *settings, const MachineSettings *machine, QObject *parent = nullptr);

    // Whether administrators locked this key (e.g. "appearance/theme"); setters leave a locked
    // key alone. managedBy() names who, for "Set by …".
    bool isLocked(const QString &key) const;
    QString managedBy() const;
    const MachineSettings *machine() const { return m_machine; }
    // The user's own settings (for a diagnostics bundle, which writes them without secrets).
    const QSettings *userSettings() const { return m_settings; }

    Theme theme() const;
    void setTheme(Theme theme);
    // For this run only (the command line's --dark/--light): theme() answers `theme` and nothing
    // is written.
    void overrideTheme(Theme theme);
    static QString themeName(Theme theme);
    static std::optional<Theme> themeFromName(const QString &name);

    // The language of the app and of the pages it asks for ("de", "ar", …); empty: the
    // system's. overrideLanguage() is the command line's --lang, for this run only.
    QString language() const;
    void setLanguage(const QString &language);
    void overrideLanguage(const QString &language);

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

    // The app's proxy (network/proxy, network/proxyUrl, network/proxyUser, network/proxyBypass);
    // takes effect at the next start. An unreadable stored address counts as the system's.
    ProxySettings proxy() const;
    void setProxy(const ProxySettings &proxy);

    // How many past sessions the history keeps (0: none are kept); default 200.
    int historyLimit() const;
    void setHistoryLimit(int limit);
    static constexpr int defaultHistoryLimit = 200;
    static constexpr int maxHistoryLimit = 10000;

Q_SIGNALS:
    void changed();

private:
    QVariant value(const QString &key) const;
    bool write(const QString &key, const QVariant &value);

    QSettings *m_settings;
    const MachineSettings *m_machine = nullptr;
    std::optional<Theme> m_themeOverride;
    std::optional<QString> m_languageOverride;
};
