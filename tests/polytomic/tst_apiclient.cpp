// Specification: the API client against the real sandbox on 127.0.0.1: headers, both error
// shapes, timeouts, retries of safe failures with one idempotency key, and redacted logs.
#include "ModalOverHttp.h"
#include "core/model/ExchangeLog.h"
#include "core/polytomic/ApiClient.h"
#include "core/polytomic/PolytomicProvider.h"
#include "sandbox/SandboxServer.h"

#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

namespace {

const QString apiKey = QStringLiteral("sk_live_test_0123456789");

} // namespace

class TestApiClient : public QObject
{
    Q_OBJECT

    SandboxServer *m_server = nullptr;

    ApiEndpoint endpoint() const
    {
        ApiEndpoint endpoint;
        endpoint.baseUrl = m_server->url();
        endpoint.apiKey = apiKey;
        endpoint.timeoutMs = 5000;
        endpoint.backoffMs = 20;
        return endpoint;
    }

    template<typename T>
    Result<T> await(const std::function<void(QObject *, ResultCallback<T>)> &start)
    {
        std::optional<Result<T>> result;
        start(this, [&](const Result<T> &r) { result = r; });
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000);
        }();
        return result.value_or(Result<T>::error({}));
    }

    Result<ConnectSessionTicket> createSession(PolytomicProvider &provider, const QString &name,
                                               ExchangeLog *log = nullptr)
    {
        SessionRequest request;
        request.name = name;
        request.integrations = {QStringLiteral("postgresql")};
        return await<ConnectSessionTicket>([&](QObject *context,
                                               ResultCallback<ConnectSessionTicket> done) {
            provider.createSession(request, QUrl(QStringLiteral("http://127.0.0.1:9/done?state=x")),
                                   log, context, done);
        });
    }

    QList<SandboxServer::ReceivedRequest> connectPosts() const
    {
        QList<SandboxServer::ReceivedRequest> posts;
        for (const auto &request : m_server->receivedRequests()) {
            if (request.method == QLatin1String("POST"))
                posts.append(request);
        }
        return posts;
    }

private Q_SLOTS:
    void initTestCase()
    {
        SandboxOptions options;
        options.apiKey = apiKey;
        m_server = new SandboxServer(options, this);
        QVERIFY(m_server->start());
    }

    void cleanup() { m_server->setFaults({}); }

    void sendsTheVersionHeaderAndKeepsTheTrailingSlash()
    {
        PolytomicProvider provider(endpoint());
        const int before = m_server->receivedRequests().size();
        QVERIFY(createSession(provider, QStringLiteral("slash")).ok());
        const auto received = m_server->receivedRequests().mid(before);
        QCOMPARE(received.size(), 1);
        QCOMPARE(received.constFirst().path, QStringLiteral("/api/connections/connect/"));
        QCOMPARE(received.constFirst().apiVersion, ApiVersion::latest());
        QVERIFY(!received.constFirst().idempotencyKey.isEmpty());
    }

    void aCallThatFailsAsItStartsIsStillReported()
    {
        // Qt refuses this address while the call is being started, before the caller could
        // connect to it: the failure must still reach the caller.
        ApiEndpoint bad = endpoint();
        bad.baseUrl = QUrl(QStringLiteral("gopher://127.0.0.1:9"));
        bad.maxAttempts = 1;
        PolytomicProvider provider(bad);
        const auto result = await<ConnectionTypeList>(
            [&](QObject *context, ResultCallback<ConnectionTypeList> done) {
                provider.fetchConnectionTypes(context, {}, done);
            });
        QVERIFY(!result.ok());
        QCOMPARE(result.failure.kind, ApiFailure::Kind::Network);
    }

    void theExchangeDoesNotWaitForABusyCaller()
    {
        // The platform answers from a thread of its own here, so that only the caller's thread
        // is busy, as the UI thread is while it makes a connect window.
        QThread serverThread;
        SandboxOptions options;
        options.apiKey = apiKey;
        auto *server = new SandboxServer(options);
        server->moveToThread(&serverThread);
        serverThread.start();
        const auto stopServer = qScopeGuard([&] {
            QMetaObject::invokeMethod(
                server, [server] { delete server; }, Qt::BlockingQueuedConnection);
            serverThread.quit();
            serverThread.wait();
        });
        QUrl url;
        QMetaObject::invokeMethod(
            server, [server, &url] { url = server->start() ? server->url() : QUrl(); },
            Qt::BlockingQueuedConnection);
        QVERIFY(url.isValid());

        ApiEndpoint ep = endpoint();
        ep.baseUrl = url;
        ApiClient client(ep);
        ExchangeLog log;
        ApiCall *call = client.get(QStringLiteral("/api/connection_types"), {}, &log);
        QSignalSpy finished(call, &ApiCall::finished);
        // The caller's thread is blocked, as by a long layout, before it sees any event again.
        constexpr int busyMs = 1000;
        QThread::msleep(busyMs);
        QVERIFY(finished.wait(5000));
        QCOMPARE(log.entries().size(), 1);
        QCOMPARE(log.entries().constFirst().status, 200);
        // The exchange itself took a fraction of that: it went on while the caller was busy.
        QVERIFY2(log.entries().constFirst().durationMs < busyMs / 2,
                 qPrintable(QString::number(log.entries().constFirst().durationMs)));
    }

    void theConnectionTypesComeWithAValidator()
    {
        PolytomicProvider provider(endpoint());
        const auto result = await<ConnectionTypeList>(
            [&](QObject *context, ResultCallback<ConnectionTypeList> done) {
                provider.fetchConnectionTypes(context, {}, done);
            });
        QVERIFY(result.ok());
        QVERIFY(!result.value->unchanged);
        QVERIFY(!result.value->types.isEmpty());
        QVERIFY(!result.value->validators.etag.isEmpty());
    }

    void unchangedConnectionTypesAreNotSentAgain()
    {
        PolytomicProvider provider(endpoint());
        auto fetch = [&](const HttpValidators &known) {
            return await<ConnectionTypeList>(
                [&](QObject *context, ResultCallback<ConnectionTypeList> done) {
                    provider.fetchConnectionTypes(context, known, done);
                });
        };
        const auto first = fetch({});
        QVERIFY(first.ok());
        const auto second = fetch(first.value->validators);
        QVERIFY(second.ok());
        QVERIFY(second.value->unchanged);
        QVERIFY(second.value->types.isEmpty());
        QCOMPARE(second.value->validators, first.value->validators);
    }

    void staleValidatorsGetTheWholeList()
    {
        PolytomicProvider provider(endpoint());
        HttpValidators stale;
        stale.etag = QByteArrayLiteral("\"from-another-day\"");
        const auto result = await<ConnectionTypeList>(
            [&](QObject *context, ResultCallback<ConnectionTypeList> done) {
                provider.fetchConnectionTypes(context, stale, done);
            });
        QVERIFY(result.ok());
        QVERIFY(!result.value->unchanged);
        QVERIFY(!result.value->types.isEmpty());
        QVERIFY(result.value->validators.etag != stale.etag);
    }

    void keepsAPathPrefixOfTheBaseUrl()
    {
        ApiEndpoint prefixed = endpoint();
        prefixed.baseUrl = QUrl(QStringLiteral("https://example.com/polytomic/"));
        ApiClient client(prefixed);
        QCOMPARE(client.urlFor(QStringLiteral("/api/connections/connect/")),
                 QUrl(QStringLiteral("https://example.com/polytomic/api/connections/connect/")));
    }

    void aRefusedKeyIs401WithAMessageAboutTheKey()
    {
        ApiEndpoint wrong = endpoint();
        wrong.apiKey = QStringLiteral("not-the-key");
        PolytomicProvider provider(wrong);
        const auto result = createSession(provider, QStringLiteral("k"));
        QVERIFY(!result.ok());
        QCOMPARE(result.failure.code(), QStringLiteral("unauthorized"));
        QCOMPARE(result.failure.serverMessage,
                 QStringLiteral("invalid token")); // second error shape
        QVERIFY(result.failure.message().contains(QLatin1String("key")));
        QCOMPARE(result.failure.attempts, 1);
    }

    void a422CarriesTheServersMessageAndIsNotRetried()
    {
        PolytomicProvider provider(endpoint());
        SessionRequest request;
        request.name = QStringLiteral("bad whitelist");
        request.integrations = {QStringLiteral("no-such-type")};
        const auto result = await<ConnectSessionTicket>(
            [&](QObject *context, ResultCallback<ConnectSessionTicket> done) {
                provider.createSession(request, QUrl(QStringLiteral("http://127.0.0.1:9/done")),
                                       nullptr, context, done);
            });
        QVERIFY(!result.ok());
        QCOMPARE(result.failure.httpStatus, 422);
        QVERIFY(result.failure.serverMessage.contains(
            QLatin1String("no-such-type"))); // first error shape
        QVERIFY(result.failure.message().contains(result.failure.serverMessage));
        QCOMPARE(result.failure.attempts, 1);
    }

    void a403SaysTheKeyIsNotAllowed()
    {
        SandboxFaults faults;
        faults.forcedStatus = 403;
        m_server->setFaults(faults);
        PolytomicProvider provider(endpoint());
        const auto result = createSession(provider, QStringLiteral("forbidden"));
        QCOMPARE(result.failure.code(), QStringLiteral("forbidden"));
        QVERIFY(result.failure.message().contains(QLatin1String("403")));
    }

    void serverErrorsAreRetriedWithTheSameIdempotencyKey()
    {
        SandboxFaults faults;
        faults.failFirst = 2;
        faults.forcedStatus = 503;
        m_server->setFaults(faults);
        PolytomicProvider provider(endpoint());
        const int before = connectPosts().size();
        const auto result = createSession(provider, QStringLiteral("retried"));
        QVERIFY(result.ok());
        const auto posts = connectPosts().mid(before);
        QCOMPARE(posts.size(), 3);
        QCOMPARE(posts.at(1).idempotencyKey, posts.at(0).idempotencyKey);
        QCOMPARE(posts.at(2).idempotencyKey, posts.at(0).idempotencyKey);
    }

    void eachAttemptHasItsOwnIdempotencyKey()
    {
        PolytomicProvider provider(endpoint());
        const int before = connectPosts().size();
        QVERIFY(createSession(provider, QStringLiteral("first attempt")).ok());
        QVERIFY(createSession(provider, QStringLiteral("second attempt")).ok());
        const auto posts = connectPosts().mid(before);
        QCOMPARE(posts.size(), 2);
        QVERIFY(posts.at(0).idempotencyKey != posts.at(1).idempotencyKey);
    }

    void persistentServerErrorsFailAfterThreeTries()
    {
        SandboxFaults faults;
        faults.forcedStatus = 503;
        m_server->setFaults(faults);
        PolytomicProvider provider(endpoint());
        const auto result = createSession(provider, QStringLiteral("down"));
        QVERIFY(!result.ok());
        QCOMPARE(result.failure.code(), QStringLiteral("server_error"));
        QCOMPARE(result.failure.attempts, 3);
        QVERIFY(result.failure.message().contains(QLatin1String("503")));
    }

    void aConflictIsRetriedThenReported()
    {
        SandboxFaults faults;
        faults.forcedStatus = 409;
        m_server->setFaults(faults);
        PolytomicProvider provider(endpoint());
        const auto result = createSession(provider, QStringLiteral("conflict"));
        QCOMPARE(result.failure.code(), QStringLiteral("conflict"));
        QCOMPARE(result.failure.attempts, 3);
    }

    void aNameInUseIsAFailureThatNamesTheField()
    {
        PolytomicProvider provider(endpoint());
        const auto first = createSession(provider, QStringLiteral("Taken for good"));
        QVERIFY(first.ok());
        // The modal completed over HTTP, as a browser would: the name is taken from now on.
        QVERIFY(!ModalOverHttp::completePostgres(first.value->modalUrl).isEmpty());
        const auto result = createSession(provider, QStringLiteral("Taken for good"));
        QVERIFY(!result.ok());
        QCOMPARE(result.failure.code(), QStringLiteral("invalid_request"));
        QCOMPARE(result.failure.field, QStringLiteral("name"));
    }

    void aDroppedConnectionIsRetried()
    {
        SandboxFaults faults;
        faults.failFirst = 1;
        faults.dropConnection = true;
        m_server->setFaults(faults);
        PolytomicProvider provider(endpoint());
        QVERIFY(createSession(provider, QStringLiteral("dropped once")).ok());
    }

    void malformedJsonIsReportedAsAnUnreadableAnswer()
    {
        SandboxFaults faults;
        faults.malformedJson = true;
        m_server->setFaults(faults);
        PolytomicProvider provider(endpoint());
        const auto result = createSession(provider, QStringLiteral("garbled"));
        QVERIFY(!result.ok());
        QCOMPARE(result.failure.code(), QStringLiteral("malformed_reply"));
        QCOMPARE(result.failure.attempts, 1);
    }

    void aSlowServerTimesOut()
    {
        SandboxFaults faults;
        faults.latencyMs = 3000;
        m_server->setFaults(faults);
        ApiEndpoint impatient = endpoint();
        impatient.timeoutMs = 300;
        impatient.maxAttempts = 2;
        PolytomicProvider provider(impatient);
        const auto result = createSession(provider, QStringLiteral("slow"));
        QVERIFY(!result.ok());
        QCOMPARE(result.failure.code(), QStringLiteral("timeout"));
        QCOMPARE(result.failure.attempts, 2);
    }

    void aServerThatIsDownIsANetworkFailure()
    {
        SandboxServer down;
        QVERIFY(down.start());
        ApiEndpoint gone = endpoint();
        gone.baseUrl = down.url();
        down.stop();
        PolytomicProvider provider(gone);
        const auto result = createSession(provider, QStringLiteral("nobody home"));
        QVERIFY(!result.ok());
        QCOMPARE(result.failure.code(), QStringLiteral("network"));
        QCOMPARE(result.failure.attempts, 3);
        QVERIFY(result.failure.message().contains(gone.baseUrl.host()));
    }

    void theLogRecordsEachExchangeWithoutTheKey()
    {
        SandboxFaults faults;
        faults.failFirst = 1;
        m_server->setFaults(faults);
        ExchangeLog log;
        PolytomicProvider provider(endpoint());
        const auto result = createSession(provider, QStringLiteral("logged"), &log);
        QVERIFY(result.ok());
        QCOMPARE(log.entries().size(), 2);
        QCOMPARE(log.entries().at(0).status, 500);
        QCOMPARE(log.entries().at(1).status, 200);
        QVERIFY(log.entries().at(1).durationMs >= 0);
        QVERIFY(!log.toText().contains(apiKey));
        QVERIFY(log.toText().contains(QLatin1String("/api/connections/connect/")));
    }

    void abortingStopsWithoutCallingBack()
    {
        SandboxFaults faults;
        faults.latencyMs = 2000;
        m_server->setFaults(faults);
        PolytomicProvider provider(endpoint());
        bool called = false;
        SessionRequest request;
        request.name = QStringLiteral("aborted");
        provider.createSession(request, QUrl(QStringLiteral("http://127.0.0.1:9/done")), nullptr,
                               this, [&](const Result<ConnectSessionTicket> &) { called = true; });
        provider.abortAll();
        // A later call finishing shows the event queue has run past the aborted one.
        m_server->setFaults({});
        QVERIFY(createSession(provider, QStringLiteral("after abort")).ok());
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
