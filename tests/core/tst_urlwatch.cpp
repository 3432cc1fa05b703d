// Specification: only the exact redirect counts; near misses do not.
#include "core/session/UrlWatch.h"

#include <QTest>

class TestUrlWatch : public QObject
{
    Q_OBJECT

    const QString value = QStringLiteral("s3cr3t-value_ABC");
    UrlWatch matcher{QUrl(QStringLiteral("http://127.0.0.1:43210/connect/done")),
                     QStringLiteral("state"), value};

private Q_SLOTS:
    void buildsTheRedirectUrl()
    {
        QCOMPARE(
            matcher.url(),
            QUrl(QStringLiteral("http://127.0.0.1:43210/connect/done?state=s3cr3t-value_ABC")));
    }

    void matchesTheExactRedirect() { QVERIFY(matcher.matches(matcher.url())); }

    void keepsMatchingWithQueryItemsAdded()
    {
        QVERIFY(matcher.matches(
            QUrl(QStringLiteral("http://127.0.0.1:43210/connect/"
                                "done?state=s3cr3t-value_ABC&sandbox_result=connected"))));
    }

    void refusesNearMisses_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("https") << QStringLiteral(
            "https://127.0.0.1:43210/connect/done?state=s3cr3t-value_ABC");
        QTest::newRow("localhost")
            << QStringLiteral("http://localhost:43210/connect/done?state=s3cr3t-value_ABC");
        QTest::newRow("other port")
            << QStringLiteral("http://127.0.0.1:43211/connect/done?state=s3cr3t-value_ABC");
        QTest::newRow("no port") << QStringLiteral(
            "http://127.0.0.1/connect/done?state=s3cr3t-value_ABC");
        QTest::newRow("path prefix")
            << QStringLiteral("http://127.0.0.1:43210/connect/done/x?state=s3cr3t-value_ABC");
        QTest::newRow("trailing slash")
            << QStringLiteral("http://127.0.0.1:43210/connect/done/?state=s3cr3t-value_ABC");
        QTest::newRow("shorter path")
            << QStringLiteral("http://127.0.0.1:43210/connect?state=s3cr3t-value_ABC");
        QTest::newRow("no value") << QStringLiteral("http://127.0.0.1:43210/connect/done");
        QTest::newRow("other value")
            << QStringLiteral("http://127.0.0.1:43210/connect/done?state=guess");
        QTest::newRow("value prefix")
            << QStringLiteral("http://127.0.0.1:43210/connect/done?state=s3cr3t-value_AB");
        QTest::newRow("two values") << QStringLiteral(
            "http://127.0.0.1:43210/connect/done?state=guess&state=s3cr3t-value_ABC");
        QTest::newRow("other parameter")
            << QStringLiteral("http://127.0.0.1:43210/connect/done?xstate=s3cr3t-value_ABC");
        QTest::newRow("user info")
            << QStringLiteral("http://evil@127.0.0.1:43210/connect/done?state=s3cr3t-value_ABC");
        QTest::newRow("other host")
            << QStringLiteral("http://127.0.0.2:43210/connect/done?state=s3cr3t-value_ABC");
        QTest::newRow("encoded path")
            << QStringLiteral("http://127.0.0.1:43210/connect%2Fdone?state=s3cr3t-value_ABC");
    }

    void refusesNearMisses()
    {
        QFETCH(QString, url);
        QVERIFY2(!matcher.matches(QUrl(url)), qPrintable(url));
    }

    void aNullMatcherMatchesNothing()
    {
        QVERIFY(!UrlWatch().matches(QUrl(QStringLiteral("http://127.0.0.1/"))));
    }

    void randomValuesAreLongAndDistinct()
    {
        const QString a = UrlWatch::randomValue();
        QVERIFY(a.size() >= 32);
        QVERIFY(a != UrlWatch::randomValue());
    }
};

QTEST_GUILESS_MAIN(TestUrlWatch)
#include "tst_urlwatch.moc"
