// The one result of a connect session: completed, cancelled, or failed with a reason.
#pragma once

#include "core/model/Connection.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QUrlQuery>

#include <optional>

struct SessionResult
{
    enum class Outcome { Completed, Cancelled, Failed };

    Outcome outcome = Outcome::Cancelled;
    QString integration; // the type id connected (or asked for)
    std::optional<Connection> connection;
    QString errorCode; // for Failed: e.g. "unauthorized", "modal_load_failed"
    QString errorMessage; // for Failed: what happened and what to do
    QString errorField; // for Failed: the request field the platform refused, e.g. "name"
    QJsonObject redirectQuery; // kept for diagnostics only; never relied upon
    QMap<QString, qint64> timingsMs; // e.g. request, modal_load, confirm, total

    // Keeps the redirect's query for redirectQuery, except `skip` (the app's own parameter). A
    // page decides how long it is: at most maxRedirectItems parameters are kept, names and values
    // cut to maxRedirectText characters (ending in "…").
    static constexpr int maxRedirectItems = 32;
    static constexpr int maxRedirectText = 256;
    void keepRedirectQuery(const QUrlQuery &query, const QString &skip);

    static QString outcomeName(Outcome outcome); // "completed", "cancelled", "failed"
    // The command line's JSON object (product.md).
    QJsonObject toJson() const;
    // Reads what toJson() wrote (a history file); null when `object` has no known outcome.
    static std::optional<SessionResult> fromJson(const QJsonObject &object);
    // 0 completed, 1 failed, 3 cancelled.
    int exitCode() const;
};
