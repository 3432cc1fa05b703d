#include "app/HistoryCommand.h"

#include "core/session/SessionHistory.h"
#include "core/settings/ProfileStore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

namespace HistoryCommand {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("HistoryCommand", text, disambiguation, n);
}

QString cell(QString text, int width)
{
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    if (text.size() > width)
        return text.left(width - 1) + QChar(0x2026);
    return text.leftJustified(width);
}

} // namespace

int run(const HistoryOptions &options, SessionHistory *history, const ProfileStore *profiles)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (!history->problem().isEmpty())
        err << "connect-desktop history: " << history->problem() << Qt::endl;
    if (options.clear) {
        const int count = int(history->entries().size());
        history->clear();
        if (!history->writeError().isEmpty()) {
            err << "connect-desktop history: " << history->writeError() << Qt::endl;
            return CommandLine::Failed;
        }
        out << tr("Forgot %n session(s).", nullptr, count) << Qt::endl;
        return CommandLine::Completed;
    }
    // A profile by name or id; one no longer there still names its old sessions by either.
    QString profileId = options.profile;
    if (!options.profile.isEmpty() && profiles) {
        if (const auto found = profiles->find(options.profile))
            profileId = found->id;
    }
    QList<HistoryEntry> shown;
    for (const HistoryEntry &entry : history->entries()) {
        if (!options.integration.isEmpty() && entry.result.integration != options.integration)
            continue;
        if (!options.outcome.isEmpty()
            && SessionResult::outcomeName(entry.result.outcome) != options.outcome)
            continue;
        if (!options.profile.isEmpty() && entry.profileId != profileId
            && entry.profileName != options.profile)
            continue;
        shown.append(entry);
        if (options.limit && shown.size() >= options.limit)
            break;
    }
    if (options.json) {
        QJsonArray sessions;
        for (const HistoryEntry &entry : shown)
            sessions.append(entry.toJson());
        out << QJsonDocument(QJsonObject{{QLatin1String("file"), history->filePath()},
                                         {QLatin1String("kept"), int(history->entries().size())},
                                         {QLatin1String("limit"), history->limit()},
                                         {QLatin1String("sessions"), sessions}})
                   .toJson(QJsonDocument::Compact)
            << Qt::endl;
        return CommandLine::Completed;
    }
    if (shown.isEmpty()) {
        out << (history->entries().isEmpty() ? tr("No sessions are kept yet.")
                                             : tr("No kept session matches."))
            << Qt::endl;
        return CommandLine::Completed;
    }
    out << cell(tr("Finished"), 20) << ' ' << cell(tr("Profile"), 18) << ' '
        << cell(tr("Integration"), 18) << ' ' << cell(tr("Result"), 10) << ' '
        << cell(tr("Total"), 9) << ' ' << tr("Connection or reason") << Qt::endl;
    for (const HistoryEntry &entry : shown) {
        const SessionResult &result = entry.result;
        QString detail;
        if (result.outcome == SessionResult::Outcome::Failed)
            detail = result.errorMessage.isEmpty()
                ? result.errorCode
                : result.errorCode + QLatin1String(": ") + result.errorMessage;
        else if (result.connection)
            detail = result.connection->name + QLatin1String(" (") + result.connection->status
                + QLatin1Char(')');
        const qint64 total = result.timingsMs.value(QStringLiteral("total"), -1);
        out << cell(entry.finishedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                    20)
            << ' ' << cell(entry.profileName, 18) << ' '
            << cell(entry.integrationName.isEmpty() ? result.integration : entry.integrationName,
                    18)
            << ' ' << cell(SessionResult::outcomeName(result.outcome), 10) << ' '
            << cell(total >= 0 ? tr("%1 ms").arg(total) : QStringLiteral("-"), 9) << ' ' << detail
            << Qt::endl;
    }
    return CommandLine::Completed;
}

} // namespace HistoryCommand
