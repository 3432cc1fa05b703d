// Connection names from a template that never collide with existing ones.
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace NameTemplate {

// Fills {integration}, {id}, {date} (yyyy-MM-dd), {time} (HH:mm); then, if the name is taken,
// appends " (2)", " (3)", … until it is not.
QString make(const QString &templ, const QString &integrationName, const QString &integrationId,
             const QStringList &taken, const QDateTime &now = QDateTime::currentDateTime());

} // namespace NameTemplate
