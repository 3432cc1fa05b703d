// One connect attempt from request to result, as an explicit state machine. finish() is the
// one place that decides the single final result.
#pragma once

#include "PlatformProvider.h"
#include "RedirectListener.h"
#include "RedirectMatcher.h"
#include "SessionResult.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <functional>

class ExchangeLog;

class ConnectSession : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Idle, // not started
        Requesting, // asking the platform for a modal URL
        Loading, // the modal page is loading
        InModal, // the user is in the modal
        Problem, // the modal could not load, hung, or its renderer crashed: Retry or close
        InBrowser, // continued in the system browser; waiting for it to come back
        Confirming, // the redirect arrived; asking the API what happened
        Finished, // result() is final
    };
    Q_ENUM(State)

    // `request.redirectUrl` is filled in by the session (a loopback URL it owns).
    ConnectSession(PlatformProvider *provider, const SessionRequest &request,
                   QObject *parent = nullptr);
    ~ConnectSession() override;

    void start();

    State state() const { return m_state; }
    PlatformProvider *provider() const { return m_provider; }
    const SessionRequest &request() const { return m_request; }
    const RedirectMatcher &redirectMatcher() const { return m_matcher; }
    QUrl modalUrl() const { return m_ticket.redirectUrl; }
    const SessionResult &result() const { return m_result; }
    ExchangeLog *log() const { return m_log; }
    QString problem() const { return m_problem; } // in Problem: what went wrong
    QString problemCode() const { return m_problemCode; } // e.g. renderer_crashed, modal_timeout
    bool isFinished() const { return m_state == State::Finished; }

    // A modal page that shows nothing for this long counts as hung.
    void setModalLoadTimeout(int ms) { m_loadTimeout.setInterval(ms); }
    // How long to wait for the system browser to come back (default 10 minutes).
    void setBrowserTimeout(int ms) { m_browserTimeout.setInterval(ms); }
    // Whether continueInBrowser() would do something now.
    bool canContinueInBrowser() const;

    // Inputs from the window and its web page.
    void modalLoadStarted();
    // Only a failed load counts here: a page that loaded may still be blank. The window says
    // modalReady() once the page has a parsed document with something in it.
    void modalLoadFinished(bool ok);
    void modalReady();
    void redirectCaught(const QUrl &url);
    // The page's certificate was invalid (and refused): while loading, the modal cannot load.
    void modalCertificateRefused(const QUrl &url, const QString &description);
    // Something the page tried was refused (a navigation, a permission, a download): logged.
    void pageBlocked(const QString &what, const QUrl &url);
    // The page asked for a JavaScript dialog, which was answered without one: logged.
    void pageDialog(const QString &what, const QUrl &origin);
    void rendererCrashed();
    void retry(); // after a Problem: load the modal again
    void cancel(); // the user closed the window or pressed Esc
    // Some providers refuse sign-in in embedded views: ask for a fresh session (tokens are
    // single use) and hand it to the system browser; the redirect comes back on the app's
    // loopback listener.
    void continueInBrowser();

Q_SIGNALS:
    void stateChanged(ConnectSession::State state);
    // The modal URL is known: the window should load it (again, after retry()).
    void loadModal(const QUrl &url);
    // A fresh session for the system browser: the window opens it there (http/https only).
    void openInBrowser(const QUrl &url);
    void finished(const SessionResult &result);

private:
    void setState(State state);
    // Asks the platform for a modal URL; `then` runs once it is in m_ticket.
    void requestTicket(const std::function<void()> &then);
    void enterProblem(const QString &code, const QString &message);
    void confirm();
    void finish(SessionResult::Outcome outcome, const QString &code = {},
                const QString &message = {});
    void mark(const QString &timing);

    PlatformProvider *m_provider;
    SessionRequest m_request;
    State m_state = State::Idle;
    ExchangeLog *m_log;
    RedirectListener m_listener; // the redirect's loopback port, for the session's lifetime
    RedirectMatcher m_matcher;
    ConnectSessionTicket m_ticket;
    QDateTime m_startedAt;
    QElapsedTimer m_clock;
    qint64 m_phaseStart = 0;
    QTimer m_loadTimeout;
    QTimer m_browserTimeout;
    QString m_problem;
    QString m_problemCode;
    SessionResult m_result;
};
