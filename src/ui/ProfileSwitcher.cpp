#include "ui/ProfileSwitcher.h"

#include "core/session/Backends.h"
#include "core/settings/ProfileStore.h"

ProfileSwitcher::ProfileSwitcher(ProfileStore *store, Backends *backends, QWidget *parent)
    : QComboBox(parent)
    , m_store(store)
    , m_backends(backends)
{
    setObjectName(QStringLiteral("profileSwitcher"));
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    setMinimumContentsLength(14);
    setAccessibleName(tr("Profile"));
    setToolTip(tr("The backend this window talks to"));
    connect(this, &QComboBox::activated, this, [this](int index) {
        if (m_reloading)
            return;
        const QString id = itemData(index).toString();
        if (!id.isEmpty() && id != m_store->active().id)
            m_store->setActive(id);
    });
    connect(m_store, &ProfileStore::profilesChanged, this, &ProfileSwitcher::reload);
    connect(m_store, &ProfileStore::activeChanged, this, &ProfileSwitcher::reload);
    reload();
}

QString ProfileSwitcher::label(const Profile &profile)
{
    // The built-in sandbox says so in its own (translated) name; another sandbox-kind profile
    // (one set by administrators) gets the word added.
    if (profile.access == Profile::Access::Sandbox
        && profile.id != ProfileStore::sandboxProfile().id
        && !profile.name.contains(QLatin1String("sandbox"), Qt::CaseInsensitive))
        return tr("%1 (sandbox)").arg(profile.name);
    return profile.name;
}

QString ProfileSwitcher::currentProfileId() const
{
    return currentData().toString();
}

void ProfileSwitcher::reload()
{
    m_reloading = true;
    clear();
    const QString active = m_store->active().id;
    for (const Profile &profile : m_store->profiles()) {
        addItem(label(profile), profile.id);
        const int index = count() - 1;
        if (m_backends)
            setItemData(index, m_backends->describe(profile), Qt::ToolTipRole);
        if (profile.id == active)
            setCurrentIndex(index);
    }
    // Administrators may fix the profile for everyone on this machine.
    setEnabled(!m_store->activeLocked());
    setToolTip(m_store->activeLocked() ? tr("Set by %1").arg(m_store->managedBy()) : QString());
    m_reloading = false;
}
