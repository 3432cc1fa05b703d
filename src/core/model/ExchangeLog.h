// The record of a session's API exchanges and web navigations for the support view.
// Secrets are redacted here, at the one place where anything is recorded.
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QUrl>

struct ExchangeEntry
{
    QDateTime time;
    QString kind; // "api" or "web"
    QString method; // GET, POST, … for api; the navigation type for web
    QString url; // redacted
    int status = 0; // HTTP status; 0 when there was none
    qint64 durationMs = -1;
    QString note; // redacted; e.g. an error, "retry 2", "the page finished"

    QJsonObject toJson() const;
    static ExchangeEntry fromJson(const QJsonObject &object);
};

class ExchangeLog : public QObject
{
    Q_OBJECT

public:
    explicit ExchangeLog(QObject *parent = nullptr);

    // At most this many entries are kept (then one that says so), each URL and note cut to
    // maxText characters.
    static constexpr int maxEntries = 2000;
    static constexpr int maxText = 2048;

    // Any later occurrence of `secret` in a recorded URL or note becomes "[redacted]".
    void addSecret(const QString &secret);
    void recordApi(const QString &method, const QUrl &url, int status, qint64 durationMs,
                   const QString &note = {});
    void recordNavigation(const QString &type, const QUrl &url, const QString &note = {});
    void clear();

    const QList<ExchangeEntry> &entries() const { return m_entries; }
    // One line per entry, tab separated: time, kind, method, status, duration, url, note.
    QString toText() const;
    static QString toText(const QList<ExchangeEntry> &entries);

    // The redaction rule, usable for any text: known secrets, and the values of query
    // parameters that carry credentials (token, key, api_key, code, state, password, …).
    QString redact(const QString &text) const;
    QString redact(const QUrl &url) const;
    // Whether a query parameter of this name carries a credential (its value is never kept).
    static bool isCredentialName(const QString &name);
    // `text` with any address's user name and password left out, and the values of credential
    // parameters in any URL query it holds replaced: for what was recorded before (a history, a
    // bundle), where the secrets themselves are no longer known.
    static QString scrub(const QString &text);

Q_SIGNALS:
    void entryAdded(const ExchangeEntry &entry);

private:
    void append(const ExchangeEntry &entry);

    QStringList m_secrets;
    QList<ExchangeEntry> m_entries;
};
