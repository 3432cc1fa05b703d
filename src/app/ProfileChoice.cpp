#include "app/ProfileChoice.h"

#include "core/model/PlatformTraits.h"
#include "core/settings/ProfileStore.h"

#include <QCoreApplication>

namespace ProfileChoice {

namespace {

// Inside ProfileChoice, so that lupdate gives these tr() calls a context.
QString tr(const char *text)
{
    return QCoreApplication::translate("ProfileChoice", text);
}

} // namespace

std::optional<Profile> resolve(const ConnectOptions &options, const ProfileStore &profiles,
                               QString *error)
{
    const auto platform = options.platform;
    if (platform && *platform != Profile::Platform::Polytomic
        && (options.baseUrl.isValid() || options.proxyUrl.isValid())) {
        *error = tr("--base-url and --proxy-url are Polytomic's; for %1, name a profile with "
                    "--profile (add one in the app's settings).")
                     .arg(PlatformTraits::of(*platform).displayName());
        return std::nullopt;
    }
    if (options.baseUrl.isValid() || options.proxyUrl.isValid()) {
        const bool proxy = options.proxyUrl.isValid();
        const QUrl url = proxy ? options.proxyUrl : options.baseUrl;
        // A stored profile for the same address brings its key and version along.
        for (const Profile &profile : profiles.profiles()) {
            if (profile.baseUrl == url && (profile.access == Profile::Access::Backend) == proxy)
                return profile;
        }
        Profile adHoc;
        adHoc.id = QStringLiteral("command-line");
        adHoc.name = url.host();
        adHoc.access = proxy ? Profile::Access::Backend : Profile::Access::Direct;
        adHoc.baseUrl = url;
        adHoc.apiVersion = PlatformTraits::of(adHoc.platform).latestApiVersion();
        return adHoc;
    }
    if (!options.profile.isEmpty()) {
        const auto found = profiles.find(options.profile);
        if (!found) {
            QStringList names;
            for (const Profile &profile : profiles.profiles())
                names.append(profile.name);
            *error = tr("Unknown profile “%1”. Profiles: %2 (add one in the app's settings).")
                         .arg(options.profile, names.join(QLatin1String(", ")));
        }
        if (found && platform && found->platform != *platform) {
            *error = tr("The profile “%1” is a %2 profile, not %3.")
                         .arg(found->name, PlatformTraits::of(found->platform).displayName(),
                              PlatformTraits::of(*platform).displayName());
            return std::nullopt;
        }
        return found;
    }
    // --platform alone: that platform's built-in sandbox.
    if (platform)
        return ProfileStore::sandboxProfile(*platform);
    return profiles.active();
}

} // namespace ProfileChoice
