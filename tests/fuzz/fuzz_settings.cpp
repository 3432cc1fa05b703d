// Fuzzes reading settings: an arbitrary INI file as the profiles and preferences.
#include "AppSettings.h"
#include "NameTemplate.h"
#include "ProfileStore.h"

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
    ProfileStore profiles(&settings);
    for (const Profile &profile : profiles.profiles()) {
        profiles.find(profile.name);
        QString error;
        Profile copy = profile;
        copy.id += QStringLiteral("-copy");
        profiles.save(copy, &error);
    }
    profiles.active();
    AppSettings app(&settings);
    app.theme();
    app.allowedIntegrations();
    NameTemplate::make(app.nameTemplate(), QStringLiteral("PostgreSQL"),
                       QStringLiteral("postgresql"), {QStringLiteral("PostgreSQL")});
    return 0;
}
