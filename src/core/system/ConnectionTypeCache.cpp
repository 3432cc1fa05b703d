#include "core/system/ConnectionTypeCache.h"

#include "core/system/LogCategories.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUrl>

namespace {

constexpr int formatVersion =
    2; // 2: the app's own shape of a type (ConnectionType::toJson), not Polytomic's
// A list far beyond any platform's is not a cache entry but a broken or hostile file.
constexpr qint64 maxFileBytes = 8 * 1024 * 1024;

} // namespace

ConnectionTypeCache::ConnectionTypeCache(const QString &directory)
    : m_directory(directory)
{ }

QString ConnectionTypeCache::defaultDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation))
        .filePath(QStringLiteral("connection-types"));
}

QString ConnectionTypeCache::keyFor(const QString &profileId, const QUrl &apiBaseUrl)
{
    QUrl api = apiBaseUrl.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment
                                   | QUrl::StripTrailingSlash);
    if (api.path() == QLatin1String("/"))
        api.setPath({});
    return profileId + QLatin1Char('\n') + api.toString();
}

QString ConnectionTypeCache::filePath(const QString &key) const
{
    const QByteArray name =
        QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex().left(32);
    return QDir(m_directory).filePath(QString::fromLatin1(name) + QStringLiteral(".json"));
}

std::optional<ConnectionTypeCache::Entry> ConnectionTypeCache::load(const QString &key) const
{
    QFile file(filePath(key));
    if (!file.exists())
        return std::nullopt;
    auto unusable = [&](const char *why) -> std::optional<Entry> {
        qCWarning(lcApp) << "connection type cache" << file.fileName() << "unusable:" << why;
        file.close();
        file.remove();
        return std::nullopt;
    };
    if (!file.open(QIODevice::ReadOnly))
        return unusable("cannot be read");
    if (file.size() > maxFileBytes)
        return unusable("too large");
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return unusable("not JSON");
    const QJsonObject object = document.object();
    if (object.value(QLatin1String("version")).toInt() != formatVersion)
        return unusable("another format");
    // The file name is a hash of the key: the key inside tells a collision from a hit.
    if (object.value(QLatin1String("key")).toString() != key)
        return unusable("another key");
    if (!object.value(QLatin1String("types")).isArray())
        return unusable("no list");
    Entry entry;
    entry.types = ConnectionType::listFromJson(object.value(QLatin1String("types")).toArray());
    if (entry.types.isEmpty())
        return unusable("an empty list");
    entry.validators.etag = object.value(QLatin1String("etag")).toString().toLatin1();
    entry.validators.lastModified =
        object.value(QLatin1String("last_modified")).toString().toLatin1();
    entry.fetchedAt = QDateTime::fromString(object.value(QLatin1String("fetched_at")).toString(),
                                            Qt::ISODateWithMs);
    return entry;
}

bool ConnectionTypeCache::store(const QString &key, const Entry &entry) const
{
    if (!QDir().mkpath(m_directory)) {
        qCWarning(lcApp) << "connection type cache: cannot make" << m_directory;
        return false;
    }
    QJsonArray types;
    for (const ConnectionType &type : entry.types)
        types.append(type.toJson());
    const QJsonObject object{
        {QLatin1String("version"), formatVersion},
        {QLatin1String("key"), key},
        {QLatin1String("etag"), QString::fromLatin1(entry.validators.etag)},
        {QLatin1String("last_modified"), QString::fromLatin1(entry.validators.lastModified)},
        {QLatin1String("fetched_at"), entry.fetchedAt.toUTC().toString(Qt::ISODateWithMs)},
        {QLatin1String("types"), types}};
    QSaveFile file(filePath(key));
    if (!file.open(QIODevice::WriteOnly)
        || file.write(QJsonDocument(object).toJson(QJsonDocument::Compact)) < 0 || !file.commit()) {
        qCWarning(lcApp) << "connection type cache: cannot write" << file.fileName() << ":"
                         << file.errorString();
        return false;
    }
    return true;
}
