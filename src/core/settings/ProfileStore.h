// The profiles and which one is active, kept in QSettings. The sandbox profile always exists;
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
    // Adds or replaces by id. Returns false and *error for an invalid profile (no name, a base
    // URL that is not http(s), a built-in id).
    bool save(const Profile &profile, QString *error = nullptr);
    bool remove(const QString &id);

    static Profile sandboxProfile();

Q_SIGNALS:
    void profilesChanged();
    void activeChanged(const Profile &profile);

private:
    void migrate();
    QSettings *m_settings;
    const MachineSettings *m_machine = nullptr;
};
