#include "ui/ActivationRepaint.h"

#include "ui/AppStyle.h"

#include <QAbstractItemView>
#include <QEvent>
#include <QHeaderView>
#include <QPalette>
#include <QTreeView>

namespace {

class Filter : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        const QEvent::Type type = event->type();
        if ((type == QEvent::WindowActivate || type == QEvent::WindowDeactivate)
            && watched->isWidgetType()
            && !ActivationRepaint::changesLook(static_cast<QWidget *>(watched)))
            return true; // the viewport has no children to pass it on to
        return QObject::eventFilter(watched, event);
    }
};

void install(QAbstractItemView *view)
{
    // On the viewport, where the view asks for the repaint; installed after the view's own
    // filter there, so it runs first.
    view->viewport()->installEventFilter(new Filter(view));
}

} // namespace

namespace ActivationRepaint {

void skipWhenUnchanged(QAbstractItemView *view)
{
    install(view);
    if (auto *tree = qobject_cast<QTreeView *>(view))
        install(tree->header());
}

bool changesLook(const QWidget *widget)
{
    if (!widget->palette().isEqual(QPalette::Active, QPalette::Inactive))
        return true;
    // Other styles may draw an inactive selection their own way (Windows Vista's theme parts).
    return !AppStyle::isQtsOwn(AppStyle::keyOf(widget->style()));
}

} // namespace ActivationRepaint
