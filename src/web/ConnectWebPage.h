// The page that hosts a connect modal: catches the app's redirect and opens OAuth popups as pages
// on the same profile, so window.opener works.
#pragma once

#include "RedirectMatcher.h"

#include <QWebEnginePage>

class ConnectWebPage : public QWebEnginePage
{
    Q_OBJECT

public:
    explicit ConnectWebPage(QWebEngineProfile *profile, QObject *parent = nullptr);

    void setRedirectMatcher(const RedirectMatcher &matcher) { m_matcher = matcher; }
    const RedirectMatcher &redirectMatcher() const { return m_matcher; }

    // Popups opened by this page (and by its popups) that are still open.
    QList<ConnectWebPage *> popups() const;
    ConnectWebPage *opener() const { return m_opener; }

Q_SIGNALS:
    // The modal reached the app's redirect URL (top frame, link, form or server redirect).
    // The navigation is stopped: it never leaves the machine.
    void redirectCaught(const QUrl &url);
    // This page or one of its popups opened a popup (signalled on the top page); the receiver
    // decides how to show it. It goes when it calls window.close(), or with its opener.
    void popupOpened(ConnectWebPage *popup);
    void popupClosed(ConnectWebPage *popup);

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;
    QWebEnginePage *createWindow(WebWindowType type) override;

private:
    ConnectWebPage *rootPage();

    RedirectMatcher m_matcher;
    ConnectWebPage *m_opener = nullptr;
};
