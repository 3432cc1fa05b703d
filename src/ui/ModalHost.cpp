#include "ui/ModalHost.h"

#include "core/model/ExchangeLog.h"
#include "core/session/ConnectSession.h"
#include "core/system/LogCategories.h"
#include "ui/PageFileDialog.h"
#include "ui/PopupWindow.h"

#include <QMenu>
#include <QWebEngineProfile>
#include <QWebEngineSettings>
#include <QWebEngineView>

ModalHost::ModalHost(ConnectSession *session, QWebEngineProfile *webProfile,
                     QWebEngineView *preparedView, const QStringList &browserOnlyHosts,
                     const QColor &background, QWidget *viewParent, QWidget *window)
    : QObject(window)
    , m_session(session)
    , m_window(window)
{
    if (preparedView) {
        m_view = preparedView;
        m_view->setParent(viewParent);
        m_page = qobject_cast<ConnectWebPage *>(m_view->page());
        Q_ASSERT(m_page);
        m_page->setParent(this);
    } else {
        m_view = new QWebEngineView(viewParent);
        m_page = new ConnectWebPage(webProfile, this);
    }
    // The window's Problem view explains failed loads; Chromium's error page would only confuse.
    m_page->settings()->setAttribute(QWebEngineSettings::ErrorPageEnabled, false);
    m_page->setBrowserOnlyHosts(browserOnlyHosts);
    m_page->setBackgroundColor(background);
    if (m_view->page() != m_page)
        m_view->setPage(m_page);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setAccessibleName(tr("Connect page"));
    connect(m_view, &QWidget::customContextMenuRequested, this, &ModalHost::showContextMenu);
    m_page->setFileChooser(&PageFileDialog::choose);
    connectPage();
}

ModalHost::~ModalHost()
{
    settle(true);
    if (m_page) {
        disconnect(m_page, nullptr, this, nullptr);
        disconnect(m_page, nullptr, m_session, nullptr);
    }
    // The page goes before its view and long before its profile, which lives above us.
    delete m_page;
    m_page = nullptr;
}

void ModalHost::connectPage()
{
    connect(m_page, &QWebEnginePage::loadStarted, this, &ModalHost::onLoadStarted);
    connect(m_page, &QWebEnginePage::loadProgress, this, &ModalHost::loadProgress);
    connect(m_page, &QWebEnginePage::loadFinished, this, &ModalHost::onLoadFinished);
    // The page decides when it shows something (ConnectWebPage::watchReadiness): the moment
    // its form exists, or once a page that fills its body later has done so.
    connect(m_page, &ConnectWebPage::showsPage, this, [this] {
        if (m_session->state() == ConnectSession::State::Loading) {
            m_page->stopWatchingReadiness();
            m_session->modalReady();
        }
    });
    connect(m_page, &ConnectWebPage::watchedUrlReached, this, [this](const QUrl &url) {
        if (!m_session->isFinished())
            m_session->report(PageEvent::urlReached(url));
    });
    connect(m_page, &ConnectWebPage::certificateRefused, m_session,
            &ConnectSession::modalCertificateRefused);
    connect(m_page, &ConnectWebPage::blocked, m_session, &ConnectSession::pageBlocked);
    connect(m_page, &ConnectWebPage::consoleMessage, m_session, &ConnectSession::pageConsole);
    connect(m_page, &ConnectWebPage::certificateAccepted, this,
            [this](const QUrl &url, const QString &description) {
                m_session->certificateAccepted(url, description);
                Q_EMIT certificateAccepted(url, description);
            });
    connect(m_page, &ConnectWebPage::embeddedSignInRefused, this,
            &ModalHost::embeddedSignInRefused);
    connect(m_page, &QWebEnginePage::renderProcessTerminated, this,
            &ModalHost::onRendererTerminated);
    connect(m_page, &QWebEnginePage::urlChanged, this, [this](const QUrl &url) {
        m_session->pageNavigated(url);
        const QString scheme = url.scheme();
        // about:blank between sessions, or before the first load, is not an address to show.
        if (scheme == QLatin1String("https") || scheme == QLatin1String("http"))
            Q_EMIT navigated(url);
    });
    connect(m_page, &ConnectWebPage::popupOpened, this, &ModalHost::onPopupOpened);
    connect(m_page, &ConnectWebPage::popupReady, this, &ModalHost::onPopupReady);
    connect(m_page, &ConnectWebPage::popupClosed, this, &ModalHost::onPopupClosed);
    connect(m_page, &ConnectWebPage::javaScriptDialog, this, &ModalHost::onJavaScriptDialog);
}

void ModalHost::load(const QUrl &url)
{
    // A host page says itself when the platform's surface is on screen (the session hears it).
    if (m_session->launch().pageSaysReady)
        m_page->stopWatchingReadiness();
    else
        m_page->watchReadiness();
    m_page->setWatchedUrl(m_session->launch().watch);
    m_page->load(url);
}

void ModalHost::settle(bool popupsGo)
{
    if (m_page)
        m_page->stopWatchingReadiness();
    if (popupsGo)
        closePopups();
}

void ModalHost::leave()
{
    settle(true);
    m_page->triggerAction(QWebEnginePage::Stop);
    m_page->setUrl(QUrl(QStringLiteral("about:blank")));
}

void ModalHost::stop()
{
    settle(true);
    m_page->triggerAction(QWebEnginePage::Stop);
}

QWebEngineView *ModalHost::release()
{
    if (!m_page || !m_session->isFinished() || !m_page->isReusable())
        return nullptr;
    settle(true);
    // Nothing of this host, its window or its session hears the page from now on.
    for (QObject *receiver : {static_cast<QObject *>(this), static_cast<QObject *>(m_session),
                              static_cast<QObject *>(m_session->log())}) {
        if (receiver)
            disconnect(m_page, nullptr, receiver, nullptr);
    }
    disconnect(m_view, nullptr, this, nullptr);
    QWebEngineView *view = m_view;
    view->setParent(nullptr);
    m_page->setParent(view);
    m_page = nullptr;
    m_view = nullptr;
    return view;
}

void ModalHost::onLoadStarted()
{
    if (m_session->isFinished())
        return;
    Q_EMIT loadStarted();
    m_session->modalLoadStarted();
}

void ModalHost::onLoadFinished(bool ok)
{
    Q_EMIT loadEnded();
    if (m_session->isFinished())
        return;
    if (!ok) {
        m_session->modalLoadFinished(false);
        return;
    }
    // A page that loaded is not yet a page that shows something (a blank document loads fine):
    // the page says when it does, and the session's load timeout covers the rest.
    if (m_session->state() == ConnectSession::State::Loading)
        m_page->checkReadiness();
}

void ModalHost::onRendererTerminated()
{
    if (m_session->isFinished())
        return;
    qCWarning(lcUi) << "the connect page's renderer stopped";
    closePopups();
    m_session->rendererCrashed();
}

void ModalHost::onPopupOpened(ConnectWebPage *popup)
{
    // Logged from its first navigation on; shown only once it has loaded a web page.
    if (m_session->isFinished())
        return;
    if (ExchangeLog *log = m_session->log()) {
        connect(popup, &QWebEnginePage::urlChanged, log, [log](const QUrl &url) {
            if (!url.isEmpty())
                log->recordNavigation(QStringLiteral("popup"), url);
        });
    }
}

void ModalHost::onPopupReady(ConnectWebPage *popup)
{
    if (m_session->isFinished() || m_popups.contains(popup) || !popup->isShowable())
        return;
    auto *window = new PopupWindow(popup, m_window);
    m_popups.insert(popup, window);
    window->show();
    window->raise();
    window->activateWindow();
}

void ModalHost::onPopupClosed(ConnectWebPage *popup)
{
    PopupWindow *window = m_popups.take(popup);
    if (!window)
        return;
    window->hide();
    // Posted before ConnectWebPage's own deleteLater of the page: the view goes first.
    window->deleteLater();
}

void ModalHost::closePopups()
{
    // Every popup goes, shown or still loading: a popup with no window must not keep running
    // (or signing in) unseen. The windows (their views) first, then the pages.
    const auto windows = m_popups;
    m_popups.clear();
    for (PopupWindow *window : windows)
        delete window;
    if (m_page) {
        m_page->closePopups();
        m_page->closeFileChooser(); // nor may a dialog of the page outlive what it was for
    }
}

void ModalHost::onJavaScriptDialog(ConnectWebPage::Dialog kind, const QUrl &origin,
                                   const QString &text)
{
    if (m_session->isFinished())
        return;
    QString what;
    switch (kind) {
    case ConnectWebPage::Dialog::Alert:
        what = tr("a message box (alert), not shown: “%1”").arg(text);
        break;
    case ConnectWebPage::Dialog::Confirm:
        what = tr("a question (confirm), answered Cancel: “%1”").arg(text);
        break;
    case ConnectWebPage::Dialog::Prompt:
        what = tr("a text prompt (prompt), answered with nothing: “%1”").arg(text);
        break;
    case ConnectWebPage::Dialog::Unload:
        what = tr("a request to stay on the page (beforeunload), answered Leave");
        break;
    }
    m_session->pageDialog(what, origin);
    Q_EMIT dialogAnswered(kind, origin, text);
}

void ModalHost::showContextMenu(const QPoint &pos)
{
    // Editing only: navigation, "view source" or "save page" have no place in a sign-in form.
    QMenu menu(m_window);
    for (const QWebEnginePage::WebAction action :
         {QWebEnginePage::Undo, QWebEnginePage::Redo, QWebEnginePage::Cut, QWebEnginePage::Copy,
          QWebEnginePage::Paste, QWebEnginePage::SelectAll}) {
        if (action == QWebEnginePage::Cut || action == QWebEnginePage::SelectAll)
            menu.addSeparator();
        menu.addAction(m_page->action(action));
    }
    menu.exec(m_view->mapToGlobal(pos));
}
