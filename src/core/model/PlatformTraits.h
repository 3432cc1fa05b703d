// What a profile of each platform holds, and how people see it named: the one table outside a
// platform's own folder that knows its facts, for the dialogs, the settings' checks and the
// command line. A new platform adds a row here (and its Profile::Platform value).
#pragma once

#include "core/model/Profile.h"

#include <QList>
#include <QStringList>
#include <QUrl>

struct PlatformTraits
{
    Profile::Platform platform = Profile::Platform::Polytomic;
    const char *displayNameSource = ""; // untranslated; displayName() translates it
    QUrl defaultBaseUrl; // the platform's cloud
    // Where a direct credential may come from instead of the keychain.
    QString keyEnvironmentVariable;
    // The API versions a profile may pin, oldest first; empty when the platform has none.
    QStringList apiVersions;

    // The platform's name for people ("Polytomic"), in the language of the moment.
    QString displayName() const;
    // The version a profile gets unless it says otherwise: the newest known one.
    QString latestApiVersion() const;
    bool isKnownApiVersion(const QString &version) const;

    static const PlatformTraits &of(Profile::Platform platform);
    static QList<Profile::Platform> platforms();
};
