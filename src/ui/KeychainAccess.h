// Keeps a profile's secret (a platform's API key, or a proxy credential) in the OS keychain through
// QtKeychain, under the service "connect-desktop" and the profile's id. Secrets go in; none is ever
// handed back to the UI.
#pragma once

#include "core/model/Profile.h"

#include <QObject>

#include <optional>

class KeychainAccess : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    static QString service() { return QStringLiteral("connect-desktop"); }

    // Each answers once with stored/removed/checked or failed.
    void store(const QString &profileId, const QString &secret);
    void remove(const QString &profileId);
    // Whether a secret is stored; the secret itself is dropped unseen.
    void check(const QString &profileId);

    // The platform whose secrets this one keeps, so that a refusal names that platform's
    // environment variable (every platform's until it is set).
    void setPlatform(Profile::Platform platform) { m_platform = platform; }

    // What to tell a person when the keychain refused: where else the secret may come from.
    static QString failureMessage(const QString &detail,
                                  std::optional<Profile::Platform> platform = std::nullopt);

Q_SIGNALS:
    void stored(const QString &profileId);
    void removed(const QString &profileId);
    void checked(const QString &profileId, bool present);
    void failed(const QString &profileId, const QString &message);

private:
    std::optional<Profile::Platform> m_platform;
};
