#include "ConnectSession.h"

#include "ExchangeLog.h"
#include "LogCategories.h"

#include <QCoreApplication>
#include <QTcpSocket>
#include <QUrlQuery>

namespace {

constexpr auto redirectPath = "/connect-desktop/done";
constexpr auto redirectParameter = "state";

} // namespace

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
            QStringLiteral("modal_timeout"),
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
    // The browser brings the redirect here; the embedded page never lets it leave.
    connect(&m_listener, &RedirectListener::redirectReceived, this, [this](const QUrl &url) {
        // The listener counts the redirect only while the browser has the session.
        if (m_state == State::InBrowser)
            redirectCaught(url);
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
    m_startedAt = QDateTime::currentDateTimeUtc();
    m_provider->setExchangeLog(m_log);
    QString error;
    const quint16 port = m_listener.listenOnLoopback(&error);
    if (port == 0) {
        finish(SessionResult::Outcome::Failed, QStringLiteral("redirect_port"),
               tr("Could not open a local port for the sign-in to return to (%1).").arg(error));
        return;
    }
    QUrl base;
    base.setScheme(QStringLiteral("http"));
    base.setHost(QStringLiteral("127.0.0.1"));
    base.setPort(port);
    base.setPath(QLatin1String(redirectPath));
    m_matcher =
        RedirectMatcher(base, QLatin1String(redirectParameter), RedirectMatcher::randomValue());
    m_listener.setMatcher(m_matcher);
    m_log->addSecret(m_matcher.value());
    m_request.redirectUrl = m_matcher.redirectUrl();
    if (m_request.integrations.size() == 1)
        m_result.integration = m_request.integrations.constFirst();

    requestTicket([this] {
        mark(QStringLiteral("request"));
        setState(State::Loading);
        m_loadTimeout.start();
        Q_EMIT loadModal(m_ticket.redirectUrl);
    });
}

void ConnectSession::requestTicket(const std::function<void()> &then)
{
    setState(State::Requesting);
    // The ticket's address is already checked to be http(s) (ConnectSessionTicket::fromJson).
    m_provider->createSession(m_request, this,
                              [this, then](const Result<ConnectSessionTicket> &result) {
                                  if (m_state != State::Requesting)
                                      return; // cancelled meanwhile
                                  if (!result.ok()) {
                                      finish(SessionResult::Outcome::Failed, result.failure.code(),
                                             result.failure.message());
                                      return;
                                  }
                                  m_ticket = *result.value;
                                  m_log->addSecret(m_ticket.token);
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
        enterProblem(QStringLiteral("modal_load_failed"),
                     tr("The connect page could not be loaded from %1. Check your connection, then "
                        "Retry.")
                         .arg(m_ticket.redirectUrl.host()));
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

void ConnectSession::redirectCaught(const QUrl &url)
{
    if (m_state != State::Loading && m_state != State::InModal && m_state != State::Problem
        && m_state != State::InBrowser)
        return;
    if (!m_matcher.matches(url))
        return;
    m_loadTimeout.stop();
    m_browserTimeout.stop();
    m_listener.setAccepting(false);
    // The query is kept for diagnostics; the outcome comes from the API. A page decides how
    // long it is, so what is kept is bounded (SessionResult::keepRedirectQuery).
    m_result.keepRedirectQuery(QUrlQuery(url), QLatin1String(redirectParameter));
    m_log->recordNavigation(QStringLiteral("redirect"), url,
                            tr("redirect caught; confirming with the API"));
    mark(QStringLiteral("in_modal"));
    setState(State::Confirming);
    confirm();
}

void ConnectSession::confirm()
{
    m_provider->confirmSession(
        m_request, m_startedAt, this, [this](const Result<std::optional<Connection>> &result) {
            if (m_state != State::Confirming)
                return;
            mark(QStringLiteral("confirm"));
            if (!result.ok()) {
                finish(
                    SessionResult::Outcome::Failed, result.failure.code(),
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
        QStringLiteral("certificate_error"),
        tr("The connection to %1 is not secure: its certificate is not valid (%2). Connect "
           "Desktop does not continue to pages with invalid certificates. Check the "
           "profile's address, or ask your IT team whether something intercepts secure "
           "connections on this network.")
            .arg(url.host(), description));
}

void ConnectSession::pageBlocked(const QString &what, const QUrl &url)
{
    m_log->recordNavigation(QStringLiteral("refused"), url, what);
}

void ConnectSession::pageDialog(const QString &what, const QUrl &origin)
{
    m_log->recordNavigation(QStringLiteral("dialog"), origin, what);
}

void ConnectSession::rendererCrashed()
{
    if (m_state == State::Loading || m_state == State::InModal)
        enterProblem(
            QStringLiteral("renderer_crashed"),
            tr("The connect page stopped working (its process ended). Reload to try again."));
}

void ConnectSession::enterProblem(const QString &code, const QString &message)
{
    m_loadTimeout.stop();
    m_problemCode = code;
    m_problem = message;
    m_log->recordNavigation(QStringLiteral("problem"), m_ticket.redirectUrl, message);
    setState(State::Problem);
}

void ConnectSession::retry()
{
    if (m_state != State::Problem)
        return;
    m_problem.clear();
    m_problemCode.clear();
    setState(State::Loading);
    m_loadTimeout.start();
    Q_EMIT loadModal(m_ticket.redirectUrl);
}

bool ConnectSession::canContinueInBrowser() const
{
    return m_state == State::Loading || m_state == State::InModal || m_state == State::Problem;
}

void ConnectSession::continueInBrowser()
{
    if (!canContinueInBrowser())
        return;
    m_loadTimeout.stop();
    m_log->recordNavigation(QStringLiteral("browser"), m_ticket.redirectUrl,
                            tr("continuing in the system browser with a fresh session"));
    requestTicket([this] {
        setState(State::InBrowser);
        m_listener.setAccepting(true);
        m_browserTimeout.start();
        Q_EMIT openInBrowser(m_ticket.redirectUrl);
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
    m_listener.close();
    m_result.outcome = outcome;
    m_result.errorCode = outcome == SessionResult::Outcome::Failed ? code : QString();
    m_result.errorMessage = outcome == SessionResult::Outcome::Failed ? message : QString();
    m_result.timingsMs.insert(QStringLiteral("total"), m_clock.isValid() ? m_clock.elapsed() : 0);
    qCInfo(lcApp) << "session finished:" << SessionResult::outcomeName(outcome) << code;
    setState(State::Finished);
    Q_EMIT finished(m_result);
}
