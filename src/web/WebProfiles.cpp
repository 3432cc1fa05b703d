#include "web/WebProfiles.h"

#include "core/system/LogCategories.h"
#include "web/ConnectWebPage.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QRegularExpression>
#include <QTimer>
#include <QWebEngineCookieStore>
#include <QWebEngineProfile>

namespace {

constexpr auto trashPrefix = ".cleared-";
constexpr int trashAttempts = 20;
constexpr int trashRetryMs = 500;

// A folder name from a profile id: the id itself when it is plainly safe, a hash otherwise
// (ids come from a settings file that anybody may edit).
QString folderName(const QString &profileId)
{
    static const QRegularExpression safe(
        QRegularExpression::anchoredPattern(QStringLiteral("[A-Za-z0-9][A-Za-z0-9_-]{0,63}")));
    if (safe.match(profileId).hasMatch())
        return profileId;
    return QString::fromLatin1(
        QCryptographicHash::hash(profileId.toUtf8(), QCryptographicHash::Sha256).toHex().left(32));
}

} // namespace

WebProfiles::WebProfiles(const QString &storageRoot, QObject *parent)
    : QObject(parent)
    , m_root(storageRoot)
{
    // What a cleared profile left when the app last ended goes before any profile starts.
    sweepTrash(1);
}

WebProfiles::~WebProfiles()
{
    // Profiles go after every page that uses them: the pages belong to windows that are gone
    // by the time this runs (the app deletes this last).
    for (Entry &entry : m_profiles)
        release(entry);
}

int WebProfiles::pagesUsing(QWebEngineProfile *profile)
{
    return ConnectWebPage::pagesUsing(profile);
}

QString WebProfiles::storagePath(const QString &profileId) const
{
    return QDir(m_root).filePath(folderName(profileId));
}

bool WebProfiles::hasStoredData(const QString &profileId) const
{
    // The GPU process keeps compiled shaders in GPUCache for as long as the app runs, whatever
    // happens to the profile: no sign-in is in it, and it comes back at once when deleted.
    const QDir folder(storagePath(profileId));
    QStringList entries = folder.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    entries.removeAll(QStringLiteral("GPUCache"));
    return !entries.isEmpty();
}

QWebEngineProfile *WebProfiles::profileFor(const Profile &profile)
{
    auto found = m_profiles.find(profile.id);
    if (found != m_profiles.end()) {
        Entry &entry = *found;
        if (entry.remember == profile.rememberSignIns
            && entry.acceptsInvalidCertificates == profile.acceptInvalidCertificates)
            return entry.web;
        Q_EMIT releasing(entry.web);
        if (pagesUsing(entry.web) > 0) {
            // Options change from the settings window, which a running session blocks; should
            // a page still be open, it keeps the profile it has until it closes.
            qCWarning(lcWeb) << "web options of a profile changed while a page uses it";
            return entry.web;
        }
        release(entry);
        m_profiles.erase(found);
    }
    Entry entry;
    entry.remember = profile.rememberSignIns;
    entry.acceptsInvalidCertificates = profile.acceptInvalidCertificates;
    entry.web = create(profile);
    m_profiles.insert(profile.id, entry);
    return entry.web;
}

void WebProfiles::setAcceptLanguage(const QString &header)
{
    m_acceptLanguage = header;
    for (const Entry &entry : std::as_const(m_profiles)) {
        if (entry.web && !header.isEmpty())
            entry.web->setHttpAcceptLanguage(header);
    }
}

QWebEngineProfile *WebProfiles::create(const Profile &profile)
{
    if (!profile.rememberSignIns) {
        // Off the record: cookies, cache and storage live in memory and end with the app.
        auto *web = new QWebEngineProfile(this);
        ConnectWebPage::secureProfile(web);
        if (!m_acceptLanguage.isEmpty())
            web->setHttpAcceptLanguage(m_acceptLanguage);
        return web;
    }
    const QString path = storagePath(profile.id);
    auto *web =
        new QWebEngineProfile(QStringLiteral("connect-desktop-") + folderName(profile.id), this);
    web->setPersistentStoragePath(path);
    web->setCachePath(QDir(path).filePath(QStringLiteral("cache")));
    // Sign-ins often live in session cookies: remembering them means keeping those too.
    web->setPersistentCookiesPolicy(QWebEngineProfile::ForcePersistentCookies);
    if (!m_acceptLanguage.isEmpty())
        web->setHttpAcceptLanguage(m_acceptLanguage);
    ConnectWebPage::secureProfile(web);
    qCInfo(lcWeb) << "web profile that remembers sign-ins for profile" << profile.id;
    return web;
}

void WebProfiles::release(Entry &entry)
{
    if (!entry.web)
        return;
    if (pagesUsing(entry.web) > 0) {
        // Never pull a profile from under a page; it goes with this object instead.
        qCWarning(lcWeb) << "a web profile outlives the request to release it: a page uses it";
        entry.web = nullptr;
        return;
    }
    delete entry.web;
    entry.web = nullptr;
}

bool WebProfiles::clearWebData(const QString &profileId, QString *error)
{
    auto found = m_profiles.find(profileId);
    if (found != m_profiles.end()) {
        QWebEngineProfile *web = found->web;
        web->cookieStore()->deleteAllCookies();
        web->clearHttpCache();
        web->clearAllVisitedLinks();
        Q_EMIT releasing(web);
        if (pagesUsing(web) == 0) {
            // Storage (local storage, IndexedDB, …) has no clearing call in Qt 6.4: the profile
            // goes, and its folder with it; the next page gets a fresh one.
            release(*found);
            m_profiles.erase(found);
        }
    }
    const QString path = storagePath(profileId);
    if (QFileInfo::exists(path)) {
        // The engine closes a profile's files on threads of its own, after the profile is
        // gone: move the folder out of the way at once (the next page starts with an empty
        // one), and delete it once the engine has let go.
        const QString trash =
            QDir(m_root).filePath(QStringLiteral("%1%2-%3")
                                      .arg(QLatin1String(trashPrefix), folderName(profileId))
                                      .arg(QDateTime::currentMSecsSinceEpoch()));
        if (!QDir().rename(path, trash)) {
            if (error)
                *error = tr("The web data in %1 could not be deleted. Close Connect Desktop and "
                            "delete that folder.")
                             .arg(QDir::toNativeSeparators(path));
            return false;
        }
        sweepTrash(trashAttempts);
    }
    qCInfo(lcWeb) << "web data cleared for profile" << profileId;
    return true;
}

QStringList WebProfiles::trashFolders() const
{
    const QDir root(m_root);
    QStringList folders;
    for (const QString &name : root.entryList({QLatin1String(trashPrefix) + QLatin1Char('*')},
                                              QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot))
        folders.append(root.filePath(name));
    return folders;
}

void WebProfiles::sweepTrash(int attemptsLeft)
{
    bool left = false;
    for (const QString &folder : trashFolders())
        left = !QDir(folder).removeRecursively() || left;
    if (left && attemptsLeft > 1)
        QTimer::singleShot(trashRetryMs, this,
                           [this, attemptsLeft] { sweepTrash(attemptsLeft - 1); });
    else if (left)
        qCWarning(lcWeb) << "cleared web data is still on disk; it goes at the next start";
}

bool WebProfiles::hasTrash() const
{
    return !trashFolders().isEmpty();
}
