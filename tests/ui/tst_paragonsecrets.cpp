// Specification: Paragon's secrets, the user token and the project's signing key, never land
// anywhere but the requests that need them. Real Paragon sessions run through the real connect
// window (the SDK in the app's host page, its popup) against the Paragon sandbox, on a web profile
// that keeps its data on disk, once with tokens the app signs and once with tokens from a token
// URL; then the settings, the web profile's folders, the caches, every log line, the support log,
// the pages' addresses and the windows' texts are searched for any user token (every token
// starts with the same header) and for the key.
#include "ParagonPortal.h"
#include "SecretSearch.h"
#include "WebTestSupport.h"
#include "core/model/ExchangeLog.h"
#include "core/paragon/ParagonProvider.h"
#include "core/settings/AppSettings.h"
#include "core/settings/ProfileStore.h"
#include "sandbox/paragon/ParagonSandbox.h"
#include "ui/ConnectWindow.h"
#include "ui/PopupWindow.h"
#include "web/WebProfiles.h"

#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <QWebEngineProfile>

using namespace WebTest;

class TestParagonSecrets : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    ParagonSandbox *m_sandbox = nullptr;
    WebProfiles *m_webProfiles = nullptr;
    QWebEngineProfile *m_profile = nullptr;
    std::unique_ptr<QSettings> m_qsettings;
    std::unique_ptr<AppSettings> m_settings;
    QStringList m_secrets; // what must be found nowhere
    QStringList m_supportLogs;
    QStringList m_texts; // the windows' texts and the pages' addresses
    int m_completed = 0;

    bool containsSecret(const QString &text) const
    {
        for (const QString &secret : m_secrets) {
            if (text.contains(secret))
                return true;
        }
        return false;
    }

    // One session: connect through the popup and close the portal (or close it at once).
    void runSession(const ParagonEndpoint &endpoint, bool connect)
    {
        ParagonProvider provider(endpoint);
        SessionRequest request;
        request.integrations = {QStringLiteral("hubspot")};
        ConnectWindow window(&provider, request, m_profile, m_settings.get());
        QSignalSpy finished(&window, &ConnectWindow::sessionFinished);
        window.setDetailsVisible(true);
        window.show();
        window.start();
        QVERIFY(waitUntil([&] { return window.currentView() == ConnectWindow::View::Modal; }));
        if (connect) {
            PopupWindow *popup = ParagonPortal::openPopup(&window);
            QVERIFY(popup);
            m_texts.append(SecretSearch::texts(popup));
            m_texts.append(popup->page()->url().toString());
            ParagonPortal::answer(popup, QStringLiteral("allow"));
            QVERIFY(waitUntil([&] { return window.popupWindows().isEmpty(); }));
        }
        m_texts.append(window.page()->url().toString());
        ParagonPortal::press(&window, QStringLiteral("close"));
        QVERIFY(waitUntil([&] { return finished.count() == 1; }));
        if (window.session()->result().outcome == SessionResult::Outcome::Completed)
            ++m_completed;
        m_texts.append(SecretSearch::texts(&window));
        m_supportLogs.append(window.session()->log()->toText());
        window.close();
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        qputenv("XDG_CACHE_HOME", m_home.filePath(QStringLiteral("cache")).toUtf8());
        qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
        QLoggingCategory::setFilterRules(QStringLiteral("connectdesktop.*=true"));
        SecretSearch::startLog();

        m_sandbox = new ParagonSandbox({}, this);
        QString error;
        QVERIFY2(m_sandbox->start(&error), qPrintable(error));
        // Every RS256 token begins with the same header; and the key's PEM body.
        m_secrets.append(
            m_sandbox->signToken(QStringLiteral("x"), 60).section(QLatin1Char('.'), 0, 0)
            + QLatin1Char('.'));
        const QList<QByteArray> pemLines = m_sandbox->signingKeyPem().split('\n');
        QVERIFY(pemLines.size() > 3);
        m_secrets.append(QString::fromLatin1(pemLines.at(1)));
        m_secrets.append(QString::fromLatin1(pemLines.at(pemLines.size() / 2)));

        m_webProfiles = new WebProfiles(m_home.filePath(QStringLiteral("web")));
        Profile remembering = ProfileStore::sandboxProfile(Profile::Platform::Paragon);
        remembering.rememberSignIns = true; // the worst case: the web profile keeps its data
        m_profile = m_webProfiles->profileFor(remembering);
        m_qsettings = std::make_unique<QSettings>(
            m_home.filePath(QStringLiteral("config/settings.ini")), QSettings::IniFormat);
        m_settings = std::make_unique<AppSettings>(m_qsettings.get());

        ParagonEndpoint signedHere;
        signedHere.projectId = m_sandbox->projectId();
        signedHere.environments = m_sandbox->environments();
        signedHere.tokenSource = ParagonEndpoint::TokenSource::SigningKey;
        signedHere.signingKeyPem = m_sandbox->signingKeyPem();
        signedHere.userId = QStringLiteral("support-user");
        runSession(signedHere, true);

        ParagonEndpoint fromBackend = signedHere;
        fromBackend.tokenSource = ParagonEndpoint::TokenSource::TokenUrl;
        fromBackend.signingKeyPem.clear();
        fromBackend.tokenUrl = m_sandbox->tokenUrl();
        fromBackend.tokenUrl.setQuery(
            QUrlQuery{{QStringLiteral("sub"), QStringLiteral("end-user")}});
        runSession(fromBackend, true);
        runSession(fromBackend, false);
        m_qsettings->sync();
    }

    void cleanupTestCase()
    {
        SecretSearch::stopLog();
        delete m_webProfiles; // after every page is gone
        m_webProfiles = nullptr;
        m_profile = nullptr;
    }

    void theSecretsWereReallyUsed()
    {
        // Otherwise the searches below would prove nothing.
        QCOMPARE(m_completed, 2);
        QCOMPARE(m_sandbox->credentials().size(), 2);
    }

    void noSettingsFileHoldsASecret()
    {
        QCOMPARE(SecretSearch::filesHolding(m_home.filePath(QStringLiteral("config")), m_secrets),
                 QStringList());
    }

    void theWebProfileKeepsNoTokenOnDisk()
    {
        QVERIFY(SecretSearch::fileCount(m_home.filePath(QStringLiteral("web")))
                > 0); // cookies, storage, …
        const QStringList hits =
            SecretSearch::filesHolding(m_home.filePath(QStringLiteral("web")), m_secrets);
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char(' '))));
    }

    void noCacheOrDataFileHoldsASecret()
    {
        QCOMPARE(SecretSearch::filesHolding(m_home.filePath(QStringLiteral("cache")), m_secrets),
                 QStringList());
        QCOMPARE(SecretSearch::filesHolding(m_home.filePath(QStringLiteral("data")), m_secrets),
                 QStringList());
    }

    void noLogLineHasASecret()
    {
        QVERIFY(!SecretSearch::log().isEmpty());
        for (const QString &line : std::as_const(SecretSearch::log()))
            QVERIFY2(!containsSecret(line), qPrintable(line.left(300)));
    }

    void theSupportLogHasNoSecret()
    {
        QCOMPARE(m_supportLogs.size(), 3);
        for (const QString &text : std::as_const(m_supportLogs)) {
            QVERIFY(text.contains(QLatin1String("/host/"))); // the host page, at least
            QVERIFY2(!containsSecret(text), qPrintable(text.left(2000)));
        }
    }

    void noWindowNorAddressShowsASecret()
    {
        QVERIFY(!m_texts.isEmpty());
        for (const QString &text : std::as_const(m_texts))
            QVERIFY2(!containsSecret(text), qPrintable(text.left(300)));
    }
};

QTEST_MAIN(TestParagonSecrets)
#include "tst_paragonsecrets.moc"
