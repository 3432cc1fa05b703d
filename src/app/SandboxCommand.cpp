#include "app/SandboxCommand.h"

#include "app/CommandLine.h"
#include "core/system/LogCategories.h"
#include "sandbox/SandboxServer.h"

#include <QCoreApplication>
#include <QTextStream>

namespace SandboxCommand {

int run(const SandboxOptions &options)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    SandboxServer server(options);
    QString error;
    if (!server.start(&error)) {
        err << QCoreApplication::translate("SandboxCommand", "connect-desktop sandbox: %1")
                   .arg(error)
            << Qt::endl;
        return CommandLine::BadUsage;
    }
    QObject::connect(&server, &SandboxServer::requestServed, &server,
                     [](const QString &method, const QString &path, int status) {
                         qCInfo(lcSandbox).noquote() << method << path << status;
                     });
    const QString base = server.url().toString();
    out << QCoreApplication::translate("SandboxCommand", "Connect sandbox listening on %1")
               .arg(base)
        << Qt::endl
        << QCoreApplication::translate("SandboxCommand", "API key: %1").arg(server.apiKey())
        << Qt::endl
        << QCoreApplication::translate(
               "SandboxCommand", "Try: curl -H 'Authorization: Bearer %1' %2/api/connection_types")
               .arg(server.apiKey(), base)
        << Qt::endl
        << QCoreApplication::translate("SandboxCommand", "Stop it with Ctrl+C.") << Qt::endl;
    return QCoreApplication::exec();
}

} // namespace SandboxCommand
