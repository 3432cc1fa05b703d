// The web edge of one connect session: the view and its page (new, or kept warm from before),
// what the page says to the session (readiness, a watched URL reached, refusals, a crashed
// renderer, its dialogs, where it is), its popups in windows of their own on the same web
// profile, its file choosers and its context menu. Whatever the platform shows (its own page
// at a URL, or a page the app serves for its script), the window hosts it through this one
// object and keeps only its chrome.
#pragma once

#include "web/ConnectWebPage.h"

#include <QHash>
#include <QObject>
#include <QStringList>
#include <QUrl>

class ConnectSession;
class PopupWindow;
class QWebEngineProfile;
class QWebEngineView;
class QWidget;

class ModalHost : public QObject
{
    Q_OBJECT

public:
    // Hosts `session`'s page in a view under `viewParent`: `preparedView` (its page a
    // ConnectWebPage whose renderer already runs) when given, a new view on `webProfile`
    // otherwise. `window` is the window the page belongs to: its popups stay above it and its
    // file choosers are modal to it. `background`: the page's colour before it paints.
    ModalHost(ConnectSession *session, QWebEngineProfile *webProfile, QWebEngineView *preparedView,
              const QStringList &browserOnlyHosts, const QColor &background, QWidget *viewParent,
              QWidget *window);
    ~ModalHost() override;

    QWebEngineView *view() const { return m_view; }
    ConnectWebPage *page() const { return m_page; }
    QList<PopupWindow *> popupWindows() const { return m_popups.values(); }

    // Loads the session's launch URL: readiness is watched anew (what was ready before does not
    // count) and so is the launch's URL watch.
    void load(const QUrl &url);
    // The page's part is over (a result, a problem, the system browser): readiness is no longer
    // watched, and with `closePopups` every popup and file chooser goes.
    void settle(bool closePopups);
    // The session carries on elsewhere (the system browser): the page stops and goes blank, so
    // it cannot act behind the person's back.
    void leave();
    // Stops what the page is doing (the session has its result).
    void stop();

    // Once the session has finished: the view (with its page) for the next session; nothing of
    // this host or its session hears it any more. Null when the page cannot serve again (its
    // renderer stopped, a certificate was accepted in it) or the session is not finished.
    QWebEngineView *release();

Q_SIGNALS:
    // The top frame's loads, for the window's progress bar.
    void loadStarted();
    void loadProgress(int percent);
    void loadEnded();
    // The top frame is now at `url` (a web page's address; blank pages are not said).
    void navigated(const QUrl &url);
    // This profile allowed an invalid certificate, and the person accepted it for `url`.
    void certificateAccepted(const QUrl &url, const QString &description);
    // The page or a popup reached a provider that refuses sign-in inside apps.
    void embeddedSignInRefused(const QString &host);
    // The page's alert(), confirm(), prompt() or beforeunload, already answered and logged.
    void dialogAnswered(ConnectWebPage::Dialog kind, const QUrl &origin, const QString &text);

private:
    void connectPage();
    void onLoadStarted();
    void onLoadFinished(bool ok);
    void onRendererTerminated();
    void onPopupOpened(ConnectWebPage *popup);
    void onPopupReady(ConnectWebPage *popup);
    void onPopupClosed(ConnectWebPage *popup);
    void onJavaScriptDialog(ConnectWebPage::Dialog kind, const QUrl &origin, const QString &text);
    void closePopups();
    void showContextMenu(const QPoint &pos);

    ConnectSession *m_session;
    QWidget *m_window;
    QWebEngineView *m_view = nullptr;
    ConnectWebPage *m_page = nullptr;
    QHash<ConnectWebPage *, PopupWindow *> m_popups;
};
