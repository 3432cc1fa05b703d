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
    Profile profile;
    profile.id = QStringLiteral("sandbox");
    profile.name = tr("Sandbox");
    profile.access = Profile::Access::Sandbox;
    profile.apiVersion = PlatformTraits::of(profile.platform).latestApiVersion();
    return profile;
}

QList<Profile> ProfileStore::profiles() const
{
    QList<Profile> list{sandboxProfile()};
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
    if (profile.id.isEmpty() || profile.id == sandboxProfile().id
        || profile.id == MachineSettings::profileId() || profile.id.contains(QLatin1Char('/')))
        return fail(tr("Choose another profile id; \"%1\" cannot be used.").arg(profile.id));
    if (profile.access == Profile::Access::Sandbox)
        return fail(tr("There is one sandbox profile, and it is built in."));
    if (profile.name.trimmed().isEmpty())
        return fail(tr("Give the profile a name."));
    const QString scheme = profile.baseUrl.scheme();
    if (!profile.baseUrl.isValid() || profile.baseUrl.host().isEmpty()
        || (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
        return fail(
            tr("The address must be a web address such as %1.")
                .arg(PlatformTraits::of(profile.platform).defaultBaseUrl.toDisplayString()));
    const PlatformTraits &traits = PlatformTraits::of(profile.platform);
    if (!traits.apiVersions.isEmpty() && !traits.isKnownApiVersion(profile.apiVersion))
        return fail(tr("Choose one of the known API versions: %1.")
                        .arg(traits.apiVersions.join(QLatin1String(", "))));
    m_settings->beginGroup(QLatin1String(group));
    m_settings->beginGroup(profile.id);
    m_settings->setValue(QStringLiteral("name"), profile.name.trimmed());
    m_settings->setValue(QStringLiteral("platform"), Profile::platformName(profile.platform));
    m_settings->setValue(QStringLiteral("access"), Profile::accessName(profile.access));
    m_settings->remove(QStringLiteral("kind")); // what settings held before the two were apart
    m_settings->setValue(QStringLiteral("baseUrl"), profile.baseUrl.toString());
    m_settings->setValue(QStringLiteral("apiVersion"), profile.apiVersion);
    m_settings->setValue(QStringLiteral("credentialHeader"), profile.credentialHeader);
    m_settings->setValue(QStringLiteral("rememberSignIns"), profile.rememberSignIns);
    m_settings->setValue(QStringLiteral("acceptInvalidCertificates"),
                         profile.acceptInvalidCertificates);
    m_settings->endGroup();
    m_settings->endGroup();
    Q_EMIT profilesChanged();
    return true;
}

bool ProfileStore::remove(const QString &id)
{
    if (id == sandboxProfile().id || id == MachineSettings::profileId() || !find(id))
        return false;
    m_settings->remove(QStringLiteral("%1/%2").arg(QLatin1String(group), id));
    if (m_settings->value(QLatin1String(activeKey)).toString() == id) {
        m_settings->remove(QLatin1String(activeKey));
        Q_EMIT activeChanged(sandboxProfile());
    }
    Q_EMIT profilesChanged();
    return true;
}
