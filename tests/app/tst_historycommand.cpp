// Specification: sessions run from the command line are kept, and `connect-desktop history` lists
// them (newest first, filtered, as JSON for scripts) without any secret; --clear forgets them; a
// damaged history file is set aside with a warning, not a crash.
#include "SupportProcess.h"
#include "sandbox/SandboxServer.h"

#include <QFile>
#include <QJsonArray>
#include <QTest>

namespace {

const QString apiKey = QStringLiteral("k_history_test_secret");

} // namespace

class HistoryCommandTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    std::unique_ptr<SandboxServer> m_sandbox;

    SupportProcess process() const { return SupportProcess(m_home.path()); }
    QString historyFile() const
    {
        return m_home.path() + QStringLiteral("/data/ConnectDesktop/connect-desktop/history.json");
    }

    QJsonArray sessions(const QStringList &filters = {})
    {
        const SupportRun run = process().run(
            QStringList{QStringLiteral("history"), QStringLiteral("--json")} + filters);
        return run.json().value(QLatin1String("sessions")).toArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        SandboxOptions options;
        options.apiKey = apiKey;
        m_sandbox = std::make_unique<SandboxServer>(options);
        QString error;
        QVERIFY2(m_sandbox->start(&error), qPrintable(error));
    }

    void init() { QFile::remove(historyFile()); }

    void aRefusedKeyIsKeptAsAFailedSession()
    {
        const SupportRun run = process().run(
            {QStringLiteral("connect"), QStringLiteral("--base-url"), m_sandbox->url().toString(),
             QStringLiteral("--integration"), QStringLiteral("postgresql")},
            {{QStringLiteral("POLYTOMIC_API_KEY"), QStringLiteral("k_refused_key_value")}});
        QCOMPARE(run.exitCode, 1);
        const QJsonArray kept = sessions();
        QCOMPARE(kept.size(), 1);
        QCOMPARE(kept.at(0)[QLatin1String("result")][QLatin1String("outcome")].toString(),
                 QStringLiteral("failed"));
        QFile file(historyFile());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("k_refused_key_value"));
    }

    void aCancelledSessionIsKeptWithItsExchanges()
    {
        QProcess running;
        process().start(
            running,
            {QStringLiteral("connect"), QStringLiteral("--base-url"), m_sandbox->url().toString(),
             QStringLiteral("--integration"), QStringLiteral("postgresql"),
             QStringLiteral("--json")},
            {{QStringLiteral("POLYTOMIC_API_KEY"), apiKey},
             {QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("connectdesktop.app.info=true")}});
        QByteArray log;
        QVERIFY(QTest::qWaitFor(
            [&] {
                log += running.readAllStandardError();
                return log.contains("InModal");
            },
            60000));
        running.terminate(); // the person's Esc, from a terminal
        const SupportRun run = SupportProcess::finish(running);
        QCOMPARE(run.exitCode, 3);
        const QJsonArray kept = sessions();
        QCOMPARE(kept.size(), 1);
        const QJsonObject session = kept.at(0).toObject();
        QCOMPARE(session[QLatin1String("result")][QLatin1String("outcome")].toString(),
                 QStringLiteral("cancelled"));
        QVERIFY(!session[QLatin1String("exchanges")].toArray().isEmpty());
        QFile file(historyFile());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray stored = file.readAll();
        QVERIFY(!stored.contains(apiKey.toUtf8()));
        QVERIFY(stored.contains("[redacted]")); // the modal's single-use token
    }

    void filtersChooseTheSessionsListed()
    {
        process().run(
            {QStringLiteral("connect"), QStringLiteral("--base-url"), m_sandbox->url().toString(),
             QStringLiteral("--integration"), QStringLiteral("hubspot")},
            {{QStringLiteral("POLYTOMIC_API_KEY"), QStringLiteral("k_refused_key_value")}});
        process().run(
            {QStringLiteral("connect"), QStringLiteral("--base-url"), m_sandbox->url().toString(),
             QStringLiteral("--integration"), QStringLiteral("stripe")},
            {{QStringLiteral("POLYTOMIC_API_KEY"), QStringLiteral("k_refused_key_value")}});
        QCOMPARE(sessions().size(), 2);
        const QJsonArray hubspot =
            sessions({QStringLiteral("--integration"), QStringLiteral("hubspot")});
        QCOMPARE(hubspot.size(), 1);
        QCOMPARE(sessions({QStringLiteral("--outcome"), QStringLiteral("completed")}).size(), 0);
        QCOMPARE(sessions({QStringLiteral("--limit"), QStringLiteral("1")})
                     .at(0)[QLatin1String("result")][QLatin1String("integration")]
                     .toString(),
                 QStringLiteral("stripe"));
    }

    void clearForgetsEverySession()
    {
        process().run(
            {QStringLiteral("connect"), QStringLiteral("--base-url"), m_sandbox->url().toString(),
             QStringLiteral("--integration"), QStringLiteral("hubspot")},
            {{QStringLiteral("POLYTOMIC_API_KEY"), QStringLiteral("k_refused_key_value")}});
        QCOMPARE(process().run({QStringLiteral("history"), QStringLiteral("--clear")}).exitCode, 0);
        QCOMPARE(sessions().size(), 0);
    }

    void aDamagedFileIsSetAsideWithAWarning()
    {
        QDir().mkpath(QFileInfo(historyFile()).absolutePath());
        QFile file(historyFile());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not json at all");
        file.close();
        const SupportRun run = process().run({QStringLiteral("history")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains("set aside"), run.err.constData());
        QVERIFY(run.out.contains("No sessions are kept yet"));
    }
};

QTEST_GUILESS_MAIN(HistoryCommandTest)
#include "tst_historycommand.moc"
