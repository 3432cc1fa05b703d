// What a profile of each platform holds, and how people see it named: the one table outside a
// platform's own folder that knows its facts, for the dialogs, the settings' checks and the
// command line. A new platform adds a row here (and its Profile::Platform value).
#pragma once

#include "core/model/Profile.h"

#include <QList>
#include <QMap>
#include <QStringList>
#include <QUrl>

// One way of reaching a platform (direct, or through the customer's backend), as the profile
// dialog draws it and the settings check it. The texts are untranslated; the functions of the
// same names translate them.
struct AccessTraits
{
    // What the secret kept in the keychain is, which decides the field that takes it.
    enum class Secret {
        ApiKey, // one line, required to connect
        Credential, // one line, optional, sent in the credential header to the customer's server
        SigningKey, // a PEM private key, many lines, never shown again
    };

    Profile::Access access = Profile::Access::Direct;
    const char *labelSource = ""; // the choice of kind, e.g. "API key"
    const char *descriptionSource = ""; // a line under the choice; may be empty
    // The address field's label ("&Base URL:", "&Token URL:"); empty when there is none to give.
    const char *addressLabelSource = "";
    // An example shown in the empty address field; the platform's cloud when empty.
    QUrl exampleAddress;
    Secret secret = Secret::ApiKey;
    const char *secretLabelSource = ""; // "API ke&y:", "&Signing key (PEM):"
    bool hasCredentialHeader = false;
    bool hasUserId = false;
    // For support staff only: said in a warning beside the choice; empty for everyone's kinds.
    const char *warningSource = "";

    bool hasAddress() const { return addressLabelSource[0] != '\0'; }
    QString label() const;
    QString description() const;
    QString addressLabel() const;
    QString secretLabel() const;
    QString warning() const;
};

struct PlatformTraits
{
    Profile::Platform platform = Profile::Platform::Polytomic;
    const char *displayNameSource = ""; // untranslated; displayName() translates it
    QUrl defaultBaseUrl; // the platform's cloud
    // Where a direct credential may come from instead of the keychain.
    QString keyEnvironmentVariable;
    // The API versions a profile may pin, oldest first; empty when the platform has none.
    QStringList apiVersions;
    // The kinds a profile of this platform may be, in the order offered (the sandbox is built
    // in, and never one of them).
    QList<AccessTraits> accesses;
    // Whether a profile names a project of the platform (Profile::projectId).
    bool hasProjectId = false;
    // The services a self-hosted installation moves, by the platform's own keys, with the
    // cloud's addresses (Profile::environments overrides them one by one); empty when the
    // platform has no such thing.
    QMap<QString, QUrl> defaultEnvironments;
    // The keys of defaultEnvironments in the order people read them (the most needed first).
    QStringList environmentKeys;

    // The platform's name for people ("Polytomic"), in the language of the moment.
    QString displayName() const;
    // The version a profile gets unless it says otherwise: the newest known one.
    QString latestApiVersion() const;
    bool isKnownApiVersion(const QString &version) const;
    bool hasApiVersions() const { return !apiVersions.isEmpty(); }
    bool hasEnvironments() const { return !environmentKeys.isEmpty(); }
    // The traits of one kind; null for the sandbox and for kinds the platform does not offer.
    const AccessTraits *accessTraits(Profile::Access access) const;

    static const PlatformTraits &of(Profile::Platform platform);
    static QList<Profile::Platform> platforms();
    // Paragon's cloud, by the SDK's environment keys (ZEUS_PUBLIC_URL, CONNECT_PUBLIC_URL, ...):
    // what a profile's `environments` overrides one service at a time.
    static QMap<QString, QUrl> paragonCloudEnvironments();
    // A profile's services: the platform's defaults with the profile's own addresses over them.
    static QMap<QString, QUrl> environmentsOf(const Profile &profile);
};
