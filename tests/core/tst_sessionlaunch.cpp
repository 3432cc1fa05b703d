// Specification of the seam between ConnectSession and a platform, on both launch shapes, with
// an in-memory platform (FakePlatform): the session shows what the attempt launches, lets the
// attempt judge every report, and ends with exactly one result.
#include "FakePlatform.h"
#include "core/model/ExchangeLog.h"
#include "core/session/ConnectSession.h"

#include <QSignalSpy>
#include <QTest>

using Kind = PageEvent::Kind;
using Verdict = ConnectAttempt::Verdict;
using Outcome = SessionResult::Outcome;
using State = ConnectSession::State;

class TestSessionLaunch : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakePlatform> m_platform;

    static SessionRequest request()
    {
        SessionRequest request;
        request.name = QStringLiteral("Warehouse");
        request.integrations = {QStringLiteral("salesforce")};
        return request;
    }

    // A hosted page on loopback, whose script reports installed, closed or error.
    static ConnectLaunch hostedPage()
    {
        ConnectLaunch launch;
        launch.shape = ConnectLaunch::Shape::HostedPage;
        launch.url = QUrl(QStringLiteral("http://127.0.0.1:9/host/portal.html"));
        launch.secrets = {QStringLiteral("the-users-token-0123456789")};
        return launch;
    }

    // The platform's page at a URL, done when it reaches the watched URL.
    static ConnectLaunch loadUrl()
    {
        ConnectLaunch launch;
        launch.shape = ConnectLaunch::Shape::LoadUrl;
        launch.url = QUrl(QStringLiteral("https://platform.invalid/modal/abc"));
        launch.watch = UrlWatch(QUrl(QStringLiteral("http://127.0.0.1:9/done")),
                                QStringLiteral("state"), QStringLiteral("per-session-value"));
        return launch;
    }

    static Connection healthy()
    {
        Connection connection;
        connection.id = QStringLiteral("c-1");
        connection.name = QStringLiteral("Warehouse");
        connection.status = QStringLiteral("healthy");
        connection.typeId = QStringLiteral("salesforce");
        return connection;
    }

    // Starts `session` and shows its page: the window's part, up to the person being in it.
    static bool startIntoThePage(ConnectSession &session)
    {
        QSignalSpy load(&session, &ConnectSession::loadModal);
        session.start();
        if (!load.wait(5000))
            return false;
        session.modalReady();
        return session.state() == State::InModal;
    }

private Q_SLOTS:
    void init() { m_platform = std::make_unique<FakePlatform>(); }

    void aHostedPageIsLoadedFromWhereTheAttemptLaunchedIt()
    {
        m_platform->launch = hostedPage();
        ConnectSession session(m_platform.get(), request());
        QSignalSpy load(&session, &ConnectSession::loadModal);
        session.start();
        QVERIFY(load.wait(5000));
        QCOMPARE(load.constFirst().constFirst().toUrl(), hostedPage().url);
        QCOMPARE(session.launch().shape, ConnectLaunch::Shape::HostedPage);
        QCOMPARE(m_platform->attempts.size(), 1);
        QCOMPARE(m_platform->attempts.constFirst()->request.name, QStringLiteral("Warehouse"));
    }

    void anInstalledReportIsConfirmedWithThePlatformAndCompletes()
    {
        m_platform->launch = hostedPage();
        m_platform->verdicts.insert(Kind::Installed, Verdict::Confirm);
        m_platform->confirmed = healthy();
        ConnectSession session(m_platform.get(), request());
        QSignalSpy finished(&session, &ConnectSession::finished);
        QVERIFY(startIntoThePage(session));
        session.report(
            {Kind::Installed, {}, {{QStringLiteral("credentialId"), QStringLiteral("c-1")}}});
        QCOMPARE(session.state(), State::Confirming);
        QVERIFY(finished.wait(5000));
        QCOMPARE(session.result().outcome, Outcome::Completed);
        QCOMPARE(session.result().connection->id, QStringLiteral("c-1"));
        QCOMPARE(m_platform->attempts.constFirst()->confirms, 1);
    }

    void aClosedReportCancels()
    {
        m_platform->launch = hostedPage();
        m_platform->verdicts.insert(Kind::Closed, Verdict::Cancel);
        ConnectSession session(m_platform.get(), request());
        QVERIFY(startIntoThePage(session));
        session.report({Kind::Closed, {}, {}});
        QVERIFY(session.isFinished());
        QCOMPARE(session.result().outcome, Outcome::Cancelled);
        QCOMPARE(m_platform->attempts.constFirst()->confirms, 0);
    }

    void anErrorReportFailsWithTheAttemptsReason()
    {
        m_platform->launch = hostedPage();
        m_platform->verdicts.insert(Kind::Error, Verdict::Fail);
        ConnectSession session(m_platform.get(), request());
        QVERIFY(startIntoThePage(session));
        session.report({Kind::Error, {}, {{QStringLiteral("message"), QStringLiteral("boom")}}});
        QCOMPARE(session.result().outcome, Outcome::Failed);
        QCOMPARE(session.result().errorCode, m_platform->failCode);
        QCOMPARE(session.result().errorMessage, m_platform->failMessage);
    }

    void aReportTheAttemptIgnoresChangesNothing()
    {
        m_platform->launch = hostedPage();
        ConnectSession session(m_platform.get(), request());
        QVERIFY(startIntoThePage(session));
        session.report({Kind::Installed, {}, {}}); // no verdict for it: Ignore
        QCOMPARE(session.state(), State::InModal);
        QVERIFY(!session.isFinished());
    }

    void theWatchedUrlEndsALoadedPagesPart()
    {
        m_platform->launch = loadUrl();
        m_platform->verdicts.insert(Kind::UrlReached, Verdict::Confirm);
        ConnectSession session(m_platform.get(), request());
        QSignalSpy finished(&session, &ConnectSession::finished);
        QVERIFY(startIntoThePage(session));
        QCOMPARE(session.launch().watch.url(), loadUrl().watch.url());
        QUrl nearMiss = loadUrl().watch.url();
        nearMiss.setPath(QStringLiteral("/done/"));
        session.report(PageEvent::urlReached(nearMiss));
        QCOMPARE(session.state(), State::InModal);
        session.report(PageEvent::urlReached(loadUrl().watch.url()));
        QVERIFY(finished.wait(5000));
        QCOMPARE(session.result().outcome, Outcome::Cancelled); // the platform found nothing
    }

    void whatTheAttemptHearsByItsOwnChannelIsJudgedAsThePagesReportsAre()
    {
        m_platform->launch = hostedPage();
        m_platform->verdicts.insert(Kind::Closed, Verdict::Cancel);
        ConnectSession session(m_platform.get(), request());
        QVERIFY(startIntoThePage(session));
        m_platform->attempts.constFirst()->hear({Kind::Closed, {}, {}});
        QCOMPARE(session.result().outcome, Outcome::Cancelled);
    }

    void aLaunchThatFailsEndsTheSessionWithItsReason()
    {
        m_platform->launchFailure =
            ApiFailure::configuration(QStringLiteral("token_refused"),
                                      QStringLiteral("The backend refused the user's token."));
        ConnectSession session(m_platform.get(), request());
        QSignalSpy finished(&session, &ConnectSession::finished);
        session.start();
        QVERIFY(finished.wait(5000));
        QCOMPARE(session.result().outcome, Outcome::Failed);
        QCOMPARE(session.result().errorCode, QStringLiteral("token_refused"));
        QCOMPARE(session.result().errorMessage,
                 QStringLiteral("The backend refused the user's token."));
    }

    void twoReportsStillGiveOneResult()
    {
        m_platform->launch = hostedPage();
        m_platform->verdicts.insert(Kind::Installed, Verdict::Confirm);
        m_platform->verdicts.insert(Kind::Closed, Verdict::Cancel);
        m_platform->confirmed = healthy();
        ConnectSession session(m_platform.get(), request());
        QSignalSpy finished(&session, &ConnectSession::finished);
        QVERIFY(startIntoThePage(session));
        session.report({Kind::Installed, {}, {}});
        session.report({Kind::Closed, {}, {}}); // the portal closes after installing, as it does
        QVERIFY(finished.wait(5000));
        QTest::qWait(20);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(session.result().outcome, Outcome::Completed);
    }

    void theLaunchsSecretsNeverReachTheLog()
    {
        m_platform->launch = hostedPage();
        m_platform->launch.url.setQuery(QStringLiteral("token=the-users-token-0123456789"));
        m_platform->launch.secrets = {QStringLiteral("the-users-token-0123456789")};
        ConnectSession session(m_platform.get(), request());
        QVERIFY(startIntoThePage(session));
        session.rendererCrashed(); // logs the page's address
        QVERIFY(session.log()->toText().contains(QLatin1String("127.0.0.1")));
        QVERIFY(!session.log()->toText().contains(QLatin1String("the-users-token-0123456789")));
    }

    void anAttemptThatCannotGoToTheBrowserIsNotOfferedIt()
    {
        m_platform->launch = hostedPage();
        ConnectSession session(m_platform.get(), request());
        QVERIFY(startIntoThePage(session));
        QVERIFY(!session.canContinueInBrowser());
        session.continueInBrowser();
        QCOMPARE(session.state(), State::InModal);
        QCOMPARE(m_platform->attempts.constFirst()->launches, 1);
    }

    void anAttemptThatCanIsLaunchedAgainForTheBrowser()
    {
        m_platform->launch = loadUrl();
        m_platform->browserSupported = true;
        ConnectSession session(m_platform.get(), request());
        QSignalSpy browser(&session, &ConnectSession::openInBrowser);
        QVERIFY(startIntoThePage(session));
        session.continueInBrowser();
        QVERIFY(browser.wait(5000));
        QCOMPARE(m_platform->attempts.constFirst()->launches, 2);
        QVERIFY(m_platform->attempts.constFirst()->browserHasIt);
    }

    void theAttemptIsEndedOnceWithTheSession()
    {
        m_platform->launch = hostedPage();
        ConnectSession session(m_platform.get(), request());
        QVERIFY(startIntoThePage(session));
        session.cancel();
        session.cancel();
        QCOMPARE(m_platform->attempts.constFirst()->ends, 1);
    }
};

QTEST_GUILESS_MAIN(TestSessionLaunch)
#include "tst_sessionlaunch.moc"
