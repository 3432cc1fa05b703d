// Specification: the History view lists the kept sessions newest first, filters them, shows the
// chosen one's result, timings and exchanges and copies them; it follows the history while open.
// Save Diagnostics shows each part as it will be written, leaves out what the person unticks,
// waits for the doctor, and writes a zip. Settings keep the history's size. No two controls of
// these windows share a mnemonic, in any language.
#include "Mnemonics.h"
#include "SandboxBackends.h"
#include "SandboxFixture.h"
#include "core/session/SessionHistory.h"
#include "core/settings/AppSettings.h"
#include "core/settings/ProfileStore.h"
#include "ui/DiagnosticsDialog.h"
#include "ui/ExchangeLogView.h"
#include "ui/HistoryDialog.h"
#include "ui/SettingsDialog.h"
#include "ui/Translations.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>
#include <QTreeWidget>

namespace {

HistoryEntry entry(const QString &integration, SessionResult::Outcome outcome,
                   const QString &profile = QStringLiteral("Sandbox"))
{
    HistoryEntry made;
    made.profileId = profile.toLower();
    made.profileName = profile;
    made.platform = QStringLiteral("polytomic");
    made.integrationName = integration;
    made.result.integration = integration.toLower();
    made.result.outcome = outcome;
    made.result.timingsMs.insert(QStringLiteral("request"), 12);
    made.result.timingsMs.insert(QStringLiteral("total"), 2500);
    if (outcome == SessionResult::Outcome::Failed) {
        made.result.errorCode = QStringLiteral("unauthorized");
        made.result.errorMessage = QStringLiteral("The API key was refused.");
    }
    ExchangeEntry exchange;
    exchange.time = QDateTime::currentDateTime();
    exchange.kind = QStringLiteral("api");
    exchange.method = QStringLiteral("POST");
    exchange.url = QStringLiteral("http://127.0.0.1/api/connections/connect");
    exchange.status = 200;
    made.exchanges = {exchange, exchange};
    return made;
}

} // namespace

class SupportWindowsTest : public QObject
{
    Q_OBJECT

private:
    SandboxFixture m_sandbox;
    std::unique_ptr<SessionHistory> m_history;
    std::unique_ptr<ProfileStore> m_profiles;

    QStringList integrationsListed(HistoryDialog &dialog) const
    {
        QStringList listed;
        for (int i = 0; i < dialog.sessionList()->topLevelItemCount(); ++i)
            listed.append(dialog.sessionList()->topLevelItem(i)->text(2));
        return listed;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_sandbox.start({}, &error), qPrintable(error));
        m_profiles = std::make_unique<ProfileStore>(m_sandbox.qsettings);
    }

    void init()
    {
        QFile::remove(m_sandbox.path(QStringLiteral("history.json")));
        m_history =
            std::make_unique<SessionHistory>(m_sandbox.path(QStringLiteral("history.json")));
        m_history->add(entry(QStringLiteral("PostgreSQL"), SessionResult::Outcome::Completed));
        m_history->add(entry(QStringLiteral("HubSpot"), SessionResult::Outcome::Failed,
                             QStringLiteral("Prod")));
        m_history->add(entry(QStringLiteral("Stripe"), SessionResult::Outcome::Cancelled));
    }

    void theViewListsTheKeptSessionsNewestFirst()
    {
        HistoryDialog dialog(m_history.get());
        QCOMPARE(integrationsListed(dialog),
                 (QStringList{QStringLiteral("Stripe"), QStringLiteral("HubSpot"),
                              QStringLiteral("PostgreSQL")}));
    }

    void theResultFilterKeepsOnlyThoseSessions()
    {
        HistoryDialog dialog(m_history.get());
        QComboBox *outcome = dialog.outcomeFilter();
        outcome->setCurrentIndex(outcome->findData(QStringLiteral("failed")));
        QCOMPARE(integrationsListed(dialog), QStringList{QStringLiteral("HubSpot")});
        QComboBox *profile = dialog.profileFilter();
        profile->setCurrentIndex(profile->findData(QStringLiteral("sandbox")));
        QCOMPARE(integrationsListed(dialog), QStringList());
    }

    void theChosenSessionShowsItsResultAndExchanges()
    {
        HistoryDialog dialog(m_history.get());
        dialog.sessionList()->setCurrentItem(dialog.sessionList()->topLevelItem(1));
        QVERIFY(dialog.summary()->text().contains(QLatin1String("The API key was refused.")));
        QVERIFY(dialog.summary()->text().contains(QLatin1String("request 12 ms")));
        QCOMPARE(dialog.details()->rowCount(), 2);
    }

    void copySessionGivesItsResultAndExchanges()
    {
        HistoryDialog dialog(m_history.get());
        dialog.sessionList()->setCurrentItem(dialog.sessionList()->topLevelItem(1));
        QTest::mouseClick(dialog.copyButton(), Qt::LeftButton);
        const QString copied = QApplication::clipboard()->text();
        QVERIFY(copied.contains(QLatin1String("unauthorized")));
        QVERIFY(copied.contains(QLatin1String("/api/connections/connect")));
    }

    void aSessionThatFinishesWhileOpenAppears()
    {
        HistoryDialog dialog(m_history.get());
        m_history->add(entry(QStringLiteral("Snowflake"), SessionResult::Outcome::Completed));
        QCOMPARE(integrationsListed(dialog).value(0), QStringLiteral("Snowflake"));
    }

    void anEmptyHistorySaysSo()
    {
        m_history->clear();
        HistoryDialog dialog(m_history.get());
        dialog.show();
        QVERIFY(!dialog.sessionList()->isVisible());
        QVERIFY(!dialog.copyButton()->isEnabled());
    }

    void settingsKeepTheHistorysSize()
    {
        SettingsDialog dialog(m_sandbox.settings, m_profiles.get(), nullptr);
        dialog.setHistory(m_history.get());
        QVERIFY(dialog.clearHistoryButton()->isEnabled());
        dialog.historyLimitField()->setValue(25);
        dialog.accept();
        QCOMPARE(m_sandbox.settings->historyLimit(), 25);
        m_sandbox.settings->setHistoryLimit(AppSettings::defaultHistoryLimit);
    }

    void aProxyAddressIsCheckedAsItIsTyped()
    {
        SettingsDialog dialog(m_sandbox.settings, m_profiles.get(), nullptr);
        QComboBox *mode = dialog.proxyModeField();
        mode->setCurrentIndex(mode->findData(int(ProxySettings::Mode::Manual)));
        dialog.proxyUrlField()->setText(QStringLiteral("htp//bogus url"));
        QVERIFY(!dialog.okButton()->isEnabled());
        QVERIFY(!dialog.proxyProblemLabel()->text().isEmpty());
        dialog.proxyUrlField()->setText(QStringLiteral("proxy.example.com:3128"));
        QVERIFY(dialog.okButton()->isEnabled());
        QVERIFY(dialog.proxyProblemLabel()->text().isEmpty());
        // It takes effect at the next start, and says so.
        QVERIFY(!dialog.proxyRestartNote()->isHidden());
        dialog.accept();
        QCOMPARE(m_sandbox.settings->proxy().url.toString(),
                 QStringLiteral("http://proxy.example.com:3128"));
        m_sandbox.settings->setProxy({});
    }

    void aPartLeftOutIsNotInTheBundle()
    {
        DiagnosticsDialog dialog(m_sandbox.settings, m_profiles.get(), m_history.get(),
                                 m_sandbox.backends, ProfileStore::sandboxProfile());
        QVERIFY(QTest::qWaitFor([&] { return dialog.doctorFinished(); }, 40000));
        QListWidget *parts = dialog.partList();
        for (int row = 0; row < parts->count(); ++row) {
            if (parts->item(row)->data(Qt::UserRole).toInt()
                == int(DiagnosticsBundle::Part::Sessions))
                parts->item(row)->setCheckState(Qt::Unchecked);
        }
        const QString path = m_sandbox.path(QStringLiteral("bundle.zip"));
        QVERIFY(dialog.saveTo(path));
        QString error;
        const auto files = DiagnosticsBundle::readZip(path, &error);
        QVERIFY2(files, qPrintable(error));
        QVERIFY(!files->contains(QStringLiteral("sessions.json")));
        QVERIFY(files->contains(QStringLiteral("doctor.json")));
    }

    void saveWaitsForTheDoctorAndThePreviewShowsThePart()
    {
        DiagnosticsDialog dialog(m_sandbox.settings, m_profiles.get(), m_history.get(),
                                 m_sandbox.backends, ProfileStore::sandboxProfile());
        QVERIFY(!dialog.saveButton()->isEnabled());
        QVERIFY(QTest::qWaitFor([&] { return dialog.doctorFinished(); }, 40000));
        QVERIFY(dialog.saveButton()->isEnabled());
        QListWidget *parts = dialog.partList();
        for (int row = 0; row < parts->count(); ++row) {
            if (parts->item(row)->data(Qt::UserRole).toInt()
                == int(DiagnosticsBundle::Part::Sessions))
                parts->setCurrentRow(row);
        }
        QVERIFY(dialog.preview()->toPlainText().contains(QLatin1String("sessions.json")));
        QVERIFY(dialog.preview()->toPlainText().contains(QLatin1String("hubspot")));
    }

    void noTwoControlsShareAMnemonicInAnyLanguage_data()
    {
        QTest::addColumn<QString>("language");
        for (const QString &language : Translations::available())
            QTest::newRow(qPrintable(language)) << language;
    }

    void noTwoControlsShareAMnemonicInAnyLanguage()
    {
        QFETCH(QString, language);
        Translations::install(language);
        QStringList duplicates;
        {
            HistoryDialog history(m_history.get());
            duplicates += Mnemonics::duplicates(&history);
            DiagnosticsDialog diagnostics(m_sandbox.settings, m_profiles.get(), m_history.get(),
                                          m_sandbox.backends, ProfileStore::sandboxProfile());
            duplicates += Mnemonics::duplicates(&diagnostics);
        }
        Translations::install(QStringLiteral("en"));
        QVERIFY2(duplicates.isEmpty(), qPrintable(duplicates.join(QLatin1String("; "))));
    }
};

QTEST_MAIN(SupportWindowsTest)
#include "tst_supportwindows.moc"
