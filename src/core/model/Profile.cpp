#include "core/model/Profile.h"

QString Profile::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Sandbox:
        return QStringLiteral("sandbox");
    case Kind::Polytomic:
        return QStringLiteral("polytomic");
    case Kind::Proxy:
        return QStringLiteral("proxy");
    }
    return {};
}

std::optional<Profile::Kind> Profile::kindFromName(const QString &name)
{
    for (Kind kind : {Kind::Sandbox, Kind::Polytomic, Kind::Proxy}) {
        if (kindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}
