// Specification: profiles, settings and connection names, kept in QSettings.
#include "core/settings/AppSettings.h"
#include "core/settings/NameTemplate.h"
#include "core/settings/ProfileStore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestProfileStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;

    Profile polytomic() const
    {
        Profile profile;
        profile.id = QStringLiteral("prod");
        profile.name = QStringLiteral("Production");
        profile.access = Profile::Access::Direct;
        profile.baseUrl = QUrl(QStringLiteral("https://app.polytomic.com"));
        profile.apiVersion = QStringLiteral("2024-02-08");
        return profile;
    }

private Q_SLOTS:
    void init()
    {
        m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")),
                                                 QSettings::IniFormat);
        m_settings->clear();
    }

    void theSandboxIsTheDefaultOnFirstRun()
    {
        ProfileStore store(m_settings.get());
        QCOMPARE(store.active().access, Profile::Access::Sandbox);
        QCOMPARE(store.profiles().size(), 1);
    }

    void aProfileSavedWithTheOldKindIsMigratedToPlatformAndAccess()
    {
        // A settings file of an earlier version: one "kind" for platform and access.
        m_settings->setValue(QStringLiteral("profiles/acme/name"), QStringLiteral("ACME"));
        m_settings->setValue(QStringLiteral("profiles/acme/kind"), QStringLiteral("proxy"));
        m_settings->setValue(QStringLiteral("profiles/acme/baseUrl"),
                             QStringLiteral("https://backend.acme.example"));
        m_settings->setValue(QStringLiteral("profiles/acme/apiVersion"),
                             QStringLiteral("2024-02-08"));
        ProfileStore store(m_settings.get());
        const auto acme = store.find(QStringLiteral("acme"));
        QVERIFY(acme);
        QCOMPARE(acme->platform, Profile::Platform::Polytomic);
        QCOMPARE(acme->access, Profile::Access::Backend);
        QCOMPARE(m_settings->value(QStringLiteral("profiles/acme/access")).toString(),
                 QStringLiteral("backend"));
        QCOMPARE(m_settings->value(QStringLiteral("profiles/acme/platform")).toString(),
                 QStringLiteral("polytomic"));
        QVERIFY(!m_settings->contains(QStringLiteral("profiles/acme/kind")));
    }

    void savedProfilesSurviveAndCanBeActivated()
    {
        {
            ProfileStore store(m_settings.get());
            QVERIFY(store.save(polytomic()));
            store.setActive(QStringLiteral("prod"));
        }
        ProfileStore again(m_settings.get());
        QCOMPARE(again.profiles().size(), 2);
        QCOMPARE(again.active().name, QStringLiteral("Production"));
        QCOMPARE(again.active().baseUrl, QUrl(QStringLiteral("https://app.polytomic.com")));
        QCOMPARE(again.find(QStringLiteral("production"))->id,
                 QStringLiteral("prod")); // by name too
    }

    void webOptionsAreOffByDefaultAndKeptPerProfile()
    {
        ProfileStore store(m_settings.get());
        QVERIFY(store.save(polytomic()));
        QVERIFY(!store.find(QStringLiteral("prod"))->rememberSignIns);
        QVERIFY(!store.find(QStringLiteral("prod"))->acceptInvalidCertificates);
        Profile staging = polytomic();
        staging.id = QStringLiteral("staging");
        staging.name = QStringLiteral("Staging");
        staging.rememberSignIns = true;
        staging.acceptInvalidCertificates = true;
        QVERIFY(store.save(staging));
        ProfileStore again(m_settings.get());
        QVERIFY(again.find(QStringLiteral("staging"))->rememberSignIns);
        QVERIFY(again.find(QStringLiteral("staging"))->acceptInvalidCertificates);
        QVERIFY(!again.find(QStringLiteral("prod"))->acceptInvalidCertificates);
        QVERIFY(!ProfileStore::sandboxProfile().acceptInvalidCertificates);
    }

    void switchingIsSignalled()
    {
        ProfileStore store(m_settings.get());
        QVERIFY(store.save(polytomic()));
        QSignalSpy changed(&store, &ProfileStore::activeChanged);
        store.setActive(QStringLiteral("prod"));
        QCOMPARE(changed.count(), 1);
    }

    void invalidProfilesAreRefusedWithAReason()
    {
        ProfileStore store(m_settings.get());
        QString error;
        Profile noUrl = polytomic();
        noUrl.baseUrl = QUrl(QStringLiteral("ftp://x"));
        QVERIFY(!store.save(noUrl, &error));
        QVERIFY(error.contains(QLatin1String("https://")));
        Profile builtIn = polytomic();
        builtIn.id = QStringLiteral("sandbox");
        QVERIFY(!store.save(builtIn, &error));
        Profile badVersion = polytomic();
        badVersion.apiVersion = QStringLiteral("1999-01-01");
        QVERIFY(!store.save(badVersion, &error));
    }

    void removingTheActiveProfileFallsBackToTheSandbox()
    {
        ProfileStore store(m_settings.get());
        QVERIFY(store.save(polytomic()));
        store.setActive(QStringLiteral("prod"));
        QVERIFY(store.remove(QStringLiteral("prod")));
        QCOMPARE(store.active().access, Profile::Access::Sandbox);
        QVERIFY(!store.remove(QStringLiteral("sandbox")));
    }

    void noKeyIsEverWrittenToSettings()
    {
        ProfileStore store(m_settings.get());
        QVERIFY(store.save(polytomic()));
        m_settings->sync();
        QFile file(m_settings->fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll().toLower();
        QVERIFY(!text.contains("key="));
        QVERIFY(!text.contains("token"));
    }

    void themeOverrideIsNotWritten()
    {
        AppSettings settings(m_settings.get());
        settings.setTheme(AppSettings::Theme::Light);
        settings.overrideTheme(AppSettings::Theme::Dark);
        QCOMPARE(settings.theme(), AppSettings::Theme::Dark);
        AppSettings fresh(m_settings.get());
        QCOMPARE(fresh.theme(), AppSettings::Theme::Light);
    }

    void theWhitelistIsKeptInOrderWithoutDuplicates()
    {
        AppSettings settings(m_settings.get());
        QVERIFY(settings.allowedIntegrations().isEmpty()); // every type
        settings.setAllowedIntegrations(
            {QStringLiteral("hubspot"), QStringLiteral(" salesforce"), QStringLiteral("hubspot")});
        QCOMPARE(AppSettings(m_settings.get()).allowedIntegrations(),
                 (QStringList{QStringLiteral("hubspot"), QStringLiteral("salesforce")}));
    }

    void providersThatRefuseEmbeddedSignInAreConfigurable()
    {
        AppSettings settings(m_settings.get());
        QCOMPARE(settings.browserOnlyHosts(), QStringList{QStringLiteral("accounts.google.com")});
        m_settings->setValue(QStringLiteral("web/browserOnlyHosts"),
                             QStringList{QStringLiteral(" Login.Example.com "), QString()});
        QCOMPARE(settings.browserOnlyHosts(), QStringList{QStringLiteral("login.example.com")});
    }

    void namesFollowTheTemplate()
    {
        const QDateTime when(QDate(2026, 11, 21), QTime(9, 30));
        QCOMPARE(NameTemplate::make(AppSettings::defaultNameTemplate(),
                                    QStringLiteral("PostgreSQL"), QStringLiteral("postgresql"), {},
                                    when),
                 QStringLiteral("PostgreSQL 2026-11-21"));
        QCOMPARE(NameTemplate::make(QStringLiteral("{id}-{time}"), QStringLiteral("PostgreSQL"),
                                    QStringLiteral("postgresql"), {}, when),
                 QStringLiteral("postgresql-09:30"));
    }

    void namesNeverCollide()
    {
        const QDateTime when(QDate(2026, 11, 21), QTime(9, 30));
        const QStringList taken{QStringLiteral("HubSpot 2026-11-21"),
                                QStringLiteral("HubSpot 2026-11-21 (2)")};
        QCOMPARE(NameTemplate::make(AppSettings::defaultNameTemplate(), QStringLiteral("HubSpot"),
                                    QStringLiteral("hubspot"), taken, when),
                 QStringLiteral("HubSpot 2026-11-21 (3)"));
    }
};

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
