// Specification (conformance): Paragon's real SDK, the pinned bundle the app ships, runs unmodified
// against the Paragon sandbox from a page of its own, as a customer's web page would run it: on
// another loopback origin, in an offscreen QtWebEngine page. What the SDK returns, the order of
// its callbacks, the requests the sandbox saw, that nothing left loopback, and how it fails
// (forged and expired tokens, an unknown integration, a blocked popup, an OAuth timeout).
#include "WebTestSupport.h"
#include "core/paragon/Jwt.h"
#include "sandbox/paragon/ParagonSandbox.h"

#include <QFile>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineSettings>
#include <QWebEngineUrlRequestInterceptor>

#include <memory>

using namespace WebTest;

namespace {

// A customer's own page: the SDK's CommonJS bundle loaded as Paragon's docs and ours describe.
const char customerPage[] = R"(<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>A customer's page</title>
<script>var module = {exports: {}};</script>
<script src="/ConnectSDK.js"></script>
</head><body><div id="paragon-connect-frame-container"></div>
<script>
window.Sdk = module.exports.default;
window.events = [];
window.outcome = null;
window.runTest = function (body) {
  window.outcome = null;
  body().then(function (value) {
    window.outcome = {ok: true, value: value === undefined ? null : JSON.parse(JSON.stringify(value))};
  }, function (error) {
    window.outcome = {ok: false, name: (error && error.name) || '',
                      message: String((error && error.message) || error)};
  });
};
</script></body></html>)";

// Every URL the page, its frames and its popups requested.
class RequestRecorder : public QWebEngineUrlRequestInterceptor
{
public:
    using QWebEngineUrlRequestInterceptor::QWebEngineUrlRequestInterceptor;
    void interceptRequest(QWebEngineUrlRequestInfo &info) override
    {
        urls.append(info.requestUrl());
    }
    QList<QUrl> urls;
};

// The page; its popups are pages on the same profile (the nonce cookie and window.opener need
// it), gone when they close themselves.
class CustomerPage : public QWebEnginePage
{
public:
    using QWebEnginePage::QWebEnginePage;
    QList<QPointer<QWebEnginePage>> popups;

protected:
    QWebEnginePage *createWindow(WebWindowType) override
    {
        auto *popup = new QWebEnginePage(profile(), this);
        connect(popup, &QWebEnginePage::windowCloseRequested, popup, &QObject::deleteLater);
        popups.append(popup);
        return popup;
    }
};

struct Served
{
    QString method;
    QString path;
    int status = 0;
};

} // namespace

class TestParagonSdk : public QObject
{
    Q_OBJECT

    QHttpServer m_customer; // serves the customer's page and the SDK on its own origin
    QTcpServer *m_customerTcp = nullptr;
    QByteArray m_bundle;
    std::unique_ptr<QWebEngineProfile> m_profile;
    RequestRecorder *m_recorder = nullptr;
    std::unique_ptr<ParagonSandbox> m_sandbox;
    std::unique_ptr<CustomerPage> m_page;
    QList<Served> m_served;

    QUrl customerUrl() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_customerTcp->serverPort()));
    }

    void startSandbox(const ParagonSandboxOptions &options = {})
    {
        m_page.reset();
        m_sandbox = std::make_unique<ParagonSandbox>(options);
        QString error;
        QVERIFY2(m_sandbox->start(&error), qPrintable(error));
        connect(m_sandbox.get(), &ParagonSandbox::requestServed, this,
                [this](const QString &method, const QString &path, int status) {
                    m_served.append({method, path, status});
                });
    }

    bool openPage(bool popupsAllowed = true)
    {
        m_page = std::make_unique<CustomerPage>(m_profile.get());
        m_page->settings()->setAttribute(QWebEngineSettings::JavascriptCanOpenWindows,
                                         popupsAllowed);
        QSignalSpy loaded(m_page.get(), &QWebEnginePage::loadFinished);
        m_page->load(customerUrl());
        return waitUntil([&] { return !loaded.isEmpty(); }) && loaded.constFirst().at(0).toBool()
            && evaluate(m_page.get(), QStringLiteral("typeof window.Sdk")).toString()
            == QLatin1String("function");
    }

    QString environmentsJson() const
    {
        QJsonObject environments;
        const auto all = m_sandbox->environments();
        for (auto it = all.begin(); it != all.end(); ++it)
            environments.insert(it.key(), it.value().toString());
        return QString::fromUtf8(QJsonDocument(environments).toJson(QJsonDocument::Compact));
    }

    // Runs `body` (the inside of an async function, with `sdk` made and, unless `token` is
    // empty, authenticated with it) and waits for its outcome: {ok, value} or {ok, name, message}.
    QJsonObject run(const QString &body, const QString &token, int timeoutMs = pageTimeout)
    {
        const QString authenticate = token.isEmpty()
            ? QString()
            : QStringLiteral("await sdk.authenticate('%1', '%2');")
                  .arg(m_sandbox->projectId(), token);
        evaluate(m_page.get(),
                 QStringLiteral("runTest(async function () {"
                                "  const sdk = window.sdk = new Sdk(%1,"
                                "    {skipBootstrapWithLastKnownState: true});"
                                "  %2 %3 })")
                     .arg(environmentsJson(), authenticate, body));
        if (!waitUntil(
                [&] {
                    return evaluate(m_page.get(), QStringLiteral("window.outcome !== null"))
                        .toBool();
                },
                timeoutMs))
            return {};
        return QJsonDocument::fromJson(
                   evaluate(m_page.get(), QStringLiteral("JSON.stringify(window.outcome)"))
                       .toString()
                       .toUtf8())
            .object();
    }

    QString token(const QString &user = QStringLiteral("alice"), int ttl = 600) const
    {
        return m_sandbox->signToken(user, ttl);
    }

    // Whether the sandbox answered `method` on a path holding `path` with `status`.
    bool served(const QString &method, const QString &path, int status) const
    {
        for (const Served &s : m_served) {
            if (s.method == method && s.path.contains(path) && s.status == status)
                return true;
        }
        return false;
    }

    QStringList events() const
    {
        return evaluate(m_page.get(), QStringLiteral("window.events")).toStringList();
    }

    // The popup shows the sandbox's consent page: press `button` in it.
    bool answerThePopup(const QString &button = QStringLiteral("allow"))
    {
        auto popupReady = [&] {
            return !m_page->popups.isEmpty() && m_page->popups.constFirst()
                && evaluate(m_page->popups.constFirst(),
                            QStringLiteral("!!document.getElementById('%1')").arg(button))
                       .toBool();
        };
        if (!waitUntil(popupReady))
            return false;
        evaluate(m_page->popups.constFirst(),
                 QStringLiteral("document.getElementById('%1').click()").arg(button));
        return true;
    }

    void pressInPortal(const QString &id)
    {
        evaluate(m_page.get(),
                 QStringLiteral("document.querySelector('#paragon-connect-frame-container iframe')"
                                ".contentWindow.postMessage({messageType: "
                                "'CONNECT_DESKTOP_SANDBOX_PRESS', id: '%1'}, '*')")
                     .arg(id));
    }

    bool eventSeen(const QString &name)
    {
        return waitUntil([&] { return events().contains(name); });
    }

    // A portal flow from connect() to close, with every callback and event logged in order.
    bool connectThroughThePortal()
    {
        const QString body = QStringLiteral(R"(
            const log = (name) => () => window.events.push(name);
            for (const name of ['onIntegrationInstall', 'onPortalOpen', 'onPortalClose'])
              sdk.subscribe(name, log(name));
            sdk.connect('hubspot', {onOpen: log('onOpen'), onClose: log('onClose'),
                                    onSuccess: log('onSuccess'), onInstall: log('onInstall'),
                                    onError: log('onError'), oauthTimeout: 20000})
               .then(log('resolved'), log('rejected'));
            return true;)");
        if (!run(body, token()).value(QStringLiteral("ok")).toBool())
            return false;
        if (!eventSeen(QStringLiteral("onOpen")))
            return false;
        pressInPortal(QStringLiteral("connect"));
        if (!answerThePopup() || !eventSeen(QStringLiteral("resolved")))
            return false;
        waitUntil([&] { return m_page->popups.isEmpty() || !m_page->popups.constFirst(); });
        pressInPortal(QStringLiteral("close"));
        return eventSeen(QStringLiteral("onPortalClose"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QFile bundle(QStringLiteral(":/paragon/sdk/ConnectSDK.js"));
        QVERIFY2(bundle.open(QIODevice::ReadOnly), "the SDK bundle is not in the resources");
        m_bundle = bundle.readAll();
        m_customer.route(QStringLiteral("/"), [] {
            return QHttpServerResponse("text/html; charset=utf-8", QByteArray(customerPage));
        });
        m_customer.route(QStringLiteral("/ConnectSDK.js"), [this] {
            return QHttpServerResponse("text/javascript; charset=utf-8", m_bundle);
        });
        m_customerTcp = new QTcpServer(this);
        QVERIFY(m_customerTcp->listen(QHostAddress::LocalHost, 0));
        m_customer.bind(m_customerTcp);

        m_profile = std::make_unique<QWebEngineProfile>(); // off the record
        m_recorder = new RequestRecorder(m_profile.get());
        m_profile->setUrlRequestInterceptor(m_recorder);
    }

    void init()
    {
        m_served.clear();
        m_recorder->urls.clear();
        startSandbox();
        QVERIFY(openPage());
    }

    void cleanup()
    {
        m_page.reset(); // its popups with it
        m_sandbox.reset();
    }

    void cleanupTestCase()
    {
        m_page.reset();
        m_profile.reset();
    }

    void authenticateAsksTheSandboxForTheUserAndTheIntegrations()
    {
        const QJsonObject outcome = run(QStringLiteral("return true;"), token());
        QVERIFY2(outcome.value(QStringLiteral("ok")).toBool(),
                 QJsonDocument(outcome).toJson().constData());
        QVERIFY(served(QStringLiteral("GET"), QStringLiteral("/sdk/me"), 200));
        QVERIFY(served(QStringLiteral("GET"), QStringLiteral("/sdk/integrations"), 200));
    }

    void getUserGivesEveryIntegrationsStateAndNotTheToken()
    {
        const QString userToken = token();
        const QJsonObject outcome = run(QStringLiteral(R"(
            const user = sdk.getUser();
            return {authenticated: user.authenticated, userId: user.userId,
                    types: Object.keys(user.integrations || {}).length,
                    hubspot: user.integrations.hubspot,
                    hasToken: JSON.stringify(user).includes('%1')};)")
                                            .arg(userToken),
                                        userToken);
        QVERIFY2(outcome.value(QStringLiteral("ok")).toBool(),
                 QJsonDocument(outcome).toJson().constData());
        const QJsonObject user = outcome.value(QStringLiteral("value")).toObject();
        QVERIFY(user.value(QStringLiteral("authenticated")).toBool());
        QCOMPARE(user.value(QStringLiteral("userId")).toString(), QStringLiteral("alice"));
        QVERIFY(user.value(QStringLiteral("types")).toInt() >= 25);
        QVERIFY(user.value(QStringLiteral("hubspot"))
                    .toObject()
                    .value(QStringLiteral("allCredentials"))
                    .isArray());
        QVERIFY(!user.value(QStringLiteral("hasToken")).toBool());
    }

    void theMetadataNamesEachIntegrationWithItsIconOnTheSandboxsCdn()
    {
        const QJsonObject outcome =
            run(QStringLiteral("return await sdk.getIntegrationMetadata();"), token());
        QVERIFY2(outcome.value(QStringLiteral("ok")).toBool(),
                 QJsonDocument(outcome).toJson().constData());
        const QJsonArray metadata = outcome.value(QStringLiteral("value")).toArray();
        QVERIFY(metadata.size() >= 25);
        const QString cdn =
            m_sandbox->environments().value(QStringLiteral("CDN_PUBLIC_URL")).toString();
        for (const QJsonValue &value : metadata) {
            const QJsonObject entry = value.toObject();
            const QString type = entry.value(QStringLiteral("type")).toString();
            QVERIFY2(!entry.value(QStringLiteral("name")).toString().isEmpty(), qPrintable(type));
            QVERIFY2(!entry.value(QStringLiteral("brandColor")).toString().isEmpty(),
                     qPrintable(type));
            QCOMPARE(entry.value(QStringLiteral("icon")).toString(),
                     cdn + QStringLiteral("/integrations/") + type + QStringLiteral(".svg"));
        }
    }

    void aForgedTokenIsRefusedByTheSandbox()
    {
        const QString forged = Jwt::signRs256(
            {{QStringLiteral("sub"), QStringLiteral("alice")},
             {QStringLiteral("exp"), double(QDateTime::currentSecsSinceEpoch() + 600)}},
            Jwt::generateKeyPair().privateKeyPem);
        const QJsonObject outcome = run(QStringLiteral("return true;"), forged);
        QVERIFY(!outcome.isEmpty());
        QVERIFY(!outcome.value(QStringLiteral("ok")).toBool());
        QVERIFY(served(QStringLiteral("GET"), QStringLiteral("/sdk/me"), 401));
    }

    void anExpiredTokenIsRefusedInThePageBeforeAnyRequest()
    {
        const QJsonObject outcome =
            run(QStringLiteral("return true;"), token(QStringLiteral("alice"), -60));
        QVERIFY(!outcome.isEmpty());
        QVERIFY(!outcome.value(QStringLiteral("ok")).toBool());
        QVERIFY2(
            outcome.value(QStringLiteral("message")).toString().contains(QLatin1String("expired")),
            QJsonDocument(outcome).toJson().constData());
        QVERIFY(!served(QStringLiteral("GET"), QStringLiteral("/sdk/me"), 200));
        QVERIFY(!served(QStringLiteral("GET"), QStringLiteral("/sdk/me"), 401));
    }

    void connectingAnUnknownIntegrationRejectsAndNamesIt()
    {
        const QJsonObject outcome =
            run(QStringLiteral("return await sdk.connect('nope', {});"), token());
        QVERIFY(!outcome.isEmpty());
        QVERIFY(!outcome.value(QStringLiteral("ok")).toBool());
        QVERIFY2(
            outcome.value(QStringLiteral("message")).toString().contains(QLatin1String("\"nope\"")),
            QJsonDocument(outcome).toJson().constData());
    }

    void thePortalFlowCallsBackInTheDocumentedOrder()
    {
        QVERIFY(connectThroughThePortal());
        const QStringList seen = events();
        qInfo() << "events:" << seen;
        QVERIFY(seen.indexOf(QStringLiteral("onOpen")) >= 0);
        QVERIFY(seen.contains(QStringLiteral("onPortalOpen")));
        QCOMPARE(seen.count(QStringLiteral("onInstall")),
                 1); // one-shot, and it wins over onSuccess
        QVERIFY(!seen.contains(QStringLiteral("onSuccess")));
        QVERIFY(!seen.contains(QStringLiteral("onError")));
        QVERIFY(seen.indexOf(QStringLiteral("onOpen")) < seen.indexOf(QStringLiteral("onInstall")));
        QVERIFY(seen.indexOf(QStringLiteral("onInstall"))
                < seen.indexOf(QStringLiteral("onIntegrationInstall")));
        QVERIFY(seen.indexOf(QStringLiteral("resolved")) < seen.indexOf(QStringLiteral("onClose")));
        QVERIFY(seen.indexOf(QStringLiteral("onClose"))
                < seen.indexOf(QStringLiteral("onPortalClose")));
        QCOMPARE(m_sandbox->credentials().size(), 1);
        QCOMPARE(m_sandbox->credentials().constFirst().status, QStringLiteral("VALID"));
        QVERIFY(served(QStringLiteral("POST"), QStringLiteral("/sdk/credentials"), 200));
    }

    void everyRequestOfAPortalFlowStaysOnLoopback()
    {
        QVERIFY(connectThroughThePortal());
        QVERIFY(m_recorder->urls.size() > 5);
        for (const QUrl &url : std::as_const(m_recorder->urls)) {
            if (url.scheme() == QLatin1String("data") || url.scheme() == QLatin1String("blob")
                || url.scheme() == QLatin1String("about"))
                continue;
            QVERIFY2(url.host() == QLatin1String("127.0.0.1"),
                     qPrintable(url.toDisplayString(QUrl::RemoveQuery)));
        }
    }

    void aHeadlessInstallRunsThePopupAndResolvesWithTheCredential()
    {
        evaluate(m_page.get(), QStringLiteral("window.pending = null;"));
        const QString body = QStringLiteral(R"(
            sdk.setHeadless(true);
            window.pending = sdk.installIntegration('slack', {oauthTimeout: 20000}).then(
              (installed) => { window.events.push(
                  'installed:' + installed.integrationType + ':' + installed.credentialId); },
              (error) => { window.events.push('failed:' + error.name + ':' + error.message); });
            return true;)");
        QVERIFY(run(body, token()).value(QStringLiteral("ok")).toBool());
        QVERIFY(answerThePopup());
        QVERIFY(waitUntil([&] { return !events().isEmpty(); }));
        QCOMPARE(m_sandbox->credentials().size(), 1);
        // As connect() does: {integrationId, integrationType, credentialId, credential}.
        QCOMPARE(events(),
                 QStringList{QStringLiteral("installed:slack:")
                             + m_sandbox->credentials().constFirst().id});
    }

    void uninstallingRemovesTheChosenCredential()
    {
        // Two accounts of one integration; one is removed.
        for (int i = 0; i < 2; ++i) {
            const QString body = QStringLiteral(R"(
                sdk.setHeadless(true);
                sdk.installIntegration('notion', {oauthTimeout: 20000, allowMultipleCredentials: true})
                   .then(() => window.events.push('installed'), (e) => window.events.push('failed:' + e.message));
                return true;)");
            QVERIFY(run(body, token()).value(QStringLiteral("ok")).toBool());
            QVERIFY(answerThePopup());
            QVERIFY(waitUntil([&] { return events().size() == i + 1; }));
            QVERIFY(
                waitUntil([&] { return m_page->popups.isEmpty() || !m_page->popups.constLast(); }));
            m_page->popups.clear();
        }
        QCOMPARE(m_sandbox->credentials().size(), 2);
        const QString removed = m_sandbox->credentials().constFirst().id;
        const QJsonObject outcome = run(
            QStringLiteral("await sdk.uninstallIntegration('notion', {selectedCredentialId: '%1'});"
                           "return sdk.getUser().integrations.notion.allCredentials.length;")
                .arg(removed),
            token());
        QVERIFY2(outcome.value(QStringLiteral("ok")).toBool(),
                 QJsonDocument(outcome).toJson().constData());
        QCOMPARE(m_sandbox->credentials().size(), 1);
        QVERIFY(m_sandbox->credentials().constFirst().id != removed);
        QVERIFY(served(QStringLiteral("DELETE"), QStringLiteral("/sdk/integrations/"), 200));
    }

    void aBlockedPopupIsTheSdksOAuthBlockedError()
    {
        QVERIFY(openPage(false));
        const QJsonObject outcome = run(QStringLiteral("sdk.setHeadless(true);"
                                                       "return await sdk.installIntegration('jira',"
                                                       "  {oauthTimeout: 20000});"),
                                        token());
        QVERIFY(!outcome.isEmpty());
        QVERIFY(!outcome.value(QStringLiteral("ok")).toBool());
        QCOMPARE(outcome.value(QStringLiteral("name")).toString(),
                 QStringLiteral("OAuthBlockedError"));
        QVERIFY(m_sandbox->credentials().isEmpty());
    }

    void aSignInThatNeverEndsIsTheSdksOAuthTimeoutError()
    {
        const QJsonObject outcome = run(QStringLiteral("sdk.setHeadless(true);"
                                                       "return await sdk.installIntegration('jira',"
                                                       "  {oauthTimeout: 1500});"),
                                        token());
        QVERIFY(!outcome.isEmpty());
        QVERIFY(!outcome.value(QStringLiteral("ok")).toBool());
        QCOMPARE(outcome.value(QStringLiteral("name")).toString(),
                 QStringLiteral("OAuthTimeoutError"));
        QVERIFY(m_sandbox->credentials().isEmpty());
    }
};

QTEST_MAIN(TestParagonSdk)
#include "tst_paragonsdk.moc"
