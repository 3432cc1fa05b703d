#include "core/session/SessionHistory.h"

#include "core/session/ConnectSession.h"
#include "core/system/LogCategories.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUuid>

#include <utility>

namespace {

constexpr int formatVersion = 1;

// Credential-like values out of everything a page or a platform decided.
void scrub(HistoryEntry &entry)
{
    QJsonObject query;
    for (auto it = entry.result.redirectQuery.constBegin();
         it != entry.result.redirectQuery.constEnd(); ++it) {
        query.insert(it.key(),
                     ExchangeLog::isCredentialName(it.key())
                         ? QJsonValue(QStringLiteral("[redacted]"))
                         : QJsonValue(it.value()));
    }
    entry.result.redirectQuery = query;
    entry.result.errorMessage = ExchangeLog::scrub(entry.result.errorMessage);
    for (ExchangeEntry &exchange : entry.exchanges) {
        exchange.url = ExchangeLog::scrub(exchange.url);
        exchange.note = ExchangeLog::scrub(exchange.note);
    }
    if (entry.exchanges.size() > SessionHistory::maxExchangesPerEntry)
        entry.exchanges =
            entry.exchanges.mid(entry.exchanges.size() - SessionHistory::maxExchangesPerEntry);
}

} // namespace

QJsonObject HistoryEntry::toJson() const
{
    QJsonArray log;
    for (const ExchangeEntry &exchange : exchanges)
        log.append(exchange.toJson());
    return {
        {QLatin1String("id"), id},
        {QLatin1String("started_at"), startedAt.toString(Qt::ISODateWithMs)},
        {QLatin1String("finished_at"), finishedAt.toString(Qt::ISODateWithMs)},
        {QLatin1String("profile_id"), profileId},
        {QLatin1String("profile"), profileName},
        {QLatin1String("platform"), platform},
        {QLatin1String("integration_name"), integrationName},
        {QLatin1String("mode"), reconnect ? QStringLiteral("reconnect") : QStringLiteral("create")},
        {QLatin1String("result"), result.toJson()},
        {QLatin1String("exchanges"), log}};
}

std::optional<HistoryEntry> HistoryEntry::fromJson(const QJsonObject &object)
{
    const auto result = SessionResult::fromJson(object.value(QLatin1String("result")).toObject());
    const QString id = object.value(QLatin1String("id")).toString();
    if (!result || id.isEmpty())
        return std::nullopt;
    HistoryEntry entry;
    entry.id = id;
    entry.result = *result;
    entry.startedAt = QDateTime::fromString(object.value(QLatin1String("started_at")).toString(),
                                            Qt::ISODateWithMs);
    entry.finishedAt = QDateTime::fromString(object.value(QLatin1String("finished_at")).toString(),
                                             Qt::ISODateWithMs);
    entry.profileId = object.value(QLatin1String("profile_id")).toString();
    entry.profileName = object.value(QLatin1String("profile")).toString();
    entry.platform = object.value(QLatin1String("platform")).toString();
    entry.integrationName = object.value(QLatin1String("integration_name")).toString();
    entry.reconnect = object.value(QLatin1String("mode")).toString() == QLatin1String("reconnect");
    const QJsonArray log = object.value(QLatin1String("exchanges")).toArray();
    for (const QJsonValue &exchange : log)
        entry.exchanges.append(ExchangeEntry::fromJson(exchange.toObject()));
    return entry;
}

QString HistoryEntry::summary() const
{
    const QString integration = integrationName.isEmpty() ? result.integration : integrationName;
    QString line = QStringList{finishedAt.toLocalTime().toString(Qt::ISODate), profileName,
                               integration, SessionResult::outcomeName(result.outcome)}
                       .join(QLatin1Char('\t'));
    if (result.outcome == SessionResult::Outcome::Failed)
        line += QLatin1Char('\t') + result.errorCode + QLatin1String(": ") + result.errorMessage;
    else if (result.connection)
        line += QLatin1Char('\t') + result.connection->name;
    return line;
}

QString HistoryEntry::toText() const
{
    QStringList lines{summary()};
    for (auto it = result.timingsMs.cbegin(); it != result.timingsMs.cend(); ++it)
        lines.append(QStringLiteral("%1\t%2 ms").arg(it.key()).arg(it.value()));
    if (!exchanges.isEmpty())
        lines.append(ExchangeLog::toText(exchanges));
    return lines.join(QLatin1Char('\n'));
}

SessionHistory::SessionHistory(const QString &filePath, int limit, QObject *parent)
    : QObject(parent)
    , m_path(filePath)
    , m_limit(qMax(0, limit))
{ }

const QList<HistoryEntry> &SessionHistory::entries() const
{
    load();
    return m_entries;
}

QString SessionHistory::problem() const
{
    load();
    return m_problem;
}

QString SessionHistory::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("history.json"));
}

void SessionHistory::setLimit(int limit)
{
    limit = qMax(0, limit);
    if (limit == m_limit)
        return;
    m_limit = limit;
    load();
    if (m_entries.size() > m_limit) {
        m_entries.resize(m_limit);
        save();
        Q_EMIT changed();
    }
}

std::optional<HistoryEntry> SessionHistory::find(const QString &id) const
{
    load();
    for (const HistoryEntry &entry : m_entries) {
        if (entry.id == id)
            return entry;
    }
    return std::nullopt;
}

void SessionHistory::add(HistoryEntry entry)
{
    if (m_limit == 0)
        return; // keeping none
    if (entry.id.isEmpty())
        entry.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!entry.finishedAt.isValid())
        entry.finishedAt = QDateTime::currentDateTimeUtc();
    scrub(entry);
    load();
    m_entries.prepend(entry);
    if (m_entries.size() > m_limit)
        m_entries.resize(m_limit);
    save();
    Q_EMIT changed();
}

void SessionHistory::record(const ConnectSession &session, const Profile &profile,
                            const QString &integrationName)
{
    HistoryEntry entry;
    entry.finishedAt = QDateTime::currentDateTimeUtc();
    entry.startedAt =
        entry.finishedAt.addMSecs(-session.result().timingsMs.value(QStringLiteral("total"), 0));
    entry.profileId = profile.id;
    entry.profileName = profile.name;
    entry.platform = Profile::platformName(profile.platform);
    entry.integrationName = integrationName;
    entry.reconnect = session.request().isUpdate();
    entry.result = session.result();
    if (entry.result.integration.isEmpty())
        entry.result.integration = session.request().integrations.value(0);
    if (session.log())
        entry.exchanges = session.log()->entries();
    add(entry);
}

void SessionHistory::clear()
{
    m_loaded = true; // nothing of the file counts any more
    m_entries.clear();
    if (QFile::exists(m_path) && !QFile::remove(m_path))
        m_writeError = tr("Could not remove %1.").arg(QDir::toNativeSeparators(m_path));
    Q_EMIT changed();
}

void SessionHistory::reload()
{
    m_entries.clear();
    m_problem.clear();
    m_loaded = false;
    load();
    Q_EMIT changed();
}

void SessionHistory::load() const
{
    if (std::exchange(m_loaded, true))
        return;
    QFile file(m_path);
    if (!file.exists())
        return;
    if (!file.open(QIODevice::ReadOnly)) {
        m_problem = tr("The session history in %1 could not be read (%2).")
                        .arg(QDir::toNativeSeparators(m_path), file.errorString());
        qCWarning(lcApp).noquote() << m_problem;
        return;
    }
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    file.close();
    const QJsonArray sessions = document.object().value(QLatin1String("sessions")).toArray();
    bool damaged = error.error != QJsonParseError::NoError || !document.isObject()
        || document.object().value(QLatin1String("version")).toInt() != formatVersion;
    QList<HistoryEntry> read;
    for (const QJsonValue &value : sessions) {
        if (const auto entry = HistoryEntry::fromJson(value.toObject()))
            read.append(*entry);
        else
            damaged = true;
    }
    if (!damaged) {
        m_entries = read.mid(0, m_limit);
        return;
    }
    // Kept for whoever wants to look; the app starts a history of its own.
    const QString aside = m_path + QStringLiteral(".damaged-")
        + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    if (QFile::rename(m_path, aside)) {
        m_problem = tr("The session history was damaged; it was set aside as %1 and a new one "
                       "was started.")
                        .arg(QDir::toNativeSeparators(aside));
    } else {
        m_problem = tr("The session history in %1 is damaged and could not be set aside; it "
                       "will be written anew.")
                        .arg(QDir::toNativeSeparators(m_path));
    }
    qCWarning(lcApp).noquote() << m_problem;
}

bool SessionHistory::save()
{
    m_writeError.clear();
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QJsonArray sessions;
    for (const HistoryEntry &entry : m_entries)
        sessions.append(entry.toJson());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        m_writeError = tr("Could not write the session history to %1 (%2).")
                           .arg(QDir::toNativeSeparators(m_path), file.errorString());
        qCWarning(lcApp).noquote() << m_writeError;
        return false;
    }
    // Only the user reads it: it says which accounts they connected.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(QJsonObject{{QLatin1String("version"), formatVersion},
                                         {QLatin1String("sessions"), sessions}})
                   .toJson(QJsonDocument::Compact));
    if (!file.commit()) {
        m_writeError = tr("Could not write the session history to %1 (%2).")
                           .arg(QDir::toNativeSeparators(m_path), file.errorString());
        qCWarning(lcApp).noquote() << m_writeError;
        return false;
    }
    return true;
}
