// One connect attempt from request to result, as an explicit state machine, on any platform:
// the platform's ConnectAttempt says how to show it (a ConnectLaunch) and what the page's
// reports mean; the window reports what it sees. finish() is the one place that decides the
// single final result.
#pragma once

#include "core/model/SessionResult.h"
#include "core/session/ConnectAttempt.h"
#include "core/session/ConnectLaunch.h"
#include "core/session/PlatformProvider.h"

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
        Requesting, // asking the platform how to show the attempt (a ConnectLaunch)
        Loading, // the platform's page is loading
        InModal, // the user is in the modal
        Problem, // the modal could not load, hung, or its renderer crashed: Retry or close
        InBrowser, // continued in the system browser; waiting for it to come back
        Confirming, // the page's part is over; asking the platform what happened
        Finished, // result() is final
    };
    Q_ENUM(State)

    // Why the session is in Problem, for what the window offers (Reload after a crash, Continue
    // anyway after a refused certificate).
    enum class ProblemKind { None, LoadFailed, TimedOut, CertificateRefused, RendererCrashed };
    Q_ENUM(ProblemKind)

    ConnectSession(PlatformProvider *provider, const SessionRequest &request,
                   QObject *parent = nullptr);
    ~ConnectSession() override;

    void start();

    State state() const { return m_state; }
    PlatformProvider *provider() const { return m_provider; }
    const SessionRequest &request() const { return m_request; }
    // How the attempt is shown now (empty before the platform answered).
    const ConnectLaunch &launch() const { return m_launch; }
    QUrl modalUrl() const { return m_launch.url; }
    const SessionResult &result() const { return m_result; }
    ExchangeLog *log() const { return m_log; }
    QString problem() const { return m_problem; } // in Problem: what went wrong
    QString problemCode() const { return m_problemCode; } // e.g. renderer_crashed, modal_timeout
    ProblemKind problemKind() const { return m_problemKind; }
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
    // What the page (or a popup) reported: it reached the launch's watch, or a host page said
    // installed, closed or error. The attempt judges what it means.
    void report(const PageEvent &event);
    // The page's certificate was invalid (and refused): while loading, the modal cannot load.
    void modalCertificateRefused(const QUrl &url, const QString &description);
    // Something the page tried was refused (a navigation, a permission, a download): logged.
    void pageBlocked(const QString &what, const QUrl &url);
    // The page wrote a warning or an error to its console: logged (at most maxConsoleLines).
    void pageConsole(const QString &text, const QUrl &source);
    static constexpr int maxConsoleLines = 100;
    // The page asked for a JavaScript dialog, which was answered without one: logged.
    void pageDialog(const QString &what, const QUrl &origin);
    // The top frame is now at `url` (logged for the support view).
    void pageNavigated(const QUrl &url);
    // Support staff let an invalid certificate through (logged).
    void certificateAccepted(const QUrl &url, const QString &description);
    void rendererCrashed();
    void retry(); // after a Problem: load the modal again
    void cancel(); // the user closed the window or pressed Esc
    // Some providers refuse sign-in in embedded views: ask for a fresh launch (tokens are
    // single use) and hand it to the system browser; the attempt hears of its return.
    void continueInBrowser();

Q_SIGNALS:
    void stateChanged(ConnectSession::State state);
    // The launch is known: the window should load launch().url, watching launch().watch
    // (again, after retry()).
    void loadModal(const QUrl &url);
    // A fresh session for the system browser: the window opens it there (http/https only).
    void openInBrowser(const QUrl &url);
    void finished(const SessionResult &result);

private:
    void setState(State state);
    // Asks the attempt how to show it; `then` runs once it is in m_launch.
    void requestLaunch(const std::function<void()> &then);
    void enterProblem(ProblemKind kind, const QString &code, const QString &message);
    void confirm();
    void finish(SessionResult::Outcome outcome, const QString &code = {},
                const QString &message = {});
    void mark(const QString &timing);

    PlatformProvider *m_provider;
    SessionRequest m_request;
    State m_state = State::Idle;
    ExchangeLog *m_log;
    ConnectAttempt *m_attempt = nullptr; // a child, made at start()
    ConnectLaunch m_launch;
    QElapsedTimer m_clock;
    qint64 m_phaseStart = 0;
    QTimer m_loadTimeout;
    QTimer m_browserTimeout;
    QString m_problem;
    QString m_problemCode;
    ProblemKind m_problemKind = ProblemKind::None;
    int m_consoleLines = 0;
    SessionResult m_result;
};
