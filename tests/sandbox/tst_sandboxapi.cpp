// Specification: the Connect sandbox speaks the Polytomic Connect API contract over real HTTP on
// 127.0.0.1, runs connect sessions through its modal endpoints, and injects the faults it is told
// to.
#include "HttpClient.h"
#include "core/polytomic/ApiVersion.h"
#include "sandbox/SandboxServer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkInterface>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <QUuid>

#include <memory>
#include <optional>

// JSON written with single quotes, for readability in tests (moc does not read raw strings).
[[maybe_unused]] static QByteArray q(const char *json)
{
    return QByteArray(json).replace('\'', '"');
}

namespace {

const QString apiKey = QStringLiteral("k_test_123");
const QString connectPath = QStringLiteral("/api/connections/connect/");
const QString appRedirect = QStringLiteral("http://127.0.0.1:9/done?state=s123");
constexpr int defaultTtl = 15 * 60;

QJsonObject json(const char *singleQuoted)
{
    return QJsonDocument::fromJson(q(singleQuoted)).object();
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

using Headers = QList<QPair<QByteArray, QByteArray>>;

HttpResult postJson(HttpClient &client, const QString &path, const QJsonObject &body,
                    const Headers &headers = {})
{
    return client.post(path, compact(body), headers);
}

// A valid connect body: a name and the app's redirect_url (with its own query).
QJsonObject connectBody(const QString &name)
{
    return {{QLatin1String("name"), name}, {QLatin1String("redirect_url"), appRedirect}};
}

QJsonObject connectBody(const QString &name, const QString &type)
{
    QJsonObject body = connectBody(name);
    body.insert(QLatin1String("type"), type);
    return body;
}

// What the modal's form sends for PostgreSQL.
QJsonObject postgresSubmission(const QString &password = QStringLiteral("s3cret"),
                               const QJsonValue &port = 5432,
                               const QString &hostname = QStringLiteral("db.example.com"))
{
    return {{QLatin1String("type"), QStringLiteral("postgresql")},
            {QLatin1String("configuration"),
             QJsonObject{{QLatin1String("hostname"), hostname},
                         {QLatin1String("port"), port},
                         {QLatin1String("database"), QStringLiteral("app")},
                         {QLatin1String("username"), QStringLiteral("alice")},
                         {QLatin1String("password"), password}}}};
}

QJsonObject data(const HttpResult &result)
{
    return result.json().value(QLatin1String("data")).toObject();
}

QJsonArray dataArray(const HttpResult &result)
{
    return result.json().value(QLatin1String("data")).toArray();
}

// Creates a connect session; the token, or empty when the server refused.
QString createSession(HttpClient &api, const QJsonObject &body)
{
    const HttpResult result = postJson(api, connectPath, body);
    if (result.status != 200)
        qWarning() << "connect failed:" << result.status << result.body;
    return data(result).value(QLatin1String("token")).toString();
}

QString sessionPath(const QString &token, const QString &action = {})
{
    return QStringLiteral("/connect/") + token
        + (action.isEmpty() ? QString() : QLatin1Char('/') + action);
}

HttpResult submit(HttpClient &client, const QString &token, const QJsonObject &body)
{
    return postJson(client, sessionPath(token, QStringLiteral("submit")), body);
}

QUrlQuery locationQuery(const HttpResult &result)
{
    return QUrlQuery(QUrl(QString::fromUtf8(result.header("Location"))));
}

// Runs a whole PostgreSQL session through the modal endpoints; the new connection's id, or empty.
QString createConnection(HttpClient &api, const QString &name)
{
    const QString token = createSession(api, connectBody(name, QStringLiteral("postgresql")));
    if (token.isEmpty())
        return {};
    const HttpResult submitted = submit(api, token, postgresSubmission());
    if (submitted.status != 200) {
        qWarning() << "submit failed:" << submitted.status << submitted.body;
        return {};
    }
    const HttpResult finished =
        api.get(submitted.json().value(QLatin1String("finish_url")).toString());
    if (finished.status != 302) {
        qWarning() << "finish failed:" << finished.status << finished.body;
        return {};
    }
    return locationQuery(finished).queryItemValue(QStringLiteral("sandbox_connection_id"));
}

QJsonArray listConnections(HttpClient &api)
{
    return dataArray(api.get(QStringLiteral("/api/connections")));
}

std::optional<QJsonObject> findConnectionNamed(HttpClient &api, const QString &name)
{
    for (const QJsonValue &value : listConnections(api)) {
        if (value.toObject().value(QLatin1String("name")).toString() == name)
            return value.toObject();
    }
    return std::nullopt;
}

// The JSON of the modal page's <script type="application/json" id="config">.
QJsonObject modalConfig(const QByteArray &html)
{
    const qsizetype tag = html.indexOf("id=\"config\"");
    if (tag < 0)
        return {};
    const qsizetype start = html.indexOf('>', tag) + 1;
    const qsizetype end = html.indexOf("</script>", start);
    return QJsonDocument::fromJson(html.mid(start, end - start)).object();
}

QStringList typeIds(const QJsonArray &types)
{
    QStringList ids;
    for (const QJsonValue &type : types)
        ids.append(type.toObject().value(QLatin1String("id")).toString());
    return ids;
}

QByteArray basic(const QString &user, const QString &password)
{
    return "Basic " + (user + QLatin1Char(':') + password).toUtf8().toBase64();
}

// {"status": 422, "message": …, "key": …, "metadata": {}}
void verifyMessageShape(const HttpResult &result, int status)
{
    QCOMPARE(result.status, status);
    const QJsonObject body = result.json();
    QVERIFY2(body.value(QLatin1String("status")).isDouble(), result.body.constData());
    QCOMPARE(body.value(QLatin1String("status")).toInt(), status);
    QVERIFY2(!body.value(QLatin1String("message")).toString().isEmpty(), result.body.constData());
    QVERIFY2(body.value(QLatin1String("key")).isString(), result.body.constData());
    QVERIFY2(body.value(QLatin1String("metadata")).isObject(), result.body.constData());
}

// {"status": "Unauthorized", "error": …, "code": 401, "context": {}}
void verifyErrorShape(const HttpResult &result, int status)
{
    QCOMPARE(result.status, status);
    const QJsonObject body = result.json();
    QVERIFY2(body.value(QLatin1String("status")).isString(), result.body.constData());
    QVERIFY2(!body.value(QLatin1String("error")).toString().isEmpty(), result.body.constData());
    QCOMPARE(body.value(QLatin1String("code")).toInt(), status);
    QVERIFY2(body.value(QLatin1String("context")).isObject(), result.body.constData());
}

void verifyUnprocessable(const HttpResult &result, const QString &field)
{
    verifyMessageShape(result, 422);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(result.json()
                 .value(QLatin1String("metadata"))
                 .toObject()
                 .value(QLatin1String("field"))
                 .toString(),
             field);
}

void writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(file.errorString()));
    QCOMPARE(file.write(content), content.size());
}

const QByteArray smallSvg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">"
                            "<rect width=\"10\" height=\"10\" fill=\"#123456\"/></svg>";

} // namespace

class TestSandboxApi : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<HttpClient> m_api; // the organization's key, no version header
    std::unique_ptr<HttpClient> m_anon; // no key at all
    int m_names = 0;

    QString uniqueName(const char *prefix)
    {
        return QString::fromLatin1(prefix) + QLatin1Char(' ') + QString::number(++m_names);
    }

    std::unique_ptr<HttpClient> clientFor(const SandboxServer &server) const
    {
        auto client = std::make_unique<HttpClient>(server.url());
        client->setBearer(server.apiKey());
        return client;
    }

private Q_SLOTS:
    void initTestCase()
    {
        SandboxOptions options;
        options.port = 0;
        options.apiKey = apiKey;
        m_server = std::make_unique<SandboxServer>(options);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        m_api = std::make_unique<HttpClient>(m_server->url());
        m_api->setBearer(apiKey);
        m_anon = std::make_unique<HttpClient>(m_server->url());
    }

    void cleanup()
    {
        m_server->setFaults(SandboxFaults{});
        m_server->setSessionTtl(defaultTtl);
    }

    void cleanupTestCase()
    {
        m_api.reset();
        m_anon.reset();
        m_server.reset();
    }

    // --- POST /api/connections/connect/ -------------------------------------------------------

    void connectReturnsAnAbsoluteModalUrlAndAToken()
    {
        const HttpResult result =
            postJson(*m_api, connectPath, connectBody(uniqueName("Warehouse")));
        QCOMPARE(result.status, 200);
        const QString token = data(result).value(QLatin1String("token")).toString();
        QVERIFY(!token.isEmpty());
        const QString redirect = data(result).value(QLatin1String("redirect_url")).toString();
        QCOMPARE(redirect, m_server->url().toString() + QStringLiteral("/connect/") + token);
        const QUrl modal(redirect);
        QCOMPARE(modal.scheme(), QStringLiteral("http"));
        QCOMPARE(modal.host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(modal.port(), m_server->url().port());
    }

    void connectWithoutKeyIs401InTheErrorShape()
    {
        const HttpResult result = postJson(*m_anon, connectPath, connectBody(uniqueName("NoKey")));
        verifyErrorShape(result, 401);
    }

    void connectWithAWrongBearerKeyIs401InTheErrorShape()
    {
        HttpClient wrong(m_server->url());
        wrong.setBearer(QStringLiteral("k_wrong_456"));
        verifyErrorShape(postJson(wrong, connectPath, connectBody(uniqueName("WrongKey"))), 401);
    }

    void connectAcceptsBasicAuthWithOrganizationAndKey()
    {
        const HttpResult result =
            postJson(*m_anon, connectPath, connectBody(uniqueName("Basic")),
                     {{"Authorization", basic(m_server->organizationId(), apiKey)}});
        QCOMPARE(result.status, 200);
        QVERIFY(!data(result).value(QLatin1String("token")).toString().isEmpty());
    }

    void connectRefusesBasicAuthWithAnotherOrganization()
    {
        const QString otherOrganization = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const HttpResult result =
            postJson(*m_anon, connectPath, connectBody(uniqueName("OtherOrg")),
                     {{"Authorization", basic(otherOrganization, apiKey)}});
        verifyErrorShape(result, 401);
    }

    void connectEchoesEachKnownVersion_data()
    {
        QTest::addColumn<QString>("version");
        for (const QString &version : ApiVersion::known())
            QTest::newRow(qPrintable(version)) << version;
    }

    void connectEchoesEachKnownVersion()
    {
        QFETCH(QString, version);
        HttpClient client(m_server->url());
        client.setBearer(apiKey);
        client.setVersion(version);
        const HttpResult result =
            postJson(client, connectPath, connectBody(uniqueName("Versioned")));
        QCOMPARE(result.status, 200);
        QCOMPARE(result.header("X-Polytomic-Version"), version.toLatin1());
    }

    void connectWithoutVersionEchoesTheServerDefault()
    {
        const HttpResult result =
            postJson(*m_api, connectPath, connectBody(uniqueName("Unversioned")));
        QCOMPARE(result.status, 200);
        QCOMPARE(result.header("X-Polytomic-Version"), ApiVersion::serverDefault().toLatin1());
    }

    void connectWithAnUnknownVersionIs400ListingTheKnownOnes()
    {
        HttpClient client(m_server->url());
        client.setBearer(apiKey);
        client.setVersion(QStringLiteral("2019-01-01"));
        const HttpResult result = postJson(client, connectPath, connectBody(uniqueName("Future")));
        verifyMessageShape(result, 400);
        if (QTest::currentTestFailed())
            return;
        const QString message = result.json().value(QLatin1String("message")).toString();
        for (const QString &version : ApiVersion::known())
            QVERIFY2(message.contains(version), qPrintable(message));
    }

    void connectWithMalformedJsonIs400()
    {
        verifyMessageShape(m_api->post(connectPath, "{\"name\": \"x\", "), 400);
    }

    void connectWithAJsonArrayBodyIs400()
    {
        verifyMessageShape(m_api->post(connectPath, q("[{'name': 'x'}]")), 400);
    }

    void connectWithoutNameIs422NamingTheField()
    {
        const HttpResult result =
            postJson(*m_api, connectPath, json("{'redirect_url': 'http://127.0.0.1:9/done'}"));
        verifyUnprocessable(result, QStringLiteral("name"));
    }

    void connectWithAnEmptyNameIs422NamingTheField()
    {
        verifyUnprocessable(postJson(*m_api, connectPath, connectBody(QString())),
                            QStringLiteral("name"));
    }

    void connectWithoutRedirectUrlIs422NamingTheField()
    {
        const HttpResult result = postJson(*m_api, connectPath, json("{'name': 'No redirect'}"));
        verifyUnprocessable(result, QStringLiteral("redirect_url"));
    }

    void connectWithARelativeRedirectUrlIs422NamingTheField()
    {
        QJsonObject body = connectBody(uniqueName("Relative"));
        body.insert(QLatin1String("redirect_url"), QStringLiteral("/done?state=1"));
        verifyUnprocessable(postJson(*m_api, connectPath, body), QStringLiteral("redirect_url"));
    }

    void connectWithAnUnknownWhitelistEntryIs422NamingTheField()
    {
        QJsonObject body = connectBody(uniqueName("Whitelist"));
        body.insert(QLatin1String("whitelist"),
                    QJsonArray{QStringLiteral("postgresql"), QStringLiteral("no_such_type")});
        verifyUnprocessable(postJson(*m_api, connectPath, body), QStringLiteral("whitelist"));
    }

    void connectWithANameAlreadyInUseIs422NamingTheField()
    {
        const QString name = uniqueName("Taken");
        QVERIFY(!createConnection(*m_api, name).isEmpty());
        verifyUnprocessable(postJson(*m_api, connectPath, connectBody(name)),
                            QStringLiteral("name"));
    }

    void connectForAConnectionThatDoesNotExistIs422NamingTheField()
    {
        QJsonObject body = connectBody(uniqueName("Ghost"));
        body.insert(QLatin1String("connection"),
                    QUuid::createUuid().toString(QUuid::WithoutBraces));
        verifyUnprocessable(postJson(*m_api, connectPath, body), QStringLiteral("connection"));
    }

    void connectTypeWinsOverTheWhitelist()
    {
        QJsonObject body = connectBody(uniqueName("TypeWins"), QStringLiteral("postgresql"));
        body.insert(QLatin1String("whitelist"), QJsonArray{QStringLiteral("no_such_type")});
        const HttpResult result = postJson(*m_api, connectPath, body);
        QCOMPARE(result.status, 200);
        const QString token = data(result).value(QLatin1String("token")).toString();
        const HttpResult page = m_anon->get(sessionPath(token));
        QCOMPARE(page.status, 200);
        const QJsonObject config = modalConfig(page.body);
        QCOMPARE(typeIds(config.value(QLatin1String("types")).toArray()),
                 QStringList{QStringLiteral("postgresql")});
    }

    void connectWithABadIdempotencyKeyIs400_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::newRow("7 characters") << QByteArray("abc1234");
        QTest::newRow("256 characters") << QByteArray(256, 'k');
        QTest::newRow("a space") << QByteArray("abcd 12345");
    }

    void connectWithABadIdempotencyKeyIs400()
    {
        QFETCH(QByteArray, key);
        const HttpResult result = postJson(*m_api, connectPath, connectBody(uniqueName("BadKey")),
                                           {{"Idempotency-Key", key}});
        verifyMessageShape(result, 400);
    }

    void connectReplaysTheFirstResultForTheSameIdempotencyKey()
    {
        const QJsonObject body = connectBody(uniqueName("Replay"));
        const Headers key{{"Idempotency-Key", "replay-key_0001"}};
        const HttpResult first = postJson(*m_api, connectPath, body, key);
        QCOMPARE(first.status, 200);
        QVERIFY(first.header("Idempotent-Replayed").isEmpty());
        const HttpResult second = postJson(*m_api, connectPath, body, key);
        QCOMPARE(second.status, 200);
        QCOMPARE(second.header("Idempotent-Replayed"), QByteArray("true"));
        QCOMPARE(second.body, first.body);
        QCOMPARE(data(second).value(QLatin1String("token")).toString(),
                 data(first).value(QLatin1String("token")).toString());
    }

    void connectReplaysAnErrorForTheSameIdempotencyKey()
    {
        const QJsonObject body = json("{'redirect_url': 'http://127.0.0.1:9/done'}");
        const Headers key{{"Idempotency-Key", "replay-error-0001"}};
        const HttpResult first = postJson(*m_api, connectPath, body, key);
        verifyUnprocessable(first, QStringLiteral("name"));
        if (QTest::currentTestFailed())
            return;
        const HttpResult second = postJson(*m_api, connectPath, body, key);
        QCOMPARE(second.status, 422);
        QCOMPARE(second.header("Idempotent-Replayed"), QByteArray("true"));
        QCOMPARE(second.body, first.body);
    }

    void connectWithAnIdempotencyKeyStillInFlightIs409()
    {
        SandboxFaults faults;
        faults.latencyMs = 1000;
        m_server->setFaults(faults);
        const QByteArray body = compact(connectBody(uniqueName("InFlight")));
        const Headers key{{"Idempotency-Key", "in-flight-key-0001"}};
        const int before = m_server->apiRequestCount();
        QNetworkReply *pending = m_api->startPost(connectPath, body, key);
        QTRY_COMPARE(m_server->apiRequestCount(), before + 1);
        QVERIFY(!pending->isFinished());
        const HttpResult second = m_api->post(connectPath, body, key);
        const HttpResult first = HttpClient::wait(pending);
        verifyMessageShape(second, 409);
        QCOMPARE(first.status, 200);
    }

    void connectWithoutTheTrailingSlashIsRedirected()
    {
        const HttpResult result = postJson(*m_api, QStringLiteral("/api/connections/connect"),
                                           connectBody(uniqueName("NoSlash")));
        QCOMPARE(result.status, 301);
        const QUrl target = m_server->url()
                                .resolved(QUrl(QStringLiteral("/api/connections/connect")))
                                .resolved(QUrl(QString::fromUtf8(result.header("Location"))));
        QCOMPARE(target.path(), connectPath);
    }

    void getOnTheConnectPathIs405() { verifyMessageShape(m_api->get(connectPath), 405); }

    // --- Session lifecycle through the modal endpoints ---------------------------------------

    void modalPageIsHtmlWithANonceInItsContentSecurityPolicy()
    {
        const QString token = createSession(*m_api, connectBody(uniqueName("Page")));
        QVERIFY(!token.isEmpty());
        const HttpResult page = m_anon->get(sessionPath(token));
        QCOMPARE(page.status, 200);
        QVERIFY(page.header("Content-Type").startsWith("text/html"));
        const QByteArray csp = page.header("Content-Security-Policy");
        const qsizetype at = csp.indexOf("'nonce-");
        QVERIFY2(at >= 0, csp.constData());
        const qsizetype start = at + int(qstrlen("'nonce-"));
        const QByteArray nonce = csp.mid(start, csp.indexOf('\'', start) - start);
        QVERIFY(!nonce.isEmpty());
        QVERIFY(page.body.contains("nonce=\"" + nonce + '"'));
    }

    void submittingValidCredentialsGivesAFinishUrl()
    {
        const QString token =
            createSession(*m_api, connectBody(uniqueName("Submit"), QStringLiteral("postgresql")));
        QVERIFY(!token.isEmpty());
        const HttpResult result = submit(*m_anon, token, postgresSubmission());
        QCOMPARE(result.status, 200);
        QCOMPARE(result.json().value(QLatin1String("finish_url")).toString(),
                 sessionPath(token, QStringLiteral("finish")));
    }

    void aWrongPasswordIs422OnThePasswordFieldAndCreatesNothing()
    {
        const QString name = uniqueName("WrongPassword");
        const QString token =
            createSession(*m_api, connectBody(name, QStringLiteral("postgresql")));
        QVERIFY(!token.isEmpty());
        const int before = listConnections(*m_api).size();
        const HttpResult result =
            submit(*m_anon, token, postgresSubmission(QStringLiteral("wrong")));
        QCOMPARE(result.status, 422);
        QVERIFY(!result.json().value(QLatin1String("message")).toString().isEmpty());
        QCOMPARE(result.json().value(QLatin1String("field")).toString(),
                 QStringLiteral("password"));
        QVERIFY(!result.json().contains(QLatin1String("finish_url")));
        QCOMPARE(listConnections(*m_api).size(), before);
        QVERIFY(!findConnectionNamed(*m_api, name).has_value());
    }

    void theThirdWrongPasswordEndsTheSessionWithAFinishUrl()
    {
        const QString token = createSession(
            *m_api, connectBody(uniqueName("ThreeStrikes"), QStringLiteral("postgresql")));
        QVERIFY(!token.isEmpty());
        QCOMPARE(submit(*m_anon, token, postgresSubmission(QStringLiteral("wrong"))).status, 422);
        QCOMPARE(submit(*m_anon, token, postgresSubmission(QStringLiteral("wrong"))).status, 422);
        const HttpResult third =
            submit(*m_anon, token, postgresSubmission(QStringLiteral("wrong")));
        QCOMPARE(third.status, 422);
        QCOMPARE(third.json().value(QLatin1String("field")).toString(), QStringLiteral("password"));
        QCOMPARE(third.json().value(QLatin1String("finish_url")).toString(),
                 sessionPath(token, QStringLiteral("finish")));
    }

    void finishAfterTooManyAttemptsRedirectsAsFailed()
    {
        const QString name = uniqueName("Failed");
        const QString token =
            createSession(*m_api, connectBody(name, QStringLiteral("postgresql")));
        QVERIFY(!token.isEmpty());
        HttpResult last;
        for (int attempt = 0; attempt < 3; ++attempt)
            last = submit(*m_anon, token, postgresSubmission(QStringLiteral("wrong")));
        const HttpResult finished =
            m_anon->get(last.json().value(QLatin1String("finish_url")).toString());
        QCOMPARE(finished.status, 302);
        const QUrlQuery query = locationQuery(finished);
        QCOMPARE(query.queryItemValue(QStringLiteral("sandbox_result")), QStringLiteral("failed"));
        QCOMPARE(query.queryItemValue(QStringLiteral("sandbox_error")),
                 QStringLiteral("too_many_attempts"));
        QCOMPARE(query.queryItemValue(QStringLiteral("state")), QStringLiteral("s123"));
        QVERIFY(!findConnectionNamed(*m_api, name).has_value());
    }

    void anInvalidFieldIs422NamingThatField()
    {
        const QString token = createSession(
            *m_api, connectBody(uniqueName("PortZero"), QStringLiteral("postgresql")));
        QVERIFY(!token.isEmpty());
        const HttpResult result =
            submit(*m_anon, token, postgresSubmission(QStringLiteral("s3cret"), 0));
        QCOMPARE(result.status, 422);
        QCOMPARE(result.json().value(QLatin1String("field")).toString(), QStringLiteral("port"));
    }

    void finishRedirectsToTheAppKeepingItsQueryAndAddingTheResult()
    {
        const QString token =
            createSession(*m_api, connectBody(uniqueName("Finish"), QStringLiteral("postgresql")));
        QVERIFY(!token.isEmpty());
        QCOMPARE(submit(*m_anon, token, postgresSubmission()).status, 200);
        const HttpResult finished = m_anon->get(sessionPath(token, QStringLiteral("finish")));
        QCOMPARE(finished.status, 302);
        const QUrl location(QString::fromUtf8(finished.header("Location")));
        const QUrl expected(appRedirect);
        QCOMPARE(location.scheme(), expected.scheme());
        QCOMPARE(location.host(), expected.host());
        QCOMPARE(location.port(), expected.port());
        QCOMPARE(location.path(), expected.path());
        const QUrlQuery query(location);
        QCOMPARE(query.queryItemValue(QStringLiteral("state")), QStringLiteral("s123"));
        QCOMPARE(query.queryItemValue(QStringLiteral("sandbox_result")),
                 QStringLiteral("connected"));
        const QString id = query.queryItemValue(QStringLiteral("sandbox_connection_id"));
        QVERIFY(!id.isEmpty());
        QCOMPARE(m_api->get(QStringLiteral("/api/connections/") + id).status, 200);
    }

    void aCompletedConnectionIsListedHealthyWithoutItsPassword()
    {
        const QString name = uniqueName("Listed");
        const QString id = createConnection(*m_api, name);
        QVERIFY(!id.isEmpty());
        const auto connection = findConnectionNamed(*m_api, name);
        QVERIFY(connection.has_value());
        QCOMPARE(connection->value(QLatin1String("id")).toString(), id);
        QCOMPARE(connection->value(QLatin1String("status")).toString(), QStringLiteral("healthy"));
        QCOMPARE(connection->value(QLatin1String("type"))
                     .toObject()
                     .value(QLatin1String("id"))
                     .toString(),
                 QStringLiteral("postgresql"));
        const QJsonObject configuration =
            connection->value(QLatin1String("configuration")).toObject();
        QCOMPARE(configuration.value(QLatin1String("hostname")).toString(),
                 QStringLiteral("db.example.com"));
        QVERIFY(!configuration.contains(QLatin1String("password")));
        QVERIFY(!QJsonDocument(*connection).toJson().contains("s3cret"));
    }

    void aFinishedSessionIsGone()
    {
        const QString token = createSession(
            *m_api, connectBody(uniqueName("SingleUse"), QStringLiteral("postgresql")));
        QVERIFY(!token.isEmpty());
        QCOMPARE(submit(*m_anon, token, postgresSubmission()).status, 200);
        QCOMPARE(m_anon->get(sessionPath(token, QStringLiteral("finish"))).status, 302);
        const HttpResult again = m_anon->get(sessionPath(token));
        QCOMPARE(again.status, 410);
        QVERIFY(again.header("Content-Type").startsWith("text/html"));
    }

    void closingAnOpenSessionRedirectsAsClosedWithoutAConnection()
    {
        const QString name = uniqueName("Closed");
        const QString token =
            createSession(*m_api, connectBody(name, QStringLiteral("postgresql")));
        QVERIFY(!token.isEmpty());
        const HttpResult closed = m_anon->get(sessionPath(token, QStringLiteral("close")));
        QCOMPARE(closed.status, 302);
        const QUrlQuery query = locationQuery(closed);
        QCOMPARE(query.queryItemValue(QStringLiteral("sandbox_result")), QStringLiteral("closed"));
        QCOMPARE(query.queryItemValue(QStringLiteral("state")), QStringLiteral("s123"));
        QVERIFY(!query.hasQueryItem(QStringLiteral("sandbox_connection_id")));
        QVERIFY(!findConnectionNamed(*m_api, name).has_value());
    }

    void anExpiredSessionPageIs410()
    {
        m_server->setSessionTtl(1);
        const QString token = createSession(*m_api, connectBody(uniqueName("Expired")));
        QVERIFY(!token.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(m_anon->get(sessionPath(token)).status, 410, 10000);
        QVERIFY(m_anon->get(sessionPath(token)).header("Content-Type").startsWith("text/html"));
    }

    void submittingToAnExpiredSessionIs410JsonWithAFinishUrl()
    {
        m_server->setSessionTtl(1);
        const QString name = uniqueName("ExpiredSubmit");
        const QString token =
            createSession(*m_api, connectBody(name, QStringLiteral("postgresql")));
        QVERIFY(!token.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(m_anon->get(sessionPath(token)).status, 410, 10000);
        const HttpResult result = submit(*m_anon, token, postgresSubmission());
        QCOMPARE(result.status, 410);
        QVERIFY(result.header("Content-Type").startsWith("application/json"));
        QVERIFY(!result.json().value(QLatin1String("message")).toString().isEmpty());
        QVERIFY(result.json()
                    .value(QLatin1String("finish_url"))
                    .toString()
                    .startsWith(sessionPath(token, QStringLiteral("finish"))));
        QVERIFY(!findConnectionNamed(*m_api, name).has_value());
    }

    void anUnknownTokenIs404()
    {
        QCOMPARE(m_anon->get(QStringLiteral("/connect/no-such-token")).status, 404);
    }

    // --- OAuth --------------------------------------------------------------------------------

    void oauthConsentPageIsServedForAnOAuthType()
    {
        const QString token =
            createSession(*m_api, connectBody(uniqueName("Consent"), QStringLiteral("hubspot")));
        QVERIFY(!token.isEmpty());
        const HttpResult page = m_anon->get(sessionPath(token, QStringLiteral("oauth/hubspot")));
        QCOMPARE(page.status, 200);
        QVERIFY(page.header("Content-Type").startsWith("text/html"));
        QVERIFY(page.header("Content-Security-Policy").contains("'nonce-"));
    }

    void oauthGrantGivesACode()
    {
        const QString token =
            createSession(*m_api, connectBody(uniqueName("Grant"), QStringLiteral("hubspot")));
        QVERIFY(!token.isEmpty());
        const HttpResult grant =
            m_anon->post(sessionPath(token, QStringLiteral("oauth/hubspot/grant")), QByteArray());
        QCOMPARE(grant.status, 200);
        QVERIFY(!grant.json().value(QLatin1String("code")).toString().isEmpty());
    }

    void submittingAGrantedOAuthCodeConnects()
    {
        const QString name = uniqueName("OAuth");
        const QString token = createSession(*m_api, connectBody(name, QStringLiteral("hubspot")));
        QVERIFY(!token.isEmpty());
        const QString code =
            m_anon->post(sessionPath(token, QStringLiteral("oauth/hubspot/grant")), {})
                .json()
                .value(QLatin1String("code"))
                .toString();
        QVERIFY(!code.isEmpty());
        QJsonObject body = json("{'type': 'hubspot', 'configuration': {}}");
        body.insert(QLatin1String("oauth_code"), code);
        const HttpResult result = submit(*m_anon, token, body);
        QCOMPARE(result.status, 200);
        QCOMPARE(m_anon->get(result.json().value(QLatin1String("finish_url")).toString()).status,
                 302);
        const auto connection = findConnectionNamed(*m_api, name);
        QVERIFY(connection.has_value());
        QCOMPARE(connection->value(QLatin1String("type"))
                     .toObject()
                     .value(QLatin1String("id"))
                     .toString(),
                 QStringLiteral("hubspot"));
    }

    void aUsedOAuthCodeIsRefusedInANewSession()
    {
        const QString first =
            createSession(*m_api, connectBody(uniqueName("CodeOnce"), QStringLiteral("hubspot")));
        QVERIFY(!first.isEmpty());
        const QString code =
            m_anon->post(sessionPath(first, QStringLiteral("oauth/hubspot/grant")), {})
                .json()
                .value(QLatin1String("code"))
                .toString();
        QVERIFY(!code.isEmpty());
        QJsonObject body = json("{'type': 'hubspot', 'configuration': {}}");
        body.insert(QLatin1String("oauth_code"), code);
        QCOMPARE(submit(*m_anon, first, body).status, 200);

        const QString name = uniqueName("CodeTwice");
        const QString second = createSession(*m_api, connectBody(name, QStringLiteral("hubspot")));
        QVERIFY(!second.isEmpty());
        QCOMPARE(submit(*m_anon, second, body).status, 422);
        QVERIFY(!findConnectionNamed(*m_api, name).has_value());
    }

    void submittingAnOAuthTypeWithoutACodeIs422()
    {
        const QString token =
            createSession(*m_api, connectBody(uniqueName("NoCode"), QStringLiteral("hubspot")));
        QVERIFY(!token.isEmpty());
        const HttpResult result =
            submit(*m_anon, token, json("{'type': 'hubspot', 'configuration': {}}"));
        QCOMPARE(result.status, 422);
        QVERIFY(!result.json().value(QLatin1String("message")).toString().isEmpty());
    }

    void oauthConsentForANonOAuthTypeIs404()
    {
        QJsonObject body = connectBody(uniqueName("NotOAuth"));
        body.insert(QLatin1String("whitelist"),
                    QJsonArray{QStringLiteral("hubspot"), QStringLiteral("postgresql")});
        const QString token = createSession(*m_api, body);
        QVERIFY(!token.isEmpty());
        QCOMPARE(m_anon->get(sessionPath(token, QStringLiteral("oauth/postgresql"))).status, 404);
    }

    // --- Update mode --------------------------------------------------------------------------

    void connectForAnExistingConnectionStartsAnUpdateSession()
    {
        const QString name = uniqueName("Reconnect");
        const QString id = createConnection(*m_api, name);
        QVERIFY(!id.isEmpty());
        QJsonObject body = connectBody(name);
        body.insert(QLatin1String("connection"), id);
        const HttpResult result = postJson(*m_api, connectPath, body);
        QCOMPARE(result.status, 200);
        const QString token = data(result).value(QLatin1String("token")).toString();
        QVERIFY(!token.isEmpty());
        const QJsonObject config = modalConfig(m_anon->get(sessionPath(token)).body);
        QCOMPARE(config.value(QLatin1String("mode")).toString(), QStringLiteral("update"));
    }

    void completingAnUpdateChangesTheSameConnection()
    {
        const QString name = uniqueName("Update");
        const QString id = createConnection(*m_api, name);
        QVERIFY(!id.isEmpty());
        const int before = listConnections(*m_api).size();
        QJsonObject body = connectBody(name);
        body.insert(QLatin1String("connection"), id);
        const QString token = createSession(*m_api, body);
        QVERIFY(!token.isEmpty());
        const HttpResult submitted = submit(
            *m_anon, token,
            postgresSubmission(QStringLiteral("n3w"), 5433, QStringLiteral("db2.example.com")));
        QCOMPARE(submitted.status, 200);
        const HttpResult finished = m_anon->get(sessionPath(token, QStringLiteral("finish")));
        QCOMPARE(finished.status, 302);
        QCOMPARE(locationQuery(finished).queryItemValue(QStringLiteral("sandbox_connection_id")),
                 id);
        QCOMPARE(listConnections(*m_api).size(), before);
        const QJsonObject connection = data(m_api->get(QStringLiteral("/api/connections/") + id));
        QCOMPARE(connection.value(QLatin1String("name")).toString(), name);
        QCOMPARE(connection.value(QLatin1String("configuration"))
                     .toObject()
                     .value(QLatin1String("hostname"))
                     .toString(),
                 QStringLiteral("db2.example.com"));
    }

    // --- Connection types and logos ----------------------------------------------------------

    void connectionTypesDescribeEachType()
    {
        const HttpResult result = m_api->get(QStringLiteral("/api/connection_types"));
        QCOMPARE(result.status, 200);
        const QJsonArray types = dataArray(result);
        QVERIFY2(types.size() >= 25, qPrintable(QString::number(types.size())));
        for (const QJsonValue &value : types) {
            const QJsonObject type = value.toObject();
            const QString id = type.value(QLatin1String("id")).toString();
            QVERIFY(!id.isEmpty());
            QVERIFY2(!type.value(QLatin1String("name")).toString().isEmpty(), qPrintable(id));
            const QUrl logo(type.value(QLatin1String("logo_url")).toString());
            QVERIFY2(logo.isValid() && !logo.isRelative() && !logo.host().isEmpty(),
                     qPrintable(id));
            QVERIFY2(type.value(QLatin1String("use_oauth")).isBool(), qPrintable(id));
            const bool oauth = type.value(QLatin1String("use_oauth")).toBool();
            const QJsonArray fields = type.value(QLatin1String("configurationForm"))
                                          .toObject()
                                          .value(QLatin1String("fields"))
                                          .toArray();
            QVERIFY2(oauth || !fields.isEmpty(), qPrintable(id));
        }
    }

    void connectionTypesIncludeTheWellKnownIds()
    {
        const QStringList ids =
            typeIds(dataArray(m_api->get(QStringLiteral("/api/connection_types"))));
        const QStringList expected{QStringLiteral("salesforce"), QStringLiteral("hubspot"),
                                   QStringLiteral("postgresql"), QStringLiteral("snowflake"),
                                   QStringLiteral("marketo"),    QStringLiteral("outreach"),
                                   QStringLiteral("bigquery"),   QStringLiteral("mysql"),
                                   QStringLiteral("mssql"),      QStringLiteral("s3"),
                                   QStringLiteral("gsheets"),    QStringLiteral("stripe"),
                                   QStringLiteral("netsuite"),   QStringLiteral("zendesk_support")};
        for (const QString &id : expected)
            QVERIFY2(ids.contains(id), qPrintable(id));
    }

    void everyTypeLogoIsAnSvgWithAnETag()
    {
        const QJsonArray types = dataArray(m_api->get(QStringLiteral("/api/connection_types")));
        QVERIFY(!types.isEmpty());
        for (const QJsonValue &value : types) {
            const QString logo = value.toObject().value(QLatin1String("logo_url")).toString();
            const HttpResult result = m_anon->get(logo);
            QVERIFY2(result.status == 200, qPrintable(logo));
            QCOMPARE(result.header("Content-Type"), QByteArray("image/svg+xml"));
            QVERIFY2(result.body.contains("<svg"), qPrintable(logo));
            QVERIFY2(!result.header("ETag").isEmpty(), qPrintable(logo));
        }
    }

    void aTypeLogoAnswers304ForItsETag()
    {
        const HttpResult first = m_anon->get(QStringLiteral("/logos/postgresql.svg"));
        QCOMPARE(first.status, 200);
        const QByteArray etag = first.header("ETag");
        QVERIFY(!etag.isEmpty());
        const HttpResult second =
            m_anon->get(QStringLiteral("/logos/postgresql.svg"), {{"If-None-Match", etag}});
        QCOMPARE(second.status, 304);
        QVERIFY(second.body.isEmpty());
    }

    // --- Connections and /api/me ---------------------------------------------------------------

    void connectionsAreListedInADataArray()
    {
        const QString name = uniqueName("List");
        QVERIFY(!createConnection(*m_api, name).isEmpty());
        const HttpResult result = m_api->get(QStringLiteral("/api/connections"));
        QCOMPARE(result.status, 200);
        QVERIFY(result.json().value(QLatin1String("data")).isArray());
        QVERIFY(findConnectionNamed(*m_api, name).has_value());
    }

    void aConnectionIsReadByItsId()
    {
        const QString name = uniqueName("ById");
        const QString id = createConnection(*m_api, name);
        QVERIFY(!id.isEmpty());
        const HttpResult result = m_api->get(QStringLiteral("/api/connections/") + id);
        QCOMPARE(result.status, 200);
        const QJsonObject connection = data(result);
        QCOMPARE(connection.value(QLatin1String("id")).toString(), id);
        QCOMPARE(connection.value(QLatin1String("name")).toString(), name);
        QCOMPARE(connection.value(QLatin1String("organization_id")).toString(),
                 m_server->organizationId());
        QCOMPARE(connection.value(QLatin1String("status")).toString(), QStringLiteral("healthy"));
        const QJsonObject type = connection.value(QLatin1String("type")).toObject();
        QCOMPARE(type.value(QLatin1String("id")).toString(), QStringLiteral("postgresql"));
        QVERIFY(!type.value(QLatin1String("name")).toString().isEmpty());
        QVERIFY(!connection.value(QLatin1String("created_at")).toString().isEmpty());
    }

    void anUnknownConnectionIs404InTheMessageShape()
    {
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        verifyMessageShape(m_api->get(QStringLiteral("/api/connections/") + id), 404);
    }

    void deletingAConnectionIs204AndThenItIsGone()
    {
        const QString id = createConnection(*m_api, uniqueName("Delete"));
        QVERIFY(!id.isEmpty());
        const HttpResult deleted = m_api->deleteResource(QStringLiteral("/api/connections/") + id);
        QCOMPARE(deleted.status, 204);
        verifyMessageShape(m_api->get(QStringLiteral("/api/connections/") + id), 404);
        if (QTest::currentTestFailed())
            return;
        verifyMessageShape(m_api->deleteResource(QStringLiteral("/api/connections/") + id), 404);
    }

    void meNamesTheOrganization()
    {
        const HttpResult result = m_api->get(QStringLiteral("/api/me"));
        QCOMPARE(result.status, 200);
        QCOMPARE(data(result).value(QLatin1String("organization_id")).toString(),
                 m_server->organizationId());
    }

    // --- Faults -------------------------------------------------------------------------------

    void aForcedStatusAnswersInTheMessageShape()
    {
        SandboxFaults faults;
        faults.forcedStatus = 503;
        m_server->setFaults(faults);
        verifyMessageShape(m_api->get(QStringLiteral("/api/me")), 503);
    }

    void aForced401AnswersInTheErrorShape()
    {
        SandboxFaults faults;
        faults.forcedStatus = 401;
        m_server->setFaults(faults);
        verifyErrorShape(m_api->get(QStringLiteral("/api/me")), 401);
    }

    void failFirstFailsThatManyCallsThenSucceeds()
    {
        SandboxFaults faults;
        faults.failFirst = 2;
        m_server->setFaults(faults);
        QCOMPARE(m_api->get(QStringLiteral("/api/me")).status, 500);
        QCOMPARE(m_api->get(QStringLiteral("/api/me")).status, 500);
        QCOMPARE(m_api->get(QStringLiteral("/api/me")).status, 200);
        QCOMPARE(m_api->get(QStringLiteral("/api/me")).status, 200);
    }

    void aFailureRateMixesFailuresAndSuccesses()
    {
        SandboxFaults faults;
        faults.failureRate = 0.5;
        faults.seed = 42;
        m_server->setFaults(faults);
        int ok = 0;
        int failed = 0;
        for (int call = 0; call < 20; ++call) {
            const int status = m_api->get(QStringLiteral("/api/me")).status;
            if (status == 200)
                ++ok;
            else if (status == 500)
                ++failed;
        }
        QCOMPARE(ok + failed, 20);
        QVERIFY2(ok > 0 && failed > 0,
                 qPrintable(QStringLiteral("%1 ok, %2 failed").arg(ok).arg(failed)));
    }

    void malformedJsonAnswers200WithABodyThatIsNotJson()
    {
        SandboxFaults faults;
        faults.malformedJson = true;
        m_server->setFaults(faults);
        const HttpResult result =
            postJson(*m_api, connectPath, connectBody(uniqueName("Malformed")));
        QCOMPARE(result.status, 200);
        QVERIFY(!result.body.isEmpty());
        QJsonParseError error{};
        QJsonDocument::fromJson(result.body, &error);
        QVERIFY(error.error != QJsonParseError::NoError);
    }

    void dropConnectionClosesWithoutAnAnswer()
    {
        SandboxFaults faults;
        faults.dropConnection = true;
        m_server->setFaults(faults);
        const HttpResult result = m_api->get(QStringLiteral("/api/me"));
        QCOMPARE(result.status, 0);
        QVERIFY(result.error != QNetworkReply::NoError);
        QVERIFY2(result.error == QNetworkReply::RemoteHostClosedError
                     || result.error == QNetworkReply::ConnectionRefusedError
                     || result.error == QNetworkReply::UnknownNetworkError,
                 qPrintable(QString::number(int(result.error))));
    }

    void latencyStillAnswers()
    {
        SandboxFaults faults;
        faults.latencyMs = 200;
        m_server->setFaults(faults);
        const HttpResult result = m_api->get(QStringLiteral("/api/me"));
        QCOMPARE(result.status, 200);
        QCOMPARE(data(result).value(QLatin1String("organization_id")).toString(),
                 m_server->organizationId());
    }

    void aFaultScopeLeavesOtherEndpointsHealthy()
    {
        SandboxFaults faults;
        faults.forcedStatus = 503;
        faults.scope = connectPath;
        m_server->setFaults(faults);
        QCOMPARE(m_api->get(QStringLiteral("/api/me")).status, 200);
        verifyMessageShape(postJson(*m_api, connectPath, connectBody(uniqueName("Scoped"))), 503);
    }

    void aBlankModalHasNoForm()
    {
        const QString token = createSession(*m_api, connectBody(uniqueName("Blank")));
        QVERIFY(!token.isEmpty());
        SandboxFaults faults;
        faults.blankModal = true;
        m_server->setFaults(faults);
        const HttpResult page = m_anon->get(sessionPath(token));
        QCOMPARE(page.status, 200);
        QVERIFY(!page.body.contains("id=\"config\""));
        QVERIFY(!page.body.contains("<form"));
    }

    void aModalDelayStillServesThePage()
    {
        const QString token = createSession(*m_api, connectBody(uniqueName("Slow")));
        QVERIFY(!token.isEmpty());
        SandboxFaults faults;
        faults.modalDelayMs = 300;
        m_server->setFaults(faults);
        const HttpResult page = m_anon->get(sessionPath(token));
        QCOMPARE(page.status, 200);
        QVERIFY(!modalConfig(page.body).isEmpty());
    }

    void faultsNeverTouchTypeLogos()
    {
        SandboxFaults faults;
        faults.forcedStatus = 503;
        faults.scope = QStringLiteral("/");
        m_server->setFaults(faults);
        const HttpResult logo = m_anon->get(QStringLiteral("/logos/hubspot.svg"));
        QCOMPARE(logo.status, 200);
        QCOMPARE(logo.header("Content-Type"), QByteArray("image/svg+xml"));
    }

    // --- State file ---------------------------------------------------------------------------

    void aStateFileCarriesConnectionsToAnotherServer()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        SandboxOptions options;
        options.apiKey = apiKey;
        options.stateFile = dir.filePath(QStringLiteral("state.json"));
        const QString name = uniqueName("Persisted");
        QString id;
        QString organization;
        {
            SandboxServer first(options);
            QString error;
            QVERIFY2(first.start(&error), qPrintable(error));
            auto client = clientFor(first);
            id = createConnection(*client, name);
            QVERIFY(!id.isEmpty());
            organization = first.organizationId();
        }
        SandboxServer second(options);
        QString error;
        QVERIFY2(second.start(&error), qPrintable(error));
        QCOMPARE(second.organizationId(), organization);
        auto client = clientFor(second);
        const auto connection = findConnectionNamed(*client, name);
        QVERIFY(connection.has_value());
        QCOMPARE(connection->value(QLatin1String("id")).toString(), id);
    }

    void anInvalidStateFileFailsStartNamingTheFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("broken-state.json"));
        writeFile(path, "this is not JSON");
        if (QTest::currentTestFailed())
            return;
        SandboxOptions options;
        options.stateFile = path;
        SandboxServer server(options);
        QString error;
        QVERIFY(!server.start(&error));
        QVERIFY2(error.contains(path), qPrintable(error));
        QVERIFY(!server.isRunning());
    }

    // --- Listening ----------------------------------------------------------------------------

    void startFailsClearlyWhenThePortIsTaken()
    {
        const int port = m_server->url().port();
        SandboxOptions options;
        options.port = quint16(port);
        SandboxServer second(options);
        QString error;
        QVERIFY(!second.start(&error));
        QVERIFY2(error.contains(QString::number(port)), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("--port")), qPrintable(error));
        QVERIFY(!second.isRunning());
        QCOMPARE(m_api->get(QStringLiteral("/api/me")).status, 200);
    }

    void stopThenStartKeepsConnections()
    {
        SandboxOptions options;
        options.apiKey = apiKey;
        SandboxServer server(options);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const QString name = uniqueName("Restart");
        {
            auto client = clientFor(server);
            QVERIFY(!createConnection(*client, name).isEmpty());
        }
        server.stop();
        QVERIFY(!server.isRunning());
        QVERIFY(server.url().isEmpty());
        QVERIFY2(server.start(&error), qPrintable(error));
        auto client = clientFor(server);
        QVERIFY(findConnectionNamed(*client, name).has_value());
    }

    void listensOnLoopbackOnly()
    {
        QCOMPARE(m_server->url().host(), QStringLiteral("127.0.0.1"));
        const quint16 port = quint16(m_server->url().port());
        for (const QHostAddress &address : QNetworkInterface::allAddresses()) {
            if (address.isLoopback() || address.protocol() != QAbstractSocket::IPv4Protocol)
                continue;
            QTcpSocket socket;
            socket.connectToHost(address, port);
            QVERIFY2(!socket.waitForConnected(3000), qPrintable(address.toString()));
        }
    }

    void aRequestHeadThatNeverEndsIsRefused431AndTheSandboxGoesOn()
    {
        // What a local program can send the in-process sandbox (which runs on the app's thread):
        // a head of 8 MiB without its blank line is refused once past the bound, not kept.
        QTcpSocket flood;
        flood.connectToHost(QHostAddress::LocalHost, quint16(m_server->url().port()));
        QVERIFY(flood.waitForConnected(5000));
        flood.write("GET /api/connection_types HTTP/1.1\r\nX-Junk: "
                    + QByteArray(8 * 1024 * 1024, 'x'));
        QByteArray answer;
        QTRY_VERIFY_WITH_TIMEOUT((answer += flood.readAll()).startsWith("HTTP/1.1 431 "), 10000);
        QTRY_COMPARE(flood.state(), QAbstractSocket::UnconnectedState);
        QCOMPARE(m_api->get(QStringLiteral("/api/connection_types")).status, 200);
    }

    void manyRequestsOnOneConnectionAreNotMistakenForOneLongHead()
    {
        // 2,000 requests of 1 KiB each written at once on one keep-alive connection: 2 MiB in all,
        // past the bound, yet every request ends with its blank line.
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(m_server->url().port()));
        QVERIFY(socket.waitForConnected(5000));
        const QByteArray one = "GET /nothing-here HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: "
            + QByteArray(1000, 'p') + "\r\n\r\n";
        QByteArray all;
        for (int i = 0; i < 2000; ++i)
            all += one;
        socket.write(all);
        QByteArray answers;
        QTRY_VERIFY_WITH_TIMEOUT((answers += socket.readAll()).count("HTTP/1.1 404 ") == 2000,
                                 30000);
        QCOMPARE(answers.count("HTTP/1.1 431 "), 0);
    }

    // --- Branding logo ------------------------------------------------------------------------

    void aCustomLogoIsServedAsSvg()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        SandboxOptions options;
        options.logoFile = dir.filePath(QStringLiteral("logo.svg"));
        writeFile(options.logoFile, smallSvg);
        if (QTest::currentTestFailed())
            return;
        SandboxServer server(options);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        HttpClient client(server.url());
        const HttpResult logo = client.get(QStringLiteral("/branding/logo.svg"));
        QCOMPARE(logo.status, 200);
        QCOMPARE(logo.header("Content-Type"), QByteArray("image/svg+xml"));
        QCOMPARE(logo.body, smallSvg);
    }

    void aLogoThatIsNotSvgFailsStart()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        SandboxOptions options;
        options.logoFile = dir.filePath(QStringLiteral("logo.png"));
        writeFile(options.logoFile, QByteArray("GIF89a, a raster image and no vector at all"));
        if (QTest::currentTestFailed())
            return;
        SandboxServer server(options);
        QString error;
        QVERIFY(!server.start(&error));
        QVERIFY2(error.contains(options.logoFile), qPrintable(error));
        QVERIFY(!server.isRunning());
    }

    void aLogoLargerThan256KiBFailsStart()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        SandboxOptions options;
        options.logoFile = dir.filePath(QStringLiteral("huge.svg"));
        QByteArray huge = smallSvg;
        huge.insert(huge.indexOf("</svg>"), "<!--" + QByteArray(257 * 1024, 'x') + "-->");
        writeFile(options.logoFile, huge);
        if (QTest::currentTestFailed())
            return;
        SandboxServer server(options);
        QString error;
        QVERIFY(!server.start(&error));
        QVERIFY2(error.contains(options.logoFile), qPrintable(error));
        QVERIFY(!server.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestSandboxApi)
#include "tst_sandboxapi.moc"
