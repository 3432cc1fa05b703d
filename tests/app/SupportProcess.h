// Runs the real connect-desktop binary (CONNECT_DESKTOP_BINARY) for the support commands' tests,
// as a user of its own (settings, data and caches in a temporary folder), while the test's own
// event loop keeps serving an in-process sandbox.
#pragma once

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QTemporaryDir>

struct SupportRun
{
    int exitCode = -1;
    bool finished = false;
    QByteArray out;
    QByteArray err;

    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

class SupportProcess
{
public:
    explicit SupportProcess(const QString &home)
        : m_home(home)
    { }

    // The environment each run gets: its own folders, no display, the engine's sandbox off (the
    // tests run as root in CI), and `extra` (a key, a proxy).
    QProcessEnvironment environment(const QMap<QString, QString> &extra = {}) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_home);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home + QStringLiteral("/config"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home + QStringLiteral("/data"));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), m_home + QStringLiteral("/cache"));
        env.insert(QStringLiteral("TMPDIR"), m_home);
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.remove(QStringLiteral("POLYTOMIC_API_KEY"));
        for (auto it = extra.cbegin(); it != extra.cend(); ++it)
            env.insert(it.key(), it.value());
        return env;
    }

    // Starts the binary; the caller waits (finish()) while its event loop runs.
    void start(QProcess &process, const QStringList &arguments,
               const QMap<QString, QString> &extra = {}) const
    {
        process.setProcessEnvironment(environment(extra));
        process.start(qEnvironmentVariable("CONNECT_DESKTOP_BINARY"), arguments);
    }

    static SupportRun finish(QProcess &process, int timeoutMs = 120000)
    {
        SupportRun run;
        if (process.state() != QProcess::NotRunning) {
            QSignalSpy done(&process, &QProcess::finished);
            if (!done.wait(timeoutMs)) {
                process.kill();
                process.waitForFinished(5000);
                run.err = process.readAllStandardError();
                return run;
            }
        }
        run.finished = process.exitStatus() == QProcess::NormalExit;
        run.exitCode = process.exitCode();
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        return run;
    }

    SupportRun run(const QStringList &arguments, const QMap<QString, QString> &extra = {},
                   int timeoutMs = 120000) const
    {
        QProcess process;
        start(process, arguments, extra);
        return finish(process, timeoutMs);
    }

private:
    QString m_home;
};
