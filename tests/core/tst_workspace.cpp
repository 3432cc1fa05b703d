// Specification of the open profile and what it offers (Workspace), as the main window and the
// command line both use it: opening, the integrations listed (cache first), the company's
// allowed ones, the connections and the names they take. On an in-memory platform.
#include "FakePlatform.h"
#include "core/session/Workspace.h"
#include "core/settings/AppSettings.h"
#include "core/system/ConnectionTypeCache.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

ConnectionType type(const QString &id, const QString &logo = {})
{
    ConnectionType made;
    made.id = id;
    made.name = id.toUpper();
    made.logoUrl = QUrl(logo);
    return made;
}

Connection connection(const QString &name)
{
    Connection made;
    made.id = name + QStringLiteral("-id");
    made.name = name;
    return made;
}

Profile profile(const QString &id)
{
    Profile made;
    made.id = id;
    made.name = id;
    return made;
}

QStringList idsOf(const QList<ConnectionType> &types)
{
    QStringList ids;
    for (const ConnectionType &each : types)
        ids.append(each.id);
    return ids;
}

} // namespace

class TestWorkspace : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_qsettings;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<FakePlatform> m_platform;
    std::unique_ptr<FakeBackends> m_backends;
    std::unique_ptr<ConnectionTypeCache> m_cache;

    // The workspace with `profileId` open (opened() said).
    std::unique_ptr<Workspace> openedWorkspace(const ConnectionTypeCache *cache = nullptr)
    {
        auto workspace = std::make_unique<Workspace>(m_backends.get(), m_settings.get(), cache);
        QSignalSpy opened(workspace.get(), &Workspace::opened);
        workspace->open(profile(QStringLiteral("p")));
        if (!opened.wait())
            return nullptr;
        return workspace;
    }

private Q_SLOTS:
    void init()
    {
        QDir(m_dir.path()).removeRecursively();
        QDir().mkpath(m_dir.path());
        m_qsettings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("s.ini")),
                                                  QSettings::IniFormat);
        m_settings = std::make_unique<AppSettings>(m_qsettings.get());
        m_platform = std::make_unique<FakePlatform>();
        m_platform->types = {type(QStringLiteral("hubspot"), QStringLiteral("/logos/h.svg")),
                             type(QStringLiteral("postgresql"))};
        m_backends = std::make_unique<FakeBackends>(m_platform.get());
        m_cache = std::make_unique<ConnectionTypeCache>(m_dir.filePath(QStringLiteral("cache")));
    }

    void anOpenedProfileHasItsPlatform()
    {
        const auto workspace = openedWorkspace();
        QVERIFY(workspace);
        QCOMPARE(workspace->provider(), m_platform.get());
        QCOMPARE(workspace->profile().id, QStringLiteral("p"));
        QVERIFY(!workspace->hasFailedToOpen());
    }

    void aProfileThatCannotOpenSaysWhyAndHasNoPlatform()
    {
        m_backends->failure =
            ApiFailure::configuration(QStringLiteral("no_key"), QStringLiteral("Add a key."));
        Workspace workspace(m_backends.get(), m_settings.get());
        QSignalSpy failed(&workspace, &Workspace::openFailed);
        workspace.open(profile(QStringLiteral("p")));
        QVERIFY(failed.wait());
        QCOMPARE(failed.at(0).at(1).value<ApiFailure>().message(), QStringLiteral("Add a key."));
        QVERIFY(workspace.hasFailedToOpen());
        QCOMPARE(workspace.provider(), nullptr);
    }

    void onlyTheLastProfileOpenedIsSaid()
    {
        Workspace workspace(m_backends.get(), m_settings.get());
        QSignalSpy opened(&workspace, &Workspace::opened);
        workspace.open(profile(QStringLiteral("first")));
        workspace.open(profile(QStringLiteral("second")));
        QVERIFY(opened.wait());
        // The first's answer was posted first: had it not been dropped, it would be said first.
        QCoreApplication::processEvents();
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.at(0).at(0).value<Profile>().id, QStringLiteral("second"));
    }

    void theCompanysAllowedIntegrationsAreOfferedWithTheirLogosResolved()
    {
        m_settings->setAllowedIntegrations({QStringLiteral("hubspot")});
        const auto workspace = openedWorkspace();
        QVERIFY(workspace);
        QSignalSpy listed(workspace.get(), &Workspace::integrationsListed);
        workspace->refreshIntegrations();
        QVERIFY(listed.wait());
        QCOMPARE(idsOf(workspace->listed()),
                 (QStringList{QStringLiteral("hubspot"), QStringLiteral("postgresql")}));
        const QList<ConnectionType> offered = workspace->offered();
        QCOMPARE(idsOf(offered), QStringList{QStringLiteral("hubspot")});
        QCOMPARE(offered.at(0).logoUrl, QUrl(QStringLiteral("https://fake.invalid/logos/h.svg")));
    }

    void theCachedListIsSaidFirstAndThenThePlatformsAnswer()
    {
        const QString key =
            ConnectionTypeCache::keyFor(QStringLiteral("p"), m_platform->apiBaseUrl());
        QVERIFY(m_cache->store(
            key,
            {{type(QStringLiteral("cached"))}, {"\"old\"", {}}, QDateTime::currentDateTimeUtc()}));
        const auto workspace = openedWorkspace(m_cache.get());
        QVERIFY(workspace);
        QSignalSpy listed(workspace.get(), &Workspace::integrationsListed);
        workspace->refreshIntegrations();
        QCOMPARE(listed.size(), 1); // at once, before the platform answers
        QCOMPARE(listed.at(0).at(0).value<Workspace::Source>(), Workspace::Source::Cache);
        QCOMPARE(idsOf(workspace->listed()), QStringList{QStringLiteral("cached")});
        QVERIFY(listed.wait());
        QCOMPARE(listed.at(1).at(0).value<Workspace::Source>(), Workspace::Source::Platform);
        QCOMPARE(idsOf(workspace->listed()),
                 (QStringList{QStringLiteral("hubspot"), QStringLiteral("postgresql")}));
        QCOMPARE(idsOf(m_cache->load(key)->types), idsOf(workspace->listed()));
    }

    void aListThePlatformSaysIsUnchangedStays()
    {
        m_platform->typesValidators = {"\"v1\"", {}};
        const auto workspace = openedWorkspace();
        QVERIFY(workspace);
        QSignalSpy listed(workspace.get(), &Workspace::integrationsListed);
        workspace->refreshIntegrations();
        QVERIFY(listed.wait());
        m_platform->types = {};
        workspace->refreshIntegrations();
        QVERIFY(listed.wait());
        QCOMPARE(listed.at(1).at(0).value<Workspace::Source>(), Workspace::Source::Unchanged);
        QCOMPARE(workspace->listed().size(), 2);
    }

    void aRefreshThatFailsWithAListShownSaysItIsStale()
    {
        const auto workspace = openedWorkspace();
        QVERIFY(workspace);
        QSignalSpy listed(workspace.get(), &Workspace::integrationsListed);
        QSignalSpy failed(workspace.get(), &Workspace::integrationsFailed);
        workspace->refreshIntegrations();
        QVERIFY(listed.wait());
        m_platform->typesFailure = ApiFailure{};
        workspace->refreshIntegrations();
        QVERIFY(failed.wait());
        QCOMPARE(failed.at(0).at(1).toBool(), true);
        QCOMPARE(workspace->listed().size(), 2);
    }

    void aFirstListingThatFailsIsNotStale()
    {
        m_platform->typesFailure = ApiFailure{};
        const auto workspace = openedWorkspace();
        QVERIFY(workspace);
        QSignalSpy failed(workspace.get(), &Workspace::integrationsFailed);
        workspace->refreshIntegrations();
        QVERIFY(failed.wait());
        QCOMPARE(failed.at(0).at(1).toBool(), false);
    }

    void integrationsThePlatformDoesNotListAreNamed()
    {
        const auto workspace = openedWorkspace();
        QVERIFY(workspace);
        QSignalSpy listed(workspace.get(), &Workspace::integrationsListed);
        workspace->refreshIntegrations();
        QVERIFY(listed.wait());
        QCOMPARE(workspace->unlisted({QStringLiteral("hubspot"), QStringLiteral("hubspto")}),
                 QStringList{QStringLiteral("hubspto")});
    }

    void aNameConnectedSinceTheListIsTakenUntilTheListHasIt()
    {
        m_platform->connections = {connection(QStringLiteral("HubSpot"))};
        const auto workspace = openedWorkspace();
        QVERIFY(workspace);
        QSignalSpy listed(workspace.get(), &Workspace::connectionsListed);
        workspace->refreshConnections();
        QVERIFY(listed.wait());
        QVERIFY(workspace->connectionsLoaded());
        workspace->noteConnected(QStringLiteral("HubSpot 2"));
        QCOMPARE(workspace->namesTaken(),
                 (QStringList{QStringLiteral("HubSpot"), QStringLiteral("HubSpot 2")}));

        m_platform->connections = {connection(QStringLiteral("HubSpot"))};
        workspace->refreshConnections();
        QVERIFY(listed.wait());
        QCOMPARE(workspace->namesTaken(), QStringList{QStringLiteral("HubSpot")});
    }

    void aFailedConnectionsListKeepsTheNamesKnown()
    {
        m_platform->connections = {connection(QStringLiteral("HubSpot"))};
        const auto workspace = openedWorkspace();
        QVERIFY(workspace);
        QSignalSpy listed(workspace.get(), &Workspace::connectionsListed);
        workspace->refreshConnections();
        QVERIFY(listed.wait());
        m_platform->connectionsFailure = ApiFailure{};
        workspace->refreshConnections();
        QVERIFY(listed.wait());
        QVERIFY(!listed.at(1).at(0).value<Result<QList<Connection>>>().ok());
        QCOMPARE(workspace->namesTaken(), QStringList{QStringLiteral("HubSpot")});
    }

    void openingAnotherProfileForgetsWhatTheLastOneListed()
    {
        m_platform->connections = {connection(QStringLiteral("HubSpot"))};
        const auto workspace = openedWorkspace();
        QVERIFY(workspace);
        QSignalSpy listed(workspace.get(), &Workspace::connectionsListed);
        workspace->refreshConnections();
        QVERIFY(listed.wait());
        workspace->open(profile(QStringLiteral("other")));
        QVERIFY(!workspace->connectionsLoaded());
        QVERIFY(workspace->namesTaken().isEmpty());
        QVERIFY(workspace->listed().isEmpty());
        QCOMPARE(workspace->provider(), nullptr);
    }
};

QTEST_GUILESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"
