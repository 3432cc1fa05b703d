// Specification: the Paragon sandbox's contract over real HTTP on 127.0.0.1, as Paragon's SDK and
// a customer's own page meet it: the token URL, the checks on every zeus call, the catalogue and
// its icons, CORS for loopback pages, the state file and the fault options. The SDK running
// against it in a page is tst_paragonwindow's (and the app's provider, tst_paragonprovider's).
#include "HttpClient.h"
#include "core/paragon/Jwt.h"
#include "sandbox/paragon/ParagonSandbox.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

namespace {

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::unique_ptr<ParagonSandbox> started(const ParagonSandboxOptions &options = {})
{
    auto sandbox = std::make_unique<ParagonSandbox>(options);
    QString error;
    if (!sandbox->start(&error)) {
        qWarning() << "the Paragon sandbox did not start:" << error;
        return nullptr;
    }
    return sandbox;
}

QString sdkPath(const ParagonSandbox &sandbox, const QString &rest)
{
    return QStringLiteral("/zeus/projects/%1/sdk/%2").arg(sandbox.projectId(), rest);
}

// An OPTIONS request as a browser sends before a cross-origin call with a bearer token.
HttpResult preflight(const QUrl &url, const QByteArray &origin)
{
    QNetworkAccessManager manager;
    QNetworkRequest request(url);
    request.setRawHeader("Origin", origin);
    request.setRawHeader("Access-Control-Request-Method", "GET");
    request.setRawHeader("Access-Control-Request-Headers", "authorization");
    return HttpClient::wait(manager.sendCustomRequest(request, "OPTIONS"));
}

} // namespace

class TestParagonSandbox : public QObject
{
    Q_OBJECT

    // A credential for `type`, made as the SDK makes one once a sign-in is done.
    static HttpResult createCredential(const ParagonSandbox &sandbox, const QString &user,
                                       const QString &type)
    {
        HttpClient client(sandbox.url());
        client.setBearer(sandbox.signToken(user, 600));
        QString integrationId;
        const HttpResult list = client.get(sdkPath(sandbox, QStringLiteral("integrations")));
        for (const QJsonValue &value : QJsonDocument::fromJson(list.body).array()) {
            if (value[QStringLiteral("type")].toString() == type)
                integrationId = value[QStringLiteral("id")].toString();
        }
        return client.post(sdkPath(sandbox, QStringLiteral("credentials")),
                           compact({{QStringLiteral("integrationId"), integrationId},
                                    {QStringLiteral("payload"), QJsonObject{}}}));
    }

private Q_SLOTS:
    void itListensOnLoopbackOnly()
    {
        const auto sandbox = started();
        QVERIFY(sandbox);
        QCOMPARE(sandbox->url().host(), QStringLiteral("127.0.0.1"));
        const auto environments = sandbox->environments();
        QCOMPARE(environments.size(), 9);
        for (const QUrl &service : environments)
            QCOMPARE(service.host(), QStringLiteral("127.0.0.1"));
    }

    void theTokenUrlSignsATokenForTheNamedUserThatZeusAccepts()
    {
        const auto sandbox = started();
        QVERIFY(sandbox);
        HttpClient backend(sandbox->tokenUrl());
        const HttpResult answer = backend.get(QStringLiteral("?sub=alice%40example.com"));
        QCOMPARE(answer.status, 200);
        const QString token = answer.json().value(QStringLiteral("token")).toString();
        const auto claims = Jwt::decodePayload(token);
        QVERIFY(claims.has_value());
        QCOMPARE(claims->value(QStringLiteral("sub")).toString(),
                 QStringLiteral("alice@example.com"));
        QVERIFY(claims->value(QStringLiteral("exp")).toDouble()
                > double(QDateTime::currentSecsSinceEpoch()));
        QVERIFY(Jwt::verifyRs256(token, sandbox->signingKeyPem(), nullptr));

        HttpClient zeus(sandbox->url());
        zeus.setBearer(token);
        QCOMPARE(zeus.get(sdkPath(*sandbox, QStringLiteral("me"))).status, 200);
    }

    void theTokenUrlWithoutAUserSaysHowToNameOne()
    {
        const auto sandbox = started();
        QVERIFY(sandbox);
        HttpClient backend(sandbox->tokenUrl());
        const HttpResult answer = backend.get(QString());
        QCOMPARE(answer.status, 400);
        QVERIFY2(answer.body.contains("?sub="), answer.body.constData());
    }

    void zeusRefusesACallWithoutAValidToken_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("none") << QStringLiteral("none");
        QTest::newRow("not a JWT") << QStringLiteral("garbage");
        QTest::newRow("signed with another key") << QStringLiteral("forged");
        QTest::newRow("expired") << QStringLiteral("expired");
        QTest::newRow("without a subject") << QStringLiteral("anonymous");
    }

    void zeusRefusesACallWithoutAValidToken()
    {
        QFETCH(QString, kind);
        const auto sandbox = started();
        QVERIFY(sandbox);
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        QString token;
        if (kind == QLatin1String("garbage"))
            token = QStringLiteral("not.a.token");
        else if (kind == QLatin1String("forged"))
            token = Jwt::signRs256({{QStringLiteral("sub"), QStringLiteral("alice")},
                                    {QStringLiteral("exp"), double(now + 600)}},
                                   Jwt::generateKeyPair().privateKeyPem);
        else if (kind == QLatin1String("expired"))
            token = sandbox->signToken(QStringLiteral("alice"), -60);
        else if (kind == QLatin1String("anonymous"))
            token = Jwt::signRs256({{QStringLiteral("exp"), double(now + 600)}},
                                   sandbox->signingKeyPem());
        HttpClient zeus(sandbox->url());
        zeus.setBearer(token);
        const HttpResult answer = zeus.get(sdkPath(*sandbox, QStringLiteral("me")));
        QCOMPARE(answer.status, 401);
        QCOMPARE(answer.json().value(QStringLiteral("message")).toString(),
                 QStringLiteral("Unauthorized"));
    }

    void anotherProjectIsNotFoundAndTheAnswerNamesTheSandboxsProject()
    {
        const auto sandbox = started();
        QVERIFY(sandbox);
        HttpClient zeus(sandbox->url());
        zeus.setBearer(sandbox->signToken(QStringLiteral("alice"), 600));
        const HttpResult answer =
            zeus.get(QStringLiteral("/zeus/projects/%1/sdk/me")
                         .arg(QUuid::createUuid().toString(QUuid::WithoutBraces)));
        QCOMPARE(answer.status, 404);
        QVERIFY2(answer.body.contains(sandbox->projectId().toUtf8()), answer.body.constData());
    }

    void theProjectIdCanBeChosen()
    {
        ParagonSandboxOptions options;
        options.projectId = QStringLiteral("acme-test-1");
        const auto sandbox = started(options);
        QVERIFY(sandbox);
        QCOMPARE(sandbox->projectId(), QStringLiteral("acme-test-1"));
        HttpClient zeus(sandbox->url());
        zeus.setBearer(sandbox->signToken(QStringLiteral("alice"), 600));
        QCOMPARE(zeus.get(QStringLiteral("/zeus/projects/acme-test-1/sdk/me")).status, 200);
    }

    void theCatalogueHasTheBestKnownIntegrationsEachWithItsOwnIcon()
    {
        const auto sandbox = started();
        QVERIFY(sandbox);
        HttpClient zeus(sandbox->url());
        zeus.setBearer(sandbox->signToken(QStringLiteral("alice"), 600));
        const QJsonArray list =
            QJsonDocument::fromJson(
                zeus.get(sdkPath(*sandbox, QStringLiteral("integrations"))).body)
                .array();
        QVERIFY2(list.size() >= 25, qPrintable(QString::number(list.size())));
        QStringList types;
        for (const QJsonValue &value : list) {
            const QJsonObject integration = value.toObject();
            const QString type = integration.value(QStringLiteral("type")).toString();
            types.append(type);
            QVERIFY2(!integration.value(QStringLiteral("name")).toString().isEmpty(),
                     qPrintable(type));
            QVERIFY2(QRegularExpression(QStringLiteral("^#[0-9A-Fa-f]{6}$"))
                         .match(integration.value(QStringLiteral("brandColor")).toString())
                         .hasMatch(),
                     qPrintable(type));
            QVERIFY(
                !QUuid::fromString(integration.value(QStringLiteral("id")).toString()).isNull());
            const HttpResult icon = HttpClient(sandbox->url())
                                        .get(QStringLiteral("/cdn/integrations/%1.svg").arg(type));
            QCOMPARE(icon.status, 200);
            QVERIFY2(icon.header("Content-Type").startsWith("image/svg+xml"), qPrintable(type));
            QVERIFY2(icon.body.contains("<svg"), qPrintable(type));
        }
        for (const char *known : {"salesforce", "hubspot", "slack", "jira", "notion"})
            QVERIFY2(types.contains(QLatin1String(known)), known);
        QCOMPARE(QSet<QString>(types.begin(), types.end()).size(), types.size());
    }

    void aLoopbackPageMayCallTheSandboxWithAToken()
    {
        const auto sandbox = started();
        QVERIFY(sandbox);
        const QUrl me = sandbox->url().resolved(QUrl(sdkPath(*sandbox, QStringLiteral("me"))));
        const HttpResult answer = preflight(me, "http://127.0.0.1:43210");
        QCOMPARE(answer.status, 204);
        QCOMPARE(answer.header("Access-Control-Allow-Origin"),
                 QByteArray("http://127.0.0.1:43210"));
        QVERIFY(answer.header("Access-Control-Allow-Headers").contains("Authorization"));
        QVERIFY(answer.header("Access-Control-Allow-Methods").contains("DELETE"));
    }

    void aRemotePageGetsNoPermission()
    {
        const auto sandbox = started();
        QVERIFY(sandbox);
        const QUrl me = sandbox->url().resolved(QUrl(sdkPath(*sandbox, QStringLiteral("me"))));
        const HttpResult answer = preflight(me, "https://attacker.example");
        QVERIFY(answer.header("Access-Control-Allow-Origin").isEmpty());
        HttpClient client(sandbox->url());
        client.setBearer(sandbox->signToken(QStringLiteral("alice"), 600));
        const HttpResult call = client.get(sdkPath(*sandbox, QStringLiteral("me")),
                                           {{"Origin", "https://attacker.example"}});
        QVERIFY(call.header("Access-Control-Allow-Origin").isEmpty());
    }

    void aNewCredentialIsValidWithAUuidAndListedForItsUserOnly()
    {
        const auto sandbox = started();
        QVERIFY(sandbox);
        const HttpResult created =
            createCredential(*sandbox, QStringLiteral("alice"), QStringLiteral("hubspot"));
        QCOMPARE(created.status, 200);
        const QString id = created.json().value(QStringLiteral("id")).toString();
        QVERIFY(!QUuid::fromString(id).isNull());
        QCOMPARE(created.json().value(QStringLiteral("status")).toString(),
                 QStringLiteral("VALID"));

        HttpClient alice(sandbox->url());
        alice.setBearer(sandbox->signToken(QStringLiteral("alice"), 600));
        const QJsonObject hubspot = alice.get(sdkPath(*sandbox, QStringLiteral("me")))
                                        .json()[QStringLiteral("integrations")]
                                        .toObject()[QStringLiteral("hubspot")]
                                        .toObject();
        QCOMPARE(hubspot.value(QStringLiteral("credentialId")).toString(), id);
        QCOMPARE(hubspot.value(QStringLiteral("credentialStatus")).toString(),
                 QStringLiteral("VALID"));
        QVERIFY(hubspot.value(QStringLiteral("enabled")).toBool());

        HttpClient bob(sandbox->url());
        bob.setBearer(sandbox->signToken(QStringLiteral("bob"), 600));
        QVERIFY(bob.get(sdkPath(*sandbox, QStringLiteral("me")))
                    .json()[QStringLiteral("integrations")]
                    .toObject()[QStringLiteral("hubspot")]
                    .toObject()[QStringLiteral("allCredentials")]
                    .toArray()
                    .isEmpty());
    }

    void credentialsAndTheKeySurviveARestartWithAStateFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        ParagonSandboxOptions options;
        options.stateFile = dir.filePath(QStringLiteral("paragon.json"));
        QString id;
        QString token;
        {
            const auto first = started(options);
            QVERIFY(first);
            id = createCredential(*first, QStringLiteral("alice"), QStringLiteral("slack"))
                     .json()
                     .value(QStringLiteral("id"))
                     .toString();
            QVERIFY(!id.isEmpty());
            token = first->signToken(QStringLiteral("alice"), 600);
        }
        const auto second = started(options);
        QVERIFY(second);
        HttpClient alice(second->url());
        alice.setBearer(token); // signed before the restart
        const HttpResult me = alice.get(sdkPath(*second, QStringLiteral("me")));
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json()[QStringLiteral("integrations")]
                     .toObject()[QStringLiteral("slack")]
                     .toObject()
                     .value(QStringLiteral("credentialId"))
                     .toString(),
                 id);
    }

    void thePortalIsAPageOfItsOwnThatSaysItIsAStandIn()
    {
        const auto sandbox = started();
        QVERIFY(sandbox);
        HttpClient connect(sandbox->url());
        const HttpResult portal = connect.get(QStringLiteral("/connect/ui"));
        QCOMPARE(portal.status, 200);
        QVERIFY(portal.header("Content-Type").startsWith("text/html"));
        QVERIFY(portal.body.contains("portal.js"));
        QCOMPARE(connect.get(QStringLiteral("/connect/portal.js")).status, 200);
        const HttpResult strings = connect.get(QStringLiteral("/sandbox/strings.js"));
        QCOMPARE(strings.status, 200);
        QVERIFY(strings.body.contains("stand-in"));
    }

    // --- fault options ------------------------------------------------------------------------

    void theTokenFaultsHandOutTokensZeusRefuses_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::newRow("expired") << QStringLiteral("expired");
        QTest::newRow("forged") << QStringLiteral("forged");
    }

    void theTokenFaultsHandOutTokensZeusRefuses()
    {
        QFETCH(QString, fault);
        ParagonSandboxOptions options;
        options.tokenFault = fault;
        const auto sandbox = started(options);
        QVERIFY(sandbox);
        HttpClient backend(sandbox->tokenUrl());
        const QString token = backend.get(QStringLiteral("?sub=alice"))
                                  .json()
                                  .value(QStringLiteral("token"))
                                  .toString();
        QVERIFY(Jwt::decodePayload(token).has_value());
        HttpClient zeus(sandbox->url());
        zeus.setBearer(token);
        QCOMPARE(zeus.get(sdkPath(*sandbox, QStringLiteral("me"))).status, 401);
    }

    void theOAuthStartFaultAnswersItsStatus()
    {
        ParagonSandboxOptions options;
        options.oauthStartStatus = 429;
        const auto sandbox = started(options);
        QVERIFY(sandbox);
        HttpClient zeus(sandbox->url());
        zeus.setBearer(sandbox->signToken(QStringLiteral("alice"), 600));
        const HttpResult answer =
            zeus.get(sdkPath(*sandbox, QStringLiteral("actions/build-oauth?integrationId=x")));
        QCOMPARE(answer.status, 429);
        QVERIFY(!answer.json().value(QStringLiteral("message")).toString().isEmpty());
    }

    void thePendingFaultLeavesNewCredentialsPending()
    {
        ParagonSandboxOptions options;
        options.pendingCredentials = true;
        const auto sandbox = started(options);
        QVERIFY(sandbox);
        const HttpResult created =
            createCredential(*sandbox, QStringLiteral("alice"), QStringLiteral("jira"));
        QCOMPARE(created.json().value(QStringLiteral("status")).toString(),
                 QStringLiteral("PENDING"));
    }

    void theBlankPortalFaultServesAPageThatNeverSpeaks()
    {
        ParagonSandboxOptions options;
        options.blankPortal = true;
        const auto sandbox = started(options);
        QVERIFY(sandbox);
        const HttpResult portal = HttpClient(sandbox->url()).get(QStringLiteral("/connect/ui"));
        QCOMPARE(portal.status, 200);
        QVERIFY(!portal.body.contains("<script"));
    }
};

QTEST_GUILESS_MAIN(TestParagonSandbox)
#include "tst_paragonsandbox.moc"
