#include "core/model/PlatformTraits.h"

#include <QCoreApplication>

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
    };
    switch (platform) {
    case Profile::Platform::Polytomic:
        return polytomic;
    }
    return polytomic;
}

QList<Profile::Platform> PlatformTraits::platforms()
{
    return {Profile::Platform::Polytomic};
}
