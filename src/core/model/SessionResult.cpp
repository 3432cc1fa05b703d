#include "core/model/SessionResult.h"

#include <QJsonValue>

void SessionResult::keepRedirectQuery(const QUrlQuery &query, const QString &skip)
{
    const auto cut = [](const QString &text) {
        return text.size() <= maxRedirectText ? text
                                              : text.left(maxRedirectText - 1) + QChar(0x2026);
    };
    const auto items = query.queryItems(QUrl::FullyDecoded);
    for (const auto &item : items) {
        if (item.first == skip)
            continue;
        if (redirectQuery.size() >= maxRedirectItems)
            break;
        redirectQuery.insert(cut(item.first), cut(item.second));
    }
}

QString SessionResult::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Completed:
        return QStringLiteral("completed");
    case Outcome::Cancelled:
        return QStringLiteral("cancelled");
    case Outcome::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

QJsonObject SessionResult::toJson() const
{
    QJsonObject timings;
    for (auto it = timingsMs.cbegin(); it != timingsMs.cend(); ++it)
        timings.insert(it.key(), double(it.value()));
    QJsonValue connectionValue;
    if (connection) {
        connectionValue = QJsonObject{{QLatin1String("id"), connection->id},
                                      {QLatin1String("name"), connection->name},
                                      {QLatin1String("status"), connection->status}};
    }
    QJsonValue error;
    if (outcome == Outcome::Failed)
        error = QJsonObject{{QLatin1String("code"), errorCode},
                            {QLatin1String("message"), errorMessage}};
    return {{QLatin1String("outcome"), outcomeName(outcome)},
            {QLatin1String("integration"),
             integration.isEmpty() ? QJsonValue() : QJsonValue(integration)},
            {QLatin1String("connection"), connectionValue},
            {QLatin1String("error"), error},
            {QLatin1String("redirect_query"), redirectQuery},
            {QLatin1String("timings_ms"), timings}};
}

std::optional<SessionResult> SessionResult::fromJson(const QJsonObject &object)
{
    SessionResult result;
    const QString outcome = object.value(QLatin1String("outcome")).toString();
    if (outcome == outcomeName(Outcome::Completed))
        result.outcome = Outcome::Completed;
    else if (outcome == outcomeName(Outcome::Cancelled))
        result.outcome = Outcome::Cancelled;
    else if (outcome == outcomeName(Outcome::Failed))
        result.outcome = Outcome::Failed;
    else
        return std::nullopt;
    result.integration = object.value(QLatin1String("integration")).toString();
    const QJsonValue connection = object.value(QLatin1String("connection"));
    if (connection.isObject()) {
        Connection made;
        made.id = connection[QLatin1String("id")].toString();
        made.name = connection[QLatin1String("name")].toString();
        made.status = connection[QLatin1String("status")].toString();
        result.connection = made;
    }
    const QJsonObject error = object.value(QLatin1String("error")).toObject();
    result.errorCode = error.value(QLatin1String("code")).toString();
    result.errorMessage = error.value(QLatin1String("message")).toString();
    result.redirectQuery = object.value(QLatin1String("redirect_query")).toObject();
    const QJsonObject timings = object.value(QLatin1String("timings_ms")).toObject();
    for (auto it = timings.constBegin(); it != timings.constEnd(); ++it)
        result.timingsMs.insert(it.key(), qint64(it.value().toDouble()));
    return result;
}

int SessionResult::exitCode() const
{
    switch (outcome) {
    case Outcome::Completed:
        return 0;
    case Outcome::Failed:
        return 1;
    case Outcome::Cancelled:
        return 3;
    }
    return 1;
}
