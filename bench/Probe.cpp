#include "Probe.h"

#include <QDir>
#include <QEvent>
#include <QFile>
#include <QJsonDocument>
#include <QMap>
#include <QTextStream>
#include <QUuid>
#include <QWebEngineScript>
#include <QWebEngineScriptCollection>

#include <ctime>
#include <unistd.h>

namespace Probe {

qint64 nowNs()
{
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
}

double msBetween(qint64 fromNs, qint64 toNs)
{
    return double(toNs - fromNs) / 1e6;
}

namespace {
qint64 s_mainNs = 0;
}

void markMain()
{
    s_mainNs = nowNs();
}

QList<qint64> treePids()
{
    QMap<qint64, qint64> parentOf;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        parentOf.insert(pid, fields.value(1).toLongLong());
    }
    const qint64 self = ::getpid();
    QList<qint64> pids{self};
    for (auto it = parentOf.cbegin(); it != parentOf.cend(); ++it) {
        for (qint64 pid = parentOf.value(it.key()); pid > 1; pid = parentOf.value(pid, 0)) {
            if (pid == self) {
                pids.append(it.key());
                break;
            }
        }
    }
    return pids;
}

double treeResidentMiB(int *processes, QStringList *kinds)
{
    const qint64 self = ::getpid();
    qint64 totalKb = 0;
    int counted = 0;
    const QList<qint64> pids = treePids();
    for (qint64 pid : pids) {
        QFile status(QStringLiteral("/proc/%1/status").arg(pid));
        if (!status.open(QIODevice::ReadOnly))
            continue; // ended since
        qint64 rssKb = -1;
        const QList<QByteArray> lines = status.readAll().split('\n');
        for (const QByteArray &line : lines) {
            if (line.startsWith("VmRSS:"))
                rssKb = line.mid(6).trimmed().split(' ').value(0).toLongLong();
        }
        if (rssKb < 0)
            continue; // a process that ended and was not yet waited for has no memory
        totalKb += rssKb;
        ++counted;
        if (kinds) {
            QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
            QString type = QStringLiteral("app");
            if (pid != self && cmdline.open(QIODevice::ReadOnly)) {
                for (const QByteArray &argument : cmdline.readAll().split('\0')) {
                    if (argument.startsWith("--type="))
                        type = QString::fromLatin1(argument.mid(7));
                }
            }
            kinds->append(QStringLiteral("%1 %2").arg(type).arg(double(rssKb) / 1024.0, 0, 'f', 1));
        }
    }
    if (processes)
        *processes = counted;
    return double(totalKb) / 1024.0;
}

CpuUse cpuUse(const QList<qint64> &pids)
{
    CpuUse use;
    const qint64 self = ::getpid();
    for (qint64 pid : pids) {
        const QString tasks = QStringLiteral("/proc/%1/task").arg(pid);
        const QStringList tids = QDir(tasks).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString &tid : tids) {
            QFile file(tasks + QLatin1Char('/') + tid + QStringLiteral("/schedstat"));
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QList<QByteArray> f = file.readAll().trimmed().split(' ');
            const qint64 run = f.value(0).toLongLong(), wait = f.value(1).toLongLong();
            (pid == self ? use.selfRunNs : use.webRunNs) += run;
            (pid == self ? use.selfWaitNs : use.webWaitNs) += wait;
        }
    }
    return use;
}

QJsonObject cpuBetween(const CpuUse &from, const CpuUse &to)
{
    return {{QLatin1String("app_run"), double(to.selfRunNs - from.selfRunNs) / 1e6},
            {QLatin1String("app_wait"), double(to.selfWaitNs - from.selfWaitNs) / 1e6},
            {QLatin1String("web_run"), double(to.webRunNs - from.webRunNs) / 1e6},
            {QLatin1String("web_wait"), double(to.webWaitNs - from.webWaitNs) / 1e6}};
}

bool FirstPaint::eventFilter(QObject *watched, QEvent *event)
{
    if (armed && !at && event->type() == QEvent::Paint)
        at = nowNs();
    return QObject::eventFilter(watched, event);
}

DomReadyWatch::DomReadyWatch(QWebEnginePage *page)
    : QObject(page)
    , m_token(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    QWebEngineScript script;
    script.setName(QStringLiteral("bench-dom-ready"));
    script.setInjectionPoint(QWebEngineScript::DocumentReady);
    script.setWorldId(QWebEngineScript::ApplicationWorld);
    script.setRunsOnSubFrames(false);
    script.setSourceCode(QStringLiteral("console.debug('%1');").arg(m_token));
    page->scripts().insert(script);
}

bool DomReadyWatch::consume(const QString &message)
{
    if (message != m_token)
        return false;
    m_readyAt = nowNs();
    Q_EMIT domReady();
    return true;
}

WatchedPage::WatchedPage(QObject *parent)
    : QWebEnginePage(parent)
    , m_watch(new DomReadyWatch(this))
{ }

void WatchedPage::javaScriptConsoleMessage(JavaScriptConsoleMessageLevel level,
                                           const QString &message, int line, const QString &source)
{
    if (!m_watch->consume(message))
        QWebEnginePage::javaScriptConsoleMessage(level, message, line, source);
}

void report(const QJsonObject &object)
{
    QJsonObject withMain = object;
    if (s_mainNs)
        withMain.insert(QLatin1String("main_ns"), QString::number(s_mainNs));
    QTextStream(stdout) << "BENCH " << QJsonDocument(withMain).toJson(QJsonDocument::Compact)
                        << Qt::endl;
}

QJsonObject parseReport(const QByteArray &output, QString *error)
{
    const QList<QByteArray> lines = output.split('\n');
    for (const QByteArray &line : lines) {
        if (!line.startsWith("BENCH "))
            continue;
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(line.mid(6), &parseError);
        if (document.isObject())
            return document.object();
        *error = parseError.errorString();
        return {};
    }
    *error = QStringLiteral("no report line");
    return {};
}

} // namespace Probe
