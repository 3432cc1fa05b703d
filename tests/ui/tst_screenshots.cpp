// Not a specification: grabs the main window and the connect window (light and dark) into
// /tmp/ui-shots/*.png so people can look at them. Run: ctest --preset debug -R tst_screenshots
#include "SandboxBackends.h"
#include "SandboxFixture.h"
#include "TestFiles.h"
#include "WebTestSupport.h"
#include "core/session/PlatformProvider.h"
#include "core/settings/AppSettings.h"
#include "core/settings/MachineSettings.h"
#include "core/settings/ProfileStore.h"
#include "sandbox/SandboxServer.h"
#include "ui/Banner.h"
#include "ui/ConnectWindow.h"
#include "ui/ConnectionsView.h"
#include "ui/IntegrationPicker.h"
#include "ui/MainWindow.h"
#include "ui/PopupWindow.h"
#include "ui/ProblemView.h"
#include "ui/ProfileDialog.h"
#include "ui/SettingsDialog.h"
#include "ui/ThemeManager.h"
#include "ui/Translations.h"
#include "web/ConnectWebPage.h"
#include "web/WebProfiles.h"

#include <QCheckBox>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace WebTest;

class TestScreenshots : public QObject
{
    Q_OBJECT

    SandboxFixture m_sandbox;
    QString m_out;
    std::unique_ptr<QSettings> m_qsettings;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<ProfileStore> m_store;
    std::unique_ptr<ThemeManager> m_theme;

    void save(QWidget *widget, const QString &name)
    {
        const QString path = m_out + QLatin1Char('/') + name + QStringLiteral(".png");
        QVERIFY2(widget->grab().save(path), qPrintable(path));
        qInfo() << "saved" << path;
    }

    void shoot(const QString &suffix, bool dark)
    {
        m_settings->setTheme(dark ? AppSettings::Theme::Dark : AppSettings::Theme::Light);
        MainWindow window(m_sandbox.backends, m_store.get(), m_settings.get(),
                          m_sandbox.webProfiles);
        QSignalSpy refreshed(&window, &MainWindow::connectionsRefreshed);
        window.setThemeManager(m_theme.get());
        window.show();
        WEB_TRY_VERIFY(window.picker()->types().size() > 0);
        WEB_TRY_VERIFY(refreshed.count() > 0);
        // Let the logos arrive.
        QTest::qWait(500);
        save(&window, QStringLiteral("main-") + suffix);

        QTest::keyClicks(window.picker()->searchField(), QStringLiteral("post"));
        QTest::qWait(200);
        save(&window, QStringLiteral("main-search-") + suffix);
        QTest::keyClick(window.picker()->searchField(), Qt::Key_Return);
        ConnectWindow *connect = window.connectWindow();
        QVERIFY(connect);
        WEB_TRY_COMPARE(connect->currentView(), ConnectWindow::View::Modal);
        WEB_TRY_COMPARE(state(connect->page()), QStringLiteral("form"));
        QTest::qWait(300);
        save(connect, QStringLiteral("connect-form-") + suffix);
        connect->setDetailsVisible(true);
        QTest::qWait(100);
        save(connect, QStringLiteral("connect-details-") + suffix);
        connect->setDetailsVisible(false);
        fillPostgres(connect->page());
        WEB_TRY_COMPARE(connect->currentView(), ConnectWindow::View::Result);
        save(connect, QStringLiteral("connect-result-") + suffix);
        connect->close();
        WEB_TRY_VERIFY(!window.connectWindow());
        WEB_TRY_VERIFY(window.connectionsView()->connections().size() >= 1);
        QTest::qWait(300);
        save(&window, QStringLiteral("main-after-") + suffix);

        // A problem view and a failure.
        SandboxFaults faults;
        faults.blankModal = true;
        m_sandbox.server->setFaults(faults);
        QTest::keyClick(window.picker()->searchField(), Qt::Key_Return);
        connect = window.connectWindow();
        connect->session()->setModalLoadTimeout(1000);
        WEB_TRY_COMPARE(connect->currentView(), ConnectWindow::View::Problem);
        save(connect, QStringLiteral("connect-problem-") + suffix);
        connect->close();
        m_sandbox.server->setFaults({});
        WEB_TRY_VERIFY(!window.connectWindow());
        save(&window, QStringLiteral("main-failed-") + suffix);

        window.showSettings();
        QTest::qWait(100);
        save(window.settingsDialog(), QStringLiteral("settings-") + suffix);
        window.settingsDialog()->showPage(SettingsDialog::Page::Profiles);
        save(window.settingsDialog(), QStringLiteral("settings-profiles-") + suffix);
        window.settingsDialog()->reject();

        ProfileDialog profile(m_store.get(), std::nullopt, &window);
        profile.show();
        QTest::keyClicks(profile.nameField(), QStringLiteral("Production"));
        QTest::keyClicks(profile.baseUrlField(), QStringLiteral("https://app.polytomic.com"));
        save(&profile, QStringLiteral("profile-add-") + suffix);
        profile.reject();

        // The OAuth popup over its connect window.
        window.picker()->searchField()->clear();
        QTest::keyClicks(window.picker()->searchField(), QStringLiteral("hubspot"));
        QTest::keyClick(window.picker()->searchField(), Qt::Key_Return);
        connect = window.connectWindow();
        WEB_TRY_COMPARE(connect->currentView(), ConnectWindow::View::Modal);
        WEB_TRY_COMPARE(state(connect->page()), QStringLiteral("form"));
        click(connect->page(), QStringLiteral("oauth-signin"));
        WEB_TRY_COMPARE(connect->popupWindows().size(), 1);
        PopupWindow *popup = connect->popupWindows().constFirst();
        WEB_TRY_COMPARE(state(popup->page()), QStringLiteral("consent"));
        QTest::qWait(300);
        save(connect, QStringLiteral("connect-oauth-") + suffix);
        save(popup, QStringLiteral("popup-") + suffix);
        connect->close();
        WEB_TRY_VERIFY(!window.connectWindow());

        // A provider that refuses embedded sign-in: the offer, then waiting for the browser.
        SandboxFaults refusing;
        refusing.embeddedSignInRefused = true;
        m_sandbox.server->setFaults(refusing);
        QDesktopServices::setUrlHandler(QStringLiteral("http"), this, "ignoreUrl");
        QTest::keyClick(window.picker()->searchField(), Qt::Key_Return);
        connect = window.connectWindow();
        WEB_TRY_COMPARE(state(connect->page()), QStringLiteral("form"));
        click(connect->page(), QStringLiteral("oauth-signin"));
        WEB_TRY_VERIFY(connect->browserOffer()->isVisible());
        QTest::qWait(300);
        save(connect, QStringLiteral("connect-browser-offer-") + suffix);
        connect->session()->continueInBrowser();
        WEB_TRY_COMPARE(connect->session()->state(), ConnectSession::State::InBrowser);
        QTest::qWait(300);
        save(connect, QStringLiteral("connect-browser-waiting-") + suffix);
        connect->close();
        WEB_TRY_VERIFY(!window.connectWindow());
        QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
        m_sandbox.server->setFaults({});

        // An invalid certificate on a profile where support staff allow continuing.
        SandboxFaults untrusted;
        untrusted.untrustedModal = true;
        m_sandbox.server->setFaults(untrusted);
        Profile support;
        support.id = QStringLiteral("support-") + suffix;
        support.name = QStringLiteral("Support");
        support.access = Profile::Access::Direct;
        support.acceptInvalidCertificates = true;
        std::unique_ptr<PlatformProvider> provider(m_sandbox.backends->makeProvider(nullptr));
        SessionRequest request;
        request.name = QStringLiteral("PostgreSQL (staging)");
        request.integrations = {QStringLiteral("postgresql")};
        request.dark = dark;
        {
            ConnectWindow certificate(provider.get(), request,
                                      m_sandbox.webProfiles->profileFor(support), m_settings.get(),
                                      &window);
            certificate.setIntegrationName(QStringLiteral("PostgreSQL"));
            certificate.setCertificateOverrideAllowed(true);
            certificate.show();
            certificate.start();
            WEB_TRY_COMPARE(certificate.currentView(), ConnectWindow::View::Problem);
            QTest::qWait(200);
            save(&certificate, QStringLiteral("connect-certificate-problem-") + suffix);
            certificate.problemView()->secondaryButton()->click();
            WEB_TRY_COMPARE(state(certificate.page()), QStringLiteral("form"));
            QTest::qWait(300);
            save(&certificate, QStringLiteral("connect-certificate-accepted-") + suffix);
        }
        m_sandbox.server->setFaults({});

        ProfileDialog options(m_store.get(), std::nullopt, &window);
        options.show();
        QTest::keyClicks(options.nameField(), QStringLiteral("Staging"));
        QTest::keyClicks(options.baseUrlField(), QStringLiteral("https://staging.example.com"));
        options.rememberField()->setChecked(true);
        options.certificateOverrideField()->setChecked(true);
        QTest::qWait(100);
        save(&options, QStringLiteral("profile-web-options-") + suffix);
        options.reject();
    }

    // The main window, the connect window and the settings in another language.
    void shootLanguage(const QString &language)
    {
        Translations::install(language);
        m_sandbox.webProfiles->setAcceptLanguage(Translations::acceptLanguage(language));
        m_settings->setTheme(AppSettings::Theme::Light);
        {
            MainWindow window(m_sandbox.backends, m_store.get(), m_settings.get(),
                              m_sandbox.webProfiles);
            window.setThemeManager(m_theme.get());
            window.show();
            WEB_TRY_VERIFY(window.picker()->types().size() > 0);
            QTest::qWait(500);
            save(&window, QStringLiteral("main-") + language);
            QTest::keyClicks(window.picker()->searchField(), QStringLiteral("hubspot"));
            QTest::keyClick(window.picker()->searchField(), Qt::Key_Return);
            ConnectWindow *connect = window.connectWindow();
            QVERIFY(connect);
            WEB_TRY_COMPARE(connect->currentView(), ConnectWindow::View::Modal);
            WEB_TRY_COMPARE(state(connect->page()), QStringLiteral("form"));
            QTest::qWait(300);
            save(connect, QStringLiteral("connect-form-") + language);
            click(connect->page(), QStringLiteral("oauth-signin"));
            WEB_TRY_COMPARE(connect->popupWindows().size(), 1);
            WEB_TRY_COMPARE(state(connect->popupWindows().constFirst()->page()),
                            QStringLiteral("consent"));
            QTest::qWait(300);
            save(connect->popupWindows().constFirst(), QStringLiteral("popup-") + language);
            connect->close();
            WEB_TRY_VERIFY(!window.connectWindow());
            window.showSettings();
            QTest::qWait(100);
            save(window.settingsDialog(), QStringLiteral("settings-") + language);
            window.settingsDialog()->reject();
        }
        Translations::install(QStringLiteral("en"));
        m_sandbox.webProfiles->setAcceptLanguage(
            Translations::acceptLanguage(QStringLiteral("en")));
    }

public Q_SLOTS:
    void ignoreUrl(const QUrl &) { }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_out = qEnvironmentVariable("UI_SHOTS_DIR", QStringLiteral("/tmp/ui-shots"));
        QVERIFY(QDir().mkpath(m_out));
        QString error;
        QVERIFY2(m_sandbox.start({}, &error), qPrintable(error));
        m_qsettings = std::make_unique<QSettings>(m_sandbox.path(QStringLiteral("s.ini")),
                                                  QSettings::IniFormat);
        m_settings = std::make_unique<AppSettings>(m_qsettings.get());
        m_store = std::make_unique<ProfileStore>(m_qsettings.get());
        m_theme = std::make_unique<ThemeManager>(m_settings.get());
    }

    void light() { shoot(QStringLiteral("light"), false); }
    void dark() { shoot(QStringLiteral("dark"), true); }
    void german() { shootLanguage(QStringLiteral("de")); }
    void arabic() { shootLanguage(QStringLiteral("ar")); }

    void managedSettings()
    {
        const QString path = m_sandbox.path(QStringLiteral("machine.conf"));
        QVERIFY(TestFiles::write(path,
                                 "ManagedBy=ACME IT\n[Locked]\nappearance/theme=light\n"
                                 "connections/allowed=hubspot, postgresql, salesforce\n"
                                 "profile/name=ACME Polytomic\nprofile/kind=polytomic\n"
                                 "profile/baseUrl=https://polytomic.acme.example\n"
                                 "[Defaults]\nappearance/language=\n"));
        QSettings source(path, QSettings::IniFormat);
        const MachineSettings machine(source);
        QSettings user(m_sandbox.path(QStringLiteral("managed-user.ini")), QSettings::IniFormat);
        AppSettings settings(&user, &machine);
        ProfileStore profiles(&user, &machine);
        SettingsDialog dialog(&settings, &profiles, m_sandbox.backends, m_sandbox.webProfiles);
        dialog.show();
        QTest::qWait(100);
        save(&dialog, QStringLiteral("settings-managed"));
        dialog.showPage(SettingsDialog::Page::Names);
        save(&dialog, QStringLiteral("settings-managed-names"));
        dialog.showPage(SettingsDialog::Page::Profiles);
        save(&dialog, QStringLiteral("settings-managed-profiles"));
    }
};

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
