// Specification: no page can crash, freeze or fool the app. Each test runs one attack (sandbox
// fault --attack NAME, resources/sandbox/attacks.js) from the modal of a real session in the real
// connect window, and asserts that the app outlives it and that the session still ends with
// exactly one result, the one a person would expect.
#include "SandboxBackends.h"
#include "SandboxFixture.h"
#include "TestFiles.h"
#include "WebTestSupport.h"
#include "core/model/ExchangeLog.h"
#include "core/settings/AppSettings.h"
#include "sandbox/SandboxServer.h"
#include "ui/Banner.h"
#include "ui/ConnectWindow.h"
#include "ui/PopupWindow.h"
#include "ui/ProblemView.h"
#include "web/ConnectWebPage.h"

#include <QApplication>
#include <QClipboard>
#include <QDropEvent>
#include <QFileDialog>
#include <QJsonObject>
#include <QLabel>
#include <QMimeData>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWebEngineProfile>
#include <QWebEngineView>

#include <memory>

using namespace WebTest;
using View = ConnectWindow::View;
using Outcome = SessionResult::Outcome;

class TestHostilePages : public QObject
{
    Q_OBJECT

    SandboxFixture m_sandbox;
    std::unique_ptr<ConnectWindow> m_window;
    std::unique_ptr<QSignalSpy> m_finished;
    int m_sessions = 0;

    // A session whose modal makes `attack` once it shows its form.
    ConnectWindow *openUnder(const QString &attack,
                             const QString &type = QStringLiteral("postgresql"))
    {
        SandboxFaults faults;
        faults.attack = attack;
        m_sandbox.server->setFaults(faults);
        SessionRequest request;
        // A name of its own: a completed session's name is taken for the next one.
        request.name = QStringLiteral("Attack %1 %2").arg(attack).arg(++m_sessions);
        request.integrations = {type};
        m_window = std::make_unique<ConnectWindow>(m_sandbox.provider, request,
                                                   m_sandbox.webProfile, m_sandbox.settings);
        m_finished = std::make_unique<QSignalSpy>(m_window.get(), &ConnectWindow::sessionFinished);
        m_window->show();
        m_window->start();
        return m_window.get();
    }

    static QString attackState(QWebEnginePage *page)
    {
        return evaluate(page, QStringLiteral("document.documentElement.dataset.attack || ''"))
            .toString();
    }
    static QString attackAnswer(QWebEnginePage *page)
    {
        return evaluate(page, QStringLiteral("document.documentElement.dataset.attackAnswer || ''"))
            .toString();
    }

    // Presses Space on the page's focused file input; `inDialog` runs once the app's file dialog
    // shows (inside the dialog's own event loop, as the page is).
    bool chooseFiles(ConnectWindow *window, const std::function<void(QFileDialog *)> &inDialog)
    {
        window->activateWindow();
        window->webView()->setFocus();
        QTest::keyClick(window->webView()->focusProxy(), Qt::Key_Space);
        bool seen = false;
        return waitUntil([&] {
            if (seen)
                return true;
            auto *dialog = window->findChild<QFileDialog *>();
            if (!dialog || !dialog->isVisible())
                return false;
            seen = true;
            inDialog(dialog);
            return true;
        });
    }

    // The modal shows its form and has set up an attack that waits for the person.
    bool waitForReady(ConnectWindow *window)
    {
        return waitUntil([&] { return window->currentView() == View::Modal; })
            && waitUntil([&] { return attackState(window->page()) == QLatin1String("ready"); });
    }

    // The modal shows its form and has made its attack.
    bool waitForAttack(ConnectWindow *window)
    {
        return waitUntil([&] { return window->currentView() == View::Modal; })
            && waitUntil([&] { return attackState(window->page()) == QLatin1String("made"); });
    }

    bool logHas(ConnectWindow *window, const QString &type, const QString &needle) const
    {
        const auto &entries = window->session()->log()->entries();
        return std::any_of(entries.cbegin(), entries.cend(), [&](const ExchangeEntry &entry) {
            return entry.method == type
                && (entry.note.contains(needle) || entry.url.contains(needle));
        });
    }

    // Every popup of the session has gone (refused or closed), shown or not.
    bool noPopupsLeft(ConnectWindow *window) const
    {
        return window->page()->popups().isEmpty() && window->popupWindows().isEmpty();
    }

    // The modal still works after the attack: its form completes the session, once.
    void completesOnce(ConnectWindow *window)
    {
        QCOMPARE(window->currentView(), View::Modal);
        fillPostgres(window->page());
        WEB_TRY_COMPARE(m_finished->count(), 1);
        QCOMPARE(window->session()->result().outcome, Outcome::Completed);
        QTest::qWait(50); // nothing more arrives
        QCOMPARE(m_finished->count(), 1);
    }

    // A popup whose blank first document the attack fills: never shown, closed, and the app is
    // still here to complete the session.
    void outlivesBlankPopupAttack(const QString &attack)
    {
        ConnectWindow *window = openUnder(attack);
        QSignalSpy opened(window->page(), &ConnectWebPage::popupOpened);
        QSignalSpy ready(window->page(), &ConnectWebPage::popupReady);
        QVERIFY(waitForAttack(window));
        WEB_TRY_VERIFY(opened.count() >= 1);
        WEB_TRY_VERIFY(noPopupsLeft(window));
        QCOMPARE(ready.count(), 0);
        QVERIFY(logHas(window, QStringLiteral("refused"), QStringLiteral("popup")));
        completesOnce(window);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // A renderer's script heap of 256 MB (Chromium's own is some GB): a page that exhausts
        // it does so in seconds, not minutes (aPageThatExhaustsItsMemory…). Before the first page.
        qputenv("QTWEBENGINE_CHROMIUM_FLAGS",
                qgetenv("QTWEBENGINE_CHROMIUM_FLAGS") + " --js-flags=--max-old-space-size=256");
        QString error;
        QVERIFY2(m_sandbox.start({}, &error), qPrintable(error));
    }

    void cleanup()
    {
        m_finished.reset();
        m_window.reset(); // pages go before their profile
        m_sandbox.server->setFaults({});
    }

    // 1. Popups whose first, blank document gets content.
    void aPopupOfAJavaScriptUrlThatSetsTheTitleDoesNotCrash()
    {
        outlivesBlankPopupAttack(QStringLiteral("popup-javascript-title"));
    }
    void aNamedPopupOfAJavaScriptUrlWithFeaturesDoesNotCrash()
    {
        outlivesBlankPopupAttack(QStringLiteral("popup-javascript-title-named"));
    }
    void aPopupOfAJavaScriptUrlWhoseValueIsAStringDoesNotCrash()
    {
        outlivesBlankPopupAttack(QStringLiteral("popup-javascript-string"));
    }
    void aBlankPopupWrittenWithDocumentWriteDoesNotCrash()
    {
        outlivesBlankPopupAttack(QStringLiteral("popup-write"));
    }
    void aBlankPopupFilledThroughInnerHtmlDoesNotCrash()
    {
        outlivesBlankPopupAttack(QStringLiteral("popup-innerhtml"));
    }
    void aFormAimedAtANewWindowWithAJavaScriptActionDoesNotCrash()
    {
        outlivesBlankPopupAttack(QStringLiteral("form-blank-javascript"));
    }
    void aJavaScriptUrlPopupFromAPopupDoesNotCrash()
    {
        ConnectWindow *window = openUnder(QStringLiteral("popup-then-javascript"));
        QVERIFY(waitForAttack(window));
        // The first popup is a web page and is shown; the one it opens is not, and goes.
        WEB_TRY_COMPARE(window->popupWindows().size(), 1);
        PopupWindow *first = window->popupWindows().constFirst();
        WEB_TRY_COMPARE(attackState(first->page()), QStringLiteral("made"));
        WEB_TRY_VERIFY(logHas(window, QStringLiteral("refused"), QStringLiteral("popup")));
        WEB_TRY_VERIFY(first->page()->popups().isEmpty());
        completesOnce(window);
        QVERIFY(noPopupsLeft(window));
    }
    void aJavaScriptUrlPopupFromAFrameOfAnotherOriginDoesNotCrash()
    {
        ConnectWindow *window = openUnder(QStringLiteral("frame-javascript-popup"));
        QSignalSpy opened(window->page(), &ConnectWebPage::popupOpened);
        QVERIFY(waitForAttack(window));
        WEB_TRY_VERIFY(opened.count() >= 1);
        WEB_TRY_VERIFY(noPopupsLeft(window));
        completesOnce(window);
    }
    void anOAuthPopupThatSaysLoadingFirstIsShownAndCompletes()
    {
        ConnectWindow *window =
            openUnder(QStringLiteral("oauth-loading-first"), QStringLiteral("hubspot"));
        QVERIFY(waitForAttack(window));
        click(window->page(), QStringLiteral("oauth-signin"));
        WEB_TRY_COMPARE(window->popupWindows().size(), 1);
        QPointer<PopupWindow> popup = window->popupWindows().constFirst();
        QVERIFY(popup->isVisible());
        WEB_TRY_COMPARE(state(popup->page()), QStringLiteral("consent"));
        QCOMPARE(popup->addressText(), m_sandbox.server->url().toString());
        // window.opener, postMessage and window.close() still work.
        click(popup->page(), QStringLiteral("allow"));
        WEB_TRY_COMPARE(m_finished->count(), 1);
        QCOMPARE(window->session()->result().outcome, Outcome::Completed);
        QCOMPARE(window->session()->result().connection->typeId, QStringLiteral("hubspot"));
        WEB_TRY_VERIFY(popup.isNull());
    }
    void aNoopenerPopupIsShownAndTheSessionStillCompletes()
    {
        ConnectWindow *window = openUnder(QStringLiteral("popup-noopener"));
        QVERIFY(waitForAttack(window));
        WEB_TRY_COMPARE(window->popupWindows().size(), 1);
        completesOnce(window);
        QVERIFY(noPopupsLeft(window));
    }
    void aPopupOfAJavaScriptUrlWithANumberValueGoes()
    {
        outlivesBlankPopupAttack(QStringLiteral("popup-javascript-1"));
    }

    // 2. JavaScript dialogs.
    void anAlertIsShownInTheWindowAsThePagesAndLogged()
    {
        ConnectWindow *window = openUnder(QStringLiteral("alert"));
        QVERIFY(waitForAttack(window));
        WEB_TRY_VERIFY(window->pageMessage()->isVisible());
        QVERIFY(window->pageMessage()->text().contains(QStringLiteral("Message from the page")));
        QVERIFY(window->pageMessage()->text().contains(QStringLiteral("Call +1 555 0100")));
        QVERIFY(logHas(window, QStringLiteral("dialog"), QStringLiteral("Call +1 555 0100")));
        // No window of any kind came up over the connect window.
        for (QWidget *widget : QApplication::topLevelWidgets())
            QVERIFY2(!widget->isVisible() || widget == window, qPrintable(widget->objectName()));
        completesOnce(window);
    }
    void aConfirmIsAnsweredCancel()
    {
        ConnectWindow *window = openUnder(QStringLiteral("confirm"));
        QVERIFY(waitForAttack(window));
        QCOMPARE(attackAnswer(window->page()), QStringLiteral("false"));
        QVERIFY(
            logHas(window, QStringLiteral("dialog"), QStringLiteral("Delete all connections?")));
        completesOnce(window);
    }
    void aPromptCollectsNothingForThePage()
    {
        ConnectWindow *window = openUnder(QStringLiteral("prompt"));
        QVERIFY(waitForAttack(window));
        QCOMPARE(attackAnswer(window->page()), QStringLiteral("null"));
        WEB_TRY_VERIFY(window->pageMessage()->text().contains(QStringLiteral("does not pass")));
        completesOnce(window);
    }
    void messagesFromThePageCanBeHidden()
    {
        ConnectWindow *window = openUnder(QStringLiteral("alert"));
        QVERIFY(waitForAttack(window));
        WEB_TRY_VERIFY(window->pageMessage()->isVisible());
        QCOMPARE(window->pageMessage()->buttons().size(), 1);
        window->pageMessage()->buttons().constFirst()->click();
        QVERIFY(!window->pageMessage()->isVisible());
        // The next one is logged, not shown.
        window->page()->runJavaScript(QStringLiteral("alert('second')"));
        WEB_TRY_VERIFY(logHas(window, QStringLiteral("dialog"), QStringLiteral("second")));
        QVERIFY(!window->pageMessage()->isVisible());
    }
    void aLoopOfAlertsCannotStopEscapeFromCancelling()
    {
        ConnectWindow *window = openUnder(QStringLiteral("alert-loop"));
        // A page in a loop of alerts answers no script: count its dialogs instead.
        WEB_TRY_VERIFY(window->page()->dialogCount() > ConnectWebPage::reportedDialogs);
        QTest::keyClick(window, Qt::Key_Escape);
        WEB_TRY_COMPARE(m_finished->count(), 1);
        QCOMPARE(window->session()->result().outcome, Outcome::Cancelled);
        // Only the first few are in Details.
        const auto &entries = window->session()->log()->entries();
        QCOMPARE(std::count_if(entries.cbegin(), entries.cend(),
                               [](const ExchangeEntry &entry) {
                                   return entry.method == QLatin1String("dialog");
                               }),
                 qsizetype(ConnectWebPage::reportedDialogs));
    }
    void aPopupThatAsksToStayIsClosedWhenThePersonClosesIt()
    {
        ConnectWindow *window = openUnder(QStringLiteral("popup-beforeunload"));
        QVERIFY(waitForAttack(window));
        WEB_TRY_COMPARE(window->popupWindows().size(), 1);
        QPointer<PopupWindow> popup = window->popupWindows().constFirst();
        WEB_TRY_COMPARE(attackState(popup->page()), QStringLiteral("made"));
        // Used by the person, so that Chromium asks its beforeunload.
        popup->activateWindow();
        popup->view()->setFocus();
        evaluate(popup->page(), QStringLiteral("document.getElementById('stay').focus()"));
        QTest::keyClicks(popup->view()->focusProxy(), QStringLiteral("typed"));
        QPointer<ConnectWebPage> page = popup->page();
        popup->close();
        WEB_TRY_VERIFY(page.isNull());
        WEB_TRY_VERIFY(popup.isNull());
        QVERIFY(noPopupsLeft(window));
        completesOnce(window);
    }

    // 4. The minor decisions (README, "Decided and left as in a browser").
    void aCopyWithoutThePersonsGestureLeavesTheClipboardAlone()
    {
        QApplication::clipboard()->setText(QStringLiteral("the person's own"));
        ConnectWindow *window = openUnder(QStringLiteral("copy-without-gesture"));
        QVERIFY(waitForAttack(window));
        QCOMPARE(attackAnswer(window->page()), QStringLiteral("refused"));
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("the person's own"));
        completesOnce(window);
    }
    void aCopyInThePersonsKeyPressReachesTheClipboard()
    {
        QApplication::clipboard()->setText(QStringLiteral("the person's own"));
        ConnectWindow *window = openUnder(QStringLiteral("copy-on-click"));
        QVERIFY(waitForReady(window));
        window->activateWindow();
        window->webView()->setFocus();
        QTest::keyClick(window->webView()->focusProxy(), Qt::Key_Space); // the focused Copy
        WEB_TRY_COMPARE(attackState(window->page()), QStringLiteral("made"));
        QCOMPARE(attackAnswer(window->page()), QStringLiteral("copied"));
        WEB_TRY_COMPARE(QApplication::clipboard()->text(),
                        QStringLiteral("copied on the person's click"));
        completesOnce(window);
    }
    void aFileThePersonDropsOnThePageIsTheirsToGive()
    {
        ConnectWindow *window = openUnder(QStringLiteral("drop-file"));
        QVERIFY(waitForReady(window));
        const QString path = m_sandbox.path(QStringLiteral("dropped.txt"));
        TestFiles::write(path, "dropped by the person");
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        QWidget *target = window->webView()->focusProxy();
        const QPoint at = target->rect().center();
        QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &enter);
        QDragMoveEvent move(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &move);
        QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &drop);
        WEB_TRY_COMPARE(attackState(window->page()), QStringLiteral("made"));
        QCOMPARE(attackAnswer(window->page()), QStringLiteral("dropped by the person"));
        completesOnce(window);
    }
    void aFileInputAsksInADialogModalToTheConnectWindowOnly()
    {
        ConnectWindow *window = openUnder(QStringLiteral("file-input"));
        QVERIFY(waitForReady(window));
        const QString path = m_sandbox.path(QStringLiteral("chosen.txt"));
        TestFiles::write(path, "chosen by the person");
        Qt::WindowModality modality = Qt::NonModal;
        QStringList filters;
        QVERIFY(chooseFiles(window, [&](QFileDialog *dialog) {
            modality = dialog->windowModality();
            filters = dialog->nameFilters();
            QVERIFY(window->page()->isChoosingFiles());
            dialog->selectFile(path);
            static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept, as Open does
        }));
        QCOMPARE(modality, Qt::WindowModal);
        QVERIFY2(filters.constFirst().contains(QLatin1String("*.txt"))
                     && filters.constFirst().contains(QLatin1String("*.json")),
                 qPrintable(filters.join(QLatin1Char('|'))));
        WEB_TRY_COMPARE(attackState(window->page()), QStringLiteral("made"));
        QCOMPARE(attackAnswer(window->page()), QStringLiteral("chosen by the person"));
        QVERIFY(!window->page()->isChoosingFiles());
        completesOnce(window);
    }
    void aWindowClosedWhileItsFileDialogIsOpenTakesThePageWithItSafely()
    {
        ConnectWindow *window = openUnder(QStringLiteral("file-input"));
        QVERIFY(waitForReady(window));
        QPointer<ConnectWebPage> page = window->page();
        Outcome outcome = Outcome::Completed;
        int results = 0;
        connect(window->session(), &ConnectSession::finished, this,
                [&](const SessionResult &result) {
                    outcome = result.outcome;
                    ++results;
                });
        QPointer<QFileDialog> gone;
        QVERIFY(chooseFiles(window, [&](QFileDialog *dialog) {
            gone = dialog;
            m_window.reset(); // the session ends (cancelled) while the page waits for its files
        }));
        QCOMPARE(results, 1);
        QCOMPARE(outcome, Outcome::Cancelled);
        QVERIFY(gone.isNull());
        // Deleted once the call that asked for files has returned to the web engine.
        WEB_TRY_VERIFY(page.isNull());
    }
    void aPageThatExhaustsItsMemoryEndsItsRendererAndTheWindowSaysSo()
    {
        ConnectWindow *window = openUnder(QStringLiteral("exhaust-memory"));
        QSignalSpy terminated(window->page(), &QWebEnginePage::renderProcessTerminated);
        QVERIFY(waitForAttack(window));
        QVERIFY(waitUntil([&] { return terminated.count() == 1; }, 120000));
        WEB_TRY_COMPARE(window->currentView(), View::Problem);
        QCOMPARE(window->problemView()->heading(), QStringLiteral("The page stopped working"));
        QVERIFY(!window->session()->isFinished());
        // Closed on the problem, the session ends failed, with the reason.
        QTest::keyClick(window, Qt::Key_Escape);
        WEB_TRY_COMPARE(m_finished->count(), 1);
        QCOMPARE(window->session()->result().outcome, Outcome::Failed);
        QCOMPARE(window->session()->result().errorCode, QStringLiteral("renderer_crashed"));
    }

    // 5. What held: keep it holding.
    void developerToolsCannotBeOpened()
    {
        ConnectWindow *window = openUnder(QStringLiteral("none"));
        QVERIFY(waitForAttack(window));
        const int windows = QApplication::topLevelWidgets().size();
        QWidget *input = window->webView()->focusProxy();
        QVERIFY(input);
        QTest::keyClick(input, Qt::Key_F12);
        QTest::keyClick(input, Qt::Key_I, Qt::ControlModifier | Qt::ShiftModifier);
        QTest::keyClick(input, Qt::Key_J, Qt::ControlModifier | Qt::ShiftModifier);
        // A round trip through the page: the keys have been handled by then.
        QCOMPARE(evaluate(window->page(), QStringLiteral("1 + 1")).toInt(), 2);
        QVERIFY(!window->page()->devToolsPage());
        QCOMPARE(QApplication::topLevelWidgets().size(), windows);
        QVERIFY(!window->page()->popups().size());
        completesOnce(window);
    }

    // 4. What pages may do to the modal and the top frame.
    void aJavaScriptUrlInTheTopFrameStaysThePagesOwnAndEscapeCancels()
    {
        // Qt 6.4 does not show javascript: navigations to the host: the page replaces its own
        // document with script of its own origin, as it could with document.write. What holds:
        // the session is unchanged and ends as the person decides.
        ConnectWindow *window = openUnder(QStringLiteral("top-javascript"));
        WEB_TRY_COMPARE(window->page()->title(), QStringLiteral("replaced"));
        QCOMPARE(window->page()->url().host(), m_sandbox.server->url().host());
        QVERIFY(!window->session()->isFinished());
        QTest::keyClick(window, Qt::Key_Escape);
        WEB_TRY_COMPARE(m_finished->count(), 1);
        QCOMPARE(window->session()->result().outcome, Outcome::Cancelled);
    }
    void aFrameOfAnotherOriginCannotSendTheTopFrameAwayWithoutAGesture()
    {
        // Chromium's own rule (a frame may navigate the top frame only if it is of the same
        // origin or the person used it), kept in Qt 6.4: keep it holding, by every way a
        // script has to ask.
        ConnectWindow *window = openUnder(QStringLiteral("frame-top-navigation"));
        QVERIFY(waitForAttack(window));
        QCOMPARE(attackAnswer(window->page()), QStringLiteral("attempted"));
        QCOMPARE(window->page()->url().host(), m_sandbox.server->url().host());
        QVERIFY(!window->addressWarning()->isVisible());
        completesOnce(window);
    }
    void theWindowSaysWhenThePageIsNoLongerThePlatforms()
    {
        ConnectWindow *window = openUnder(QStringLiteral("leave-platform"));
        WEB_TRY_COMPARE(window->page()->url().host(), QStringLiteral("localhost"));
        WEB_TRY_VERIFY(window->addressWarning()->isVisible());
        QVERIFY(window->addressWarning()->text().contains(QStringLiteral("localhost")));
        QVERIFY(window->addressText().contains(QStringLiteral("localhost")));
        QVERIFY(logHas(window, QStringLiteral("page"), QStringLiteral("localhost")));
        QTest::keyClick(window, Qt::Key_Escape);
        WEB_TRY_COMPARE(m_finished->count(), 1);
        QCOMPARE(window->session()->result().outcome, Outcome::Cancelled);
    }
    void theAddressShowsThePlatformsOriginAndNoWarning()
    {
        ConnectWindow *window = openUnder(QStringLiteral("none"));
        QVERIFY(waitForAttack(window));
        QCOMPARE(window->addressText(),
                 QStringLiteral("This computer \u00b7 %1").arg(m_sandbox.server->url().toString()));
        QVERIFY(!window->addressWarning()->isVisible());
        completesOnce(window);
    }
    void aFloodOfPopupsOpensOnlyAFew()
    {
        ConnectWindow *window = openUnder(QStringLiteral("popup-flood"));
        QVERIFY(waitForAttack(window));
        WEB_TRY_COMPARE(window->popupWindows().size(), ConnectWebPage::maxPopups);
        QCOMPARE(window->page()->popups().size(), ConnectWebPage::maxPopups);
        QVERIFY(logHas(window, QStringLiteral("refused"), QStringLiteral("already open")));
        completesOnce(window);
        QVERIFY(noPopupsLeft(window));
    }
    void theRedirectFetchedOrAsAnImageDoesNotEndTheSession()
    {
        ConnectWindow *window = openUnder(QStringLiteral("redirect-subresources"));
        QVERIFY(waitForAttack(window));
        // Both requests reached the app's port and were answered there (404).
        QCOMPARE(attackAnswer(window->page()), QStringLiteral("fetched"));
        QCOMPARE(window->session()->state(), ConnectSession::State::InModal);
        completesOnce(window);
    }
    void aHugeRedirectQueryIsKeptShort()
    {
        ConnectWindow *window = openUnder(QStringLiteral("redirect-huge-query"));
        WEB_TRY_COMPARE(m_finished->count(), 1);
        const SessionResult &result = window->session()->result();
        QCOMPARE(result.outcome, Outcome::Cancelled);
        const QString junk = result.redirectQuery.value(QLatin1String("junk")).toString();
        QCOMPARE(junk.size(), SessionResult::maxRedirectText);
        QVERIFY(junk.endsWith(QChar(0x2026)));
        for (const ExchangeEntry &entry : window->session()->log()->entries())
            QVERIFY(entry.url.size() < ExchangeLog::maxText + 100);
    }
    void aBusyPageCannotStopEscapeFromCancelling()
    {
        ConnectWindow *window = openUnder(QStringLiteral("busy-loop"));
        QVERIFY(waitUntil([&] { return window->currentView() == View::Modal; }));
        // The page's script never yields, so it cannot be asked anything; its title, set just
        // before the loop, says it has begun.
        WEB_TRY_COMPARE(window->page()->title(), QStringLiteral("busy"));
        QTest::keyClick(window, Qt::Key_Escape);
        WEB_TRY_COMPARE(m_finished->count(), 1);
        QCOMPARE(window->session()->result().outcome, Outcome::Cancelled);
    }
};

QTEST_MAIN(TestHostilePages)
#include "tst_hostilepages.moc"
