#include "ui/PopupWindow.h"

#include "web/ConnectWebPage.h"

#include <QCloseEvent>
#include <QLineEdit>
#include <QVBoxLayout>
#include <QWebEngineView>

PopupWindow::PopupWindow(ConnectWebPage *page, QWidget *parent)
    : QWidget(parent, Qt::Dialog)
    , m_page(page)
    , m_view(new QWebEngineView(this))
    , m_address(new QLineEdit(this))
{
    setAttribute(Qt::WA_DeleteOnClose, false);
    m_address->setReadOnly(true);
    m_address->setFocusPolicy(Qt::ClickFocus);
    m_address->setAccessibleName(tr("Address"));
    m_address->setFrame(false);
    m_address->setTextMargins(8, 4, 8, 4);

    m_view->setPage(page);
    m_view->setContextMenuPolicy(Qt::NoContextMenu);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_address);
    layout->addWidget(m_view, 1);

    connect(page, &QWebEnginePage::titleChanged, this, &PopupWindow::updateTitle);
    connect(page, &QWebEnginePage::urlChanged, this, &PopupWindow::showAddress);
    connect(page, &QWebEnginePage::geometryChangeRequested, this, &PopupWindow::fitTo);
    // Made once the page has loaded (ConnectWebPage::popupReady): what it asked for and where
    // it is were said before this window existed.
    resize(500, 600 + m_address->sizeHint().height());
    if (page->requestedGeometry().isValid())
        fitTo(page->requestedGeometry());
    showAddress(page->url());
    updateTitle();
}

void PopupWindow::showAddress(const QUrl &url)
{
    // Where you are signing in is the origin; the path and query of a sign-in page carry
    // session tokens and OAuth state, which have no place on screen.
    m_address->setText(url.adjusted(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery
                                    | QUrl::RemoveFragment)
                           .toDisplayString());
    m_address->setCursorPosition(0);
}

void PopupWindow::fitTo(const QRect &geometry)
{
    // window.open's width/height are a wish; keep the popup on screen and usable.
    const QSize size = geometry.size().boundedTo(QSize(1000, 900)).expandedTo(QSize(320, 320));
    resize(size.width(), size.height() + m_address->sizeHint().height());
}

QString PopupWindow::addressText() const
{
    return m_address->text();
}

void PopupWindow::updateTitle()
{
    const QString title = m_page ? m_page->title() : QString();
    setWindowTitle(title.isEmpty() ? tr("Sign in") : title);
}

void PopupWindow::closeEvent(QCloseEvent *event)
{
    if (m_page) {
        hide();
        event->ignore();
        // The window goes for good when the page reports windowCloseRequested, which it does
        // within a second whatever its unload handlers want.
        m_page->closeByUser();
        return;
    }
    QWidget::closeEvent(event);
}
