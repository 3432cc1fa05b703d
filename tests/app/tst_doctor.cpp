// Specification: `connect-desktop doctor` checks this machine for a profile and says, per line,
// what it found and what to do: exit 0 when nothing is a problem, 1 when something is (a backend
// that refuses the key, a clock that is off, a backend that does not answer), with --json for
// scripts. Against the sandbox, on 127.0.0.1.
#include "SupportProcess.h"
#include "sandbox/SandboxServer.h"

#include <QJsonArray>
#include <QTcpServer>
#include <QTest>

namespace {

const QString apiKey = QStringLiteral("k_doctor_test_secret");

QJsonObject finding(const QJsonObject &report, const QString &check)
{
    for (const QJsonValue &value : report.value(QLatin1String("findings")).toArray()) {
        if (value[QLatin1String("check")].toString() == check)
            return value.toObject();
    }
    return {};
}

} // namespace

class DoctorTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    std::unique_ptr<SandboxServer> m_sandbox;

    void startSandbox(const SandboxFaults &faults = {})
    {
        SandboxOptions options;
        options.apiKey = apiKey;
        options.faults = faults;
        m_sandbox = std::make_unique<SandboxServer>(options);
        QString error;
        QVERIFY2(m_sandbox->start(&error), qPrintable(error));
    }

    SupportRun doctor(const QString &key, const QUrl &url)
    {
        return SupportProcess(m_home.path())
            .run({QStringLiteral("doctor"), QStringLiteral("--json"), QStringLiteral("--base-url"),
                  url.toString()},
                 {{QStringLiteral("POLYTOMIC_API_KEY"), key}});
    }

private Q_SLOTS:
    void cleanup() { m_sandbox.reset(); }

    void aHealthyBackendHasNoProblem()
    {
        startSandbox();
        const SupportRun run = doctor(apiKey, m_sandbox->url());
        QVERIFY2(run.exitCode == 0, run.out.constData());
        const QJsonObject report = run.json();
        QVERIFY(report.value(QLatin1String("ok")).toBool());
        QCOMPARE(finding(report, QStringLiteral("account"))[QLatin1String("level")].toString(),
                 QStringLiteral("ok"));
        QCOMPARE(finding(report, QStringLiteral("clock"))[QLatin1String("level")].toString(),
                 QStringLiteral("ok"));
        QVERIFY(
            finding(report,
                    QStringLiteral("engine"))[QLatin1String("details")][QLatin1String("chromium")]
                .toString()
                .size()
            > 0);
        QVERIFY(!run.out.contains(apiKey.toUtf8()));
    }

    void aRefusedKeyIsAProblemWithWhatToDo()
    {
        startSandbox();
        const SupportRun run = doctor(QStringLiteral("k_wrong_key_value"), m_sandbox->url());
        QCOMPARE(run.exitCode, 1);
        const QJsonObject account = finding(run.json(), QStringLiteral("account"));
        QCOMPARE(account[QLatin1String("level")].toString(), QStringLiteral("problem"));
        QVERIFY(!account[QLatin1String("fix")].toString().isEmpty());
    }

    void aClockOffTheServersIsAProblem()
    {
        SandboxFaults faults;
        faults.clockSkewSeconds = -900;
        startSandbox(faults);
        const SupportRun run = doctor(apiKey, m_sandbox->url());
        QCOMPARE(run.exitCode, 1);
        const QJsonObject clock = finding(run.json(), QStringLiteral("clock"));
        QCOMPARE(clock[QLatin1String("level")].toString(), QStringLiteral("problem"));
        QVERIFY(qAbs(clock[QLatin1String("details")][QLatin1String("skew_s")].toDouble() - 900)
                < 30);
    }

    void aBackendThatDoesNotAnswerIsAProblem()
    {
        // A port the system just gave and took back: nothing listens there.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const QUrl url(QStringLiteral("http://127.0.0.1:%1").arg(probe.serverPort()));
        probe.close();
        const SupportRun run = doctor(apiKey, url);
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(finding(run.json(), QStringLiteral("backend"))[QLatin1String("level")].toString(),
                 QStringLiteral("problem"));
    }

    void theTextSaysWhatToDoUnderEachProblem()
    {
        startSandbox();
        const SupportRun run =
            SupportProcess(m_home.path())
                .run({QStringLiteral("doctor"), QStringLiteral("--base-url"),
                      m_sandbox->url().toString()},
                     {{QStringLiteral("POLYTOMIC_API_KEY"), QStringLiteral("k_wrong_key_value")}});
        QCOMPARE(run.exitCode, 1);
        const QString text = QString::fromUtf8(run.out);
        const qsizetype problem = text.indexOf(QLatin1String("[PROBLEM] account:"));
        QVERIFY2(problem >= 0, run.out.constData());
        QVERIFY(text.indexOf(QLatin1String("What to do:"), problem) > problem);
    }
};

QTEST_GUILESS_MAIN(DoctorTest)
#include "tst_doctor.moc"
