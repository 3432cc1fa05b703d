#include "ConnectWebPage.h"

#include "LogCategories.h"

ConnectWebPage::ConnectWebPage(QWebEngineProfile *profile, QObject *parent)
    : QWebEnginePage(profile, parent)
{ }

QList<ConnectWebPage *> ConnectWebPage::popups() const
{
    return findChildren<ConnectWebPage *>(QString(), Qt::FindDirectChildrenOnly);
}

ConnectWebPage *ConnectWebPage::rootPage()
{
    ConnectWebPage *page = this;
    while (page->m_opener)
        page = page->m_opener;
    return page;
}

bool ConnectWebPage::acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame)
{
    if (m_matcher.matches(url)) {
        // The redirect counts in the top frame of the modal or of one of its popups, never in
        // a subframe that a page could point anywhere.
        if (isMainFrame) {
            qCInfo(lcWeb) << "redirect caught"
                          << (type == NavigationTypeRedirect ? "(server redirect)" : "");
            Q_EMIT rootPage()->redirectCaught(url);
        }
        return false;
    }
    return QWebEnginePage::acceptNavigationRequest(url, type, isMainFrame);
}

QWebEnginePage *ConnectWebPage::createWindow(WebWindowType type)
{
    Q_UNUSED(type)
    auto *popup = new ConnectWebPage(profile(), this);
    popup->m_opener = this;
    popup->setRedirectMatcher(m_matcher);
    ConnectWebPage *root = rootPage();
    connect(popup, &QWebEnginePage::windowCloseRequested, root, [root, popup] {
        Q_EMIT root->popupClosed(popup);
        popup->deleteLater();
    });
    Q_EMIT root->popupOpened(popup);
    return popup;
}
