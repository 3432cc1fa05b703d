// The connection types last fetched for a profile, kept on disk with the validators they came
// with: the picker shows them at once on the next start while the platform is asked whether they
// changed. No secret goes in: the key is the profile and the API's address, never its API key.
#pragma once

#include "core/model/ConnectionType.h"
#include "core/model/HttpValidators.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

class ConnectionTypeCache
{
public:
    struct Entry
    {
        QList<ConnectionType> types;
        HttpValidators validators;
        QDateTime fetchedAt;
    };

    // Files go in `directory` (made when first written).
    explicit ConnectionTypeCache(const QString &directory);
    // QStandardPaths::CacheLocation/connection-types.
    static QString defaultDirectory();
    // What to keep one profile's list under.
    static QString keyFor(const QString &profileId, const QUrl &apiBaseUrl);

    // Nothing when there is no entry, or it cannot be read (then it is removed).
    std::optional<Entry> load(const QString &key) const;
    // Written whole or not at all; false (and logged) when it could not be.
    bool store(const QString &key, const Entry &entry) const;

    QString filePath(const QString &key) const;

private:
    QString m_directory;
};
