// Specification: a connect session's states and its single result, against the real sandbox.
// The modal is completed over HTTP here (the web tests drive it in a real page); the session's
// inputs are its public slots, as the window calls them.
#include "HttpClient.h"
#include "ModalOverHttp.h"
#include "core/model/ExchangeLog.h"
#include "core/polytomic/PolytomicProvider.h"
#include "core/session/ConnectSession.h"
#include "sandbox/SandboxServer.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

class TestConnectSession : public QObject
{
    Q_OBJECT

    SandboxServer *m_server = nullptr;
    PolytomicProvider *m_provider = nullptr;

    SessionRequest request(const QString &name,
                           const QStringList &types = {QStringLiteral("postgresql")})
    {
        SessionRequest request;
        request.name = name;
        request.integrations = types;
        return request;
    }

    // Starts `session` and waits until it asks for the modal.
    QUrl startUntilModal(ConnectSession &session)
    {
        QSignalSpy load(&session, &ConnectSession::loadModal);
        session.start();
        [&] {
            QTRY_COMPARE_WITH_TIMEOUT(load.count(), 1, 20000);
        }();
        return load.isEmpty() ? QUrl() : load.constFirst().constFirst().toUrl();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = new SandboxServer({}, this);
        QVERIFY(m_server->start());
        ApiEndpoint endpoint;
        endpoint.baseUrl = m_server->url();
        endpoint.apiKey = m_server->apiKey();
        endpoint.backoffMs = 20;
        endpoint.timeoutMs = 5000;
        m_provider = new PolytomicProvider(endpoint, this);
    }

    void cleanup() { m_server->setFaults({}); }

    void theRedirectIsALoopbackUrlWithAPerSessionValue()
    {
        ConnectSession a(m_provider, request(QStringLiteral("A")));
        ConnectSession b(m_provider, request(QStringLiteral("B")));
        startUntilModal(a);
        startUntilModal(b);
        const QUrl redirect = a.launch().watch.url();
        QCOMPARE(redirect.scheme(), QStringLiteral("http"));
        QCOMPARE(redirect.host(), QStringLiteral("127.0.0.1"));
        QVERIFY(redirect.port() > 0);
        QVERIFY(a.launch().watch.matches(redirect));
        QVERIFY(!a.launch().watch.matches(b.launch().watch.url()));
        a.cancel();
        b.cancel();
    }

    void completingTheModalConfirmsTheConnectionWithTheApi()
    {
        ConnectSession session(m_provider, request(QStringLiteral("Warehouse")));
        QSignalSpy finished(&session, &ConnectSession::finished);
        const QUrl modal = startUntilModal(session);
        session.modalReady();
        QCOMPARE(session.state(), ConnectSession::State::InModal);
        session.report(PageEvent::urlReached(ModalOverHttp::completePostgres(modal)));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        const SessionResult result = session.result();
        QCOMPARE(result.outcome, SessionResult::Outcome::Completed);
        QCOMPARE(result.connection->name, QStringLiteral("Warehouse"));
        QCOMPARE(result.connection->status, QStringLiteral("healthy"));
        QCOMPARE(result.integration, QStringLiteral("postgresql"));
        QCOMPARE(result.redirectQuery.value(QLatin1String("sandbox_result")).toString(),
                 QStringLiteral("connected"));
        QVERIFY(!result.redirectQuery.contains(
            QLatin1String("state"))); // the app's own value stays private
        QVERIFY(result.timingsMs.contains(QStringLiteral("confirm")));
    }

    void anUnhealthyConnectionIsAFailureThatSaysWhy()
    {
        ConnectSession session(m_provider, request(QStringLiteral("Sick")));
        QSignalSpy finished(&session, &ConnectSession::finished);
        const QUrl modal = startUntilModal(session);
        session.modalReady();
        session.report(PageEvent::urlReached(ModalOverHttp::completePostgres(
            modal, QStringLiteral("secret"), QStringLiteral("unhealthy"))));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QCOMPARE(session.result().outcome, SessionResult::Outcome::Failed);
        QCOMPARE(session.result().errorCode, QStringLiteral("connection_unhealthy"));
        QVERIFY(session.result().errorMessage.contains(QLatin1String("unhealthy")));
        QCOMPARE(session.result().connection->name,
                 QStringLiteral("Sick")); // it exists, to reconnect
    }

    void leavingTheModalWithoutConnectingIsCancelled()
    {
        ConnectSession session(m_provider, request(QStringLiteral("Left")));
        QSignalSpy finished(&session, &ConnectSession::finished);
        const QUrl modal = startUntilModal(session);
        session.modalReady();
        session.report(PageEvent::urlReached(ModalOverHttp::close(modal)));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QCOMPARE(session.result().outcome, SessionResult::Outcome::Cancelled);
        QVERIFY(!session.result().connection);
    }

    void aLoadedPageIsNotReadyUntilTheWindowSaysSo()
    {
        ConnectSession session(m_provider, request(QStringLiteral("Blank page")));
        startUntilModal(session);
        session.modalLoadFinished(true); // a blank page loads fine too
        QCOMPARE(session.state(), ConnectSession::State::Loading);
        session.modalReady();
        QCOMPARE(session.state(), ConnectSession::State::InModal);
        session.cancel();
    }

    void aNearMissRedirectIsNotCompletion()
    {
        ConnectSession session(m_provider, request(QStringLiteral("Near miss")));
        startUntilModal(session);
        session.modalReady();
        QUrl nearMiss = session.launch().watch.url();
        nearMiss.setPort(nearMiss.port() + 1);
        session.report(PageEvent::urlReached(nearMiss));
        QCOMPARE(session.state(), ConnectSession::State::InModal);
        session.cancel();
    }

    void closingTheWindowGivesOneCancelledResult()
    {
        ConnectSession session(m_provider, request(QStringLiteral("Closed")));
        QSignalSpy finished(&session, &ConnectSession::finished);
        startUntilModal(session);
        session.cancel();
        session.cancel();
        session.rendererCrashed();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(session.result().outcome, SessionResult::Outcome::Cancelled);
    }

    void closingWhileRequestingIsCancelledAndTheLateAnswerIsIgnored()
    {
        SandboxFaults faults;
        faults.latencyMs = 300;
        m_server->setFaults(faults);
        ConnectSession session(m_provider, request(QStringLiteral("Early close")));
        QSignalSpy finished(&session, &ConnectSession::finished);
        QSignalSpy load(&session, &ConnectSession::loadModal);
        QSignalSpy served(m_server, &SandboxServer::requestServed);
        session.start();
        QCOMPARE(session.state(), ConnectSession::State::Requesting);
        session.cancel();
        QCOMPARE(finished.count(), 1);
        // The answer still arrives; it must not revive the session.
        QTRY_COMPARE_WITH_TIMEOUT(served.count(), 1, 5000);
        QVERIFY(!load.wait(500));
        QCOMPARE(session.state(), ConnectSession::State::Finished);
    }

    void anApiFailureFailsWithItsMessage()
    {
        SandboxFaults faults;
        faults.forcedStatus = 401;
        m_server->setFaults(faults);
        ConnectSession session(m_provider, request(QStringLiteral("Unauthorized")));
        QSignalSpy finished(&session, &ConnectSession::finished);
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QCOMPARE(session.result().outcome, SessionResult::Outcome::Failed);
        QCOMPARE(session.result().errorCode, QStringLiteral("unauthorized"));
        QVERIFY(session.result().errorMessage.contains(QLatin1String("key")));
    }

    void aModalThatFailsToLoadIsAProblemAndClosingThenFails()
    {
        ConnectSession session(m_provider, request(QStringLiteral("Load failure")));
        QSignalSpy finished(&session, &ConnectSession::finished);
        startUntilModal(session);
        session.modalLoadFinished(false);
        QCOMPARE(session.state(), ConnectSession::State::Problem);
        QVERIFY(!session.problem().isEmpty());
        session.cancel();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(session.result().outcome, SessionResult::Outcome::Failed);
        QCOMPARE(session.result().errorCode, QStringLiteral("modal_load_failed"));
    }

    void anInvalidCertificateWhileLoadingIsAProblemThatSaysSo()
    {
        ConnectSession session(m_provider, request(QStringLiteral("Bad certificate")));
        QSignalSpy finished(&session, &ConnectSession::finished);
        startUntilModal(session);
        session.modalCertificateRefused(QUrl(QStringLiteral("https://app.example.com/connect/x")),
                                        QStringLiteral("Server's certificate is not trusted."));
        QCOMPARE(session.state(), ConnectSession::State::Problem);
        QCOMPARE(session.problemCode(), QStringLiteral("certificate_error"));
        QVERIFY(session.problem().contains(QLatin1String("app.example.com")));
        session.cancel();
        QCOMPARE(session.result().errorCode, QStringLiteral("certificate_error"));
    }

    void whatThePageTriedIsInTheSupportLog()
    {
        ConnectSession session(m_provider, request(QStringLiteral("Logged refusal")));
        startUntilModal(session);
        session.pageBlocked(QStringLiteral("camera"), QUrl(QStringLiteral("http://127.0.0.1:1/")));
        QVERIFY(session.log()->toText().contains(QLatin1String("camera")));
        session.cancel();
    }

    void retryLoadsTheModalAgain()
    {
        ConnectSession session(m_provider, request(QStringLiteral("Retried")));
        QSignalSpy load(&session, &ConnectSession::loadModal);
        const QUrl modal = startUntilModal(session);
        session.rendererCrashed();
        QCOMPARE(session.state(), ConnectSession::State::Problem);
        session.retry();
        QCOMPARE(session.state(), ConnectSession::State::Loading);
        QCOMPARE(load.count(), 2);
        QCOMPARE(load.last().constFirst().toUrl(), modal);
        session.cancel();
    }

    void aHungModalBecomesAProblem()
    {
        ConnectSession session(m_provider, request(QStringLiteral("Hung")));
        session.setModalLoadTimeout(200);
        QSignalSpy states(&session, &ConnectSession::stateChanged);
        startUntilModal(session);
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), ConnectSession::State::Problem, 5000);
        QCOMPARE(session.result().outcome,
                 SessionResult::Outcome::Cancelled); // nothing decided yet
        QVERIFY(!session.isFinished());
        session.cancel();
        QCOMPARE(session.result().errorCode, QStringLiteral("modal_timeout"));
    }

    void closingWhileConfirmingWaitsForTheConfirmation()
    {
        ConnectSession session(m_provider, request(QStringLiteral("Confirm wins")));
        QSignalSpy finished(&session, &ConnectSession::finished);
        const QUrl modal = startUntilModal(session);
        session.modalReady();
        session.report(PageEvent::urlReached(ModalOverHttp::completePostgres(modal)));
        session.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QCOMPARE(session.result().outcome, SessionResult::Outcome::Completed);
    }

    void aConfirmationThatFailsIsAFailure()
    {
        ConnectSession session(m_provider, request(QStringLiteral("Unconfirmed")));
        QSignalSpy finished(&session, &ConnectSession::finished);
        const QUrl modal = startUntilModal(session);
        session.modalReady();
        const QUrl redirect = ModalOverHttp::completePostgres(modal);
        SandboxFaults faults;
        faults.forcedStatus = 500;
        m_server->setFaults(faults);
        session.report(PageEvent::urlReached(redirect));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QCOMPARE(session.result().outcome, SessionResult::Outcome::Failed);
        QCOMPARE(session.result().errorCode, QStringLiteral("server_error"));
    }

    void updateModeConfirmsTheSameConnection()
    {
        ConnectSession first(m_provider, request(QStringLiteral("To update")));
        QSignalSpy done(&first, &ConnectSession::finished);
        const QUrl modal = startUntilModal(first);
        first.report(PageEvent::urlReached(ModalOverHttp::completePostgres(modal)));
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 20000);
        const QString id = first.result().connection->id;

        SessionRequest update = request(QStringLiteral("To update"), {});
        update.connectionId = id;
        ConnectSession second(m_provider, update);
        QSignalSpy finished(&second, &ConnectSession::finished);
        const QUrl again = startUntilModal(second);
        second.report(PageEvent::urlReached(ModalOverHttp::completePostgres(again)));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QCOMPARE(second.result().outcome, SessionResult::Outcome::Completed);
        QCOMPARE(second.result().connection->id, id);
    }

    void theSessionLogHasNoSecrets()
    {
        ConnectSession session(m_provider, request(QStringLiteral("Logged")));
        QSignalSpy finished(&session, &ConnectSession::finished);
        const QUrl modal = startUntilModal(session);
        const QUrl redirect = ModalOverHttp::completePostgres(modal);
        session.report(PageEvent::urlReached(redirect));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        const QString text = session.log()->toText();
        QVERIFY(text.contains(QLatin1String("/api/connections/connect/")));
        QVERIFY(!text.contains(m_server->apiKey()));
        QVERIFY(!text.contains(session.launch().watch.value()));
        QVERIFY(!text.contains(modal.path().section(QLatin1Char('/'), 2, 2))); // the session token
    }

    // Starts a session, shows the modal, hands off to the browser, and returns the browser's URL.
    QUrl handOff(ConnectSession &session)
    {
        QSignalSpy browser(&session, &ConnectSession::openInBrowser);
        const QUrl embedded = startUntilModal(session);
        session.modalReady();
        [&] {
            QVERIFY(session.canContinueInBrowser());
            session.continueInBrowser();
            QTRY_COMPARE_WITH_TIMEOUT(browser.count(), 1, 20000);
            QCOMPARE(session.state(), ConnectSession::State::InBrowser);
            QVERIFY(browser.constFirst().constFirst().toUrl() != embedded); // a fresh session
        }();
        return browser.isEmpty() ? QUrl() : browser.constFirst().constFirst().toUrl();
    }

    void continuingInTheBrowserAsksForAFreshSession()
    {
        ConnectSession session(m_provider, request(QStringLiteral("Browser fresh")));
        const int before = m_server->receivedRequests().size();
        const QUrl browserUrl = handOff(session);
        QVERIFY(browserUrl.scheme().startsWith(QLatin1String("http")));
        QList<QString> keys;
        for (const auto &received : m_server->receivedRequests().mid(before)) {
            if (received.method == QLatin1String("POST"))
                keys.append(received.idempotencyKey);
        }
        QCOMPARE(keys.size(), 2);
        QVERIFY(keys.at(0) != keys.at(1)); // a new attempt, not a retry
        session.cancel();
        QCOMPARE(session.result().outcome, SessionResult::Outcome::Cancelled);
    }

    void theBrowserComesBackOnTheLoopbackListener()
    {
        ConnectSession session(m_provider, request(QStringLiteral("Via browser")));
        QSignalSpy finished(&session, &ConnectSession::finished);
        const QUrl browserUrl = handOff(session);
        // The system browser's part: the modal, then the redirect to the app's listener.
        const QUrl redirect = ModalOverHttp::completePostgres(browserUrl);
        QCOMPARE(redirect.host(), QStringLiteral("127.0.0.1"));
        HttpClient browser(redirect);
        const HttpResult page = browser.get(redirect.toString(QUrl::FullyEncoded));
        QCOMPARE(page.status, 200);
        QVERIFY(page.body.contains("You can close this tab"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QCOMPARE(session.result().outcome, SessionResult::Outcome::Completed);
        QCOMPARE(session.result().connection->name, QStringLiteral("Via browser"));
    }

    void theListenerAnswersNothingButTheExactRedirect()
    {
        ConnectSession session(m_provider, request(QStringLiteral("Probed")));
        handOff(session);
        const QUrl exact = session.launch().watch.url();
        HttpClient client(exact);
        QUrl wrongValue = exact;
        wrongValue.setQuery(QStringLiteral("state=guess"));
        QUrl wrongPath = exact;
        wrongPath.setPath(QStringLiteral("/connect-desktop/done/x"));
        for (const QUrl &probe : {wrongValue, wrongPath, exact.resolved(QUrl(QStringLiteral("/")))})
            QCOMPARE(client.get(probe.toString(QUrl::FullyEncoded)).status, 404);
        QCOMPARE(client.post(exact.toString(QUrl::FullyEncoded), "{}").status,
                 405); // GET and HEAD only
        QCOMPARE(session.state(), ConnectSession::State::InBrowser);
        session.cancel();
    }

    void aBrowserThatNeverComesBackTimesOut()
    {
        ConnectSession session(m_provider, request(QStringLiteral("Abandoned tab")));
        session.setBrowserTimeout(200);
        QSignalSpy finished(&session, &ConnectSession::finished);
        handOff(session);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
        QCOMPARE(session.result().outcome, SessionResult::Outcome::Failed);
        QCOMPARE(session.result().errorCode, QStringLiteral("browser_timeout"));
    }

    void cancellingWhileTheBrowserIsOpenIsCancelled()
    {
        ConnectSession session(m_provider, request(QStringLiteral("Changed mind")));
        QSignalSpy finished(&session, &ConnectSession::finished);
        handOff(session);
        session.cancel();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(session.result().outcome, SessionResult::Outcome::Cancelled);
        QVERIFY(!session.canContinueInBrowser());
    }

    void theResultIsTheCommandLinesJson()
    {
        SessionResult result;
        result.outcome = SessionResult::Outcome::Failed;
        result.integration = QStringLiteral("hubspot");
        result.errorCode = QStringLiteral("timeout");
        result.errorMessage = QStringLiteral("slow");
        const QJsonObject json = result.toJson();
        QCOMPARE(json.value(QLatin1String("outcome")).toString(), QStringLiteral("failed"));
        QCOMPARE(
            json.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
            QStringLiteral("timeout"));
        QVERIFY(json.value(QLatin1String("connection")).isNull());
        QVERIFY(json.contains(QLatin1String("redirect_query")));
        QVERIFY(json.contains(QLatin1String("timings_ms")));
        QCOMPARE(result.exitCode(), 1);
    }
};

QTEST_GUILESS_MAIN(TestConnectSession)
#include "tst_connectsession.moc"
