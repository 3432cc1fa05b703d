// Specification: the main window on a Paragon profile, as on a Polytomic one: its picker lists the
// project's integrations, a connection made from it is listed with its status, Reconnect
// re-authenticates that credential and Remove uninstalls it after asking. Paragon's real SDK runs
// in the app's host page against the Paragon sandbox on 127.0.0.1; the window learns all of it
// through the platform interface.
#include "ParagonPortal.h"
#include "SandboxFixture.h"
#include "WebTestSupport.h"
#include "core/paragon/ParagonProvider.h"
#include "core/session/Backends.h"
#include "core/settings/AppSettings.h"
#include "core/settings/ProfileStore.h"
#include "sandbox/paragon/ParagonSandbox.h"
#include "ui/ConnectWindow.h"
#include "ui/ConnectionsView.h"
#include "ui/IntegrationPicker.h"
#include "ui/MainWindow.h"
#include "ui/SettingsDialog.h"

#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace WebTest;
using View = ConnectWindow::View;

namespace {

// Every profile opens a ParagonProvider for the sandbox the test owns.
class ParagonSandboxBackends : public Backends
{
public:
    explicit ParagonSandboxBackends(ParagonSandbox *sandbox)
        : m_sandbox(sandbox)
    { }

    void open(const Profile &, QObject *, ResultCallback<PlatformProvider *> done) override
    {
        ParagonEndpoint endpoint;
        endpoint.projectId = m_sandbox->projectId();
        endpoint.environments = m_sandbox->environments();
        endpoint.tokenUrl = m_sandbox->tokenUrl();
        endpoint.tokenUrl.setQuery(
            QUrlQuery{{QStringLiteral("sub"), QStringLiteral("window-user")}});
        m_provider = std::make_unique<ParagonProvider>(endpoint);
        done(Result<PlatformProvider *>::success(m_provider.get()));
    }

    QString describe(const Profile &) const override
    {
        return QStringLiteral("Paragon sandbox on %1").arg(m_sandbox->url().authority());
    }

private:
    ParagonSandbox *m_sandbox;
    std::unique_ptr<ParagonProvider> m_provider;
};

} // namespace

class TestParagonMainWindow : public QObject
{
    Q_OBJECT

    SandboxFixture m_fixture; // web profiles and a folder of the test's own
    std::unique_ptr<ParagonSandbox> m_sandbox;
    std::unique_ptr<ParagonSandboxBackends> m_backends;
    std::unique_ptr<QSettings> m_qsettings;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<ProfileStore> m_store;
    std::unique_ptr<MainWindow> m_window;
    int m_settingsFile = 0;

    MainWindow *openMainWindow()
    {
        m_qsettings = std::make_unique<QSettings>(
            m_fixture.path(QStringLiteral("paragon-settings-%1.ini").arg(++m_settingsFile)),
            QSettings::IniFormat);
        m_settings = std::make_unique<AppSettings>(m_qsettings.get());
        m_store = std::make_unique<ProfileStore>(m_qsettings.get());
        m_store->setActive(QStringLiteral("paragon-sandbox"));
        m_window = std::make_unique<MainWindow>(m_backends.get(), m_store.get(), m_settings.get(),
                                                m_fixture.webProfiles);
        m_window->show();
        return m_window.get();
    }

    static bool loaded(MainWindow *window)
    {
        return waitUntil(
            [&] { return window->picker()->types().size() > 0 && window->connectionsLoaded(); });
    }

    // In the open connect window: Connect in the portal, Allow in its popup, then Done.
    static bool connectInThePortal(ConnectWindow *window)
    {
        if (!ParagonPortal::signIn(window))
            return false;
        ParagonPortal::press(window, QStringLiteral("close"));
        return waitUntil([&] { return window->session()->isFinished(); });
    }

    // Connects HubSpot from the picker with the keyboard; the connect window, finished.
    ConnectWindow *connectHubSpot(MainWindow *window)
    {
        QLineEdit *search = window->picker()->searchField();
        search->clear();
        QTest::keyClicks(search, QStringLiteral("hubspot"));
        QTest::keyClick(search, Qt::Key_Return);
        ConnectWindow *connect = window->connectWindow();
        if (!connect || !connectInThePortal(connect))
            return nullptr;
        return connect;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_fixture.start({}, &error), qPrintable(error));
    }

    void init()
    {
        m_sandbox = std::make_unique<ParagonSandbox>();
        QString error;
        QVERIFY2(m_sandbox->start(&error), qPrintable(error));
        m_backends = std::make_unique<ParagonSandboxBackends>(m_sandbox.get());
    }

    void cleanup()
    {
        m_window.reset();
        m_store.reset();
        m_settings.reset();
        m_qsettings.reset();
        m_backends.reset();
        m_sandbox.reset();
    }

    void thePickerListsTheProjectsIntegrations()
    {
        MainWindow *window = openMainWindow();
        QVERIFY(loaded(window));
        QVERIFY(window->picker()->types().size() >= 25);
        const auto hubspot = window->picker()->findType(QStringLiteral("hubspot"));
        QVERIFY(hubspot.has_value());
        QCOMPARE(hubspot->name, QStringLiteral("HubSpot"));
        QVERIFY(window->connectionsView()->connections().isEmpty());
    }

    void aLinkOpensThePortalForItsIntegration()
    {
        MainWindow *window = openMainWindow();
        window->openFromLink(QStringLiteral("salesforce")); // before the integrations arrive
        QVERIFY(waitUntil([&] { return window->connectWindow() != nullptr; }));
        ConnectWindow *connect = window->connectWindow();
        QCOMPARE(connect->session()->request().integrations,
                 QStringList{QStringLiteral("salesforce")});
        // The portal waits for the person: nothing is connected for them.
        QVERIFY(waitUntil([&] { return connect->currentView() == View::Modal; }));
        QVERIFY(m_sandbox->credentials().isEmpty());
        connect->reject();
    }

    void aConnectionMadeFromThePickerIsListedHealthy()
    {
        MainWindow *window = openMainWindow();
        QVERIFY(loaded(window));
        ConnectWindow *connect = connectHubSpot(window);
        QVERIFY(connect);
        QCOMPARE(connect->session()->result().outcome, SessionResult::Outcome::Completed);
        const QString id = connect->session()->result().connection->id;
        QVERIFY(waitUntil([&] { return window->connectionsView()->select(id); }));
        const Connection listed = *window->connectionsView()->current();
        QCOMPARE(listed.typeId, QStringLiteral("hubspot"));
        QCOMPARE(listed.status, QStringLiteral("healthy"));
        QCOMPARE(m_sandbox->credentials().size(), 1);
    }

    void reconnectReauthenticatesTheSelectedCredential()
    {
        MainWindow *window = openMainWindow();
        QVERIFY(loaded(window));
        ConnectWindow *first = connectHubSpot(window);
        QVERIFY(first);
        const QString id = first->session()->result().connection->id;
        first->close();
        QVERIFY(waitUntil([&] { return !window->connectWindow(); }));
        QVERIFY(waitUntil([&] { return window->connectionsView()->select(id); }));

        QTest::mouseClick(window->connectionsView()->reconnectButton(), Qt::LeftButton);
        ConnectWindow *again = window->connectWindow();
        QVERIFY(again);
        QCOMPARE(again->session()->request().connectionId, id);
        QCOMPARE(again->title(), QStringLiteral("Reconnect HubSpot"));
        QVERIFY(connectInThePortal(again));
        QCOMPARE(again->session()->result().outcome, SessionResult::Outcome::Completed);
        QCOMPARE(again->session()->result().connection->id, id);
        QCOMPARE(m_sandbox->credentials().size(), 1); // the same account, not another
    }

    void removeAsksThenUninstallsTheCredential()
    {
        MainWindow *window = openMainWindow();
        QVERIFY(loaded(window));
        ConnectWindow *connect = connectHubSpot(window);
        QVERIFY(connect);
        const QString id = connect->session()->result().connection->id;
        connect->close();
        QVERIFY(waitUntil([&] { return !window->connectWindow(); }));
        QVERIFY(waitUntil([&] { return window->connectionsView()->select(id); }));

        QTest::mouseClick(window->connectionsView()->removeButton(), Qt::LeftButton);
        QVERIFY(waitUntil([&] {
            return window->findChild<QMessageBox *>(QStringLiteral("removeConfirmation"));
        }));
        auto *box = window->findChild<QMessageBox *>(QStringLiteral("removeConfirmation"));
        QAbstractButton *remove = nullptr;
        for (QAbstractButton *button : box->buttons()) {
            if (box->buttonRole(button) == QMessageBox::DestructiveRole)
                remove = button;
        }
        QVERIFY(remove);
        remove->click();
        QVERIFY(waitUntil([&] { return m_sandbox->credentials().isEmpty(); }));
        QVERIFY(waitUntil([&] { return window->connectionsView()->connections().isEmpty(); }));
    }
};

QTEST_MAIN(TestParagonMainWindow)
#include "tst_paragonmainwindow.moc"
