// A kind of integration (Salesforce, PostgreSQL, …) as GET /api/connection_types describes it.
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

// One field of a connection type's configuration form.
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
    // What is wrong with a submitted value, or an empty string when it is acceptable.
    QString check(const QJsonValue &value) const;
};

struct ConnectionType
{
    QString id;
    QString name;
    QUrl logoUrl;
    bool useOAuth = false;
    QJsonObject capabilities;
    QJsonObject configurationForm; // {"fields": [...]} as the server sends it
    QList<FormField> fields; // configurationForm's fields, read

    QJsonObject toJson() const;
    static std::optional<ConnectionType> fromJson(const QJsonObject &object);
    // Reads {"data": [...]}'s array; entries without an id are skipped.
    static QList<ConnectionType> listFromJson(const QJsonArray &array);
};
