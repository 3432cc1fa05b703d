// `connect-desktop connect`: only the connect window for one session, then the one result on
// stdout and the contract's exit code.
#pragma once

#include "app/AppContext.h"
#include "app/CommandLine.h"
#include "core/model/ConnectionType.h"
#include "core/model/Profile.h"
#include "core/model/SessionResult.h"
#include "ui/ConnectWindow.h"

#include <QObject>
#include <QPointer>

class Workspace;

class ConnectCommand : public QObject
{
    Q_OBJECT

public:
    ConnectCommand(const ConnectOptions &options, const AppContext &context,
                   QObject *parent = nullptr);

    // Runs the event loop until the session ends; returns the exit code.
    int exec();

private:
    std::optional<Profile> resolveProfile(QString *error) const;
    // The platform listed its integrations: the ones asked for are checked, the name chosen.
    void typesArrived();
    // The platform's page shows one integration: the person chooses it first.
    void chooseIntegration();
    void openWindow(const QString &name);
    void sessionFinished(const SessionResult &result);
    // Before a session exists: report and stop.
    void stopWithUsageError(const QString &message);
    void stopWithFailure(const ApiFailure &failure);
    void print(const SessionResult &result);
    void quit(int code);

    ConnectOptions m_options;
    AppContext m_context;
    Workspace *m_workspace = nullptr;
    Profile m_profile;
    QString m_integrationName;
    QPointer<ConnectWindow> m_window;
    QPointer<QDialog> m_chooser;
    int m_exitCode = CommandLine::Failed;
    bool m_done = false;
    bool m_interrupted = false;
};
