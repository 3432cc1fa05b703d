#include "app/SandboxCommand.h"

#include "app/CommandLine.h"
#include "core/system/LogCategories.h"
#include "sandbox/SandboxServer.h"
#include "sandbox/paragon/ParagonSandbox.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace SandboxCommand {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SandboxCommand", text);
}

int cannotStart(const QString &error)
{
    QTextStream(stderr) << tr("connect-desktop sandbox: %1").arg(error) << Qt::endl;
    return CommandLine::BadUsage;
}

void logRequests(const QString &method, const QString &path, int status)
{
    qCInfo(lcSandbox).noquote() << method << path << status;
}

} // namespace

int run(const SandboxOptions &options, bool json)
{
    QTextStream out(stdout);
    SandboxServer server(options);
    QString error;
    if (!server.start(&error))
        return cannotStart(error);
    QObject::connect(&server, &SandboxServer::requestServed, &server, &logRequests);
    const QString base = server.url().toString();
    if (json) {
        const QJsonObject line{{QStringLiteral("platform"), QStringLiteral("polytomic")},
                               {QStringLiteral("url"), base},
                               {QStringLiteral("api_key"), server.apiKey()}};
        out << QJsonDocument(line).toJson(QJsonDocument::Compact) << Qt::endl;
        return QCoreApplication::exec();
    }
    out << tr("Connect sandbox listening on %1").arg(base) << Qt::endl
        << tr("API key: %1").arg(server.apiKey()) << Qt::endl
        << tr("Try: curl -H 'Authorization: Bearer %1' %2/api/connection_types")
               .arg(server.apiKey(), base)
        << Qt::endl
        << tr("Stop it with Ctrl+C.") << Qt::endl;
    return QCoreApplication::exec();
}

int runParagon(const ParagonSandboxOptions &options, bool json)
{
    QTextStream out(stdout);
    ParagonSandbox server(options);
    QString error;
    if (!server.start(&error))
        return cannotStart(error);
    QObject::connect(&server, &ParagonSandbox::requestServed, &server, &logRequests);
    QJsonObject line = server.describe();
    line.insert(QStringLiteral("url"), server.url().toString());
    if (json) {
        out << QJsonDocument(line).toJson(QJsonDocument::Compact) << Qt::endl;
        return QCoreApplication::exec();
    }
    out << tr("Paragon sandbox listening on %1").arg(server.url().toString()) << Qt::endl
        << tr("Project id: %1").arg(server.projectId()) << Qt::endl
        << tr("Token URL: %1?sub=USER_ID").arg(server.tokenUrl().toString()) << Qt::endl;
    const auto environments = server.environments();
    for (auto it = environments.begin(); it != environments.end(); ++it)
        out << QStringLiteral("  %1 %2").arg(it.key(), -10).arg(it.value().toString()) << Qt::endl;
    out << tr("Try: curl '%1?sub=someone'").arg(server.tokenUrl().toString()) << Qt::endl
        << tr("Stop it with Ctrl+C.") << Qt::endl;
    return QCoreApplication::exec();
}

} // namespace SandboxCommand
