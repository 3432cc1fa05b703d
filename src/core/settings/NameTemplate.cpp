#include "core/settings/NameTemplate.h"

namespace NameTemplate {

QString make(const QString &templ, const QString &integrationName, const QString &integrationId,
             const QStringList &taken, const QDateTime &now)
{
    QString name = templ;
    name.replace(QLatin1String("{integration}"), integrationName);
    name.replace(QLatin1String("{id}"), integrationId);
    name.replace(QLatin1String("{date}"), now.toString(QStringLiteral("yyyy-MM-dd")));
    name.replace(QLatin1String("{time}"), now.toString(QStringLiteral("HH:mm")));
    name = name.simplified();
    if (name.isEmpty())
        name = integrationName.isEmpty() ? integrationId : integrationName;
    if (!taken.contains(name))
        return name;
    for (int n = 2;; ++n) {
        const QString candidate = QStringLiteral("%1 (%2)").arg(name).arg(n);
        if (!taken.contains(candidate))
            return candidate;
    }
}

} // namespace NameTemplate
