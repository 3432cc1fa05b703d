// Specification: `connect-desktop check` smoke-tests integrations against a real backend (the
// sandbox, on 127.0.0.1): each row opens a real session, loads its page hidden until a person
// could type, and closes it without connecting anything. The sandbox's faults make rows fail in
// each way a support person must be able to tell apart; the company's allowed integrations hold
// unless --all is given.
#include "SupportProcess.h"
#include "sandbox/SandboxServer.h"

#include <QDir>
#include <QJsonArray>
#include <QSettings>
#include <QTest>

#include <csignal>

namespace {

const QString apiKey = QStringLiteral("k_check_test_secret");

// The renderer processes the web engine started for `browserPid`: its descendants whose command
// line says --type=renderer, or that a zygote forked (they keep the zygote's command line).
QList<qint64> rendererProcesses(qint64 browserPid)
{
    QMap<qint64, qint64> parents;
    QMap<qint64, QByteArray> commands;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool ok = false;
        const qint64 pid = entry.toLongLong(&ok);
        if (!ok)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (!stat.open(QIODevice::ReadOnly) || !cmdline.open(QIODevice::ReadOnly))
            continue;
        const QByteArray fields = stat.readAll();
        // pid (comm) state ppid …: the name may hold spaces, so read after its ')'.
        const QList<QByteArray> rest = fields.mid(fields.lastIndexOf(')') + 2).split(' ');
        parents.insert(pid, rest.value(1).toLongLong());
        commands.insert(pid, cmdline.readAll());
    }
    QList<qint64> found;
    for (auto it = commands.cbegin(); it != commands.cend(); ++it) {
        const bool forkedByZygote = it.value().contains("--type=zygote")
            && commands.value(parents.value(it.key())).contains("--type=zygote");
        if (!it.value().contains("--type=renderer") && !forkedByZygote)
            continue;
        for (qint64 up = parents.value(it.key()); up > 1; up = parents.value(up)) {
            if (up == browserPid) {
                found.append(it.key());
                break;
            }
        }
    }
    return found;
}

} // namespace

class CheckTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    std::unique_ptr<SandboxServer> m_sandbox;

    // A sandbox with these faults, listening.
    void startSandbox(const SandboxFaults &faults = {})
    {
        SandboxOptions options;
        options.apiKey = apiKey;
        options.faults = faults;
        m_sandbox = std::make_unique<SandboxServer>(options);
        QString error;
        QVERIFY2(m_sandbox->start(&error), qPrintable(error));
    }

    SupportProcess process() const { return SupportProcess(m_home.path()); }

    SupportRun check(const QStringList &arguments)
    {
        return process().run(QStringList{QStringLiteral("check"), QStringLiteral("--base-url"),
                                         m_sandbox->url().toString(), QStringLiteral("--json")}
                                 + arguments,
                             {{QStringLiteral("POLYTOMIC_API_KEY"), apiKey}});
    }

    static QJsonObject onlyRow(const SupportRun &run)
    {
        const QJsonArray rows = run.json().value(QLatin1String("rows")).toArray();
        return rows.size() == 1 ? rows.at(0).toObject() : QJsonObject();
    }

    void allowOnly(const QStringList &ids)
    {
        QSettings settings(m_home.path()
                               + QStringLiteral("/config/ConnectDesktop/connect-desktop.conf"),
                           QSettings::IniFormat);
        settings.setValue(QStringLiteral("connections/allowed"), ids);
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_home.isValid());
        QDir(m_home.path()).removeRecursively();
        QDir().mkpath(m_home.path());
    }

    void cleanup() { m_sandbox.reset(); }

    void aHealthyIntegrationPassesWithItsTimings()
    {
        startSandbox();
        const SupportRun run =
            check({QStringLiteral("--integration"), QStringLiteral("postgresql")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject row = onlyRow(run);
        QCOMPARE(row.value(QLatin1String("integration")).toString(), QStringLiteral("postgresql"));
        QCOMPARE(row.value(QLatin1String("result")).toString(), QStringLiteral("passed"));
        QVERIFY(row.value(QLatin1String("request_ms")).toDouble(-1) >= 0);
        QVERIFY(row.value(QLatin1String("modal_ready_ms")).toDouble(-1)
                >= row.value(QLatin1String("request_ms")).toDouble());
        QVERIFY2(run.err.contains("[1/1] postgresql: passed"), run.err.constData());
    }

    void checkingConnectsNothing()
    {
        startSandbox();
        const SupportRun run = check({QStringLiteral("--integration"), QStringLiteral("postgresql"),
                                      QStringLiteral("--integration"), QStringLiteral("hubspot")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json().value(QLatin1String("passed")).toInt(), 2);
        QVERIFY(m_sandbox->connections().isEmpty());
    }

    void everyAllowedIntegrationIsCheckedByDefault()
    {
        startSandbox();
        allowOnly({QStringLiteral("postgresql"), QStringLiteral("stripe")});
        const SupportRun run = check({QStringLiteral("--jobs"), QStringLiteral("2")});
        QCOMPARE(run.exitCode, 0);
        QStringList checked;
        for (const QJsonValue &row : run.json().value(QLatin1String("rows")).toArray())
            checked.append(row[QLatin1String("integration")].toString());
        checked.sort();
        QCOMPARE(checked, (QStringList{QStringLiteral("postgresql"), QStringLiteral("stripe")}));
    }

    void anIntegrationTheCompanyDoesNotAllowNeedsAll()
    {
        startSandbox();
        allowOnly({QStringLiteral("postgresql")});
        const SupportRun refused =
            check({QStringLiteral("--integration"), QStringLiteral("hubspot")});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains("--all"), refused.err.constData());
        const SupportRun all = check(
            {QStringLiteral("--integration"), QStringLiteral("hubspot"), QStringLiteral("--all")});
        QCOMPARE(all.exitCode, 0);
    }

    void anUnknownIntegrationIsBadUsage()
    {
        startSandbox();
        const SupportRun run = check({QStringLiteral("--integration"), QStringLiteral("nosuch")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("Unknown integration"), run.err.constData());
    }

    void aRefusedRequestFailsWithTheApiStatusAndMessage()
    {
        SandboxFaults faults;
        faults.forcedStatus = 403;
        faults.scope = QStringLiteral("/api/connections/connect");
        startSandbox(faults);
        const SupportRun run =
            check({QStringLiteral("--integration"), QStringLiteral("postgresql")});
        QCOMPARE(run.exitCode, 1);
        const QJsonObject row = onlyRow(run);
        QCOMPARE(row.value(QLatin1String("result")).toString(), QStringLiteral("failed"));
        QCOMPARE(row.value(QLatin1String("code")).toString(), QStringLiteral("forbidden"));
        QVERIFY(row.value(QLatin1String("reason")).toString().contains(QLatin1String("403")));
    }

    void aPageThatCannotLoadFails()
    {
        SandboxFaults faults;
        faults.unreachableModal = true;
        startSandbox(faults);
        const SupportRun run =
            check({QStringLiteral("--integration"), QStringLiteral("postgresql")});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(onlyRow(run).value(QLatin1String("code")).toString(),
                 QStringLiteral("modal_load_failed"));
    }

    void anUntrustedCertificateFails()
    {
        SandboxFaults faults;
        faults.untrustedModal = true;
        startSandbox(faults);
        const SupportRun run =
            check({QStringLiteral("--integration"), QStringLiteral("postgresql")});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(onlyRow(run).value(QLatin1String("code")).toString(),
                 QStringLiteral("certificate_error"));
    }

    void aHungPageFailsAfterTheTimeout()
    {
        SandboxFaults faults;
        faults.blankModal = true;
        startSandbox(faults);
        const SupportRun run = check({QStringLiteral("--integration"), QStringLiteral("postgresql"),
                                      QStringLiteral("--timeout"), QStringLiteral("2")});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(onlyRow(run).value(QLatin1String("code")).toString(),
                 QStringLiteral("modal_timeout"));
    }

    void aCrashedRendererFails()
    {
        // The page is held back long enough for its renderer to be found and killed.
        SandboxFaults faults;
        faults.modalDelayMs = 4000;
        startSandbox(faults);
        QProcess running;
        process().start(running,
                        {QStringLiteral("check"), QStringLiteral("--base-url"),
                         m_sandbox->url().toString(), QStringLiteral("--json"),
                         QStringLiteral("--integration"), QStringLiteral("postgresql")},
                        {{QStringLiteral("POLYTOMIC_API_KEY"), apiKey}});
        QVERIFY(running.waitForStarted());
        QVERIFY(QTest::qWaitFor([&] { return !rendererProcesses(running.processId()).isEmpty(); },
                                20000));
        for (const qint64 pid : rendererProcesses(running.processId()))
            ::kill(pid_t(pid), SIGKILL);
        const SupportRun run = SupportProcess::finish(running);
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(onlyRow(run).value(QLatin1String("code")).toString(),
                 QStringLiteral("renderer_crashed"));
    }

    void theTableSaysEveryRow()
    {
        startSandbox();
        const SupportRun run = process().run(
            {QStringLiteral("check"), QStringLiteral("--base-url"), m_sandbox->url().toString(),
             QStringLiteral("--integration"), QStringLiteral("postgresql"),
             QStringLiteral("--integration"), QStringLiteral("hubspot")},
            {{QStringLiteral("POLYTOMIC_API_KEY"), apiKey}});
        QCOMPARE(run.exitCode, 0);
        const QString table = QString::fromUtf8(run.out);
        QVERIFY2(table.contains(QLatin1String("Integration")), run.out.constData());
        QVERIFY(table.contains(QLatin1String("postgresql")));
        QVERIFY(table.contains(QLatin1String("hubspot")));
        QVERIFY(table.contains(QLatin1String("2 of 2 passed")));
    }

    void aParagonPortalPasses()
    {
        const SupportRun run =
            process().run({QStringLiteral("check"), QStringLiteral("--platform"),
                           QStringLiteral("paragon"), QStringLiteral("--json"),
                           QStringLiteral("--integration"), QStringLiteral("salesforce")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(onlyRow(run).value(QLatin1String("result")).toString(), QStringLiteral("passed"));
    }
};

QTEST_GUILESS_MAIN(CheckTest)
#include "tst_check.moc"
