#include "core/model/ApiVersion.h"

namespace ApiVersion {

QStringList known()
{
    return {QStringLiteral("2021-05-23"), QStringLiteral("2022-12-12"),
            QStringLiteral("2023-04-25"), QStringLiteral("2024-02-08"),
            QStringLiteral("2025-09-18")};
}

QString latest()
{
    return known().constLast();
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
