// Specification: a diagnostics bundle holds the parts asked for (and says which were left out),
// writes settings and profiles without any secret (values named like one, addresses' passwords),
// keeps only the sessions of the time asked for, and is a real zip that reads back.
#include "core/settings/MachineSettings.h"
#include "core/system/DiagnosticsBundle.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

class DiagnosticsBundleTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    DiagnosticsBundle::Inputs inputs(QSettings *settings) const
    {
        DiagnosticsBundle::Inputs made;
        made.system = DiagnosticsBundle::systemFacts();
        made.userSettings = settings;
        Profile profile;
        profile.id = QStringLiteral("prod");
        profile.name = QStringLiteral("Prod");
        profile.access = Profile::Access::Backend;
        profile.baseUrl = QUrl(QStringLiteral("https://alice:proxy-password-secret@backend.example/"
                                              "api?token=url-token-secret"));
        profile.credentialHeader = QStringLiteral("Authorization");
        made.profiles = {profile};
        HistoryEntry old;
        old.id = QStringLiteral("old");
        old.finishedAt = QDateTime::currentDateTimeUtc().addDays(-3);
        old.result.integration = QStringLiteral("hubspot");
        HistoryEntry recent;
        recent.id = QStringLiteral("recent");
        recent.finishedAt = QDateTime::currentDateTimeUtc().addSecs(-60);
        recent.result.integration = QStringLiteral("postgresql");
        ExchangeEntry refused;
        refused.kind = QStringLiteral("web");
        refused.method = QStringLiteral("refused");
        refused.url = QStringLiteral("file:///etc/passwd");
        refused.note = QStringLiteral("a navigation to a local file");
        recent.exchanges.append(refused);
        made.sessions = {recent, old};
        return made;
    }

private Q_SLOTS:
    void settingsAndProfilesHoldNoSecret()
    {
        QSettings settings(m_dir.filePath(QStringLiteral("user.conf")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("appearance/theme"), QStringLiteral("dark"));
        settings.setValue(QStringLiteral("proxy/password"),
                          QStringLiteral("settings-password-secret"));
        settings.setValue(QStringLiteral("legacy/apiKey"), QStringLiteral("settings-key-secret"));
        const auto files =
            DiagnosticsBundle::files(inputs(&settings), DiagnosticsBundle::allParts());
        QByteArray all;
        for (const QByteArray &contents : files)
            all += contents;
        for (const char *secret : {"settings-password-secret", "settings-key-secret",
                                   "proxy-password-secret", "url-token-secret"})
            QVERIFY2(!all.contains(secret), secret);
        QVERIFY(all.contains("\"dark\""));
        QVERIFY(all.contains("backend.example"));
        QVERIFY(all.contains("Authorization")); // the header's name, not what it carries
    }

    void partsLeftOutAreNamedInTheManifest()
    {
        const auto files = DiagnosticsBundle::files(
            inputs(nullptr), {DiagnosticsBundle::Part::System, DiagnosticsBundle::Part::Doctor});
        QVERIFY(files.contains(QStringLiteral("system.json")));
        QVERIFY(files.contains(QStringLiteral("doctor.txt")));
        QVERIFY(!files.contains(QStringLiteral("sessions.json")));
        QVERIFY(!files.contains(QStringLiteral("profiles.json")));
        const QJsonObject manifest =
            QJsonDocument::fromJson(files.value(QStringLiteral("manifest.json"))).object();
        const QJsonArray left = manifest.value(QLatin1String("left_out")).toArray();
        QVERIFY(left.contains(QStringLiteral("sessions")));
        QVERIFY(left.contains(QStringLiteral("profiles")));
    }

    void onlySessionsOfTheTimeWindowAreIncluded()
    {
        const auto files =
            DiagnosticsBundle::files(inputs(nullptr), {DiagnosticsBundle::Part::Sessions},
                                     QDateTime::currentDateTimeUtc().addSecs(-3600));
        const QJsonArray sessions =
            QJsonDocument::fromJson(files.value(QStringLiteral("sessions.json"))).array();
        QCOMPARE(sessions.size(), 1);
        QCOMPARE(sessions.at(0)[QLatin1String("id")].toString(), QStringLiteral("recent"));
    }

    void theEnginePartListsWhatWasRefused()
    {
        const auto files =
            DiagnosticsBundle::files(inputs(nullptr), {DiagnosticsBundle::Part::Engine});
        const QByteArray engine = files.value(QStringLiteral("engine.txt"));
        QVERIFY2(engine.contains("file:///etc/passwd"), engine.constData());
        QVERIFY(engine.contains("refused"));
    }

    void aBundleIsAZipThatReadsBack()
    {
        const auto files = DiagnosticsBundle::files(inputs(nullptr), DiagnosticsBundle::allParts());
        const QString path = m_dir.filePath(QStringLiteral("bundle.zip"));
        QString error;
        QVERIFY2(DiagnosticsBundle::writeZip(path, files, &error), qPrintable(error));
        const auto read = DiagnosticsBundle::readZip(path, &error);
        QVERIFY2(read, qPrintable(error));
        QCOMPARE(*read, files);
        QVERIFY(!QFile::exists(path + QStringLiteral(".part")));
    }

    void aBundleThatCannotBeWrittenSaysWhy()
    {
        QString error;
        QVERIFY(!DiagnosticsBundle::writeZip(
            m_dir.filePath(QStringLiteral("no/such/folder/bundle.zip")),
            {{QStringLiteral("a.txt"), QByteArray("a")}}, &error));
        QVERIFY(error.contains(QLatin1String("bundle.zip")));
    }
};

QTEST_GUILESS_MAIN(DiagnosticsBundleTest)
#include "tst_diagnosticsbundle.moc"
