#include "app/ConnectCommand.h"

#include "app/Interrupts.h"
#include "core/model/PlatformTraits.h"
#include "core/session/SessionPlanner.h"
#include "core/session/Workspace.h"
#include "core/settings/ProfileStore.h"
#include "ui/ConnectWindow.h"
#include "ui/IntegrationChooser.h"
#include "ui/ThemeManager.h"
#include "web/WebProfiles.h"

#include <QApplication>
#include <QJsonDocument>
#include <QTextStream>
#include <QTimer>

ConnectCommand::ConnectCommand(const ConnectOptions &options, const AppContext &context,
                               QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_context(context)
{ }

std::optional<Profile> ConnectCommand::resolveProfile(QString *error) const
{
    const auto platform = m_options.platform;
    if (platform && *platform != Profile::Platform::Polytomic
        && (m_options.baseUrl.isValid() || m_options.proxyUrl.isValid())) {
        *error = tr("--base-url and --proxy-url are Polytomic's; for %1, name a profile with "
                    "--profile (add one in the app's settings).")
                     .arg(PlatformTraits::of(*platform).displayName());
        return std::nullopt;
    }
    if (m_options.baseUrl.isValid() || m_options.proxyUrl.isValid()) {
        const bool proxy = m_options.proxyUrl.isValid();
        const QUrl url = proxy ? m_options.proxyUrl : m_options.baseUrl;
        // A stored profile for the same address brings its key and version along.
        for (const Profile &profile : m_context.profiles->profiles()) {
            if (profile.baseUrl == url && (profile.access == Profile::Access::Backend) == proxy)
                return profile;
        }
        Profile adHoc;
        adHoc.id = QStringLiteral("command-line");
        adHoc.name = url.host();
        adHoc.access = proxy ? Profile::Access::Backend : Profile::Access::Direct;
        adHoc.baseUrl = url;
        adHoc.apiVersion = PlatformTraits::of(adHoc.platform).latestApiVersion();
        return adHoc;
    }
    if (!m_options.profile.isEmpty()) {
        const auto found = m_context.profiles->find(m_options.profile);
        if (!found) {
            QStringList names;
            for (const Profile &profile : m_context.profiles->profiles())
                names.append(profile.name);
            *error = tr("Unknown profile “%1”. Profiles: %2 (add one in the app's settings).")
                         .arg(m_options.profile, names.join(QLatin1String(", ")));
        }
        if (found && platform && found->platform != *platform) {
            *error = tr("The profile “%1” is a %2 profile, not %3.")
                         .arg(found->name, PlatformTraits::of(found->platform).displayName(),
                              PlatformTraits::of(*platform).displayName());
            return std::nullopt;
        }
        return found;
    }
    // --platform alone: that platform's built-in sandbox.
    if (platform)
        return ProfileStore::sandboxProfile(*platform);
    return m_context.profiles->active();
}

int ConnectCommand::exec()
{
    // Without --integration, the company's whitelist (none: every type the backend lists).
    m_options.integrations =
        SessionPlanner(m_context.appSettings).integrationsFor(m_options.integrations);
    QString error;
    const auto profile = resolveProfile(&error);
    if (!profile) {
        stopWithUsageError(error);
        return m_exitCode;
    }
    m_profile = *profile;
    // Ctrl+C or SIGTERM is the person's Esc: the session ends cancelled, with its result
    // printed. A second one while that is under way stops at once.
    auto *interrupts = new Interrupts(this);
    connect(interrupts, &Interrupts::interrupted, this, [this] {
        if (m_window && !m_interrupted) {
            m_interrupted = true;
            m_window->reject();
            return;
        }
        SessionResult result;
        result.outcome = SessionResult::Outcome::Cancelled;
        result.integration =
            m_options.integrations.size() == 1 ? m_options.integrations.constFirst() : QString();
        if (!m_done) {
            print(result);
            quit(result.exitCode());
        }
    });
    // The same decisions as the main window's: the profile opened, its integrations listed,
    // the names its connections take.
    m_workspace = new Workspace(m_context.backends, m_context.appSettings, nullptr, this);
    connect(m_workspace, &Workspace::openFailed, this,
            [this](const Profile &, const ApiFailure &failure) {
                if (failure.kind == ApiFailure::Kind::Configuration)
                    stopWithUsageError(failure.message());
                else
                    stopWithFailure(failure);
            });
    connect(m_workspace, &Workspace::opened, m_workspace, &Workspace::refreshIntegrations);
    connect(m_workspace, &Workspace::integrationsFailed, this,
            [this](const ApiFailure &failure) { stopWithFailure(failure); });
    connect(m_workspace, &Workspace::integrationsListed, this, &ConnectCommand::typesArrived);
    connect(m_workspace, &Workspace::connectionsListed, this,
            [this](const Result<QList<Connection>> &result) {
                if (!result.ok())
                    return stopWithFailure(result.failure);
                const QString integration =
                    m_integrationName.isEmpty() ? tr("Connection") : m_integrationName;
                openWindow(SessionPlanner(m_context.appSettings)
                               .nameFor(integration, m_options.integrations.value(0),
                                        m_workspace->namesTaken()));
            });
    m_workspace->open(*profile);
    if (!m_done)
        QApplication::exec();
    return m_exitCode;
}

void ConnectCommand::typesArrived()
{
    if (m_window || m_chooser)
        return; // listed once; nothing asks again
    const QStringList unknown = m_workspace->unlisted(m_options.integrations);
    if (!unknown.isEmpty()) {
        QStringList ids;
        for (const ConnectionType &type : m_workspace->listed())
            ids.append(type.id);
        ids.sort();
        stopWithUsageError(
            tr("Unknown integration “%1”. This backend offers: %2.")
                .arg(unknown.join(QLatin1String("”, “")), ids.join(QLatin1String(", "))));
        return;
    }
    if (m_options.integrations.size() != 1
        && !m_workspace->provider()->choosesAmongIntegrations()) {
        chooseIntegration();
        return;
    }
    if (m_options.integrations.size() == 1) {
        for (const ConnectionType &type : m_workspace->listed()) {
            if (type.id == m_options.integrations.constFirst())
                m_integrationName = type.name;
        }
    }
    if (!m_options.name.isEmpty()) {
        openWindow(m_options.name);
        return;
    }
    m_workspace->refreshConnections();
}

void ConnectCommand::chooseIntegration()
{
    // The ones asked for, or every one the company allows that the platform offers.
    QList<ConnectionType> choices;
    for (const ConnectionType &type : m_workspace->offered()) {
        if (m_options.integrations.isEmpty() || m_options.integrations.contains(type.id))
            choices.append(type);
    }
    auto *chooser =
        new IntegrationChooser(choices, m_workspace->provider()->platformName(), nullptr);
    m_chooser = chooser;
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    connect(chooser, &QDialog::finished, this, [this, chooser](int answer) {
        if (m_done)
            return;
        if (answer != QDialog::Accepted) {
            m_done = true;
            SessionResult result;
            result.outcome = SessionResult::Outcome::Cancelled;
            print(result);
            quit(result.exitCode());
            return;
        }
        m_options.integrations = {chooser->chosen().id};
        m_chooser = nullptr;
        typesArrived();
    });
    chooser->show();
}

void ConnectCommand::openWindow(const QString &name)
{
    const SessionRequest request =
        SessionPlanner(m_context.appSettings)
            .create(name, m_options.integrations, m_context.theme->isDark());
    m_window =
        new ConnectWindow(m_workspace->provider(), request,
                          m_context.webProfiles->profileFor(m_profile), m_context.appSettings);
    m_window->setCertificateOverrideAllowed(m_profile.acceptInvalidCertificates);
    m_window->setAttribute(Qt::WA_DeleteOnClose);
    if (!m_integrationName.isEmpty())
        m_window->setIntegrationName(m_integrationName);
    connect(m_window, &ConnectWindow::sessionFinished, this, &ConnectCommand::sessionFinished);
    m_window->show();
    m_window->start();
}

void ConnectCommand::sessionFinished(const SessionResult &result)
{
    if (m_done)
        return;
    m_done = true;
    print(result);
    // Let the window paint its result once, then leave: scripts wait on the exit code.
    QTimer::singleShot(0, this, [this, code = result.exitCode()] {
        if (m_window)
            m_window->close();
        quit(code);
    });
}

void ConnectCommand::print(const SessionResult &result)
{
    QTextStream out(stdout);
    if (m_options.json) {
        out << QJsonDocument(result.toJson()).toJson(QJsonDocument::Compact) << Qt::endl;
        return;
    }
    switch (result.outcome) {
    case SessionResult::Outcome::Completed:
        out << tr("Connected %1 as “%2” (%3).")
                   .arg(result.integration, result.connection->name, result.connection->status)
            << Qt::endl;
        break;
    case SessionResult::Outcome::Cancelled:
        out << tr("Cancelled: no connection was made.") << Qt::endl;
        break;
    case SessionResult::Outcome::Failed:
        QTextStream(stderr) << tr("Failed: %1").arg(result.errorMessage) << Qt::endl;
        break;
    }
}

void ConnectCommand::stopWithUsageError(const QString &message)
{
    QTextStream(stderr) << "connect-desktop connect: " << message << Qt::endl;
    quit(CommandLine::BadUsage);
}

void ConnectCommand::stopWithFailure(const ApiFailure &failure)
{
    SessionResult result;
    result.outcome = SessionResult::Outcome::Failed;
    result.integration =
        m_options.integrations.size() == 1 ? m_options.integrations.constFirst() : QString();
    result.errorCode = failure.code();
    result.errorMessage = failure.message();
    print(result);
    quit(CommandLine::Failed);
}

void ConnectCommand::quit(int code)
{
    m_exitCode = code;
    m_done = true;
    QCoreApplication::exit(code);
}
