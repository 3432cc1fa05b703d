// The app as people start it (Application::run, the same code as connect-desktop), driven
// through its main window: start-up to the filled picker, then sessions as a person does them,
// click to form, form to redirect, redirect to result.
#include "Child.h"
#include "Probe.h"
#include "app/Application.h"
#include "ui/ConnectWindow.h"
#include "ui/IntegrationPicker.h"
#include "ui/MainWindow.h"
#include "ui/SettingsDialog.h" // MainWindow.h holds a QPointer to it
#include "web/ConnectWebPage.h"

#include <QApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QListView>
#include <QPointer>
#include <QTimer>

namespace {

// Fills the sandbox's PostgreSQL form and submits it; false while the form is not there yet.
const auto fillForm = QStringLiteral(
    "(function(){const f=(id)=>document.getElementById('field-'+id);"
    "if(!f('hostname')||!document.getElementById('submit'))return false;"
    "const set=(id,v)=>{const e=f(id);e.value=v;e.dispatchEvent(new "
    "Event('input',{bubbles:true}));};"
    "set('hostname','db.example.com');set('port','5432');set('database','analytics');"
    "set('username','reader');set('password','secret');"
    "document.getElementById('submit').click();return true;})()");

struct SessionTimes
{
    qint64 click = 0;
    qint64 made = 0; // the connect window is made (it shows once its page starts loading)
    qint64 shown = 0; // the connect window is shown
    qint64 painted = 0; // the connect window is first painted
    qint64 requested = 0; // the platform answered the POST: the page starts loading
    qint64 loadStarted = 0; // the page's loadStarted
    qint64 pidBefore = 0, pidAfter = 0; // the page's renderer when the window opened, at the form
    qint64 loaded = 0; // the page's loadFinished
    qint64 ready = 0; // the form is on screen (the window shows the page)
    qint64 domReady = 0; // the page said DOMContentLoaded (when the app reports it)
    qint64 redirect = 0;
    qint64 result = 0;
    bool completed = false;
    // CPU time of the app and its web engine processes at the click and at DOMContentLoaded.
    QList<qint64> pids;
    Probe::CpuUse cpuBefore, cpuAtReady;
};

// When a window is first shown, and first painted.
class ShowWatch : public QObject
{
public:
    ShowWatch(qint64 *shown, qint64 *painted)
        : m_shown(shown)
        , m_painted(painted)
    { }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Show && !*m_shown)
            *m_shown = Probe::nowNs();
        if (event->type() == QEvent::Paint && !*m_painted)
            *m_painted = Probe::nowNs();
        return QObject::eventFilter(watched, event);
    }

private:
    qint64 *m_shown;
    qint64 *m_painted;
};

class Driver : public QObject
{
public:
    Driver(MainWindow &window, const ChildOptions &options)
        : m_window(window)
        , m_options(options)
    {
        m_window.picker()->listView()->viewport()->installEventFilter(&m_paint);
        connect(&m_window, &MainWindow::integrationsShown, this, [this] { m_paint.armed = true; });
        // Filled already, from the disk cache, before the window was first shown.
        m_filledFromCache = !m_window.picker()->types().isEmpty();
        if (m_filledFromCache)
            m_paint.armed = true;
        QTimer::singleShot(0, this, [this] { run(); });
    }

private:
    void run()
    {
        if (!Child::waitUntil([this] { return m_paint.at != 0; }))
            Child::fail(QStringLiteral("app: the picker was never filled"));
        const qint64 readyNs = m_paint.at;
        if (m_options.startupOnly) {
            Probe::report(QJsonObject{{QLatin1String("ready_ns"), QString::number(readyNs)},
                                      {QLatin1String("picker_from_cache"), m_filledFromCache}});
            m_window.close();
            QCoreApplication::quit();
            return;
        }

        const int sessions =
            m_options.soakSessions > 0 ? m_options.soakSessions : m_options.samples;
        QJsonArray modal, domReady, confirm, phases;
        QJsonObject soakProcesses;
        QJsonArray soakReadings; // [session, MiB]
        double rssMb = 0;
        int processes = 0;
        QStringList kinds;
        for (int i = 0; i < sessions; ++i) {
            Child::pause(m_options.soakSessions > 0 && i > 0 ? m_options.soakThinkMs
                                                             : m_options.thinkMs);
            const SessionTimes times = session();
            if (!times.completed)
                Child::fail(QStringLiteral("app: session %1 did not complete").arg(i + 1));
            modal.append(Probe::msBetween(times.click, times.ready));
            if (times.domReady)
                domReady.append(Probe::msBetween(times.click, times.domReady));
            confirm.append(Probe::msBetween(times.redirect, times.result));
            // Where the click-to-form time goes, from the click.
            phases.append(QJsonObject{
                {QLatin1String("window_made"), Probe::msBetween(times.click, times.made)},
                {QLatin1String("window_shown"), Probe::msBetween(times.click, times.shown)},
                {QLatin1String("window_painted"), Probe::msBetween(times.click, times.painted)},
                {QLatin1String("post_answered"), Probe::msBetween(times.click, times.requested)},
                {QLatin1String("load_started"), Probe::msBetween(times.click, times.loadStarted)},
                {QLatin1String("dom_ready"), Probe::msBetween(times.click, times.domReady)},
                {QLatin1String("load_finished"), Probe::msBetween(times.click, times.loaded)},
                {QLatin1String("form_shown"), Probe::msBetween(times.click, times.ready)},
                {QLatin1String("same_renderer"), times.pidBefore == times.pidAfter},
                {QLatin1String("cpu_ms"), Probe::cpuBetween(times.cpuBefore, times.cpuAtReady)}});
            if (i == 0)
                rssMb = Child::settledResidentMiB(m_options.settleMs, &processes, &kinds);
            // The soak's memory: after session 20, every tenth after it and the last.
            const int done = i + 1;
            if (m_options.soakSessions > 0 && done >= 20 && (done % 10 == 0 || done == sessions)) {
                QStringList soakKinds;
                const double mb =
                    Child::settledResidentMiB(m_options.settleMs, nullptr, &soakKinds);
                soakReadings.append(QJsonArray{done, mb});
                if (done == 20 || done == sessions)
                    soakProcesses.insert(done == 20 ? QStringLiteral("after_session_20")
                                                    : QStringLiteral("after_last_session"),
                                         QJsonArray::fromStringList(soakKinds));
            }
        }
        QJsonObject report{{QLatin1String("ready_ns"), QString::number(readyNs)},
                           {QLatin1String("modal_ready_ms"), modal},
                           {QLatin1String("dom_ready_ms"), domReady},
                           {QLatin1String("confirm_ms"), confirm},
                           {QLatin1String("phases"), phases},
                           {QLatin1String("rss_total_mb"), rssMb},
                           {QLatin1String("processes"), processes},
                           {QLatin1String("picker_from_cache"), m_filledFromCache},
                           {QLatin1String("process_mb"), QJsonArray::fromStringList(kinds)}};
        if (m_options.soakSessions > 0) {
            report.insert(QLatin1String("soak_sessions"), sessions);
            report.insert(QLatin1String("soak_process_mb"), soakProcesses);
            report.insert(QLatin1String("soak_readings"), soakReadings);
        }
        Probe::report(report);
        m_window.close();
        QCoreApplication::quit();
    }

    SessionTimes session()
    {
        SessionTimes times;
        const auto type = m_window.picker()->findType(m_options.integration);
        if (!type)
            Child::fail(QStringLiteral("app: the picker has no %1").arg(m_options.integration));
        QPointer<ConnectWindow> window;
        ShowWatch showWatch(&times.shown, &times.painted);
        QObject scope; // the connections below end with this function
        QMetaObject::Connection opened = connect(
            &m_window, &MainWindow::connectWindowOpened, &scope, [&](ConnectWindow *opened) {
                window = opened;
                opened->installEventFilter(&showWatch);
                times.pidBefore = opened->page()->renderProcessPid();
                connect(opened->session(), &ConnectSession::stateChanged, &scope,
                        [&times](ConnectSession::State state) {
                            if (state == ConnectSession::State::InModal && !times.ready)
                                times.ready = Probe::nowNs();
                            if (state == ConnectSession::State::Loading && !times.requested)
                                times.requested = Probe::nowNs();
                        });
                connect(opened->page(), &ConnectWebPage::documentReady, &scope, [&times, opened] {
                    if (!times.domReady) {
                        times.domReady = Probe::nowNs();
                        times.cpuAtReady = Probe::cpuUse(times.pids);
                    }
                    times.pidAfter = opened->page()->renderProcessPid();
                });
                connect(opened->page(), &QWebEnginePage::loadStarted, &scope, [&times] {
                    if (!times.loadStarted)
                        times.loadStarted = Probe::nowNs();
                });
                connect(opened->page(), &QWebEnginePage::loadFinished, &scope, [&times] {
                    if (!times.loaded)
                        times.loaded = Probe::nowNs();
                });
                connect(opened->page(), &ConnectWebPage::watchedUrlReached, &scope,
                        [&times] { times.redirect = Probe::nowNs(); });
                connect(opened, &ConnectWindow::sessionFinished, &scope,
                        [&times, opened](const SessionResult &result) {
                            times.result = Probe::nowNs();
                            times.completed = result.outcome == SessionResult::Outcome::Completed;
                        });
            });
        times.pids = Probe::treePids();
        times.cpuBefore = Probe::cpuUse(times.pids);
        times.click = Probe::nowNs();
        m_window.openIntegration(*type);
        times.made = Probe::nowNs();
        disconnect(opened);
        if (!window)
            Child::fail(QStringLiteral("app: no connect window opened"));
        if (!Child::waitUntil([&] { return times.ready != 0; }))
            Child::fail(QStringLiteral("app: the form never showed"));

        // The person types and submits.
        bool submitted = false;
        while (!submitted && window) {
            bool answered = false;
            window->page()->runJavaScript(fillForm, [&](const QVariant &value) {
                submitted = value.toBool();
                answered = true;
            });
            if (!Child::waitUntil([&] { return answered || !window; }))
                Child::fail(QStringLiteral("app: the form did not answer"));
        }
        if (!Child::waitUntil([&] { return times.result != 0 || !window; }))
            Child::fail(QStringLiteral("app: no result"));
        // The person closes the result. Queued, so that it runs inside the wait below like a
        // click would: the window's deleteLater is then posted by that loop, which runs it.
        if (window)
            QMetaObject::invokeMethod(window, &ConnectWindow::reject, Qt::QueuedConnection);
        if (!Child::waitUntil([&] { return !window; }, 5000))
            Child::fail(QStringLiteral("app: the closed connect window was not deleted"));
        return times;
    }

    MainWindow &m_window;
    ChildOptions m_options;
    Probe::FirstPaint m_paint;
    bool m_filledFromCache = false;
};

} // namespace

namespace Child {

int runApp(int, char **argv, const ChildOptions &options)
{
    // The app's own command line: the window, nothing else.
    static char *appArgv[] = {argv[0], nullptr};
    static int appArgc = 1;
    std::unique_ptr<Driver> driver;
    Application::Hooks hooks;
    hooks.windowShown = [&](MainWindow &window) {
        driver = std::make_unique<Driver>(window, options);
    };
    const int code = Application::run(appArgc, appArgv, hooks);
    driver.reset();
    return code;
}

} // namespace Child
