#include "core/session/ConnectSession.h"

#include "core/model/ExchangeLog.h"
#include "core/system/LogCategories.h"

#include <QCoreApplication>

ConnectSession::ConnectSession(PlatformProvider *provider, const SessionRequest &request,
                               QObject *parent)
    : QObject(parent)
    , m_provider(provider)
    , m_request(request)
    , m_log(new ExchangeLog(this))
{
    m_loadTimeout.setSingleShot(true);
    m_loadTimeout.setInterval(30000);
    connect(&m_loadTimeout, &QTimer::timeout, this, [this] {
        enterProblem(
            ProblemKind::TimedOut, QStringLiteral("modal_timeout"),
            tr("The connect page did not load within %1 seconds. Check your connection, then "
               "Retry.")
                .arg(m_loadTimeout.interval() / 1000));
    });
    m_browserTimeout.setSingleShot(true);
    m_browserTimeout.setInterval(10 * 60 * 1000);
    connect(&m_browserTimeout, &QTimer::timeout, this, [this] {
        if (m_state == State::InBrowser)
            finish(SessionResult::Outcome::Failed, QStringLiteral("browser_timeout"),
                   tr("The browser did not come back within %1 minutes. Start again when you are "
                      "ready.")
                       .arg(m_browserTimeout.interval() / 60000));
    });
}

ConnectSession::~ConnectSession() = default;

void ConnectSession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    qCInfo(lcApp) << "session state:" << state;
    Q_EMIT stateChanged(state);
}

void ConnectSession::mark(const QString &timing)
{
    const qint64 now = m_clock.elapsed();
    m_result.timingsMs.insert(timing, now - m_phaseStart);
    m_phaseStart = now;
}

void ConnectSession::start()
{
    if (m_state != State::Idle)
        return;
    m_clock.start();
    if (m_request.integrations.size() == 1)
        m_result.integration = m_request.integrations.constFirst();
    m_attempt = m_provider->beginAttempt(m_request, m_log, this);
    // What the attempt hears by its own channel (the system browser's return) is judged as the
    // page's reports are.
    connect(m_attempt, &ConnectAttempt::reported, this, &ConnectSession::report);

    requestLaunch([this] {
        mark(QStringLiteral("request"));
        setState(State::Loading);
        m_loadTimeout.start();
        Q_EMIT loadModal(m_launch.url);
    });
}

void ConnectSession::requestLaunch(const std::function<void()> &then)
{
    setState(State::Requesting);
    // A launch's address is http(s): each platform checks what it was given.
    m_attempt->launch(this, [this, then](const Result<ConnectLaunch> &result) {
        if (m_state != State::Requesting)
            return; // cancelled meanwhile
        if (!result.ok()) {
            // The field the platform refused (a name already taken) travels typed, not as text.
            m_result.errorField = result.failure.field;
            finish(SessionResult::Outcome::Failed, result.failure.code(), result.failure.message());
            return;
        }
        m_launch = *result.value;
        for (const QString &secret : std::as_const(m_launch.secrets))
            m_log->addSecret(secret);
        then();
    });
}

void ConnectSession::modalLoadStarted()
{
    if (m_state == State::Loading && !m_loadTimeout.isActive())
        m_loadTimeout.start();
}

void ConnectSession::modalLoadFinished(bool ok)
{
    // loadFinished(false) also follows a caught redirect; only a load of the modal counts here.
    if (m_state != State::Loading)
        return;
    if (!ok)
        enterProblem(ProblemKind::LoadFailed, QStringLiteral("modal_load_failed"),
                     tr("The connect page could not be loaded from %1. Check your connection, then "
                        "Retry.")
                         .arg(m_launch.url.host()));
}

void ConnectSession::modalReady()
{
    if (m_state != State::Loading)
        return;
    m_loadTimeout.stop();
    if (!m_result.timingsMs.contains(QStringLiteral("modal_load")))
        mark(QStringLiteral("modal_load"));
    setState(State::InModal);
}

void ConnectSession::report(const PageEvent &event)
{
    if (m_state != State::Loading && m_state != State::InModal && m_state != State::Problem
        && m_state != State::InBrowser)
        return;
    if (event.kind == PageEvent::Kind::Shown) {
        if (m_launch.pageSaysReady)
            modalReady();
        return;
    }
    QString code;
    QString message;
    switch (m_attempt->judge(event, &m_result, &code, &message)) {
    case ConnectAttempt::Verdict::Ignore:
        return;
    case ConnectAttempt::Verdict::Fail:
        finish(SessionResult::Outcome::Failed, code, message);
        return;
    case ConnectAttempt::Verdict::Cancel:
        finish(SessionResult::Outcome::Cancelled);
        return;
    case ConnectAttempt::Verdict::Confirm:
        break;
    }
    m_loadTimeout.stop();
    m_browserTimeout.stop();
    m_attempt->setBrowserHasIt(false);
    m_log->recordNavigation(
        QStringLiteral("finished"), event.url,
        tr("the page finished; asking %1 what happened").arg(m_provider->platformName()));
    mark(QStringLiteral("in_modal"));
    setState(State::Confirming);
    confirm();
}

void ConnectSession::confirm()
{
    m_attempt->confirm(this, [this](const Result<std::optional<Connection>> &result) {
        if (m_state != State::Confirming)
            return;
        mark(QStringLiteral("confirm"));
        if (!result.ok()) {
            finish(SessionResult::Outcome::Failed, result.failure.code(),
                   tr("The connect page finished, but the connection could not be confirmed. %1")
                       .arg(result.failure.message()));
            return;
        }
        const std::optional<Connection> &connection = *result.value;
        if (!connection) {
            finish(SessionResult::Outcome::Cancelled);
            return;
        }
        m_result.connection = connection;
        m_result.integration = connection->typeId;
        if (!connection->isHealthy()) {
            finish(SessionResult::Outcome::Failed, QStringLiteral("connection_unhealthy"),
                   tr("The connection “%1” was saved but is %2%3. Reconnect it to try again.")
                       .arg(connection->name, connection->status,
                            connection->statusError.isEmpty()
                                ? QString()
                                : QStringLiteral(": ") + connection->statusError));
            return;
        }
        finish(SessionResult::Outcome::Completed);
    });
}

void ConnectSession::modalCertificateRefused(const QUrl &url, const QString &description)
{
    if (m_state != State::Loading)
        return;
    enterProblem(
        ProblemKind::CertificateRefused, QStringLiteral("certificate_error"),
        tr("The connection to %1 is not secure: its certificate is not valid (%2). Connect "
           "Desktop does not continue to pages with invalid certificates. Check the "
           "profile's address, or ask your IT team whether something intercepts secure "
           "connections on this network.")
            .arg(url.host(), description));
}

void ConnectSession::pageConsole(const QString &text, const QUrl &source)
{
    // A page decides how much it writes: the log keeps the first lines, and says so once.
    if (m_consoleLines > maxConsoleLines)
        return;
    if (++m_consoleLines > maxConsoleLines) {
        m_log->recordNavigation(QStringLiteral("console"), source,
                                tr("more console lines were not kept"));
        return;
    }
    m_log->recordNavigation(QStringLiteral("console"), source, text);
}

void ConnectSession::pageBlocked(const QString &what, const QUrl &url)
{
    m_log->recordNavigation(QStringLiteral("refused"), url, what);
}

void ConnectSession::pageDialog(const QString &what, const QUrl &origin)
{
    m_log->recordNavigation(QStringLiteral("dialog"), origin, what);
}

void ConnectSession::pageNavigated(const QUrl &url)
{
    // For the support view; the log redacts the launch's secrets and credentials.
    if (!url.isEmpty() && !isFinished())
        m_log->recordNavigation(QStringLiteral("page"), url);
}

void ConnectSession::certificateAccepted(const QUrl &url, const QString &description)
{
    m_log->recordNavigation(QStringLiteral("certificate accepted (support override)"), url,
                            description);
}

void ConnectSession::rendererCrashed()
{
    if (m_state == State::Loading || m_state == State::InModal)
        enterProblem(
            ProblemKind::RendererCrashed, QStringLiteral("renderer_crashed"),
            tr("The connect page stopped working (its process ended). Reload to try again."));
}

void ConnectSession::enterProblem(ProblemKind kind, const QString &code, const QString &message)
{
    m_loadTimeout.stop();
    m_problemKind = kind;
    m_problemCode = code;
    m_problem = message;
    m_log->recordNavigation(QStringLiteral("problem"), m_launch.url, message);
    setState(State::Problem);
}

void ConnectSession::retry()
{
    if (m_state != State::Problem)
        return;
    m_problem.clear();
    m_problemCode.clear();
    m_problemKind = ProblemKind::None;
    setState(State::Loading);
    m_loadTimeout.start();
    Q_EMIT loadModal(m_launch.url);
}

bool ConnectSession::canContinueInBrowser() const
{
    return (m_state == State::Loading || m_state == State::InModal || m_state == State::Problem)
        && m_attempt && m_attempt->canContinueInBrowser();
}

void ConnectSession::continueInBrowser()
{
    if (!canContinueInBrowser())
        return;
    m_loadTimeout.stop();
    m_log->recordNavigation(QStringLiteral("browser"), m_launch.url,
                            tr("continuing in the system browser with a fresh session"));
    requestLaunch([this] {
        setState(State::InBrowser);
        m_attempt->setBrowserHasIt(true);
        m_browserTimeout.start();
        Q_EMIT openInBrowser(m_launch.url);
    });
}

void ConnectSession::cancel()
{
    switch (m_state) {
    case State::Finished:
        return;
    case State::Confirming:
        // The modal already finished: the confirmation decides, and arrives shortly.
        return;
    case State::Problem:
        // Leaving after a failure is that failure, not a change of mind.
        finish(SessionResult::Outcome::Failed, m_problemCode, m_problem);
        return;
    case State::Loading:
    case State::InModal: {
        // Closing the window closes the platform's page: for a platform whose page ends by its
        // close (a portal that already connected an account), that is the end, not a cancel.
        QString code;
        QString message;
        PageEvent closed;
        closed.kind = PageEvent::Kind::Closed;
        closed.payload.insert(QStringLiteral("by"), QStringLiteral("window"));
        if (m_attempt
            && m_attempt->judge(closed, &m_result, &code, &message)
                == ConnectAttempt::Verdict::Confirm) {
            m_loadTimeout.stop();
            mark(QStringLiteral("in_modal"));
            setState(State::Confirming);
            confirm();
            return;
        }
        finish(SessionResult::Outcome::Cancelled);
        return;
    }
    default:
        finish(SessionResult::Outcome::Cancelled);
        return;
    }
}

void ConnectSession::finish(SessionResult::Outcome outcome, const QString &code,
                            const QString &message)
{
    if (m_state == State::Finished)
        return;
    m_loadTimeout.stop();
    m_browserTimeout.stop();
    if (m_attempt)
        m_attempt->end();
    m_result.outcome = outcome;
    m_result.errorCode = outcome == SessionResult::Outcome::Failed ? code : QString();
    m_result.errorMessage = outcome == SessionResult::Outcome::Failed ? message : QString();
    if (outcome != SessionResult::Outcome::Failed)
        m_result.errorField.clear();
    m_result.timingsMs.insert(QStringLiteral("total"), m_clock.isValid() ? m_clock.elapsed() : 0);
    qCInfo(lcApp) << "session finished:" << SessionResult::outcomeName(outcome) << code;
    setState(State::Finished);
    Q_EMIT finished(m_result);
}
