#include "ui/ModalViewPool.h"

#include "core/system/LogCategories.h"
#include "web/ConnectWebPage.h"

#include <QWebEngineSettings>
#include <QWebEngineView>

namespace {

ConnectWebPage *pageOf(QWebEngineView *view)
{
    return view ? qobject_cast<ConnectWebPage *>(view->page()) : nullptr;
}

} // namespace

ModalViewPool::ModalViewPool(QObject *parent)
    : QObject(parent)
{ }

ModalViewPool::~ModalViewPool()
{
    drop();
}

void ModalViewPool::drop()
{
    if (!m_idle)
        return;
    // The page goes before the view that shows it.
    delete pageOf(m_idle);
    delete m_idle;
    m_idle = nullptr;
}

void ModalViewPool::keep(QWebEngineView *view)
{
    if (m_idle == view)
        return;
    drop();
    m_idle = view;
    // A renderer that stops while idle cannot serve the next session.
    // Queued: the page that reports it is not deleted while it does.
    connect(
        view->page(), &QWebEnginePage::renderProcessTerminated, this,
        [this, view] {
            if (m_idle == view)
                drop();
        },
        Qt::QueuedConnection);
}

void ModalViewPool::prepare(QWebEngineProfile *webProfile, const QUrl &site)
{
    if (ConnectWebPage *page = pageOf(m_idle); page && page->profile() == webProfile)
        return;
    // Never shown until a connect window takes it; no parent, so it has no window of its own.
    auto *view = new QWebEngineView;
    auto *page = new ConnectWebPage(webProfile, view);
    view->setPage(page);
    keep(view);
    page->warmUp(site);
    qCDebug(lcUi) << "a connect page is warming up for" << site.host();
}

QWebEngineView *ModalViewPool::take(QWebEngineProfile *webProfile)
{
    ConnectWebPage *page = pageOf(m_idle);
    if (!page || page->profile() != webProfile || !page->isReusable()) {
        drop();
        return nullptr;
    }
    QWebEngineView *view = m_idle;
    disconnect(page, nullptr, this, nullptr);
    m_idle = nullptr;
    page->beginSession();
    return view;
}

void ModalViewPool::giveBack(QWebEngineView *view)
{
    ConnectWebPage *page = pageOf(view);
    if (!page || !page->isReusable()) {
        delete page;
        delete view;
        return;
    }
    view->setParent(nullptr);
    view->hide();
    page->setParent(view);
    page->resetForNextSession();
    keep(view);
}

void ModalViewPool::discard(QWebEngineProfile *webProfile)
{
    if (ConnectWebPage *page = pageOf(m_idle); page && page->profile() == webProfile)
        drop();
}
