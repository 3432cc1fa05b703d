// The small window that shows a popup the modal opened (OAuth consent), with its origin shown
// read-only so people can see where they are signing in.
#pragma once

#include "web/ConnectWebPage.h"

#include <QPointer>
#include <QWidget>

class QLineEdit;
class QWebEngineView;

class PopupWindow : public QWidget
{
    Q_OBJECT

public:
    // A window of its own, kept above `parent`; it does not own `page` (its opener does). Only
    // for a page that may be shown (ConnectWebPage::isShowable).
    PopupWindow(ConnectWebPage *page, QWidget *parent);

    ConnectWebPage *page() const { return m_page; }
    QWebEngineView *view() const { return m_view; }
    QString addressText() const;

protected:
    // Closing the window is the page's own close: the opener sees window.closed as it would in
    // a browser, and ConnectWebPage reports popupClosed.
    void closeEvent(QCloseEvent *event) override;

private:
    void updateTitle();
    void showAddress(const QUrl &url);
    void fitTo(const QRect &geometry);

    QPointer<ConnectWebPage> m_page;
    QWebEngineView *m_view;
    QLineEdit *m_address;
};
