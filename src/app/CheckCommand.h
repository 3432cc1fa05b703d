// `connect-desktop check`: a smoke test of many integrations. For each one a real session is
// opened on the backend and its page loaded in a connect window that is never shown, until a
// person could type (the session's InModal); then the session is cancelled, so that nothing is
// connected. What each one cost, or why it could not be used, is one row.
#pragma once

#include "app/AppContext.h"
#include "app/CommandLine.h"
#include "core/model/ApiFailure.h"
#include "core/model/Profile.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>

class ConnectWindow;
class Workspace;

struct CheckRow
{
    QString integration; // type id
    QString name; // for people
    bool passed = false;
    qint64 requestMs = -1; // the platform's answer to the session's request
    qint64 readyMs = -1; // from the start until a person could type
    QString code; // why it failed: the session's error or problem code, e.g. modal_timeout
    QString reason; // what happened and what to do
    int order = 0; // its place in the table

    QJsonObject toJson() const;
};

class CheckCommand : public QObject
{
    Q_OBJECT

public:
    CheckCommand(const CheckOptions &options, const AppContext &context, QObject *parent = nullptr);
    ~CheckCommand() override;

    // Runs the event loop until every row is in; returns the exit code (0 all passed, 1 any
    // failed, 2 bad usage).
    int exec();
    const QList<CheckRow> &rows() const { return m_rows; }

Q_SIGNALS:
    // A row's session has begun in `window` (hidden), for what watches the run.
    void sessionStarted(ConnectWindow *window);

private:
    void integrationsListed();
    void startNext();
    void begin(const QString &integration, const QString &name, int order);
    void settle(ConnectWindow *window, CheckRow row);
    void stopWithUsageError(const QString &message);
    void stopWithFailure(const ApiFailure &failure);
    void finishRun();
    void printProgress(const CheckRow &row);
    void printTable();
    void quit(int code);

    CheckOptions m_options;
    AppContext m_context;
    Workspace *m_workspace = nullptr;
    Profile m_profile;
    QList<QPair<QString, QString>> m_queue; // (id, name) still to check
    int m_total = 0;
    int m_running = 0;
    QList<CheckRow> m_rows;
    QList<QPointer<ConnectWindow>> m_windows;
    QElapsedTimer m_clock;
    int m_exitCode = CommandLine::Failed;
    bool m_done = false;
    bool m_interrupted = false;
};
