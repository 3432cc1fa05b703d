// The app's main window: the active backend profile (switchable, the sandbox labelled), the
// integrations to connect, the organization's connections, and what the last session did.
#pragma once

#include "core/model/Profile.h"
#include "core/model/SessionResult.h"
#include "core/session/PlatformProvider.h"
#include "core/session/Workspace.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <vector>

class AppSettings;
class Backends;
class Banner;
class ConnectWindow;
class ConnectWindows;
class ConnectionTypeCache;
class ConnectionsView;
class IntegrationPicker;
class LogoCache;
class ModalViewPool;
class ProfileStore;
class ProfileSwitcher;
class QAction;
class QLabel;
class QSplitter;
class WebProfiles;
class HistoryDialog;
class SessionHistory;
class SettingsDialog;
class StatusBadge;
class ThemeManager;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // Everything passed in must outlive the window. Opens the active profile at once. With a
    // `typeCache`, the integrations last fetched for the profile show at once while the platform
    // is asked whether they changed.
    MainWindow(Backends *backends, ProfileStore *profiles, AppSettings *settings,
               WebProfiles *webProfiles, const ConnectionTypeCache *typeCache = nullptr,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    // Without one, "dark" for new sessions follows the application palette.
    void setThemeManager(ThemeManager *theme);
    // Where finished sessions are kept (the History view reads it too); none: not kept.
    void setHistory(SessionHistory *history);
    SessionHistory *history() const { return m_history; }

    PlatformProvider *provider() const { return m_workspace->provider(); }
    Profile openedProfile() const { return m_workspace->profile(); }
    // The open profile and what it offers, as the command line sees it too.
    Workspace *workspace() const { return m_workspace; }
    // The connect window of the session in progress (or whose result is shown), if any.
    ConnectWindow *connectWindow() const;
    // The next session's window, made ahead while the user picks (hidden, no session yet); null
    // while a session runs, and until the first page is ready.
    ConnectWindow *nextConnectWindow() const;
    // The connections of the open profile have arrived at least once (names are known).
    bool connectionsLoaded() const { return m_workspace->connectionsLoaded(); }
    IntegrationPicker *picker() const { return m_picker; }
    ConnectionsView *connectionsView() const { return m_connections; }
    ProfileSwitcher *profileSwitcher() const { return m_switcher; }
    Banner *profileBanner() const { return m_profileBanner; }
    Banner *sessionBanner() const { return m_sessionBanner; }
    StatusBadge *sandboxBadge() const { return m_sandboxBadge; }
    SettingsDialog *settingsDialog() const { return m_settingsDialog; }
    // The History view, while it is open.
    HistoryDialog *historyDialog() const;
    // The next connect window's web view, kept ready (ModalViewPool).
    ModalViewPool *modalViews() const;
    LogoCache *logoCache() const { return m_logos; }

public Q_SLOTS:
    void openIntegration(const ConnectionType &type);
    // A connectdesktop:// link asked for this integration (already parsed and shaped right):
    // opens it if it is allowed and offered, otherwise says why. Nothing is submitted.
    void openFromLink(const QString &integration);
    void reconnect(const Connection &connection);
    void refresh();
    // Non-blocking: the dialog is window-modal and reports through QDialog::finished.
    void showSettings(const QString &profileId = {});
    // The History view (one at a time; not modal).
    void showHistory();
    // Help, Save Diagnostics (window-modal).
    void showDiagnostics();

protected:
    bool event(QEvent *event) override;

Q_SIGNALS:
    // The provider for the active profile is ready (or failed: provider() is null).
    void profileOpened(const Profile &profile);
    void connectWindowOpened(ConnectWindow *window);
    void sessionFinished(const SessionResult &result);
    void connectionsRefreshed();
    // The picker shows the integrations of the open profile (after each fetch that filled it).
    void integrationsShown(int count);
    // The next connect window's web view is being made ready: the web engine starts the first
    // time, and holds this thread for tens of milliseconds.
    void pagePreparing();

private:
    void buildUi();
    void openProfile(const Profile &profile);
    void onProfileOpened(const Profile &profile);
    void onProfileOpenFailed(const Profile &profile, const ApiFailure &failure);
    void fetchTypes();
    void onIntegrationsListed(Workspace::Source source);
    void onIntegrationsFailed(const ApiFailure &failure, bool stale);
    // The integrations the workspace offers (listed and allowed) into the picker.
    void showTypes(const QList<ConnectionType> &types);
    void fetchConnections();
    void onConnectionsListed(const Result<QList<Connection>> &result);
    // A fetched list (or why there is none) into the connections pane, for the open profile.
    void showConnections(const Result<QList<Connection>> &result);
    // The connection names in use: the list, and what was connected since it was fetched.
    QStringList namesTaken() const;
    void startCreate(const ConnectionType &type);
    void confirmRemove(const Connection &connection);
    void startSession(const SessionRequest &request, const QString &integrationName);
    void onSessionFinished(const SessionResult &result, const QString &integrationName);
    void offerNextName(const QString &failedName, const QString &integrationName,
                       const QString &integrationId);
    void offerRetry(const SessionRequest &request, const QString &integrationName);
    bool isDark() const;
    // Gets the next connect window's web view ready (ModalViewPool::prepare) once the events
    // already queued have run.
    void preparePageSoon();
    // The next connect window, made after the events waiting (a paint, a click), when no
    // session runs: building and laying it out leave the click's path (1-3 ms, more for the
    // first). One at a time; dropped when what it shows changes (profile, theme, settings).
    void makeNextWindowSoon();
    // Made again, when one waits, after what it shows has changed.
    void renewNextWindow();
    // Runs `work` now, or, while the window is shown but not painted yet, once it has painted:
    // the picker people look at first is not held back by what may come a moment later (the
    // connections). A window that is never exposed runs it soon all the same.
    void afterFirstPaint(std::function<void()> work);
    void runAfterFirstPaint();
    void updateProfileChrome(const Profile &profile);

    Backends *m_backends;
    SessionHistory *m_history = nullptr;
    QAction *m_historyAction = nullptr;
    QPointer<HistoryDialog> m_historyDialog;
    ProfileStore *m_profiles;
    AppSettings *m_settings;
    WebProfiles *m_webProfiles;
    QPointer<ThemeManager> m_theme;
    LogoCache *m_logos;
    Workspace *m_workspace;
    ConnectWindows *m_windows; // the session's, the next one and the view kept warm

    bool m_autoOpened = false;
    QString m_pendingLink; // a link that arrived before the integrations
    void openPendingLink(); // the one allowed integration was opened for this profile
    bool m_preparePageAfterPaint = false;
    bool m_paintedOnce = false;
    bool m_logosAwaited = false; // the first page waited for the first paint's logos
    QSplitter *m_splitter = nullptr;
    bool m_splitSet = false; // the splitter's first sizes, set once the window is polished
    std::vector<std::function<void()>> m_afterFirstPaint;
    std::optional<ConnectionType> m_pendingType; // chosen before the connections arrived
    quint64 m_openGeneration = 0; // profiles opened: what waits for one drops out after another

    ProfileSwitcher *m_switcher = nullptr;
    StatusBadge *m_sandboxBadge = nullptr;
    QAction *m_sandboxBadgeAction = nullptr;
    QLabel *m_backendLabel = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_settingsAction = nullptr;
    Banner *m_profileBanner = nullptr;
    Banner *m_sandboxBanner = nullptr;
    Banner *m_sessionBanner = nullptr;
    IntegrationPicker *m_picker = nullptr;
    ConnectionsView *m_connections = nullptr;
    QPointer<SettingsDialog> m_settingsDialog;
};
