// Specification: the sandbox's modal works in a real (offscreen) WebEngine page: credential forms
// and OAuth popups complete by script, and the app's redirect is caught before it leaves.
#include "HttpClient.h"
#include "WebTestSupport.h"
#include "core/polytomic/ConnectRequest.h"
#include "core/polytomic/ConnectSessionTicket.h"
#include "core/polytomic/JsonEnvelope.h"
#include "sandbox/SandboxServer.h"
#include "web/ConnectWebPage.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>
#include <QWebEngineProfile>
#include <QWebEngineSettings>

using namespace WebTest;

class TestSandboxModal : public QObject
{
    Q_OBJECT

    SandboxServer *m_server = nullptr;
    QWebEngineProfile *m_profile = nullptr;
    ConnectWebPage *m_page = nullptr;
    UrlWatch m_matcher;

    ConnectSessionTicket createSession(const QStringList &whitelist, const QString &name,
                                       bool dark = false)
    {
        HttpClient client(m_server->url());
        client.setBearer(m_server->apiKey());
        ConnectRequest request;
        request.name = name;
        request.redirectUrl = m_matcher.url();
        request.whitelist = whitelist;
        request.dark = dark;
        const HttpResult result = client.post(QStringLiteral("/api/connections/connect/"),
                                              QJsonDocument(request.toJson()).toJson());
        if (result.status != 200)
            qWarning() << "connect failed" << result.status << result.body;
        QString error;
        return *ConnectSessionTicket::fromJson(JsonEnvelope::data(result.body, &error)->toObject(),
                                               &error);
    }

    void open(const ConnectSessionTicket &ticket)
    {
        QSignalSpy loaded(m_page, &QWebEnginePage::loadFinished);
        m_page->load(ticket.modalUrl);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, pageTimeout);
        QVERIFY(loaded.constFirst().constFirst().toBool());
    }

    void fillPostgres(const QString &password)
    {
        QTRY_COMPARE_WITH_TIMEOUT(state(m_page), QStringLiteral("form"), pageTimeout);
        WebTest::fillPostgres(m_page, password);
    }

    std::optional<Connection> connectionNamed(const QString &name) const
    {
        for (const Connection &connection : m_server->connections()) {
            if (connection.name == name)
                return connection;
        }
        return std::nullopt;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = new SandboxServer({}, this);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        m_profile = new QWebEngineProfile(this); // off the record
        // The app's redirect: a loopback address nobody listens on, so a leak would show as an
        // error.
        m_matcher = UrlWatch(QUrl(QStringLiteral("http://127.0.0.1:9/connect-desktop/done")),
                             QStringLiteral("state"), UrlWatch::randomValue());
    }

    void init()
    {
        m_server->setFaults({});
        m_page = new ConnectWebPage(m_profile, this);
        m_page->setWatchedUrl(m_matcher);
    }

    void cleanup()
    {
        delete m_page; // pages go before their profile
        m_page = nullptr;
    }

    void credentialFormCompletesAndTheServerRedirectIsCaught()
    {
        QSignalSpy redirected(m_page, &ConnectWebPage::watchedUrlReached);
        open(createSession({QStringLiteral("postgresql")}, QStringLiteral("Warehouse A")));
        fillPostgres(QStringLiteral("correct horse"));
        QTRY_COMPARE_WITH_TIMEOUT(redirected.count(), 1, pageTimeout);
        const QUrl url = redirected.constFirst().constFirst().toUrl();
        QVERIFY(m_matcher.matches(url));
        QCOMPARE(QUrlQuery(url).queryItemValue(QStringLiteral("sandbox_result")),
                 QStringLiteral("connected"));
        const auto connection = connectionNamed(QStringLiteral("Warehouse A"));
        QVERIFY(connection.has_value());
        QCOMPARE(connection->status, QStringLiteral("healthy"));
        QCOMPARE(connection->typeId, QStringLiteral("postgresql"));
        // The page stayed on the modal's origin: the redirect never loaded.
        QCOMPARE(m_page->url().port(), m_server->url().port());
    }

    void theModalSpeaksTheLanguageThePageAsksFor_data()
    {
        QTest::addColumn<QString>("acceptLanguage");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("direction");
        QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("Connect an integration")
                            << QStringLiteral("ltr");
        QTest::newRow("de") << QStringLiteral("de-DE,de;q=0.9,en;q=0.8")
                            << QStringLiteral("Integration verbinden") << QStringLiteral("ltr");
        QTest::newRow("ar") << QStringLiteral("ar,en;q=0.8") << QString() << QStringLiteral("rtl");
        QTest::newRow("unknown falls back to English")
            << QStringLiteral("pt-BR,pt;q=0.9") << QStringLiteral("Connect an integration")
            << QStringLiteral("ltr");
    }

    void theModalSpeaksTheLanguageThePageAsksFor()
    {
        QFETCH(QString, acceptLanguage);
        QFETCH(QString, title);
        QFETCH(QString, direction);
        QWebEngineProfile profile;
        profile.setHttpAcceptLanguage(acceptLanguage);
        {
            ConnectWebPage page(&profile);
            page.setWatchedUrl(m_matcher);
            QSignalSpy loaded(&page, &QWebEnginePage::loadFinished);
            page.load(createSession({QStringLiteral("postgresql"), QStringLiteral("hubspot")},
                                    QStringLiteral("Sprache"))
                          .modalUrl);
            QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, pageTimeout);
            WEB_TRY_COMPARE(state(&page), QStringLiteral("picker"));
            const QString shown =
                evaluate(&page,
                         QStringLiteral("document.getElementById('picker-title').textContent"))
                    .toString();
            if (title.isEmpty())
                QVERIFY(shown != QLatin1String("Connect an integration") && !shown.isEmpty());
            else
                QCOMPARE(shown, title);
            QCOMPARE(evaluate(&page, QStringLiteral("document.documentElement.dir")).toString(),
                     direction);
        }
    }

    void nearMissNavigationsAreNotTheRedirect_data()
    {
        QTest::addColumn<QString>("change");
        QTest::newRow("other port") << QStringLiteral("u.port = '10';");
        QTest::newRow("longer path") << QStringLiteral("u.pathname += '/x';");
        QTest::newRow("other value") << QStringLiteral("u.searchParams.set('state', 'guess');");
        QTest::newRow("localhost") << QStringLiteral("u.hostname = 'localhost';");
    }

    void nearMissNavigationsAreNotTheRedirect()
    {
        // A page (hostile or buggy) sends itself near the redirect: none of it is completion.
        QFETCH(QString, change);
        QSignalSpy redirected(m_page, &ConnectWebPage::watchedUrlReached);
        const ConnectSessionTicket ticket = createSession(
            {QStringLiteral("postgresql")},
            QStringLiteral("Near miss %1").arg(QLatin1String(QTest::currentDataTag())));
        open(ticket);
        QTRY_COMPARE_WITH_TIMEOUT(state(m_page), QStringLiteral("form"), pageTimeout);
        QSignalSpy loaded(m_page, &QWebEnginePage::loadFinished);
        evaluate(m_page,
                 QStringLiteral("(function(){ const u = new URL('%1'); %2 location.href = u.href; "
                                "return u.href; })()")
                     .arg(m_matcher.url().toString(QUrl::FullyEncoded), change));
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1, pageTimeout);
        QCOMPARE(redirected.count(), 0);
        // The exact redirect, from the modal again, still counts. A new page: the refused
        // navigation's own loadFinished(false) may still be on its way to the old one.
        delete m_page;
        m_page = new ConnectWebPage(m_profile, this);
        m_page->setWatchedUrl(m_matcher);
        QSignalSpy caught(m_page, &ConnectWebPage::watchedUrlReached);
        open(ticket);
        QTRY_COMPARE_WITH_TIMEOUT(state(m_page), QStringLiteral("form"), pageTimeout);
        evaluate(m_page,
                 QStringLiteral("location.href = '%1'")
                     .arg(m_matcher.url().toString(QUrl::FullyEncoded)));
        QTRY_COMPARE_WITH_TIMEOUT(caught.count(), 1, pageTimeout);
    }

    void wrongPasswordShowsTheErrorAndDoesNotRedirect()
    {
        QSignalSpy redirected(m_page, &ConnectWebPage::watchedUrlReached);
        open(createSession({QStringLiteral("postgresql")}, QStringLiteral("Warehouse B")));
        fillPostgres(QStringLiteral("wrong"));
        QTRY_VERIFY_WITH_TIMEOUT(
            !evaluate(m_page, QStringLiteral("document.getElementById('form-error').textContent"))
                 .toString()
                 .trimmed()
                 .isEmpty(),
            pageTimeout);
        QCOMPARE(state(m_page), QStringLiteral("form"));
        QCOMPARE(redirected.count(), 0);
        QVERIFY(!connectionNamed(QStringLiteral("Warehouse B")));
    }

    void requiredFieldsAreCheckedInline()
    {
        open(createSession({QStringLiteral("postgresql")}, QStringLiteral("Warehouse C")));
        QTRY_COMPARE_WITH_TIMEOUT(state(m_page), QStringLiteral("form"), pageTimeout);
        evaluate(m_page, QStringLiteral("document.getElementById('submit').click()"));
        QTRY_COMPARE_WITH_TIMEOUT(
            evaluate(m_page,
                     QStringLiteral(
                         "document.getElementById('field-hostname').getAttribute('aria-invalid')"))
                .toString(),
            QStringLiteral("true"), pageTimeout);
        QCOMPARE(state(m_page), QStringLiteral("form"));
    }

    void oauthPopupReportsToItsOpenerAndCompletes()
    {
        QSignalSpy redirected(m_page, &ConnectWebPage::watchedUrlReached);
        QSignalSpy opened(m_page, &ConnectWebPage::popupOpened);
        QSignalSpy closed(m_page, &ConnectWebPage::popupClosed);
        open(createSession({QStringLiteral("hubspot")}, QStringLiteral("CRM")));
        QTRY_COMPARE_WITH_TIMEOUT(state(m_page), QStringLiteral("form"), pageTimeout);
        evaluate(m_page, QStringLiteral("document.getElementById('oauth-signin').click()"));
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, pageTimeout);
        auto *popup = opened.constFirst().constFirst().value<ConnectWebPage *>();
        QVERIFY(popup);
        QCOMPARE(popup->opener(), m_page);
        QTRY_COMPARE_WITH_TIMEOUT(state(popup), QStringLiteral("consent"), pageTimeout);
        evaluate(popup, QStringLiteral("document.getElementById('allow').click()"));
        QTRY_COMPARE_WITH_TIMEOUT(closed.count(), 1, pageTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(redirected.count(), 1, pageTimeout);
        QCOMPARE(QUrlQuery(redirected.constFirst().constFirst().toUrl())
                     .queryItemValue(QStringLiteral("sandbox_result")),
                 QStringLiteral("connected"));
        const auto connection = connectionNamed(QStringLiteral("CRM"));
        QVERIFY(connection.has_value());
        QCOMPARE(connection->typeId, QStringLiteral("hubspot"));
    }

    void oauthDenialIsShownInTheModal()
    {
        QSignalSpy redirected(m_page, &ConnectWebPage::watchedUrlReached);
        QSignalSpy opened(m_page, &ConnectWebPage::popupOpened);
        open(createSession({QStringLiteral("hubspot")}, QStringLiteral("CRM denied")));
        QTRY_COMPARE_WITH_TIMEOUT(state(m_page), QStringLiteral("form"), pageTimeout);
        evaluate(m_page, QStringLiteral("document.getElementById('oauth-signin').click()"));
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, pageTimeout);
        auto *popup = opened.constFirst().constFirst().value<ConnectWebPage *>();
        QTRY_COMPARE_WITH_TIMEOUT(state(popup), QStringLiteral("consent"), pageTimeout);
        evaluate(popup, QStringLiteral("document.getElementById('deny').click()"));
        QTRY_COMPARE_WITH_TIMEOUT(state(m_page), QStringLiteral("form"), pageTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(
            !evaluate(m_page, QStringLiteral("document.getElementById('form-error').textContent"))
                 .toString()
                 .trimmed()
                 .isEmpty(),
            pageTimeout);
        QCOMPARE(redirected.count(), 0);
        QVERIFY(!connectionNamed(QStringLiteral("CRM denied")));
    }

    void aPopupThatLosesItsOpenerSaysSoAndNothingCompletes()
    {
        SandboxFaults faults;
        faults.oauthLosesOpener = true;
        m_server->setFaults(faults);
        QSignalSpy redirected(m_page, &ConnectWebPage::watchedUrlReached);
        QSignalSpy opened(m_page, &ConnectWebPage::popupOpened);
        open(createSession({QStringLiteral("hubspot")}, QStringLiteral("CRM orphan")));
        QTRY_COMPARE_WITH_TIMEOUT(state(m_page), QStringLiteral("form"), pageTimeout);
        evaluate(m_page, QStringLiteral("document.getElementById('oauth-signin').click()"));
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, pageTimeout);
        auto *popup = opened.constFirst().constFirst().value<ConnectWebPage *>();
        QTRY_COMPARE_WITH_TIMEOUT(state(popup), QStringLiteral("consent"), pageTimeout);
        evaluate(popup, QStringLiteral("document.getElementById('allow').click()"));
        QTRY_COMPARE_WITH_TIMEOUT(state(popup), QStringLiteral("error"), pageTimeout);
        QCOMPARE(state(m_page), QStringLiteral("oauth"));
        QCOMPARE(redirected.count(), 0);
    }

    void thePickerOffersExactlyTheWhitelist()
    {
        open(createSession(
            {QStringLiteral("postgresql"), QStringLiteral("hubspot"), QStringLiteral("stripe")},
            QStringLiteral("Picked")));
        QTRY_COMPARE_WITH_TIMEOUT(state(m_page), QStringLiteral("picker"), pageTimeout);
        const QStringList offered =
            evaluate(m_page,
                     QStringLiteral("Array.from(document.querySelectorAll('[data-type-id]')).map(e "
                                    "=> e.dataset.typeId)"))
                .toStringList();
        QCOMPARE(offered.size(), 3);
        QVERIFY(offered.contains(QStringLiteral("stripe")));
        evaluate(m_page, QStringLiteral("document.querySelector('[data-type-id=stripe]').click()"));
        QTRY_COMPARE_WITH_TIMEOUT(state(m_page), QStringLiteral("form"), pageTimeout);
    }

    void theCloseButtonReturnsToTheAppWithoutAConnection()
    {
        QSignalSpy redirected(m_page, &ConnectWebPage::watchedUrlReached);
        open(createSession({QStringLiteral("postgresql")}, QStringLiteral("Closed early")));
        QTRY_COMPARE_WITH_TIMEOUT(state(m_page), QStringLiteral("form"), pageTimeout);
        evaluate(m_page, QStringLiteral("document.getElementById('close').click()"));
        QTRY_COMPARE_WITH_TIMEOUT(redirected.count(), 1, pageTimeout);
        QCOMPARE(QUrlQuery(redirected.constFirst().constFirst().toUrl())
                     .queryItemValue(QStringLiteral("sandbox_result")),
                 QStringLiteral("closed"));
        QVERIFY(!connectionNamed(QStringLiteral("Closed early")));
    }

    void theDarkThemeIsApplied()
    {
        open(createSession({QStringLiteral("postgresql")}, QStringLiteral("Dark one"), true));
        QTRY_COMPARE_WITH_TIMEOUT(state(m_page), QStringLiteral("form"), pageTimeout);
        QCOMPARE(
            evaluate(m_page, QStringLiteral("document.documentElement.dataset.theme")).toString(),
            QStringLiteral("dark"));
    }

    void aBlankModalLoadsButOffersNoForm()
    {
        SandboxFaults faults;
        faults.blankModal = true;
        m_server->setFaults(faults);
        open(createSession({QStringLiteral("postgresql")}, QStringLiteral("Blank")));
        QCOMPARE(
            evaluate(m_page, QStringLiteral("document.querySelectorAll('input,button').length"))
                .toInt(),
            0);
    }

    void aUsedSessionCannotBeOpenedAgain()
    {
        QSignalSpy redirected(m_page, &ConnectWebPage::watchedUrlReached);
        const ConnectSessionTicket ticket =
            createSession({QStringLiteral("postgresql")}, QStringLiteral("Once"));
        open(ticket);
        fillPostgres(QStringLiteral("fine"));
        QTRY_COMPARE_WITH_TIMEOUT(redirected.count(), 1, pageTimeout);
        // A new page: the caught redirect's own loadFinished(false) still belongs to the old one.
        delete m_page;
        m_page = new ConnectWebPage(m_profile, this);
        QSignalSpy loaded(m_page, &QWebEnginePage::loadFinished);
        m_page->load(ticket.modalUrl);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, pageTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(state(m_page), QStringLiteral("message"), pageTimeout);
        QVERIFY(evaluate(m_page, QStringLiteral("document.body.innerText"))
                    .toString()
                    .contains(QLatin1String("already been used")));
    }
};

QTEST_MAIN(TestSandboxModal)
#include "tst_sandboxmodal.moc"
