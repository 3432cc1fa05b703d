// Specification: a hostile modal (sandbox fault --hostile-modal) tries everything a desktop host
// must refuse from inside the modal; every attempt is refused, and the legitimate flow still
// completes. The attempts run once, when the page loads; each test checks one of them.
#include "HttpClient.h"
#include "WebTestSupport.h"
#include "core/polytomic/ConnectRequest.h"
#include "core/polytomic/ConnectSessionTicket.h"
#include "core/polytomic/JsonEnvelope.h"
#include "sandbox/SandboxServer.h"
#include "web/ConnectWebPage.h"

#include <QDir>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>
#include <QWebEngineProfile>

using namespace WebTest;

class TestHostileModal : public QObject
{
    Q_OBJECT

    SandboxServer *m_server = nullptr;
    QWebEngineProfile *m_profile = nullptr;
    ConnectWebPage *m_page = nullptr;
    UrlWatch m_matcher;
    QUrl m_modal;
    QList<QPair<QString, QUrl>> m_blocked;
    QJsonObject m_report;

    QJsonObject readReport()
    {
        const QString text =
            evaluate(
                m_page,
                QStringLiteral("(document.getElementById('hostile-report')||{}).textContent||'{}'"))
                .toString();
        return QJsonDocument::fromJson(text.toUtf8()).object();
    }

    bool nothingPending(const QJsonObject &report) const
    {
        return std::none_of(report.begin(), report.end(), [](const QJsonValue &value) {
            return value.toString() == QLatin1String("pending");
        });
    }

    bool wasBlocked(const QString &needle) const
    {
        return std::any_of(m_blocked.cbegin(), m_blocked.cend(), [&](const auto &entry) {
            return entry.first.contains(needle) || entry.second.toString().contains(needle);
        });
    }

    QString reported(const char *key) const
    {
        return m_report.value(QLatin1String(key)).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Fake camera and microphone, so the page's requests reach the permission check
        // rather than failing for want of a device. Read when the engine starts, just below.
        qputenv("QTWEBENGINE_CHROMIUM_FLAGS", "--use-fake-device-for-media-stream");
        SandboxOptions options;
        options.faults.hostileModal = true;
        m_server = new SandboxServer(options, this);
        QVERIFY(m_server->start());
        m_profile = new QWebEngineProfile(this);
        m_matcher = UrlWatch(QUrl(QStringLiteral("http://127.0.0.1:9/connect-desktop/done")),
                             QStringLiteral("state"), UrlWatch::randomValue());
        m_page = new ConnectWebPage(m_profile, this);
        m_page->setWatchedUrl(m_matcher);
        connect(m_page, &ConnectWebPage::blocked, this,
                [this](const QString &what, const QUrl &url) {
                    m_blocked.append({what, url});
                });

        HttpClient client(m_server->url());
        client.setBearer(m_server->apiKey());
        ConnectRequest request;
        request.name = QStringLiteral("Survivor");
        request.redirectUrl = m_matcher.url();
        request.whitelist = {QStringLiteral("postgresql")};
        const HttpResult result = client.post(QStringLiteral("/api/connections/connect/"),
                                              QJsonDocument(request.toJson()).toJson());
        QCOMPARE(result.status, 200);
        QString error;
        m_modal = ConnectSessionTicket::fromJson(
                      JsonEnvelope::data(result.body, &error)->toObject(), &error)
                      ->modalUrl;
        m_page->load(m_modal);
        QVERIFY(waitUntil(
            [&] {
                const QJsonObject report = readReport();
                return report.value(QLatin1String("navigations")).toString()
                    == QLatin1String("done")
                    && nothingPending(report);
            },
            pageTimeout));
        m_report = readReport();
    }

    void cleanupTestCase()
    {
        delete m_page; // before its profile
        m_page = nullptr;
    }

    void noBridgeToTheAppIsReachable() { QCOMPARE(reported("bridge"), QStringLiteral("absent")); }

    void cameraAndMicrophoneAreDenied()
    {
        QCOMPARE(reported("camera"), QStringLiteral("denied:NotAllowedError"));
        QCOMPARE(reported("microphone"), QStringLiteral("denied:NotAllowedError"));
        QVERIFY(wasBlocked(QStringLiteral("camera")));
        QVERIFY(wasBlocked(QStringLiteral("microphone")));
    }

    void locationIsNotGiven()
    {
        QVERIFY2(reported("location").startsWith(QLatin1String("denied")),
                 qPrintable(reported("location")));
    }

    void notificationsAreDenied()
    {
        QCOMPARE(reported("notifications"), QStringLiteral("denied"));
        QVERIFY(wasBlocked(QStringLiteral("notifications")));
    }

    void clipboardAndScreenCaptureAreDenied()
    {
        QVERIFY(reported("clipboard").startsWith(QLatin1String("denied")));
        QVERIFY(reported("screen").startsWith(QLatin1String("denied")));
    }

    void theDownloadIsRefusedAndNothingReachesTheDisk()
    {
        QVERIFY(wasBlocked(QStringLiteral("download")));
        QVERIFY(!QDir(m_profile->downloadPath()).exists(QStringLiteral("secrets.txt")));
    }

    void anInvalidCertificateIsRefused()
    {
        QVERIFY(wasBlocked(QStringLiteral("invalid certificate")));
        QCOMPARE(reported("fetch_bad_certificate"), QStringLiteral("failed"));
    }

    void popupsToRefusedPlacesDoNotStayOpen()
    {
        QVERIFY(reported("popup_javascript") == QLatin1String("blocked")
                || wasBlocked(QStringLiteral("popup")));
        QVERIFY(reported("popup_file") == QLatin1String("blocked")
                || wasBlocked(QStringLiteral("file")));
        // The one Chromium lets open (to the invalid certificate) is closed by the page.
        QVERIFY(waitUntil([&] { return m_page->popups().isEmpty(); }, pageTimeout));
    }

    void topLevelNavigationsLeaveTheModalInPlace()
    {
        QCOMPARE(m_page->url(), m_modal);
        QCOMPARE(state(m_page), QStringLiteral("form"));
        QVERIFY(wasBlocked(QStringLiteral("example.invalid"))); // plain http out: ours to refuse
        // file:, data: and unknown schemes are stopped before they reach the page object, by
        // Chromium; either way the page stayed.
    }

    void theLegitimateFlowStillCompletes()
    {
        QSignalSpy redirected(m_page, &ConnectWebPage::watchedUrlReached);
        fillPostgres(m_page, QStringLiteral("correct horse"));
        QVERIFY(waitUntil([&] { return redirected.count() == 1; }, pageTimeout));
        QCOMPARE(QUrlQuery(redirected.constFirst().constFirst().toUrl())
                     .queryItemValue(QStringLiteral("sandbox_result")),
                 QStringLiteral("connected"));
    }
};

QTEST_MAIN(TestHostileModal)
#include "tst_hostilemodal.moc"
