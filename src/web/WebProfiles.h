// The web engine profiles behind the connect pages, one per backend profile, so one backend's
// sign-ins never reach another's pages. Off the record by default: nothing of the web is kept
// on disk. A profile that asks to remember sign-ins keeps cookies in a folder of its own, which
// "Clear web data" empties and removing the profile deletes.
#pragma once

#include "core/model/Profile.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QWebEngineProfile> // a signal carries it: moc needs the whole type

class WebProfiles : public QObject
{
    Q_OBJECT

public:
    // Folders of profiles that remember sign-ins go under `storageRoot` (one per profile id).
    explicit WebProfiles(const QString &storageRoot, QObject *parent = nullptr);
    ~WebProfiles() override;

    // The web profile for a backend profile, made on first use. A profile whose web options
    // changed gets a new one once no page uses the old (so an accepted certificate or a kept
    // cookie does not outlive the option that allowed it).
    QWebEngineProfile *profileFor(const Profile &profile);

    // Forgets everything the web pages of this profile left: cookies, cache, visited links,
    // and its folder when it has one (moved aside at once, deleted as soon as the engine lets
    // go of its files). Pages still open keep what they hold in memory until they close.
    // Returns false and *error when the folder could not be moved.
    bool clearWebData(const QString &profileId, QString *error = nullptr);

    // The Accept-Language header every page asks with ("de,en;q=0.8"); empty: the engine's.
    void setAcceptLanguage(const QString &header);

    // Where a profile that remembers sign-ins keeps them.
    QString storagePath(const QString &profileId) const;
    // Whether something of this profile's web data is on disk.
    bool hasStoredData(const QString &profileId) const;

    // Whether cleared web data is still waiting to be deleted from disk.
    bool hasTrash() const;

    // The number of connect pages that use this web profile right now.
    static int pagesUsing(QWebEngineProfile *profile);

Q_SIGNALS:
    // This web profile is about to be cleared or replaced: whoever keeps an idle page on it
    // (a page kept warm for the next session) should delete it now, so the profile can go.
    void releasing(QWebEngineProfile *profile);

private:
    struct Entry
    {
        QWebEngineProfile *web = nullptr;
        bool remember = false;
        bool acceptsInvalidCertificates = false;
    };
    QWebEngineProfile *create(const Profile &profile);
    void release(Entry &entry);
    void sweepTrash(int attemptsLeft);
    QStringList trashFolders() const; // cleared folders not yet deleted

    QString m_root;
    QString m_acceptLanguage;
    QHash<QString, Entry> m_profiles;
};
