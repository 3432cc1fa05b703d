// Ctrl+C and SIGTERM as a person's "stop": the receiver ends what it runs with its one result,
// instead of the process dying without one. On Unix (a signal handler writes to a socket pair,
// read by a QSocketNotifier on the event loop); elsewhere it never fires.
#pragma once

#include <QObject>

class QSocketNotifier;

class Interrupts : public QObject
{
    Q_OBJECT

public:
    // Catches SIGINT and SIGTERM from now on, for as long as this object lives (one at a time).
    explicit Interrupts(QObject *parent = nullptr);
    ~Interrupts() override;

Q_SIGNALS:
    // On the event loop, once per signal received.
    void interrupted(int signal);

private:
    QSocketNotifier *m_notifier = nullptr;
};
