// A backend the app can talk to, as two things: which platform (Polytomic; Paragon next) and
// how the app reaches it (the built-in sandbox, directly with a credential in the keychain, or
// through the customer's own backend).
#pragma once

#include <QMap>
#include <QString>
#include <QUrl>

#include <optional>
#include <utility>

struct Profile
{
    enum class Platform { Polytomic, Paragon };
    enum class Access {
        Sandbox, // the built-in sandbox of the platform
        Direct, // the platform itself, with a credential (an API key) in the keychain
        Backend, // the customer's backend, which adds the platform's credential
    };

    QString id; // stable, e.g. "sandbox", "polytomic-prod"
    QString name; // shown to people
    Platform platform = Platform::Polytomic;
    Access access = Access::Sandbox;
    QUrl baseUrl; // the platform's or the backend's base; empty for the sandbox
    QString apiVersion;
    // Backend: a header carrying the end user's own credential to the customer's server,
    // e.g. "Authorization"; the value is kept in the keychain like an API key.
    QString credentialHeader;
    // Paragon: the project, and where its services are. `environments` overrides single services
    // by the SDK's keys (ZEUS_PUBLIC_URL, CONNECT_PUBLIC_URL, ...): empty for Paragon's cloud, a
    // self-hosted Paragon's URLs otherwise. Backend access: `baseUrl` is the customer's token
    // URL, answering {"token": "<JWT>"}. Direct access (support staff only): the keychain holds
    // the project's signing key, and the app signs short-lived tokens for `userId`.
    QString projectId;
    QString userId;
    QMap<QString, QUrl> environments;
    // Web pages of this profile keep cookies in a folder of their own (off the record if not).
    bool rememberSignIns = false;
    // Support only: a page with an invalid certificate may be accepted after a warning.
    bool acceptInvalidCertificates = false;

    bool needsKey() const { return access == Access::Direct; }
    static QString platformName(Platform platform); // "polytomic"
    static std::optional<Platform> platformFromName(const QString &name);
    static QString accessName(Access access); // "sandbox", "direct", "backend"
    static std::optional<Access> accessFromName(const QString &name);
    // The one "kind" that settings written before the two were apart held: "sandbox",
    // "polytomic" (Polytomic, direct) or "proxy" (Polytomic, through a backend).
    static std::optional<std::pair<Platform, Access>> fromLegacyKind(const QString &kind);
};
