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

// `connect-desktop history`'s options.
struct HistoryOptions
{
    bool json = false;
    int limit = 0; // --limit N; 0: every kept session
    QString integration; // --integration ID
    QString outcome; // --outcome completed|cancelled|failed
    QString profile; // --profile NAME (name or id)
    bool clear = false; // --clear: forget every kept session
};

// `connect-desktop check`'s options: the backend as for connect (profile, platform, addresses)
// and the integrations to check.
struct CheckOptions
{
    ConnectOptions target; // integrations, profile, baseUrl, proxyUrl, platform, json, dark
    bool all = false; // --all: every integration the backend lists, allowed or not
    int jobs = 2; // --jobs N: sessions at once
    int timeoutSeconds = 30; // --timeout S: for each integration's page to become usable
};

// `connect-desktop doctor`'s options.
struct DoctorOptions
{
    ConnectOptions target; // profile, baseUrl, proxyUrl, platform: as for connect
    bool json = false;
};

// `connect-desktop diagnostics`'s options.
struct DiagnosticsOptions
{
    QString output; // --output FILE.zip
    qint64 sinceSeconds = 0; // --since DURATION; 0: everything kept
    QStringList without; // --without PART (repeatable): parts left out
    QString profile; // --profile NAME: the profile doctor checks; empty: the active one
};

struct Invocation
{
    enum class Command {
        Window,
        Connect,
        Sandbox,
        History,
        Check,
        Doctor,
        Diagnostics,
        Help,
        Version,
        Error
    };

    Command command = Command::Window;
    QString text; // the help text, the version, or a one-line error naming the fix
    SandboxOptions sandbox; // Sandbox: Polytomic's
    std::optional<ParagonSandboxOptions> paragonSandbox; // Sandbox --platform paragon
    bool sandboxJson = false; // Sandbox --json: one JSON line with its address and credentials
    ConnectOptions connect;
    HistoryOptions history;
    CheckOptions check;
    DoctorOptions doctor;
    DiagnosticsOptions diagnostics;
    QString deepLinkIntegration; // Window: a connectdesktop:// link asked for this integration
    QString language; // --lang CODE (Window and Connect); empty: the settings' or the system's
};

namespace CommandLine {

// Exit codes of the contract.
enum ExitCode { Completed = 0, Failed = 1, BadUsage = 2, Cancelled = 3 };

// A duration such as 90s, 30m, 12h or 7d, in seconds; null when `text` is not one.
std::optional<qint64> parseDuration(const QString &text);

// `arguments` includes the program name, as QCoreApplication::arguments() gives it.
Invocation parse(const QStringList &arguments);

} // namespace CommandLine
