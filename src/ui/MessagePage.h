// Says why a list shows nothing: loading (with a busy indicator), an error (with Try again),
// or nothing to show.
#pragma once

#include <QWidget>

class BusyIndicator;
class QLabel;
class QPushButton;

class MessagePage : public QWidget
{
    Q_OBJECT

public:
    explicit MessagePage(QWidget *parent = nullptr);

    void setMessage(const QString &text, bool busy, bool retry);
    QString text() const;

Q_SIGNALS:
    void retryRequested();

private:
    BusyIndicator *m_busy;
    QLabel *m_message;
    QPushButton *m_retry;
};
