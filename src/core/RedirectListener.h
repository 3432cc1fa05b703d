// The app's redirect port on 127.0.0.1: answers the exact redirect (a browser that finished a
// session) with a short "you can close this tab" page, and anything else with 404.
#pragma once

#include "RedirectMatcher.h"

#include <QAbstractHttpServer>
#include <QUrl>

class RedirectListener : public QAbstractHttpServer
{
    Q_OBJECT

public:
    explicit RedirectListener(QObject *parent = nullptr);
    // The first listener made in a process loads what Qt's HTTP server needs (its TLS backend
    // among them: 6-15 ms here). Called while the user is still choosing, the first session does
    // not pay for it. Only the first call does anything.
    static void prepareFirstUse();

    // Listens on 127.0.0.1 at a free port; 0 on failure (*error set).
    quint16 listenOnLoopback(QString *error);
    void setMatcher(const RedirectMatcher &matcher) { m_matcher = matcher; }
    void close();

Q_SIGNALS:
    void redirectReceived(const QUrl &url);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    RedirectMatcher m_matcher;
    quint16 m_port = 0;
};
