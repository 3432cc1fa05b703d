#include "ui/ConnectWindow.h"

#include "core/session/NavigationPolicy.h"
#include "core/settings/AppSettings.h"
#include "core/system/ProxySetup.h"
#include "ui/Banner.h"
#include "ui/BrandLogo.h"
#include "ui/ExchangeLogView.h"
#include "ui/ModalHost.h"
#include "ui/PopupWindow.h"
#include "ui/PreparingView.h"
#include "ui/ProblemView.h"
#include "ui/SessionResultView.h"
#include "ui/StatusBadge.h"
#include "ui/WindowShow.h"

#include <QApplication>
#include <QDesktopServices>
#include <QFontMetrics>
#include <QFrame>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWebEngineProfile>
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
    for (const QFont &font :
         {base, titleFont(base), closeFont(base), PreparingView::headingFont(base)}) {
        painter.setFont(font);
        painter.drawText(QPointF(0, 32), letters);
    }
    // The fonts of the views made later (problemShown, resultShown): a session's result comes
    // right after the page says it is done. Loaded, not drawn (1 ms).
    for (const QFont &font :
         {SessionResultView::headingFont(base), SessionResultView::valueFont(base),
          ProblemView::headingFont(base), StatusBadge::badgeFont(base)})
        QFontMetrics(font).height();
}

ConnectWindow::~ConnectWindow()
{
    if (m_host)
        disconnect(m_host, nullptr, this, nullptr);
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    // A window torn down with its parent still ends its session; nobody is left to show it.
    if (m_started && m_session && !m_session->isFinished())
        m_session->cancel();
    // The page (in the host) goes before its view, which the window's widgets delete.
    delete m_host;
    m_host = nullptr;
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

    m_preparing = new PreparingView(m_stack);
    connect(m_preparing, &PreparingView::cancelRequested, this, &ConnectWindow::reject);
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
        QString text = where.isEmpty() ? m_provider->platformName()
                                       : tr("%1 · %2").arg(m_provider->platformName(), where);
        QString tip = api.toDisplayString(QUrl::RemoveUserInfo);
        // Support staff ask first whether a proxy is in the way.
        const QString proxy = ProxySetup::proxyFor(api);
        if (!proxy.isEmpty()) {
            text = tr("%1 · through proxy %2").arg(text, proxy);
            tip = tr("%1, through the proxy %2 (Settings, Network)").arg(tip, proxy);
        }
        m_backendLabel->setText(text);
        m_backendLabel->setToolTip(tip);
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
    m_host = new ModalHost(m_session, webProfile, preparedView,
                           m_settings ? m_settings->browserOnlyHosts()
                                      : AppSettings::defaultBrowserOnlyHosts(),
                           palette().color(QPalette::Window), m_stack, this);
    m_stack->addWidget(m_host->view());

    connect(m_host, &ModalHost::loadStarted, this, [this] {
        m_progress->setValue(0);
        // Loads inside the modal (its own next page) show progress too.
        const ConnectSession::State state = m_session->state();
        if (state == ConnectSession::State::Loading || state == ConnectSession::State::InModal)
            m_progress->show();
    });
    connect(m_host, &ModalHost::loadProgress, m_progress, &QProgressBar::setValue);
    connect(m_host, &ModalHost::loadEnded, m_progress, &QWidget::hide);
    connect(m_host, &ModalHost::navigated, this, &ConnectWindow::updateAddress);
    connect(m_host, &ModalHost::embeddedSignInRefused, this, &ConnectWindow::offerBrowser);
    connect(m_host, &ModalHost::embeddedSignInRefused, this, &ConnectWindow::embeddedSignInRefused);
    connect(m_host, &ModalHost::dialogAnswered, this, &ConnectWindow::showPageMessage);
    connect(m_host, &ModalHost::certificateAccepted, this,
            [this](const QUrl &url, const QString &description) {
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
            m_preparing->setDetail(tr("No browser could be started. Cancel, then try again "
                                      "once a default browser is set."));
    });
}

ConnectWebPage *ConnectWindow::page() const
{
    return m_host ? m_host->page() : nullptr;
}

QWebEngineView *ConnectWindow::webView() const
{
    return m_host ? m_host->view() : nullptr;
}

QList<PopupWindow *> ConnectWindow::popupWindows() const
{
    return m_host ? m_host->popupWindows() : QList<PopupWindow *>();
}

QWebEngineView *ConnectWindow::releaseView()
{
    if (!m_host || !m_session || !m_session->isFinished())
        return nullptr;
    QWebEngineView *view = m_host->view();
    QWebEngineView *released = m_host->release();
    if (released)
        m_stack->removeWidget(view);
    return released;
}

void ConnectWindow::setCertificateOverrideAllowed(bool allowed)
{
    Q_ASSERT(page());
    if (!page())
        return;
    page()->setCertificateOverrideAllowed(allowed);
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

QString ConnectWindow::backendText() const
{
    return m_backendLabel->text();
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
    if (request.name.isEmpty()
        || (!request.isUpdate() && m_provider && !m_provider->takesConnectionNames()))
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
            if (page() && page()->acceptRefusedCertificate())
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
    if (current && current == webView())
        return View::Modal;
    if (current == m_problem)
        return View::Problem;
    if (current == m_result)
        return View::Result;
    return View::Preparing;
}

QString ConnectWindow::preparingText() const
{
    return m_preparing->heading();
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

void ConnectWindow::offerBrowser(const QString &host)
{
    if (m_session->isFinished() || m_browserOffer->isVisible())
        return;
    if (!m_session->canContinueInBrowser()) {
        // A platform whose sign-in is tied to this window (its popup reports to this page) has
        // nothing to hand over: say so, and do not offer what would not work.
        m_browserOffer->showMessage(
            Banner::Level::Warning,
            tr("The sign-in page (%1) does not allow signing in inside apps, and this sign-in "
               "cannot move to your browser. Close this window; ask your administrator whether "
               "the account can be connected another way.")
                .arg(host));
        return;
    }
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
    m_preparing->setText(heading, detail);
    showView(View::Preparing);
}

void ConnectWindow::showView(View view)
{
    switch (view) {
    case View::Preparing:
        m_stack->setCurrentWidget(m_preparing);
        break;
    case View::Modal:
        m_stack->setCurrentWidget(webView());
        webView()->setFocus(Qt::OtherFocusReason);
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
        m_host->settle(false);
        m_progress->hide();
        showView(View::Modal);
        break;
    case ConnectSession::State::Problem: {
        m_host->settle(false);
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
            && page()->hasOverridableRefusal())
            problem->setSecondaryAction(tr("Continue &anyway (not secure)"));
        showView(View::Problem);
        break;
    }
    case ConnectSession::State::InBrowser:
        m_progress->hide();
        m_browserOffer->hide();
        // The embedded page has nothing more to do; it stops so it cannot act behind our back.
        m_host->leave();
        showPreparing(tr("Continue in your browser"),
                      tr("Finish signing in in the browser window that opened. This window carries "
                         "on when you are done."));
        m_preparing->setCancelShown(true);
        break;
    case ConnectSession::State::Confirming:
        m_host->settle(true);
        m_progress->hide();
        showPreparing(tr("Checking the connection…"),
                      platform.isEmpty()
                          ? QString()
                          : tr("Asking %1 whether the connection was made.").arg(platform));
        break;
    case ConnectSession::State::Finished:
        m_host->settle(false);
        m_progress->hide();
        break;
    }
}

void ConnectWindow::onLoadModal(const QUrl &url)
{
    m_host->load(url);
}

QString ConnectWindow::addressText() const
{
    return m_address->text();
}

void ConnectWindow::updateAddress(const QUrl &url)
{
    const QString scheme = url.scheme();
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

void ConnectWindow::showPageMessage(ConnectWebPage::Dialog kind, const QUrl &origin,
                                    const QString &text)
{
    const QString where = origin.host().isEmpty() ? origin.toDisplayString() : origin.host();
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
    m_progress->hide();
    m_host->stop();

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
    connect(m_host, &ModalHost::loadStarted, this, showNow, Qt::SingleShotConnection);
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
