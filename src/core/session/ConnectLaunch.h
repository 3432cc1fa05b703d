// How a platform shows one connect attempt, and what whatever shows it reports back. The session
// knows attempts only through these, so a platform with another mechanism (Polytomic: load a
// URL, catch a redirect; Paragon: the app's own host page runs the platform's script, which
// reports by callbacks) needs no change in the session or the windows.
#pragma once

#include "core/session/UrlWatch.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrl>

struct ConnectLaunch
{
    enum class Shape {
        LoadUrl, // the platform's own page at `url` (Polytomic's modal)
        HostedPage, // a page the app serves on loopback at `url`, running the platform's script
    };

    Shape shape = Shape::LoadUrl;
    QUrl url; // what the window loads
    // A top-frame navigation to this ends the page's part (may be null: the attempt hears of its
    // end by its own channel, ConnectAttempt::reported).
    UrlWatch watch;
    // Values the exchange log must never show (tokens in `url`, the watch's value).
    QStringList secrets;
    // The page is shown once it says so (PageEvent::Kind::Shown, by the attempt's own channel),
    // not once its body has something in it: a host page is there at once, the platform's
    // surface it hosts only later.
    bool pageSaysReady = false;
};

// What happened on the page's side of an attempt, told to the session (ConnectSession::report).
struct PageEvent
{
    enum class Kind {
        UrlReached, // the page, a popup or the system browser reached the launch's watch
        Installed, // a host page: the platform says an account was connected (payload)
        Closed, // a host page: the person closed the platform's portal
        Error, // a host page: the platform's script failed (payload: message, code)
        Shown, // a host page: the platform's surface is on screen (with pageSaysReady)
    };

    Kind kind = Kind::UrlReached;
    QUrl url; // UrlReached: the URL as reached
    QJsonObject payload; // host pages: what the platform's script said, secrets removed

    static PageEvent urlReached(const QUrl &url) { return {Kind::UrlReached, url, {}}; }
};
