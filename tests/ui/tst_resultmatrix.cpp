// Specification: exactly one result on every path. Each row puts a session in a situation
// (requesting, loading, in the modal, a popup open, waiting for the browser, a crashed
// renderer, the network lost) and ends it one way (closed, completed, failed); the window must
// report one result, the expected one, and leave no popup behind.
#include "HttpClient.h"
#include "ModalOverHttp.h"
#include "WebTestSupport.h"
#include "core/polytomic/PolytomicProvider.h"
#include "core/settings/AppSettings.h"
#include "sandbox/SandboxServer.h"
#include "ui/ConnectWindow.h"
#include "ui/PopupWindow.h"
#include "web/ConnectWebPage.h"

#include <QDesktopServices>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWebEngineProfile>

using namespace WebTest;
using Outcome = SessionResult::Outcome;

enum class Path {
    ClosedWhileRequesting,
    ClosedWhileLoading,
    ClosedInTheModal,
    CompletedInTheModal,
    ClosedWithThePopupOpen,
    CompletedThroughThePopup,
    DeniedInThePopupThenClosed,
    ClosedWhileTheBrowserWaits,
    CompletedInTheBrowser,
    TheBrowserNeverCameBack,
    ClosedAfterARendererCrash,
    CompletedAfterARendererCrash,
    NetworkLostBeforeTheRequest,
    NetworkLostInTheModalThenClosed,
    NetworkLostWhileConfirming,
};
Q_DECLARE_METATYPE(Path)
Q_DECLARE_METATYPE(SessionResult::Outcome)

// Stands in for the system browser.
class MatrixBrowser : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> opened;

public Q_SLOTS:
    void openUrl(const QUrl &url) { opened.append(url); }
};

class TestResultMatrix : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<QSettings> m_qsettings;
    std::unique_ptr<AppSettings> m_settings;
    QWebEngineProfile *m_profile = nullptr;
    std::unique_ptr<PolytomicProvider> m_provider;
    std::unique_ptr<ConnectWindow> m_window;
    MatrixBrowser m_browser;

    ConnectWindow *open(const QString &type, const QString &name)
    {
        ApiEndpoint endpoint;
        endpoint.baseUrl =
            m_server->isRunning() ? m_server->url() : QUrl(QStringLiteral("http://127.0.0.1:9"));
        endpoint.apiKey = m_server->apiKey();
        endpoint.backoffMs = 10;
        endpoint.timeoutMs = 5000;
        m_provider = std::make_unique<PolytomicProvider>(endpoint);
        SessionRequest request;
        request.name = name;
        request.integrations = {type};
        m_window =
            std::make_unique<ConnectWindow>(m_provider.get(), request, m_profile, m_settings.get());
        m_window->show();
        m_window->start();
        return m_window.get();
    }

    bool waitForForm()
    {
        return waitUntil([&] { return state(m_window->page()) == QLatin1String("form"); },
                         pageTimeout);
    }

    void browserCompletes()
    {
        const QUrl back = ModalOverHttp::completePostgres(m_browser.opened.constLast());
        HttpClient(back).get(back.toString(QUrl::FullyEncoded));
    }

    PopupWindow *openPopup()
    {
        click(m_window->page(), QStringLiteral("oauth-signin"));
        if (!waitUntil([&] { return m_window->popupWindows().size() == 1; }, pageTimeout))
            return nullptr;
        PopupWindow *popup = m_window->popupWindows().constFirst();
        if (!waitUntil([&] { return state(popup->page()) == QLatin1String("consent"); },
                       pageTimeout))
            return nullptr;
        return popup;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_qsettings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("s.ini")),
                                                  QSettings::IniFormat);
        m_settings = std::make_unique<AppSettings>(m_qsettings.get());
        m_profile = new QWebEngineProfile(this);
        QDesktopServices::setUrlHandler(QStringLiteral("http"), &m_browser, "openUrl");
    }

    void init()
    {
        m_server = std::make_unique<SandboxServer>();
        QVERIFY(m_server->start());
    }

    void cleanup()
    {
        m_window.reset();
        m_provider.reset();
        m_server.reset();
    }

    void cleanupTestCase() { QDesktopServices::unsetUrlHandler(QStringLiteral("http")); }

    void oneResultOnEveryPath_data()
    {
        QTest::addColumn<Path>("path");
        QTest::addColumn<Outcome>("expected");
        QTest::newRow("requesting, closed") << Path::ClosedWhileRequesting << Outcome::Cancelled;
        QTest::newRow("loading, closed") << Path::ClosedWhileLoading << Outcome::Cancelled;
        QTest::newRow("in the modal, closed") << Path::ClosedInTheModal << Outcome::Cancelled;
        QTest::newRow("in the modal, completed") << Path::CompletedInTheModal << Outcome::Completed;
        QTest::newRow("popup open, closed") << Path::ClosedWithThePopupOpen << Outcome::Cancelled;
        QTest::newRow("popup open, completed")
            << Path::CompletedThroughThePopup << Outcome::Completed;
        QTest::newRow("popup denied, closed")
            << Path::DeniedInThePopupThenClosed << Outcome::Cancelled;
        QTest::newRow("browser waiting, closed")
            << Path::ClosedWhileTheBrowserWaits << Outcome::Cancelled;
        QTest::newRow("browser waiting, completed")
            << Path::CompletedInTheBrowser << Outcome::Completed;
        QTest::newRow("browser waiting, timed out")
            << Path::TheBrowserNeverCameBack << Outcome::Failed;
        QTest::newRow("renderer crashed, closed")
            << Path::ClosedAfterARendererCrash << Outcome::Failed;
        QTest::newRow("renderer crashed, reloaded, completed")
            << Path::CompletedAfterARendererCrash << Outcome::Completed;
        QTest::newRow("network lost, before the request")
            << Path::NetworkLostBeforeTheRequest << Outcome::Failed;
        QTest::newRow("network lost in the modal, closed")
            << Path::NetworkLostInTheModalThenClosed << Outcome::Cancelled;
        QTest::newRow("network lost while confirming")
            << Path::NetworkLostWhileConfirming << Outcome::Failed;
    }

    void oneResultOnEveryPath()
    {
        QFETCH(Path, path);
        QFETCH(Outcome, expected);
        const bool oauth = path == Path::ClosedWithThePopupOpen
            || path == Path::CompletedThroughThePopup || path == Path::DeniedInThePopupThenClosed;
        SandboxFaults faults;
        if (path == Path::ClosedWhileRequesting)
            faults.latencyMs = 3000;
        if (path == Path::ClosedWhileLoading)
            faults.modalDelayMs = 3000;
        m_server->setFaults(faults);
        if (path == Path::NetworkLostBeforeTheRequest)
            m_server->stop();

        ConnectWindow *window =
            open(oauth ? QStringLiteral("hubspot") : QStringLiteral("postgresql"),
                 QStringLiteral("Matrix %1").arg(QLatin1String(QTest::currentDataTag())));
        QSignalSpy finished(window, &ConnectWindow::sessionFinished);

        switch (path) {
        case Path::ClosedWhileRequesting:
            QCOMPARE(window->session()->state(), ConnectSession::State::Requesting);
            window->reject();
            break;
        case Path::ClosedWhileLoading:
            QVERIFY(waitUntil(
                [&] { return window->session()->state() == ConnectSession::State::Loading; },
                pageTimeout));
            window->reject();
            break;
        case Path::ClosedInTheModal:
            QVERIFY(waitForForm());
            window->reject();
            break;
        case Path::CompletedInTheModal:
            QVERIFY(waitForForm());
            fillPostgres(window->page());
            break;
        case Path::ClosedWithThePopupOpen:
            QVERIFY(waitForForm());
            QVERIFY(openPopup());
            window->reject();
            break;
        case Path::CompletedThroughThePopup: {
            QVERIFY(waitForForm());
            PopupWindow *popup = openPopup();
            QVERIFY(popup);
            click(popup->page(), QStringLiteral("allow"));
            break;
        }
        case Path::DeniedInThePopupThenClosed: {
            QVERIFY(waitForForm());
            PopupWindow *popup = openPopup();
            QVERIFY(popup);
            click(popup->page(), QStringLiteral("deny"));
            QVERIFY(waitUntil([&] { return !formError(window->page()).isEmpty(); }, pageTimeout));
            window->reject();
            break;
        }
        case Path::ClosedWhileTheBrowserWaits:
        case Path::CompletedInTheBrowser:
        case Path::TheBrowserNeverCameBack:
            QVERIFY(waitForForm());
            if (path == Path::TheBrowserNeverCameBack)
                window->session()->setBrowserTimeout(300);
            window->session()->continueInBrowser();
            QVERIFY(waitUntil(
                [&] { return window->session()->state() == ConnectSession::State::InBrowser; },
                pageTimeout));
            if (path == Path::ClosedWhileTheBrowserWaits)
                window->reject();
            else if (path == Path::CompletedInTheBrowser)
                browserCompletes();
            break;
        case Path::ClosedAfterARendererCrash:
        case Path::CompletedAfterARendererCrash:
            QVERIFY(waitForForm());
            window->page()->load(QUrl(QStringLiteral("chrome://crash")));
            QVERIFY(waitUntil(
                [&] { return window->session()->state() == ConnectSession::State::Problem; },
                pageTimeout));
            if (path == Path::ClosedAfterARendererCrash) {
                window->reject();
            } else {
                window->session()->retry();
                QVERIFY(waitForForm());
                fillPostgres(window->page());
            }
            break;
        case Path::NetworkLostBeforeTheRequest:
            break; // the request fails on its own
        case Path::NetworkLostInTheModalThenClosed:
            QVERIFY(waitForForm());
            m_server->stop();
            fillPostgres(window->page());
            QVERIFY(waitUntil([&] { return !formError(window->page()).isEmpty(); }, pageTimeout));
            window->reject();
            break;
        case Path::NetworkLostWhileConfirming: {
            QVERIFY(waitForForm());
            SandboxFaults lost;
            lost.dropConnection = true;
            lost.scope = QStringLiteral("/api/connections"); // the modal works; the API is gone
            m_server->setFaults(lost);
            fillPostgres(window->page());
            break;
        }
        }

        QVERIFY(waitUntil([&] { return finished.count() >= 1; }, pageTimeout));
        // Whatever else still happens (late replies, closing, popups going), no second result.
        window->reject();
        waitUntil([] { return false; }, 300);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(window->session()->result().outcome, expected);
        QVERIFY(window->popupWindows().isEmpty());
    }
};

QTEST_MAIN(TestResultMatrix)
#include "tst_resultmatrix.moc"
