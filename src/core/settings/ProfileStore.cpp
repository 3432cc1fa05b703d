#include "core/settings/ProfileStore.h"

#include "core/model/PlatformTraits.h"
#include "core/settings/MachineSettings.h"

#include <QCoreApplication>

namespace {

constexpr auto group = "profiles";
constexpr auto activeKey = "profiles/active";

// A profile's platform and access, from the settings of the profile's group (current keys, or
// the one "kind" of settings written before the two were apart).
void readPlatformAndAccess(QSettings *settings, Profile &profile)
{
    const auto legacy = Profile::fromLegacyKind(settings->value(QStringLiteral("kind")).toString());
    profile.platform =
        Profile::platformFromName(settings->value(QStringLiteral("platform")).toString())
            .value_or(legacy ? legacy->first : Profile::Platform::Polytomic);
    profile.access = Profile::accessFromName(settings->value(QStringLiteral("access")).toString())
                         .value_or(legacy ? legacy->second : Profile::Access::Direct);
}

// Whether `text` is a web address the app can call: http(s) with a host.
bool isWebAddress(const QUrl &url)
{
    const QString scheme = url.scheme();
    return url.isValid() && !url.host().isEmpty()
        && (scheme == QLatin1String("https") || scheme == QLatin1String("http"));
}

// A project id as platforms give them (a UUID): letters, digits and hyphens.
bool isProjectIdToken(const QString &id)
{
    if (id.isEmpty())
        return false;
    for (const QChar c : id) {
        if (!(c.unicode() < 128 && (c.isLetterOrNumber() || c == QLatin1Char('-'))))
            return false;
    }
    return true;
}

constexpr auto environmentsGroup = "environments";

} // namespace

ProfileStore::ProfileStore(QSettings *settings, QObject *parent)
    : ProfileStore(settings, nullptr, parent)
{ }

ProfileStore::ProfileStore(QSettings *settings, const MachineSettings *machine, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_machine(machine)
{
    migrate();
}

void ProfileStore::migrate()
{
    // Settings written before platform and access were apart hold one "kind" per profile: it
    // becomes the two keys, once, and goes.
    m_settings->beginGroup(QLatin1String(group));
    const QStringList ids = m_settings->childGroups();
    for (const QString &id : ids) {
        m_settings->beginGroup(id);
        if (m_settings->contains(QStringLiteral("kind"))) {
            Profile profile;
            readPlatformAndAccess(m_settings, profile);
            m_settings->setValue(QStringLiteral("platform"),
                                 Profile::platformName(profile.platform));
            m_settings->setValue(QStringLiteral("access"), Profile::accessName(profile.access));
            m_settings->remove(QStringLiteral("kind"));
        }
        m_settings->endGroup();
    }
    m_settings->endGroup();
}

bool ProfileStore::isManaged(const QString &id) const
{
    return m_machine && m_machine->profile() && id == MachineSettings::profileId();
}

bool ProfileStore::activeLocked() const
{
    return m_machine && m_machine->profile() && m_machine->profileLocked();
}

QString ProfileStore::managedBy() const
{
    return m_machine ? m_machine->managedBy() : QString();
}

Profile ProfileStore::sandboxProfile()
{
    return sandboxProfile(Profile::Platform::Polytomic);
}

Profile ProfileStore::sandboxProfile(Profile::Platform platform)
{
    Profile profile;
    profile.platform = platform;
    profile.access = Profile::Access::Sandbox;
    switch (platform) {
    case Profile::Platform::Polytomic:
        // The first sandbox keeps its id and name: settings and people know it by them.
        profile.id = QStringLiteral("sandbox");
        profile.name = tr("Sandbox");
        break;
    case Profile::Platform::Paragon:
        // The sandbox supplies its own project: none is set here.
        profile.id = QStringLiteral("paragon-sandbox");
        profile.name = tr("Paragon sandbox");
        break;
    }
    profile.apiVersion = PlatformTraits::of(platform).latestApiVersion();
    return profile;
}

bool ProfileStore::isSandboxId(const QString &id)
{
    for (const Profile::Platform platform : PlatformTraits::platforms()) {
        if (id == sandboxProfile(platform).id)
            return true;
    }
    return false;
}

QList<Profile> ProfileStore::profiles() const
{
    QList<Profile> list;
    for (const Profile::Platform platform : PlatformTraits::platforms())
        list.append(sandboxProfile(platform));
    const std::optional<Profile> managed = m_machine ? m_machine->profile() : std::nullopt;
    if (managed)
        list.append(*managed);
    m_settings->beginGroup(QLatin1String(group));
    const QStringList ids = m_settings->childGroups();
    for (const QString &id : ids) {
        m_settings->beginGroup(id);
        Profile profile;
        profile.id = id;
        profile.name = m_settings->value(QStringLiteral("name"), id).toString();
        readPlatformAndAccess(m_settings, profile);
        profile.baseUrl = QUrl(m_settings->value(QStringLiteral("baseUrl")).toString());
        profile.apiVersion = m_settings
                                 ->value(QStringLiteral("apiVersion"),
                                         PlatformTraits::of(profile.platform).latestApiVersion())
                                 .toString();
        profile.credentialHeader = m_settings->value(QStringLiteral("credentialHeader")).toString();
        profile.projectId = m_settings->value(QStringLiteral("projectId")).toString();
        profile.userId = m_settings->value(QStringLiteral("userId")).toString();
        m_settings->beginGroup(QLatin1String(environmentsGroup));
        const QStringList services = m_settings->childKeys();
        for (const QString &service : services)
            profile.environments.insert(service, QUrl(m_settings->value(service).toString()));
        m_settings->endGroup();
        profile.rememberSignIns = m_settings->value(QStringLiteral("rememberSignIns")).toBool();
        profile.acceptInvalidCertificates =
            m_settings->value(QStringLiteral("acceptInvalidCertificates")).toBool();
        m_settings->endGroup();
        if (profile.access != Profile::Access::Sandbox
            && profile.id != MachineSettings::profileId())
            list.append(profile);
    }
    m_settings->endGroup();
    return list;
}

std::optional<Profile> ProfileStore::find(const QString &idOrName) const
{
    const QList<Profile> all = profiles();
    for (const Profile &profile : all) {
        if (profile.id == idOrName)
            return profile;
    }
    for (const Profile &profile : all) {
        if (profile.name.compare(idOrName, Qt::CaseInsensitive) == 0)
            return profile;
    }
    return std::nullopt;
}

Profile ProfileStore::active() const
{
    // Locked machine profile > the user's choice > the machine's default > the sandbox.
    const std::optional<Profile> managed = m_machine ? m_machine->profile() : std::nullopt;
    if (managed && m_machine->profileLocked())
        return *managed;
    const QString chosen = m_settings->value(QLatin1String(activeKey)).toString();
    if (const auto found = chosen.isEmpty() ? std::nullopt : find(chosen))
        return *found;
    return managed.value_or(sandboxProfile());
}

void ProfileStore::setActive(const QString &id)
{
    const auto profile = find(id);
    if (!profile || (activeLocked() && profile->id != MachineSettings::profileId()))
        return;
    m_settings->setValue(QLatin1String(activeKey), profile->id);
    Q_EMIT activeChanged(*profile);
}

bool ProfileStore::save(const Profile &profile, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (profile.id.isEmpty() || isSandboxId(profile.id)
        || profile.id == MachineSettings::profileId() || profile.id.contains(QLatin1Char('/')))
        return fail(tr("Choose another profile id; \"%1\" cannot be used.").arg(profile.id));
    if (const QString problem = problemWith(profile); !problem.isEmpty())
        return fail(problem);
    const PlatformTraits &traits = PlatformTraits::of(profile.platform);
    const AccessTraits *access = traits.accessTraits(profile.access);
    m_settings->beginGroup(QLatin1String(group));
    m_settings->beginGroup(profile.id);
    m_settings->setValue(QStringLiteral("name"), profile.name.trimmed());
    m_settings->setValue(QStringLiteral("platform"), Profile::platformName(profile.platform));
    m_settings->setValue(QStringLiteral("access"), Profile::accessName(profile.access));
    m_settings->remove(QStringLiteral("kind")); // what settings held before the two were apart
    // What the profile's kind has no use for is not kept.
    m_settings->setValue(QStringLiteral("baseUrl"),
                         access->hasAddress() ? profile.baseUrl.toString() : QString());
    m_settings->setValue(QStringLiteral("apiVersion"),
                         traits.hasApiVersions() ? profile.apiVersion : QString());
    m_settings->setValue(QStringLiteral("credentialHeader"),
                         access->hasCredentialHeader ? profile.credentialHeader : QString());
    m_settings->setValue(QStringLiteral("projectId"),
                         traits.hasProjectId ? profile.projectId.trimmed() : QString());
    m_settings->setValue(QStringLiteral("userId"),
                         access->hasUserId ? profile.userId.trimmed() : QString());
    m_settings->remove(QLatin1String(environmentsGroup));
    if (traits.hasEnvironments()) {
        m_settings->beginGroup(QLatin1String(environmentsGroup));
        for (auto it = profile.environments.cbegin(); it != profile.environments.cend(); ++it) {
            if (!it.value().isEmpty())
                m_settings->setValue(it.key(), it.value().toString());
        }
        m_settings->endGroup();
    }
    m_settings->setValue(QStringLiteral("rememberSignIns"), profile.rememberSignIns);
    m_settings->setValue(QStringLiteral("acceptInvalidCertificates"),
                         profile.acceptInvalidCertificates);
    m_settings->endGroup();
    m_settings->endGroup();
    Q_EMIT profilesChanged();
    return true;
}

QString ProfileStore::problemWith(const Profile &profile)
{
    const PlatformTraits &traits = PlatformTraits::of(profile.platform);
    if (profile.access == Profile::Access::Sandbox)
        return tr("There is one sandbox profile per platform, and it is built in.");
    const AccessTraits *access = traits.accessTraits(profile.access);
    if (!access)
        return tr("%1 profiles cannot be of this kind; choose one of the kinds offered.")
            .arg(traits.displayName());
    if (profile.name.trimmed().isEmpty())
        return tr("Give the profile a name.");
    if (traits.hasProjectId) {
        const QString projectId = profile.projectId.trimmed();
        if (projectId.isEmpty())
            return tr("Enter the %1 project ID (you find it in the %1 dashboard).")
                .arg(traits.displayName());
        if (!isProjectIdToken(projectId))
            return tr("The project ID may hold only letters, digits and hyphens, as in "
                      "3f2a9c1e-8b7d-4e6f-a5c4-1d2e3f4a5b6c.");
    }
    if (access->hasAddress() && !isWebAddress(profile.baseUrl)) {
        const QUrl example =
            access->exampleAddress.isEmpty() ? traits.defaultBaseUrl : access->exampleAddress;
        return tr("The address must be a web address such as %1.").arg(example.toDisplayString());
    }
    if (access->hasUserId && profile.userId.trimmed().isEmpty())
        return tr("Enter the ID of the user the tokens are signed for.");
    for (auto it = profile.environments.cbegin(); it != profile.environments.cend(); ++it) {
        if (!traits.defaultEnvironments.contains(it.key()))
            return tr("%1 is not a service of %2.").arg(it.key(), traits.displayName());
        if (!it.value().isEmpty() && !isWebAddress(it.value()))
            return tr("The address of %1 must be a web address such as %2.")
                .arg(it.key(), traits.defaultEnvironments.value(it.key()).toDisplayString());
    }
    if (traits.hasApiVersions() && !traits.isKnownApiVersion(profile.apiVersion))
        return tr("Choose one of the known API versions: %1.")
            .arg(traits.apiVersions.join(QLatin1String(", ")));
    return {};
}

bool ProfileStore::remove(const QString &id)
{
    if (isSandboxId(id) || id == MachineSettings::profileId() || !find(id))
        return false;
    m_settings->remove(QStringLiteral("%1/%2").arg(QLatin1String(group), id));
    if (m_settings->value(QLatin1String(activeKey)).toString() == id) {
        m_settings->remove(QLatin1String(activeKey));
        Q_EMIT activeChanged(sandboxProfile());
    }
    Q_EMIT profilesChanged();
    return true;
}
