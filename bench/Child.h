// The two kinds of child process the benchmark starts: the app itself (the real start-up code,
// driven through its main window) and the bare baseline it is compared with.
#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>

struct ChildOptions
{
    QUrl api; // the parent's sandbox
    QString apiKey;
    int samples = 3; // sessions (app) or modal loads (baseline) measured
    int soakSessions = 0; // app only: run this many sessions and report memory growth
    bool startupOnly = false; // report the start-up and stop: no sessions, no memory
    int thinkMs = 1000; // the pause of a person choosing, before each measured click
    int soakThinkMs = 100;
    int settleMs = 1000; // before memory is read
    QString integration = QStringLiteral("postgresql");
};

namespace Child {

int runApp(int argc, char **argv, const ChildOptions &options);
int runBaseline(int argc, char **argv, const ChildOptions &options);

// Lets events run for `ms` (the bench's waits are pauses of a person, not synchronisation).
void pause(int ms);
// Runs events until `done` holds or `timeoutMs` passes; false on timeout.
bool waitUntil(const std::function<bool()> &done, int timeoutMs = 30000);
// The resident memory of this process and its web engine processes once things settled: after
// `settleMs`, the median of five readings 200 ms apart (a renderer's memory wanders by several
// MiB from one moment to the next). `processes` and `kinds` as Probe::treeResidentMiB gives them.
double settledResidentMiB(int settleMs, int *processes = nullptr, QStringList *kinds = nullptr);
// A child that cannot go on: says why on stderr and exits with 1.
[[noreturn]] void fail(const QString &why);

} // namespace Child
