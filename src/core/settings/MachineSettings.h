// What IT sets for every user of a machine: defaults, and locked values users cannot change.
// Read from the system-wide configuration (Linux /etc/xdg/ConnectDesktop/connect-desktop.conf,
// Windows HKLM\SOFTWARE\Policies\ConnectDesktop\connect-desktop, macOS the managed preferences
// plist); see docs/managed-deployment.md.
//
// Precedence, highest first: command line > locked machine settings > user settings > machine
// defaults > built-in defaults. AppSettings and ProfileStore apply it.
#pragma once

#include "core/model/Profile.h"

#include <QCoreApplication>
#include <QHash>
#include <QSettings>
#include <QString>
#include <QVariant>

#include <memory>
#include <optional>

class MachineSettings
{
    Q_DECLARE_TR_FUNCTIONS(MachineSettings)

public:
    // The keys IT can set (the same keys as the user's settings file).
    static QStringList knownKeys();

    // No machine configuration: nothing locked, no defaults.
    MachineSettings() = default;
    // Reads `source` once (groups "Locked" and "Defaults", and "ManagedBy"); unknown keys and
    // values of the wrong kind are ignored and listed in problems().
    explicit MachineSettings(QSettings &source);

    // The system-wide configuration of this OS; empty when there is none.
    static MachineSettings fromSystem();
    // Where openSystemSource() reads, for people ("/etc/xdg/…", "HKEY_LOCAL_MACHINE\…").
    static QString systemSourceLocation();

    bool isEmpty() const { return m_locked.isEmpty() && m_defaults.isEmpty(); }
    bool isLocked(const QString &key) const { return m_locked.contains(key); }
    QVariant lockedValue(const QString &key) const { return m_locked.value(key); }
    QVariant defaultValue(const QString &key) const { return m_defaults.value(key); }
    QStringList lockedKeys() const { return m_locked.keys(); }
    // Who manages this machine, for "Set by …"; a generic phrase when the file does not say.
    QString managedBy() const;
    QStringList problems() const { return m_problems; }

    // The backend profile IT defines (profile/platform, profile/access (or the older
    // profile/kind), profile/baseUrl, profile/apiVersion, profile/name, profile/credentialHeader,
    // and for Paragon profile/projectId, profile/userId and profile/environments/<SERVICE>),
    // locked or as a default; id "managed". None when it has nowhere to go: no address where
    // its kind needs one, or no project where its platform needs one.
    std::optional<Profile> profile() const;
    bool profileLocked() const;
    static QString profileId() { return QStringLiteral("managed"); }

private:
    bool accept(const QString &key, const QVariant &value, QString *problem) const;

    QHash<QString, QVariant> m_locked;
    QHash<QString, QVariant> m_defaults;
    QString m_managedBy;
    QStringList m_problems;
};
