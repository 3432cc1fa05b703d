// Specification: the command line of product.md, parsed into what the app will do.
#include "app/CommandLine.h"

#include <QTest>

namespace {

Invocation parse(const QStringList &arguments)
{
    return CommandLine::parse(QStringList{QStringLiteral("connect-desktop")} + arguments);
}

} // namespace

class TestCommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noArgumentsOpensTheWindow() { QCOMPARE(parse({}).command, Invocation::Command::Window); }

    void versionAndHelpWork()
    {
        QCOMPARE(parse({QStringLiteral("--version")}).command, Invocation::Command::Version);
        QVERIFY(parse({QStringLiteral("--version")})
                    .text.contains(QLatin1String(CONNECT_DESKTOP_VERSION)));
        const Invocation help = parse({QStringLiteral("--help")});
        QCOMPARE(help.command, Invocation::Command::Help);
        QVERIFY(help.text.contains(QLatin1String("sandbox")));
    }

    void sandboxHelpDescribesItsOptions()
    {
        const Invocation help = parse({QStringLiteral("sandbox"), QStringLiteral("--help")});
        QCOMPARE(help.command, Invocation::Command::Help);
        QVERIFY(help.text.contains(QLatin1String("--fail-status")));
        QVERIFY(help.text.contains(QLatin1String("connect-desktop sandbox")));
    }

    void readsSandboxOptionsAndFaults()
    {
        const Invocation invocation = parse(
            {QStringLiteral("sandbox"), QStringLiteral("--port"), QStringLiteral("8123"),
             QStringLiteral("--api-key"), QStringLiteral("k123"), QStringLiteral("--latency"),
             QStringLiteral("250"), QStringLiteral("--fail-status"), QStringLiteral("503"),
             QStringLiteral("--fail-first"), QStringLiteral("2"), QStringLiteral("--blank-modal"),
             QStringLiteral("--oauth-lose-opener"), QStringLiteral("--untrusted-modal"),
             QStringLiteral("--session-ttl"), QStringLiteral("60")});
        QCOMPARE(invocation.command, Invocation::Command::Sandbox);
        QCOMPARE(invocation.sandbox.port, quint16(8123));
        QCOMPARE(invocation.sandbox.apiKey, QStringLiteral("k123"));
        QCOMPARE(invocation.sandbox.sessionTtlSeconds, 60);
        QCOMPARE(invocation.sandbox.faults.latencyMs, 250);
        QCOMPARE(invocation.sandbox.faults.forcedStatus, 503);
        QCOMPARE(invocation.sandbox.faults.failFirst, 2);
        QVERIFY(invocation.sandbox.faults.blankModal);
        QVERIFY(invocation.sandbox.faults.oauthLosesOpener);
        QVERIFY(invocation.sandbox.faults.untrustedModal);
        QVERIFY(!invocation.sandbox.faults.hostileModal);
    }

    void readsConnectOptions()
    {
        const Invocation invocation =
            parse({QStringLiteral("connect"), QStringLiteral("--integration"),
                   QStringLiteral("postgresql"), QStringLiteral("--integration"),
                   QStringLiteral("hubspot"), QStringLiteral("--name"), QStringLiteral("Warehouse"),
                   QStringLiteral("--dark"), QStringLiteral("--profile"),
                   QStringLiteral("Production"), QStringLiteral("--json")});
        QCOMPARE(invocation.command, Invocation::Command::Connect);
        QCOMPARE(invocation.connect.integrations,
                 (QStringList{QStringLiteral("postgresql"), QStringLiteral("hubspot")}));
        QCOMPARE(invocation.connect.name, QStringLiteral("Warehouse"));
        QCOMPARE(invocation.connect.dark, std::optional<bool>(true));
        QCOMPARE(invocation.connect.profile, QStringLiteral("Production"));
        QVERIFY(invocation.connect.json);
    }

    void connectWithoutOptionsUsesTheAppsDefaults()
    {
        const Invocation invocation = parse({QStringLiteral("connect")});
        QCOMPARE(invocation.command, Invocation::Command::Connect);
        QVERIFY(invocation.connect.integrations.isEmpty()); // every type the backend lists
        QVERIFY(!invocation.connect.dark.has_value());
        QVERIFY(!invocation.connect.json);
    }

    void readsBackendUrls()
    {
        const Invocation base = parse({QStringLiteral("connect"), QStringLiteral("--base-url"),
                                       QStringLiteral("https://app.polytomic.com")});
        QCOMPARE(base.connect.baseUrl, QUrl(QStringLiteral("https://app.polytomic.com")));
        const Invocation proxy = parse({QStringLiteral("connect"), QStringLiteral("--proxy-url"),
                                        QStringLiteral("http://127.0.0.1:8080/backend")});
        QCOMPARE(proxy.connect.proxyUrl, QUrl(QStringLiteral("http://127.0.0.1:8080/backend")));
    }

    void connectChoosesThePlatform()
    {
        const Invocation paragon = parse(
            {QStringLiteral("connect"), QStringLiteral("--platform"), QStringLiteral("Paragon"),
             QStringLiteral("--integration"), QStringLiteral("hubspot")});
        QCOMPARE(paragon.command, Invocation::Command::Connect);
        QCOMPARE(paragon.connect.platform,
                 std::optional<Profile::Platform>(Profile::Platform::Paragon));
        const Invocation polytomic =
            parse({QStringLiteral("connect"), QStringLiteral("--platform=polytomic")});
        QCOMPARE(polytomic.connect.platform,
                 std::optional<Profile::Platform>(Profile::Platform::Polytomic));
        QVERIFY(!parse({QStringLiteral("connect")}).connect.platform.has_value());
    }

    void readsParagonSandboxOptionsAndFaults()
    {
        const Invocation invocation =
            parse({QStringLiteral("sandbox"), QStringLiteral("--platform"),
                   QStringLiteral("paragon"), QStringLiteral("--json"), QStringLiteral("--port"),
                   QStringLiteral("8124"), QStringLiteral("--project-id"), QStringLiteral("p-123"),
                   QStringLiteral("--token-fault"), QStringLiteral("expired"),
                   QStringLiteral("--oauth-error"), QStringLiteral("--oauth-start-status"),
                   QStringLiteral("503"), QStringLiteral("--pending-credentials"),
                   QStringLiteral("--modal-delay"), QStringLiteral("40"),
                   QStringLiteral("--oauth-lose-opener")});
        QCOMPARE(invocation.command, Invocation::Command::Sandbox);
        QVERIFY(invocation.sandboxJson);
        QVERIFY(invocation.paragonSandbox.has_value());
        const ParagonSandboxOptions &options = *invocation.paragonSandbox;
        QCOMPARE(options.port, quint16(8124));
        QCOMPARE(options.projectId, QStringLiteral("p-123"));
        QCOMPARE(options.tokenFault, QStringLiteral("expired"));
        QVERIFY(options.oauthError);
        QCOMPARE(options.oauthStartStatus, 503);
        QVERIFY(options.pendingCredentials);
        QCOMPARE(options.portalDelayMs, 40);
        QVERIFY(options.popupLosesOpener);
        QVERIFY(!options.blankPortal);
    }

    void aPolytomicSandboxHasNoParagonOptions()
    {
        const Invocation invocation = parse({QStringLiteral("sandbox")});
        QCOMPARE(invocation.command, Invocation::Command::Sandbox);
        QVERIFY(!invocation.paragonSandbox.has_value());
        QVERIFY(!invocation.sandboxJson);
    }

    void aLinkOpensTheWindowForItsIntegration()
    {
        const Invocation invocation =
            parse({QStringLiteral("connectdesktop://connect?integration=salesforce")});
        QCOMPARE(invocation.command, Invocation::Command::Window);
        QCOMPARE(invocation.deepLinkIntegration, QStringLiteral("salesforce"));
    }

    void aLinkIsOpenedAlone()
    {
        const Invocation invocation =
            parse({QStringLiteral("connectdesktop://connect?integration=salesforce"),
                   QStringLiteral("--json")});
        QCOMPARE(invocation.command, Invocation::Command::Error);
    }

    void badValuesNameTheFix_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("port") << QStringList{QStringLiteral("sandbox"), QStringLiteral("--port"),
                                             QStringLiteral("http")}
                              << QStringLiteral("--port");
        QTest::newRow("rate") << QStringList{QStringLiteral("sandbox"),
                                             QStringLiteral("--fail-rate"), QStringLiteral("2")}
                              << QStringLiteral("--fail-rate");
        QTest::newRow("status") << QStringList{QStringLiteral("sandbox"),
                                               QStringLiteral("--fail-status"),
                                               QStringLiteral("200")}
                                << QStringLiteral("--fail-status");
        QTest::newRow("connect platform")
            << QStringList{QStringLiteral("connect"), QStringLiteral("--platform"),
                           QStringLiteral("zapier")}
            << QStringLiteral("polytomic or paragon");
        QTest::newRow("sandbox platform")
            << QStringList{QStringLiteral("sandbox"), QStringLiteral("--platform"),
                           QStringLiteral("zapier")}
            << QStringLiteral("polytomic or paragon");
        QTest::newRow("Paragon's option without its platform")
            << QStringList{QStringLiteral("sandbox"), QStringLiteral("--token-fault"),
                           QStringLiteral("expired")}
            << QStringLiteral("--platform paragon");
        QTest::newRow("Polytomic's option on Paragon's sandbox") << QStringList{
            QStringLiteral("sandbox"), QStringLiteral("--platform"), QStringLiteral("paragon"),
            QStringLiteral("--fail-rate"), QStringLiteral("0.5")} << QStringLiteral("--fail-rate");
        QTest::newRow("token fault")
            << QStringList{QStringLiteral("sandbox"), QStringLiteral("--platform"),
                           QStringLiteral("paragon"), QStringLiteral("--token-fault"),
                           QStringLiteral("stale")}
            << QStringLiteral("expired or forged");
        QTest::newRow("project id")
            << QStringList{QStringLiteral("sandbox"), QStringLiteral("--platform"),
                           QStringLiteral("paragon"), QStringLiteral("--project-id"),
                           QStringLiteral("a/b")}
            << QStringLiteral("--project-id");
        QTest::newRow("oauth start status")
            << QStringList{QStringLiteral("sandbox"), QStringLiteral("--platform"),
                           QStringLiteral("paragon"), QStringLiteral("--oauth-start-status"),
                           QStringLiteral("200")}
            << QStringLiteral("--oauth-start-status");
        QTest::newRow("unknown option")
            << QStringList{QStringLiteral("sandbox"), QStringLiteral("--frobnicate")}
            << QStringLiteral("--help");
        QTest::newRow("unknown command")
            << QStringList{QStringLiteral("frobnicate")} << QStringLiteral("--help");
    }

    void badValuesNameTheFix()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mentions);
        const Invocation invocation = parse(arguments);
        QCOMPARE(invocation.command, Invocation::Command::Error);
        QVERIFY2(invocation.text.contains(mentions), qPrintable(invocation.text));
        QVERIFY(!invocation.text.contains(QLatin1Char('\n')));
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
