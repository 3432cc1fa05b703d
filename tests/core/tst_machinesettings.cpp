// Specification: what IT sets for every user of a machine, and the precedence: command line >
// locked machine settings > user settings > machine defaults > built-in defaults.
#include "core/settings/AppSettings.h"
#include "core/settings/MachineSettings.h"
#include "core/settings/ProfileStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

class TestMachineSettings : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_user;

    // A machine configuration file with this INI text.
    MachineSettings machine(const QByteArray &ini)
    {
        // A file of its own each time: QSettings keeps what it read of a path, and a rewrite of
        // the same size within the same second would be taken for the file it read before.
        const QString path =
            m_dir.filePath(QStringLiteral("machine-%1.conf").arg(++m_machineFiles));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(path));
        file.write(ini);
        file.close();
        QSettings source(path, QSettings::IniFormat);
        return MachineSettings(source);
    }

    int m_machineFiles = 0;

private Q_SLOTS:
    void init()
    {
        m_user = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("user.ini")),
                                             QSettings::IniFormat);
        m_user->clear();
    }

    void withoutAMachineFileTheBuiltInDefaultsApply()
    {
        const MachineSettings none;
        AppSettings settings(m_user.get(), &none);
        QCOMPARE(settings.theme(), AppSettings::Theme::System);
        QVERIFY(settings.allowedIntegrations().isEmpty());
        QVERIFY(!settings.isLocked(QStringLiteral("appearance/theme")));
    }

    void aMachineDefaultAppliesUntilTheUserChooses()
    {
        const MachineSettings it = machine("[Defaults]\nappearance/theme=dark\n");
        AppSettings settings(m_user.get(), &it);
        QCOMPARE(settings.theme(), AppSettings::Theme::Dark);
        settings.setTheme(AppSettings::Theme::Light);
        QCOMPARE(settings.theme(), AppSettings::Theme::Light);
    }

    void aLockedValueWinsOverTheUsersAndIsNotOverwritten()
    {
        m_user->setValue(QStringLiteral("appearance/theme"), QStringLiteral("light"));
        const MachineSettings it = machine("[Locked]\nappearance/theme=dark\n");
        AppSettings settings(m_user.get(), &it);
        QVERIFY(settings.isLocked(QStringLiteral("appearance/theme")));
        QCOMPARE(settings.theme(), AppSettings::Theme::Dark);
        settings.setTheme(AppSettings::Theme::System);
        QCOMPARE(settings.theme(), AppSettings::Theme::Dark);
        QCOMPARE(m_user->value(QStringLiteral("appearance/theme")).toString(),
                 QStringLiteral("light"));
    }

    void theCommandLineWinsOverALock()
    {
        const MachineSettings it =
            machine("[Locked]\nappearance/theme=dark\nappearance/language=de\n");
        AppSettings settings(m_user.get(), &it);
        settings.overrideTheme(AppSettings::Theme::Light);
        settings.overrideLanguage(QStringLiteral("ja"));
        QCOMPARE(settings.theme(), AppSettings::Theme::Light);
        QCOMPARE(settings.language(), QStringLiteral("ja"));
    }

    void aLockWinsOverADefaultOfTheSameKey()
    {
        const MachineSettings it =
            machine("[Defaults]\nappearance/theme=light\n[Locked]\nappearance/theme=dark\n");
        AppSettings settings(m_user.get(), &it);
        QCOMPARE(settings.theme(), AppSettings::Theme::Dark);
    }

    void allowedIntegrationsCanBeLockedAsAListOrOneString()
    {
        const MachineSettings list = machine("[Locked]\nconnections/allowed=hubspot, postgresql\n");
        QCOMPARE(AppSettings(m_user.get(), &list).allowedIntegrations(),
                 QStringList({QStringLiteral("hubspot"), QStringLiteral("postgresql")}));
        const MachineSettings one =
            machine("[Locked]\nconnections/allowed=\"hubspot, postgresql,hubspot\"\n");
        QCOMPARE(AppSettings(m_user.get(), &one).allowedIntegrations(),
                 QStringList({QStringLiteral("hubspot"), QStringLiteral("postgresql")}));
    }

    void theLogoAndItsDarkVariantCanBeSet()
    {
        const MachineSettings it =
            machine("[Locked]\nappearance/logo=/usr/share/acme/logo.svg\n"
                    "[Defaults]\nappearance/logoDark=/usr/share/acme/d.svg\n");
        AppSettings settings(m_user.get(), &it);
        QCOMPARE(settings.logoFile(), QStringLiteral("/usr/share/acme/logo.svg"));
        QCOMPARE(settings.logoDarkFile(), QStringLiteral("/usr/share/acme/d.svg"));
        settings.setLogoFiles(QStringLiteral("/tmp/mine.svg"), QStringLiteral("/tmp/mine-d.svg"));
        QCOMPARE(settings.logoFile(), QStringLiteral("/usr/share/acme/logo.svg"));
        QCOMPARE(settings.logoDarkFile(), QStringLiteral("/tmp/mine-d.svg"));
    }

    void unknownKeysAndBadValuesAreIgnoredAndReported()
    {
        const MachineSettings it = machine("[Locked]\nappearance/theme=purple\n"
                                           "appearance/colour=red\n"
                                           "profile/baseUrl=file:///etc/passwd\n"
                                           "profile/apiVersion=1999-01-01\n");
        QVERIFY(it.isEmpty());
        QCOMPARE(it.problems().size(), 4);
        QVERIFY(it.problems().join(QLatin1Char('\n')).contains(QStringLiteral("colour")));
        QVERIFY(!it.profile());
    }

    void whoManagesTheMachineIsNamed()
    {
        QCOMPARE(machine("ManagedBy=ACME IT\n[Locked]\nappearance/theme=dark\n").managedBy(),
                 QStringLiteral("ACME IT"));
        QVERIFY(!machine("[Locked]\nappearance/theme=dark\n").managedBy().isEmpty());
    }

    void aDefaultProfileIsActiveUntilTheUserChoosesAnother()
    {
        const MachineSettings it = machine("[Defaults]\nprofile/name=ACME\nprofile/kind=polytomic\n"
                                           "profile/baseUrl=https://polytomic.acme.example\n"
                                           "profile/apiVersion=2024-02-08\n");
        ProfileStore store(m_user.get(), &it);
        QCOMPARE(store.active().id, MachineSettings::profileId());
        QCOMPARE(store.active().name, QStringLiteral("ACME"));
        QCOMPARE(store.active().baseUrl, QUrl(QStringLiteral("https://polytomic.acme.example")));
        QCOMPARE(store.active().apiVersion, QStringLiteral("2024-02-08"));
        QVERIFY(store.isManaged(MachineSettings::profileId()));
        QVERIFY(!store.activeLocked());
        store.setActive(QStringLiteral("sandbox"));
        QCOMPARE(store.active().id, QStringLiteral("sandbox"));
    }

    void platformAndAccessDescribeTheMachinesProfile()
    {
        const MachineSettings it = machine("[Locked]\nprofile/platform=polytomic\n"
                                           "profile/access=backend\n"
                                           "profile/baseUrl=https://backend.acme.example\n");
        const auto profile = it.profile();
        QVERIFY(profile);
        QCOMPARE(profile->platform, Profile::Platform::Polytomic);
        QCOMPARE(profile->access, Profile::Access::Backend);
    }

    void theNewKeysWinOverTheOldKind()
    {
        const MachineSettings it = machine("[Locked]\nprofile/kind=proxy\nprofile/access=direct\n"
                                           "profile/baseUrl=https://app.polytomic.com\n");
        QCOMPARE(it.profile()->access, Profile::Access::Direct);
    }

    void anUnknownAccessIsRefusedNamingTheValuesToUse()
    {
        const MachineSettings it = machine("[Locked]\nprofile/access=vpn\n"
                                           "profile/baseUrl=https://backend.acme.example\n");
        QVERIFY(!it.isLocked(QStringLiteral("profile/access")));
        const QString problems = it.problems().join(QLatin1Char('\n'));
        QVERIFY2(problems.contains(QLatin1String("direct, backend or sandbox")),
                 qPrintable(problems));
    }

    void aLockedParagonProfileIsTheOnlyActiveOneWithItsProjectAndServices()
    {
        const MachineSettings it = machine(
            "[Locked]\nprofile/platform=paragon\nprofile/access=backend\n"
            "profile/projectId=3f2a9c1e-8b7d-4e6f-a5c4-1d2e3f4a5b6c\n"
            "profile/baseUrl=https://backend.acme.example/paragon/jwt\n"
            "profile/environments/ZEUS_PUBLIC_URL=https://zeus.paragon.acme.example\n"
            "profile/environments/CONNECT_PUBLIC_URL=https://connect.paragon.acme.example\n");
        QVERIFY2(it.problems().isEmpty(), qPrintable(it.problems().join(QLatin1Char('\n'))));
        ProfileStore store(m_user.get(), &it);
        QVERIFY(store.activeLocked());
        const Profile active = store.active();
        QCOMPARE(active.id, MachineSettings::profileId());
        QCOMPARE(active.platform, Profile::Platform::Paragon);
        QCOMPARE(active.access, Profile::Access::Backend);
        QCOMPARE(active.projectId, QStringLiteral("3f2a9c1e-8b7d-4e6f-a5c4-1d2e3f4a5b6c"));
        QCOMPARE(active.baseUrl, QUrl(QStringLiteral("https://backend.acme.example/paragon/jwt")));
        QCOMPARE(active.environments.value(QStringLiteral("ZEUS_PUBLIC_URL")),
                 QUrl(QStringLiteral("https://zeus.paragon.acme.example")));
        QCOMPARE(active.environments.size(), 2);
        QVERIFY(it.isLocked(QStringLiteral("profile/environments/CONNECT_PUBLIC_URL")));
        store.setActive(QStringLiteral("paragon-sandbox"));
        QCOMPARE(store.active().id, MachineSettings::profileId());
    }

    void aParagonDirectProfileNeedsNoAddress()
    {
        const MachineSettings it =
            machine("[Defaults]\nprofile/platform=paragon\nprofile/access=direct\n"
                    "profile/projectId=3f2a9c1e\nprofile/userId=support-1\n");
        const auto profile = it.profile();
        QVERIFY(profile);
        QCOMPARE(profile->userId, QStringLiteral("support-1"));
        QVERIFY(profile->baseUrl.isEmpty());
    }

    void aParagonProfileWithoutAProjectIsNoProfile()
    {
        const MachineSettings it = machine("[Locked]\nprofile/platform=paragon\n"
                                           "profile/access=backend\n"
                                           "profile/baseUrl=https://backend.acme.example/jwt\n");
        QVERIFY(!it.profile());
    }

    void aServiceAddressThatIsNotAWebAddressIsRefusedWithTheCloudsAsExample()
    {
        const MachineSettings it =
            machine("[Locked]\nprofile/environments/CDN_PUBLIC_URL=file:///etc/passwd\n"
                    "profile/environments/ELSEWHERE_URL=https://elsewhere.example\n");
        QVERIFY(it.isEmpty());
        const QString problems = it.problems().join(QLatin1Char('\n'));
        QCOMPARE(it.problems().size(), 2);
        QVERIFY2(problems.contains(QLatin1String("https://cdn.useparagon.com")),
                 qPrintable(problems));
        QVERIFY2(problems.contains(QLatin1String("ELSEWHERE_URL")), qPrintable(problems));
    }

    void anUnknownPlatformIsRefusedNamingTheKnownOnes()
    {
        const MachineSettings it = machine("[Locked]\nprofile/platform=zapier\n");
        const QString problems = it.problems().join(QLatin1Char('\n'));
        QVERIFY2(problems.contains(QLatin1String("polytomic, paragon")), qPrintable(problems));
    }

    void aProjectIdWithOtherCharactersIsRefused()
    {
        const MachineSettings it = machine("[Locked]\nprofile/projectId=a b/c\n");
        QVERIFY(!it.isLocked(QStringLiteral("profile/projectId")));
        QCOMPARE(it.problems().size(), 1);
    }

    void aLockedProfileIsTheOnlyActiveOneAndCannotBeChanged()
    {
        m_user->setValue(QStringLiteral("profiles/active"), QStringLiteral("sandbox"));
        const MachineSettings it =
            machine("[Locked]\nprofile/kind=proxy\nprofile/baseUrl=https://backend.acme.example\n");
        ProfileStore store(m_user.get(), &it);
        QVERIFY(store.activeLocked());
        QCOMPARE(store.active().id, MachineSettings::profileId());
        QCOMPARE(store.active().access, Profile::Access::Backend);
        store.setActive(QStringLiteral("sandbox"));
        QCOMPARE(store.active().id, MachineSettings::profileId());
        Profile mine = store.active();
        mine.baseUrl = QUrl(QStringLiteral("https://elsewhere.example"));
        QVERIFY(!store.save(mine));
        QVERIFY(!store.remove(MachineSettings::profileId()));
        QCOMPARE(store.active().baseUrl, QUrl(QStringLiteral("https://backend.acme.example")));
    }

    void theSystemFileIsFoundThroughXdgConfigDirs()
    {
        QTemporaryDir etc;
        QVERIFY(QDir().mkpath(etc.filePath(QStringLiteral("ConnectDesktop"))));
        QFile file(etc.filePath(QStringLiteral("ConnectDesktop/connect-desktop.conf")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("ManagedBy=Lab\n[Locked]\nappearance/theme=dark\n");
        file.close();
        qputenv("XDG_CONFIG_DIRS", (QStringLiteral("/nonexistent:") + etc.path()).toUtf8());
        const MachineSettings it = MachineSettings::fromSystem();
        qunsetenv("XDG_CONFIG_DIRS");
        QVERIFY(!it.isEmpty());
        QVERIFY(it.isLocked(QStringLiteral("appearance/theme")));
        QCOMPARE(it.managedBy(), QStringLiteral("Lab"));
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("ConnectDesktop"));
    QCoreApplication::setApplicationName(QStringLiteral("connect-desktop"));
    TestMachineSettings test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_machinesettings.moc"
