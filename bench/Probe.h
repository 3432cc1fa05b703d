// What the benchmark's processes share: one clock for all of them, the resident memory of a
// process tree, a page that says when its DOM is parsed, and the line a child reports with.
#pragma once

#include <QJsonObject>
#include <QWebEnginePage>

namespace Probe {

// CLOCK_MONOTONIC in nanoseconds: the same clock in every process of the machine, so the parent
// can subtract the time it started a child from a time the child reports.
qint64 nowNs();
double msBetween(qint64 fromNs, qint64 toNs);
// When this process's main() began, once marked: a child's report carries it ("main_ns"), so
// that its start-up can be split into the part before main() (exec and the dynamic linker,
// the same for app and baseline since both are this program) and the program's own part.
void markMain();

// Resident memory (VmRSS) of this process and all its descendants (the web engine's zygote,
// renderers, GPU and utility processes), in MiB; and the number of processes counted.
// `kinds`, when given, gets one "type MiB" entry per process (Chromium's --type, or "app").
double treeResidentMiB(int *processes = nullptr, QStringList *kinds = nullptr);

// CPU time of this process and of the others in `pids` (its web engine processes), summed over
// their threads from /proc/<pid>/task/<tid>/schedstat: time on a core, and time ready to run but
// waiting for one. On two cores, the app's own work and the engine's compete for them.
struct CpuUse
{
    qint64 selfRunNs = 0, selfWaitNs = 0, webRunNs = 0, webWaitNs = 0;
};
// This process and its descendants.
QList<qint64> treePids();
CpuUse cpuUse(const QList<qint64> &pids);
// What was used between two readings, in ms: {"app_run", "app_wait", "web_run", "web_wait"}.
QJsonObject cpuBetween(const CpuUse &from, const CpuUse &to);

// An event filter for a widget: the time of its first paint once armed (after what it should
// show is in it).
class FirstPaint : public QObject
{
public:
    qint64 at = 0;
    bool armed = false;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

// Installs, in the app's own JavaScript world, a script that runs at DOMContentLoaded and says
// so through a console message carrying `token`; the page itself cannot see or forge it.
// readyAt() is the monotonic time that message arrived.
class DomReadyWatch : public QObject
{
    Q_OBJECT

public:
    explicit DomReadyWatch(QWebEnginePage *page);
    // Whether `message` was this watch's (then it is consumed).
    bool consume(const QString &message);
    qint64 readyAt() const { return m_readyAt; }
    void reset() { m_readyAt = 0; }

Q_SIGNALS:
    void domReady();

private:
    QString m_token;
    qint64 m_readyAt = 0;
};

// A bare page with a DomReadyWatch: only console messages are overridden.
class WatchedPage : public QWebEnginePage
{
public:
    explicit WatchedPage(QObject *parent = nullptr);
    DomReadyWatch *watch() const { return m_watch; }

protected:
    void javaScriptConsoleMessage(JavaScriptConsoleMessageLevel level, const QString &message,
                                  int line, const QString &source) override;

private:
    DomReadyWatch *m_watch;
};

// A child's report: one line on stdout, "BENCH " and a JSON object.
void report(const QJsonObject &object);
QJsonObject parseReport(const QByteArray &output, QString *error);

} // namespace Probe
