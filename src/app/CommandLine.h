// The command-line contract of connect-desktop (see product.md), parsed with QCommandLineParser.
#pragma once

#include "core/model/Profile.h"
#include "sandbox/SandboxOptions.h"
#include "sandbox/paragon/ParagonSandboxOptions.h"

#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

// `connect-desktop connect`'s options.
struct ConnectOptions
{
    QStringList integrations; // --integration, repeatable
    QString name; // --name
    std::optional<bool> dark; // --dark / --light; unset: the app's theme
    QString profile; // --profile NAME
    QUrl baseUrl; // --base-url URL
    QUrl proxyUrl; // --proxy-url URL
    bool json = false; // --json
    std::optional<Profile::Platform> platform; // --platform; unset: the profile's
};

struct Invocation
{
    enum class Command { Window, Connect, Sandbox, Help, Version, Error };

    Command command = Command::Window;
    QString text; // the help text, the version, or a one-line error naming the fix
    SandboxOptions sandbox; // Sandbox: Polytomic's
    std::optional<ParagonSandboxOptions> paragonSandbox; // Sandbox --platform paragon
    bool sandboxJson = false; // Sandbox --json: one JSON line with its address and credentials
    ConnectOptions connect;
    QString deepLinkIntegration; // Window: a connectdesktop:// link asked for this integration
    QString language; // --lang CODE (Window and Connect); empty: the settings' or the system's
};

namespace CommandLine {

// Exit codes of the contract.
enum ExitCode { Completed = 0, Failed = 1, BadUsage = 2, Cancelled = 3 };

// `arguments` includes the program name, as QCoreApplication::arguments() gives it.
Invocation parse(const QStringList &arguments);

} // namespace CommandLine
