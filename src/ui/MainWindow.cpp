#include "ui/MainWindow.h"

#include "core/session/Backends.h"
#include "core/session/SessionHistory.h"
#include "core/session/SessionPlanner.h"
#include "core/settings/AppSettings.h"
#include "core/settings/ProfileStore.h"
#include "core/system/ConnectionTypeCache.h"
#include "core/system/LogCategories.h"
#include "ui/Banner.h"
#include "ui/BrandLogo.h"
#include "ui/ConnectWindow.h"
#include "ui/ConnectWindows.h"
#include "ui/ConnectionsView.h"
#include "ui/DiagnosticsDialog.h"
#include "ui/HistoryDialog.h"
#include "ui/IntegrationPicker.h"
#include "ui/LogoCache.h"
#include "ui/ModalViewPool.h"
#include "ui/ProfileSwitcher.h"
#include "ui/SettingsDialog.h"
#include "ui/StatusBadge.h"
#include "ui/SvgIconEngine.h"
#include "ui/ThemeManager.h"
#include "web/WebProfiles.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>
#include <QWebEngineView>

#include <utility>

namespace {

constexpr int statusMessageMs = 15000;

QStringList idsOf(const QList<ConnectionType> &types)
{
    QStringList ids;
    for (const ConnectionType &type : types)
        ids.append(type.id);
    return ids;
}

bool sameDefinition(const Profile &a, const Profile &b)
{
    return a.id == b.id && a.platform == b.platform && a.access == b.access
        && a.baseUrl == b.baseUrl && a.apiVersion == b.apiVersion
        && a.credentialHeader == b.credentialHeader;
}

// The platform refused the request for its name (one already in use): said by the field it
// names, never guessed from its words.
bool isNameConflict(const SessionResult &result)
{
    return result.outcome == SessionResult::Outcome::Failed
        && result.errorCode == QLatin1String("invalid_request")
        && result.errorField == QLatin1String("name");
}

QWidget *section(const QString &heading, QWidget *content, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *label = new QLabel(heading, box);
    QFont font = label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.1);
    label->setFont(font);
    // Alt+letter focuses what takes the keyboard in the section (a label's mnemonic does nothing
    // for a buddy that takes no focus itself, whatever its focus proxy).
    label->setBuddy(content->focusProxy() ? content->focusProxy() : content);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(label);
    layout->addWidget(content, 1);
    return box;
}

} // namespace

MainWindow::MainWindow(Backends *backends, ProfileStore *profiles, AppSettings *settings,
                       WebProfiles *webProfiles, const ConnectionTypeCache *typeCache,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_backends(backends)
    , m_profiles(profiles)
    , m_settings(settings)
    , m_webProfiles(webProfiles)
    , m_logos(new LogoCache(this))
    , m_workspace(new Workspace(backends, settings, typeCache, this))
    , m_windows(new ConnectWindows(settings, webProfiles, this))
{
    connect(m_windows, &ConnectWindows::windowClosed, this, [this](bool viewKept) {
        if (!viewKept)
            preparePageSoon(); // a new view gets ready
        makeNextWindowSoon();
    });
    setObjectName(QStringLiteral("MainWindow"));
    buildUi();
    // The window made ahead shows the settings as they were (its logo, say).
    connect(m_settings, &AppSettings::changed, this, &MainWindow::renewNextWindow);
    connect(m_workspace, &Workspace::opened, this, &MainWindow::onProfileOpened);
    connect(m_workspace, &Workspace::openFailed, this, &MainWindow::onProfileOpenFailed);
    connect(m_workspace, &Workspace::integrationsListed, this, &MainWindow::onIntegrationsListed);
    connect(m_workspace, &Workspace::integrationsFailed, this, &MainWindow::onIntegrationsFailed);
    connect(m_workspace, &Workspace::connectionsListed, this, &MainWindow::onConnectionsListed);
    connect(m_profiles, &ProfileStore::activeChanged, this, &MainWindow::openProfile);
    openProfile(m_profiles->active());
    resize(980, 640);
}

MainWindow::~MainWindow()
{
    // The connect windows go first: a session still talks to the workspace's provider.
    delete m_windows;
}

ConnectWindow *MainWindow::connectWindow() const
{
    return m_windows->current();
}

ConnectWindow *MainWindow::nextConnectWindow() const
{
    return m_windows->next();
}

ModalViewPool *MainWindow::modalViews() const
{
    return m_windows->views();
}

void MainWindow::setThemeManager(ThemeManager *theme)
{
    if (m_theme)
        disconnect(m_theme, nullptr, this, nullptr);
    m_theme = theme;
    if (m_theme) {
        // The window made ahead has the logo (and palette) of the theme it was made in.
        connect(m_theme, &ThemeManager::darkChanged, this, &MainWindow::renewNextWindow);
    }
}

void MainWindow::setHistory(SessionHistory *history)
{
    m_history = history;
    m_historyAction->setEnabled(m_history != nullptr);
}

HistoryDialog *MainWindow::historyDialog() const
{
    return m_historyDialog;
}

void MainWindow::showDiagnostics()
{
    auto *dialog = new DiagnosticsDialog(m_settings, m_profiles, m_history, m_backends,
                                         m_workspace->profile(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &DiagnosticsDialog::saved, this, [this](const QString &path) {
        statusBar()->showMessage(tr("Diagnostics saved to %1").arg(QDir::toNativeSeparators(path)),
                                 statusMessageMs);
    });
    dialog->show();
}

void MainWindow::showHistory()
{
    if (!m_history)
        return;
    if (m_historyDialog) {
        m_historyDialog->raise();
        m_historyDialog->activateWindow();
        return;
    }
    // Not modal: support staff read a past session while they run the next one.
    auto *dialog = new HistoryDialog(m_history, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_historyDialog = dialog;
    dialog->show();
}

void MainWindow::makeNextWindowSoon()
{
    QTimer::singleShot(0, this, [this, generation = m_openGeneration] {
        if (generation == m_openGeneration && provider())
            m_windows->makeNext(provider(), isDark());
    });
}

void MainWindow::renewNextWindow()
{
    if (!m_windows->next())
        return; // none waits; the next is made as it would have been
    m_windows->dropNext();
    makeNextWindowSoon();
}

bool MainWindow::isDark() const
{
    return m_theme ? m_theme->isDark() : ThemeManager::isDarkPalette(QApplication::palette());
}

void MainWindow::buildUi()
{
    setWindowTitle(tr("Connect Desktop"));

    // Our own symbol: the style's comes as PNG files, and reading the first image loads every
    // image format plugin (2 ms before the first paint).
    m_refreshAction = new QAction(SvgIconEngine::symbol(QStringLiteral(":/ui/refresh.svg")),
                                  tr("&Refresh"), this);
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_refreshAction->setToolTip(
        tr("Reload integrations and connections (%1)")
            .arg(QKeySequence(QKeySequence::Refresh).toString(QKeySequence::NativeText)));
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::refresh);

    m_settingsAction = new QAction(tr("&Settings…"), this);
    m_settingsAction->setShortcuts(
        {QKeySequence::Preferences, QKeySequence(Qt::CTRL | Qt::Key_Comma)});
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    connect(m_settingsAction, &QAction::triggered, this, [this] { showSettings(); });

    auto *findAction = new QAction(tr("&Find Integration"), this);
    findAction->setShortcut(QKeySequence::Find);
    connect(findAction, &QAction::triggered, this, [this] { m_picker->focusSearch(); });

    auto *quitAction = new QAction(tr("&Quit"), this);
    quitAction->setShortcut(QKeySequence::Quit);
    quitAction->setMenuRole(QAction::QuitRole);
    connect(quitAction, &QAction::triggered, this, &QWidget::close);

    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(m_settingsAction);
    fileMenu->addSeparator();
    fileMenu->addAction(quitAction);
    m_historyAction = new QAction(tr("&History…"), this);
    m_historyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    m_historyAction->setToolTip(tr("The last sessions: their results and exchanges"));
    connect(m_historyAction, &QAction::triggered, this, &MainWindow::showHistory);
    m_historyAction->setEnabled(false); // until setHistory()

    auto *diagnosticsAction = new QAction(tr("Save &Diagnostics…"), this);
    diagnosticsAction->setToolTip(
        tr("Save a bundle for support: versions, settings and sessions, without secrets"));
    connect(diagnosticsAction, &QAction::triggered, this, &MainWindow::showDiagnostics);

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->addAction(findAction);
    viewMenu->addAction(m_refreshAction);
    viewMenu->addSeparator();
    viewMenu->addAction(m_historyAction);
    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(diagnosticsAction);

    // Toolbar: logo, profile switcher, sandbox badge, where it points, actions.
    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->setMovable(false);
    toolbar->setFloatable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto *logo = new BrandLogo(toolbar);
    logo->setLogoHeight(24);
    logo->setFromSettings(m_settings, isDark());
    connect(m_settings, &AppSettings::changed, logo,
            [this, logo] { logo->setFromSettings(m_settings, isDark()); });
    auto *profileLabel = new QLabel(tr("&Profile:"), toolbar);
    m_switcher = new ProfileSwitcher(m_profiles, m_backends, toolbar);
    profileLabel->setBuddy(m_switcher);
    m_sandboxBadge = new StatusBadge(toolbar);
    m_sandboxBadge->setObjectName(QStringLiteral("sandboxBadge"));
    m_sandboxBadge->setBadge(tr("SANDBOX"), StatusBadge::Tone::Accent);
    m_sandboxBadge->setToolTip(tr("A local test server: nothing here touches a real account"));
    m_backendLabel = new QLabel(toolbar);
    m_backendLabel->setForegroundRole(QPalette::PlaceholderText);
    m_backendLabel->setTextFormat(Qt::PlainText);
    auto *spacer = new QWidget(toolbar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);

    auto pad = [toolbar](int width) {
        auto *gap = new QWidget(toolbar);
        gap->setFixedWidth(width);
        toolbar->addWidget(gap);
    };
    pad(6);
    toolbar->addWidget(logo);
    pad(14);
    toolbar->addWidget(profileLabel);
    pad(4);
    toolbar->addWidget(m_switcher);
    pad(8);
    // Widgets in a toolbar are shown and hidden through their actions.
    m_sandboxBadgeAction = toolbar->addWidget(m_sandboxBadge);
    pad(8);
    toolbar->addWidget(m_backendLabel);
    toolbar->addWidget(spacer);
    toolbar->addAction(m_refreshAction);
    toolbar->addAction(m_settingsAction);
    pad(4);

    // Banners, then the two halves: what to connect, and what is connected.
    auto *central = new QWidget(this);
    m_profileBanner = new Banner(central);
    m_profileBanner->setObjectName(QStringLiteral("profileBanner"));
    m_sandboxBanner = new Banner(central);
    m_sandboxBanner->setObjectName(QStringLiteral("sandboxBanner"));
    m_sessionBanner = new Banner(central);
    m_sessionBanner->setObjectName(QStringLiteral("sessionBanner"));

    m_picker = new IntegrationPicker(m_logos, central);
    connect(m_picker, &IntegrationPicker::integrationChosen, this, &MainWindow::openIntegration);
    connect(m_picker, &IntegrationPicker::retryRequested, this, &MainWindow::refresh);
    m_connections = new ConnectionsView(m_logos, central);
    connect(m_connections, &ConnectionsView::reconnectRequested, this, &MainWindow::reconnect);
    connect(m_connections, &ConnectionsView::removeRequested, this, &MainWindow::confirmRemove);
    connect(m_connections, &ConnectionsView::refreshRequested, this, &MainWindow::refresh);

    auto *splitter = new QSplitter(Qt::Horizontal, central);
    m_splitter = splitter;
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(section(tr("Connect an &integration"), m_picker, splitter));
    splitter->addWidget(section(tr("Your &connections"), m_connections, splitter));
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(12, 10, 12, 6);
    layout->setSpacing(8);
    layout->addWidget(m_profileBanner);
    layout->addWidget(m_sandboxBanner);
    layout->addWidget(m_sessionBanner);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);
    statusBar()->setSizeGripEnabled(true);
    m_picker->focusSearch();
}

bool MainWindow::event(QEvent *event)
{
    if (event->type() == QEvent::Show && !m_splitSet) {
        // Setting sizes makes the splitter measure both halves. Set while the window was built,
        // they were measured before it was polished and again after, on the path to the first
        // paint; set here, once, when the window shows.
        m_splitSet = true;
        m_splitter->setSizes({360, 560});
    }
    if (event->type() == QEvent::Paint && !m_paintedOnce) {
        // The window's first paint has begun; what waited for it runs once it is done.
        m_paintedOnce = true;
        if (!m_afterFirstPaint.empty())
            QTimer::singleShot(0, this, &MainWindow::runAfterFirstPaint);
    }
    const bool handled = QMainWindow::event(event);
    // UpdateRequest is where the window paints: what was asked for is on screen now.
    if (event->type() == QEvent::UpdateRequest && m_preparePageAfterPaint) {
        m_preparePageAfterPaint = false;
        preparePageSoon();
    }
    return handled;
}

void MainWindow::afterFirstPaint(std::function<void()> work)
{
    if (m_paintedOnce || !isVisible()) {
        work();
        return;
    }
    if (m_afterFirstPaint.empty()) {
        // A window that is shown but never exposed (minimised, say) does not wait for ever.
        constexpr int longestWaitMs = 250;
        QTimer::singleShot(longestWaitMs, this, [this] {
            m_paintedOnce = true;
            runAfterFirstPaint();
        });
    }
    m_afterFirstPaint.push_back(std::move(work));
}

void MainWindow::runAfterFirstPaint()
{
    const auto waiting = std::exchange(m_afterFirstPaint, {});
    for (const auto &work : waiting)
        work();
}

void MainWindow::preparePageSoon()
{
    // After the events already waiting (a paint, a click), never before them.
    QTimer::singleShot(0, this, [this, generation = m_openGeneration] {
        if (generation != m_openGeneration || !provider() || !m_webProfiles)
            return;
        if (m_windows->sessionRunning())
            return; // the session's own page is loading or in use; after it
        if (!m_afterFirstPaint.empty()) {
            // What came while the window first painted (the connections) is shown before the
            // engine starts, which holds this thread for a while; the engine comes after that.
            runAfterFirstPaint();
            preparePageSoon();
            return;
        }
        if (!m_logosAwaited && m_logos->isFetching()) {
            // The logos the first paint asked for come from the disk cache a few ms after it,
            // but the engine's start holds this thread for 45-60 ms: they would replace their
            // placeholders only after that. They go first, for a moment at most (logos from the
            // network, on a first run, may take longer).
            m_logosAwaited = true;
            constexpr int longestLogoWaitMs = 100;
            auto *wait = new QTimer(this);
            wait->setSingleShot(true);
            // Whichever comes first ends the wait.
            const auto goOn = [this, wait] {
                wait->stop();
                disconnect(m_logos, nullptr, wait, nullptr);
                wait->deleteLater();
                preparePageSoon();
            };
            connect(wait, &QTimer::timeout, this, goOn);
            connect(m_logos, &LogoCache::fetchesSettled, wait, goOn);
            wait->start(longestLogoWaitMs);
            return;
        }
        m_logosAwaited = true;
        const Profile profile =
            m_profiles->find(m_workspace->profile().id).value_or(m_workspace->profile());
        Q_EMIT pagePreparing();
        m_windows->prepare(provider(), profile);
        makeNextWindowSoon();
    });
}

void MainWindow::updateProfileChrome(const Profile &profile)
{
    const bool sandbox = profile.access == Profile::Access::Sandbox;
    m_sandboxBadgeAction->setVisible(sandbox);
    if (sandbox) {
        m_sandboxBanner->showMessage(
            Banner::Level::Sandbox,
            tr("Sandbox: a test server on this computer. Nothing you connect here reaches a real "
               "account."));
    } else {
        m_sandboxBanner->hide();
    }
    m_backendLabel->setText(m_backends->describe(profile));
    setWindowTitle(tr("%1 — Connect Desktop").arg(ProfileSwitcher::label(profile)));
}

void MainWindow::openProfile(const Profile &profile)
{
    ++m_openGeneration;
    m_windows->closeFinished();
    m_windows->dropNext(); // made for the provider that goes
    m_pendingType.reset();
    m_autoOpened = false;

    updateProfileChrome(profile);
    m_profileBanner->hide();
    m_sessionBanner->hide();
    m_picker->setLoading();
    m_connections->clear();
    m_refreshAction->setEnabled(false);
    statusBar()->showMessage(tr("Opening %1…").arg(ProfileSwitcher::label(profile)));
    m_workspace->open(profile);
}

void MainWindow::onProfileOpened(const Profile &profile)
{
    m_refreshAction->setEnabled(true);
    statusBar()->clearMessage();
    m_backendLabel->setText(m_backends->describe(profile));
    fetchTypes();
    fetchConnections();
    Q_EMIT profileOpened(profile);
}

void MainWindow::onProfileOpenFailed(const Profile &profile, const ApiFailure &failure)
{
    m_refreshAction->setEnabled(true);
    statusBar()->clearMessage();
    m_profileBanner->showMessage(
        Banner::Level::Error,
        tr("“%1” could not be opened. %2").arg(ProfileSwitcher::label(profile), failure.message()));
    m_profileBanner->setDismissible(false);
    m_profileBanner->addButton(tr("Open &Settings"), [this, profile] { showSettings(profile.id); });
    m_profileBanner->addButton(tr("Try &Again"), [this] { openProfile(m_profiles->active()); });
    m_picker->setError(tr("Integrations appear once the profile opens."));
    m_connections->setError(tr("Connections appear once the profile opens."));
    Q_EMIT profileOpened(profile);
}

void MainWindow::refresh()
{
    if (!provider()) {
        openProfile(m_profiles->active());
        return;
    }
    fetchTypes();
    fetchConnections();
}

void MainWindow::fetchTypes()
{
    if (!provider())
        return;
    if (m_workspace->listed().isEmpty())
        m_picker->setLoading(); // the cache, if it has them, fills the picker at once
    m_workspace->refreshIntegrations();
}

void MainWindow::onIntegrationsListed(Workspace::Source source)
{
    // What the picker shows is current, unless the allowed ones changed meanwhile.
    const QList<ConnectionType> offered = m_workspace->offered();
    if (source == Workspace::Source::Unchanged && idsOf(offered) == idsOf(m_picker->types()))
        return;
    showTypes(offered);
}

void MainWindow::onIntegrationsFailed(const ApiFailure &failure, bool stale)
{
    if (!stale) {
        m_picker->setError(failure.message());
        return;
    }
    // The list shown stays usable; say that it may be out of date.
    statusBar()->showMessage(
        tr("The integrations could not be refreshed: %1").arg(failure.message()), statusMessageMs);
}

void MainWindow::showTypes(const QList<ConnectionType> &types)
{
    if (types.isEmpty() && !m_workspace->listed().isEmpty()) {
        m_picker->setError(
            tr("None of the allowed integrations (%1) is offered by %2. Check the allowed "
               "integrations in the settings, or switch profile.")
                .arg(m_settings->allowedIntegrations().join(QLatin1String(", ")),
                     m_backends->describe(m_profiles->active())));
        return;
    }
    m_picker->setTypes(types);
    openPendingLink();
    // The company allows one integration: nothing to pick, so open it once per profile.
    if (!m_autoOpened && types.size() == 1 && m_settings->allowedIntegrations().size() == 1) {
        m_autoOpened = true;
        openIntegration(types.constFirst());
    }
    // The web engine starts, and a page gets ready, once this has been painted.
    m_preparePageAfterPaint = true;
    // A milestone scripts wait for (tests/e2e), in the app's category like the session's.
    qCInfo(lcApp) << "picker filled:" << types.size() << "integrations";
    Q_EMIT integrationsShown(int(types.size()));
}

void MainWindow::fetchConnections()
{
    if (!provider())
        return;
    m_connections->setLoading();
    m_workspace->refreshConnections();
}

void MainWindow::onConnectionsListed(const Result<QList<Connection>> &result)
{
    afterFirstPaint([this, result, generation = m_openGeneration] {
        if (generation == m_openGeneration) // not another profile's by now
            showConnections(result);
    });
}

void MainWindow::showConnections(const Result<QList<Connection>> &result)
{
    if (!result.ok()) {
        m_connections->setError(result.failure.message());
    } else {
        m_connections->setConnections(*result.value);
        qCInfo(lcApp) << "connections listed:" << result.value->size();
    }
    Q_EMIT connectionsRefreshed();
    // A failed list is no reason to refuse: the server still refuses a taken name, and
    // that failure offers the next free one.
    if (m_pendingType) {
        const ConnectionType type = *m_pendingType;
        m_pendingType.reset();
        statusBar()->clearMessage();
        startCreate(type);
    }
}

void MainWindow::openFromLink(const QString &integration)
{
    raise();
    activateWindow();
    m_pendingLink = integration;
    openPendingLink();
}

void MainWindow::openPendingLink()
{
    if (m_pendingLink.isEmpty() || m_picker->types().isEmpty())
        return; // again once the integrations are here
    const QString id = std::exchange(m_pendingLink, QString());
    if (m_windows->sessionRunning()) {
        m_sessionBanner->showMessage(Banner::Level::Warning,
                                     tr("A link asked to connect “%1”. Finish or close the current "
                                        "connection first, then open the link again.")
                                         .arg(id));
        return;
    }
    // The picker holds only what this company allows and this backend offers.
    for (const ConnectionType &type : m_picker->types()) {
        if (type.id == id) {
            openIntegration(type);
            return;
        }
    }
    m_sessionBanner->showMessage(
        Banner::Level::Error,
        tr("A link asked to connect “%1”, which is not among the integrations "
           "you can connect here.")
            .arg(id));
}

void MainWindow::openIntegration(const ConnectionType &type)
{
    if (!provider())
        return;
    if (!m_workspace->connectionsLoaded()) {
        // The name must not collide with a connection we have not seen yet: wait for the list.
        m_pendingType = type;
        statusBar()->showMessage(tr("Checking the names of your connections…"));
        return;
    }
    startCreate(type);
}

QStringList MainWindow::namesTaken() const
{
    return m_workspace->namesTaken();
}

void MainWindow::startCreate(const ConnectionType &type)
{
    const SessionPlanner planner(m_settings);
    startSession(
        planner.create(planner.nameFor(type.name, type.id, namesTaken()), {type.id}, isDark()),
        type.name.isEmpty() ? type.id : type.name);
}

void MainWindow::reconnect(const Connection &connection)
{
    if (!provider())
        return;
    startSession(SessionPlanner(m_settings).reconnect(connection, isDark()),
                 connection.typeName.isEmpty() ? connection.typeId : connection.typeName);
}

void MainWindow::startSession(const SessionRequest &request, const QString &integrationName)
{
    // The web options as they are now (the settings may have changed them since it opened).
    const Profile profile =
        m_profiles->find(m_workspace->profile().id).value_or(m_workspace->profile());
    ConnectWindow *window = m_windows->start(provider(), profile, request, integrationName);
    if (!window)
        return; // one session at a time: the running one came forward
    const QString integrationId = request.integrations.value(0);
    connect(window, &ConnectWindow::sessionFinished, this,
            [this, request, integrationName, integrationId, profile,
             session = QPointer<ConnectSession>(window->session())](const SessionResult &result) {
                onSessionFinished(result, integrationName);
                // Kept once the person has the result: writing the history is no part of it.
                if (m_history && session)
                    m_history->record(*session, profile, integrationName);
                if (result.outcome != SessionResult::Outcome::Failed)
                    return;
                if (!request.isUpdate() && isNameConflict(result))
                    offerNextName(request.name, integrationName, integrationId);
                else
                    offerRetry(request, integrationName);
            });
    // The last session's banner goes a moment after this one's form is up: hiding it lays out and
    // repaints this whole window (5 ms and more), which would hold back the request and the page
    // on their way, and then the form's first frames.
    if (m_sessionBanner->isVisible()) {
        connect(window->session(), &ConnectSession::stateChanged, m_sessionBanner,
                [banner = m_sessionBanner, session = QPointer<ConnectSession>(window->session())](
                    ConnectSession::State state) {
                    constexpr int formFirstFramesMs = 300;
                    if (state != ConnectSession::State::InModal)
                        return;
                    QTimer::singleShot(formFirstFramesMs, banner, [banner, session] {
                        // A session that ended since has put its own result there.
                        if (session && !session->isFinished())
                            banner->hide();
                    });
                });
    }
    Q_EMIT connectWindowOpened(window);
    window->showSoon();
}

void MainWindow::onSessionFinished(const SessionResult &result, const QString &integrationName)
{
    QString text;
    Banner::Level level = Banner::Level::Info;
    switch (result.outcome) {
    case SessionResult::Outcome::Completed: {
        const QString name = result.connection ? result.connection->name : QString();
        const QString status = result.connection
            ? StatusBadge::statusLabel(result.connection->status).toLower()
            : QString();
        const QString typeName = result.connection && !result.connection->typeName.isEmpty()
            ? result.connection->typeName
            : integrationName;
        text = status.isEmpty() ? tr("Connected %1 as “%2”.").arg(typeName, name)
                                : tr("Connected %1 as “%2” (%3).").arg(typeName, name, status);
        const bool healthy = result.connection && result.connection->isHealthy();
        level = healthy ? Banner::Level::Success : Banner::Level::Warning;
        if (!healthy && result.connection && !result.connection->statusError.isEmpty())
            text += QLatin1Char(' ') + result.connection->statusError;
        break;
    }
    case SessionResult::Outcome::Cancelled:
        text = tr("Cancelled: %1 was not connected.").arg(integrationName);
        break;
    case SessionResult::Outcome::Failed:
        level = Banner::Level::Error;
        text = result.errorMessage.isEmpty()
            ? tr("%1 was not connected (%2).").arg(integrationName, result.errorCode)
            : tr("%1 was not connected. %2").arg(integrationName, result.errorMessage);
        break;
    }
    m_sessionBanner->showMessage(level, text);
    m_sessionBanner->setDismissible(true);
    statusBar()->showMessage(text, statusMessageMs);

    // Taken from now on, also for a next session started before the list below comes back.
    if (result.connection)
        m_workspace->noteConnected(result.connection->name);
    const QString connectionId = result.connection ? result.connection->id : QString();
    if (!connectionId.isEmpty()) {
        // Point at what was just connected once the list has it.
        auto *once = new QObject(this);
        connect(this, &MainWindow::connectionsRefreshed, once, [this, once, connectionId] {
            m_connections->select(connectionId);
            once->deleteLater();
        });
    }
    fetchConnections();
    Q_EMIT sessionFinished(result);
}

void MainWindow::offerNextName(const QString &failedName, const QString &integrationName,
                               const QString &integrationId)
{
    // The list may not know the name yet (that is how it collided): count it taken anyway.
    QStringList taken = namesTaken();
    taken.append(failedName);
    const QString next = SessionPlanner(m_settings).nameFor(integrationName, integrationId, taken);
    m_sessionBanner->addButton(
        tr("Try Again as “%1”").arg(next), [this, integrationName, integrationId, taken] {
            // Names may have been taken since the banner appeared: ask again with today's list.
            QStringList now = namesTaken() + taken;
            now.removeDuplicates();
            const SessionPlanner planner(m_settings);
            startSession(planner.create(planner.nameFor(integrationName, integrationId, now),
                                        {integrationId}, isDark()),
                         integrationName);
        });
}

void MainWindow::offerRetry(const SessionRequest &request, const QString &integrationName)
{
    m_sessionBanner->addButton(tr("Try &Again"), [this, request, integrationName] {
        if (request.isUpdate()) {
            SessionRequest again = request;
            again.dark = isDark();
            startSession(again, integrationName);
            return;
        }
        // A new attempt is a new session: its name is chosen afresh, like any other.
        if (const auto type = m_picker->findType(request.integrations.value(0)))
            openIntegration(*type);
    });
}

void MainWindow::confirmRemove(const Connection &connection)
{
    if (!provider())
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Remove Connection"),
                                tr("Remove the connection “%1”?").arg(connection.name),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("removeConfirmation"));
    box->setInformativeText(tr("Anything that uses it stops working. This cannot be undone."));
    QPushButton *remove = box->addButton(tr("Remove"), QMessageBox::DestructiveRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    // Answers for a profile switched away from are not heard (the workspace's context goes).
    PlatformProvider *provider = m_workspace->provider();
    connect(box, &QMessageBox::finished, this, [this, box, remove, provider, connection] {
        if (box->clickedButton() != remove || provider != m_workspace->provider())
            return;
        statusBar()->showMessage(tr("Removing “%1”…").arg(connection.name));
        provider->removeConnection(
            connection.id, m_workspace->context(), [this, connection](const Result<bool> &result) {
                if (!result.ok()) {
                    m_sessionBanner->showMessage(
                        Banner::Level::Error,
                        tr("“%1” could not be removed. %2")
                            .arg(connection.name, result.failure.message()));
                    statusBar()->clearMessage();
                    return;
                }
                statusBar()->showMessage(tr("Removed “%1”.").arg(connection.name), statusMessageMs);
                fetchConnections();
            });
    });
    box->open();
}

void MainWindow::showSettings(const QString &profileId)
{
    if (m_settingsDialog) {
        if (!profileId.isEmpty())
            m_settingsDialog->selectProfile(profileId);
        m_settingsDialog->raise();
        m_settingsDialog->activateWindow();
        return;
    }
    auto *dialog = new SettingsDialog(m_settings, m_profiles, m_backends, m_webProfiles, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setHistory(m_history);
    if (!profileId.isEmpty())
        dialog->selectProfile(profileId);
    connect(dialog, &QDialog::finished, this, [this] {
        // A fixed key or an edited active profile takes effect now.
        const Profile active = m_profiles->active();
        if (m_workspace->hasFailedToOpen() || !sameDefinition(active, m_workspace->profile()))
            openProfile(active);
    });
    m_settingsDialog = dialog;
    dialog->open();
}
