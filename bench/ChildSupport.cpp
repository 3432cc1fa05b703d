#include "Child.h"
#include "Probe.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cstdlib>

namespace Child {

namespace {

// The driver runs inside the main loop's handler, so these waits are nested loops, where Qt
// defers deleteLater() until the outer loop runs again, which it does not until the end. The app
// itself returns to its loop after every event: so do what that loop would, here.
void deleteWhatWasDeletedLater()
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

} // namespace

void pause(int ms)
{
    const qint64 until = QDateTime::currentMSecsSinceEpoch() + ms;
    waitUntil([until] { return QDateTime::currentMSecsSinceEpoch() >= until; }, ms + 1000);
}

bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer poll;
    // The loop runs events all the time; the poll only decides when to stop waiting. Times are
    // taken in signal handlers, never here.
    poll.setInterval(10);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        deleteWhatWasDeletedLater();
        if (done())
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    poll.start();
    loop.exec();
    deleteWhatWasDeletedLater();
    return done();
}

double settledResidentMiB(int settleMs, int *processes, QStringList *kinds)
{
    pause(settleMs);
    QList<double> readings;
    for (int i = 0; i < 5; ++i) {
        if (i > 0)
            pause(200);
        // The processes and their sizes as the last reading found them.
        if (kinds)
            kinds->clear();
        readings.append(Probe::treeResidentMiB(processes, kinds));
    }
    std::sort(readings.begin(), readings.end());
    return readings.at(readings.size() / 2);
}

void fail(const QString &why)
{
    QTextStream(stderr) << "connect-desktop-bench child: " << why << Qt::endl;
    std::_Exit(1);
}

} // namespace Child
