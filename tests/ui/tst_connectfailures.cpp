// Specification: when the API fails, the connect window ends the session with a failure a person
// can act on and shows it; safe failures are retried first. Faults come from the real sandbox.
#include "SandboxBackends.h"
#include "SandboxFixture.h"
#include "WebTestSupport.h"
#include "core/settings/AppSettings.h"
#include "sandbox/SandboxServer.h"
#include "ui/ConnectWindow.h"
#include "ui/SessionResultView.h"
#include "ui/StatusBadge.h"
#include "web/ConnectWebPage.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWebEngineProfile>

#include <memory>

using namespace WebTest;
using View = ConnectWindow::View;

class TestConnectFailures : public QObject
{
    Q_OBJECT

    SandboxFixture m_sandbox;
    std::unique_ptr<PlatformProvider> m_provider;
    std::unique_ptr<ConnectWindow> m_window;

    // Runs a session for PostgreSQL until it finishes on its own (without a modal).
    const SessionResult &runUntilFinished(const QString &name, PlatformProvider *provider = nullptr)
    {
        if (!provider) {
            m_provider.reset(m_sandbox.backends->makeProvider(nullptr));
            provider = m_provider.get();
        }
        SessionRequest request;
        request.name = name;
        request.integrations = {QStringLiteral("postgresql")};
        m_window = std::make_unique<ConnectWindow>(provider, request, m_sandbox.webProfile,
                                                   m_sandbox.settings);
        m_window->setIntegrationName(QStringLiteral("PostgreSQL"));
        m_window->show();
        m_window->start();
        [&] {
            WEB_TRY_VERIFY(m_window->session()->isFinished());
        }();
        return m_window->session()->result();
    }

    // The window shows the failure it was given, in its result view.
    void verifyShownFailure(const SessionResult &result)
    {
        QCOMPARE(result.outcome, SessionResult::Outcome::Failed);
        QVERIFY(!result.errorMessage.isEmpty());
        QCOMPARE(m_window->currentView(), View::Result);
        QCOMPARE(m_window->resultView()->message(), result.errorMessage);
        QCOMPARE(m_window->resultView()->badge()->tone(), StatusBadge::Tone::Bad);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_sandbox.start({}, &error), qPrintable(error));
    }

    void cleanup()
    {
        m_window.reset();
        m_provider.reset();
        m_sandbox.server->setFaults({});
        m_sandbox.backends->endpointTemplate().timeoutMs = 5000;
        m_sandbox.backends->endpointTemplate().maxAttempts = 3;
    }

    void aNetworkThatIsDownFailsAndSaysWhatToCheck()
    {
        SandboxServer gone;
        QVERIFY(gone.start());
        SandboxBackends backends(&gone);
        std::unique_ptr<PlatformProvider> provider(backends.makeProvider(nullptr));
        gone.stop();
        const SessionResult &result = runUntilFinished(QStringLiteral("Down"), provider.get());
        verifyShownFailure(result);
        QCOMPARE(result.errorCode, QStringLiteral("network"));
        m_window.reset();
    }

    void anApiSlowerThanTheTimeoutFails()
    {
        m_sandbox.backends->endpointTemplate().timeoutMs = 500;
        m_sandbox.backends->endpointTemplate().maxAttempts = 1;
        SandboxFaults faults;
        faults.latencyMs = 3000;
        m_sandbox.server->setFaults(faults);
        const SessionResult &result = runUntilFinished(QStringLiteral("Slow API"));
        verifyShownFailure(result);
        QCOMPARE(result.errorCode, QStringLiteral("timeout"));
    }

    void aRefusedKeySaysToCheckTheKey()
    {
        SandboxFaults faults;
        faults.forcedStatus = 401;
        m_sandbox.server->setFaults(faults);
        const SessionResult &result = runUntilFinished(QStringLiteral("401"));
        verifyShownFailure(result);
        QCOMPARE(result.errorCode, QStringLiteral("unauthorized"));
        QVERIFY(result.errorMessage.contains(QLatin1String("key"), Qt::CaseInsensitive));
    }

    void aForbiddenKeyIsExplained()
    {
        SandboxFaults faults;
        faults.forcedStatus = 403;
        m_sandbox.server->setFaults(faults);
        const SessionResult &result = runUntilFinished(QStringLiteral("403"));
        verifyShownFailure(result);
        QCOMPARE(result.errorCode, QStringLiteral("forbidden"));
        QVERIFY(result.errorMessage.contains(QLatin1String("403")));
    }

    void aNameAlreadyUsedShowsTheServersMessage()
    {
        // Make "Taken" exist through a real session first.
        m_provider.reset(m_sandbox.backends->makeProvider(nullptr));
        SessionRequest request;
        request.name = QStringLiteral("Taken");
        request.integrations = {QStringLiteral("postgresql")};
        m_window = std::make_unique<ConnectWindow>(m_provider.get(), request, m_sandbox.webProfile,
                                                   m_sandbox.settings);
        m_window->show();
        m_window->start();
        WEB_TRY_COMPARE(m_window->currentView(), View::Modal);
        WEB_TRY_COMPARE(state(m_window->page()), QStringLiteral("form"));
        fillPostgres(m_window->page());
        WEB_TRY_VERIFY(m_window->session()->isFinished());
        QCOMPARE(m_window->session()->result().outcome, SessionResult::Outcome::Completed);
        m_window.reset();

        const SessionResult &result = runUntilFinished(QStringLiteral("Taken"));
        verifyShownFailure(result);
        QCOMPARE(result.errorCode, QStringLiteral("invalid_request"));
        QVERIFY2(result.errorMessage.contains(QLatin1String("already exists")),
                 qPrintable(result.errorMessage));
    }

    void aConflictIsRetriedThenFails()
    {
        SandboxFaults faults;
        faults.forcedStatus = 409;
        m_sandbox.server->setFaults(faults);
        const int before = m_sandbox.server->apiRequestCount();
        const SessionResult &result = runUntilFinished(QStringLiteral("409"));
        verifyShownFailure(result);
        QCOMPARE(result.errorCode, QStringLiteral("conflict"));
        QCOMPARE(m_sandbox.server->apiRequestCount() - before, 3);
    }

    void aServerErrorIsRetriedThenFails()
    {
        SandboxFaults faults;
        faults.forcedStatus = 503;
        m_sandbox.server->setFaults(faults);
        const int before = m_sandbox.server->apiRequestCount();
        const SessionResult &result = runUntilFinished(QStringLiteral("503"));
        verifyShownFailure(result);
        QCOMPARE(result.errorCode, QStringLiteral("server_error"));
        QVERIFY(result.errorMessage.contains(QLatin1String("503")));
        QCOMPARE(m_sandbox.server->apiRequestCount() - before, 3);
    }

    void aServerErrorIsRetriedAndThenTheModalOpens()
    {
        SandboxFaults faults;
        faults.failFirst = 1;
        faults.forcedStatus = 500;
        m_sandbox.server->setFaults(faults);
        m_provider.reset(m_sandbox.backends->makeProvider(nullptr));
        SessionRequest request;
        request.name = QStringLiteral("Second time lucky");
        request.integrations = {QStringLiteral("postgresql")};
        m_window = std::make_unique<ConnectWindow>(m_provider.get(), request, m_sandbox.webProfile,
                                                   m_sandbox.settings);
        m_window->show();
        const int before = m_sandbox.server->apiRequestCount();
        m_window->start();
        WEB_TRY_COMPARE(m_window->currentView(), View::Modal);
        QCOMPARE(m_sandbox.server->apiRequestCount() - before, 2);
        WEB_TRY_COMPARE(state(m_window->page()), QStringLiteral("form"));
        fillPostgres(m_window->page());
        WEB_TRY_VERIFY(m_window->session()->isFinished());
        QCOMPARE(m_window->session()->result().outcome, SessionResult::Outcome::Completed);
    }

    void anUnreadableAnswerFails()
    {
        SandboxFaults faults;
        faults.malformedJson = true;
        m_sandbox.server->setFaults(faults);
        const SessionResult &result = runUntilFinished(QStringLiteral("Malformed"));
        verifyShownFailure(result);
        QCOMPARE(result.errorCode, QStringLiteral("malformed_reply"));
    }
};

QTEST_MAIN(TestConnectFailures)
#include "tst_connectfailures.moc"
