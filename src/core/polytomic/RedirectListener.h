// The app's redirect port on 127.0.0.1, for the session's lifetime. While the session waits for
// the system browser (setAccepting), the browser's navigation to the exact redirect gets a short
// "you can close this tab" page and ends the wait (redirectReceived); everything else gets 404.
//
// Any local user can reach the port, so what it reads is bounded (request line, header count and
// size, time to send a request, connections at once), the excess is answered 414, 431, 408 or
// 503 and the connection closed, and requests are read and answered on a thread of its own: the
// UI thread only hears of a redirect that counts. Qt 6.4's QHttpServer buffers a request's
// headers without a limit and parses them on the thread it lives on, which froze the app for
// seconds on one large header; hence this small reader, which answers only GET and HEAD.
#pragma once

#include "core/session/UrlWatch.h"

#include <QObject>
#include <QUrl>

#include <memory>

class QThread;
class RedirectListenerWorker;

class RedirectListener : public QObject
{
    Q_OBJECT

public:
    struct Limits
    {
        int requestLineBytes = 8 * 1024; // longer: 414
        int headerBytes = 16 * 1024; // the head after the request line; more: 431
        int headerCount = 64; // more lines: 431
        int requestMs = 10000; // the whole head must arrive this soon: 408
        int connections = 16; // open at once; more are answered 503 and closed
    };

    // What the listener's thread shares with this object (RedirectListener.cpp).
    struct Shared;

    explicit RedirectListener(QObject *parent = nullptr);
    ~RedirectListener() override;
    // Opens and closes a loopback socket once, so the first session does not pay for what the
    // network stack loads on first use. Only the first call does anything.
    static void prepareFirstUse();

    // Before listenOnLoopback(); tests make them small.
    void setLimits(const Limits &limits);
    // Listens on 127.0.0.1 at a free port; 0 on failure (*error set).
    quint16 listenOnLoopback(QString *error);
    quint16 port() const { return m_port; }
    void setMatcher(const UrlWatch &matcher);
    // Whether the exact redirect counts now. Only a session that handed itself to the system
    // browser waits for it here: in the app, the web view catches the redirect before it leaves
    // the machine, so a request that reaches this port meanwhile (a page's fetch() or <img>,
    // another program) is not the session's end and is answered 404.
    void setAccepting(bool accepting);
    void close();

Q_SIGNALS:
    // The browser reached the exact redirect, as a top-level navigation, while accepting.
    void redirectReceived(const QUrl &url);

private:
    std::shared_ptr<Shared> m_shared;
    QThread *m_thread = nullptr;
    RedirectListenerWorker *m_worker = nullptr;
    Limits m_limits;
    quint16 m_port = 0;
};
