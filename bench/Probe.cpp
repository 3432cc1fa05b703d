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

double treeResidentMiB(int *processes, QStringList *kinds)
{
    QMap<qint64, qint64> parentOf;
    QMap<qint64, qint64> rssKb;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid)
            continue;
        QFile status(QStringLiteral("/proc/%1/status").arg(pid));
        if (!status.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> lines = status.readAll().split('\n');
        for (const QByteArray &line : lines) {
            if (line.startsWith("PPid:"))
                parentOf.insert(pid, line.mid(5).trimmed().toLongLong());
            else if (line.startsWith("VmRSS:"))
                rssKb.insert(pid, line.mid(6).trimmed().split(' ').value(0).toLongLong());
        }
    }
    const qint64 self = ::getpid();
    qint64 totalKb = 0;
    int counted = 0;
    for (auto it = rssKb.cbegin(); it != rssKb.cend(); ++it) {
        for (qint64 pid = it.key(); pid > 1; pid = parentOf.value(pid, 0)) {
            if (pid == self) {
                totalKb += it.value();
                ++counted;
                if (kinds) {
                    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(it.key()));
                    QString type = QStringLiteral("app");
                    if (it.key() != self && cmdline.open(QIODevice::ReadOnly)) {
                        for (const QByteArray &argument : cmdline.readAll().split('\0')) {
                            if (argument.startsWith("--type="))
                                type = QString::fromLatin1(argument.mid(7));
                        }
                    }
                    kinds->append(QStringLiteral("%1 %2").arg(type).arg(double(it.value()) / 1024.0,
                                                                        0, 'f', 1));
                }
                break;
            }
        }
    }
    if (processes)
        *processes = counted;
    return double(totalKb) / 1024.0;
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
    QTextStream(stdout) << "BENCH " << QJsonDocument(object).toJson(QJsonDocument::Compact)
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
