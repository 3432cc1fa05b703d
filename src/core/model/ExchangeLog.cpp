#include "core/model/ExchangeLog.h"

#include <QRegularExpression>
#include <QUrlQuery>

namespace {

const QString redacted = QStringLiteral("[redacted]");

} // namespace

bool ExchangeLog::isCredentialName(const QString &name)
{
    static const QStringList names{
        QStringLiteral("token"),     QStringLiteral("access_token"),  QStringLiteral("id_token"),
        QStringLiteral("key"),       QStringLiteral("api_key"),       QStringLiteral("apikey"),
        QStringLiteral("code"),      QStringLiteral("state"),         QStringLiteral("password"),
        QStringLiteral("secret"),    QStringLiteral("client_secret"), QStringLiteral("session"),
        QStringLiteral("signature"), QStringLiteral("auth"),          QStringLiteral("usertoken")};
    return names.contains(name.toLower());
}

QString ExchangeLog::scrub(const QString &text)
{
    // scheme://user:password@host: the user and password go.
    static const QRegularExpression userInfo(
        QStringLiteral("([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\\s:]*(:[^/@\\s]*)?@"));
    const QString input = QString(text).replace(userInfo, QStringLiteral("\\1"));
    // name=value after ? or &, where the name is a credential's: the value goes.
    static const QRegularExpression parameter(
        QStringLiteral("([?&;])([A-Za-z_][A-Za-z0-9_.-]*)=([^&#\\s\"']*)"));
    QString out;
    qsizetype last = 0;
    auto it = parameter.globalMatch(input);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        if (!isCredentialName(match.captured(2)))
            continue;
        out += input.mid(last, match.capturedStart(3) - last);
        out += redacted;
        last = match.capturedEnd(3);
    }
    out += input.mid(last);
    return out;
}

QJsonObject ExchangeEntry::toJson() const
{
    return {{QLatin1String("time"), time.toString(Qt::ISODateWithMs)},
            {QLatin1String("kind"), kind},
            {QLatin1String("method"), method},
            {QLatin1String("url"), url},
            {QLatin1String("status"), status},
            {QLatin1String("duration_ms"), double(durationMs)},
            {QLatin1String("note"), note}};
}

ExchangeEntry ExchangeEntry::fromJson(const QJsonObject &object)
{
    ExchangeEntry entry;
    entry.time =
        QDateTime::fromString(object.value(QLatin1String("time")).toString(), Qt::ISODateWithMs);
    entry.kind = object.value(QLatin1String("kind")).toString();
    entry.method = object.value(QLatin1String("method")).toString();
    entry.url = object.value(QLatin1String("url")).toString();
    entry.status = object.value(QLatin1String("status")).toInt();
    entry.durationMs = qint64(object.value(QLatin1String("duration_ms")).toDouble(-1));
    entry.note = object.value(QLatin1String("note")).toString();
    return entry;
}

ExchangeLog::ExchangeLog(QObject *parent)
    : QObject(parent)
{ }

void ExchangeLog::addSecret(const QString &secret)
{
    // Very short values would redact ordinary words; nothing that short is a real secret.
    if (secret.size() >= 6 && !m_secrets.contains(secret))
        m_secrets.append(secret);
}

QString ExchangeLog::redact(const QString &text) const
{
    QString out = text;
    for (const QString &secret : m_secrets) {
        out.replace(secret, redacted);
        // Secrets also travel percent-encoded or base64-encoded (Basic auth).
        const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(secret));
        if (encoded != secret)
            out.replace(encoded, redacted);
    }
    return out;
}

QString ExchangeLog::redact(const QUrl &url) const
{
    QUrl copy = url.adjusted(QUrl::RemoveUserInfo);
    if (copy.hasQuery()) {
        QUrlQuery query(copy);
        QList<QPair<QString, QString>> items = query.queryItems(QUrl::FullyDecoded);
        for (auto &item : items) {
            if (isCredentialName(item.first))
                item.second = redacted;
        }
        query.setQueryItems(items);
        copy.setQuery(query);
    }
    return redact(copy.toString(QUrl::RemoveFragment));
}

void ExchangeLog::recordApi(const QString &method, const QUrl &url, int status, qint64 durationMs,
                            const QString &note)
{
    append({QDateTime::currentDateTime(), QStringLiteral("api"), method, redact(url), status,
            durationMs, redact(note)});
}

void ExchangeLog::recordNavigation(const QString &type, const QUrl &url, const QString &note)
{
    append({QDateTime::currentDateTime(), QStringLiteral("web"), type, redact(url), 0, -1,
            redact(note)});
}

void ExchangeLog::clear()
{
    m_entries.clear();
}

void ExchangeLog::append(const ExchangeEntry &entry)
{
    // Pages decide much of what is recorded (their addresses, how often they navigate): what is
    // kept is bounded, and says where it stopped.
    if (m_entries.size() > maxEntries)
        return;
    ExchangeEntry kept = entry;
    const auto cut = [](QString &text) {
        if (text.size() > maxText) {
            const qsizetype whole = text.size();
            text.truncate(maxText);
            text.append(tr("… (%1 characters in all)").arg(whole));
        }
    };
    cut(kept.url);
    cut(kept.note);
    if (m_entries.size() == maxEntries) {
        kept = {entry.time,
                entry.kind,
                QStringLiteral("-"),
                QString(),
                0,
                -1,
                tr("no more entries are recorded for this session (%1 already)").arg(maxEntries)};
    }
    m_entries.append(kept);
    Q_EMIT entryAdded(kept);
}

QString ExchangeLog::toText() const
{
    return toText(m_entries);
}

QString ExchangeLog::toText(const QList<ExchangeEntry> &entries)
{
    QStringList lines;
    for (const ExchangeEntry &entry : entries) {
        lines.append(QStringList{
            entry.time.toString(QStringLiteral("HH:mm:ss.zzz")), entry.kind, entry.method,
            entry.status ? QString::number(entry.status) : QStringLiteral("-"),
            entry.durationMs >= 0 ? QStringLiteral("%1 ms").arg(entry.durationMs)
                                  : QStringLiteral("-"),
            entry.url, entry.note}
                         .join(QLatin1Char('\t')));
    }
    return lines.join(QLatin1Char('\n'));
}
