// Counts the events of one type that the objects it watches receive (installEventFilter).
#pragma once

#include <QEvent>
#include <QObject>

class EventCounter : public QObject
{
public:
    explicit EventCounter(QEvent::Type type, QObject *parent = nullptr)
        : QObject(parent)
        , m_type(type)
    { }

    int count = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == m_type)
            ++count;
        return QObject::eventFilter(watched, event);
    }

private:
    QEvent::Type m_type;
};
