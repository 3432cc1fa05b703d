// The dated versions of the Polytomic API (X-Polytomic-Version): the header, and the versions a
// profile may pin (PlatformTraits holds the list, for the settings' checks).
#pragma once

#include <QString>
#include <QStringList>

namespace ApiVersion {

constexpr auto headerName = "X-Polytomic-Version";

// Every version named in the public reference, oldest first.
QStringList known();
// The version the app sends unless a profile says otherwise: the newest known one.
QString latest();
// The version the sandbox assumes when a request names none.
QString serverDefault();
bool isKnown(const QString &version);

} // namespace ApiVersion
