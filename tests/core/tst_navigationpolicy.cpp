// Specification: the web view goes to web pages only; everything else is refused with a reason.
#include "core/session/NavigationPolicy.h"

#include <QTest>

class TestNavigationPolicy : public QObject
{
    Q_OBJECT

    const UrlWatch redirect{QUrl(QStringLiteral("http://127.0.0.1:41000/connect-desktop/done")),
                            QStringLiteral("state"), QStringLiteral("value-0123456789")};

    bool allowed(const QString &url, bool mainFrame = true) const
    {
        return NavigationPolicy::check(QUrl(url), mainFrame, redirect).allowed;
    }

private Q_SLOTS:
    void allowsWebPages_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("https") << QStringLiteral("https://app.polytomic.com/connect/abc");
        QTest::newRow("https with port") << QStringLiteral("https://auth.example.com:8443/x");
        QTest::newRow("http to loopback") << QStringLiteral("http://127.0.0.1:8080/connect/x");
        QTest::newRow("http to 127.x") << QStringLiteral("http://127.1.2.3/");
        QTest::newRow("http to ::1") << QStringLiteral("http://[::1]:8080/");
        QTest::newRow("http to localhost") << QStringLiteral("http://localhost:3000/");
        QTest::newRow("about:blank") << QStringLiteral("about:blank");
        QTest::newRow("the exact redirect")
            << QStringLiteral("http://127.0.0.1:41000/connect-desktop/done?state=value-0123456789");
    }

    void allowsWebPages()
    {
        QFETCH(QString, url);
        QVERIFY2(allowed(url), qPrintable(url));
    }

    void refusesEverythingElse_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("file") << QStringLiteral("file:///etc/passwd");
        QTest::newRow("data") << QStringLiteral("data:text/html,<script>alert(1)</script>");
        QTest::newRow("javascript") << QStringLiteral("javascript:alert(1)");
        QTest::newRow("blob") << QStringLiteral("blob:https://app.polytomic.com/0b1c");
        QTest::newRow("ftp") << QStringLiteral("ftp://example.com/");
        QTest::newRow("chrome") << QStringLiteral("chrome://settings");
        QTest::newRow("view-source") << QStringLiteral("view-source:https://example.com/");
        QTest::newRow("custom scheme") << QStringLiteral("connectdesktop://connect?integration=x");
        QTest::newRow("qrc") << QStringLiteral("qrc:/ui/app-logo.svg");
        QTest::newRow("plain http outside")
            << QStringLiteral("http://app.polytomic.com/connect/abc");
        QTest::newRow("http to a private address") << QStringLiteral("http://192.168.1.10/");
        QTest::newRow("user info") << QStringLiteral("https://user:pass@example.com/");
        QTest::newRow("about:config") << QStringLiteral("about:config");
        QTest::newRow("own port, other path") << QStringLiteral("http://127.0.0.1:41000/admin");
        QTest::newRow("own port, wrong value")
            << QStringLiteral("http://127.0.0.1:41000/connect-desktop/done?state=guess");
        QTest::newRow("own port via localhost")
            << QStringLiteral("http://localhost:41000/connect-desktop/done?state=value-0123456789");
    }

    void refusesEverythingElse()
    {
        QFETCH(QString, url);
        const auto decision = NavigationPolicy::check(QUrl(url), true, redirect);
        QVERIFY2(!decision.allowed, qPrintable(url));
        QVERIFY(!decision.reason.isEmpty());
    }

    void framesMayUseSrcdocButNotTheTopPage()
    {
        QVERIFY(allowed(QStringLiteral("about:srcdoc"), false));
        QVERIFY(!allowed(QStringLiteral("about:srcdoc"), true));
        QVERIFY(!allowed(QStringLiteral("data:text/html,x"), false));
    }

    void withoutASessionLoopbackPortsAreOrdinary()
    {
        QVERIFY(NavigationPolicy::check(QUrl(QStringLiteral("http://127.0.0.1:41000/admin")), true,
                                        UrlWatch())
                    .allowed);
    }
};

QTEST_GUILESS_MAIN(TestNavigationPolicy)
#include "tst_navigationpolicy.moc"
