// Specification: with a proxy of the app's own (Settings, Network: manual), both network stacks
// go through it: the API client's requests and the web engine's pages, each signing in to a proxy
// that asks for credentials with the user from the settings and the password from the keychain
// (here, its environment variable). The password is written nowhere. A wrong password fails with
// a reason; the doctor says which proxy each stack uses. Against a sandbox on 127.0.0.1 named
// sandbox.test, which only the proxy resolves (this computer's own servers bypass any proxy). Pages
// need https beyond this computer: the sandbox's modal is served over TLS with a certificate no
// one trusts, so the page's row ends refused at the certificate, after the tunnel through the
// proxy was opened (the web engine trusts no custom certificate authority yet).
#include "LoopbackProxy.h"
#include "SupportProcess.h"
#include "core/system/DiagnosticsBundle.h"
#include "sandbox/SandboxServer.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QSettings>
#include <QTest>

namespace {

const QString apiKey = QStringLiteral("k_proxy_test_secret");
const QString proxyPassword = QStringLiteral("proxy-password-known-secret");
const QString publicHost = QStringLiteral("sandbox.test");

} // namespace

class ProxyTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<LoopbackProxy> m_proxy;

    QUrl sandboxUrl() const
    {
        QUrl url = m_sandbox->url();
        url.setHost(publicHost);
        return url;
    }

    SupportRun run(const QStringList &arguments, const QString &password = proxyPassword)
    {
        return SupportProcess(m_home.path())
            .run(arguments,
                 {{QStringLiteral("POLYTOMIC_API_KEY"), apiKey},
                  {QStringLiteral("CONNECT_DESKTOP_PROXY_PASSWORD"), password},
                  // The environment's proxies must not count: the app's own is set.
                  {QStringLiteral("http_proxy"), QString()},
                  {QStringLiteral("https_proxy"), QString()}});
    }

    QList<LoopbackProxy::Seen> admittedFor(const QString &host) const
    {
        QList<LoopbackProxy::Seen> found;
        for (const LoopbackProxy::Seen &seen : m_proxy->seen()) {
            if (seen.admitted && seen.host == host)
                found.append(seen);
        }
        return found;
    }

private Q_SLOTS:
    void init()
    {
        QDir(m_home.path()).removeRecursively();
        QDir().mkpath(m_home.path());
        SandboxOptions options;
        options.apiKey = apiKey;
        options.publicHost = publicHost;
        options.faults.untrustedModal = true;
        m_sandbox = std::make_unique<SandboxServer>(options);
        QString error;
        QVERIFY2(m_sandbox->start(&error), qPrintable(error));
        m_proxy = std::make_unique<LoopbackProxy>();
        QVERIFY(m_proxy->listen());
        m_proxy->requireCredentials(QStringLiteral("alice"), proxyPassword);
        QSettings settings(m_home.path()
                               + QStringLiteral("/config/ConnectDesktop/connect-desktop.conf"),
                           QSettings::IniFormat);
        settings.setValue(QStringLiteral("network/proxy"), QStringLiteral("manual"));
        settings.setValue(QStringLiteral("network/proxyUrl"),
                          QStringLiteral("http://127.0.0.1:%1").arg(m_proxy->port()));
        settings.setValue(QStringLiteral("network/proxyUser"), QStringLiteral("alice"));
    }

    void cleanup()
    {
        m_proxy.reset();
        m_sandbox.reset();
    }

    void bothStacksGoThroughTheProxyAndSignIn()
    {
        const SupportRun check =
            run({QStringLiteral("check"), QStringLiteral("--json"), QStringLiteral("--base-url"),
                 sandboxUrl().toString(), QStringLiteral("--integration"),
                 QStringLiteral("postgresql")});
        // The request was made (through the proxy); the page's tunnel opened, and its
        // certificate was refused, not its network.
        QCOMPARE(check.json()
                     .value(QLatin1String("rows"))
                     .toArray()
                     .at(0)[QLatin1String("code")]
                     .toString(),
                 QStringLiteral("certificate_error"));
        bool api = false;
        bool web = false;
        for (const LoopbackProxy::Seen &seen : admittedFor(publicHost)) {
            if (seen.path.startsWith(QLatin1String("/api/connections/connect"))
                && !seen.userAgent.contains("QtWebEngine"))
                api = true;
            if (seen.method == QLatin1String("CONNECT") && seen.userAgent.contains("QtWebEngine"))
                web = true;
        }
        QVERIFY2(api, "no API request went through the proxy");
        QVERIFY2(web, "no page of the web engine went through the proxy");
        // Each stack was asked to sign in first, and did.
        QVERIFY(std::any_of(m_proxy->seen().cbegin(), m_proxy->seen().cend(),
                            [](const LoopbackProxy::Seen &seen) { return !seen.admitted; }));
    }

    void theProxyPasswordIsWrittenNowhere()
    {
        run({QStringLiteral("check"), QStringLiteral("--base-url"), sandboxUrl().toString(),
             QStringLiteral("--integration"), QStringLiteral("postgresql")});
        run({QStringLiteral("connect"), QStringLiteral("--base-url"), sandboxUrl().toString(),
             QStringLiteral("--integration"), QStringLiteral("nosuch")});
        const QString bundle = m_home.filePath(QStringLiteral("bundle.zip"));
        QCOMPARE(run({QStringLiteral("diagnostics"), QStringLiteral("--output"), bundle}).exitCode,
                 0);
        QDirIterator files(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            if (file.fileName().endsWith(QLatin1String(".zip")) || !file.open(QIODevice::ReadOnly))
                continue;
            QVERIFY2(!file.readAll().contains(proxyPassword.toUtf8()), qPrintable(file.fileName()));
        }
        QString error;
        const auto contents = DiagnosticsBundle::readZip(bundle, &error);
        QVERIFY2(contents, qPrintable(error));
        for (auto it = contents->cbegin(); it != contents->cend(); ++it)
            QVERIFY2(!it.value().contains(proxyPassword.toUtf8()), qPrintable(it.key()));
    }

    void aWrongPasswordFailsWithAReason()
    {
        const SupportRun check =
            run({QStringLiteral("check"), QStringLiteral("--json"), QStringLiteral("--base-url"),
                 sandboxUrl().toString(), QStringLiteral("--integration"),
                 QStringLiteral("postgresql")},
                QStringLiteral("not-the-password"));
        QCOMPARE(check.exitCode, 1);
        QVERIFY(admittedFor(publicHost).isEmpty());
        QVERIFY2(check.err.contains("proxy") || check.err.contains("Proxy"), check.err.constData());
    }

    void theDoctorSaysBothStacksUseTheProxy()
    {
        const SupportRun doctor = run({QStringLiteral("doctor"), QStringLiteral("--json"),
                                       QStringLiteral("--base-url"), sandboxUrl().toString()});
        const QString expected = QStringLiteral("http://127.0.0.1:%1").arg(m_proxy->port());
        for (const QJsonValue &finding : doctor.json().value(QLatin1String("findings")).toArray()) {
            if (finding[QLatin1String("check")].toString() != QLatin1String("proxy"))
                continue;
            QCOMPARE(finding[QLatin1String("level")].toString(), QStringLiteral("ok"));
            QCOMPARE(finding[QLatin1String("details")][QLatin1String("api")].toString(), expected);
            QCOMPARE(finding[QLatin1String("details")][QLatin1String("web")].toString(), expected);
            return;
        }
        QFAIL("the doctor said nothing of proxies");
    }
};

QTEST_GUILESS_MAIN(ProxyTest)
#include "tst_proxy.moc"
