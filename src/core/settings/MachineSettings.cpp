#include "core/settings/MachineSettings.h"

#include "core/model/PlatformTraits.h"
#include "core/settings/ProxySettings.h"
#include "core/settings/ThemeNames.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QUrl>

namespace {

constexpr auto lockedGroup = "Locked";
constexpr auto defaultsGroup = "Defaults";
constexpr auto managedByKey = "ManagedBy";

// A list may come as a list (INI "a, b", a registry REG_MULTI_SZ, a plist array) or as one
// comma-separated string (a registry REG_SZ).
QStringList toList(const QVariant &value)
{
    QStringList raw = value.toStringList();
    if (raw.size() == 1)
        raw = raw.constFirst().split(QLatin1Char(','));
    QStringList list;
    for (const QString &item : std::as_const(raw)) {
        if (!item.trimmed().isEmpty() && !list.contains(item.trimmed()))
            list.append(item.trimmed());
    }
    return list;
}

bool isListKey(const QString &key)
{
    return key == QLatin1String("connections/allowed")
        || key == QLatin1String("web/browserOnlyHosts");
}

constexpr auto environmentPrefix = "profile/environments/";

bool isWebAddress(const QUrl &url)
{
    return url.isValid() && !url.host().isEmpty()
        && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"));
}

// The service an environment key names ("ZEUS_PUBLIC_URL" of "profile/environments/..."), and
// its cloud address in whichever platform has it; empty when no platform knows the service.
QUrl cloudAddressOf(const QString &service)
{
    for (const Profile::Platform platform : PlatformTraits::platforms()) {
        const QUrl url = PlatformTraits::of(platform).defaultEnvironments.value(service);
        if (!url.isEmpty())
            return url;
    }
    return {};
}

} // namespace

QStringList MachineSettings::knownKeys()
{
    QStringList keys{
        QStringLiteral("appearance/theme"),     QStringLiteral("appearance/logo"),
        QStringLiteral("appearance/logoDark"),  QStringLiteral("appearance/language"),
        QStringLiteral("connections/allowed"),  QStringLiteral("connections/nameTemplate"),
        QStringLiteral("web/browserOnlyHosts"), QStringLiteral("profile/name"),
        QStringLiteral("profile/platform"),     QStringLiteral("profile/access"),
        QStringLiteral("profile/kind"),         QStringLiteral("profile/baseUrl"),
        QStringLiteral("profile/apiVersion"),   QStringLiteral("profile/credentialHeader"),
        QStringLiteral("profile/projectId"),    QStringLiteral("profile/userId"),
        QStringLiteral("history/limit"),        QStringLiteral("network/proxy"),
        QStringLiteral("network/proxyUrl"),     QStringLiteral("network/proxyUser"),
        QStringLiteral("network/proxyBypass")};
    // Each service a self-hosted installation of a platform moves, by the platform's own key.
    for (const Profile::Platform platform : PlatformTraits::platforms()) {
        for (const QString &service : PlatformTraits::of(platform).environmentKeys) {
            const QString key = QLatin1String(environmentPrefix) + service;
            if (!keys.contains(key))
                keys.append(key);
        }
    }
    return keys;
}

MachineSettings::MachineSettings(QSettings &source)
{
    m_managedBy = source.value(QLatin1String(managedByKey)).toString().trimmed().left(120);
    const auto read = [&](const char *group, QHash<QString, QVariant> &into) {
        source.beginGroup(QLatin1String(group));
        const QStringList keys = source.allKeys();
        for (const QString &key : keys) {
            const QVariant value = source.value(key);
            QString problem;
            if (!knownKeys().contains(key))
                problem =
                    tr("“%1” is not a setting Connect Desktop knows; it is ignored.").arg(key);
            else if (!accept(key, value, &problem))
                ;
            else
                into.insert(key,
                            isListKey(key) ? QVariant(toList(value))
                                           : QVariant(value.toString().trimmed()));
            if (!problem.isEmpty())
                m_problems.append(
                    QStringLiteral("%1/%2: %3").arg(QLatin1String(group), key, problem));
        }
        source.endGroup();
    };
    read(lockedGroup, m_locked);
    read(defaultsGroup, m_defaults);
    // A locked value wins; the same key as a default would never be seen.
    for (const QString &key : m_locked.keys())
        m_defaults.remove(key);
}

bool MachineSettings::accept(const QString &key, const QVariant &value, QString *problem) const
{
    const QString text = value.toString().trimmed();
    if (key == QLatin1String("appearance/theme") && !ThemeNames::isKnown(text)) {
        *problem = tr("the theme must be system, light or dark.");
        return false;
    }
    if (key == QLatin1String("network/proxy") && !ProxySettings::modeFromName(text)) {
        *problem = tr("the proxy must be system, none or manual.");
        return false;
    }
    if (key == QLatin1String("network/proxyUrl")) {
        QString why;
        if (!ProxySettings::parseUrl(text, &why)) {
            *problem = tr("the proxy address is not usable: %1").arg(why);
            return false;
        }
    }
    if (key == QLatin1String("profile/platform") && !Profile::platformFromName(text)) {
        QStringList names;
        for (const Profile::Platform platform : PlatformTraits::platforms())
            names.append(Profile::platformName(platform));
        *problem = tr("the platform must be one of: %1.").arg(names.join(QLatin1String(", ")));
        return false;
    }
    if (key == QLatin1String("profile/access") && !Profile::accessFromName(text)) {
        *problem = tr("the access must be direct, backend or sandbox.");
        return false;
    }
    // Before platform and access were apart, one key said both.
    if (key == QLatin1String("profile/kind") && !Profile::fromLegacyKind(text)) {
        *problem = tr("the kind must be polytomic, proxy or sandbox.");
        return false;
    }
    if (key == QLatin1String("profile/baseUrl")) {
        const QUrl url(text);
        if (!url.isValid() || url.host().isEmpty()
            || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
            *problem = tr("the base URL must be a web address such as %1.")
                           .arg(PlatformTraits::of(Profile::Platform::Polytomic)
                                    .defaultBaseUrl.toDisplayString());
            return false;
        }
    }
    if (key.startsWith(QLatin1String(environmentPrefix)) && !isWebAddress(QUrl(text))) {
        const QString service = key.mid(int(qstrlen(environmentPrefix)));
        *problem = tr("the address must be a web address such as %1.")
                       .arg(cloudAddressOf(service).toDisplayString());
        return false;
    }
    if (key == QLatin1String("profile/projectId")) {
        bool token = !text.isEmpty();
        for (const QChar c : text)
            token = token && c.unicode() < 128 && (c.isLetterOrNumber() || c == QLatin1Char('-'));
        if (!token) {
            *problem = tr("the project ID may hold only letters, digits and hyphens.");
            return false;
        }
    }
    if (key == QLatin1String("profile/apiVersion")) {
        // Checked before the platform is known: a version of any platform passes here.
        QStringList known;
        for (const Profile::Platform platform : PlatformTraits::platforms())
            known += PlatformTraits::of(platform).apiVersions;
        if (!known.contains(text)) {
            *problem = tr("unknown API version; known: %1.").arg(known.join(QLatin1String(", ")));
            return false;
        }
    }
    if (key == QLatin1String("appearance/language") && !text.isEmpty()
        && (text.size() > 16 || text.contains(QLatin1Char('/'))
            || text.contains(QLatin1Char('.')))) {
        *problem = tr("the language must be a code such as de or fr_CA.");
        return false;
    }
    return true;
}

QString MachineSettings::managedBy() const
{
    return m_managedBy.isEmpty() ? tr("your organisation") : m_managedBy;
}

bool MachineSettings::profileLocked() const
{
    for (auto it = m_locked.cbegin(); it != m_locked.cend(); ++it) {
        if (it.key().startsWith(QLatin1String("profile/")))
            return true;
    }
    return false;
}

std::optional<Profile> MachineSettings::profile() const
{
    const auto value = [this](const char *key) {
        const QString name = QLatin1String(key);
        return (m_locked.contains(name) ? m_locked.value(name) : m_defaults.value(name)).toString();
    };
    const QString platform = value("profile/platform");
    const QString access = value("profile/access");
    const QString kind = value("profile/kind");
    const QString baseUrl = value("profile/baseUrl");
    const QString projectId = value("profile/projectId");
    if (platform.isEmpty() && access.isEmpty() && kind.isEmpty() && baseUrl.isEmpty()
        && projectId.isEmpty())
        return std::nullopt;
    Profile profile;
    profile.id = profileId();
    const auto legacy = Profile::fromLegacyKind(kind);
    profile.platform = Profile::platformFromName(platform).value_or(
        legacy ? legacy->first : Profile::Platform::Polytomic);
    profile.access =
        Profile::accessFromName(access).value_or(legacy ? legacy->second : Profile::Access::Direct);
    profile.name = value("profile/name");
    if (profile.name.isEmpty())
        profile.name = tr("Company backend");
    profile.baseUrl = QUrl(baseUrl);
    profile.apiVersion = value("profile/apiVersion");
    if (profile.apiVersion.isEmpty())
        profile.apiVersion = PlatformTraits::of(profile.platform).latestApiVersion();
    profile.credentialHeader = value("profile/credentialHeader");
    profile.projectId = projectId;
    profile.userId = value("profile/userId");
    const PlatformTraits &traits = PlatformTraits::of(profile.platform);
    for (const QString &service : traits.environmentKeys) {
        const QString key = QLatin1String(environmentPrefix) + service;
        const QVariant url = m_locked.contains(key) ? m_locked.value(key) : m_defaults.value(key);
        if (!url.toString().isEmpty())
            profile.environments.insert(service, QUrl(url.toString()));
    }
    if (profile.access == Profile::Access::Sandbox) {
        // The platform's built-in sandbox brings its own address and project.
        profile.baseUrl = QUrl();
        profile.projectId.clear();
        return profile;
    }
    const AccessTraits *accessTraits = traits.accessTraits(profile.access);
    if (!accessTraits || (accessTraits->hasAddress() && profile.baseUrl.isEmpty()))
        return std::nullopt; // nowhere to go
    if (traits.hasProjectId && profile.projectId.isEmpty())
        return std::nullopt; // no project to open
    return profile;
}

QString MachineSettings::systemSourceLocation()
{
#if defined(Q_OS_WIN)
    return QStringLiteral("HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\%1\\%2")
        .arg(QCoreApplication::organizationName(), QCoreApplication::applicationName());
#elif defined(Q_OS_MACOS)
    return QStringLiteral("/Library/Managed Preferences/%1.plist")
        .arg(QStringLiteral(CONNECT_DESKTOP_APP_ID));
#else
    // The first directory of XDG_CONFIG_DIRS (default /etc/xdg) that has the file.
    QStringList dirs =
        qEnvironmentVariable("XDG_CONFIG_DIRS").split(QLatin1Char(':'), Qt::SkipEmptyParts);
    if (dirs.isEmpty())
        dirs = {QStringLiteral("/etc/xdg")};
    const QString relative =
        QStringLiteral("%1/%2.conf")
            .arg(QCoreApplication::organizationName(), QCoreApplication::applicationName());
    for (const QString &dir : std::as_const(dirs)) {
        const QString path = QDir(dir).filePath(relative);
        if (QFileInfo::exists(path))
            return path;
    }
    return QDir(dirs.constFirst()).filePath(relative);
#endif
}

namespace {

// The system-wide configuration of this OS, or null when there is none.
std::unique_ptr<QSettings> openSystemSource()
{
#if defined(Q_OS_WIN)
    auto settings = std::make_unique<QSettings>(MachineSettings::systemSourceLocation(),
                                                QSettings::NativeFormat);
    return settings->childGroups().isEmpty() && settings->childKeys().isEmpty()
        ? nullptr
        : std::move(settings);
#else
    const QString path = MachineSettings::systemSourceLocation();
    if (!QFileInfo::exists(path))
        return nullptr;
#if defined(Q_OS_MACOS)
    return std::make_unique<QSettings>(path, QSettings::NativeFormat);
#else
    return std::make_unique<QSettings>(path, QSettings::IniFormat);
#endif
#endif
}

} // namespace

MachineSettings MachineSettings::fromSystem()
{
    const std::unique_ptr<QSettings> source = openSystemSource();
    return source ? MachineSettings(*source) : MachineSettings();
}
