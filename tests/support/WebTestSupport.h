// Test helpers for real WebEngine pages: waiting, scripts in a page, the modal's state, its forms.
#pragma once

#include <QEventLoop>
#include <QPointer>
#include <QTest>
#include <QTimer>
#include <QVariant>
#include <QWebEnginePage>

#include <functional>
#include <memory>

namespace WebTest {

constexpr int pageTimeout = 20000;

// Waits in a real event loop until `predicate` holds. QTest::qWaitFor sleeps 10 ms between
// rounds, and WebEngine's browser side (which runs on this thread) needs many rounds per page
// load: a load that takes 0.1 s in the app takes 3 s under qWaitFor.
inline bool waitUntil(const std::function<bool()> &predicate, int timeoutMs = pageTimeout)
{
    if (predicate())
        return true;
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(5);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (predicate())
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    poll.start();
    loop.exec();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return predicate();
}

// Runs `script` in `page` and waits for its value. The callback may come after we gave up (or
// never, when the page goes away), so it holds no reference to this stack frame.
inline QVariant evaluate(QWebEnginePage *page, const QString &script)
{
    struct Answer
    {
        QVariant value;
        bool done = false;
    };
    auto answer = std::make_shared<Answer>();
    QPointer<QWebEnginePage> guard(page);
    page->runJavaScript(script, [answer](const QVariant &value) {
        answer->value = value;
        answer->done = true;
    });
    if (!waitUntil([&] { return answer->done || !guard; }))
        qWarning() << "script did not finish:" << script;
    return answer->value;
}

// The modal's body data-state ("form", "picker", "oauth", "consent", …).
inline QString state(QWebEnginePage *page)
{
    return evaluate(page,
                    QStringLiteral("document.body ? (document.body.dataset.state || '') : ''"))
        .toString();
}

inline QString formError(QWebEnginePage *page)
{
    return evaluate(page,
                    QStringLiteral("(document.getElementById('form-error')||{}).textContent||''"))
        .toString()
        .trimmed();
}

// Fills the PostgreSQL form and submits it.
inline void fillPostgres(QWebEnginePage *page, const QString &password = QStringLiteral("secret"))
{
    evaluate(
        page,
        QStringLiteral(
            "(function(){"
            "const set=(id,v)=>{const e=document.getElementById('field-'+id);"
            " e.value=v; e.dispatchEvent(new Event('input',{bubbles:true}));};"
            "set('hostname','db.example.com'); set('port','5432'); set('database','analytics');"
            "set('username','reader'); set('password','%1');"
            "document.getElementById('submit').click(); return true;})()")
            .arg(password));
}

// Clicks an element without waiting: a click may close the page it runs in (OAuth popups do).
inline void click(QWebEnginePage *page, const QString &elementId)
{
    page->runJavaScript(QStringLiteral("document.getElementById('%1').click()").arg(elementId));
}

} // namespace WebTest

// QTRY_VERIFY and QTRY_COMPARE, waiting with WebTest::waitUntil (see there why).
#define WEB_TRY_VERIFY(expr) QVERIFY2(WebTest::waitUntil([&] { return bool(expr); }), #expr)
#define WEB_TRY_COMPARE(actual, expected)                                                          \
    do {                                                                                           \
        WebTest::waitUntil([&] { return (actual) == (expected); });                                \
        QCOMPARE(actual, expected);                                                                \
    } while (false)
