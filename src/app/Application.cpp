#include "app/Application.h"

#include "app/AppBackends.h"
#include "app/AppContext.h"
#include "app/CheckCommand.h"
#include "app/CommandLine.h"
#include "app/ConnectCommand.h"
#include "app/DiagnosticsCommand.h"
#include "app/DoctorCommand.h"
#include "app/HistoryCommand.h"
#include "app/SandboxCommand.h"
#include "core/session/SessionHistory.h"
#include "core/settings/MachineSettings.h"
#include "core/system/ConnectionTypeCache.h"
#include "core/system/DeepLink.h"
#include "core/system/LogCategories.h"
#include "core/system/ProxySetup.h"
#include "core/system/SingleInstance.h"
#include "ui/MainWindow.h"
#include "ui/SettingsDialog.h" // MainWindow.h holds a QPointer to it
#include "ui/ThemeManager.h"
#include "ui/Translations.h"
#include "web/WebProfiles.h"

#include <QApplication>
#include <QDir>
#include <QFileOpenEvent>
#include <QFontDatabase>
#include <QLoggingCategory>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTextStream>
#include <QThread>

#include <memory>
#include <unistd.h>
#include <vector>

namespace Application {

namespace {

// Chromium refuses to run as root with its sandbox on. Only for root, and said out loud.
void allowWebEngineAsRoot()
{
    if (::geteuid() != 0 || qEnvironmentVariableIsSet("QTWEBENGINE_DISABLE_SANDBOX"))
        return;
    qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    QTextStream(stderr) << QCoreApplication::translate(
        "Application", "connect-desktop: running as root, so the web engine's sandbox is off.")
                        << Qt::endl;
}

// Qt 6.4 web content ignores the application palette: prefers-color-scheme is set for the whole
// process through Chromium's flags, before the engine starts.
void setWebColorScheme(bool dark)
{
    QByteArray flags = qgetenv("QTWEBENGINE_CHROMIUM_FLAGS");
    if (flags.contains("preferredColorScheme"))
        return; // someone chose already
    flags += QByteArray(flags.isEmpty() ? "" : " ")
        + "--blink-settings=preferredColorScheme=" + (dark ? "0" : "1");
    qputenv("QTWEBENGINE_CHROMIUM_FLAGS", flags);
}

// The connect page loads behind the window's "Loading" view, hidden, and between sessions the
// kept page waits hidden: Chromium puts the renderer of hidden pages at nice 5 where it can raise
// it again (as root), and the page the user waits for would then load at a lower priority than
// the app's own work. An idle hidden page costs nothing at any priority.
void keepRendererPriority()
{
    QByteArray flags = qgetenv("QTWEBENGINE_CHROMIUM_FLAGS");
    if (flags.contains("--disable-renderer-backgrounding"))
        return;
    flags += QByteArray(flags.isEmpty() ? "" : " ") + "--disable-renderer-backgrounding";
    qputenv("QTWEBENGINE_CHROMIUM_FLAGS", flags);
}

// Links the OS delivers as QFileOpenEvent (macOS's way for registered URL schemes); checked
// like any link on the command line.
class LinkEvents : public QObject
{
public:
    explicit LinkEvents(std::function<void(const QString &)> open)
        : m_open(std::move(open))
    { }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::FileOpen)
            return QObject::eventFilter(watched, event);
        const QUrl url = static_cast<QFileOpenEvent *>(event)->url();
        QString why;
        if (const auto link = DeepLink::parse(url.toString(QUrl::FullyEncoded), &why))
            m_open(link->integration);
        else
            qCWarning(lcApp).noquote() << "link refused:" << why;
        return true;
    }

private:
    std::function<void(const QString &)> m_open;
};

// For what the command line prints: --lang's language, else the settings' (the user's, under
// the machine's), else the system's.
void speakUsersLanguage(const QString &requested)
{
    QString language = requested;
    if (language.isEmpty()) {
        const MachineSettings machine = MachineSettings::fromSystem();
        QSettings settings;
        language = AppSettings(&settings, &machine).language();
    }
    Translations::install(Translations::resolve(language));
}

// `connect --platform NAME` is ours (polytomic, paragon), but Qt reads -platform and --platform as
// its platform plugin: keep that option away from QApplication (QT_QPA_PLATFORM still chooses
// the plugin). The arguments must outlive the application object.
std::vector<char *> withoutPlatformOption(int argc, char **argv)
{
    std::vector<char *> kept;
    for (int i = 0; i < argc; ++i) {
        const QByteArray argument(argv[i]);
        if (i > 0 && (argument == "--platform" || argument == "-platform")) {
            ++i; // and its value
            continue;
        }
        if (i > 0 && (argument.startsWith("--platform=") || argument.startsWith("-platform=")))
            continue;
        kept.push_back(argv[i]);
    }
    kept.push_back(nullptr);
    return kept;
}

int runWindowed(int argc, char **argv, const Invocation &invocation, SingleInstance *instance,
                const Hooks &hooks)
{
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    allowWebEngineAsRoot();
    std::vector<char *> arguments(argv, argv + argc + 1);
    if (invocation.command != Invocation::Command::Window)
        arguments = withoutPlatformOption(argc, argv);
    int count = int(arguments.size()) - 1;
    QApplication app(count, arguments.data());
    // The font database is filled the first time a widget measures text (5-15 ms on this kind of
    // machine, fontconfig included): fill it on a thread of its own while the settings, profiles
    // and the main window are set up. QFontDatabase is thread-safe; the UI thread waits for it
    // only if it needs a font before the thread is done.
    const std::unique_ptr<QThread> fonts(QThread::create([] { QFontDatabase::families(); }));
    fonts->start();
    const auto joinFonts = qScopeGuard([&fonts] { fonts->wait(); });
    QApplication::setApplicationDisplayName(QStringLiteral("Connect Desktop"));
    QApplication::setDesktopFileName(QStringLiteral("connect-desktop"));

    if (instance)
        instance->listen();

    // What IT set for every user of this machine, under the user's own settings.
    const MachineSettings machine = MachineSettings::fromSystem();
    for (const QString &problem : machine.problems())
        qCWarning(lcApp).noquote() << MachineSettings::systemSourceLocation() << problem;

    QSettings settings;
    AppSettings appSettings(&settings, &machine);
    if (!invocation.language.isEmpty())
        appSettings.overrideLanguage(invocation.language);
    const QString language = Translations::resolve(appSettings.language());
    Translations::install(language);
    if (invocation.connect.dark)
        appSettings.overrideTheme(*invocation.connect.dark ? AppSettings::Theme::Dark
                                                           : AppSettings::Theme::Light);
    ThemeManager theme(&appSettings);
    setWebColorScheme(theme.isDark());
    keepRendererPriority();
    // Both network stacks take the app's proxy; Chromium's only before the engine starts.
    const ProxySettings proxy = appSettings.proxy();
    ProxySetup::apply(proxy);
    if (proxy.mode == ProxySettings::Mode::Manual)
        qCInfo(lcApp).noquote() << "proxy:" << proxy.endpoint();

    ProfileStore profiles(&settings, &machine);
    SessionHistory history(SessionHistory::defaultPath(), appSettings.historyLimit());
    QObject::connect(&appSettings, &AppSettings::changed, &history,
                     [&history, &appSettings] { history.setLimit(appSettings.historyLimit()); });
    AppBackends backends;
    if (proxy.mode == ProxySettings::Mode::Manual && !proxy.user.isEmpty())
        backends.readProxyPassword();
    // Off the record unless a profile asks to remember sign-ins, in a folder of its own.
    auto *webProfiles =
        new WebProfiles(QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                            .filePath(QStringLiteral("web-profiles")));
    // The modal is asked for the app's language.
    webProfiles->setAcceptLanguage(Translations::acceptLanguage(language));

    AppContext context{&settings, &appSettings, &profiles, &backends,
                       &theme,    webProfiles,  &history};
    int code = 0;
    if (invocation.command == Invocation::Command::Connect) {
        ConnectCommand command(invocation.connect, context);
        code = command.exec();
    } else if (invocation.command == Invocation::Command::Check) {
        CheckCommand command(invocation.check, context);
        code = command.exec();
    } else if (invocation.command == Invocation::Command::Doctor) {
        code = DoctorCommand::run(invocation.doctor, context);
    } else if (invocation.command == Invocation::Command::Diagnostics) {
        code = DiagnosticsCommand::run(invocation.diagnostics, context);
    } else {
        const ConnectionTypeCache typeCache(ConnectionTypeCache::defaultDirectory());
        MainWindow window(&backends, &profiles, &appSettings, webProfiles, &typeCache);
        window.setThemeManager(&theme);
        window.setHistory(&history);
        // Later launches (a link, a shortcut) come here instead of opening a second window.
        QObject::connect(instance, &SingleInstance::argumentsReceived, &window,
                         [&window](const QStringList &forwarded) {
                             const Invocation later = CommandLine::parse(
                                 QStringList{QStringLiteral("connect-desktop")} + forwarded);
                             if (!later.deepLinkIntegration.isEmpty())
                                 window.openFromLink(later.deepLinkIntegration);
                             window.raise();
                             window.activateWindow();
                         });
        // macOS hands links to a running app as an event, not as arguments.
        LinkEvents links([&window](const QString &integration) {
            window.openFromLink(integration);
            window.raise();
            window.activateWindow();
        });
        app.installEventFilter(&links);
        window.show();
        if (hooks.windowShown)
            hooks.windowShown(window);
        if (!invocation.deepLinkIntegration.isEmpty())
            window.openFromLink(invocation.deepLinkIntegration);
        code = QApplication::exec();
    }
    // Pages are gone with their windows; the profiles go after them.
    delete webProfiles;
    return code;
}

} // namespace

int run(int argc, char **argv, const Hooks &hooks)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));

    // Qt WebEngine prints its start-up parameters at info level on every run: noise on the
    // command line's stderr. QT_LOGGING_RULES still overrides this.
    QLoggingCategory::setFilterRules(QStringLiteral("qt.webenginecontext.info=false"));
    QCoreApplication::setOrganizationName(QStringLiteral("ConnectDesktop"));
    QCoreApplication::setApplicationName(QStringLiteral("connect-desktop"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CONNECT_DESKTOP_VERSION));

    Invocation invocation = CommandLine::parse(arguments);
    switch (invocation.command) {
    case Invocation::Command::Help:
    case Invocation::Command::Version: {
        QCoreApplication app(argc, argv);
        // In the user's language: parsed again once the translations are in.
        speakUsersLanguage(invocation.language);
        invocation = CommandLine::parse(arguments);
        QTextStream(stdout) << invocation.text << Qt::endl;
        return CommandLine::Completed;
    }
    case Invocation::Command::Error: {
        QCoreApplication app(argc, argv);
        speakUsersLanguage(invocation.language);
        invocation = CommandLine::parse(arguments);
        QTextStream(stderr) << "connect-desktop: " << invocation.text << Qt::endl;
        return CommandLine::BadUsage;
    }
    case Invocation::Command::History: {
        QCoreApplication app(argc, argv);
        speakUsersLanguage(invocation.language);
        const MachineSettings machine = MachineSettings::fromSystem();
        QSettings settings;
        const AppSettings appSettings(&settings, &machine);
        const ProfileStore profiles(&settings, &machine);
        SessionHistory history(SessionHistory::defaultPath(), appSettings.historyLimit());
        return HistoryCommand::run(invocation.history, &history, &profiles);
    }
    case Invocation::Command::Sandbox: {
        QCoreApplication app(argc, argv);
        if (invocation.paragonSandbox)
            return SandboxCommand::runParagon(*invocation.paragonSandbox, invocation.sandboxJson);
        return SandboxCommand::run(invocation.sandbox, invocation.sandboxJson);
    }
    case Invocation::Command::Connect:
    case Invocation::Command::Check:
    case Invocation::Command::Doctor:
    case Invocation::Command::Diagnostics:
        return runWindowed(argc, argv, invocation, nullptr, hooks);
    case Invocation::Command::Window: {
        // One window per user: hand this launch to the running one when there is one.
        SingleInstance instance;
        if (instance.anotherIsRunning()) {
            if (instance.forward(arguments.mid(1))) {
                QCoreApplication app(argc, argv);
                speakUsersLanguage(invocation.language);
                QTextStream(stdout) << QCoreApplication::translate(
                    "Application", "Connect Desktop is already running; it takes it from here.")
                                    << Qt::endl;
                return CommandLine::Completed;
            }
        }
        return runWindowed(argc, argv, invocation, &instance, hooks);
    }
    }
    return CommandLine::BadUsage;
}

} // namespace Application
