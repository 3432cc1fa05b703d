#include "Application.h"

#include "CommandLine.h"
#include "SandboxCommand.h"

#include <QCoreApplication>
#include <QTextStream>

namespace Application {

int run(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));

    QCoreApplication::setOrganizationName(QStringLiteral("ConnectDesktop"));
    QCoreApplication::setApplicationName(QStringLiteral("connect-desktop"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CONNECT_DESKTOP_VERSION));

    const Invocation invocation = CommandLine::parse(arguments);
    switch (invocation.command) {
    case Invocation::Command::Help:
    case Invocation::Command::Version:
        QTextStream(stdout) << invocation.text << Qt::endl;
        return CommandLine::Completed;
    case Invocation::Command::Error:
        QTextStream(stderr) << "connect-desktop: " << invocation.text << Qt::endl;
        return CommandLine::BadUsage;
    case Invocation::Command::Sandbox: {
        QCoreApplication app(argc, argv);
        return SandboxCommand::run(invocation.sandbox);
    }
    case Invocation::Command::Window: {
        // Until the main window exists, the default command runs the sandbox the window will use.
        QCoreApplication app(argc, argv);
        return SandboxCommand::run(invocation.sandbox);
    }
    }
    return CommandLine::BadUsage;
}

} // namespace Application
