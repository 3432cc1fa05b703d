#include "app/CheckCommand.h"

#include "app/Interrupts.h"
#include "app/ProfileChoice.h"
#include "core/model/PlatformTraits.h"
#include "core/session/ConnectSession.h"
#include "core/session/SessionPlanner.h"
#include "core/session/Workspace.h"
#include "core/settings/ProfileStore.h"
#include "ui/ConnectWindow.h"
#include "web/WebProfiles.h"

#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <memory>

namespace {

// A page gets this much longer than --timeout before its row gives up on the session as a
// whole (the platform never answered the request, say).
constexpr int sessionGraceMs = 15000;

QString cell(QString text, int width)
{
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    if (text.size() > width)
        return text.left(width - 1) + QChar(0x2026);
    return text.leftJustified(width);
}

} // namespace

QJsonObject CheckRow::toJson() const
{
    const auto ms = [](qint64 value) {
        return value >= 0 ? QJsonValue(double(value)) : QJsonValue();
    };
    return {{QLatin1String("integration"), integration},
            {QLatin1String("name"), name},
            {QLatin1String("result"), passed ? QStringLiteral("passed") : QStringLiteral("failed")},
            {QLatin1String("request_ms"), ms(requestMs)},
            {QLatin1String("modal_ready_ms"), ms(readyMs)},
            {QLatin1String("code"), code.isEmpty() ? QJsonValue() : QJsonValue(code)},
            {QLatin1String("reason"), reason.isEmpty() ? QJsonValue() : QJsonValue(reason)}};
}

CheckCommand::CheckCommand(const CheckOptions &options, const AppContext &context, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_context(context)
{ }

CheckCommand::~CheckCommand()
{
    for (const QPointer<ConnectWindow> &window : std::as_const(m_windows))
        delete window.data();
}

int CheckCommand::exec()
{
    QString error;
    const auto profile = ProfileChoice::resolve(m_options.target, *m_context.profiles, &error);
    if (!profile) {
        stopWithUsageError(error);
        return m_exitCode;
    }
    m_profile = *profile;
    m_clock.start();
    // Ctrl+C: the sessions open are cancelled, the ones not begun are left out, and what was
    // checked is printed.
    auto *interrupts = new Interrupts(this);
    connect(interrupts, &Interrupts::interrupted, this, [this] {
        if (m_done)
            return;
        m_queue.clear();
        m_interrupted = true;
        for (const QPointer<ConnectWindow> &window : std::as_const(m_windows)) {
            if (window)
                window->reject();
        }
        if (m_running == 0)
            finishRun();
    });
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
    connect(m_workspace, &Workspace::integrationsListed, this, &CheckCommand::integrationsListed);
    m_workspace->open(m_profile);
    if (!m_done)
        QApplication::exec();
    return m_exitCode;
}

void CheckCommand::integrationsListed()
{
    if (m_total > 0 || m_done)
        return; // listed once; nothing asks again
    const QStringList &asked = m_options.target.integrations;
    const QStringList unknown = m_workspace->unlisted(asked);
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
    // The company's choice holds unless support staff ask for --all.
    const QStringList allowed = m_context.appSettings->allowedIntegrations();
    if (!m_options.all && !allowed.isEmpty()) {
        QStringList refused;
        for (const QString &id : asked) {
            if (!allowed.contains(id))
                refused.append(id);
        }
        if (!refused.isEmpty()) {
            stopWithUsageError(tr("“%1” is not among the integrations this company allows "
                                  "(Settings, Allowed integrations); add --all to check it "
                                  "anyway.")
                                   .arg(refused.join(QLatin1String("”, “"))));
            return;
        }
    }
    const QList<ConnectionType> candidates =
        m_options.all || !asked.isEmpty() ? m_workspace->listed() : m_workspace->offered();
    for (const ConnectionType &type : candidates) {
        if (asked.isEmpty() || asked.contains(type.id))
            m_queue.append({type.id, type.name.isEmpty() ? type.id : type.name});
    }
    // In the order asked for; otherwise as the platform lists them.
    if (!asked.isEmpty()) {
        std::stable_sort(m_queue.begin(), m_queue.end(), [&asked](const auto &a, const auto &b) {
            return asked.indexOf(a.first) < asked.indexOf(b.first);
        });
    }
    m_total = int(m_queue.size());
    if (m_total == 0) {
        stopWithUsageError(tr("There is no integration to check: the backend lists none that "
                              "this company allows (add --all to check every one)."));
        return;
    }
    QTextStream(stderr) << tr("Checking %1 integration(s) on %2 (%3), %4 at a time…")
                               .arg(m_total)
                               .arg(m_profile.name, m_workspace->provider()->platformName())
                               .arg(qMin(m_options.jobs, m_total))
                        << Qt::endl;
    startNext();
}

void CheckCommand::startNext()
{
    while (m_running < m_options.jobs && !m_queue.isEmpty()) {
        const auto [id, name] = m_queue.takeFirst();
        begin(id, name, m_total - int(m_queue.size()));
    }
    if (m_running == 0 && m_queue.isEmpty())
        finishRun();
}

void CheckCommand::begin(const QString &integration, const QString &name, int order)
{
    // The name is never used: the session is cancelled before anything can be submitted.
    const SessionRequest request = SessionPlanner(m_context.appSettings)
                                       .create(tr("Connect Desktop check"), {integration}, false);
    auto *window =
        new ConnectWindow(m_workspace->provider(), request,
                          m_context.webProfiles->profileFor(m_profile), m_context.appSettings);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setIntegrationName(name);
    // A check reports a refused certificate; it never lets one through.
    window->setCertificateOverrideAllowed(false);
    ConnectSession *session = window->session();
    session->setModalLoadTimeout(m_options.timeoutSeconds * 1000);
    m_windows.append(window);
    ++m_running;

    auto row = std::make_shared<CheckRow>();
    row->integration = integration;
    row->name = name;
    row->order = order;
    auto clock = std::make_shared<QElapsedTimer>();
    auto settled = std::make_shared<bool>(false);
    const auto done = [this, window, row, settled] {
        if (std::exchange(*settled, true))
            return;
        settle(window, *row);
    };
    connect(session, &ConnectSession::stateChanged, this,
            [session, row, clock, done](ConnectSession::State state) {
                if (state == ConnectSession::State::InModal) {
                    row->passed = true;
                    row->requestMs =
                        session->result().timingsMs.value(QStringLiteral("request"), -1);
                    row->readyMs = clock->elapsed();
                    done();
                } else if (state == ConnectSession::State::Problem) {
                    row->requestMs =
                        session->result().timingsMs.value(QStringLiteral("request"), -1);
                    row->code = session->problemCode();
                    row->reason = session->problem();
                    done();
                }
            });
    connect(window, &ConnectWindow::embeddedSignInRefused, this, [row, done](const QString &host) {
        row->passed = false;
        row->code = QStringLiteral("embedded_signin_refused");
        row->reason = tr("%1 refuses sign-in inside apps; a person would continue in the "
                         "system browser.")
                          .arg(host);
        done();
    });
    connect(window, &ConnectWindow::sessionFinished, this,
            [row, done](const SessionResult &result) {
                // Before the page was usable (a refused request, say): the session's reason.
                row->requestMs = result.timingsMs.value(QStringLiteral("request"), row->requestMs);
                if (result.outcome == SessionResult::Outcome::Failed) {
                    row->code = result.errorCode;
                    row->reason = result.errorMessage;
                } else {
                    row->code = QStringLiteral("ended_early");
                    row->reason = tr("The session ended before its page could be used.");
                }
                done();
            });
    connect(window, &QObject::destroyed, this, [this, window] {
        m_windows.removeAll(window);
        --m_running;
        startNext();
    });
    // The platform never answered, or the page never settled: the row gives up.
    QTimer::singleShot(m_options.timeoutSeconds * 1000 + sessionGraceMs, window, [row, done] {
        row->code = QStringLiteral("timeout");
        row->reason = tr("Nothing usable came within the time allowed; try a longer --timeout, "
                         "or look at the session's log in the History.");
        done();
    });
    Q_EMIT sessionStarted(window);
    clock->start();
    window->start();
}

void CheckCommand::settle(ConnectWindow *window, CheckRow row)
{
    if (!row.passed && row.reason.isEmpty())
        row.reason = tr("It failed without saying why.");
    m_rows.append(row);
    printProgress(row);
    // Nothing was typed and nothing is submitted: cancelling ends the session with nothing made.
    // The window goes once the session has its result (the platform's side ended too).
    QTimer::singleShot(0, window, [window] { window->reject(); });
}

void CheckCommand::printProgress(const CheckRow &row)
{
    QTextStream err(stderr);
    const QString place = QStringLiteral("[%1/%2]").arg(m_rows.size()).arg(m_total);
    if (row.passed) {
        err << tr("%1 %2: passed (request %3 ms, ready to type %4 ms)")
                   .arg(place, row.integration)
                   .arg(row.requestMs)
                   .arg(row.readyMs)
            << Qt::endl;
    } else {
        err << tr("%1 %2: failed (%3): %4").arg(place, row.integration, row.code, row.reason)
            << Qt::endl;
    }
}

void CheckCommand::finishRun()
{
    if (m_done)
        return;
    std::sort(m_rows.begin(), m_rows.end(),
              [](const CheckRow &a, const CheckRow &b) { return a.order < b.order; });
    const int failed = int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                                         [](const CheckRow &row) { return !row.passed; }));
    QTextStream out(stdout);
    if (m_options.target.json) {
        QJsonArray rows;
        for (const CheckRow &row : std::as_const(m_rows))
            rows.append(row.toJson());
        out << QJsonDocument(QJsonObject{{QLatin1String("profile"), m_profile.name},
                                         {QLatin1String("platform"),
                                          Profile::platformName(m_profile.platform)},
                                         {QLatin1String("backend"),
                                          m_workspace && m_workspace->provider()
                                              ? m_workspace->provider()->apiBaseUrl().toString()
                                              : QString()},
                                         {QLatin1String("checked"), int(m_rows.size())},
                                         {QLatin1String("passed"), int(m_rows.size()) - failed},
                                         {QLatin1String("failed"), failed},
                                         {QLatin1String("interrupted"), m_interrupted},
                                         {QLatin1String("elapsed_ms"), double(m_clock.elapsed())},
                                         {QLatin1String("rows"), rows}})
                   .toJson(QJsonDocument::Compact)
            << Qt::endl;
    } else {
        printTable();
        out << tr("%1 of %2 passed, %3 failed, in %4 s.")
                   .arg(int(m_rows.size()) - failed)
                   .arg(m_rows.size())
                   .arg(failed)
                   .arg(double(m_clock.elapsed()) / 1000.0, 0, 'f', 1)
            << Qt::endl;
    }
    quit(m_interrupted ? CommandLine::Cancelled
                       : (failed == 0 ? CommandLine::Completed : CommandLine::Failed));
}

void CheckCommand::printTable()
{
    QTextStream out(stdout);
    out << cell(tr("Integration"), 22) << ' ' << cell(tr("Result"), 7) << ' '
        << cell(tr("Request"), 9) << ' ' << cell(tr("Ready"), 9) << ' ' << tr("Reason") << Qt::endl;
    const auto ms = [](qint64 value) {
        return value >= 0 ? tr("%1 ms").arg(value) : QStringLiteral("-");
    };
    for (const CheckRow &row : std::as_const(m_rows)) {
        out << cell(row.integration, 22) << ' ' << cell(row.passed ? tr("passed") : tr("failed"), 7)
            << ' ' << cell(ms(row.requestMs), 9) << ' ' << cell(ms(row.readyMs), 9) << ' '
            << (row.passed ? QString() : row.code + QLatin1String(": ") + row.reason) << Qt::endl;
    }
}

void CheckCommand::stopWithUsageError(const QString &message)
{
    QTextStream(stderr) << "connect-desktop check: " << message << Qt::endl;
    quit(CommandLine::BadUsage);
}

void CheckCommand::stopWithFailure(const ApiFailure &failure)
{
    if (m_done)
        return;
    QTextStream(stderr) << "connect-desktop check: "
                        << tr("the integrations could not be listed: %1").arg(failure.message())
                        << Qt::endl;
    if (m_options.target.json) {
        QTextStream(stdout) << QJsonDocument(
                                   QJsonObject{
                                       {QLatin1String("profile"), m_profile.name},
                                       {QLatin1String("error"),
                                        QJsonObject{{QLatin1String("code"), failure.code()},
                                                    {QLatin1String("message"), failure.message()}}},
                                       {QLatin1String("rows"), QJsonArray()}})
                                   .toJson(QJsonDocument::Compact)
                            << Qt::endl;
    }
    quit(CommandLine::Failed);
}

void CheckCommand::quit(int code)
{
    m_exitCode = code;
    m_done = true;
    QCoreApplication::exit(code);
}
