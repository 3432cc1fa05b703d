// Soak: 200 consecutive sessions in one process against the sandbox, through the real connect
// window and real pages, mixing completed, cancelled and failed. No crash, every session one
// result, and memory that stays bounded. The figures are printed for the record; the only
// memory check is a generous bound (a leak per session shows up long before it).
#include "Probe.h"
#include "WebTestSupport.h"
#include "core/polytomic/PolytomicProvider.h"
#include "core/settings/AppSettings.h"
#include "sandbox/SandboxServer.h"
#include "ui/ConnectWindow.h"
#include "web/ConnectWebPage.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWebEngineProfile>

using namespace WebTest;

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
        int completed = 0, cancelled = 0, failed = 0;
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
            switch (window->session()->result().outcome) {
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
                                 .arg(completed)
                                 .arg(cancelled)
                                 .arg(failed)
                                 .arg(atTwenty, 0, 'f', 1)
                                 .arg(atEnd, 0, 'f', 1)
                                 .arg(growth, 0, 'f', 1);
        QCOMPARE(completed + cancelled + failed, sessions);
        QCOMPARE(failed, sessions / 5);
        QVERIFY2(growth < 50.0, "memory grew by half between session 20 and the end");
        delete profile;
    }
};

QTEST_MAIN(TestSoak)
#include "tst_soak.moc"
