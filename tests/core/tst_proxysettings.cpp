// Specification: a proxy address is checked as it is typed: host:port (http:// by default) or
// socks5://host:port; without a port, with a user or password in it, with a path or another
// scheme, it is refused with what to type instead. Bypass lists take commas, semicolons or spaces.
#include "core/settings/ProxySettings.h"

#include <QTest>

class ProxySettingsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aHostAndPortIsAnHttpProxy()
    {
        QString error;
        const auto url = ProxySettings::parseUrl(QStringLiteral(" proxy.corp:3128 "), &error);
        QVERIFY2(url, qPrintable(error));
        QCOMPARE(url->toString(), QStringLiteral("http://proxy.corp:3128"));
    }

    void socks5IsKept()
    {
        QString error;
        const auto url = ProxySettings::parseUrl(QStringLiteral("socks5://10.0.0.1:1080"), &error);
        QVERIFY2(url, qPrintable(error));
        QCOMPARE(url->scheme(), QStringLiteral("socks5"));
    }

    void unusableAddressesSayWhatToType_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("says");
        QTest::newRow("empty") << QString() << QStringLiteral("Type the proxy");
        QTest::newRow("no port") << QStringLiteral("proxy.corp") << QStringLiteral("port");
        QTest::newRow("credentials")
            << QStringLiteral("http://bob:pw@proxy.corp:3128") << QStringLiteral("keychain");
        QTest::newRow("scheme") << QStringLiteral("ftp://proxy.corp:21")
                                << QStringLiteral("socks5");
        QTest::newRow("path") << QStringLiteral("http://proxy.corp:3128/pac")
                              << QStringLiteral("path");
        QTest::newRow("garbage") << QStringLiteral("htp//bogus url") << QStringLiteral("host:port");
    }

    void unusableAddressesSayWhatToType()
    {
        QFETCH(QString, typed);
        QFETCH(QString, says);
        QString error;
        QVERIFY(!ProxySettings::parseUrl(typed, &error));
        QVERIFY2(error.contains(says), qPrintable(error));
    }

    void bypassListsTakeAnySeparator()
    {
        QCOMPARE(
            ProxySettings::parseBypass(QStringLiteral("a.example, .corp;B.example  a.example")),
            (QStringList{QStringLiteral("a.example"), QStringLiteral(".corp"),
                         QStringLiteral("b.example")}));
    }
};

QTEST_GUILESS_MAIN(ProxySettingsTest)
#include "tst_proxysettings.moc"
