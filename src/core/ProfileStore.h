// The profiles and which one is active, kept in QSettings. The sandbox profile always exists.
#pragma once

#include "Profile.h"

#include <QList>
#include <QObject>
#include <QSettings>

class ProfileStore : public QObject
{
    Q_OBJECT

public:
    // Uses the given settings object (not owned), so tests can use a file of their own.
    explicit ProfileStore(QSettings *settings, QObject *parent = nullptr);

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
    QSettings *m_settings;
};
