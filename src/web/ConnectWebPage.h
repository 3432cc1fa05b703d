// The page that hosts a connect page: stops and reports a navigation to the session's watched
// URL, opens OAuth popups as pages
// on the same profile (so window.opener works), and holds the web view's rules: web pages only,
// no permissions, no downloads, no invalid certificates, no native dialogs, a few popups at a
// time, each shown only once it has loaded a web page. What it refuses, it reports.
#pragma once

#include "core/session/UrlWatch.h"

#include <QRect>
#include <QStringList>
#include <QWebEnginePage>

#include <functional>

class QTimer;
class QWebEngineCertificateError;

class ConnectWebPage : public QWebEnginePage
{
    Q_OBJECT

public:
    explicit ConnectWebPage(QWebEngineProfile *profile, QObject *parent = nullptr);
    ~ConnectWebPage() override;

    // The session's watched URL (ConnectLaunch::watch): a top-frame navigation to it, in the page
    // or a popup, is stopped before it leaves the machine and said (watchedUrlReached).
    void setWatchedUrl(const UrlWatch &watch) { m_watch = watch; }
    // Hosts of identity providers that refuse sign-in in embedded views (AppSettings has the
    // list); reaching one, in the page or a popup, signals embeddedSignInRefused.
    void setBrowserOnlyHosts(const QStringList &hosts) { m_browserOnlyHosts = hosts; }
    const UrlWatch &watchedUrl() const { return m_watch; }

    // Popups opened by this page that are still open (its popups' own are theirs).
    QList<ConnectWebPage *> popups() const;
    ConnectWebPage *opener() const { return m_opener; }
    // Popups open at once, under this page and its popups; more are refused (window.open gives
    // null), so a page cannot bury the window under popups that each take the focus.
    static constexpr int maxPopups = 3;
    // Whether this popup may be given a view: it loaded a web page (popupReady was said).
    bool isShowable() const { return m_showedPage; }
    // What window.open asked for (features' width and height), for the popup's window.
    QRect requestedGeometry() const { return m_requestedGeometry; }
    // The person closed this popup's window: its page may run its unload handlers briefly, as in
    // a browser, but cannot stay ("Stay on this page" is answered "leave"); one that does not go
    // within a second is closed regardless (popupClosed follows either way).
    void closeByUser();
    // Closes every popup of this page (and theirs), shown or not: none may run unseen.
    void closePopups();
    // A file input the person used asks them for files (chooseFiles) through the chooser the
    // window gave (its popups use their opener's); without one, the page gets none. The chooser
    // returns once the person has chosen, or once fileChooserClosing asks it to.
    using FileChooser = std::function<QStringList(ConnectWebPage *page, FileSelectionMode mode,
                                                  const QStringList &oldFiles,
                                                  const QStringList &acceptedMimeTypes)>;
    void setFileChooser(const FileChooser &chooser) { m_fileChooser = chooser; }
    bool isChoosingFiles() const { return m_choosingFiles; }
    // Asks the open chooser, if any, to close: the page gets no files.
    void closeFileChooser();

    // Native JavaScript dialogs (alert, confirm, prompt, beforeunload) are never shown: a
    // connect page has no need of them, and a native box is application-modal and lets the page
    // choose its text. Each is answered at once and reported (javaScriptDialog):
    enum class Dialog { Alert, Confirm, Prompt, Unload };
    Q_ENUM(Dialog)
    // confirm() is answered false and prompt() null (nothing is collected for the page); leaving
    // a page is always allowed. Reported dialogs per page, after which they are only counted.
    static constexpr int reportedDialogs = 20;
    int dialogCount() const { return m_dialogs; }

    // Sets up a profile for modal pages: downloads refused, local content kept local. Safe to
    // call more than once; every ConnectWebPage calls it for its profile.
    static void secureProfile(QWebEngineProfile *profile);
    // Connect pages (popups included) alive on this profile.
    static int pagesUsing(QWebEngineProfile *profile);

    // Readiness, decided here for every page a window shows. While watched, the page says
    // showsPage once per load of its top frame, as soon as its web page (http or https) has
    // something in its body: at DOMContentLoaded (documentReady), or, for a page that fills its
    // body later, when a check every readinessCheckMs finds it. A new load asks again.
    void watchReadiness();
    void stopWatchingReadiness();
    // Checks now rather than at the next tick (a load just finished).
    void checkReadiness();
    static constexpr int readinessCheckMs = 150;

    // Starts this page's renderer on a small local document that claims `site`'s origin, so the
    // modal, once it loads from that site, finds a process that is already up, its script
    // engine, styles and fonts ready. Nothing is fetched from the network. For a page that has
    // not loaded anything yet (ModalViewPool::prepare).
    void warmUp(const QUrl &site);

    // Whether this page may host another session once its own ended: its renderer is alive and
    // no invalid certificate was accepted in it.
    bool isReusable() const;
    // Ends what the last session left in this page, for the next one: stops it, empties the
    // modal's session storage, closes popups, forgets the session's watched URL and certificate
    // decisions, and goes to about:blank (history is cleared once there). The renderer stays.
    void resetForNextSession();
    // A session takes this page: what a reset still had to do stops, and history starts empty.
    void beginSession();

    // Support staff may allow continuing past an invalid certificate, per backend profile.
    // Without this, every invalid certificate is refused. With it, a refused one can be
    // accepted afterwards (acceptRefusedCertificate), for this page and its popups only.
    void setCertificateOverrideAllowed(bool allowed) { m_overrideAllowed = allowed; }
    bool certificateOverrideAllowed() const { return m_overrideAllowed; }
    // The last certificate refused in the modal's page, when it may be accepted.
    bool hasOverridableRefusal() const;
    // Accepts the last refused certificate from now on (same host, same certificate); the next
    // load that meets it continues, with a warning (certificateAccepted).
    bool acceptRefusedCertificate();

Q_SIGNALS:
    // The page or a popup reached a provider that refuses embedded sign-in (by host, or by a
    // page that says disallowed_useragent). On the top page; the receiver offers the browser.
    void embeddedSignInRefused(const QString &host);
    // The page or a popup reached the watched URL in its top frame (link, form, script or an
    // HTTP redirect). The navigation is stopped: it never leaves the machine.
    void watchedUrlReached(const QUrl &url);
    // closeFileChooser() was called while this page's chooser is open.
    void fileChooserClosing();
    // This page or one of its popups opened a popup (signalled on the top page). It has no view
    // yet and must not get one before popupReady: Qt WebEngine 6.4.2 crashes (a NULL read in a
    // posted event) when a popup's first, blank document is given content (document.write,
    // a javascript: URL whose value is a string, a form aimed at a new window) while a view
    // shows it. It goes when it calls window.close(), with its opener, or when it shows no web
    // page in time.
    void popupOpened(ConnectWebPage *popup);
    // The popup loaded its first web page (http or https): from now on it may be shown.
    void popupReady(ConnectWebPage *popup);
    void popupClosed(ConnectWebPage *popup);
    // The page (or a popup) called alert(), confirm() or prompt(), or asked to stay on unload.
    // It was answered as described at Dialog; `text` is the page's, cut to 500 characters.
    // Only the first reportedDialogs of a page are said. On the top page.
    void javaScriptDialog(ConnectWebPage::Dialog kind, const QUrl &origin, const QString &text);
    // Something the page (or a popup) tried was refused: a navigation, a permission, a download,
    // a certificate. `what` is a short phrase for people and the support log. On the top page.
    void blocked(const QString &what, const QUrl &url);
    // The page or a popup wrote a warning or an error to its console (the page's own words).
    void consoleMessage(const QString &text, const QUrl &source);
    // A certificate was invalid and refused in the modal's page (not a popup); while the modal
    // loads, that means it cannot load.
    void certificateRefused(const QUrl &url, const QString &description);
    // An invalid certificate was let through because support staff accepted it.
    void certificateAccepted(const QUrl &url, const QString &description);
    // The top frame's web page (http or https) parsed its document: DOMContentLoaded, told by a
    // script in the app's own JavaScript world that the page can neither see nor imitate.
    // `showsSomething`: its body has elements (a blank document, or warmUp()'s, does not).
    void documentReady(const QUrl &url, bool showsSomething);
    // While readiness is watched: the top frame's web page shows something (see watchReadiness).
    void showsPage(const QUrl &url);

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;
    QWebEnginePage *createWindow(WebWindowType type) override;
    void javaScriptConsoleMessage(JavaScriptConsoleMessageLevel level, const QString &message,
                                  int lineNumber, const QString &sourceId) override;
    void javaScriptAlert(const QUrl &securityOrigin, const QString &msg) override;
    bool javaScriptConfirm(const QUrl &securityOrigin, const QString &msg) override;
    bool javaScriptPrompt(const QUrl &securityOrigin, const QString &msg,
                          const QString &defaultValue, QString *result) override;
    QStringList chooseFiles(FileSelectionMode mode, const QStringList &oldFiles,
                            const QStringList &acceptedMimeTypes) override;

private:
    ConnectWebPage *rootPage();
    void report(const QString &what, const QUrl &url);
    void closeRefused(const QString &what);
    void denyPermission(const QUrl &origin, Feature feature);
    void refuseCertificate(const QWebEngineCertificateError &error);
    void probeForRefusal(const std::function<void()> &then);
    void sayDialog(Dialog kind, const QUrl &origin, const QString &text);
    int openPopupCount() const; // this page's popups and theirs
    void closePopup(ConnectWebPage *popup); // it, and what it opened, go

    UrlWatch m_watch;
    QStringList m_browserOnlyHosts;
    ConnectWebPage *m_opener = nullptr;
    bool m_navigated = false; // a popup whose first navigation is refused closes
    bool m_showedPage = false; // a popup that loaded a web page at least once (popupReady)
    bool m_webNavigation = false; // a popup on its way to a web page (http or https)
    bool m_closing = false;
    bool m_warming = false; // the one local navigation warmUp() asked for is on its way
    bool m_rendererGone = false;
    quint64 m_resets = 0; // resetForNextSession() calls, so a late step of an old one stops
    bool m_overrideAllowed = false;
    QString m_refusedCertificate; // "host:port sha256", overridable, not yet accepted
    QStringList m_acceptedCertificates;
    QString m_readyToken; // what the document-ready script says, known to this page only
    void sayShows(quint64 load);
    int m_dialogs = 0;
    bool m_watchingReadiness = false;
    quint64 m_load = 0; // top-frame loads while watched, so a late answer of an old one is dropped
    quint64 m_saidShows = 0; // the load showsPage was said for
    QTimer *m_readinessCheck = nullptr;
    QRect m_requestedGeometry;
    FileChooser m_fileChooser;
    bool m_choosingFiles = false; // inside chooseFiles()
    // A popup must be on its way to a web page this soon, and have loaded it this soon.
    static constexpr int popupGraceMs = 5000;
    static constexpr int popupLoadMs = 30000;
    static constexpr int userCloseGraceMs = 1000;
};
