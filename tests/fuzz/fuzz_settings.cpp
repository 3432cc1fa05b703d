// Fuzzes reading settings: an arbitrary INI file as the profiles and preferences, and as the
// machine-wide file IT provisions (defaults and locks).
#include "core/settings/AppSettings.h"
#include "core/settings/MachineSettings.h"
#include "core/settings/NameTemplate.h"
#include "core/settings/ProfileStore.h"

#include <QFile>
#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("settings.ini"));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return 0;
        file.write(reinterpret_cast<const char *>(data), qint64(size));
    }
    QSettings settings(path, QSettings::IniFormat);
    // The same bytes as IT's machine-wide file (provisioning), under the user's settings.
    const MachineSettings machine(settings);
    machine.profile();
    machine.managedBy();
    ProfileStore profiles(&settings, &machine);
    for (const Profile &profile : profiles.profiles()) {
        profiles.find(profile.name);
        QString error;
        Profile copy = profile;
        copy.id += QStringLiteral("-copy");
        profiles.save(copy, &error);
    }
    profiles.active();
    AppSettings app(&settings, &machine);
    app.theme();
    app.language();
    app.logoFile();
    app.browserOnlyHosts();
    app.allowedIntegrations();
    NameTemplate::make(app.nameTemplate(), QStringLiteral("PostgreSQL"),
                       QStringLiteral("postgresql"), {QStringLiteral("PostgreSQL")});
    return 0;
}
