#include "ui/ConnectWindow.h"

#include "core/model/ExchangeLog.h"
#include "core/session/NavigationPolicy.h"
#include "core/settings/AppSettings.h"
#include "core/system/LogCategories.h"
#include "ui/Banner.h"
#include "ui/BrandLogo.h"
#include "ui/BusyIndicator.h"
#include "ui/ExchangeLogView.h"
#include "ui/PageFileDialog.h"
#include "ui/PopupWindow.h"
#include "ui/ProblemView.h"
#include "ui/SessionResultView.h"
#include "ui/StatusBadge.h"
#include "ui/WindowShow.h"
#include "web/ConnectWebPage.h"

#include <QApplication>
#include <QDesktopServices>
#include <QFontMetrics>
#include <QFrame>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWebEngineProfile>
#include <QWebEngineScript>
#include <QWebEngineSettings>
#include <QWebEngineView>

namespace {

// The fonts of the window's header and of what it prepares, from the font a widget has.
QFont scaled(QFont font, qreal factor, bool bold)
{
    font.setPointSizeF(font.pointSizeF() * factor);
    if (bold)
        font.setBold(true);
    return font;
}
QFont titleFont(const QFont &base)
{
    return scaled(base, 1.25, true);
}
QFont closeFont(const QFont &base)
{
    return scaled(base, 1.5, false);
}
QFont preparingFont(const QFont &base)
{
    return scaled(base, 1.15, false);
}

// Asked in the app's own JavaScript world, so the page cannot see or answer it. A page counts as
// ready once its DOM is parsed and shows something: a blank document never does, and neither do
// about:blank or an error page still standing from before the load.

} // namespace

ConnectWindow::ConnectWindow(PlatformProvider *provider, const SessionRequest &request,
                             QWebEngineProfile *webProfile, AppSettings *settings, QWidget *parent)
    : ConnectWindow(new ConnectSession(provider, request), webProfile, nullptr, settings, parent)
{ }

ConnectWindow::ConnectWindow(PlatformProvider *provider, const SessionRequest &request,
                             QWebEngineView *preparedView, AppSettings *settings, QWidget *parent)
    : ConnectWindow(new ConnectSession(provider, request), preparedView->page()->profile(),
                    preparedView, settings, parent)
{ }

ConnectWindow::ConnectWindow(ConnectSession *session, QWebEngineProfile *webProfile,
                             QWebEngineView *preparedView, AppSettings *settings, QWidget *parent)
    : ConnectWindow(session->provider(), session->request().dark, settings, parent)
{
    begin(session, webProfile, preparedView);
}

ConnectWindow::ConnectWindow(PlatformProvider *provider, bool dark, AppSettings *settings,
                             QWidget *parent)
    : QDialog(parent)
    , m_provider(provider)
    , m_settings(settings)
    , m_dark(dark)
{
    setObjectName(QStringLiteral("ConnectWindow"));
    if (parent)
        setWindowModality(Qt::WindowModal);
    setSizeGripEnabled(true);

    buildUi();

    showPreparing(tr("Preparing the connect page…"), {});
    resize(600, 740);
}

void ConnectWindow::layOutAhead()
{
    ensurePolished();
    if (layout())
        layout()->activate();
}

void ConnectWindow::begin(ConnectSession *session, QWebEngineProfile *webProfile,
                          QWebEngineView *preparedView)
{
    Q_ASSERT(!m_session && session && session->provider() == m_provider
             && session->request().dark == m_dark);
    if (m_session || !session)
        return;
    m_session = session;
    m_session->setParent(this);
    if (m_integrationName.isEmpty() && m_session->request().integrations.size() == 1)
        m_integrationName = m_session->request().integrations.constFirst();

    attachPage(webProfile, preparedView);
    connectPage();
    connect(m_browserButton, &QToolButton::clicked, m_session, &ConnectSession::continueInBrowser);
    connect(m_session, &ConnectSession::stateChanged, this, &ConnectWindow::onStateChanged);
    connect(m_session, &ConnectSession::loadModal, this, &ConnectWindow::onLoadModal);
    connect(m_session, &ConnectSession::finished, this, &ConnectWindow::onFinished);
    updateTitle();

    // A session started before the window was made: catch up with what it said meanwhile.
    if (m_session->state() != ConnectSession::State::Idle) {
        m_started = true;
        if (m_session->isFinished()) {
            // After the caller has connected to sessionFinished.
            QMetaObject::invokeMethod(
                this, [this] { onFinished(m_session->result()); }, Qt::QueuedConnection);
        } else {
            onStateChanged(m_session->state());
            // A platform that answered at once: its page was to be loaded already.
            if (m_session->state() == ConnectSession::State::Loading)
                onLoadModal(m_session->modalUrl());
        }
    }
}

void ConnectWindow::warmUpText()
{
    static bool warm = false;
    if (std::exchange(warm, true))
        return;
    // The fonts come from QApplication::font(), as a new window's widgets get theirs.
    const QFont base = QApplication::font();
    QImage image(64, 64, QImage::Format_RGB32);
    QPainter painter(&image);
    // Latin letters and the first view's own words, in the language of the moment (its script
    // may come from another font).
    const QString letters = QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz "
                                           "0123456789 \u00d7\u2026\u201c\u201d ")
        + tr("Preparing the connect page…") + tr("Loading the connect page…");
    for (const QFont &font : {base, titleFont(base), closeFont(base), preparingFont(base)}) {
        painter.setFont(font);
        painter.drawText(QPointF(0, 32), letters);
    }
    // The fonts of the views made later (problemShown, resultShown): a session's result comes
    // right after its redirect, on the way to the confirmation. Loaded, not drawn (1 ms).
    for (const QFont &font :
         {SessionResultView::headingFont(base), SessionResultView::valueFont(base),
          ProblemView::headingFont(base), StatusBadge::badgeFont(base)})
        QFontMetrics(font).height();
}

ConnectWindow::~ConnectWindow()
{
    stopWatchingReadiness();
    closePopups();
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    if (m_page)
        disconnect(m_page, nullptr, this, nullptr);
    // A window torn down with its parent still ends its session; nobody is left to show it.
    if (m_started && m_session && !m_session->isFinished())
        m_session->cancel();
    // The page goes before the view and long before its profile, which lives above us.
    delete m_page;
    m_page = nullptr;
}

void ConnectWindow::buildUi()
{
    // Header: logo, title, close.
    m_logo = new BrandLogo(this);
    m_logo->setFromSettings(m_settings, m_dark);
    m_title = new QLabel(this);
    m_title->setFont(titleFont(m_title->font()));
    m_title->setTextFormat(Qt::PlainText);
    m_subtitle = new QLabel(this);
    m_subtitle->setTextFormat(Qt::PlainText);
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);
    m_closeButton = new QToolButton(this);
    m_closeButton->setText(QStringLiteral("\u00d7"));
    m_closeButton->setFont(closeFont(m_closeButton->font()));
    m_closeButton->setAutoRaise(true);
    m_closeButton->setToolTip(tr("Close (Esc)"));
    m_closeButton->setAccessibleName(tr("Close"));
    connect(m_closeButton, &QToolButton::clicked, this, &ConnectWindow::reject);
    // The page swallows Esc while it has focus; a window shortcut sees it first.
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    escape->setContext(Qt::WindowShortcut);
    connect(escape, &QShortcut::activated, this, &ConnectWindow::reject);

    // Where the page is, as a browser's address bar says it: the origin only (paths carry
    // session tokens), and whether the connection is secure.
    m_address = new QLabel(this);
    m_address->setTextFormat(Qt::PlainText);
    m_address->setForegroundRole(QPalette::PlaceholderText);
    m_address->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_address->setAccessibleName(tr("Page address"));
    m_address->hide();

    auto *titles = new QVBoxLayout;
    titles->setSpacing(0);
    titles->addWidget(m_title);
    titles->addWidget(m_subtitle);
    titles->addWidget(m_address);
    auto *header = new QHBoxLayout;
    header->setContentsMargins(16, 12, 8, 10);
    header->setSpacing(12);
    header->addWidget(m_logo, 0, Qt::AlignVCenter);
    header->addLayout(titles, 1);
    header->addWidget(m_closeButton, 0, Qt::AlignTop);

    auto *rule = new QFrame(this);
    rule->setFrameShape(QFrame::HLine);
    rule->setFrameShadow(QFrame::Plain);
    rule->setForegroundRole(QPalette::Mid);

    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 100);
    m_progress->setTextVisible(false);
    m_progress->setFixedHeight(3);
    // Its place is kept while it is hidden: the page below keeps its size when the bar comes
    // and goes, instead of being laid out again just as its form shows.
    QSizePolicy progressPolicy = m_progress->sizePolicy();
    progressPolicy.setRetainSizeWhenHidden(true);
    m_progress->setSizePolicy(progressPolicy);
    m_progress->setAccessibleName(tr("Loading progress"));
    m_progress->hide();

    // The views, over the exchange details (made the first time someone opens them). The
    // splitter comes first so that a kept web view changes parents once.
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setChildrenCollapsible(false);
    m_stack = new QStackedWidget(m_splitter);
    m_splitter->addWidget(m_stack);

    m_preparing = new QWidget(m_stack);
    m_busy = new BusyIndicator(m_preparing);
    m_preparingHeading = new QLabel(m_preparing);
    m_preparingHeading->setFont(preparingFont(m_preparingHeading->font()));
    m_preparingHeading->setAlignment(Qt::AlignCenter);
    m_preparingHeading->setWordWrap(true);
    m_preparingDetail = new QLabel(m_preparing);
    m_preparingDetail->setAlignment(Qt::AlignCenter);
    m_preparingDetail->setWordWrap(true);
    m_preparingDetail->setForegroundRole(QPalette::PlaceholderText);
    auto *preparingLayout = new QVBoxLayout(m_preparing);
    preparingLayout->setContentsMargins(32, 32, 32, 32);
    preparingLayout->setSpacing(12);
    preparingLayout->addStretch(2);
    preparingLayout->addWidget(m_busy, 0, Qt::AlignHCenter);
    preparingLayout->addWidget(m_preparingHeading);
    preparingLayout->addWidget(m_preparingDetail);
    m_preparingCancel = new QPushButton(tr("&Cancel"), m_preparing);
    m_preparingCancel->hide();
    connect(m_preparingCancel, &QPushButton::clicked, this, &ConnectWindow::reject);
    preparingLayout->addWidget(m_preparingCancel, 0, Qt::AlignHCenter);
    preparingLayout->addStretch(3);
    // A problem's view and the result's are made when first needed (problemShown(),
    // resultShown()): a stack measures all its views, and most windows show no problem and
    // reach their result long after the click. The page's view comes with the session.
    m_stack->addWidget(m_preparing);

    // Footer: details toggle and where the session talks to.
    m_detailsToggle = new QToolButton(this);
    m_detailsToggle->setText(tr("&Details"));
    m_detailsToggle->setCheckable(true);
    m_detailsToggle->setAutoRaise(true);
    m_detailsToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_detailsToggle->setArrowType(Qt::RightArrow);
    m_detailsToggle->setToolTip(tr("Show what went over the wire (secrets hidden)"));
    connect(m_detailsToggle, &QToolButton::toggled, this, &ConnectWindow::setDetailsVisible);
    m_backendLabel = new QLabel(this);
    m_backendLabel->setForegroundRole(QPalette::PlaceholderText);
    m_backendLabel->setTextFormat(Qt::PlainText);
    const QUrl api = m_provider ? m_provider->apiBaseUrl() : QUrl();
    if (m_provider) {
        const QString where =
            api.port() > 0 ? QStringLiteral("%1:%2").arg(api.host()).arg(api.port()) : api.host();
        m_backendLabel->setText(where.isEmpty()
                                    ? m_provider->platformName()
                                    : tr("%1 · %2").arg(m_provider->platformName(), where));
        m_backendLabel->setToolTip(api.toDisplayString(QUrl::RemoveUserInfo));
    }
    m_browserButton = new QToolButton(this);
    m_browserButton->setText(tr("Continue in &browser"));
    m_browserButton->setAutoRaise(true);
    m_browserButton->setToolTip(tr("Sign in with your system browser instead, for providers that "
                                   "refuse sign-in inside apps"));
    m_browserButton->setEnabled(false);

    auto *footer = new QHBoxLayout;
    footer->setContentsMargins(8, 2, 14, 4);
    footer->addWidget(m_detailsToggle);
    footer->addWidget(m_browserButton);
    footer->addStretch(1);
    footer->addWidget(m_backendLabel);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(rule);
    layout->addWidget(m_progress);
    m_browserOffer = new Banner(this);
    m_browserOffer->hide();
    layout->addWidget(m_browserOffer);
    m_certificateWarning = new Banner(this);
    m_certificateWarning->setDismissible(false);
    m_certificateWarning->hide();
    layout->addWidget(m_certificateWarning);
    m_addressWarning = new Banner(this);
    m_addressWarning->setDismissible(false);
    m_addressWarning->hide();
    layout->addWidget(m_addressWarning);
    m_pageMessage = new Banner(this);
    m_pageMessage->setAccessibleName(tr("Message from the page"));
    m_pageMessage->hide();
    layout->addWidget(m_pageMessage);
    layout->addWidget(m_splitter, 1);
    layout->addLayout(footer);
    setMinimumSize(420, 480);
}

void ConnectWindow::attachPage(QWebEngineProfile *webProfile, QWebEngineView *preparedView)
{
    if (preparedView) {
        m_view = preparedView;
        m_view->setParent(m_stack);
        m_page = qobject_cast<ConnectWebPage *>(m_view->page());
        Q_ASSERT(m_page);
        m_page->setParent(this);
    } else {
        m_view = new QWebEngineView(m_stack);
        m_page = new ConnectWebPage(webProfile, this);
    }
    // Our Problem view explains failed loads; Chromium's error page would only confuse.
    m_page->settings()->setAttribute(QWebEngineSettings::ErrorPageEnabled, false);
    m_page->setBrowserOnlyHosts(m_settings ? m_settings->browserOnlyHosts()
                                           : AppSettings::defaultBrowserOnlyHosts());
    m_page->setBackgroundColor(palette().color(QPalette::Window));
    if (m_view->page() != m_page)
        m_view->setPage(m_page);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setAccessibleName(tr("Connect page"));
    connect(m_view, &QWidget::customContextMenuRequested, this, &ConnectWindow::showContextMenu);

    m_stack->addWidget(m_view);
}

void ConnectWindow::connectPage()
{
    connect(m_page, &QWebEnginePage::loadStarted, this, &ConnectWindow::onLoadStarted);
    connect(m_page, &QWebEnginePage::loadProgress, m_progress, &QProgressBar::setValue);
    connect(m_page, &QWebEnginePage::loadFinished, this, &ConnectWindow::onLoadFinished);
    // The page decides when it shows something (ConnectWebPage::watchReadiness): the moment
    // its form exists, or once a page that fills its body later has done so.
    connect(m_page, &ConnectWebPage::showsPage, this, [this] {
        if (m_session->state() == ConnectSession::State::Loading) {
            m_page->stopWatchingReadiness();
            m_session->modalReady();
        }
    });
    m_page->setFileChooser(&PageFileDialog::choose);
    connect(m_page, &ConnectWebPage::watchedUrlReached, this, [this](const QUrl &url) {
        if (!m_session->isFinished())
            m_session->report(PageEvent::urlReached(url));
    });
    connect(m_page, &ConnectWebPage::certificateRefused, m_session,
            &ConnectSession::modalCertificateRefused);
    connect(m_page, &ConnectWebPage::blocked, m_session, &ConnectSession::pageBlocked);
    connect(m_page, &ConnectWebPage::certificateAccepted, this,
            [this](const QUrl &url, const QString &description) {
                m_session->certificateAccepted(url, description);
                m_certificateWarning->setDismissible(false);
                m_certificateWarning->showMessage(
                    Banner::Level::Error,
                    tr("Not secure: the certificate of %1 is not valid (%2) and was accepted "
                       "because this profile allows it. Do not enter real credentials.")
                        .arg(url.host(), description));
            });
    connect(m_session, &ConnectSession::openInBrowser, this, [this](const QUrl &url) {
        // The session checked the scheme; the browser gets web addresses only.
        if (!QDesktopServices::openUrl(url))
            m_preparingDetail->setText(tr("No browser could be started. Cancel, then try again "
                                          "once a default browser is set."));
    });
    connect(m_page, &ConnectWebPage::embeddedSignInRefused, this, &ConnectWindow::offerBrowser);
    connect(m_page, &QWebEnginePage::renderProcessTerminated, this,
            &ConnectWindow::onRendererTerminated);
    connect(m_page, &QWebEnginePage::urlChanged, this, [this](const QUrl &url) {
        m_session->pageNavigated(url);
        updateAddress(url);
    });
    connect(m_page, &ConnectWebPage::popupOpened, this, &ConnectWindow::onPopupOpened);
    connect(m_page, &ConnectWebPage::popupReady, this, &ConnectWindow::onPopupReady);
    connect(m_page, &ConnectWebPage::popupClosed, this, &ConnectWindow::onPopupClosed);
    connect(m_page, &ConnectWebPage::javaScriptDialog, this, &ConnectWindow::onJavaScriptDialog);
}

QWebEngineView *ConnectWindow::releaseView()
{
    if (!m_page || !m_session || !m_session->isFinished() || !m_page->isReusable())
        return nullptr;
    stopWatchingReadiness();
    closePopups();
    // Nothing of this window or its session hears the page from now on.
    const QList<QObject *> receivers{this, m_session, m_progress, m_session->log()};
    for (QObject *receiver : receivers) {
        if (receiver)
            disconnect(m_page, nullptr, receiver, nullptr);
    }
    disconnect(m_view, nullptr, this, nullptr);
    m_stack->removeWidget(m_view);
    QWebEngineView *view = m_view;
    view->setParent(nullptr);
    m_page->setParent(view);
    m_page = nullptr;
    m_view = nullptr;
    return view;
}

void ConnectWindow::setCertificateOverrideAllowed(bool allowed)
{
    Q_ASSERT(m_page);
    if (!m_page)
        return;
    m_page->setCertificateOverrideAllowed(allowed);
    if (allowed)
        m_certificateWarning->showMessage(
            Banner::Level::Warning,
            tr("Support setting: this profile can continue past invalid certificates."));
    else
        m_certificateWarning->hide();
}

void ConnectWindow::start()
{
    Q_ASSERT(m_session);
    if (m_started || !m_session)
        return;
    m_started = true;
    m_session->start();
}

void ConnectWindow::setIntegrationName(const QString &name)
{
    m_integrationName = name;
    updateTitle();
}

QString ConnectWindow::integrationName() const
{
    return m_integrationName;
}

QString ConnectWindow::title() const
{
    return m_title->text();
}

void ConnectWindow::updateTitle()
{
    if (!m_session)
        return; // a window made ahead has its title from begin()
    const SessionRequest &request = m_session->request();
    QString title;
    if (request.isUpdate())
        title = m_integrationName.isEmpty() ? tr("Reconnect")
                                            : tr("Reconnect %1").arg(m_integrationName);
    else if (!m_integrationName.isEmpty())
        title = tr("Connect %1").arg(m_integrationName);
    else
        title = tr("Connect an account");
    m_title->setText(title);
    setWindowTitle(title);
    if (request.name.isEmpty())
        m_subtitle->clear();
    else if (request.isUpdate())
        m_subtitle->setText(tr("Connection “%1”").arg(request.name));
    else
        m_subtitle->setText(tr("New connection “%1”").arg(request.name));
    m_subtitle->setVisible(!m_subtitle->text().isEmpty());
}

ProblemView *ConnectWindow::problemShown()
{
    if (!m_problem) {
        m_problem = new ProblemView(m_stack);
        connect(m_problem, &ProblemView::actionTriggered, this, [this] { m_session->retry(); });
        connect(m_problem, &ProblemView::secondaryTriggered, this, [this] {
            if (m_page->acceptRefusedCertificate())
                m_session->retry();
        });
        m_stack->addWidget(m_problem);
    }
    return m_problem;
}

SessionResultView *ConnectWindow::resultShown()
{
    if (!m_result) {
        m_result = new SessionResultView(m_stack);
        connect(m_result, &SessionResultView::closeRequested, this, &ConnectWindow::reject);
        m_stack->addWidget(m_result);
    }
    return m_result;
}

ConnectWindow::View ConnectWindow::currentView() const
{
    QWidget *current = m_stack->currentWidget();
    if (current == m_view)
        return View::Modal;
    if (current == m_problem)
        return View::Problem;
    if (current == m_result)
        return View::Result;
    return View::Preparing;
}

QString ConnectWindow::preparingText() const
{
    return m_preparingHeading->text();
}

bool ConnectWindow::detailsVisible() const
{
    return m_log && m_log->isVisibleTo(this);
}

ExchangeLogView *ConnectWindow::logView()
{
    if (!m_log) {
        m_log = new ExchangeLogView(m_splitter);
        m_log->setLog(m_session ? m_session->log() : nullptr);
        m_log->hide();
        m_splitter->addWidget(m_log);
        m_splitter->setStretchFactor(0, 3);
        m_splitter->setStretchFactor(1, 1);
    }
    return m_log;
}

void ConnectWindow::setDetailsVisible(bool visible)
{
    if (m_detailsToggle->isChecked() != visible)
        m_detailsToggle->setChecked(visible); // comes back here through toggled
    m_detailsToggle->setArrowType(visible ? Qt::DownArrow : Qt::RightArrow);
    if (visible || m_log)
        logView()->setVisible(visible);
}

QList<PopupWindow *> ConnectWindow::popupWindows() const
{
    return m_popups.values();
}

void ConnectWindow::offerBrowser(const QString &host)
{
    if (!m_session->canContinueInBrowser() || m_browserOffer->isVisible())
        return;
    m_browserOffer->showMessage(
        Banner::Level::Warning,
        tr("The sign-in page (%1) does not allow signing in inside apps. Continue in "
           "your browser to finish.")
            .arg(host));
    m_browserOffer->addButton(tr("Continue in &browser"),
                              [this] { m_session->continueInBrowser(); });
}

void ConnectWindow::showPreparing(const QString &heading, const QString &detail)
{
    m_preparingHeading->setText(heading);
    m_preparingDetail->setText(detail);
    m_preparingDetail->setVisible(!detail.isEmpty());
    showView(View::Preparing);
}

void ConnectWindow::showView(View view)
{
    switch (view) {
    case View::Preparing:
        m_stack->setCurrentWidget(m_preparing);
        break;
    case View::Modal:
        m_stack->setCurrentWidget(m_view);
        m_view->setFocus(Qt::OtherFocusReason);
        break;
    case View::Problem:
        m_stack->setCurrentWidget(problemShown());
        m_problem->actionButton()->setFocus(Qt::OtherFocusReason);
        break;
    case View::Result:
        m_stack->setCurrentWidget(resultShown());
        m_result->closeButton()->setFocus(Qt::OtherFocusReason);
        break;
    }
}

void ConnectWindow::onStateChanged(ConnectSession::State state)
{
    m_preparingCancel->hide();
    m_browserButton->setEnabled(m_session->canContinueInBrowser());
    const QString platform = m_provider ? m_provider->platformName() : QString();
    switch (state) {
    case ConnectSession::State::Idle:
    case ConnectSession::State::Requesting:
        m_progress->hide();
        showPreparing(tr("Preparing the connect page…"),
                      platform.isEmpty()
                          ? QString()
                          : tr("Asking %1 for a secure connect page.").arg(platform));
        break;
    case ConnectSession::State::Loading:
        // The page stays behind this view until it shows something, so a slow or blank page
        // never flashes an empty white window.
        m_progress->setValue(0);
        m_progress->show();
        showPreparing(tr("Loading the connect page…"), {});
        break;
    case ConnectSession::State::InModal:
        stopWatchingReadiness();
        m_progress->hide();
        showView(View::Modal);
        break;
    case ConnectSession::State::Problem: {
        stopWatchingReadiness();
        m_progress->hide();
        ProblemView *problem = problemShown();
        if (m_session->problemKind() == ConnectSession::ProblemKind::RendererCrashed)
            problem->setProblem(tr("The page stopped working"),
                                m_session->problem().isEmpty()
                                    ? tr("The connect page closed unexpectedly. Reload it to "
                                         "carry on where you were.")
                                    : m_session->problem(),
                                tr("&Reload"));
        else
            problem->setProblem(tr("The connect page could not be shown"), m_session->problem(),
                                tr("&Retry"));
        if (m_session->problemKind() == ConnectSession::ProblemKind::CertificateRefused
            && m_page->hasOverridableRefusal())
            problem->setSecondaryAction(tr("Continue &anyway (not secure)"));
        showView(View::Problem);
        break;
    }
    case ConnectSession::State::InBrowser:
        stopWatchingReadiness();
        m_progress->hide();
        m_browserOffer->hide();
        closePopups();
        // The embedded page has nothing more to do; stop it so it cannot act behind our back.
        m_page->triggerAction(QWebEnginePage::Stop);
        m_page->setUrl(QUrl(QStringLiteral("about:blank")));
        showPreparing(tr("Continue in your browser"),
                      tr("Finish signing in in the browser window that opened. This window carries "
                         "on when you are done."));
        m_preparingCancel->show();
        break;
    case ConnectSession::State::Confirming:
        stopWatchingReadiness();
        m_progress->hide();
        closePopups();
        showPreparing(tr("Checking the connection…"),
                      platform.isEmpty()
                          ? QString()
                          : tr("Asking %1 whether the connection was made.").arg(platform));
        break;
    case ConnectSession::State::Finished:
        stopWatchingReadiness();
        m_progress->hide();
        break;
    }
}

void ConnectWindow::onLoadModal(const QUrl &url)
{
    // A new load: what was reported ready before does not count.
    m_page->watchReadiness();
    m_page->setWatchedUrl(m_session->launch().watch);
    m_page->load(url);
}

QString ConnectWindow::addressText() const
{
    return m_address->text();
}

void ConnectWindow::updateAddress(const QUrl &url)
{
    const QString scheme = url.scheme();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http")) {
        return; // about:blank between sessions, or before the first load: the last stays
    }
    const QUrl origin = url.adjusted(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery
                                     | QUrl::RemoveFragment);
    const QString where = origin.toDisplayString();
    const bool secure = scheme == QLatin1String("https");
    const bool local = NavigationPolicy::isLoopbackHost(url.host());
    m_address->setText(secure      ? tr("Secure connection · %1").arg(where)
                           : local ? tr("This computer · %1").arg(where)
                                   : tr("Not secure · %1").arg(where));
    m_address->setToolTip(m_address->text());
    m_address->show();

    // The platform's page is on the origin the platform gave; anything else in the top frame
    // (a frame or a script sent it there) is said plainly, as long as it lasts.
    const auto sameOrigin = [](const QUrl &a, const QUrl &b) {
        return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
            && a.port(a.scheme() == QLatin1String("https") ? 443 : 80)
            == b.port(b.scheme() == QLatin1String("https") ? 443 : 80);
    };
    const QUrl platformPage = m_session->modalUrl();
    if (platformPage.isValid() && !sameOrigin(url, platformPage)) {
        if (!m_addressWarning->isVisible() || !m_addressWarning->text().contains(where)) {
            const QString platform = m_provider ? m_provider->platformName() : tr("the platform");
            m_addressWarning->showMessage(
                Banner::Level::Warning,
                tr("This is no longer %1's connect page: the page is now at %2. Enter "
                   "credentials only if you trust it, or press Esc to stop.")
                    .arg(platform, where));
        }
    } else {
        m_addressWarning->hide();
    }
}

void ConnectWindow::onLoadStarted()
{
    if (m_session->isFinished())
        return;
    m_progress->setValue(0);
    // Loads inside the modal (its own next page) show progress too.
    const ConnectSession::State state = m_session->state();
    if (state == ConnectSession::State::Loading || state == ConnectSession::State::InModal)
        m_progress->show();
    m_session->modalLoadStarted();
}

void ConnectWindow::onLoadFinished(bool ok)
{
    m_progress->hide();
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

void ConnectWindow::stopWatchingReadiness()
{
    if (m_page)
        m_page->stopWatchingReadiness();
}

void ConnectWindow::onRendererTerminated()
{
    if (m_session->isFinished())
        return;
    qCWarning(lcUi) << "the connect page's renderer stopped";
    closePopups();
    m_session->rendererCrashed();
}

void ConnectWindow::onPopupOpened(ConnectWebPage *popup)
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

void ConnectWindow::onPopupReady(ConnectWebPage *popup)
{
    if (m_session->isFinished() || m_popups.contains(popup) || !popup->isShowable())
        return;
    auto *window = new PopupWindow(popup, this);
    m_popups.insert(popup, window);
    window->show();
    window->raise();
    window->activateWindow();
}

void ConnectWindow::onPopupClosed(ConnectWebPage *popup)
{
    PopupWindow *window = m_popups.take(popup);
    if (!window)
        return;
    window->hide();
    // Posted before ConnectWebPage's own deleteLater of the page: the view goes first.
    window->deleteLater();
}

void ConnectWindow::closePopups()
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

void ConnectWindow::onJavaScriptDialog(ConnectWebPage::Dialog kind, const QUrl &origin,
                                       const QString &text)
{
    if (m_session->isFinished())
        return;
    const QString where = origin.host().isEmpty() ? origin.toDisplayString() : origin.host();
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
    if (m_pageMessagesMuted || kind == ConnectWebPage::Dialog::Unload)
        return;
    // In the window, marked as the page's words, never in the way: the page's message box
    // becomes a strip the person can read or ignore.
    const QString shown = kind == ConnectWebPage::Dialog::Alert
        ? tr("Message from the page (%1): %2").arg(where, text)
        : kind == ConnectWebPage::Dialog::Confirm
        ? tr("The page (%1) asked “%2”. Connect Desktop answered Cancel; connect pages do not "
             "need such questions.")
              .arg(where, text)
        : tr("The page (%1) asked you to type something (“%2”). Connect Desktop does not pass "
             "typed text to pages this way: type only into the page's own fields.")
              .arg(where, text);
    m_pageMessage->showMessage(Banner::Level::Info, shown);
    m_pageMessage->addButton(tr("&Hide messages from the page"), [this] {
        m_pageMessagesMuted = true;
        m_pageMessage->hide();
    });
}

void ConnectWindow::onFinished(const SessionResult &result)
{
    if (m_resultEmitted)
        return;
    m_resultEmitted = true;
    stopWatchingReadiness();
    m_progress->hide();
    closePopups();
    m_page->triggerAction(QWebEnginePage::Stop);

    resultShown()->setResult(result, m_integrationName);
    showView(View::Result);
    Q_EMIT sessionFinished(result);
    if (m_closeRequested)
        QDialog::reject();
}

void ConnectWindow::showSoon(int longestWaitMs)
{
    Q_ASSERT(m_session);
    if (isVisible() || m_showPending || !m_session)
        return;
    m_showPending = true;
    auto showNow = [this] {
        if (!std::exchange(m_showPending, false))
            return; // shown already, or closed before it was
        WindowShow::show(this);
    };
    connect(m_page, &QWebEnginePage::loadStarted, this, showNow, Qt::SingleShotConnection);
    // Anything other than the request and the load to come (a problem, a result) shows at once.
    connect(m_session, &ConnectSession::stateChanged, this, [showNow](ConnectSession::State state) {
        if (state != ConnectSession::State::Requesting && state != ConnectSession::State::Loading)
            showNow();
    });
    QTimer::singleShot(longestWaitMs, this, showNow);
}

void ConnectWindow::reject()
{
    m_showPending = false; // closed (Esc, ×, close()) before it showed: it stays closed
    if (!m_started || !m_session || m_session->isFinished()) {
        QDialog::reject();
        return;
    }
    m_closeRequested = true;
    m_session->cancel();
    if (!m_session->isFinished())
        showPreparing(tr("Cancelling…"), {});
}

void ConnectWindow::showContextMenu(const QPoint &pos)
{
    // Editing only: navigation, "view source" or "save page" have no place in a sign-in form.
    QMenu menu(this);
    for (const QWebEnginePage::WebAction action :
         {QWebEnginePage::Undo, QWebEnginePage::Redo, QWebEnginePage::Cut, QWebEnginePage::Copy,
          QWebEnginePage::Paste, QWebEnginePage::SelectAll}) {
        if (action == QWebEnginePage::Cut)
            menu.addSeparator();
        if (action == QWebEnginePage::SelectAll)
            menu.addSeparator();
        menu.addAction(m_page->action(action));
    }
    menu.exec(m_view->mapToGlobal(pos));
}
