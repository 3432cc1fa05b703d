#include "ui/WindowShow.h"

#include <QCoreApplication>
#include <QEvent>
#include <QWidget>

namespace WindowShow {

void show(QWidget *window)
{
    window->show();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::UpdateLater);
}

} // namespace WindowShow
