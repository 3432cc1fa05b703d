// Specification: the connect page is ready before the click. A page tells the window the moment
// its form is parsed; a page can be warmed up for the modal's site; one web view and its page
// outlive their connect window and host the next session, clean, in the same renderer; and what
// cannot serve again (a stopped renderer, a web profile going away) is not kept. A window takes
// over a session started before it, so the platform answers while the window is made.
#include "SandboxBackends.h"
#include "SandboxFixture.h"
#include "WebTestSupport.h"
#include "core/polytomic/PolytomicProvider.h"
#include "core/settings/AppSettings.h"
#include "sandbox/SandboxServer.h"
#include "ui/ConnectWindow.h"
#include "ui/ModalViewPool.h"
#include "web/ConnectWebPage.h"
#include "web/WebProfiles.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWebEngineHistory>
#include <QWebEngineProfile>
#include <QWebEngineView>

#include <csignal>
#include <memory>

using namespace WebTest;
using View = ConnectWindow::View;

class TestModalViews : public QObject
{
    Q_OBJECT

    SandboxFixture m_sandbox;

    // A session in `view` (a kept one, or a new one when null) that completes through the form.
    std::unique_ptr<ConnectWindow> completeSession(QWebEngineView *view, const QString &name)
    {
        SessionRequest request;
        request.name = name;
        request.integrations = {QStringLiteral("postgresql")};
        auto window = view
            ? std::make_unique<ConnectWindow>(m_sandbox.provider, request, view, m_sandbox.settings)
            : std::make_unique<ConnectWindow>(m_sandbox.provider, request, m_sandbox.webProfile,
                                              m_sandbox.settings);
        window->show();
        window->start();
        if (!waitUntil([&] { return window->currentView() == View::Modal; })
            || !waitUntil([&] { return state(window->page()) == QLatin1String("form"); }))
            return {};
        fillPostgres(window->page());
        if (!waitUntil([&] { return window->session()->isFinished(); }))
            return {};
        return window;
    }

    QUrl modalUrl(const QString &name)
    {
        // A session of the sandbox's own, for pages that load the modal without a window.
        SessionRequest request;
        request.name = name;
        request.integrations = {QStringLiteral("postgresql")};
        QUrl url;
        bool done = false;
        auto *polytomic = qobject_cast<PolytomicProvider *>(m_sandbox.provider);
        polytomic->createSession(request, QUrl(QStringLiteral("http://127.0.0.1:9/return")),
                                 nullptr, this, [&](const Result<ConnectSessionTicket> &result) {
                                     if (result.ok())
                                         url = result.value->modalUrl;
                                     done = true;
                                 });
        waitUntil([&] { return done; });
        return url;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_sandbox.start({}, &error), qPrintable(error));
    }

    void cleanup() { m_sandbox.server->setFaults({}); }

    void aPageSaysWhenItsFormIsParsed()
    {
        ConnectWebPage page(m_sandbox.webProfile);
        QSignalSpy ready(&page, &ConnectWebPage::documentReady);
        QSignalSpy loaded(&page, &QWebEnginePage::loadFinished);
        const QUrl url = modalUrl(QStringLiteral("Ready"));
        page.load(url);
        WEB_TRY_COMPARE(ready.count(), 1);
        QCOMPARE(ready.at(0).at(0).toUrl(), url);
        QCOMPARE(ready.at(0).at(1).toBool(), true);
        // Told before the load's end, which waits for everything else on the page.
        QVERIFY(loaded.count() <= 1);
        QCOMPARE(state(&page), QStringLiteral("form"));
    }

    void aBlankDocumentIsParsedButShowsNothing()
    {
        SandboxFaults faults;
        faults.blankModal = true;
        m_sandbox.server->setFaults(faults);
        ConnectWebPage page(m_sandbox.webProfile);
        QSignalSpy ready(&page, &ConnectWebPage::documentReady);
        page.load(modalUrl(QStringLiteral("Blank")));
        WEB_TRY_COMPARE(ready.count(), 1);
        QCOMPARE(ready.at(0).at(1).toBool(), false);
    }

    void thePageCannotImitateTheReadySignal()
    {
        // The page's own console says what it likes; only the app's world knows the token.
        ConnectWebPage page(m_sandbox.webProfile);
        QSignalSpy ready(&page, &ConnectWebPage::documentReady);
        page.load(modalUrl(QStringLiteral("Imitation")));
        WEB_TRY_COMPARE(ready.count(), 1);
        evaluate(&page,
                 QStringLiteral("for (const m of ['', '1', '1http://x/', 'ready']) "
                                "{ console.debug(m); console.log(m); } true"));
        // Messages come in order: had any counted, the reload's own would not be the second.
        page.triggerAction(QWebEnginePage::Reload);
        WEB_TRY_VERIFY(ready.count() >= 2);
        QCOMPARE(ready.count(), 2);
    }

    void aWarmedUpPageRunsALocalDocumentOfTheModalsSite()
    {
        ConnectWebPage page(m_sandbox.webProfile);
        QSignalSpy loaded(&page, &QWebEnginePage::loadFinished);
        const int requestsBefore = m_sandbox.server->apiRequestCount();
        page.warmUp(m_sandbox.server->url());
        WEB_TRY_COMPARE(loaded.count(), 1);
        QVERIFY(loaded.at(0).at(0).toBool());
        QVERIFY(page.renderProcessPid() > 0);
        QCOMPARE(evaluate(&page, QStringLiteral("location.origin")).toString(),
                 m_sandbox.server->url().toString(QUrl::RemovePath));
        // Nothing was asked of the server.
        QCOMPARE(m_sandbox.server->apiRequestCount(), requestsBefore);
    }

    void onlyWarmUpMayLoadALocalDocument()
    {
        ConnectWebPage page(m_sandbox.webProfile);
        QSignalSpy blocked(&page, &ConnectWebPage::blocked);
        page.warmUp(m_sandbox.server->url());
        WEB_TRY_VERIFY(page.url().isValid());
        page.setHtml(QStringLiteral("<p>not from the app</p>"));
        WEB_TRY_COMPARE(blocked.count(), 1);
    }

    void aKeptViewHostsTheNextSessionInTheSameRenderer()
    {
        ModalViewPool pool;
        pool.prepare(m_sandbox.webProfile, m_sandbox.server->url());
        QWebEngineView *prepared = pool.take(m_sandbox.webProfile);
        QVERIFY(prepared);
        QVERIFY(!pool.idleView());

        auto first = completeSession(prepared, QStringLiteral("Kept 1"));
        QVERIFY(first);
        QCOMPARE(first->session()->result().outcome, SessionResult::Outcome::Completed);
        const qint64 renderer = first->page()->renderProcessPid();
        QWebEngineView *view = first->releaseView();
        QCOMPARE(view, prepared);
        QVERIFY(!first->page());
        pool.giveBack(view);
        first.reset();
        QCOMPARE(pool.idleView(), view);

        QWebEngineView *again = pool.take(m_sandbox.webProfile);
        QCOMPARE(again, view);
        auto second = completeSession(again, QStringLiteral("Kept 2"));
        QVERIFY(second);
        QCOMPARE(second->session()->result().outcome, SessionResult::Outcome::Completed);
        QCOMPARE(second->page()->renderProcessPid(), renderer);
    }

    void aKeptViewForgetsTheSessionBefore()
    {
        ModalViewPool pool;
        auto first = completeSession(nullptr, QStringLiteral("Forget 1"));
        QVERIFY(first);
        ConnectWebPage *page = first->page();
        evaluate(page, QStringLiteral("sessionStorage.setItem('left', 'behind'); true"));
        QVERIFY(page->history()->count() >= 1);
        pool.giveBack(first->releaseView());
        first.reset();
        WEB_TRY_COMPARE(page->url(), QUrl(QStringLiteral("about:blank")));
        WEB_TRY_VERIFY(!page->history()->canGoBack());

        QWebEngineView *view = pool.take(m_sandbox.webProfile);
        QCOMPARE(view->page(), page);
        QVERIFY(!page->history()->canGoBack());
        QVERIFY(page->watchedUrl().isNull());
        page->load(modalUrl(QStringLiteral("Forget 2")));
        WEB_TRY_COMPARE(state(page), QStringLiteral("form"));
        QCOMPARE(evaluate(page, QStringLiteral("sessionStorage.getItem('left')")), QVariant());
        delete view;
    }

    void aViewWhoseRendererStoppedIsNotKept()
    {
        ModalViewPool pool;
        pool.prepare(m_sandbox.webProfile, m_sandbox.server->url());
        QWebEngineView *view = pool.idleView();
        QVERIFY(view);
        WEB_TRY_VERIFY(view->page()->renderProcessPid() > 0);
        QSignalSpy terminated(view->page(), &QWebEnginePage::renderProcessTerminated);
        ::kill(pid_t(view->page()->renderProcessPid()), SIGKILL);
        QVERIFY(terminated.wait(pageTimeout));
        WEB_TRY_VERIFY(!pool.idleView());
        QVERIFY(!pool.take(m_sandbox.webProfile));
    }

    void aWindowWhoseSessionIsNotOverKeepsItsView()
    {
        SessionRequest request;
        request.name = QStringLiteral("Running");
        request.integrations = {QStringLiteral("postgresql")};
        ConnectWindow window(m_sandbox.provider, request, m_sandbox.webProfile, m_sandbox.settings);
        window.show();
        window.start();
        WEB_TRY_COMPARE(window.currentView(), View::Modal);
        QVERIFY(!window.releaseView());
        QVERIFY(window.page());
    }

    void aWindowTakesOverASessionAlreadyAskingForItsPage()
    {
        SessionRequest request;
        request.name = QStringLiteral("Asked Early");
        request.integrations = {QStringLiteral("postgresql")};
        auto *session = new ConnectSession(m_sandbox.provider, request);
        session->start();
        QCOMPARE(session->state(), ConnectSession::State::Requesting);
        ConnectWindow window(session, m_sandbox.webProfile, nullptr, m_sandbox.settings);
        QCOMPARE(session->parent(), &window);
        QCOMPARE(window.currentView(), View::Preparing);
        window.show();
        WEB_TRY_COMPARE(window.currentView(), View::Modal);
        QCOMPARE(state(window.page()), QStringLiteral("form"));
    }

    void aWindowTakesOverASessionThatEndedBeforeIt()
    {
        SessionRequest request;
        request.name = QStringLiteral("Ended Early");
        request.integrations = {QStringLiteral("postgresql")};
        auto *session = new ConnectSession(m_sandbox.provider, request);
        session->start();
        session->cancel();
        QVERIFY(session->isFinished());
        ConnectWindow window(session, m_sandbox.webProfile, nullptr, m_sandbox.settings);
        QSignalSpy finished(&window, &ConnectWindow::sessionFinished);
        window.show();
        // Told once, after whoever made the window could connect to it.
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).value<SessionResult>().outcome,
                 SessionResult::Outcome::Cancelled);
        QCOMPARE(window.currentView(), View::Result);
    }

    void aKeptViewOnAnotherWebProfileIsNotHandedOut()
    {
        ModalViewPool pool;
        QWebEngineProfile other;
        pool.prepare(&other, m_sandbox.server->url());
        QVERIFY(pool.idleView());
        QVERIFY(!pool.take(m_sandbox.webProfile));
        QVERIFY(!pool.idleView()); // one is kept at a time, and that one was for another
    }

    void aKeptViewGoesBeforeItsWebProfileIsCleared()
    {
        WebProfiles profiles(m_sandbox.path(QStringLiteral("web")));
        ModalViewPool pool;
        connect(&profiles, &WebProfiles::releasing, &pool, &ModalViewPool::discard);
        Profile profile;
        profile.id = QStringLiteral("cleared");
        QWebEngineProfile *web = profiles.profileFor(profile);
        pool.prepare(web, m_sandbox.server->url());
        QCOMPARE(WebProfiles::pagesUsing(web), 1);
        QVERIFY(profiles.clearWebData(profile.id));
        QVERIFY(!pool.idleView());
        // No page held it, so the web profile itself went: the next one is new.
        QVERIFY(profiles.profileFor(profile) != nullptr);
    }
};

QTEST_MAIN(TestModalViews)
#include "tst_modalviews.moc"
