#include "core/polytomic/ApiVersion.h"

#include "core/model/PlatformTraits.h"

namespace ApiVersion {

QStringList known()
{
    return PlatformTraits::of(Profile::Platform::Polytomic).apiVersions;
}

QString latest()
{
    return PlatformTraits::of(Profile::Platform::Polytomic).latestApiVersion();
}

QString serverDefault()
{
    return QStringLiteral("2024-02-08");
}

bool isKnown(const QString &version)
{
    return known().contains(version);
}

} // namespace ApiVersion
