// The preferences: theme, custom logo (checked before use), the connection name template with a
// live preview, and the backend profiles.
#pragma once

#include "core/settings/ProxySettings.h"

#include <QDialog>
#include <QHash>

#include <optional>

class AppSettings;
class Backends;
class BrandLogo;
class KeychainAccess;
class ProfileStore;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTabWidget;
class SessionHistory;
class WebProfiles;

class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Page { Appearance, Names, Profiles, Network, History };

    // `backends` (optional) describes where each profile points; `webProfiles` (optional)
    // holds what the web pages of each profile left, for "Clear web data".
    SettingsDialog(AppSettings *settings, ProfileStore *profiles, Backends *backends,
                   WebProfiles *webProfiles = nullptr, QWidget *parent = nullptr);

    void showPage(Page page);
    // The kept sessions, for the History page's count and Clear History (none: disabled).
    void setHistory(SessionHistory *history);
    // Opens the profiles page with this profile selected.
    void selectProfile(const QString &profileId);

    QComboBox *themeField() const { return m_theme; }
    QComboBox *languageField() const { return m_language; }
    QLineEdit *allowedField() const { return m_allowed; }
    // The "Set by …" note beside a setting administrators locked (null for other keys).
    QLabel *lockNote(const QString &key) const { return m_lockNotes.value(key); }
    QLabel *managedNotice() const { return m_managedNotice; }
    QLineEdit *logoField() const { return m_logo; }
    QLineEdit *logoDarkField() const { return m_logoDark; }
    QLabel *logoProblemLabel() const { return m_logoProblem; }
    QLabel *logoDarkProblemLabel() const { return m_logoDarkProblem; }
    QLineEdit *templateField() const { return m_template; }
    QLabel *templatePreview() const { return m_preview; }
    QListWidget *profileList() const { return m_profiles; }
    QPushButton *clearWebDataButton() const { return m_clearWebData; }
    QSpinBox *historyLimitField() const { return m_historyLimit; }
    QComboBox *proxyModeField() const { return m_proxyMode; }
    QLineEdit *proxyUrlField() const { return m_proxyUrl; }
    QLabel *proxyProblemLabel() const { return m_proxyProblem; }
    QLabel *proxyRestartNote() const { return m_proxyRestart; }
    QPushButton *clearHistoryButton() const { return m_clearHistory; }
    QLabel *historyStatus() const { return m_historyStatus; }
    QLabel *profileStatus() const { return m_profileStatus; }
    QPushButton *okButton() const;

public Q_SLOTS:
    void accept() override;

private:
    QWidget *buildAppearance();
    // Disables `field` when administrators locked `key` and returns the note that says so
    // (hidden otherwise), to place under the field.
    QLabel *lockable(QWidget *field, const QString &key, QWidget *parent);
    QWidget *buildNames();
    QWidget *buildProfiles();
    QWidget *buildNetwork();
    QWidget *buildHistory();
    // The proxy as typed; null, with *problem, when the address is not usable.
    std::optional<ProxySettings> typedProxy(QString *problem) const;
    void checkProxy();
    void updateOk();
    void updateHistoryStatus();
    void checkLogos();
    void updatePreview();
    void reloadProfiles();
    void editProfile(bool adding);
    void removeProfile();
    void clearWebData();
    void updateProfileButtons();
    QString selectedProfileId() const;

    AppSettings *m_settings;
    ProfileStore *m_store;
    Backends *m_backends;
    WebProfiles *m_webProfiles;
    KeychainAccess *m_keychain;

    QTabWidget *m_tabs;
    QComboBox *m_theme = nullptr;
    QComboBox *m_language = nullptr;
    QLineEdit *m_allowed = nullptr;
    QLabel *m_managedNotice = nullptr;
    QHash<QString, QLabel *> m_lockNotes;
    QLineEdit *m_logo = nullptr;
    QLineEdit *m_logoDark = nullptr;
    QLabel *m_logoProblem = nullptr;
    QLabel *m_logoDarkProblem = nullptr;
    BrandLogo *m_logoPreview = nullptr;
    BrandLogo *m_logoDarkPreview = nullptr;
    QLineEdit *m_template = nullptr;
    QLabel *m_preview = nullptr;
    QListWidget *m_profiles = nullptr;
    QPushButton *m_editProfile = nullptr;
    QPushButton *m_removeProfile = nullptr;
    QLabel *m_profileMessage = nullptr;
    QPushButton *m_clearWebData = nullptr;
    SessionHistory *m_history = nullptr;
    bool m_logosOk = true;
    bool m_proxyOk = true;
    QComboBox *m_proxyMode = nullptr;
    QLineEdit *m_proxyUrl = nullptr;
    QLabel *m_proxyProblem = nullptr;
    QLineEdit *m_proxyUser = nullptr;
    QLineEdit *m_proxyPassword = nullptr;
    QLineEdit *m_proxyBypass = nullptr;
    QLabel *m_proxyRestart = nullptr;
    QSpinBox *m_historyLimit = nullptr;
    QPushButton *m_clearHistory = nullptr;
    QLabel *m_historyStatus = nullptr;
    QLabel *m_profileStatus = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
