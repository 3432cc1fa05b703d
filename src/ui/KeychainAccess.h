// Keeps a profile's secret (a platform's API key, or a proxy credential) in the OS keychain through
// QtKeychain, under the service "connect-desktop" and the profile's id. Secrets go in; none is ever
// handed back to the UI.
#pragma once

#include <QObject>

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

    // What to tell a person when the keychain refused.
    static QString failureMessage(const QString &detail);

Q_SIGNALS:
    void stored(const QString &profileId);
    void removed(const QString &profileId);
    void checked(const QString &profileId, bool present);
    void failed(const QString &profileId, const QString &message);
};
