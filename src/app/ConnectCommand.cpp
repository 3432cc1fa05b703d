#include "app/ConnectCommand.h"

#include "app/Interrupts.h"
#include "app/ProfileChoice.h"
#include "core/model/PlatformTraits.h"
#include "core/session/SessionHistory.h"
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
    return ProfileChoice::resolve(m_options, *m_context.profiles, error);
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
    if (m_context.history && m_window && m_window->session())
        m_context.history->record(*m_window->session(), m_profile,
                                  m_integrationName.isEmpty() ? m_window->integrationName()
                                                              : m_integrationName);
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
    // No session began, but support staff look for this one too (a refused key, say).
    if (m_context.history) {
        HistoryEntry entry;
        entry.startedAt = QDateTime::currentDateTimeUtc();
        entry.profileId = m_profile.id;
        entry.profileName = m_profile.name;
        entry.platform = Profile::platformName(m_profile.platform);
        entry.integrationName = m_integrationName;
        entry.result = result;
        m_context.history->add(entry);
    }
    print(result);
    quit(CommandLine::Failed);
}

void ConnectCommand::quit(int code)
{
    m_exitCode = code;
    m_done = true;
    QCoreApplication::exit(code);
}
