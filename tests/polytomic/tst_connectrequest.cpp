// Specification: the connect request body is built, read and checked as the contract says.
#include "core/polytomic/ConnectRequest.h"
#include "core/polytomic/ConnectSessionTicket.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {

ConnectRequest valid()
{
    ConnectRequest request;
    request.name = QStringLiteral("PostgreSQL 2026-11-21");
    request.redirectUrl = QUrl(QStringLiteral("http://127.0.0.1:4000/done?state=abc"));
    return request;
}

bool hasProblem(const QList<ValidationProblem> &problems, const QString &field)
{
    return std::any_of(problems.cbegin(), problems.cend(),
                       [&](const ValidationProblem &p) { return p.field == field; });
}

} // namespace

class TestConnectRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesSnakeCaseFields()
    {
        ConnectRequest request = valid();
        request.whitelist = {QStringLiteral("hubspot"), QStringLiteral("salesforce")};
        request.dark = true;
        const QJsonObject json = request.toJson();
        QCOMPARE(json.value(QLatin1String("name")).toString(), request.name);
        QCOMPARE(json.value(QLatin1String("redirect_url")).toString(),
                 QStringLiteral("http://127.0.0.1:4000/done?state=abc"));
        QCOMPARE(json.value(QLatin1String("whitelist")).toArray().size(), 2);
        QCOMPARE(json.value(QLatin1String("dark")).toBool(), true);
        QVERIFY(!json.contains(QLatin1String("connection")));
        QVERIFY(!json.contains(QLatin1String("redirectURL")));
    }

    void readsWhatItWrites()
    {
        ConnectRequest request = valid();
        request.connection = QStringLiteral("9b2f4c1e-5d6a-4e7b-8c9d-0a1b2c3d4e5f");
        QList<ValidationProblem> problems;
        const auto read = ConnectRequest::fromJson(request.toJson(), &problems);
        QVERIFY(read.has_value());
        QCOMPARE(read->name, request.name);
        QCOMPARE(read->redirectUrl, request.redirectUrl);
        QCOMPARE(read->connection, request.connection);
        QVERIFY(read->isUpdate());
    }

    void refusesFieldsOfTheWrongJsonType()
    {
        QList<ValidationProblem> problems;
        const QJsonObject body{{QLatin1String("name"), 5},
                               {QLatin1String("whitelist"), QStringLiteral("hubspot")},
                               {QLatin1String("dark"), QStringLiteral("yes")}};
        QVERIFY(!ConnectRequest::fromJson(body, &problems));
        QVERIFY(hasProblem(problems, QStringLiteral("name")));
        QVERIFY(hasProblem(problems, QStringLiteral("whitelist")));
        QVERIFY(hasProblem(problems, QStringLiteral("dark")));
    }

    void requiresANonEmptyName()
    {
        ConnectRequest request = valid();
        request.name = QStringLiteral("   ");
        QVERIFY(hasProblem(request.validate(), QStringLiteral("name")));
    }

    void requiresAnAbsoluteHttpRedirect_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("missing") << QString();
        QTest::newRow("relative") << QStringLiteral("/done");
        QTest::newRow("no host") << QStringLiteral("http:///done");
        QTest::newRow("custom scheme") << QStringLiteral("myapp://done");
        QTest::newRow("javascript") << QStringLiteral("javascript:alert(1)");
    }

    void requiresAnAbsoluteHttpRedirect()
    {
        QFETCH(QString, url);
        ConnectRequest request = valid();
        request.redirectUrl = QUrl(url);
        QVERIFY(hasProblem(request.validate(), QStringLiteral("redirect_url")));
    }

    void acceptsAValidRequest() { QVERIFY(valid().validate().isEmpty()); }

    void requiresAUuidForTheConnection()
    {
        ConnectRequest request = valid();
        request.connection = QStringLiteral("not-a-uuid");
        QVERIFY(hasProblem(request.validate(), QStringLiteral("connection")));
    }

    void letsTypeWinOverTheWhitelist()
    {
        ConnectRequest request = valid();
        request.whitelist = {QStringLiteral("hubspot"), QStringLiteral("salesforce")};
        request.type = QStringLiteral("postgresql");
        QCOMPARE(request.allowedTypes(), QStringList{QStringLiteral("postgresql")});
    }

    void ticketNeedsAnHttpModalAddress()
    {
        QString error;
        QVERIFY(!ConnectSessionTicket::fromJson(
            {{QLatin1String("redirect_url"), QStringLiteral("file:///etc/passwd")}}, &error));
        QVERIFY(!error.isEmpty());
        const auto ticket = ConnectSessionTicket::fromJson(
            {{QLatin1String("redirect_url"), QStringLiteral("https://app.polytomic.com/connect/x")},
             {QLatin1String("token"), QStringLiteral("t")}},
            &error);
        QVERIFY(ticket.has_value());
        QCOMPARE(ticket->token, QStringLiteral("t"));
    }
};

QTEST_GUILESS_MAIN(TestConnectRequest)
#include "tst_connectrequest.moc"
