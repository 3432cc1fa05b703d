// Specification: the session history keeps the last N sessions on disk, newest first, with their
// result, timings and redacted exchanges; it survives a restart; it never keeps a credential-like
// value; a damaged file is set aside (not lost) with a warning and a new history starts.
#include "core/session/SessionHistory.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

HistoryEntry entry(const QString &integration, SessionResult::Outcome outcome)
{
    HistoryEntry made;
    made.profileId = QStringLiteral("sandbox");
    made.profileName = QStringLiteral("Sandbox");
    made.platform = QStringLiteral("polytomic");
    made.integrationName = integration.toUpper();
    made.result.integration = integration;
    made.result.outcome = outcome;
    made.result.timingsMs.insert(QStringLiteral("total"), 1234);
    return made;
}

} // namespace

class SessionHistoryTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path() const { return m_dir.filePath(QStringLiteral("history.json")); }

private Q_SLOTS:
    void init()
    {
        QFile::remove(path());
        for (const QString &name : QDir(m_dir.path()).entryList(QDir::Files))
            QFile::remove(m_dir.filePath(name));
    }

    void sessionsSurviveARestartNewestFirst()
    {
        {
            SessionHistory history(path());
            history.add(entry(QStringLiteral("postgresql"), SessionResult::Outcome::Completed));
            history.add(entry(QStringLiteral("hubspot"), SessionResult::Outcome::Failed));
        }
        const SessionHistory again(path());
        QCOMPARE(again.entries().size(), 2);
        QCOMPARE(again.entries().at(0).result.integration, QStringLiteral("hubspot"));
        QCOMPARE(again.entries().at(0).result.outcome, SessionResult::Outcome::Failed);
        QCOMPARE(again.entries().at(1).result.timingsMs.value(QStringLiteral("total")), 1234);
        QVERIFY(again.problem().isEmpty());
    }

    void onlyTheLastLimitSessionsAreKept()
    {
        SessionHistory history(path(), 3);
        for (int i = 0; i < 5; ++i)
            history.add(entry(QStringLiteral("type%1").arg(i), SessionResult::Outcome::Cancelled));
        QCOMPARE(history.entries().size(), 3);
        QCOMPARE(history.entries().constFirst().result.integration, QStringLiteral("type4"));
        QCOMPARE(SessionHistory(path(), 10).entries().size(), 3);
    }

    void lowerALimitDropsTheOldest()
    {
        SessionHistory history(path(), 10);
        for (int i = 0; i < 4; ++i)
            history.add(entry(QStringLiteral("type%1").arg(i), SessionResult::Outcome::Cancelled));
        history.setLimit(2);
        QCOMPARE(SessionHistory(path()).entries().size(), 2);
    }

    void aLimitOfZeroKeepsNothing()
    {
        SessionHistory history(path(), 0);
        history.add(entry(QStringLiteral("postgresql"), SessionResult::Outcome::Completed));
        QVERIFY(history.entries().isEmpty());
        QVERIFY(!QFile::exists(path()));
    }

    void credentialLikeValuesAreNeverKept()
    {
        SessionHistory history(path());
        HistoryEntry made = entry(QStringLiteral("salesforce"), SessionResult::Outcome::Failed);
        made.result.redirectQuery.insert(QStringLiteral("code"),
                                         QStringLiteral("oauth-code-secret"));
        made.result.redirectQuery.insert(QStringLiteral("error"), QStringLiteral("access_denied"));
        made.result.errorMessage =
            QStringLiteral("see https://idp.example/cb?state=state-secret&x=1");
        ExchangeEntry exchange;
        exchange.kind = QStringLiteral("web");
        exchange.method = QStringLiteral("page");
        exchange.url = QStringLiteral("https://idp.example/authorize?access_token=token-secret");
        exchange.note = QStringLiteral("went to /cb?password=password-secret through "
                                       "http://bob:userinfo-secret@proxy.example:3128");
        made.exchanges.append(exchange);
        history.add(made);
        QFile file(path());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray stored = file.readAll();
        for (const char *secret :
             {"oauth-code-secret", "state-secret", "token-secret", "password-secret"})
            QVERIFY2(!stored.contains(secret), secret);
        QVERIFY(stored.contains("access_denied"));
        QVERIFY(stored.contains("x=1"));
        QVERIFY(stored.contains("http://proxy.example:3128"));
    }

    void aDamagedFileIsSetAsideAndANewHistoryStarts()
    {
        {
            QFile file(path());
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("{\"version\": 1, \"sessions\": [ {\"id\": ");
        }
        SessionHistory history(path());
        QVERIFY(history.entries().isEmpty());
        QVERIFY(history.problem().contains(QLatin1String("set aside")));
        const QStringList aside =
            QDir(m_dir.path()).entryList({QStringLiteral("history.json.damaged-*")});
        QCOMPARE(aside.size(), 1);
        history.add(entry(QStringLiteral("postgresql"), SessionResult::Outcome::Completed));
        QCOMPARE(SessionHistory(path()).entries().size(), 1);
    }

    void clearForgetsEverySession()
    {
        SessionHistory history(path());
        history.add(entry(QStringLiteral("postgresql"), SessionResult::Outcome::Completed));
        QSignalSpy changed(&history, &SessionHistory::changed);
        history.clear();
        QCOMPARE(changed.count(), 1);
        QVERIFY(history.entries().isEmpty());
        QVERIFY(SessionHistory(path()).entries().isEmpty());
    }

    void theFileIsReadableByItsOwnerOnly()
    {
        SessionHistory history(path());
        history.add(entry(QStringLiteral("postgresql"), SessionResult::Outcome::Completed));
        const QFileDevice::Permissions permissions = QFile(path()).permissions();
        QVERIFY(!(permissions & (QFileDevice::ReadGroup | QFileDevice::ReadOther)));
    }
};

QTEST_GUILESS_MAIN(SessionHistoryTest)
#include "tst_sessionhistory.moc"
