// Specification: the support log records exchanges and never a secret.
#include "core/model/ExchangeLog.h"

#include <QSignalSpy>
#include <QTest>

class TestExchangeLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordsMethodUrlStatusAndDuration()
    {
        ExchangeLog log;
        QSignalSpy added(&log, &ExchangeLog::entryAdded);
        log.recordApi(QStringLiteral("GET"),
                      QUrl(QStringLiteral("https://api.example/api/connections")), 200, 42);
        QCOMPARE(added.count(), 1);
        QCOMPARE(log.entries().constFirst().status, 200);
        QCOMPARE(log.entries().constFirst().durationMs, 42);
        QVERIFY(log.toText().contains(
            QLatin1String("GET\t200\t42 ms\thttps://api.example/api/connections")));
    }

    void redactsKnownSecretsAnywhere()
    {
        ExchangeLog log;
        log.addSecret(QStringLiteral("sk_live_abcdef123"));
        log.recordApi(QStringLiteral("GET"),
                      QUrl(QStringLiteral("https://x/y?debug=sk_live_abcdef123")), 401, 1,
                      QStringLiteral("rejected sk_live_abcdef123"));
        QVERIFY(!log.toText().contains(QLatin1String("sk_live_abcdef123")));
        QVERIFY(log.toText().contains(QLatin1String("[redacted]")));
    }

    void redactsCredentialQueryParameters()
    {
        ExchangeLog log;
        log.recordNavigation(
            QStringLiteral("link"),
            QUrl(QStringLiteral(
                "http://127.0.0.1:5/done?state=abc123&code=xyz789&sandbox_result=connected")));
        const QString text = log.toText();
        QVERIFY(!text.contains(QLatin1String("abc123")));
        QVERIFY(!text.contains(QLatin1String("xyz789")));
        QVERIFY(text.contains(QLatin1String("sandbox_result=connected")));
    }

    void redactsUserInfo()
    {
        ExchangeLog log;
        log.recordNavigation(QStringLiteral("link"),
                             QUrl(QStringLiteral("https://user:pass@host/")));
        QVERIFY(!log.toText().contains(QLatin1String("pass")));
    }

    void ignoresTooShortSecrets()
    {
        ExchangeLog log;
        log.addSecret(QStringLiteral("a"));
        log.recordNavigation(QStringLiteral("link"), QUrl(QStringLiteral("https://a.example/")));
        QVERIFY(log.toText().contains(QLatin1String("a.example")));
    }
};

QTEST_GUILESS_MAIN(TestExchangeLog)
#include "tst_exchangelog.moc"
