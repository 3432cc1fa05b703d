// Specification: Polytomic's connection types, their configuration forms and connections are
// read as sent, and a form checks submitted values.
#include "core/polytomic/FormField.h"
#include "core/polytomic/PolytomicJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

// JSON written with single quotes, for readability in tests (moc does not read raw strings).
[[maybe_unused]] static QByteArray q(const char *json)
{
    return QByteArray(json).replace('\'', '"');
}

namespace {

FormField field(const QByteArray &json)
{
    return *FormField::fromJson(QJsonDocument::fromJson(json).object());
}

} // namespace

class TestPolytomicJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsATypeWithItsForm()
    {
        const auto type = PolytomicJson::connectionType(
            QJsonDocument::fromJson(
                q("{"
                  "            'id': 'postgresql', 'name': 'PostgreSQL', 'logo_url': "
                  "'http://127.0.0.1/logos/postgresql.svg',"
                  "            'use_oauth': false, 'configurationForm': {'fields': ["
                  "              {'id': 'hostname', 'label': 'Host', 'kind': 'text', 'required': "
                  "true},"
                  "              {'id': 'password', 'label': 'Password', 'kind': 'password', "
                  "'required': true}]}}"))
                .object());
        QVERIFY(type.has_value());
        QCOMPARE(type->id, QStringLiteral("postgresql"));
        const QList<FormField> fields = FormField::of(*type);
        QCOMPARE(fields.size(), 2);
        QVERIFY(fields.at(1).isSecret());
        QCOMPARE(PolytomicJson::toJson(*type).value(QLatin1String("configurationForm")).toObject(),
                 type->details.value(QLatin1String("configurationForm")).toObject());
    }

    void skipsEntriesWithoutAnId()
    {
        const auto types = PolytomicJson::connectionTypes(
            QJsonDocument::fromJson(q("[{'name': 'x'}, {'id': 's3', 'name': 'Amazon S3'}]"))
                .array());
        QCOMPARE(types.size(), 1);
        QCOMPARE(types.constFirst().id, QStringLiteral("s3"));
    }

    void showsAnUnknownFieldKindAsText()
    {
        QCOMPARE(field(q("{'id': 'x', 'kind': 'hologram'}")).kind, FormField::Kind::Text);
    }

    void requiresRequiredFields()
    {
        const FormField host =
            field(q("{'id': 'hostname', 'label': 'Host', 'kind': 'text', 'required': true}"));
        QVERIFY(!host.check(QJsonValue()).isEmpty());
        QVERIFY(!host.check(QStringLiteral("  ")).isEmpty());
        QVERIFY(host.check(QStringLiteral("db.example.com")).isEmpty());
    }

    void checksNumberRanges()
    {
        const FormField port = field(q("{'id': 'port', 'label': 'Port', 'kind': 'number', "
                                       "'required': true, 'min': 1, 'max': 65535}"));
        QVERIFY(port.check(5432).isEmpty());
        QVERIFY(port.check(QStringLiteral("5432")).isEmpty());
        QVERIFY(!port.check(0).isEmpty());
        QVERIFY(!port.check(70000).isEmpty());
        QVERIFY(!port.check(QStringLiteral("five")).isEmpty());
    }

    void checksEmailsUrlsAndChoices()
    {
        QVERIFY(
            !field(q("{'id': 'e', 'kind': 'email'}")).check(QStringLiteral("nobody")).isEmpty());
        QVERIFY(field(q("{'id': 'e', 'kind': 'email'}")).check(QStringLiteral("a@b.co")).isEmpty());
        // The whole value is checked: an address and a newline is not an address.
        QVERIFY(
            !field(q("{'id': 'e', 'kind': 'email'}")).check(QStringLiteral("a@b.co\n")).isEmpty());
        QVERIFY(!field(q("{'id': 'u', 'kind': 'url'}")).check(QStringLiteral("ftp://x")).isEmpty());
        QVERIFY(field(q("{'id': 'u', 'kind': 'url'}"))
                    .check(QStringLiteral("https://x.example"))
                    .isEmpty());
        const FormField choice =
            field(q("{'id': 'd', 'kind': 'select', 'options': [{'value': 'a'}, {'value': 'b'}]}"));
        QVERIFY(choice.check(QStringLiteral("a")).isEmpty());
        QVERIFY(!choice.check(QStringLiteral("c")).isEmpty());
    }

    void readsAConnection()
    {
        const auto connection = PolytomicJson::connection(
            QJsonDocument::fromJson(
                q("{"
                  "            'id': '7d0c1c55-0000-4000-8000-000000000000', 'name': 'CRM', "
                  "'status': 'healthy',"
                  "            'type': {'id': 'hubspot', 'name': 'HubSpot', 'logo_url': 'x'},"
                  "            'created_at': '2026-11-21T10:00:00.000Z'}"))
                .object());
        QVERIFY(connection.has_value());
        QVERIFY(connection->isHealthy());
        QCOMPARE(connection->typeId, QStringLiteral("hubspot"));
        QVERIFY(connection->createdAt.isValid());
        QCOMPARE(PolytomicJson::connection(PolytomicJson::toJson(*connection))->name,
                 QStringLiteral("CRM"));
    }
};

QTEST_GUILESS_MAIN(TestPolytomicJson)
#include "tst_polytomicjson.moc"
