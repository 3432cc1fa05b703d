#include "core/polytomic/FormField.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QUrl>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("FormField", text);
}

struct KindName
{
    FormField::Kind kind;
    const char *name;
};

constexpr KindName kindNames[] = {
    {FormField::Kind::Text, "text"},     {FormField::Kind::Password, "password"},
    {FormField::Kind::Number, "number"}, {FormField::Kind::Checkbox, "checkbox"},
    {FormField::Kind::Select, "select"}, {FormField::Kind::Textarea, "textarea"},
    {FormField::Kind::Email, "email"},   {FormField::Kind::Url, "url"},
};

} // namespace

std::optional<FormField::Kind> FormField::kindFromString(const QString &text)
{
    for (const KindName &entry : kindNames) {
        if (text == QLatin1String(entry.name))
            return entry.kind;
    }
    return std::nullopt;
}

std::optional<FormField> FormField::fromJson(const QJsonObject &object)
{
    FormField field;
    field.id = object.value(QLatin1String("id")).toString();
    if (field.id.isEmpty())
        return std::nullopt;
    field.label = object.value(QLatin1String("label")).toString(field.id);
    // An unknown kind is shown as text rather than dropped: the form stays usable.
    field.kind =
        kindFromString(object.value(QLatin1String("kind")).toString()).value_or(Kind::Text);
    field.required = object.value(QLatin1String("required")).toBool();
    field.defaultValue = object.value(QLatin1String("default"));
    if (object.value(QLatin1String("min")).isDouble())
        field.minimum = object.value(QLatin1String("min")).toDouble();
    if (object.value(QLatin1String("max")).isDouble())
        field.maximum = object.value(QLatin1String("max")).toDouble();
    for (const QJsonValue &option : object.value(QLatin1String("options")).toArray())
        field.options.append(option.toObject().value(QLatin1String("value")).toString());
    return field;
}

QList<FormField> FormField::of(const ConnectionType &type)
{
    QList<FormField> fields;
    const QJsonObject form = type.details.value(QLatin1String("configurationForm")).toObject();
    for (const QJsonValue &value : form.value(QLatin1String("fields")).toArray()) {
        if (auto field = fromJson(value.toObject()))
            fields.append(*field);
    }
    return fields;
}

QString FormField::check(const QJsonValue &value) const
{
    const bool empty = value.isUndefined() || value.isNull()
        || (value.isString() && value.toString().trimmed().isEmpty());
    if (empty)
        return required && kind != Kind::Checkbox ? tr("%1 is required.").arg(label) : QString();

    switch (kind) {
    case Kind::Checkbox:
        return value.isBool() ? QString() : tr("%1 must be on or off.").arg(label);
    case Kind::Number: {
        bool ok = value.isDouble();
        const double number = ok ? value.toDouble() : value.toString().toDouble(&ok);
        if (!ok)
            return tr("%1 must be a number.").arg(label);
        if ((minimum && number < *minimum) || (maximum && number > *maximum))
            return tr("%1 must be between %2 and %3.")
                .arg(label)
                .arg(minimum.value_or(-1e300))
                .arg(maximum.value_or(1e300));
        return {};
    }
    case Kind::Select:
        return options.isEmpty() || options.contains(value.toString())
            ? QString()
            : tr("%1 must be one of the listed choices.").arg(label);
    case Kind::Email: {
        static const QRegularExpression email(
            QRegularExpression::anchoredPattern(QStringLiteral("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")));
        return email.match(value.toString()).hasMatch()
            ? QString()
            : tr("%1 must be an email address.").arg(label);
    }
    case Kind::Url: {
        const QUrl url(value.toString(), QUrl::StrictMode);
        const bool web = url.isValid() && !url.host().isEmpty()
            && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"));
        return web ? QString() : tr("%1 must be a web address (https://…).").arg(label);
    }
    case Kind::Text:
    case Kind::Password:
    case Kind::Textarea:
        return value.isString() ? QString() : tr("%1 must be text.").arg(label);
    }
    return {};
}
