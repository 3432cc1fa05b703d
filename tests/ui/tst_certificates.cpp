// Specification: a connect page with an invalid certificate is refused with a problem that says
// so. Only a profile on which support staff allowed it offers "Continue anyway", behind a
// warning that stays while the page is open; the acceptance holds for that web profile only.
#include "SandboxBackends.h"
#include "SandboxFixture.h"
#include "WebTestSupport.h"
#include "core/model/ExchangeLog.h"
#include "core/settings/AppSettings.h"
#include "core/settings/ProfileStore.h"
#include "sandbox/SandboxServer.h"
#include "ui/Banner.h"
#include "ui/ConnectWindow.h"
#include "ui/ProblemView.h"
#include "ui/ProfileDialog.h"
#include "web/ConnectWebPage.h"
#include "web/WebProfiles.h"

#include <QCheckBox>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace WebTest;
using View = ConnectWindow::View;

class TestCertificates : public QObject
{
    Q_OBJECT

    SandboxFixture m_sandbox;

    Profile backendProfile(const QString &id, bool override) const
    {
        Profile profile;
        profile.id = id;
        profile.name = id;
        profile.access = Profile::Access::Direct;
        profile.acceptInvalidCertificates = override;
        return profile;
    }

    std::unique_ptr<ConnectWindow> openWindow(const Profile &profile, const QString &name)
    {
        SessionRequest request;
        request.name = name;
        request.integrations = {QStringLiteral("postgresql")};
        auto window = std::make_unique<ConnectWindow>(m_sandbox.provider, request,
                                                      m_sandbox.webProfiles->profileFor(profile),
                                                      m_sandbox.settings);
        window->setCertificateOverrideAllowed(profile.acceptInvalidCertificates);
        window->show();
        window->start();
        return window;
    }

private Q_SLOTS:
    void initTestCase()
    {
        SandboxOptions options;
        options.faults.untrustedModal = true;
        QString error;
        QVERIFY2(m_sandbox.start(options, &error), qPrintable(error));
    }

    void anInvalidCertificateIsAProblemThatSaysSo()
    {
        auto window =
            openWindow(backendProfile(QStringLiteral("plain"), false), QStringLiteral("Refused"));
        WEB_TRY_COMPARE(window->currentView(), View::Problem);
        QCOMPARE(window->session()->problemCode(), QStringLiteral("certificate_error"));
        QVERIFY(window->problemView()->text().contains(QStringLiteral("certificate")));
        QVERIFY(window->problemView()->text().contains(QStringLiteral("127.0.0.1")));
        QVERIFY(!window->problemView()->secondaryButton()->isVisible());
        QVERIFY(!window->certificateWarning()->isVisible());
        QVERIFY(window->session()->log()->toText().contains(QStringLiteral("invalid certificate")));
    }

    void retryingWithoutTheOverrideRefusesAgain()
    {
        auto window = openWindow(backendProfile(QStringLiteral("plain"), false),
                                 QStringLiteral("Refused twice"));
        WEB_TRY_COMPARE(window->currentView(), View::Problem);
        window->problemView()->actionButton()->click();
        WEB_TRY_COMPARE(window->session()->state(), ConnectSession::State::Loading);
        WEB_TRY_COMPARE(window->currentView(), View::Problem);
        QCOMPARE(window->session()->problemCode(), QStringLiteral("certificate_error"));
    }

    void aProfileThatAllowsTheOverrideWarnsBeforeAnything()
    {
        auto window =
            openWindow(backendProfile(QStringLiteral("support"), true), QStringLiteral("Warned"));
        QVERIFY(window->certificateWarning()->isVisible());
        QCOMPARE(window->certificateWarning()->level(), Banner::Level::Warning);
        WEB_TRY_COMPARE(window->currentView(), View::Problem);
        QVERIFY(window->problemView()->secondaryButton()->isVisible());
        // The safe choice stays the default button.
        QVERIFY(window->problemView()->actionButton()->isDefault());
        QVERIFY(!window->problemView()->secondaryButton()->isDefault());
        // Closing on the problem ends the session with it.
        window->reject();
        QCOMPARE(window->session()->result().outcome, SessionResult::Outcome::Failed);
        QCOMPARE(window->session()->result().errorCode, QStringLiteral("certificate_error"));
    }

    void continuingAnywayLoadsTheModalUnderAWarningAndCompletes()
    {
        auto window = openWindow(backendProfile(QStringLiteral("support-complete"), true),
                                 QStringLiteral("Accepted"));
        WEB_TRY_COMPARE(window->currentView(), View::Problem);
        window->problemView()->secondaryButton()->click();
        WEB_TRY_COMPARE(window->currentView(), View::Modal);
        QCOMPARE(window->page()->url().scheme(), QStringLiteral("https"));
        QCOMPARE(window->certificateWarning()->level(), Banner::Level::Error);
        QVERIFY(window->certificateWarning()->text().contains(QStringLiteral("Not secure")));
        QVERIFY(
            window->session()->log()->toText().contains(QStringLiteral("certificate accepted")));
        WEB_TRY_COMPARE(state(window->page()), QStringLiteral("form"));
        fillPostgres(window->page());
        WEB_TRY_VERIFY(window->session()->isFinished());
        QCOMPARE(window->session()->result().outcome, SessionResult::Outcome::Completed);
    }

    void anAcceptanceDoesNotReachAnotherProfile()
    {
        {
            auto accepted = openWindow(backendProfile(QStringLiteral("support-once"), true),
                                       QStringLiteral("Accepted here"));
            WEB_TRY_COMPARE(accepted->currentView(), View::Problem);
            accepted->problemView()->secondaryButton()->click();
            WEB_TRY_COMPARE(accepted->currentView(), View::Modal);
            accepted->reject();
        }
        auto other = openWindow(backendProfile(QStringLiteral("plain-other"), false),
                                QStringLiteral("Not here"));
        WEB_TRY_COMPARE(other->currentView(), View::Problem);
        QCOMPARE(other->session()->problemCode(), QStringLiteral("certificate_error"));
    }

    void theProfileDialogWarnsWhenTheOverrideIsTurnedOn()
    {
        ProfileStore store(m_sandbox.qsettings);
        ProfileDialog dialog(&store, std::nullopt);
        dialog.show();
        QVERIFY(!dialog.certificateOverrideField()->isChecked());
        QVERIFY(!dialog.rememberField()->isChecked());
        QVERIFY(!dialog.certificateWarning()->isVisible());
        dialog.certificateOverrideField()->click();
        QVERIFY(dialog.certificateWarning()->isVisible());
        dialog.rememberField()->click();
        QVERIFY(dialog.profile().acceptInvalidCertificates);
        QVERIFY(dialog.profile().rememberSignIns);
    }
};

QTEST_MAIN(TestCertificates)
#include "tst_certificates.moc"
