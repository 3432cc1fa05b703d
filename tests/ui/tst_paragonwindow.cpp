// Specification: the connect window hosts a Paragon session as it hosts a Polytomic one: the
// app's host page runs Paragon's real SDK (bundled) against the Paragon sandbox on 127.0.0.1, the
// portal shows in the window, its OAuth popup in a window of its own, and every way of leaving
// gives exactly one result. The sandbox's portal is a cross-origin frame: the tests press its
// buttons by the stand-in's own test message (what a person's click does), the popup's by script.
#include "ParagonPortal.h"
#include "SandboxFixture.h"
#include "WebTestSupport.h"
#include "core/model/ExchangeLog.h"
#include "core/paragon/ParagonProvider.h"
#include "core/settings/AppSettings.h"
#include "sandbox/paragon/ParagonSandbox.h"
#include "ui/ConnectWindow.h"
#include "ui/PopupWindow.h"
#include "ui/SessionResultView.h"
#include "ui/StatusBadge.h"
#include "web/ConnectWebPage.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>
#include <QWebEngineProfile>

#include <memory>

using namespace WebTest;
using View = ConnectWindow::View;

class TestParagonWindow : public QObject
{
    Q_OBJECT

    SandboxFixture m_fixture; // settings and a web profile in a folder of their own
    std::unique_ptr<ParagonSandbox> m_sandbox;
    std::unique_ptr<ParagonProvider> m_provider;
    std::unique_ptr<ConnectWindow> m_window;

    void startSandbox(const ParagonSandboxOptions &options = {})
    {
        m_window.reset();
        m_provider.reset();
        m_sandbox = std::make_unique<ParagonSandbox>(options);
        QString error;
        QVERIFY2(m_sandbox->start(&error), qPrintable(error));
        ParagonEndpoint endpoint;
        endpoint.projectId = m_sandbox->projectId();
        endpoint.environments = m_sandbox->environments();
        endpoint.tokenUrl = m_sandbox->tokenUrl();
        QUrlQuery query(endpoint.tokenUrl);
        query.addQueryItem(QStringLiteral("sub"), QStringLiteral("window-user"));
        endpoint.tokenUrl.setQuery(query);
        m_provider = std::make_unique<ParagonProvider>(endpoint);
    }

    ConnectWindow *open(const QString &type, bool dark = false, const QString &credential = {},
                        int loadTimeoutMs = 0)
    {
        SessionRequest request;
        request.integrations = {type};
        request.dark = dark;
        request.connectionId = credential;
        m_window = std::make_unique<ConnectWindow>(m_provider.get(), request, m_fixture.webProfile,
                                                   m_fixture.settings);
        if (loadTimeoutMs > 0)
            m_window->session()->setModalLoadTimeout(loadTimeoutMs);
        m_window->show();
        m_window->start();
        return m_window.get();
    }

    int credentialCount()
    {
        int count = -1;
        bool done = false;
        m_provider->fetchConnections(this, [&](const Result<QList<Connection>> &result) {
            count = result.ok() ? int(result.value->size()) : -1;
            done = true;
        });
        waitUntil([&] { return done; });
        return count;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_fixture.start({}, &error), qPrintable(error));
    }

    void init() { startSandbox(); }

    void cleanup()
    {
        m_window.reset(); // pages go before their profile
        m_provider.reset();
        m_sandbox.reset();
    }

    void thePortalShowsInTheWindowOnceTheSdkOpensIt()
    {
        ConnectWindow *window = open(QStringLiteral("salesforce"));
        QVERIFY(waitUntil([&] { return window->currentView() == View::Modal; }));
        QCOMPARE(window->session()->launch().shape, ConnectLaunch::Shape::HostedPage);
        QCOMPARE(window->page()->url().host(), QStringLiteral("127.0.0.1"));
    }

    void theHeaderPromisesNoNameParagonDoesNotGiveTheCredential()
    {
        SessionRequest request;
        request.integrations = {QStringLiteral("hubspot")};
        request.name = QStringLiteral("HubSpot 2026-12-04"); // from the app's name template
        m_window = std::make_unique<ConnectWindow>(m_provider.get(), request, m_fixture.webProfile,
                                                   m_fixture.settings);
        m_window->show();
        m_window->start();
        QVERIFY(waitUntil([&] { return m_window->currentView() == View::Modal; }));
        for (const QLabel *label : m_window->findChildren<QLabel *>())
            QVERIFY2(!label->text().contains(request.name), qPrintable(label->text()));
    }

    void connectingInThePortalAndClosingItCompletesWithTheCredential()
    {
        ConnectWindow *window = open(QStringLiteral("hubspot"));
        QSignalSpy finished(window, &ConnectWindow::sessionFinished);
        QVERIFY(ParagonPortal::signIn(window));
        ParagonPortal::press(window, QStringLiteral("close"));
        QVERIFY(waitUntil([&] { return finished.count() == 1; }));
        const SessionResult &result = window->session()->result();
        QCOMPARE(result.outcome, SessionResult::Outcome::Completed);
        QCOMPARE(result.integration, QStringLiteral("hubspot"));
        QVERIFY(result.connection.has_value());
        QVERIFY(!result.connection->id.isEmpty());
        QCOMPARE(result.connection->status, QStringLiteral("healthy"));
        QCOMPARE(window->currentView(), View::Result);
        QCOMPARE(window->resultView()->badge()->tone(), StatusBadge::Tone::Good);
        QCOMPARE(credentialCount(), 1);
    }

    void closingThePortalBeforeConnectingIsACancel()
    {
        ConnectWindow *window = open(QStringLiteral("slack"));
        QSignalSpy finished(window, &ConnectWindow::sessionFinished);
        QVERIFY(waitUntil([&] { return window->currentView() == View::Modal; }));
        ParagonPortal::press(window, QStringLiteral("close"));
        QVERIFY(waitUntil([&] { return finished.count() == 1; }));
        QCOMPARE(window->session()->result().outcome, SessionResult::Outcome::Cancelled);
    }

    void escapeBeforeConnectingIsACancel()
    {
        ConnectWindow *window = open(QStringLiteral("slack"));
        QSignalSpy finished(window, &ConnectWindow::sessionFinished);
        QVERIFY(waitUntil([&] { return window->currentView() == View::Modal; }));
        window->reject();
        QVERIFY(waitUntil([&] { return finished.count() == 1; }));
        QCOMPARE(window->session()->result().outcome, SessionResult::Outcome::Cancelled);
    }

    void closingTheWindowAfterConnectingIsCompletedNotCancelled()
    {
        ConnectWindow *window = open(QStringLiteral("jira"));
        QSignalSpy finished(window, &ConnectWindow::sessionFinished);
        QVERIFY(ParagonPortal::signIn(window));
        QVERIFY(waitUntil([&] { return credentialCount() == 1; }));
        // The host page heard of the install before the person leaves.
        QVERIFY(waitUntil([&] {
            return window->session()->log()->toText().contains(QStringLiteral("installed"));
        }));
        window->reject();
        QVERIFY(waitUntil([&] { return finished.count() == 1; }));
        QCOMPARE(window->session()->result().outcome, SessionResult::Outcome::Completed);
    }

    void aDeniedConsentFailsWithTheReason()
    {
        ConnectWindow *window = open(QStringLiteral("notion"));
        QSignalSpy finished(window, &ConnectWindow::sessionFinished);
        QVERIFY(ParagonPortal::signIn(window, QStringLiteral("deny")));
        QVERIFY(waitUntil([&] { return finished.count() == 1; }));
        const SessionResult &result = window->session()->result();
        QCOMPARE(result.outcome, SessionResult::Outcome::Failed);
        QVERIFY(!result.errorMessage.isEmpty());
        QCOMPARE(credentialCount(), 0);
    }

    void anIntegrationTheProjectDoesNotHaveFailsAndNamesIt()
    {
        ConnectWindow *window = open(QStringLiteral("no_such_integration"));
        QSignalSpy finished(window, &ConnectWindow::sessionFinished);
        QVERIFY(waitUntil([&] { return finished.count() == 1; }));
        const SessionResult &result = window->session()->result();
        QCOMPARE(result.outcome, SessionResult::Outcome::Failed);
        QCOMPARE(result.errorCode, QStringLiteral("unknown_integration"));
        QVERIFY(result.errorMessage.contains(QStringLiteral("no_such_integration")));
    }

    void reconnectingReauthenticatesTheSameCredential()
    {
        {
            ConnectWindow *first = open(QStringLiteral("zendesk"));
            QSignalSpy finished(first, &ConnectWindow::sessionFinished);
            QVERIFY(ParagonPortal::signIn(first));
            ParagonPortal::press(first, QStringLiteral("close"));
            QVERIFY(waitUntil([&] { return finished.count() == 1; }));
        }
        const QString id = m_window->session()->result().connection->id;
        ConnectWindow *again = open(QStringLiteral("zendesk"), false, id);
        QSignalSpy finished(again, &ConnectWindow::sessionFinished);
        QVERIFY(ParagonPortal::signIn(again));
        ParagonPortal::press(again, QStringLiteral("close"));
        QVERIFY(waitUntil([&] { return finished.count() == 1; }));
        QCOMPARE(again->session()->result().outcome, SessionResult::Outcome::Completed);
        QCOMPARE(again->session()->result().connection->id, id);
        QCOMPARE(credentialCount(), 1);
    }

    void aPopupThatLosesItsOpenerStillCompletes()
    {
        ParagonSandboxOptions options;
        options.popupLosesOpener = true;
        startSandbox(options);
        ConnectWindow *window = open(QStringLiteral("asana"));
        QSignalSpy finished(window, &ConnectWindow::sessionFinished);
        QVERIFY(ParagonPortal::signIn(window));
        QVERIFY(waitUntil([&] { return credentialCount() == 1; }, 30000));
        QVERIFY(waitUntil(
            [&] {
                return window->session()->log()->toText().contains(QStringLiteral("installed"));
            },
            30000));
        window->reject();
        QVERIFY(waitUntil([&] { return finished.count() == 1; }));
        QCOMPARE(window->session()->result().outcome, SessionResult::Outcome::Completed);
    }

    void aPortalThatNeverShowsBecomesAProblemToRetry()
    {
        ParagonSandboxOptions options;
        options.blankPortal = true;
        startSandbox(options);
        ConnectWindow *window = open(QStringLiteral("salesforce"), false, {}, 3000);
        QVERIFY(waitUntil([&] { return window->currentView() == View::Problem; }));
        QCOMPARE(window->session()->problemCode(), QStringLiteral("modal_timeout"));
    }

    void aForgedTokenFailsWithWhatToCheck()
    {
        ParagonSandboxOptions options;
        options.tokenFault = QStringLiteral("forged");
        startSandbox(options);
        ConnectWindow *window = open(QStringLiteral("salesforce"));
        QSignalSpy finished(window, &ConnectWindow::sessionFinished);
        QVERIFY(waitUntil([&] { return finished.count() == 1; }));
        const SessionResult &result = window->session()->result();
        QCOMPARE(result.outcome, SessionResult::Outcome::Failed);
        QCOMPARE(result.errorCode, QStringLiteral("token_refused"));
    }

    void theHostPageFollowsTheAppsDarkTheme()
    {
        ConnectWindow *window = open(QStringLiteral("salesforce"), true);
        QVERIFY(waitUntil([&] { return window->currentView() == View::Modal; }));
        QCOMPARE(evaluate(window->page(), QStringLiteral("document.documentElement.dataset.theme"))
                     .toString(),
                 QStringLiteral("dark"));
    }

    void aTokenAboutToExpireIsRenewedAndTheSessionGoesOn()
    {
        // Tokens signed here for 62 s: the page renews a minute before expiry, so at once.
        ParagonEndpoint endpoint = m_provider->endpoint();
        endpoint.tokenSource = ParagonEndpoint::TokenSource::SigningKey;
        endpoint.signingKeyPem = m_sandbox->signingKeyPem();
        endpoint.userId = QStringLiteral("window-user");
        endpoint.tokenLifetimeSeconds = 62;
        m_provider = std::make_unique<ParagonProvider>(endpoint);
        int pageAskedForTheUser = 0;
        connect(m_sandbox.get(), &ParagonSandbox::requestServed, this,
                [&](const QString &method, const QString &path, int status) {
                    if (method == QLatin1String("GET") && path.endsWith(QLatin1String("/sdk/me"))
                        && status == 200)
                        ++pageAskedForTheUser;
                });
        ConnectWindow *window = open(QStringLiteral("hubspot"));
        QSignalSpy finished(window, &ConnectWindow::sessionFinished);
        QVERIFY(waitUntil([&] { return window->currentView() == View::Modal; }));
        const int before = pageAskedForTheUser; // the SDK's authenticate, the app's own look
        // The renewal authenticates the SDK again, with a token the app made just now.
        QVERIFY(waitUntil([&] { return pageAskedForTheUser > before; }, 10000));
        QVERIFY(ParagonPortal::signIn(window));
        ParagonPortal::press(window, QStringLiteral("close"));
        QVERIFY(waitUntil([&] { return finished.count() == 1; }));
        QCOMPARE(window->session()->result().outcome, SessionResult::Outcome::Completed);
    }

    void theUserTokenNeverReachesTheExchangeLogOrThePagesAddress()
    {
        ConnectWindow *window = open(QStringLiteral("hubspot"));
        QSignalSpy finished(window, &ConnectWindow::sessionFinished);
        QVERIFY(ParagonPortal::signIn(window));
        ParagonPortal::press(window, QStringLiteral("close"));
        QVERIFY(waitUntil([&] { return finished.count() == 1; }));
        const QString token = window->session()->launch().secrets.value(0);
        QVERIFY(!token.isEmpty());
        const QString log = window->session()->log()->toText();
        QVERIFY(!log.contains(token));
        // Nor any piece of it long enough to be replayed.
        QVERIFY(!log.contains(token.section(QLatin1Char('.'), 2)));
        QVERIFY(!window->page()->url().toString().contains(token));
    }
};

QTEST_MAIN(TestParagonWindow)
#include "tst_paragonwindow.moc"
