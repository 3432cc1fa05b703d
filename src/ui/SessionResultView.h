// What a connect window shows when its session is over: the integration, the connection and its
// status, or why nothing was connected.
#pragma once

#include "core/model/SessionResult.h"

#include <QWidget>

class QLabel;
class QPushButton;
class StatusBadge;

class SessionResultView : public QWidget
{
    Q_OBJECT

public:
    explicit SessionResultView(QWidget *parent = nullptr);

    void setResult(const SessionResult &result, const QString &integrationName);

    QString heading() const;
    QString connectionName() const;
    QString message() const;
    StatusBadge *badge() const { return m_badge; }
    QPushButton *closeButton() const { return m_close; }
    // The heading's font and the values' (integration, connection), from the font a widget has.
    static QFont headingFont(QFont base);
    static QFont valueFont(QFont base);

Q_SIGNALS:
    void closeRequested();

private:
    class OutcomeIcon;

    OutcomeIcon *m_icon;
    QLabel *m_heading;
    StatusBadge *m_badge;
    QLabel *m_integration;
    QLabel *m_connection;
    QLabel *m_integrationLabel;
    QLabel *m_connectionLabel;
    QLabel *m_message;
    QPushButton *m_close;
};
