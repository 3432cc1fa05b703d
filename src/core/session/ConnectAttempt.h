// One attempt on one platform, made by its PlatformProvider for a ConnectSession: it knows how
// the platform is shown (launch), what the page's reports mean (judge), and how the outcome is
// confirmed with the platform (confirm). The session owns it and decides the one result.
#pragma once

#include "core/model/Connection.h"
#include "core/model/Result.h"
#include "core/session/ConnectLaunch.h"

#include <QObject>

#include <optional>

struct SessionResult;

class ConnectAttempt : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Prepares what this attempt needs and asks the platform how to show it; `done` once,
    // unless `context` goes first. Called again for a fresh launch (continuing in the browser).
    virtual void launch(QObject *context, ResultCallback<ConnectLaunch> done) = 0;

    enum class Verdict {
        Ignore, // not this attempt's (a near miss, a report out of place)
        Confirm, // the page's part is over: the session confirms with the platform
        Fail, // the platform's page said it failed: *code and *message say how
        Cancel, // the person left the platform's page without connecting
    };
    // What `event` means. May keep diagnostics in `result` (Polytomic: the redirect's query).
    virtual Verdict judge(const PageEvent &event, SessionResult *result, QString *code,
                          QString *message) = 0;
    // After Confirm: the connection made or re-authenticated, or none (the person left).
    virtual void confirm(QObject *context, ResultCallback<std::optional<Connection>> done) = 0;

    // Whether the attempt can go on in the system browser, and then whether it waits for the
    // browser's return (reported with PageEvent::Kind::UrlReached).
    virtual bool canContinueInBrowser() const { return false; }
    virtual void setBrowserHasIt(bool hasIt) { Q_UNUSED(hasIt) }
    // The session has its result: what the attempt holds (a port, a channel) is let go.
    virtual void end() { }

Q_SIGNALS:
    // What the attempt heard by a channel of its own (the system browser's return, a host page's
    // report), for the session to judge as it judges the page's.
    void reported(const PageEvent &event);
};
