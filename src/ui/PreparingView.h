// What a connect window shows while nothing else can be shown yet: a busy indicator, what is
// happening and, when the person may stop it there, a Cancel button.
#pragma once

#include <QWidget>

class BusyIndicator;
class QLabel;
class QPushButton;

class PreparingView : public QWidget
{
    Q_OBJECT

public:
    explicit PreparingView(QWidget *parent = nullptr);

    // The heading's font, from the font a widget has (loaded ahead by ConnectWindow::warmUpText).
    static QFont headingFont(const QFont &base);

    // What is happening and, when not empty, more about it. Hides Cancel.
    void setText(const QString &heading, const QString &detail);
    void setDetail(const QString &detail);
    QString heading() const;
    void setCancelShown(bool shown);

Q_SIGNALS:
    void cancelRequested();

private:
    BusyIndicator *m_busy;
    QLabel *m_heading;
    QLabel *m_detail;
    QPushButton *m_cancel;
};
