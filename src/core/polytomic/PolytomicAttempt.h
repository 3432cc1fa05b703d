// A Polytomic Connect attempt: the connect call gives a modal URL to load; the modal sends the
// browser to the app's redirect (a loopback URL with a per-attempt value, the launch's watch)
// when it is done; the API then says what happened. Continuing in the system browser, the
// redirect comes back to the attempt's own loopback listener.
#pragma once

#include "core/polytomic/ConnectSessionTicket.h"
#include "core/polytomic/RedirectListener.h"
#include "core/session/ConnectAttempt.h"
#include "core/session/PlatformProvider.h"
#include "core/session/UrlWatch.h"

#include <QDateTime>

class ExchangeLog;
class PolytomicProvider;

class PolytomicAttempt : public ConnectAttempt
{
    Q_OBJECT

public:
    PolytomicAttempt(PolytomicProvider *provider, const SessionRequest &request, ExchangeLog *log,
                     QObject *parent = nullptr);

    void launch(QObject *context, ResultCallback<ConnectLaunch> done) override;
    Verdict judge(const PageEvent &event, SessionResult *result, QString *code,
                  QString *message) override;
    void confirm(QObject *context, ResultCallback<std::optional<Connection>> done) override;
    bool canContinueInBrowser() const override { return true; }
    void setBrowserHasIt(bool hasIt) override;
    void end() override { m_listener.close(); }

    // The redirect's path and the parameter that carries the attempt's value.
    static constexpr auto redirectPath = "/connect-desktop/done";
    static constexpr auto redirectParameter = "state";

private:
    PolytomicProvider *m_provider;
    SessionRequest m_request;
    ExchangeLog *m_log;
    RedirectListener m_listener; // the redirect's loopback port, for the attempt's lifetime
    UrlWatch m_redirect;
    QDateTime m_startedAt;
    bool m_confirming = false;
};
