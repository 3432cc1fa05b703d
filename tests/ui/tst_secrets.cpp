// Specification: the API key never lands anywhere but the API's Authorization header. Real
// sessions run through the real windows with a distinctive key, on a web profile that keeps
// its data on disk; then the settings, the web profile's folders, the caches, every log line,
// the support log and the windows' texts are searched for it.
#include "SandboxBackends.h"
#include "SecretSearch.h"
#include "WebTestSupport.h"
#include "core/model/ExchangeLog.h"
#include "core/polytomic/PolytomicProvider.h"
#include "core/settings/AppSettings.h"
#include "core/settings/ProfileStore.h"
#include "sandbox/SandboxServer.h"
#include "ui/ConnectWindow.h"
#include "ui/IntegrationPicker.h"
#include "ui/MainWindow.h"
#include "ui/SettingsDialog.h"
#include "web/ConnectWebPage.h"
#include "web/WebProfiles.h"

#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWebEngineProfile>

using namespace WebTest;

namespace {

const QString key = QStringLiteral("sk_live_CANARY_4f9a1c7e2b");
} // namespace

class TestSecrets : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    SandboxServer *m_server = nullptr;
    WebProfiles *m_webProfiles = nullptr;
    QWebEngineProfile *m_profile = nullptr;
    std::unique_ptr<QSettings> m_qsettings;
    std::unique_ptr<AppSettings> m_settings;
    PolytomicProvider *m_provider = nullptr;
    QStringList m_supportLogs;
    QStringList m_widgetTexts;

    enum class Ending { Complete, Cancel, Fail };

    void runSession(const QString &name, Ending ending)
    {
        SessionRequest request;
        request.name = name;
        request.integrations = {QStringLiteral("postgresql")};
        ConnectWindow window(m_provider, request, m_profile, m_settings.get());
        QSignalSpy finished(&window, &ConnectWindow::sessionFinished);
        window.setDetailsVisible(true);
        window.show();
        window.start();
        if (ending != Ending::Fail)
            QVERIFY(waitUntil([&] { return state(window.page()) == QLatin1String("form"); },
                              pageTimeout));
        if (ending == Ending::Complete)
            fillPostgres(window.page());
        else if (ending == Ending::Cancel)
            window.reject();
        QVERIFY(waitUntil(
            [&] {
                return finished.count() == 1 || window.currentView() == ConnectWindow::View::Result;
            },
            pageTimeout));
        m_widgetTexts.append(SecretSearch::texts(&window));
        m_supportLogs.append(window.session()->log()->toText());
        window.close();
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Every standard location of the app lives in a folder of ours.
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        qputenv("XDG_CACHE_HOME", m_home.filePath(QStringLiteral("cache")).toUtf8());
        qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
        QLoggingCategory::setFilterRules(QStringLiteral("connectdesktop.*=true"));
        SecretSearch::startLog();

        SandboxOptions options;
        options.apiKey = key;
        m_server = new SandboxServer(options, this);
        QVERIFY(m_server->start());
        // A profile that remembers sign-ins keeps cookies, cache and storage on disk, so there
        // is something to search.
        m_webProfiles = new WebProfiles(m_home.filePath(QStringLiteral("web")));
        Profile remembering = ProfileStore::sandboxProfile();
        remembering.rememberSignIns = true;
        m_profile = m_webProfiles->profileFor(remembering);
        m_qsettings = std::make_unique<QSettings>(
            m_home.filePath(QStringLiteral("config/settings.ini")), QSettings::IniFormat);
        m_settings = std::make_unique<AppSettings>(m_qsettings.get());
        ApiEndpoint endpoint;
        endpoint.baseUrl = m_server->url();
        endpoint.apiKey = key;
        m_provider = new PolytomicProvider(endpoint, this);

        runSession(QStringLiteral("Secret keeper"), Ending::Complete);
        runSession(QStringLiteral("Closed at once"), Ending::Cancel);
        SandboxFaults faults;
        faults.forcedStatus = 401; // the key refused: the one place it could be quoted back
        m_server->setFaults(faults);
        runSession(QStringLiteral("Refused"), Ending::Fail);
        m_server->setFaults({});

        // The main window too: its profile switcher, lists and logo cache.
        SandboxBackends backends(m_server);
        ProfileStore profiles(m_qsettings.get());
        MainWindow main(&backends, &profiles, m_settings.get(), m_webProfiles);
        main.show();
        QVERIFY(waitUntil([&] { return !main.picker()->types().isEmpty(); }, pageTimeout));
        m_widgetTexts.append(SecretSearch::texts(&main));
        m_qsettings->sync();
    }

    void cleanupTestCase()
    {
        SecretSearch::stopLog();
        delete m_webProfiles; // after every page is gone
        m_webProfiles = nullptr;
        m_profile = nullptr;
    }

    void theKeyWasReallyUsed()
    {
        // Otherwise the searches below would prove nothing.
        QVERIFY(!m_server->connections().isEmpty());
    }

    void noSettingsFileHoldsTheKey()
    {
        QCOMPARE(SecretSearch::filesHolding(m_home.filePath(QStringLiteral("config")), {key}),
                 QStringList());
    }

    void theWebProfileHoldsNoTrace()
    {
        QVERIFY(SecretSearch::fileCount(m_home.filePath(QStringLiteral("web")))
                > 0); // cookies, storage, …
        QCOMPARE(SecretSearch::filesHolding(m_home.filePath(QStringLiteral("web")), {key}),
                 QStringList());
    }

    void noCacheOrDataFileHoldsTheKey()
    {
        QCOMPARE(SecretSearch::filesHolding(m_home.filePath(QStringLiteral("cache")), {key}),
                 QStringList());
        QCOMPARE(SecretSearch::filesHolding(m_home.filePath(QStringLiteral("data")), {key}),
                 QStringList());
    }

    void noLogLineHasTheKey()
    {
        QVERIFY(!SecretSearch::log().isEmpty());
        for (const QString &line : std::as_const(SecretSearch::log()))
            QVERIFY2(!line.contains(key), qPrintable(line));
    }

    void theSupportLogHasNoKey()
    {
        QCOMPARE(m_supportLogs.size(), 3);
        for (const QString &text : std::as_const(m_supportLogs)) {
            QVERIFY(text.contains(QLatin1String("/api/connections/connect/")));
            QVERIFY(!text.contains(key));
        }
    }

    void noWindowShowsTheKey()
    {
        QVERIFY(!m_widgetTexts.isEmpty());
        for (const QString &text : std::as_const(m_widgetTexts))
            QVERIFY2(!text.contains(key), qPrintable(text));
    }
};

QTEST_MAIN(TestSecrets)
#include "tst_secrets.moc"
