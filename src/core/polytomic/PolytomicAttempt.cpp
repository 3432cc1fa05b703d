#include "core/polytomic/PolytomicAttempt.h"

#include "core/model/SessionResult.h"
#include "core/polytomic/PolytomicProvider.h"

#include <QUrlQuery>

PolytomicAttempt::PolytomicAttempt(PolytomicProvider *provider, const SessionRequest &request,
                                   ExchangeLog *log, QObject *parent)
    : ConnectAttempt(parent)
    , m_provider(provider)
    , m_request(request)
    , m_log(log)
    , m_startedAt(QDateTime::currentDateTimeUtc())
{
    // The system browser brings the redirect here; the embedded page never lets it leave.
    connect(&m_listener, &RedirectListener::redirectReceived, this,
            [this](const QUrl &url) { Q_EMIT reported(PageEvent::urlReached(url)); });
}

void PolytomicAttempt::launch(QObject *context, ResultCallback<ConnectLaunch> done)
{
    if (m_redirect.isNull()) {
        QString error;
        const quint16 port = m_listener.listenOnLoopback(&error);
        if (port == 0) {
            done(Result<ConnectLaunch>::error(ApiFailure::configuration(
                QStringLiteral("redirect_port"),
                tr("Could not open a local port for the sign-in to return to (%1).").arg(error))));
            return;
        }
        QUrl base;
        base.setScheme(QStringLiteral("http"));
        base.setHost(QStringLiteral("127.0.0.1"));
        base.setPort(port);
        base.setPath(QLatin1String(redirectPath));
        m_redirect = UrlWatch(base, QLatin1String(redirectParameter), UrlWatch::randomValue());
        m_listener.setMatcher(m_redirect);
    }
    const UrlWatch redirect = m_redirect;
    m_provider->createSession(m_request, m_redirect.url(), m_log, context,
                              [done, redirect](const Result<ConnectSessionTicket> &result) {
                                  if (!result.ok())
                                      return done(Result<ConnectLaunch>::error(result.failure));
                                  ConnectLaunch launch;
                                  launch.shape = ConnectLaunch::Shape::LoadUrl;
                                  launch.url = result.value->modalUrl;
                                  launch.watch = redirect;
                                  // The log hides them from here on (the session adds them).
                                  launch.secrets = {result.value->token, redirect.value()};
                                  done(Result<ConnectLaunch>::success(launch));
                              });
}

ConnectAttempt::Verdict PolytomicAttempt::judge(const PageEvent &event, SessionResult *result,
                                                QString *, QString *)
{
    if (event.kind != PageEvent::Kind::UrlReached || !m_redirect.matches(event.url))
        return Verdict::Ignore;
    m_listener.setAccepting(false);
    // The query is kept for diagnostics; the outcome comes from the API. A page decides how
    // long it is, so what is kept is bounded (SessionResult::keepRedirectQuery).
    result->keepRedirectQuery(QUrlQuery(event.url), QLatin1String(redirectParameter));
    return Verdict::Confirm;
}

void PolytomicAttempt::confirm(QObject *context, ResultCallback<std::optional<Connection>> done)
{
    m_provider->confirmSession(m_request, m_startedAt, m_log, context, std::move(done));
}

void PolytomicAttempt::setBrowserHasIt(bool hasIt)
{
    // Only while the browser has the session does the listener count the redirect.
    m_listener.setAccepting(hasIt);
}
