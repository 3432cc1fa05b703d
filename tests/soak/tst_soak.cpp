// Soak: 200 consecutive sessions in one process against the sandbox, through the real connect
// window and real pages, mixing completed, cancelled and failed; then 60 Paragon sessions (the
// real SDK in the app's host page, its popup) against the Paragon sandbox. No crash, every
// session one result, and memory that stays bounded. The figures are printed for the record;
// the only memory check is a generous bound (a leak per session shows up long before it).
#include "ParagonPortal.h"
#include "Probe.h"
#include "WebTestSupport.h"
#include "core/paragon/ParagonProvider.h"
#include "core/polytomic/PolytomicProvider.h"
#include "core/settings/AppSettings.h"
#include "sandbox/SandboxServer.h"
#include "sandbox/paragon/ParagonSandbox.h"
#include "ui/ConnectWindow.h"
#include "web/ConnectWebPage.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <QWebEngineProfile>

using namespace WebTest;

namespace {

// Sessions counted by how they ended.
struct Outcomes
{
    int completed = 0;
    int cancelled = 0;
    int failed = 0;

    void count(SessionResult::Outcome outcome)
    {
        switch (outcome) {
        case SessionResult::Outcome::Completed:
            ++completed;
            break;
        case SessionResult::Outcome::Cancelled:
            ++cancelled;
            break;
        case SessionResult::Outcome::Failed:
            ++failed;
            break;
        }
    }
};

} // namespace

class TestSoak : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void twoHundredSessionsInOneProcess()
    {
        const int sessions = qEnvironmentVariableIntValue("SOAK_SESSIONS") > 0
            ? qEnvironmentVariableIntValue("SOAK_SESSIONS")
            : 200;
        SandboxServer server;
        QVERIFY(server.start());
        ApiEndpoint endpoint;
        endpoint.baseUrl = server.url();
        endpoint.apiKey = server.apiKey();
        endpoint.backoffMs = 10;
        PolytomicProvider provider(endpoint);
        QTemporaryDir dir;
        QSettings qsettings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        AppSettings settings(&qsettings);
        auto *profile = new QWebEngineProfile(this);

        double atTwenty = 0;
        Outcomes ended;
        for (int i = 1; i <= sessions; ++i) {
            // Every fifth session fails at the API, every fifth cancels in the modal.
            const int kind = i % 5;
            SandboxFaults faults;
            if (kind == 3)
                faults.forcedStatus = 422;
            server.setFaults(faults);
            SessionRequest request;
            request.name = QStringLiteral("Soak %1").arg(i);
            request.integrations = {QStringLiteral("postgresql")};
            auto window = std::make_unique<ConnectWindow>(&provider, request, profile, &settings);
            QSignalSpy finished(window.get(), &ConnectWindow::sessionFinished);
            window->show();
            window->start();
            if (kind != 3) {
                QVERIFY2(waitUntil([&] { return state(window->page()) == QLatin1String("form"); },
                                   pageTimeout),
                         qPrintable(QStringLiteral("session %1: no form").arg(i)));
                if (kind == 4)
                    window->reject();
                else
                    fillPostgres(window->page());
            }
            QVERIFY2(waitUntil([&] { return finished.count() == 1; }, pageTimeout),
                     qPrintable(QStringLiteral("session %1: no result").arg(i)));
            ended.count(window->session()->result().outcome);
            window.reset();
            QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
            if (i == 20)
                atTwenty = Probe::treeResidentMiB();
        }
        waitUntil([] { return false; }, 500); // let the last pages go before measuring
        const double atEnd = Probe::treeResidentMiB();
        const double growth = atTwenty > 0 ? (atEnd - atTwenty) / atTwenty * 100.0 : 0;
        qInfo().noquote() << QStringLiteral(
                                 "soak: %1 sessions (%2 completed, %3 cancelled, %4 failed); "
                                 "RSS of the process and its web engine processes: %5 MiB after "
                                 "session 20, %6 MiB after session %1, growth %7%")
                                 .arg(sessions)
                                 .arg(ended.completed)
                                 .arg(ended.cancelled)
                                 .arg(ended.failed)
                                 .arg(atTwenty, 0, 'f', 1)
                                 .arg(atEnd, 0, 'f', 1)
                                 .arg(growth, 0, 'f', 1);
        QCOMPARE(ended.completed + ended.cancelled + ended.failed, sessions);
        QCOMPARE(ended.failed, sessions / 5);
        QVERIFY2(growth < 50.0, "memory grew by half between session 20 and the end");
        delete profile;
    }

    void sixtyParagonSessionsInOneProcess()
    {
        const int sessions = qEnvironmentVariableIntValue("SOAK_PARAGON_SESSIONS") > 0
            ? qEnvironmentVariableIntValue("SOAK_PARAGON_SESSIONS")
            : 60;
        ParagonSandbox sandbox;
        QString error;
        QVERIFY2(sandbox.start(&error), qPrintable(error));
        ParagonEndpoint endpoint;
        endpoint.projectId = sandbox.projectId();
        endpoint.environments = sandbox.environments();
        endpoint.tokenUrl = sandbox.tokenUrl();
        endpoint.tokenUrl.setQuery(QUrlQuery{{QStringLiteral("sub"), QStringLiteral("soak")}});
        ParagonProvider provider(endpoint);
        QTemporaryDir dir;
        QSettings qsettings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        AppSettings settings(&qsettings);
        auto *profile = new QWebEngineProfile(this);
        double atTen = 0;
        Outcomes ended;
        for (int i = 1; i <= sessions; ++i) {
            // Every third session connects, every third closes the portal, every third asks for
            // an integration the project does not have.
            const int kind = i % 3;
            SessionRequest request;
            request.integrations = {kind == 2 ? QStringLiteral("no_such_type")
                                              : QStringLiteral("hubspot")};
            auto window = std::make_unique<ConnectWindow>(&provider, request, profile, &settings);
            QSignalSpy finished(window.get(), &ConnectWindow::sessionFinished);
            window->show();
            window->start();
            if (kind != 2) {
                QVERIFY2(
                    waitUntil([&] { return window->currentView() == ConnectWindow::View::Modal; }),
                    qPrintable(QStringLiteral("session %1: no portal").arg(i)));
                if (kind == 0)
                    QVERIFY2(ParagonPortal::signIn(window.get()),
                             qPrintable(QStringLiteral("session %1: no sign-in").arg(i)));
                ParagonPortal::press(window.get(), QStringLiteral("close"));
            }
            QVERIFY2(waitUntil([&] { return finished.count() == 1; }),
                     qPrintable(QStringLiteral("session %1: no result").arg(i)));
            ended.count(window->session()->result().outcome);
            window.reset();
            QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
            if (i == 10)
                atTen = Probe::treeResidentMiB();
        }
        waitUntil([] { return false; }, 500);
        const double atEnd = Probe::treeResidentMiB();
        const double growth = atTen > 0 ? (atEnd - atTen) / atTen * 100.0 : 0;
        qInfo().noquote() << QStringLiteral(
                                 "soak: %1 Paragon sessions (%2 completed, %3 cancelled, %4 "
                                 "failed); RSS of the process and its web engine processes: %5 MiB "
                                 "after session 10, %6 MiB after session %1, growth %7%")
                                 .arg(sessions)
                                 .arg(ended.completed)
                                 .arg(ended.cancelled)
                                 .arg(ended.failed)
                                 .arg(atTen, 0, 'f', 1)
                                 .arg(atEnd, 0, 'f', 1)
                                 .arg(growth, 0, 'f', 1);
        QCOMPARE(ended.completed, sessions / 3);
        QCOMPARE(ended.cancelled, sessions / 3);
        QCOMPARE(ended.failed, sessions / 3);
        QCOMPARE(int(sandbox.credentials().size()), sessions / 3);
        QVERIFY2(growth < 50.0, "memory grew by half between session 10 and the end");
        delete profile;
    }
};

QTEST_MAIN(TestSoak)
#include "tst_soak.moc"
