// Specification: Paragon as a platform of the app (ParagonProvider, UserTokenSource,
// ParagonAttempt and its host page's channel), over real HTTP against the Paragon sandbox on
// 127.0.0.1. The SDK itself running in a page is tst_paragonsdk's; the window's, the ui tests'.
#include "HttpClient.h"
#include "core/model/ExchangeLog.h"
#include "core/model/SessionResult.h"
#include "core/paragon/Jwt.h"
#include "core/paragon/ParagonAttempt.h"
#include "core/paragon/ParagonProvider.h"
#include "sandbox/paragon/ParagonSandbox.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

#include <memory>

namespace {

constexpr int timeoutMs = 10000;

template<typename T> struct Waited
{
    std::optional<Result<T>> result;
    bool arrived() const { return result.has_value(); }
};

// Calls `start` with a callback and waits for it.
template<typename T, typename Start> Result<T> await(Start start)
{
    auto waited = std::make_shared<Waited<T>>();
    start([waited](const Result<T> &result) { waited->result = result; });
    if (!QTest::qWaitFor([&] { return waited->arrived(); }, timeoutMs))
        return Result<T>::error(
            ApiFailure::configuration(QStringLiteral("test_timeout"), QStringLiteral("no answer")));
    return *waited->result;
}

} // namespace

class TestParagonProvider : public QObject
{
    Q_OBJECT

    std::unique_ptr<ParagonSandbox> m_sandbox;

    ParagonEndpoint sandboxEndpoint(const QString &user = QStringLiteral("user-1")) const
    {
        ParagonEndpoint endpoint;
        endpoint.projectId = m_sandbox->projectId();
        endpoint.environments = m_sandbox->environments();
        endpoint.tokenUrl = m_sandbox->tokenUrl();
        QUrlQuery query(endpoint.tokenUrl);
        query.addQueryItem(QStringLiteral("sub"), user);
        endpoint.tokenUrl.setQuery(query);
        return endpoint;
    }

    // What the SDK does once an OAuth popup reports success: a credential for `type`.
    QString createCredential(const QString &user, const QString &type)
    {
        HttpClient client(m_sandbox->url()); // paths below are absolute: /zeus/…
        client.setBearer(m_sandbox->signToken(user, 600));
        const QString project = QStringLiteral("/zeus/projects/") + m_sandbox->projectId();
        const HttpResult integrations = client.get(project + QStringLiteral("/sdk/integrations"));
        QString integrationId;
        for (const QJsonValue &value : QJsonDocument::fromJson(integrations.body).array()) {
            if (value[QStringLiteral("type")].toString() == type)
                integrationId = value[QStringLiteral("id")].toString();
        }
        if (integrationId.isEmpty())
            return {};
        const QJsonObject body{{QStringLiteral("integrationId"), integrationId},
                               {QStringLiteral("payload"), QJsonObject{}},
                               {QStringLiteral("config"), QJsonObject{}},
                               {QStringLiteral("installOptions"), QJsonObject{}}};
        const HttpResult created =
            client.post(project + QStringLiteral("/sdk/credentials"), QJsonDocument(body).toJson());
        return created.json().value(QStringLiteral("id")).toString();
    }

private Q_SLOTS:
    void init()
    {
        m_sandbox = std::make_unique<ParagonSandbox>();
        QString error;
        QVERIFY2(m_sandbox->start(&error), qPrintable(error));
    }

    void cleanup() { m_sandbox.reset(); }

    void listsTheProjectsIntegrationsWithTheirIconsOnTheCdn()
    {
        ParagonProvider provider(sandboxEndpoint());
        const auto types = await<ConnectionTypeList>(
            [&](auto done) { provider.fetchConnectionTypes(this, {}, done); });
        QVERIFY2(types.ok(), qPrintable(types.failure.message()));
        QVERIFY(types.value->types.size() >= 25);
        const auto salesforce = std::find_if(
            types.value->types.begin(), types.value->types.end(),
            [](const ConnectionType &t) { return t.id == QLatin1String("salesforce"); });
        QVERIFY(salesforce != types.value->types.end());
        QCOMPARE(salesforce->name, QStringLiteral("Salesforce"));
        const QString cdn =
            m_sandbox->environments().value(QStringLiteral("CDN_PUBLIC_URL")).toString();
        QCOMPARE(salesforce->logoUrl.toString(),
                 cdn + QStringLiteral("/integrations/salesforce.svg"));
        QVERIFY(!salesforce->details.value(QStringLiteral("integrationId")).toString().isEmpty());
        QCOMPARE(salesforce->brandColor.toUpper(), QStringLiteral("#00A1E0"));
    }

    void listsEachCredentialAsAConnectionWithItsStatus()
    {
        const QString id = createCredential(QStringLiteral("user-1"), QStringLiteral("hubspot"));
        QVERIFY(!id.isEmpty());
        ParagonProvider provider(sandboxEndpoint());
        const auto connections =
            await<QList<Connection>>([&](auto done) { provider.fetchConnections(this, done); });
        QVERIFY2(connections.ok(), qPrintable(connections.failure.message()));
        QCOMPARE(connections.value->size(), 1);
        const Connection &connection = connections.value->constFirst();
        QCOMPARE(connection.id, id);
        QCOMPARE(connection.typeId, QStringLiteral("hubspot"));
        QCOMPARE(connection.typeName, QStringLiteral("HubSpot"));
        QCOMPARE(connection.status, QStringLiteral("healthy"));
    }

    void anotherUsersCredentialsAreNotListed()
    {
        QVERIFY(
            !createCredential(QStringLiteral("someone-else"), QStringLiteral("slack")).isEmpty());
        ParagonProvider provider(sandboxEndpoint(QStringLiteral("user-1")));
        const auto connections =
            await<QList<Connection>>([&](auto done) { provider.fetchConnections(this, done); });
        QVERIFY2(connections.ok(), qPrintable(connections.failure.message()));
        QVERIFY(connections.value->isEmpty());
    }

    void removingAConnectionUninstallsThatCredential()
    {
        const QString id = createCredential(QStringLiteral("user-1"), QStringLiteral("jira"));
        ParagonProvider provider(sandboxEndpoint());
        QVERIFY(await<QList<Connection>>([&](auto done) {
                    provider.fetchConnections(this, done);
                }).ok());
        const auto removed =
            await<bool>([&](auto done) { provider.removeConnection(id, this, done); });
        QVERIFY2(removed.ok(), qPrintable(removed.failure.message()));
        const auto after =
            await<QList<Connection>>([&](auto done) { provider.fetchConnections(this, done); });
        QVERIFY(after.ok());
        QVERIFY(after.value->isEmpty());
    }

    void tokensSignedWithTheProjectsKeyAreAccepted()
    {
        ParagonEndpoint endpoint = sandboxEndpoint();
        endpoint.tokenSource = ParagonEndpoint::TokenSource::SigningKey;
        endpoint.signingKeyPem = m_sandbox->signingKeyPem();
        endpoint.userId = QStringLiteral("support-test-user");
        ParagonProvider provider(endpoint);
        const auto connections =
            await<QList<Connection>>([&](auto done) { provider.fetchConnections(this, done); });
        QVERIFY2(connections.ok(), qPrintable(connections.failure.message()));
    }

    void aTokenSignedWithAnotherKeyIsRefusedWithWhatToCheck()
    {
        ParagonEndpoint endpoint = sandboxEndpoint();
        endpoint.tokenSource = ParagonEndpoint::TokenSource::SigningKey;
        endpoint.signingKeyPem = Jwt::generateKeyPair().privateKeyPem;
        endpoint.userId = QStringLiteral("user-1");
        ParagonProvider provider(endpoint);
        const auto types = await<ConnectionTypeList>(
            [&](auto done) { provider.fetchConnectionTypes(this, {}, done); });
        QVERIFY(!types.ok());
        QCOMPARE(types.failure.code(), QStringLiteral("token_refused"));
        QVERIFY(types.failure.message().contains(m_sandbox->projectId()));
    }

    void anExpiredTokenFromTheTokenUrlIsNotUsed()
    {
        ParagonSandboxOptions options;
        options.tokenFault = QStringLiteral("expired");
        m_sandbox = std::make_unique<ParagonSandbox>(options);
        QString error;
        QVERIFY2(m_sandbox->start(&error), qPrintable(error));
        ParagonProvider provider(sandboxEndpoint());
        const auto types = await<ConnectionTypeList>(
            [&](auto done) { provider.fetchConnectionTypes(this, {}, done); });
        QVERIFY(!types.ok());
        QCOMPARE(types.failure.code(), QStringLiteral("token_expired"));
    }

    void aTokenUrlThatIsNotThereSaysWhereItLooked()
    {
        ParagonEndpoint endpoint = sandboxEndpoint();
        endpoint.tokenUrl = QUrl(QStringLiteral("http://127.0.0.1:9/token"));
        ParagonProvider provider(endpoint);
        const auto types = await<ConnectionTypeList>(
            [&](auto done) { provider.fetchConnectionTypes(this, {}, done); });
        QVERIFY(!types.ok());
        QCOMPARE(types.failure.code(), QStringLiteral("network"));
        QVERIFY(types.failure.message().contains(QStringLiteral("127.0.0.1")));
    }

    void theLaunchIsTheAppsHostPageOnLoopbackWithTheTokenAmongItsSecrets()
    {
        ParagonProvider provider(sandboxEndpoint());
        ExchangeLog log;
        SessionRequest request;
        request.integrations = {QStringLiteral("salesforce")};
        ParagonAttempt attempt(&provider, request, &log);
        const auto launch = await<ConnectLaunch>([&](auto done) { attempt.launch(this, done); });
        QVERIFY2(launch.ok(), qPrintable(launch.failure.message()));
        QCOMPARE(launch.value->shape, ConnectLaunch::Shape::HostedPage);
        QVERIFY(launch.value->pageSaysReady);
        QCOMPARE(launch.value->url.host(), QStringLiteral("127.0.0.1"));
        QVERIFY(launch.value->watch.isNull());
        QCOMPARE(launch.value->secrets.size(), 3);
        QVERIFY(Jwt::decodePayload(launch.value->secrets.constFirst()).has_value());
        // The page itself carries the SDK's settings; the token never rides in its address.
        QVERIFY(!launch.value->url.toString().contains(launch.value->secrets.constFirst()));
        HttpClient client(launch.value->url);
        const HttpResult page = client.get(QString());
        QCOMPARE(page.status, 200);
        QVERIFY(page.header("Content-Security-Policy").contains("script-src 'self'"));
        QCOMPARE(client.get(QStringLiteral("ConnectSDK.js")).status, 200);
    }

    void severalIntegrationsInOneAttemptAreRefused()
    {
        ParagonProvider provider(sandboxEndpoint());
        SessionRequest request;
        request.integrations = {QStringLiteral("salesforce"), QStringLiteral("hubspot")};
        ParagonAttempt attempt(&provider, request, nullptr);
        const auto launch = await<ConnectLaunch>([&](auto done) { attempt.launch(this, done); });
        QVERIFY(!launch.ok());
        QCOMPARE(launch.failure.code(), QStringLiteral("choose_integration"));
    }

    void aReportWithoutTheSessionsSecretIsRefused()
    {
        ParagonProvider provider(sandboxEndpoint());
        SessionRequest request;
        request.integrations = {QStringLiteral("slack")};
        ParagonAttempt attempt(&provider, request, nullptr);
        const auto launch = await<ConnectLaunch>([&](auto done) { attempt.launch(this, done); });
        QVERIFY(launch.ok());
        QSignalSpy reported(&attempt, &ConnectAttempt::reported);
        const QString origin = QStringLiteral("http://127.0.0.1:%1").arg(launch.value->url.port());
        HttpClient client(launch.value->url);
        const QByteArray body = R"({"kind": "closed"})";
        QCOMPARE(client.post(QStringLiteral("report"), body, {{"Origin", origin.toUtf8()}}).status,
                 403);
        QCOMPARE(reported.count(), 0);
    }

    void aReportFromAnotherOriginIsRefused()
    {
        ParagonProvider provider(sandboxEndpoint());
        SessionRequest request;
        request.integrations = {QStringLiteral("slack")};
        ParagonAttempt attempt(&provider, request, nullptr);
        const auto launch = await<ConnectLaunch>([&](auto done) { attempt.launch(this, done); });
        QVERIFY(launch.ok());
        QSignalSpy reported(&attempt, &ConnectAttempt::reported);
        const QByteArray secret = launch.value->secrets.at(1).toUtf8();
        const QByteArray portal = m_sandbox->url().toString().toUtf8();
        HttpClient client(launch.value->url);
        const QByteArray body = R"({"kind": "closed"})";
        QCOMPARE(client
                     .post(QStringLiteral("report"), body,
                           {{"Origin", portal}, {"X-Connect-Desktop-Session", secret}})
                     .status,
                 403);
        QCOMPARE(reported.count(), 0);
    }

    void aReportFromThePageReachesTheSessionWithoutItsOtherFields()
    {
        ParagonProvider provider(sandboxEndpoint());
        SessionRequest request;
        request.integrations = {QStringLiteral("slack")};
        ParagonAttempt attempt(&provider, request, nullptr);
        const auto launch = await<ConnectLaunch>([&](auto done) { attempt.launch(this, done); });
        QVERIFY(launch.ok());
        QSignalSpy reported(&attempt, &ConnectAttempt::reported);
        const QString origin = QStringLiteral("http://127.0.0.1:%1").arg(launch.value->url.port());
        HttpClient client(launch.value->url);
        const QByteArray body =
            R"({"kind": "installed", "integration": "slack", "credentialId": "c-1", "user": {"token": "t"}})";
        QCOMPARE(client
                     .post(QStringLiteral("report"), body,
                           {{"Origin", origin.toUtf8()},
                            {"X-Connect-Desktop-Session", launch.value->secrets.at(1).toUtf8()}})
                     .status,
                 204);
        QCOMPARE(reported.count(), 1);
        const PageEvent event = reported.at(0).at(0).value<PageEvent>();
        QCOMPARE(event.kind, PageEvent::Kind::Installed);
        QCOMPARE(event.payload.value(QStringLiteral("credentialId")).toString(),
                 QStringLiteral("c-1"));
        QVERIFY(!event.payload.contains(QStringLiteral("user")));
    }

    void theSecondReportOfAnInstallIsNotCountedAgain()
    {
        ParagonProvider provider(sandboxEndpoint());
        SessionRequest request;
        request.integrations = {QStringLiteral("slack")};
        ParagonAttempt attempt(&provider, request, nullptr);
        PageEvent installed;
        installed.kind = PageEvent::Kind::Installed;
        installed.payload = {{QStringLiteral("integration"), QStringLiteral("slack")},
                             {QStringLiteral("credentialId"), QStringLiteral("c-1")}};
        SessionResult result;
        QString code;
        QString message;
        QCOMPARE(attempt.judge(installed, &result, &code, &message),
                 ConnectAttempt::Verdict::Ignore);
        QCOMPARE(attempt.judge(installed, &result, &code, &message),
                 ConnectAttempt::Verdict::Ignore);
        PageEvent closed;
        closed.kind = PageEvent::Kind::Closed;
        QCOMPARE(attempt.judge(closed, &result, &code, &message), ConnectAttempt::Verdict::Confirm);
    }

    void closingThePortalBeforeAnyInstallIsACancel()
    {
        ParagonProvider provider(sandboxEndpoint());
        SessionRequest request;
        request.integrations = {QStringLiteral("slack")};
        ParagonAttempt attempt(&provider, request, nullptr);
        PageEvent closed;
        closed.kind = PageEvent::Kind::Closed;
        SessionResult result;
        QString code;
        QString message;
        QCOMPARE(attempt.judge(closed, &result, &code, &message), ConnectAttempt::Verdict::Cancel);
    }

    void aBlockedPopupFailsWithWhatToDo()
    {
        ParagonProvider provider(sandboxEndpoint());
        SessionRequest request;
        request.integrations = {QStringLiteral("slack")};
        ParagonAttempt attempt(&provider, request, nullptr);
        PageEvent error;
        error.kind = PageEvent::Kind::Error;
        error.payload = {
            {QStringLiteral("code"), QStringLiteral("popup_blocked")},
            {QStringLiteral("message"), QStringLiteral("Popup was blocked by the browser.")}};
        SessionResult result;
        QString code;
        QString message;
        QCOMPARE(attempt.judge(error, &result, &code, &message), ConnectAttempt::Verdict::Fail);
        QCOMPARE(code, QStringLiteral("popup_blocked"));
        QVERIFY(message.contains(QStringLiteral("Try again")));
    }

    void theOutcomeIsConfirmedFromTheUsersState()
    {
        ParagonProvider provider(sandboxEndpoint());
        const QString id = createCredential(QStringLiteral("user-1"), QStringLiteral("notion"));
        SessionRequest request;
        request.integrations = {QStringLiteral("notion")};
        ParagonAttempt attempt(&provider, request, nullptr);
        PageEvent installed;
        installed.kind = PageEvent::Kind::Installed;
        installed.payload = {{QStringLiteral("integration"), QStringLiteral("notion")},
                             {QStringLiteral("credentialId"), id}};
        SessionResult result;
        QString code;
        QString message;
        attempt.judge(installed, &result, &code, &message);
        const auto confirmed =
            await<std::optional<Connection>>([&](auto done) { attempt.confirm(this, done); });
        QVERIFY2(confirmed.ok(), qPrintable(confirmed.failure.message()));
        QVERIFY(confirmed.value->has_value());
        QCOMPARE((*confirmed.value)->id, id);
        QVERIFY((*confirmed.value)->isHealthy());
    }

    void anInstallParagonDoesNotListFailsTheConfirmation()
    {
        ParagonProvider provider(sandboxEndpoint());
        SessionRequest request;
        request.integrations = {QStringLiteral("notion")};
        ParagonAttempt attempt(&provider, request, nullptr);
        PageEvent installed;
        installed.kind = PageEvent::Kind::Installed;
        installed.payload = {{QStringLiteral("integration"), QStringLiteral("notion")},
                             {QStringLiteral("credentialId"),
                              QStringLiteral("00000000-0000-4000-8000-000000000000")}};
        SessionResult result;
        QString code;
        QString message;
        attempt.judge(installed, &result, &code, &message);
        const auto confirmed =
            await<std::optional<Connection>>([&](auto done) { attempt.confirm(this, done); });
        QVERIFY(!confirmed.ok());
        QCOMPARE(confirmed.failure.code(), QStringLiteral("credential_missing"));
    }
};

QTEST_GUILESS_MAIN(TestParagonProvider)
#include "tst_paragonprovider.moc"
