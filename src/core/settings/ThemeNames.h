// The themes' names in settings files, in the order of AppSettings::Theme. A leaf: both the
// user's settings (AppSettings) and the machine's (MachineSettings, which validates them) read
// it, so neither needs the other.
#pragma once

#include <QString>

#include <array>

namespace ThemeNames {

inline constexpr std::array<const char *, 3> names{"system", "light", "dark"};

inline bool isKnown(const QString &name)
{
    for (const char *known : names) {
        if (name == QLatin1String(known))
            return true;
    }
    return false;
}

} // namespace ThemeNames
