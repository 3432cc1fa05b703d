// The sessions of the last while, kept on disk for support staff: each one's result, timings and
// exchange log (redacted when it was recorded, and scrubbed again here), never a secret. At most
// limit() sessions are kept, newest first. A file that cannot be read is set aside, not lost, and
// said once (problem()); the history starts again empty.
#pragma once

#include "core/model/ExchangeLog.h"
#include "core/model/Profile.h"
#include "core/model/SessionResult.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>

class ConnectSession;

struct HistoryEntry
{
    QString id; // unique in the history
    QDateTime startedAt;
    QDateTime finishedAt;
    QString profileId;
    QString profileName;
    QString platform; // "polytomic", "paragon"
    QString integrationName; // for people ("HubSpot"); the result holds the type id
    bool reconnect = false; // an existing connection was signed in again
    SessionResult result;
    QList<ExchangeEntry> exchanges;

    QJsonObject toJson() const;
    // Null when `object` is not a history entry (a field of the wrong kind, no outcome).
    static std::optional<HistoryEntry> fromJson(const QJsonObject &object);
    // One line for people and the clipboard: when, profile, integration, outcome, reason.
    QString summary() const;
    // The summary and the exchanges, one per line (what Copy puts on the clipboard).
    QString toText() const;
};

class SessionHistory : public QObject
{
    Q_OBJECT

public:
    static constexpr int defaultLimit = 200;
    // Each session keeps at most this many exchanges (the newest ones), so that a history of
    // hundreds stays small enough to read at start-up.
    static constexpr int maxExchangesPerEntry = 500;

    // Kept in `filePath` (created on the first add()), read the first time it is needed: a long
    // history is not read on the way to the first window.
    explicit SessionHistory(const QString &filePath, int limit = defaultLimit,
                            QObject *parent = nullptr);

    // Where the app keeps it: history.json in the app's data folder.
    static QString defaultPath();

    QString filePath() const { return m_path; }
    int limit() const { return m_limit; }
    // Older sessions past the new limit go (and the file is written again); 0 keeps none.
    void setLimit(int limit);

    // Newest first.
    const QList<HistoryEntry> &entries() const;
    std::optional<HistoryEntry> find(const QString &id) const;
    // Adds `entry` at the top (an id is made when it has none) and writes the file. The entry is
    // scrubbed first (ExchangeLog::scrub): addresses' user names and passwords, and
    // credential-like values in its redirect query, error and exchanges.
    void add(HistoryEntry entry);
    // A finished `session` of `profile`, as an entry (its log and timings), added.
    void record(const ConnectSession &session, const Profile &profile,
                const QString &integrationName);
    // Forgets every session and removes the file.
    void clear();
    // Reads the file again (another run of the app may have added to it).
    void reload();

    // Why the history started empty (a damaged file was set aside, and where); empty when fine.
    QString problem() const;
    // Why the last write failed; empty when it worked.
    QString writeError() const { return m_writeError; }

Q_SIGNALS:
    void changed();

private:
    void load() const; // once, before anything reads or changes the entries
    bool save();

    QString m_path;
    int m_limit;
    mutable bool m_loaded = false;
    mutable QList<HistoryEntry> m_entries;
    mutable QString m_problem;
    QString m_writeError;
};
