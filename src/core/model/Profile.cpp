#include "core/model/Profile.h"

QString Profile::platformName(Platform platform)
{
    switch (platform) {
    case Platform::Polytomic:
        return QStringLiteral("polytomic");
    case Platform::Paragon:
        return QStringLiteral("paragon");
    }
    return {};
}

std::optional<Profile::Platform> Profile::platformFromName(const QString &name)
{
    for (Platform platform : {Platform::Polytomic, Platform::Paragon}) {
        if (platformName(platform) == name)
            return platform;
    }
    return std::nullopt;
}

QString Profile::accessName(Access access)
{
    switch (access) {
    case Access::Sandbox:
        return QStringLiteral("sandbox");
    case Access::Direct:
        return QStringLiteral("direct");
    case Access::Backend:
        return QStringLiteral("backend");
    }
    return {};
}

std::optional<Profile::Access> Profile::accessFromName(const QString &name)
{
    for (Access access : {Access::Sandbox, Access::Direct, Access::Backend}) {
        if (accessName(access) == name)
            return access;
    }
    return std::nullopt;
}

std::optional<std::pair<Profile::Platform, Profile::Access>>
Profile::fromLegacyKind(const QString &kind)
{
    if (kind == QLatin1String("sandbox"))
        return std::pair(Platform::Polytomic, Access::Sandbox);
    if (kind == QLatin1String("polytomic"))
        return std::pair(Platform::Polytomic, Access::Direct);
    if (kind == QLatin1String("proxy"))
        return std::pair(Platform::Polytomic, Access::Backend);
    return std::nullopt;
}
