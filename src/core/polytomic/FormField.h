// One field of a Polytomic connection type's configuration form (its "configurationForm"), and
// what is wrong with a value submitted for it.
#pragma once

#include "core/model/ConnectionType.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

struct FormField
{
    enum class Kind { Text, Password, Number, Checkbox, Select, Textarea, Email, Url };

    QString id;
    QString label;
    Kind kind = Kind::Text;
    bool required = false;
    QJsonValue defaultValue;
    std::optional<double> minimum;
    std::optional<double> maximum;
    QStringList options; // allowed values of a Select

    bool isSecret() const { return kind == Kind::Password; }
    static std::optional<Kind> kindFromString(const QString &text);
    static std::optional<FormField> fromJson(const QJsonObject &object);
    // The fields of a type's form, as Polytomic described them (ConnectionType::details).
    static QList<FormField> of(const ConnectionType &type);
    // What is wrong with a submitted value, or an empty string when it is acceptable.
    QString check(const QJsonValue &value) const;
};
