// Specification: the connect window hosts one session in a real (offscreen) WebEngine page against
// the real sandbox: it shows the modal, popups, problems and the result, and every way of leaving
// gives exactly one result decided by the session.
#include "HttpClient.h"
#include "ModalOverHttp.h"
#include "SandboxBackends.h"
#include "SandboxFixture.h"
#include "TestFiles.h"
#include "WebTestSupport.h"
#include "core/settings/AppSettings.h"
#include "sandbox/SandboxServer.h"
#include "ui/Banner.h"
#include "ui/BrandLogo.h"
#include "ui/ConnectWindow.h"
#include "ui/ExchangeLogView.h"
#include "ui/PopupWindow.h"
#include "ui/ProblemView.h"
#include "ui/SessionResultView.h"
#include "ui/StatusBadge.h"
#include "web/ConnectWebPage.h"

#include <QDesktopServices>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUrlQuery>
#include <QWebEngineProfile>
#include <QWebEngineView>

#include <csignal>
#include <memory>

using namespace WebTest;
using View = ConnectWindow::View;
using State = ConnectSession::State;

// Stands in for the system browser: QDesktopServices hands it the URLs it would open.
class BrowserStandIn : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> opened;

public Q_SLOTS:
    void openUrl(const QUrl &url) { opened.append(url); }
};

class TestConnectWindow : public QObject
{
    Q_OBJECT

    SandboxFixture m_sandbox;
    std::unique_ptr<ConnectWindow> m_window;

    ConnectWindow *open(const QString &type, const QString &name, int loadTimeoutMs = 0)
    {
        SessionRequest request;
        request.name = name;
        request.integrations = {type};
        m_window = std::make_unique<ConnectWindow>(m_sandbox.provider, request,
                                                   m_sandbox.webProfile, m_sandbox.settings);
        if (loadTimeoutMs > 0)
            m_window->session()->setModalLoadTimeout(loadTimeoutMs);
        m_window->show();
        m_window->start();
        return m_window.get();
    }

    // Waits until the window shows the modal's form.
    bool waitForForm(ConnectWindow *window)
    {
        if (!waitUntil([&] { return window->currentView() == View::Modal; }, pageTimeout))
            return false;
        return waitUntil([&] { return state(window->page()) == QLatin1String("form"); },
                         pageTimeout);
    }

    std::optional<Connection> connectionNamed(const QString &name) const
    {
        for (const Connection &connection : m_sandbox.server->connections()) {
            if (connection.name == name)
                return connection;
        }
        return std::nullopt;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_sandbox.start({}, &error), qPrintable(error));
    }

    void cleanup()
    {
        m_window.reset(); // pages go before their profile
        m_sandbox.server->setFaults({});
        m_sandbox.server->setSessionTtl(15 * 60);
        m_sandbox.settings->setLogoFiles({}, {});
    }

    void aCredentialFormCompletesAndTheResultShowsTheConnection()
    {
        ConnectWindow *window = open(QStringLiteral("postgresql"), QStringLiteral("Warehouse A"));
        window->setIntegrationName(QStringLiteral("PostgreSQL"));
        QCOMPARE(window->title(), QStringLiteral("Connect PostgreSQL"));
        QSignalSpy finished(window, &ConnectWindow::sessionFinished);
        QVERIFY(waitForForm(window));
        fillPostgres(window->page());
        WEB_TRY_COMPARE(finished.count(), 1);

        const SessionResult &result = window->session()->result();
        QCOMPARE(result.outcome, SessionResult::Outcome::Completed);
        QCOMPARE(result.connection->name, QStringLiteral("Warehouse A"));
        QCOMPARE(window->currentView(), View::Result);
        QCOMPARE(window->resultView()->connectionName(), QStringLiteral("Warehouse A"));
        QCOMPARE(window->resultView()->badge()->text(), QStringLiteral("Healthy"));
        QCOMPARE(window->resultView()->badge()->tone(), StatusBadge::Tone::Good);
        QVERIFY(connectionNamed(QStringLiteral("Warehouse A")).has_value());

        // Closing the result only closes: no second result.
        window->close();
        QVERIFY(!window->isVisible());
        QCOMPARE(finished.count(), 1);
    }

    void anOAuthPopupOpensInItsOwnWindowAndAllowCompletes()
    {
        ConnectWindow *window = open(QStringLiteral("hubspot"), QStringLiteral("CRM"));
        QSignalSpy finished(window, &ConnectWindow::sessionFinished);
        QVERIFY(waitForForm(window));
        click(window->page(), QStringLiteral("oauth-signin"));
        WEB_TRY_COMPARE(window->popupWindows().size(), 1);
        QPointer<PopupWindow> popup = window->popupWindows().constFirst();
        QVERIFY(popup->isVisible());
        WEB_TRY_COMPARE(state(popup->page()), QStringLiteral("consent"));
        // The origin only: the popup's path carries the session token.
        QCOMPARE(popup->addressText(), m_sandbox.server->url().toString());
        WEB_TRY_VERIFY(!popup->windowTitle().isEmpty());

        click(popup->page(), QStringLiteral("allow"));
        WEB_TRY_COMPARE(finished.count(), 1);
        QCOMPARE(window->session()->result().outcome, SessionResult::Outcome::Completed);
        QCOMPARE(window->session()->result().connection->typeId, QStringLiteral("hubspot"));
        WEB_TRY_VERIFY(popup.isNull());
        QVERIFY(window->popupWindows().isEmpty());
    }

    void escapeCancelsWithOneResult()
    {
        ConnectWindow *window = open(QStringLiteral("postgresql"), QStringLiteral("Esc"));
        QSignalSpy finished(window, &ConnectWindow::sessionFinished);
        QSignalSpy sessionFinished(window->session(), &ConnectSession::finished);
        QVERIFY(waitForForm(window));
        QTest::keyClick(window, Qt::Key_Escape);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(window->session()->result().outcome, SessionResult::Outcome::Cancelled);
        QVERIFY(!window->isVisible());
        QTest::keyClick(window, Qt::Key_Escape);
        window->close();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(sessionFinished.count(), 1);
        QVERIFY(!connectionNamed(QStringLiteral("Esc")));
    }

    void escapeWhileTypingInThePageCancels()
    {
        ConnectWindow *window = open(QStringLiteral("postgresql"), QStringLiteral("Esc typing"));
        QSignalSpy finished(window, &ConnectWindow::sessionFinished);
        QVERIFY(waitForForm(window));
        window->activateWindow();
        window->webView()->setFocus();
        QWidget *input = window->webView()->focusProxy();
        QVERIFY(input);
        QTest::keyClick(input, Qt::Key_Escape);
        WEB_TRY_COMPARE(finished.count(), 1);
        QCOMPARE(window->session()->result().outcome, SessionResult::Outcome::Cancelled);
    }

    void closingTheWindowCancelsWithOneResult()
    {
        ConnectWindow *window = open(QStringLiteral("postgresql"), QStringLiteral("Closed"));
        QSignalSpy finished(window, &ConnectWindow::sessionFinished);
        QVERIFY(waitForForm(window));
        QVERIFY(window->close());
        QCOMPARE(finished.count(), 1);
        QCOMPARE(window->session()->result().outcome, SessionResult::Outcome::Cancelled);
        QVERIFY(!window->isVisible());
        window->close();
        QCOMPARE(finished.count(), 1);
    }

    void closingWhileRequestingCancels()
    {
        SandboxFaults faults;
        faults.latencyMs = 3000;
        m_sandbox.server->setFaults(faults);
        ConnectWindow *window = open(QStringLiteral("postgresql"), QStringLiteral("Requesting"));
        QSignalSpy finished(window, &ConnectWindow::sessionFinished);
        QSignalSpy load(window->session(), &ConnectSession::loadModal);
        QCOMPARE(window->session()->state(), State::Requesting);
        QCOMPARE(window->currentView(), View::Preparing);
        window->close();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(window->session()->result().outcome, SessionResult::Outcome::Cancelled);
        // The late answer changes nothing.
        QSignalSpy served(m_sandbox.server, &SandboxServer::requestServed);
        WEB_TRY_VERIFY(served.count() >= 1);
        QCOMPARE(load.count(), 0);
        QCOMPARE(finished.count(), 1);
    }

    void closingWhileLoadingCancels()
    {
        SandboxFaults faults;
        faults.modalDelayMs = 5000;
        m_sandbox.server->setFaults(faults);
        ConnectWindow *window = open(QStringLiteral("postgresql"), QStringLiteral("Loading"));
        QSignalSpy finished(window, &ConnectWindow::sessionFinished);
        WEB_TRY_COMPARE(window->session()->state(), State::Loading);
        QCOMPARE(window->currentView(), View::Preparing);
        WEB_TRY_VERIFY(window->progressBar()->isVisible());
        window->close();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(window->session()->result().outcome, SessionResult::Outcome::Cancelled);
    }

    void closingWithThePopupOpenCancelsAndClosesThePopup()
    {
        ConnectWindow *window = open(QStringLiteral("hubspot"), QStringLiteral("In popup"));
        QSignalSpy finished(window, &ConnectWindow::sessionFinished);
        QVERIFY(waitForForm(window));
        click(window->page(), QStringLiteral("oauth-signin"));
        WEB_TRY_COMPARE(window->popupWindows().size(), 1);
        QPointer<PopupWindow> popup = window->popupWindows().constFirst();
        WEB_TRY_COMPARE(state(popup->page()), QStringLiteral("consent"));
        window->close();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(window->session()->result().outcome, SessionResult::Outcome::Cancelled);
        QVERIFY(popup.isNull());
        QVERIFY(!connectionNamed(QStringLiteral("In popup")));
    }

    void aDeniedPopupShowsTheErrorInTheModalAndClosingCancels()
    {
        ConnectWindow *window = open(QStringLiteral("hubspot"), QStringLiteral("Denied"));
        QSignalSpy finished(window, &ConnectWindow::sessionFinished);
        QVERIFY(waitForForm(window));
        click(window->page(), QStringLiteral("oauth-signin"));
        WEB_TRY_COMPARE(window->popupWindows().size(), 1);
        QPointer<PopupWindow> popup = window->popupWindows().constFirst();
        WEB_TRY_COMPARE(state(popup->page()), QStringLiteral("consent"));
        click(popup->page(), QStringLiteral("deny"));
        WEB_TRY_VERIFY(!formError(window->page()).isEmpty());
        WEB_TRY_VERIFY(popup.isNull());
        QCOMPARE(window->currentView(), View::Modal);
        QCOMPARE(finished.count(), 0);

        window->close();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(window->session()->result().outcome, SessionResult::Outcome::Cancelled);
    }

    void aBlankModalIsAProblemAndRetryLoadsItAgain()
    {
        SandboxFaults faults;
        faults.blankModal = true;
        m_sandbox.server->setFaults(faults);
        ConnectWindow *window = open(QStringLiteral("postgresql"), QStringLiteral("Blank"), 1500);
        QSignalSpy finished(window, &ConnectWindow::sessionFinished);
        WEB_TRY_COMPARE(window->currentView(), View::Problem);
        QVERIFY(!window->problemView()->text().isEmpty());
        QCOMPARE(window->problemView()->actionButton()->text(), QStringLiteral("&Retry"));

        m_sandbox.server->setFaults({});
        QTest::mouseClick(window->problemView()->actionButton(), Qt::LeftButton);
        QVERIFY(waitForForm(window));
        QCOMPARE(finished.count(), 0);
        fillPostgres(window->page());
        WEB_TRY_COMPARE(finished.count(), 1);
        QCOMPARE(window->session()->result().outcome, SessionResult::Outcome::Completed);
    }

    void aModalSlowerThanTheLoadTimeoutIsAProblemAndClosingThenFails()
    {
        SandboxFaults faults;
        faults.modalDelayMs = 4000;
        m_sandbox.server->setFaults(faults);
        ConnectWindow *window = open(QStringLiteral("postgresql"), QStringLiteral("Slow"), 1000);
        QSignalSpy finished(window, &ConnectWindow::sessionFinished);
        WEB_TRY_COMPARE(window->currentView(), View::Problem);
        QCOMPARE(window->problemView()->text(), window->session()->problem());
        QVERIFY(window->problemView()->actionButton()->hasFocus()
                || !window->isActiveWindow()); // Enter retries where focus is real
        window->close();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(window->session()->result().outcome, SessionResult::Outcome::Failed);
        QCOMPARE(window->session()->result().errorCode, QStringLiteral("modal_timeout"));
    }

    void continueInBrowserOpensTheSystemBrowserAndWaits()
    {
        BrowserStandIn browser;
        QDesktopServices::setUrlHandler(QStringLiteral("http"), &browser, "openUrl");
        QDesktopServices::setUrlHandler(QStringLiteral("https"), &browser, "openUrl");
        ConnectWindow *window =
            open(QStringLiteral("postgresql"), QStringLiteral("Through the browser"));
        QSignalSpy finished(window, &ConnectWindow::sessionFinished);
        QVERIFY(waitForForm(window));
        QVERIFY(window->browserButton()->isEnabled());
        QTest::mouseClick(window->browserButton(), Qt::LeftButton);
        WEB_TRY_COMPARE(browser.opened.size(), 1);
        QCOMPARE(window->session()->state(), ConnectSession::State::InBrowser);
        QCOMPARE(window->currentView(), View::Preparing);
        QVERIFY(window->preparingText().contains(QLatin1String("browser")));

        // The browser's part, over real HTTP: the modal, then back to the app's listener.
        const QUrl modal = browser.opened.constFirst();
        const QUrl back = ModalOverHttp::completePostgres(modal);
        QCOMPARE(QUrlQuery(back).queryItemValue(QStringLiteral("sandbox_result")),
                 QStringLiteral("connected"));
        QCOMPARE(HttpClient(back).get(back.toString(QUrl::FullyEncoded)).status, 200);

        WEB_TRY_COMPARE(finished.count(), 1);
        QCOMPARE(window->session()->result().outcome, SessionResult::Outcome::Completed);
        WEB_TRY_COMPARE(window->currentView(), View::Result);
        QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
        QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
    }

    void aProviderThatRefusesEmbeddedSignInOffersTheBrowser()
    {
        SandboxFaults faults;
        faults.embeddedSignInRefused = true;
        m_sandbox.server->setFaults(faults);
        ConnectWindow *window = open(QStringLiteral("hubspot"), QStringLiteral("Refused inside"));
        QVERIFY(waitForForm(window));
        QVERIFY(!window->browserOffer()->isVisible());
        click(window->page(), QStringLiteral("oauth-signin"));
        WEB_TRY_VERIFY(window->browserOffer()->isVisible());
        QVERIFY(window->browserOffer()->text().contains(QLatin1String("browser")));
        QCOMPARE(window->browserOffer()->buttons().size(), 1);
    }

    void waitingForTheBrowserCanBeCancelled()
    {
        BrowserStandIn browser;
        QDesktopServices::setUrlHandler(QStringLiteral("http"), &browser, "openUrl");
        ConnectWindow *window = open(QStringLiteral("postgresql"), QStringLiteral("Never mind"));
        QSignalSpy finished(window, &ConnectWindow::sessionFinished);
        QVERIFY(waitForForm(window));
        QTest::mouseClick(window->browserButton(), Qt::LeftButton);
        WEB_TRY_COMPARE(window->session()->state(), ConnectSession::State::InBrowser);
        window->reject();
        WEB_TRY_COMPARE(finished.count(), 1);
        QCOMPARE(window->session()->result().outcome, SessionResult::Outcome::Cancelled);
        QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
    }

    void aRendererCrashShowsReloadAndReloadRecovers()
    {
        ConnectWindow *window = open(QStringLiteral("postgresql"), QStringLiteral("Crashed"));
        QSignalSpy finished(window, &ConnectWindow::sessionFinished);
        QSignalSpy terminated(window->page(), &QWebEnginePage::renderProcessTerminated);
        QVERIFY(waitForForm(window));
        window->page()->load(QUrl(QStringLiteral("chrome://crash")));
        WEB_TRY_COMPARE(terminated.count(), 1);
        WEB_TRY_COMPARE(window->currentView(), View::Problem);
        QCOMPARE(window->problemView()->heading(), QStringLiteral("The page stopped working"));
        QCOMPARE(window->problemView()->actionButton()->text(), QStringLiteral("&Reload"));

        QTest::mouseClick(window->problemView()->actionButton(), Qt::LeftButton);
        QVERIFY(waitForForm(window));
        fillPostgres(window->page());
        WEB_TRY_COMPARE(finished.count(), 1);
        QCOMPARE(window->session()->result().outcome, SessionResult::Outcome::Completed);
    }

    void anExpiredSessionEndsWithoutAConnection()
    {
        m_sandbox.server->setSessionTtl(1);
        ConnectWindow *window = open(QStringLiteral("postgresql"), QStringLiteral("Expired"));
        QSignalSpy finished(window, &ConnectWindow::sessionFinished);
        QVERIFY(waitForForm(window));
        // Wait for the server to say the link has expired, not for a fixed time.
        const QUrl modal = window->session()->modalUrl();
        WEB_TRY_COMPARE(HttpClient(modal).get(modal.path()).status, 410);
        fillPostgres(window->page());
        WEB_TRY_COMPARE(finished.count(), 1);
        const SessionResult &result = window->session()->result();
        // The platform made nothing: for the API, the person left without connecting.
        QCOMPARE(result.outcome, SessionResult::Outcome::Cancelled);
        QVERIFY(!result.connection);
        QCOMPARE(result.redirectQuery.value(QLatin1String("sandbox_error")).toString(),
                 QStringLiteral("session_expired"));
        QCOMPARE(window->currentView(), View::Result);
        QVERIFY(!connectionNamed(QStringLiteral("Expired")));
    }

    void thePageKeepsItsSizeWhenItsFormShows()
    {
        ConnectWindow *window = open(QStringLiteral("postgresql"), QStringLiteral("Steady"));
        QSize asItShows;
        connect(window->session(), &ConnectSession::stateChanged, this, [&](State state) {
            if (state == State::InModal)
                asItShows = window->webView()->size();
        });
        QVERIFY(waitForForm(window));
        QVERIFY(!asItShows.isEmpty());
        // What the form's showing changed in the window is laid out now. Laid out again, the
        // page would lay out and draw its form a second time.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QCOMPARE(window->webView()->size(), asItShows);
    }

    void theProblemAndResultViewsAreMadeOnlyWhenNeeded()
    {
        // The window's stack measures every view it has when the window shows, while the modal
        // loads: views it may never show are not made before.
        ConnectWindow *window = open(QStringLiteral("postgresql"), QStringLiteral("Lean"));
        QVERIFY(waitForForm(window));
        QVERIFY(!window->problemView());
        QVERIFY(!window->resultView());
    }

    void aWindowMadeAheadCompletesTheSessionItIsGivenLater()
    {
        m_window = std::make_unique<ConnectWindow>(m_sandbox.provider, false, m_sandbox.settings);
        ConnectWindow *window = m_window.get();
        window->layOutAhead();
        QVERIFY(!window->hasBegun());
        QVERIFY(!window->page());
        SessionRequest request;
        request.name = QStringLiteral("Made ahead");
        request.integrations = {QStringLiteral("postgresql")};
        auto *session = new ConnectSession(m_sandbox.provider, request);
        session->start();
        window->begin(session, m_sandbox.webProfile, nullptr);
        window->setIntegrationName(QStringLiteral("PostgreSQL"));
        QSignalSpy finished(window, &ConnectWindow::sessionFinished);
        window->showSoon();
        QCOMPARE(window->title(), QStringLiteral("Connect PostgreSQL"));
        QVERIFY(waitForForm(window));
        QVERIFY(window->isVisible());
        fillPostgres(window->page());
        WEB_TRY_COMPARE(finished.count(), 1);
        QCOMPARE(window->session()->result().outcome, SessionResult::Outcome::Completed);
        QVERIFY(connectionNamed(QStringLiteral("Made ahead")).has_value());
    }

    void aWindowMadeAheadAndNeverGivenASessionClosesQuietly()
    {
        m_window = std::make_unique<ConnectWindow>(m_sandbox.provider, false, m_sandbox.settings);
        QSignalSpy finished(m_window.get(), &ConnectWindow::sessionFinished);
        m_window->reject();
        QVERIFY(!m_window->isVisible());
        QVERIFY(!m_window->releaseView());
        m_window.reset();
        QCOMPARE(finished.count(), 0);
    }

    void theDetailsShowTheExchangesLiveWithoutSecrets()
    {
        ConnectWindow *window = open(QStringLiteral("postgresql"), QStringLiteral("Detailed"));
        QVERIFY(!window->detailsVisible());
        window->setDetailsVisible(true);
        QVERIFY(window->detailsVisible());
        QVERIFY(waitForForm(window));
        const int before = window->logView()->rowCount();
        QVERIFY(before >= 1);
        fillPostgres(window->page());
        WEB_TRY_VERIFY(window->session()->isFinished());
        QVERIFY(window->logView()->rowCount() > before);
        const QString text = window->logView()->text();
        QVERIFY(text.contains(QLatin1String("/api/connections/connect/")));
        QVERIFY(!text.contains(m_sandbox.server->apiKey()));
        const QString token = window->session()->modalUrl().path().section(QLatin1Char('/'), -1);
        QVERIFY(!token.isEmpty());
        QVERIFY(!text.contains(token));
    }

    void aCustomLogoThatFailsTheCheckGivesWayToOurs()
    {
        const QString path = m_sandbox.path(QStringLiteral("bad.svg"));
        QVERIFY(TestFiles::write(
            path, "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"));
        m_sandbox.settings->setLogoFiles(path, {});
        ConnectWindow *window = open(QStringLiteral("postgresql"), QStringLiteral("Logo"));
        auto *logo = window->findChild<BrandLogo *>();
        QVERIFY(logo);
        QVERIFY(!logo->isCustom());
        QVERIFY(!logo->customLogoProblem().isEmpty());
    }

    void aGoodCustomLogoIsShown()
    {
        const QString path = m_sandbox.path(QStringLiteral("good.svg"));
        QVERIFY(
            TestFiles::write(path,
                             "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 120 40\">"
                             "<rect width=\"120\" height=\"40\" rx=\"8\" fill=\"#0a7\"/></svg>"));
        m_sandbox.settings->setLogoFiles(path, {});
        ConnectWindow *window = open(QStringLiteral("postgresql"), QStringLiteral("Logo good"));
        auto *logo = window->findChild<BrandLogo *>();
        QVERIFY(logo->isCustom());
        // Wide logos keep their proportions.
        QVERIFY(logo->sizeHint().width() > logo->sizeHint().height() * 2);
    }
};

QTEST_MAIN(TestConnectWindow)
#include "tst_connectwindow.moc"
