// Specification: exactly one result on every path of a Paragon session, as of a Polytomic one
// (tst_resultmatrix). Each row puts a session in a situation (loading, in the portal, a popup
// open, a crashed renderer, the network lost, a fault of the platform) and ends it one way; the
// window must report one result, the expected one, and leave no popup behind. Paragon's real SDK
// runs in the app's host page against the Paragon sandbox on 127.0.0.1.
#include "ParagonPortal.h"
#include "WebTestSupport.h"
#include "core/model/ExchangeLog.h"
#include "core/paragon/ParagonProvider.h"
#include "core/settings/AppSettings.h"
#include "sandbox/paragon/ParagonSandbox.h"
#include "ui/ConnectWindow.h"
#include "ui/PopupWindow.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <QWebEngineProfile>

#include <memory>

using namespace WebTest;
using Outcome = SessionResult::Outcome;
using State = ConnectSession::State;

enum class Path {
    ClosedWhileLoading,
    ClosedByTheWindowInThePortal,
    ClosedByThePortal,
    ConnectedThenClosedByThePortal,
    ConnectedThenClosedByTheWindow,
    ClosedWithThePopupOpen,
    DeniedInThePopup,
    AnOAuthErrorInThePopup,
    ConnectedButPending,
    ATokenThePlatformRefuses,
    ClosedAfterARendererCrash,
    ConnectedAfterARendererCrash,
    NetworkLostBeforeTheSession,
    NetworkLostInThePortalThenClosed,
    NetworkLostWhileConfirming,
};
Q_DECLARE_METATYPE(Path)
Q_DECLARE_METATYPE(SessionResult::Outcome)

class TestParagonResultMatrix : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_qsettings;
    std::unique_ptr<AppSettings> m_settings;
    QWebEngineProfile *m_profile = nullptr;
    std::unique_ptr<ParagonSandbox> m_sandbox;
    std::unique_ptr<ParagonProvider> m_provider;
    std::unique_ptr<ConnectWindow> m_window;

    ConnectWindow *open()
    {
        ParagonEndpoint endpoint;
        endpoint.projectId = m_sandbox->projectId();
        endpoint.environments = m_sandbox->environments();
        endpoint.tokenUrl = m_sandbox->tokenUrl();
        endpoint.tokenUrl.setQuery(QUrlQuery{{QStringLiteral("sub"), QStringLiteral("matrix")}});
        endpoint.timeoutMs = 5000;
        m_provider = std::make_unique<ParagonProvider>(endpoint);
        SessionRequest request;
        request.integrations = {QStringLiteral("hubspot")};
        m_window =
            std::make_unique<ConnectWindow>(m_provider.get(), request, m_profile, m_settings.get());
        m_window->show();
        m_window->start();
        return m_window.get();
    }

    bool inThePortal() const
    {
        return waitUntil([&] { return m_window->currentView() == ConnectWindow::View::Modal; });
    }

    // The sandbox has the account the popup connected.
    bool theSandboxHasTheCredential()
    {
        return waitUntil([&] { return m_sandbox && !m_sandbox->credentials().isEmpty(); });
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_qsettings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("s.ini")),
                                                  QSettings::IniFormat);
        m_settings = std::make_unique<AppSettings>(m_qsettings.get());
        m_profile = new QWebEngineProfile(this);
    }

    void cleanup()
    {
        m_window.reset();
        m_provider.reset();
        m_sandbox.reset();
    }

    void oneResultOnEveryPath_data()
    {
        QTest::addColumn<Path>("path");
        QTest::addColumn<Outcome>("expected");
        QTest::newRow("loading, closed") << Path::ClosedWhileLoading << Outcome::Cancelled;
        QTest::newRow("in the portal, window closed")
            << Path::ClosedByTheWindowInThePortal << Outcome::Cancelled;
        QTest::newRow("in the portal, portal closed")
            << Path::ClosedByThePortal << Outcome::Cancelled;
        QTest::newRow("connected, portal closed")
            << Path::ConnectedThenClosedByThePortal << Outcome::Completed;
        QTest::newRow("connected, window closed")
            << Path::ConnectedThenClosedByTheWindow << Outcome::Completed;
        QTest::newRow("popup open, window closed")
            << Path::ClosedWithThePopupOpen << Outcome::Cancelled;
        QTest::newRow("denied in the popup") << Path::DeniedInThePopup << Outcome::Failed;
        QTest::newRow("an OAuth error in the popup")
            << Path::AnOAuthErrorInThePopup << Outcome::Failed;
        QTest::newRow("connected, but pending") << Path::ConnectedButPending << Outcome::Failed;
        QTest::newRow("a token the platform refuses")
            << Path::ATokenThePlatformRefuses << Outcome::Failed;
        QTest::newRow("renderer crashed, closed")
            << Path::ClosedAfterARendererCrash << Outcome::Failed;
        QTest::newRow("renderer crashed, retried, connected")
            << Path::ConnectedAfterARendererCrash << Outcome::Completed;
        QTest::newRow("network lost, before the session")
            << Path::NetworkLostBeforeTheSession << Outcome::Failed;
        QTest::newRow("network lost in the portal, closed")
            << Path::NetworkLostInThePortalThenClosed << Outcome::Cancelled;
        QTest::newRow("network lost while confirming")
            << Path::NetworkLostWhileConfirming << Outcome::Failed;
    }

    void oneResultOnEveryPath()
    {
        QFETCH(Path, path);
        QFETCH(Outcome, expected);
        ParagonSandboxOptions options;
        if (path == Path::ClosedWhileLoading)
            options.portalDelayMs = 3000;
        options.oauthError = path == Path::AnOAuthErrorInThePopup;
        options.pendingCredentials = path == Path::ConnectedButPending;
        if (path == Path::ATokenThePlatformRefuses)
            options.tokenFault = QStringLiteral("forged");
        m_sandbox = std::make_unique<ParagonSandbox>(options);
        QString error;
        QVERIFY2(m_sandbox->start(&error), qPrintable(error));

        ConnectWindow *window = open();
        QSignalSpy finished(window, &ConnectWindow::sessionFinished);
        if (path == Path::NetworkLostBeforeTheSession)
            m_sandbox.reset(); // nothing listens where the session asks for its token

        switch (path) {
        case Path::ClosedWhileLoading:
            QVERIFY(waitUntil([&] { return window->session()->state() == State::Loading; }));
            window->reject();
            break;
        case Path::ClosedByTheWindowInThePortal:
            QVERIFY(inThePortal());
            window->reject();
            break;
        case Path::ClosedByThePortal:
            QVERIFY(inThePortal());
            ParagonPortal::press(window, QStringLiteral("close"));
            break;
        case Path::ConnectedThenClosedByThePortal:
        case Path::ConnectedButPending:
            QVERIFY(inThePortal());
            QVERIFY(ParagonPortal::signIn(window));
            QVERIFY(theSandboxHasTheCredential());
            ParagonPortal::press(window, QStringLiteral("close"));
            break;
        case Path::ConnectedThenClosedByTheWindow:
            QVERIFY(inThePortal());
            QVERIFY(ParagonPortal::signIn(window));
            QVERIFY(theSandboxHasTheCredential());
            // The install report travels on its own request: let it arrive before closing.
            QVERIFY(waitUntil([&] {
                return window->session()->log()->toText().contains(QLatin1String("credential"));
            }));
            window->reject();
            break;
        case Path::ClosedWithThePopupOpen:
            QVERIFY(inThePortal());
            QVERIFY(ParagonPortal::openPopup(window));
            window->reject();
            break;
        case Path::DeniedInThePopup:
            QVERIFY(inThePortal());
            QVERIFY(ParagonPortal::signIn(window, QStringLiteral("deny")));
            break;
        case Path::AnOAuthErrorInThePopup:
            QVERIFY(inThePortal());
            QVERIFY(ParagonPortal::signIn(window));
            break;
        case Path::ATokenThePlatformRefuses:
        case Path::NetworkLostBeforeTheSession:
            break; // fails on its own
        case Path::ClosedAfterARendererCrash:
        case Path::ConnectedAfterARendererCrash:
            QVERIFY(inThePortal());
            window->page()->load(QUrl(QStringLiteral("chrome://crash")));
            QVERIFY(waitUntil([&] { return window->session()->state() == State::Problem; }));
            if (path == Path::ClosedAfterARendererCrash) {
                window->reject();
            } else {
                window->session()->retry();
                QVERIFY(waitUntil([&] { return window->session()->state() == State::InModal; }));
                QVERIFY(inThePortal());
                QVERIFY(ParagonPortal::signIn(window));
                QVERIFY(theSandboxHasTheCredential());
                ParagonPortal::press(window, QStringLiteral("close"));
            }
            break;
        case Path::NetworkLostInThePortalThenClosed:
            QVERIFY(inThePortal());
            m_sandbox.reset();
            ParagonPortal::press(window, QStringLiteral("close"));
            break;
        case Path::NetworkLostWhileConfirming:
            QVERIFY(inThePortal());
            QVERIFY(ParagonPortal::signIn(window));
            QVERIFY(theSandboxHasTheCredential());
            m_sandbox.reset();
            ParagonPortal::press(window, QStringLiteral("close"));
            break;
        }

        QVERIFY(waitUntil([&] { return finished.count() >= 1; }));
        // Whatever else still happens (late reports, closing, popups going), no second result.
        window->reject();
        waitUntil([] { return false; }, 300);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(window->session()->result().outcome, expected);
        if (expected == Outcome::Failed)
            QVERIFY2(!window->session()->result().errorMessage.isEmpty(), "a failure says why");
        QVERIFY(window->popupWindows().isEmpty());
    }
};

QTEST_MAIN(TestParagonResultMatrix)
#include "tst_paragonresultmatrix.moc"
