// Specification: profiles, settings and connection names, kept in QSettings.
#include "core/model/PlatformTraits.h"
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

    Profile paragonBackend() const
    {
        Profile profile;
        profile.id = QStringLiteral("acme-paragon");
        profile.name = QStringLiteral("ACME Paragon");
        profile.platform = Profile::Platform::Paragon;
        profile.access = Profile::Access::Backend;
        profile.projectId = QStringLiteral("3f2a9c1e-8b7d-4e6f-a5c4-1d2e3f4a5b6c");
        profile.baseUrl = QUrl(QStringLiteral("https://backend.acme.example/paragon/jwt"));
        profile.credentialHeader = QStringLiteral("Authorization");
        return profile;
    }

    Profile paragonDirect() const
    {
        Profile profile = paragonBackend();
        profile.id = QStringLiteral("acme-support");
        profile.name = QStringLiteral("ACME support");
        profile.access = Profile::Access::Direct;
        profile.baseUrl = QUrl();
        profile.credentialHeader.clear();
        profile.userId = QStringLiteral("user-42");
        return profile;
    }

    QString refusal(const Profile &profile)
    {
        ProfileStore store(m_settings.get());
        QString error;
        if (store.save(profile, &error))
            return QString();
        return error;
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
        QCOMPARE(store.active().platform, Profile::Platform::Polytomic);
        QCOMPARE(store.profiles().size(), 2); // a sandbox per platform
    }

    void theParagonSandboxIsListedBesideThePolytomicOne()
    {
        ProfileStore store(m_settings.get());
        const QList<Profile> profiles = store.profiles();
        QCOMPARE(profiles.at(0).id, QStringLiteral("sandbox"));
        QCOMPARE(profiles.at(1).id, QStringLiteral("paragon-sandbox"));
        QCOMPARE(profiles.at(1).platform, Profile::Platform::Paragon);
        QCOMPARE(profiles.at(1).access, Profile::Access::Sandbox);
        QVERIFY(profiles.at(1).projectId.isEmpty()); // the sandbox supplies it
        QCOMPARE(profiles.at(1).name, QStringLiteral("Paragon sandbox"));
        QCOMPARE(ProfileStore::sandboxProfile(Profile::Platform::Paragon).id,
                 QStringLiteral("paragon-sandbox"));
        QCOMPARE(ProfileStore::sandboxProfile().id, QStringLiteral("sandbox"));
    }

    void theParagonSandboxCanBeActivatedButNotRemovedOrReplaced()
    {
        ProfileStore store(m_settings.get());
        store.setActive(QStringLiteral("paragon-sandbox"));
        QCOMPARE(store.active().platform, Profile::Platform::Paragon);
        QVERIFY(!store.remove(QStringLiteral("paragon-sandbox")));
        Profile impostor = paragonBackend();
        impostor.id = QStringLiteral("paragon-sandbox");
        QVERIFY(!store.save(impostor));
    }

    void aParagonBackendProfileRoundTripsWithItsProjectTokenUrlAndEnvironments()
    {
        Profile selfHosted = paragonBackend();
        selfHosted.environments.insert(QStringLiteral("ZEUS_PUBLIC_URL"),
                                       QUrl(QStringLiteral("https://zeus.paragon.acme.example")));
        selfHosted.environments.insert(
            QStringLiteral("CONNECT_PUBLIC_URL"),
            QUrl(QStringLiteral("https://connect.paragon.acme.example")));
        {
            ProfileStore store(m_settings.get());
            QString error;
            QVERIFY2(store.save(selfHosted, &error), qPrintable(error));
        }
        ProfileStore again(m_settings.get());
        const auto read = again.find(QStringLiteral("acme-paragon"));
        QVERIFY(read);
        QCOMPARE(read->platform, Profile::Platform::Paragon);
        QCOMPARE(read->access, Profile::Access::Backend);
        QCOMPARE(read->projectId, selfHosted.projectId);
        QCOMPARE(read->baseUrl, selfHosted.baseUrl);
        QCOMPARE(read->credentialHeader, QStringLiteral("Authorization"));
        QCOMPARE(read->environments, selfHosted.environments);
        QCOMPARE(m_settings->value(QStringLiteral("profiles/acme-paragon/platform")).toString(),
                 QStringLiteral("paragon"));
    }

    void aParagonDirectProfileKeepsItsUserAndNoAddress()
    {
        {
            ProfileStore store(m_settings.get());
            QString error;
            QVERIFY2(store.save(paragonDirect(), &error), qPrintable(error));
        }
        ProfileStore again(m_settings.get());
        const auto read = again.find(QStringLiteral("acme-support"));
        QVERIFY(read);
        QCOMPARE(read->access, Profile::Access::Direct);
        QCOMPARE(read->userId, QStringLiteral("user-42"));
        QVERIFY(read->baseUrl.isEmpty());
        QVERIFY(read->environments.isEmpty());
    }

    void aParagonProfileWithoutAProjectIsRefusedSayingSo()
    {
        Profile profile = paragonBackend();
        profile.projectId.clear();
        QVERIFY2(refusal(profile).contains(QLatin1String("project ID")),
                 qPrintable(refusal(profile)));
    }

    void aProjectIdWithOtherCharactersIsRefusedSayingWhichAreAllowed()
    {
        Profile profile = paragonBackend();
        profile.projectId = QStringLiteral("acme project/1");
        QVERIFY2(refusal(profile).contains(QLatin1String("letters, digits and hyphens")),
                 qPrintable(refusal(profile)));
    }

    void aParagonBackendWithoutAWebTokenUrlIsRefusedWithAnExample()
    {
        Profile profile = paragonBackend();
        profile.baseUrl = QUrl(QStringLiteral("ftp://backend.acme.example/jwt"));
        QVERIFY2(refusal(profile).contains(QLatin1String("https://")),
                 qPrintable(refusal(profile)));
    }

    void aParagonDirectProfileWithoutAUserIsRefusedSayingSo()
    {
        Profile profile = paragonDirect();
        profile.userId = QStringLiteral("  ");
        QVERIFY2(refusal(profile).contains(QLatin1String("user")), qPrintable(refusal(profile)));
    }

    void anEnvironmentThatIsNotAWebAddressIsRefusedNamingTheService()
    {
        Profile profile = paragonBackend();
        profile.environments.insert(QStringLiteral("CDN_PUBLIC_URL"),
                                    QUrl(QStringLiteral("file:///etc/passwd")));
        const QString error = refusal(profile);
        QVERIFY2(error.contains(QLatin1String("CDN_PUBLIC_URL")), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("https://cdn.useparagon.com")), qPrintable(error));
    }

    void anUnknownEnvironmentKeyIsRefused()
    {
        Profile profile = paragonBackend();
        profile.environments.insert(QStringLiteral("ELSEWHERE_URL"),
                                    QUrl(QStringLiteral("https://elsewhere.example")));
        QVERIFY(refusal(profile).contains(QLatin1String("ELSEWHERE_URL")));
    }

    void environmentsAreNotKeptForAPlatformWithout()
    {
        Profile profile = polytomic();
        profile.environments.insert(QStringLiteral("ZEUS_PUBLIC_URL"),
                                    QUrl(QStringLiteral("https://zeus.example")));
        QVERIFY(!refusal(profile).isEmpty()); // Polytomic has no such service
    }

    void theCloudEnvironmentsAreParagonsNineServices()
    {
        const QMap<QString, QUrl> cloud = PlatformTraits::paragonCloudEnvironments();
        QCOMPARE(cloud.size(), 9);
        QCOMPARE(cloud.value(QStringLiteral("ZEUS_PUBLIC_URL")),
                 QUrl(QStringLiteral("https://zeus.useparagon.com")));
        QCOMPARE(cloud.value(QStringLiteral("API_TRIGGER_KIT_PUBLIC_URL")),
                 QUrl(QStringLiteral("https://api-trigger-kit.useparagon.com")));
        QCOMPARE(PlatformTraits::of(Profile::Platform::Paragon).defaultEnvironments, cloud);
        QCOMPARE(PlatformTraits::of(Profile::Platform::Paragon).environmentKeys.size(), 9);
    }

    void aProfilesEnvironmentsOverrideTheCloudOneByOne()
    {
        Profile profile = paragonBackend();
        profile.environments.insert(QStringLiteral("ZEUS_PUBLIC_URL"),
                                    QUrl(QStringLiteral("https://zeus.acme.example")));
        const QMap<QString, QUrl> services = PlatformTraits::environmentsOf(profile);
        QCOMPARE(services.value(QStringLiteral("ZEUS_PUBLIC_URL")),
                 QUrl(QStringLiteral("https://zeus.acme.example")));
        QCOMPARE(services.value(QStringLiteral("CONNECT_PUBLIC_URL")),
                 QUrl(QStringLiteral("https://connect.useparagon.com")));
    }

    void platformNamesGoBothWays()
    {
        QCOMPARE(Profile::platformName(Profile::Platform::Paragon), QStringLiteral("paragon"));
        QCOMPARE(Profile::platformFromName(QStringLiteral("paragon")), Profile::Platform::Paragon);
        QCOMPARE(PlatformTraits::of(Profile::Platform::Paragon).displayName(),
                 QStringLiteral("Paragon"));
        QCOMPARE(PlatformTraits::of(Profile::Platform::Paragon).keyEnvironmentVariable,
                 QStringLiteral("PARAGON_SIGNING_KEY"));
        QVERIFY(PlatformTraits::of(Profile::Platform::Paragon).apiVersions.isEmpty());
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
        QCOMPARE(again.profiles().size(), 3); // the two sandboxes, and this one
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
