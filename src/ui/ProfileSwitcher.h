// The always-visible choice of backend profile: one click switches, and the sandbox is named as
// such.
#pragma once

#include <QComboBox>

class Backends;
class ProfileStore;
struct Profile;

class ProfileSwitcher : public QComboBox
{
    Q_OBJECT

public:
    // `backends` (optional) describes where each profile points, for the tooltip.
    ProfileSwitcher(ProfileStore *store, Backends *backends, QWidget *parent = nullptr);

    QString currentProfileId() const;
    static QString label(const Profile &profile);

private:
    void reload();

    ProfileStore *m_store;
    Backends *m_backends;
    bool m_reloading = false;
};
