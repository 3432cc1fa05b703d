// The profiles and which one is active, kept in QSettings. The sandbox profiles (one per platform
// that has a sandbox: "sandbox" for Polytomic, "paragon-sandbox" for Paragon) always exist;
// a profile the machine's administrators define (MachineSettings) comes next, cannot be edited
// or removed, and when locked is the only one that can be active.
#pragma once

#include "core/model/Profile.h"

#include <QList>
#include <QObject>
#include <QSettings>

class MachineSettings;

class ProfileStore : public QObject
{
    Q_OBJECT

public:
    // Uses the given settings object (not owned), so tests can use a file of their own.
    explicit ProfileStore(QSettings *settings, QObject *parent = nullptr);
    // `machine` (not owned, may be null) must outlive this object.
    ProfileStore(QSettings *settings, const MachineSettings *machine, QObject *parent = nullptr);

    // Whether this profile is defined by the machine's administrators (not editable).
    bool isManaged(const QString &id) const;
    // Whether the administrators locked the active profile to theirs.
    bool activeLocked() const;
    QString managedBy() const;

    QList<Profile> profiles() const;
    std::optional<Profile> find(const QString &idOrName) const;
    Profile active() const;
    void setActive(const QString &id);
    // Adds or replaces by id. Returns false and *error for an invalid profile (a built-in id, or
    // what problemWith() says).
    bool save(const Profile &profile, QString *error = nullptr);
    bool remove(const QString &id);

    // What is wrong with a profile one could save, for people, saying what to fix (no name, an
    // address that is not http(s), no project id where the platform needs one, ...); empty when
    // nothing is. The id is not checked here.
    static QString problemWith(const Profile &profile);

    // The built-in sandbox of Polytomic, as before there were two platforms.
    static Profile sandboxProfile();
    // The built-in sandbox of a platform: "sandbox" (Polytomic), "paragon-sandbox" (Paragon).
    static Profile sandboxProfile(Profile::Platform platform);
    // Whether `id` is one of the built-in sandboxes' ids (they cannot be saved or removed).
    static bool isSandboxId(const QString &id);

Q_SIGNALS:
    void profilesChanged();
    void activeChanged(const Profile &profile);

private:
    void migrate();
    QSettings *m_settings;
    const MachineSettings *m_machine = nullptr;
};
