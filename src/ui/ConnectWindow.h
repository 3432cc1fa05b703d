// The window of one connect session: its chrome (header with logo, title, address and close; load
// progress; banners; footer with Details and where the session talks to) around the views the
// session's state maps to: preparing, the platform's page, a problem with Retry, the result. The
// page itself, with its popups and what it says to the session, is hosted by a ModalHost; the
// session alone decides the result.
#pragma once

#include "core/session/ConnectSession.h"
#include "web/ConnectWebPage.h"

#include <QDialog>
#include <QTimer>
#include <QUrl>

class AppSettings;
class Banner;
class BrandLogo;
class ConnectWebPage;
class ExchangeLogView;
class PopupWindow;
class ProblemView;
class QLabel;
class QProgressBar;
class QSplitter;
class QStackedWidget;
class QToolButton;
class QWebEngineProfile;
class QWebEngineView;
class SessionResultView;

class ModalHost;
class PreparingView;

class ConnectWindow : public QDialog
{
    Q_OBJECT

public:
    enum class View { Preparing, Modal, Problem, Result };
    Q_ENUM(View)

    // Window-modal to `parent` when there is one; a top-level window of its own otherwise.
    // `provider`, `webProfile` and `settings` must outlive the window.
    ConnectWindow(PlatformProvider *provider, const SessionRequest &request,
                  QWebEngineProfile *webProfile, AppSettings *settings, QWidget *parent = nullptr);
    // With a web view kept from before (ModalViewPool), its page a ConnectWebPage whose
    // renderer already runs: the window takes it over.
    ConnectWindow(PlatformProvider *provider, const SessionRequest &request,
                  QWebEngineView *preparedView, AppSettings *settings, QWidget *parent = nullptr);
    // Adopts `session`, which may have been started already: then the platform answers while the
    // window is being made, and the window catches up with the session's state. `preparedView` as
    // above, or null for a new view on `webProfile`.
    ConnectWindow(ConnectSession *session, QWebEngineProfile *webProfile,
                  QWebEngineView *preparedView, AppSettings *settings, QWidget *parent = nullptr);
    // Made ahead of its session, while the user picks: the window's parts (header, what it
    // prepares, footer) with no session and no page yet. begin() gives it both; until then it is
    // only kept, hidden. `dark`: the logo's variant, as the session's request will say.
    ConnectWindow(PlatformProvider *provider, bool dark, AppSettings *settings,
                  QWidget *parent = nullptr);
    ~ConnectWindow() override;

    // Lays out a window made ahead at the size it shows with (polish and layout once, off the
    // click's path); showing it later only lays out what its session changed (the title).
    void layOutAhead();
    // Gives a window made ahead its session and its page, once; then it is as if made with
    // them (the constructor above). `session` must be on this window's provider, in its theme.
    void begin(ConnectSession *session, QWebEngineProfile *webProfile,
               QWebEngineView *preparedView);
    bool hasBegun() const { return m_session != nullptr; }
    PlatformProvider *provider() const { return m_provider; }
    bool isDark() const { return m_dark; }

    // Loads the fonts of a new window's first view (its title, close button and what it
    // prepares) and draws their letters once, off screen: the first window of a run would load
    // them on the click's path (3-4 ms). Loads those of its result and problem views too, made
    // when first needed. Once a run; later calls return at once.
    static void warmUpText();

    void start();
    // Shows the window once its page starts loading, or after `longestWaitMs` (a slow platform,
    // a problem): painting it before the load begins would hold the load back, since the
    // engine's side of a navigation runs on the UI thread too. The session shows something the
    // moment the window is up either way.
    void showSoon(int longestWaitMs = 40);
    // Support staff's per-profile option: a refused invalid certificate may be accepted from the
    // problem it causes ("Continue anyway"), and a warning stays while such a page is open.
    void setCertificateOverrideAllowed(bool allowed);
    ConnectSession *session() const { return m_session; } // null until begin()
    // Once the session has finished: hands the web view (with its page) over for the next
    // session and no longer shows it. Null when the page cannot serve again (its renderer
    // stopped, a certificate was accepted in it) or the session is not finished.
    QWebEngineView *releaseView();
    // The integration's name for people ("HubSpot"); the type id stands in until it is set.
    void setIntegrationName(const QString &name);
    QString integrationName() const;
    QString title() const;

    View currentView() const;
    bool detailsVisible() const;
    void setDetailsVisible(bool visible);

    // The parts tests and support tools drive.
    ConnectWebPage *page() const; // null until begin()
    QWebEngineView *webView() const;
    QList<PopupWindow *> popupWindows() const;
    // Null until the window first shows a problem, or its result.
    ProblemView *problemView() const { return m_problem; }
    SessionResultView *resultView() const { return m_result; }
    ExchangeLogView *logView(); // made on first use
    QProgressBar *progressBar() const { return m_progress; }
    QString preparingText() const;
    QToolButton *browserButton() const { return m_browserButton; }
    Banner *browserOffer() const { return m_browserOffer; }
    Banner *certificateWarning() const { return m_certificateWarning; }
    // What the page's alert(), confirm() and prompt() said, in the window (never a native box).
    Banner *pageMessage() const { return m_pageMessage; }
    // Where the page in the window is (origin, and whether it is secure), and the warning shown
    // while that is not where the platform's connect page is.
    QString addressText() const;
    // The footer's "where the session talks to": the platform, its host, and the proxy if any.
    QString backendText() const;
    Banner *addressWarning() const { return m_addressWarning; }

Q_SIGNALS:
    // Exactly once, with the session's result.
    void sessionFinished(const SessionResult &result);
    // The page or a popup reached a provider that refuses sign-in inside apps (the window offers
    // the system browser).
    void embeddedSignInRefused(const QString &host);

public Q_SLOTS:
    // Esc, the close button and closing the window: the session is cancelled and decides.
    void reject() override;

private:
    void buildUi();
    // The page's side, at begin(): its host, its view in the stack, and what the host says.
    void attachPage(QWebEngineProfile *webProfile, QWebEngineView *preparedView);
    void updateTitle();
    void showPreparing(const QString &heading, const QString &detail);
    void showView(View view);
    // The problem's view and the result's, made the first time they are needed.
    ProblemView *problemShown();
    SessionResultView *resultShown();

    void onStateChanged(ConnectSession::State state);
    void offerBrowser(const QString &host);
    void onLoadModal(const QUrl &url);
    void onFinished(const SessionResult &result);
    void updateAddress(const QUrl &url);
    // What the page's alert(), confirm() or prompt() said, as a strip marked as the page's words.
    void showPageMessage(ConnectWebPage::Dialog kind, const QUrl &origin, const QString &text);

    PlatformProvider *m_provider;
    AppSettings *m_settings;
    ConnectSession *m_session = nullptr; // set once, by begin()
    bool m_dark = false;
    QString m_integrationName;

    BrandLogo *m_logo = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QToolButton *m_closeButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QSplitter *m_splitter = nullptr;
    QStackedWidget *m_stack = nullptr;
    PreparingView *m_preparing = nullptr;
    QToolButton *m_browserButton = nullptr;
    Banner *m_browserOffer = nullptr;
    Banner *m_certificateWarning = nullptr;
    Banner *m_pageMessage = nullptr;
    Banner *m_addressWarning = nullptr;
    QLabel *m_address = nullptr;
    bool m_pageMessagesMuted = false;
    ModalHost *m_host = nullptr; // made by begin()
    ProblemView *m_problem = nullptr; // made by problemShown()
    SessionResultView *m_result = nullptr; // made by resultShown()
    ExchangeLogView *m_log = nullptr;
    QToolButton *m_detailsToggle = nullptr;
    QLabel *m_backendLabel = nullptr;

    bool m_started = false;
    bool m_showPending = false; // showSoon() waits; cleared once shown or closed
    bool m_closeRequested = false;
    bool m_resultEmitted = false;
};
