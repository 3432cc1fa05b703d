// The main window's connect windows: the one of the session in progress (or whose result is
// shown), the next one made ahead while the user picks, and the web view kept warm for it
// (ModalViewPool). What they are and how a session gets one; when to make them is the main
// window's call (after its first paint, once a profile has opened).
#pragma once

#include "core/model/Profile.h"
#include "core/session/PlatformProvider.h"

#include <QObject>
#include <QPointer>

class AppSettings;
class ConnectWindow;
class ModalViewPool;
class QWidget;
class WebProfiles;

class ConnectWindows : public QObject
{
    Q_OBJECT

public:
    // Windows are window-modal to `owner`. `settings` and `webProfiles` (may be null: no view is
    // kept) must outlive this.
    ConnectWindows(AppSettings *settings, WebProfiles *webProfiles, QWidget *owner);
    ~ConnectWindows() override;

    ConnectWindow *current() const { return m_current; }
    ConnectWindow *next() const { return m_next; }
    ModalViewPool *views() const { return m_views; }
    // A session is running in the current window: another waits until it ends.
    bool sessionRunning() const;

    // A session on `provider` for `profile` (its web options as they are now) in a window:
    // the one made ahead when it fits, with the view kept warm. The request goes out first, so
    // the platform works on it while the window is readied. A finished window before it goes;
    // with a session running, that window comes forward instead and nothing starts (null).
    ConnectWindow *start(PlatformProvider *provider, const Profile &profile,
                         const SessionRequest &request, const QString &integrationName);
    // Closes the current window if its session has finished.
    void closeFinished();

    // What the first session would otherwise load on the click's path: the web view (and with
    // it the engine), the platform's first attempt, the window's fonts.
    void prepare(PlatformProvider *provider, const Profile &profile);
    // The next window, made and laid out now, unless one waits or a session runs.
    void makeNext(PlatformProvider *provider, bool dark);
    void dropNext();

Q_SIGNALS:
    // A window has closed. `viewKept`: its web view serves the next session.
    void windowClosed(bool viewKept);

private:
    AppSettings *m_settings;
    WebProfiles *m_webProfiles;
    QWidget *m_owner;
    ModalViewPool *m_views;
    QPointer<ConnectWindow> m_current;
    QPointer<ConnectWindow> m_next; // made ahead, hidden, not begun
};
