#include "app/CommandLine.h"

#include "core/system/DeepLink.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>

namespace CommandLine {

// Inside CommandLine, so that lupdate gives these tr() calls a context.
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CommandLine", text);
}

Invocation error(const QString &message)
{
    Invocation invocation;
    invocation.command = Invocation::Command::Error;
    invocation.text = message;
    return invocation;
}

QString generalUsage()
{
    return tr("Usage: connect-desktop [command] [options]\n"
              "\n"
              "Connect accounts to a data platform through its connect modal.\n"
              "\n"
              "Commands:\n"
              "  (none)     open the main window\n"
              "  connect    open only the connect window, print the one result, exit\n"
              "  sandbox    run a built-in sandbox (Polytomic's or Paragon's) on 127.0.0.1\n"
              "  check      smoke-test integrations: open each one's page hidden, connect "
              "nothing\n"
              "  doctor     check that this machine is ready, and say what to fix\n"
              "  history    list the last sessions and their results\n"
              "  diagnostics  save a diagnostics bundle (zip, no secrets) for support\n"
              "\n"
              "Options:\n"
              "  -h, --help     show this help (or a command's: connect-desktop sandbox --help)\n"
              "  -v, --version  show the version\n"
              "  --lang CODE    use this language (de, fr, es, ja, ar, en) instead of the "
              "system's\n"
              "\n"
              "Exit codes: 0 completed, 1 failed, 2 bad usage or configuration, 3 cancelled.\n");
}

// Reads an integer option in [minimum, maximum]; false and *message when it is not one.
bool readInt(const QCommandLineParser &parser, const QString &name, int minimum, int maximum,
             int *out, QString *message)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < minimum || value > maximum) {
        *message = tr("--%1 takes a whole number from %2 to %3, not \"%4\".")
                       .arg(name)
                       .arg(minimum)
                       .arg(maximum)
                       .arg(parser.value(name));
        return false;
    }
    *out = value;
    return true;
}

// --help or stray arguments of a command: the help text or the error; null when neither.
std::optional<Invocation> helpOrStray(const QCommandLineParser &parser, const QString &command)
{
    if (parser.isSet(QStringLiteral("help"))) {
        Invocation help;
        help.command = Invocation::Command::Help;
        // The parser names the running program (or "<executable_name>" before an application
        // object exists): show the command as it is typed instead.
        help.text = parser.helpText();
        help.text.replace(0, help.text.indexOf(QLatin1Char('\n')),
                          QStringLiteral("Usage: connect-desktop %1 [options]").arg(command));
        return help;
    }
    if (!parser.positionalArguments().isEmpty())
        return error(tr("Unexpected argument \"%1\" (see connect-desktop %2 --help).")
                         .arg(parser.positionalArguments().constFirst(), command));
    return std::nullopt;
}

// `sandbox --platform paragon`: the options Paragon's sandbox has; Polytomic's others are refused.
Invocation parseParagonSandbox(const QCommandLineParser &parser, Invocation invocation)
{
    static const QStringList polytomicOnly{QStringLiteral("api-key"),
                                           QStringLiteral("logo"),
                                           QStringLiteral("logo-dark"),
                                           QStringLiteral("session-ttl"),
                                           QStringLiteral("latency"),
                                           QStringLiteral("fail-status"),
                                           QStringLiteral("fail-rate"),
                                           QStringLiteral("fail-first"),
                                           QStringLiteral("fault-scope"),
                                           QStringLiteral("seed"),
                                           QStringLiteral("malformed-json"),
                                           QStringLiteral("drop-connection"),
                                           QStringLiteral("embedded-signin-refused"),
                                           QStringLiteral("untrusted-modal"),
                                           QStringLiteral("unreachable-modal"),
                                           QStringLiteral("clock-skew"),
                                           QStringLiteral("public-host"),
                                           QStringLiteral("hostile-modal"),
                                           QStringLiteral("attack")};
    for (const QString &name : polytomicOnly) {
        if (parser.isSet(name))
            return error(
                tr("--%1 is an option of Polytomic's sandbox only: leave it out, or leave out "
                   "--platform paragon.")
                    .arg(name));
    }
    ParagonSandboxOptions paragon;
    QString message;
    int port = 0;
    if (!readInt(parser, QStringLiteral("port"), 0, 65535, &port, &message)
        || !readInt(parser, QStringLiteral("modal-delay"), 0, 600000, &paragon.portalDelayMs,
                    &message)
        || !readInt(parser, QStringLiteral("oauth-start-status"), 400, 599,
                    &paragon.oauthStartStatus, &message))
        return error(message);
    paragon.port = quint16(port);
    paragon.stateFile = parser.value(QStringLiteral("state"));
    if (parser.isSet(QStringLiteral("project-id"))) {
        static const QRegularExpression id(
            QRegularExpression::anchoredPattern(QStringLiteral("[A-Za-z0-9-]{1,64}")));
        paragon.projectId = parser.value(QStringLiteral("project-id")).trimmed();
        if (!id.match(paragon.projectId).hasMatch())
            return error(tr("--project-id takes letters, digits and dashes, not \"%1\".")
                             .arg(paragon.projectId.left(64)));
    }
    if (parser.isSet(QStringLiteral("token-fault"))) {
        paragon.tokenFault = parser.value(QStringLiteral("token-fault")).trimmed();
        if (paragon.tokenFault != QLatin1String("expired")
            && paragon.tokenFault != QLatin1String("forged"))
            return error(tr("--token-fault takes expired or forged, not \"%1\".")
                             .arg(paragon.tokenFault.left(64)));
    }
    paragon.blankPortal = parser.isSet(QStringLiteral("blank-modal"));
    paragon.popupLosesOpener = parser.isSet(QStringLiteral("oauth-lose-opener"));
    paragon.oauthError = parser.isSet(QStringLiteral("oauth-error"));
    paragon.pendingCredentials = parser.isSet(QStringLiteral("pending-credentials"));
    invocation.paragonSandbox = paragon;
    return invocation;
}

Invocation parseSandbox(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Runs a sandbox: a local server on 127.0.0.1 that speaks the Polytomic Connect API and "
           "serves its own modal, or with --platform paragon stands in for Paragon's services and "
           "portal. It prints its address and credentials, then serves until stopped (Ctrl+C)."));
    parser.addHelpOption();
    const QList<QCommandLineOption> options{
        {QStringLiteral("platform"), tr("The platform: polytomic (default) or paragon."),
         tr("NAME")},
        {QStringLiteral("json"),
         tr("Print the address and credentials as one JSON object on stdout.")},
        {QStringLiteral("port"), tr("Listen on this port (default: any free port)."), tr("N")},
        {QStringLiteral("api-key"), tr("Accept this API key (default: a random one, printed)."),
         tr("KEY")},
        {QStringLiteral("logo"), tr("SVG logo shown top left in the modal."), tr("FILE")},
        {QStringLiteral("logo-dark"), tr("SVG logo for the dark theme."), tr("FILE")},
        {QStringLiteral("state"), tr("Keep connections in this JSON file across restarts."),
         tr("FILE")},
        {QStringLiteral("session-ttl"),
         tr("Connect sessions expire after this many seconds "
            "(default 900)."),
         tr("SECONDS")},
        {QStringLiteral("latency"), tr("Fault: delay every API answer by MS milliseconds."),
         tr("MS")},
        {QStringLiteral("fail-status"),
         tr("Fault: failing API calls answer with this HTTP status "
            "(default 500)."),
         tr("CODE")},
        {QStringLiteral("fail-rate"), tr("Fault: this fraction (0 to 1) of API calls fail."),
         tr("P")},
        {QStringLiteral("fail-first"), tr("Fault: the first N API calls fail, then all succeed."),
         tr("N")},
        {QStringLiteral("fault-scope"),
         tr("Faults apply to API paths starting with this "
            "(default /api/)."),
         tr("PATH")},
        {QStringLiteral("seed"), tr("Seed for --fail-rate (default 1)."), tr("N")},
        {QStringLiteral("malformed-json"),
         tr("Fault: failing API calls answer 200 with "
            "truncated JSON.")},
        {QStringLiteral("drop-connection"),
         tr("Fault: failing API calls close the connection "
            "without answering.")},
        {QStringLiteral("modal-delay"), tr("Fault: serve the modal page after MS milliseconds."),
         tr("MS")},
        {QStringLiteral("blank-modal"), tr("Fault: the modal page is blank.")},
        {QStringLiteral("oauth-lose-opener"),
         tr("Fault: the OAuth popup loses its opener and "
            "cannot report back.")},
        {QStringLiteral("embedded-signin-refused"),
         tr("Fault: OAuth popups in the app answer like a provider that refuses embedded "
            "sign-in (disallowed_useragent).")},
        {QStringLiteral("untrusted-modal"),
         tr("Fault: serve the modal over HTTPS with a certificate nobody trusts.")},
        {QStringLiteral("unreachable-modal"),
         tr("Fault: the modal's address is a local port where nothing listens (it cannot load).")},
        {QStringLiteral("public-host"),
         tr("The modal's address names this host instead of 127.0.0.1 (for rehearsing a proxy "
            "that resolves it)."),
         tr("NAME")},
        {QStringLiteral("clock-skew"),
         tr("Fault: every answer's Date header is S seconds off the real time (may be "
            "negative)."),
         tr("S")},
        {QStringLiteral("hostile-modal"),
         tr("Fault: the modal also tries what a host must refuse (file: pages, camera, downloads, "
            "a bad certificate, …).")},
        {QStringLiteral("attack"),
         tr("Fault: the modal makes the attack NAME that a host must outlive (popups written "
            "while blank, dialogs, a popup flood, …; resources/sandbox/attacks.js)."),
         tr("NAME")},
        {QStringLiteral("project-id"), tr("Paragon: the project's id (default: a fixed one)."),
         tr("ID")},
        {QStringLiteral("token-fault"),
         tr("Paragon fault: the token URL hands out expired or forged tokens."), tr("KIND")},
        {QStringLiteral("oauth-error"),
         tr("Paragon fault: Allow on the consent page ends in an OAuth error.")},
        {QStringLiteral("oauth-start-status"),
         tr("Paragon fault: starting a sign-in answers this HTTP status."), tr("CODE")},
        {QStringLiteral("pending-credentials"), tr("Paragon fault: new credentials stay PENDING.")},
    };
    parser.addOptions(options);
    if (!parser.parse(arguments))
        return error(parser.errorText() + tr(" (see connect-desktop sandbox --help)"));
    if (const auto early = helpOrStray(parser, QStringLiteral("sandbox")))
        return *early;

    Invocation invocation;
    invocation.command = Invocation::Command::Sandbox;
    invocation.sandboxJson = parser.isSet(QStringLiteral("json"));
    const QString platform = parser.value(QStringLiteral("platform")).trimmed().toLower();
    if (parser.isSet(QStringLiteral("platform")) && platform != QLatin1String("polytomic")
        && platform != QLatin1String("paragon"))
        return error(tr("--platform takes polytomic or paragon, not \"%1\".")
                         .arg(parser.value(QStringLiteral("platform")).left(64)));
    static const QStringList paragonOnly{
        QStringLiteral("project-id"), QStringLiteral("token-fault"), QStringLiteral("oauth-error"),
        QStringLiteral("oauth-start-status"), QStringLiteral("pending-credentials")};
    if (platform == QLatin1String("paragon"))
        return parseParagonSandbox(parser, invocation);
    for (const QString &name : paragonOnly) {
        if (parser.isSet(name))
            return error(
                tr("--%1 is an option of Paragon's sandbox: add --platform paragon.").arg(name));
    }
    SandboxOptions &sandbox = invocation.sandbox;
    SandboxFaults &faults = sandbox.faults;
    QString message;
    int port = 0;
    int seed = int(faults.seed);
    if (!readInt(parser, QStringLiteral("port"), 0, 65535, &port, &message)
        || !readInt(parser, QStringLiteral("session-ttl"), 1, 7 * 24 * 3600,
                    &sandbox.sessionTtlSeconds, &message)
        || !readInt(parser, QStringLiteral("latency"), 0, 600000, &faults.latencyMs, &message)
        || !readInt(parser, QStringLiteral("fail-status"), 400, 599, &faults.forcedStatus, &message)
        || !readInt(parser, QStringLiteral("fail-first"), 0, 1000000, &faults.failFirst, &message)
        || !readInt(parser, QStringLiteral("seed"), 0, 2147483647, &seed, &message)
        || !readInt(parser, QStringLiteral("modal-delay"), 0, 600000, &faults.modalDelayMs,
                    &message)
        || !readInt(parser, QStringLiteral("clock-skew"), -10 * 365 * 86400, 10 * 365 * 86400,
                    &faults.clockSkewSeconds, &message))
        return error(message);
    sandbox.port = quint16(port);
    faults.seed = quint32(seed);
    if (parser.isSet(QStringLiteral("fail-rate"))) {
        bool ok = false;
        faults.failureRate = parser.value(QStringLiteral("fail-rate")).toDouble(&ok);
        if (!ok || faults.failureRate < 0.0 || faults.failureRate > 1.0)
            return error(tr("--fail-rate takes a fraction from 0 to 1, not \"%1\".")
                             .arg(parser.value(QStringLiteral("fail-rate"))));
    }
    if (parser.isSet(QStringLiteral("fault-scope"))) {
        faults.scope = parser.value(QStringLiteral("fault-scope"));
        if (!faults.scope.startsWith(QLatin1String("/api/")))
            return error(tr("--fault-scope must be an API path starting with /api/."));
    }
    faults.malformedJson = parser.isSet(QStringLiteral("malformed-json"));
    faults.dropConnection = parser.isSet(QStringLiteral("drop-connection"));
    faults.blankModal = parser.isSet(QStringLiteral("blank-modal"));
    faults.oauthLosesOpener = parser.isSet(QStringLiteral("oauth-lose-opener"));
    faults.hostileModal = parser.isSet(QStringLiteral("hostile-modal"));
    if (parser.isSet(QStringLiteral("attack"))) {
        static const QRegularExpression attackName(
            QRegularExpression::anchoredPattern(QStringLiteral("[a-z0-9-]{1,64}")));
        faults.attack = parser.value(QStringLiteral("attack"));
        if (!attackName.match(faults.attack).hasMatch())
            return error(tr("--attack takes an attack's name (lower-case letters, digits and "
                            "dashes), not \"%1\".")
                             .arg(faults.attack.left(64)));
    }
    faults.embeddedSignInRefused = parser.isSet(QStringLiteral("embedded-signin-refused"));
    faults.untrustedModal = parser.isSet(QStringLiteral("untrusted-modal"));
    faults.unreachableModal = parser.isSet(QStringLiteral("unreachable-modal"));
    if (faults.untrustedModal && faults.unreachableModal)
        return error(tr("Choose one of --untrusted-modal and --unreachable-modal."));
    if (faults.malformedJson && faults.dropConnection)
        return error(tr("Choose one of --malformed-json and --drop-connection."));
    sandbox.apiKey = parser.value(QStringLiteral("api-key"));
    if (parser.isSet(QStringLiteral("api-key")) && sandbox.apiKey.trimmed().isEmpty())
        return error(tr("--api-key must not be empty."));
    sandbox.logoFile = parser.value(QStringLiteral("logo"));
    sandbox.logoDarkFile = parser.value(QStringLiteral("logo-dark"));
    sandbox.stateFile = parser.value(QStringLiteral("state"));
    if (parser.isSet(QStringLiteral("public-host"))) {
        static const QRegularExpression hostName(QRegularExpression::anchoredPattern(
            QStringLiteral("[A-Za-z0-9]([A-Za-z0-9-]{0,62}\\.?)*[A-Za-z0-9]")));
        sandbox.publicHost = parser.value(QStringLiteral("public-host")).trimmed().toLower();
        if (!hostName.match(sandbox.publicHost).hasMatch())
            return error(tr("--public-host takes a host name such as sandbox.test, not \"%1\".")
                             .arg(sandbox.publicHost.left(64)));
    }
    return invocation;
}

// --lang: a language code such as de or pt_BR; false and *message when it is not one.
bool readLanguage(const QCommandLineParser &parser, QString *out, QString *message)
{
    if (!parser.isSet(QStringLiteral("lang")))
        return true;
    static const QRegularExpression code(QRegularExpression::anchoredPattern(
        QStringLiteral("[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,4})?")));
    const QString value = parser.value(QStringLiteral("lang")).trimmed();
    if (!code.match(value).hasMatch()) {
        *message = tr("--lang takes a language code such as de, fr or ja, not \"%1\".").arg(value);
        return false;
    }
    *out = value;
    return true;
}

bool isWebUrl(const QUrl &url)
{
    return url.isValid() && !url.host().isEmpty()
        && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"));
}

// The backend options connect and check share: --profile, --base-url, --proxy-url, --platform.
QList<QCommandLineOption> backendOptions()
{
    return {
        {QStringLiteral("profile"),
         tr("Use this profile (by name or id; default: the active one)."), tr("NAME")},
        {QStringLiteral("base-url"),
         tr("A Polytomic-compatible API; the key comes from "
            "POLYTOMIC_API_KEY or the keychain."),
         tr("URL")},
        {QStringLiteral("proxy-url"), tr("A backend proxy that adds the key itself."), tr("URL")},
        {QStringLiteral("platform"),
         tr("The platform: polytomic or paragon. Without --profile, its built-in sandbox."),
         tr("NAME")},
    };
}

std::optional<Profile::Platform> readPlatform(const QCommandLineParser &parser, bool *ok,
                                              QString *message)
{
    *ok = true;
    if (!parser.isSet(QStringLiteral("platform")))
        return std::nullopt;
    const QString platform = parser.value(QStringLiteral("platform")).trimmed().toLower();
    if (platform == QLatin1String("polytomic"))
        return Profile::Platform::Polytomic;
    if (platform == QLatin1String("paragon"))
        return Profile::Platform::Paragon;
    *ok = false;
    *message = tr("--platform takes polytomic or paragon, not \"%1\".")
                   .arg(parser.value(QStringLiteral("platform")).left(64));
    return std::nullopt;
}

bool readBackend(const QCommandLineParser &parser, ConnectOptions *options, QString *message)
{
    const auto fail = [message](const QString &text) {
        *message = text;
        return false;
    };
    const int backends = int(parser.isSet(QStringLiteral("profile")))
        + int(parser.isSet(QStringLiteral("base-url")))
        + int(parser.isSet(QStringLiteral("proxy-url")));
    if (backends > 1)
        return fail(tr("Choose one of --profile, --base-url and --proxy-url."));
    options->profile = parser.value(QStringLiteral("profile"));
    if (parser.isSet(QStringLiteral("base-url"))) {
        options->baseUrl = QUrl(parser.value(QStringLiteral("base-url")), QUrl::StrictMode);
        if (!isWebUrl(options->baseUrl))
            return fail(tr("--base-url must be a web address such as https://app.polytomic.com."));
    }
    if (parser.isSet(QStringLiteral("proxy-url"))) {
        options->proxyUrl = QUrl(parser.value(QStringLiteral("proxy-url")), QUrl::StrictMode);
        if (!isWebUrl(options->proxyUrl))
            return fail(
                tr("--proxy-url must be a web address such as https://backend.example.com."));
    }
    bool ok = true;
    options->platform = readPlatform(parser, &ok, message);
    return ok;
}

bool readIntegrations(const QCommandLineParser &parser, ConnectOptions *options, QString *message)
{
    for (const QString &id : parser.values(QStringLiteral("integration"))) {
        if (id.trimmed().isEmpty()) {
            *message = tr("--integration needs a type id, such as postgresql.");
            return false;
        }
        if (!options->integrations.contains(id.trimmed()))
            options->integrations.append(id.trimmed());
    }
    return true;
}

Invocation parseConnect(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Opens only the connect window for one session, prints its one result and exits: 0 "
           "completed, 1 failed, 2 bad usage or configuration, 3 cancelled."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("integration"),
         tr("An integration to offer, by type id (repeatable: one goes "
            "straight to its form, several show a picker)."),
         tr("ID")},
        {QStringLiteral("name"),
         tr("Name of the connection to create (default: from the name "
            "template)."),
         tr("NAME")},
        {QStringLiteral("dark"), tr("Dark theme.")},
        {QStringLiteral("light"), tr("Light theme.")},
        {QStringLiteral("json"), tr("Print the result as one JSON object on stdout.")},
        {QStringLiteral("lang"), tr("Use this language (de, fr, es, ja, ar, en)."), tr("CODE")},
    });
    parser.addOptions(backendOptions());
    if (!parser.parse(arguments))
        return error(parser.errorText() + tr(" (see connect-desktop connect --help)"));
    if (const auto early = helpOrStray(parser, QStringLiteral("connect")))
        return *early;

    Invocation invocation;
    invocation.command = Invocation::Command::Connect;
    ConnectOptions &options = invocation.connect;
    QString message;
    if (!readIntegrations(parser, &options, &message))
        return error(message);
    if (parser.isSet(QStringLiteral("name"))) {
        options.name = parser.value(QStringLiteral("name")).trimmed();
        if (options.name.isEmpty())
            return error(tr("--name must not be empty."));
    }
    if (parser.isSet(QStringLiteral("dark")) && parser.isSet(QStringLiteral("light")))
        return error(tr("Choose one of --dark and --light."));
    if (parser.isSet(QStringLiteral("dark")))
        options.dark = true;
    else if (parser.isSet(QStringLiteral("light")))
        options.dark = false;
    if (!readBackend(parser, &options, &message))
        return error(message);
    options.json = parser.isSet(QStringLiteral("json"));
    if (!readLanguage(parser, &invocation.language, &message))
        return error(message);
    return invocation;
}

Invocation parseHistory(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Lists the sessions the app kept (newest first): when, profile, integration, result "
           "and reason. Kept without secrets; their exchange logs are in --json."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("json"),
         tr("Print one JSON object with every session, its timings and exchange log.")},
        {QStringLiteral("limit"), tr("Only the newest N sessions."), tr("N")},
        {QStringLiteral("integration"), tr("Only sessions of this integration (type id)."),
         tr("ID")},
        {QStringLiteral("outcome"),
         tr("Only sessions that ended so: completed, cancelled or failed."), tr("OUTCOME")},
        {QStringLiteral("profile"), tr("Only sessions of this profile (by name or id)."),
         tr("NAME")},
        {QStringLiteral("clear"), tr("Forget every kept session.")},
        {QStringLiteral("lang"), tr("Use this language (de, fr, es, ja, ar, en)."), tr("CODE")},
    });
    if (!parser.parse(arguments))
        return error(parser.errorText() + tr(" (see connect-desktop history --help)"));
    if (const auto early = helpOrStray(parser, QStringLiteral("history")))
        return *early;
    Invocation invocation;
    invocation.command = Invocation::Command::History;
    HistoryOptions &options = invocation.history;
    QString message;
    if (!readInt(parser, QStringLiteral("limit"), 1, 1000000, &options.limit, &message)
        || !readLanguage(parser, &invocation.language, &message))
        return error(message);
    options.json = parser.isSet(QStringLiteral("json"));
    options.clear = parser.isSet(QStringLiteral("clear"));
    options.integration = parser.value(QStringLiteral("integration")).trimmed();
    options.profile = parser.value(QStringLiteral("profile")).trimmed();
    if (parser.isSet(QStringLiteral("outcome"))) {
        options.outcome = parser.value(QStringLiteral("outcome")).trimmed().toLower();
        static const QStringList outcomes{QStringLiteral("completed"), QStringLiteral("cancelled"),
                                          QStringLiteral("failed")};
        if (!outcomes.contains(options.outcome))
            return error(tr("--outcome takes completed, cancelled or failed, not \"%1\".")
                             .arg(options.outcome.left(64)));
    }
    if (options.clear
        && (options.json || options.limit || !options.integration.isEmpty()
            || !options.outcome.isEmpty() || !options.profile.isEmpty()))
        return error(tr("--clear forgets every session: use it on its own."));
    return invocation;
}

Invocation parseCheck(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Smoke-tests integrations: for each one, opens a real session, loads its page hidden "
           "until a person could type, records the timings or what went wrong, and closes it "
           "without connecting anything. Exit 0 when every one passed, 1 when any failed, 2 for "
           "bad usage."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("integration"),
         tr("Check this integration (type id; repeatable). Default: every one the company "
            "allows, or every one the backend lists when none is set."),
         tr("ID")},
        {QStringLiteral("all"),
         tr("Check every integration the backend lists, allowed or not (for support staff).")},
        {QStringLiteral("jobs"), tr("Run N sessions at once (1 to 8, default 2)."), tr("N")},
        {QStringLiteral("timeout"), tr("Give each page S seconds to become usable (default 30)."),
         tr("S")},
        {QStringLiteral("json"), tr("Print one JSON object with every row on stdout.")},
        {QStringLiteral("lang"), tr("Use this language (de, fr, es, ja, ar, en)."), tr("CODE")},
    });
    parser.addOptions(backendOptions());
    if (!parser.parse(arguments))
        return error(parser.errorText() + tr(" (see connect-desktop check --help)"));
    if (const auto early = helpOrStray(parser, QStringLiteral("check")))
        return *early;
    Invocation invocation;
    invocation.command = Invocation::Command::Check;
    CheckOptions &options = invocation.check;
    QString message;
    if (!readIntegrations(parser, &options.target, &message)
        || !readBackend(parser, &options.target, &message)
        || !readInt(parser, QStringLiteral("jobs"), 1, 8, &options.jobs, &message)
        || !readInt(parser, QStringLiteral("timeout"), 1, 600, &options.timeoutSeconds, &message)
        || !readLanguage(parser, &invocation.language, &message))
        return error(message);
    options.all = parser.isSet(QStringLiteral("all"));
    options.target.json = parser.isSet(QStringLiteral("json"));
    return invocation;
}

Invocation parseDoctor(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Checks whether this machine is ready: the web engine, the display, the keychain, "
           "the backend's address, proxies, certificates, the clock and the app's folders. Each "
           "line says what is wrong and what to do. Exit 0 when all is well, 1 when a problem "
           "was found."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("json"), tr("Print one JSON object with every finding on stdout.")},
        {QStringLiteral("lang"), tr("Use this language (de, fr, es, ja, ar, en)."), tr("CODE")},
    });
    parser.addOptions(backendOptions());
    if (!parser.parse(arguments))
        return error(parser.errorText() + tr(" (see connect-desktop doctor --help)"));
    if (const auto early = helpOrStray(parser, QStringLiteral("doctor")))
        return *early;
    Invocation invocation;
    invocation.command = Invocation::Command::Doctor;
    DoctorOptions &options = invocation.doctor;
    QString message;
    if (!readBackend(parser, &options.target, &message)
        || !readLanguage(parser, &invocation.language, &message))
        return error(message);
    options.json = parser.isSet(QStringLiteral("json"));
    return invocation;
}

Invocation parseDiagnostics(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Saves a diagnostics bundle (a zip file) for support: versions, the effective "
           "settings and profiles without any secret, the doctor's findings, the last sessions "
           "with their redacted exchange logs, and what the web engine refused or reported."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("output"), tr("Write the bundle to FILE (a .zip)."), tr("FILE")},
        {QStringLiteral("since"),
         tr("Only sessions of the last DURATION (e.g. 30m, 12h, 7d; default: every kept one)."),
         tr("DURATION")},
        {QStringLiteral("without"),
         tr("Leave a part out (repeatable): system, settings, profiles, doctor, sessions, "
            "engine."),
         tr("PART")},
        {QStringLiteral("profile"),
         tr("The profile the doctor checks (by name or id; default: the active one)."), tr("NAME")},
        {QStringLiteral("lang"), tr("Use this language (de, fr, es, ja, ar, en)."), tr("CODE")},
    });
    if (!parser.parse(arguments))
        return error(parser.errorText() + tr(" (see connect-desktop diagnostics --help)"));
    if (const auto early = helpOrStray(parser, QStringLiteral("diagnostics")))
        return *early;
    Invocation invocation;
    invocation.command = Invocation::Command::Diagnostics;
    DiagnosticsOptions &options = invocation.diagnostics;
    QString message;
    if (!readLanguage(parser, &invocation.language, &message))
        return error(message);
    options.output = parser.value(QStringLiteral("output")).trimmed();
    if (options.output.isEmpty())
        return error(tr("Name the bundle's file with --output FILE.zip."));
    if (!options.output.endsWith(QLatin1String(".zip"), Qt::CaseInsensitive))
        return error(tr("--output names a .zip file, such as diagnostics.zip."));
    if (parser.isSet(QStringLiteral("since"))) {
        const auto since = parseDuration(parser.value(QStringLiteral("since")));
        if (!since)
            return error(tr("--since takes a duration such as 30m, 12h or 7d, not \"%1\".")
                             .arg(parser.value(QStringLiteral("since")).left(64)));
        options.sinceSeconds = *since;
    }
    static const QStringList parts{QStringLiteral("system"),   QStringLiteral("settings"),
                                   QStringLiteral("profiles"), QStringLiteral("doctor"),
                                   QStringLiteral("sessions"), QStringLiteral("engine")};
    for (const QString &part : parser.values(QStringLiteral("without"))) {
        const QString name = part.trimmed().toLower();
        if (!parts.contains(name))
            return error(tr("--without takes one of %1, not \"%2\".")
                             .arg(parts.join(QLatin1String(", ")), part.left(64)));
        if (!options.without.contains(name))
            options.without.append(name);
    }
    options.profile = parser.value(QStringLiteral("profile")).trimmed();
    return invocation;
}

} // namespace

std::optional<qint64> parseDuration(const QString &text)
{
    static const QRegularExpression pattern(
        QRegularExpression::anchoredPattern(QStringLiteral("\\s*(\\d{1,9})\\s*([smhdw]?)\\s*")));
    const QRegularExpressionMatch match = pattern.match(text.toLower());
    if (!match.hasMatch())
        return std::nullopt;
    const qint64 count = match.captured(1).toLongLong();
    const QString unit = match.captured(2);
    const qint64 seconds = unit == QLatin1String("m") ? 60
        : unit == QLatin1String("h")                  ? 3600
        : unit == QLatin1String("d")                  ? 86400
        : unit == QLatin1String("w")                  ? 7 * 86400
                                                      : 1;
    if (count <= 0)
        return std::nullopt;
    return count * seconds;
}

Invocation parse(const QStringList &arguments)
{
    const QString first = arguments.value(1);
    if (first == QLatin1String("sandbox"))
        return parseSandbox(QStringList{arguments.value(0)} + arguments.mid(2));
    if (first == QLatin1String("connect"))
        return parseConnect(QStringList{arguments.value(0)} + arguments.mid(2));
    if (first == QLatin1String("history"))
        return parseHistory(QStringList{arguments.value(0)} + arguments.mid(2));
    if (first == QLatin1String("check"))
        return parseCheck(QStringList{arguments.value(0)} + arguments.mid(2));
    if (first == QLatin1String("doctor"))
        return parseDoctor(QStringList{arguments.value(0)} + arguments.mid(2));
    if (first == QLatin1String("diagnostics"))
        return parseDiagnostics(QStringList{arguments.value(0)} + arguments.mid(2));
    if (DeepLink::looksLikeDeepLink(first)) {
        // Opened from a web page or a shortcut: untrusted, and nothing else may come with it.
        if (arguments.size() > 2)
            return error(
                tr("A connectdesktop: link is opened on its own, without other arguments."));
        QString why;
        const auto link = DeepLink::parse(first, &why);
        if (!link)
            return error(why);
        Invocation invocation;
        invocation.deepLinkIntegration = link->integration;
        return invocation;
    }

    QCommandLineParser parser;
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  tr("Show this help."));
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")},
                                     tr("Show the version."));
    const QCommandLineOption lang(QStringLiteral("lang"), tr("Use this language."), tr("CODE"));
    parser.addOption(help);
    parser.addOption(version);
    parser.addOption(lang);
    if (!parser.parse(arguments))
        return error(parser.errorText() + tr(" (see connect-desktop --help)"));
    Invocation invocation;
    QString message;
    if (!readLanguage(parser, &invocation.language, &message))
        return error(message);
    if (parser.isSet(help)) {
        invocation.command = Invocation::Command::Help;
        invocation.text = generalUsage();
    } else if (parser.isSet(version)) {
        invocation.command = Invocation::Command::Version;
        invocation.text =
            QStringLiteral("connect-desktop %1").arg(QLatin1String(CONNECT_DESKTOP_VERSION));
    } else if (!parser.positionalArguments().isEmpty()) {
        return error(
            tr("Unknown command \"%1\". Commands: connect, sandbox, check, doctor, history, "
               "diagnostics (see connect-desktop --help).")
                .arg(parser.positionalArguments().constFirst()));
    }
    return invocation;
}

} // namespace CommandLine
