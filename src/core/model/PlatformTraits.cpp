#include "core/model/PlatformTraits.h"

#include <QCoreApplication>

namespace {

QString translated(const char *source)
{
    return source[0] == '\0' ? QString() : QCoreApplication::translate("PlatformTraits", source);
}

} // namespace

QString AccessTraits::label() const
{
    return translated(labelSource);
}

QString AccessTraits::description() const
{
    return translated(descriptionSource);
}

QString AccessTraits::addressLabel() const
{
    return translated(addressLabelSource);
}

QString AccessTraits::secretLabel() const
{
    return translated(secretLabelSource);
}

QString AccessTraits::warning() const
{
    return translated(warningSource);
}

QString PlatformTraits::displayName() const
{
    return QCoreApplication::translate("PlatformTraits", displayNameSource);
}

QString PlatformTraits::latestApiVersion() const
{
    return apiVersions.isEmpty() ? QString() : apiVersions.constLast();
}

bool PlatformTraits::isKnownApiVersion(const QString &version) const
{
    return apiVersions.contains(version);
}

const AccessTraits *PlatformTraits::accessTraits(Profile::Access access) const
{
    for (const AccessTraits &traits : accesses) {
        if (traits.access == access)
            return &traits;
    }
    return nullptr;
}

QMap<QString, QUrl> PlatformTraits::paragonCloudEnvironments()
{
    // The SDK's own defaults for Paragon's cloud (@useparagon/connect, its environments).
    static const QMap<QString, QUrl> cloud{
        {QStringLiteral("ZEUS_PUBLIC_URL"), QUrl(QStringLiteral("https://zeus.useparagon.com"))},
        {QStringLiteral("CONNECT_PUBLIC_URL"),
         QUrl(QStringLiteral("https://connect.useparagon.com"))},
        {QStringLiteral("PASSPORT_PUBLIC_URL"),
         QUrl(QStringLiteral("https://passport.useparagon.com"))},
        {QStringLiteral("PASSPORT_PRODUCTION_URL"),
         QUrl(QStringLiteral("https://passport.useparagon.com"))},
        {QStringLiteral("HERMES_PUBLIC_URL"),
         QUrl(QStringLiteral("https://hermes.useparagon.com"))},
        {QStringLiteral("WORKER_PROXY_PUBLIC_URL"),
         QUrl(QStringLiteral("https://worker-proxy.useparagon.com"))},
        {QStringLiteral("CDN_PUBLIC_URL"), QUrl(QStringLiteral("https://cdn.useparagon.com"))},
        {QStringLiteral("DASHBOARD_PUBLIC_URL"),
         QUrl(QStringLiteral("https://dashboard.useparagon.com"))},
        {QStringLiteral("API_TRIGGER_KIT_PUBLIC_URL"),
         QUrl(QStringLiteral("https://api-trigger-kit.useparagon.com"))},
    };
    return cloud;
}

QMap<QString, QUrl> PlatformTraits::environmentsOf(const Profile &profile)
{
    QMap<QString, QUrl> environments = of(profile.platform).defaultEnvironments;
    for (auto it = profile.environments.cbegin(); it != profile.environments.cend(); ++it) {
        if (!it.value().isEmpty())
            environments.insert(it.key(), it.value());
    }
    return environments;
}

const PlatformTraits &PlatformTraits::of(Profile::Platform platform)
{
    static const PlatformTraits polytomic{
        Profile::Platform::Polytomic,
        QT_TRANSLATE_NOOP("PlatformTraits", "Polytomic"),
        QUrl(QStringLiteral("https://app.polytomic.com")),
        QStringLiteral("POLYTOMIC_API_KEY"),
        // The dated versions of the Polytomic API (X-Polytomic-Version) in its public reference.
        {QStringLiteral("2021-05-23"), QStringLiteral("2022-12-12"), QStringLiteral("2023-04-25"),
         QStringLiteral("2024-02-08"), QStringLiteral("2025-09-18")},
        {
            AccessTraits{
                Profile::Access::Direct,
                QT_TRANSLATE_NOOP("PlatformTraits", "API key"),
                QT_TRANSLATE_NOOP("PlatformTraits",
                                  "Polytomic's API, with an API key kept in this computer's "
                                  "keychain."),
                QT_TRANSLATE_NOOP("PlatformTraits", "&Base URL:"),
                QUrl(),
                AccessTraits::Secret::ApiKey,
                QT_TRANSLATE_NOOP("PlatformTraits", "API ke&y:"),
                false,
                false,
                "",
            },
            AccessTraits{
                Profile::Access::Backend,
                QT_TRANSLATE_NOOP("PlatformTraits", "Backend proxy"),
                QT_TRANSLATE_NOOP("PlatformTraits",
                                  "Your backend adds the API key; the app never holds it."),
                QT_TRANSLATE_NOOP("PlatformTraits", "&Base URL:"),
                QUrl(),
                AccessTraits::Secret::Credential,
                QT_TRANSLATE_NOOP("PlatformTraits", "Your &credential:"),
                true,
                false,
                "",
            },
        },
        false,
        {},
        {},
    };
    // Paragon's Connect Portal: the app holds a user token (a JWT) for one project, from the
    // customer's backend or, for support staff, signed here with the project's key.
    static const PlatformTraits paragon{
        Profile::Platform::Paragon,
        QT_TRANSLATE_NOOP("PlatformTraits", "Paragon"),
        QUrl(QStringLiteral("https://zeus.useparagon.com")),
        QStringLiteral("PARAGON_SIGNING_KEY"),
        {},
        {
            AccessTraits{
                Profile::Access::Backend,
                QT_TRANSLATE_NOOP("PlatformTraits", "Your backend (token URL)"),
                QT_TRANSLATE_NOOP("PlatformTraits",
                                  "Your backend signs a user token and answers the token URL "
                                  "with {\"token\": \"…\"}."),
                QT_TRANSLATE_NOOP("PlatformTraits", "&Token URL:"),
                QUrl(QStringLiteral("https://backend.example.com/paragon/token")),
                AccessTraits::Secret::Credential,
                QT_TRANSLATE_NOOP("PlatformTraits", "Your &credential:"),
                true,
                false,
                "",
            },
            AccessTraits{
                Profile::Access::Direct,
                QT_TRANSLATE_NOOP("PlatformTraits", "Signing key (support staff)"),
                QT_TRANSLATE_NOOP("PlatformTraits",
                                  "The app signs short-lived user tokens for one user with the "
                                  "project's signing key."),
                "", // no address: Paragon's cloud, or the self-hosted services below
                QUrl(),
                AccessTraits::Secret::SigningKey,
                QT_TRANSLATE_NOOP("PlatformTraits", "&Signing key (PEM):"),
                false,
                true,
                QT_TRANSLATE_NOOP("PlatformTraits",
                                  "For support staff: the signing key stays in this computer's "
                                  "keychain. Never give it to end users."),
            },
        },
        true,
        paragonCloudEnvironments(),
        // Where the JSON calls and the portal are first: a self-hosted Paragon always moves these.
        {QStringLiteral("ZEUS_PUBLIC_URL"), QStringLiteral("CONNECT_PUBLIC_URL"),
         QStringLiteral("PASSPORT_PUBLIC_URL"), QStringLiteral("PASSPORT_PRODUCTION_URL"),
         QStringLiteral("HERMES_PUBLIC_URL"), QStringLiteral("WORKER_PROXY_PUBLIC_URL"),
         QStringLiteral("CDN_PUBLIC_URL"), QStringLiteral("DASHBOARD_PUBLIC_URL"),
         QStringLiteral("API_TRIGGER_KIT_PUBLIC_URL")},
    };
    switch (platform) {
    case Profile::Platform::Polytomic:
        return polytomic;
    case Profile::Platform::Paragon:
        return paragon;
    }
    return polytomic;
}

QList<Profile::Platform> PlatformTraits::platforms()
{
    return {Profile::Platform::Polytomic, Profile::Platform::Paragon};
}
