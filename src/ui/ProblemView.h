// What a connect window shows when its page could not be shown or stopped working: what
// happened, and one button to try again.
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

class ProblemView : public QWidget
{
    Q_OBJECT

public:
    explicit ProblemView(QWidget *parent = nullptr);

    void setProblem(const QString &heading, const QString &text, const QString &actionText);
    QString heading() const;
    QString text() const;
    QPushButton *actionButton() const { return m_action; }
    // A second, riskier way on (not the default button); hidden when `text` is empty.
    void setSecondaryAction(const QString &text);
    QPushButton *secondaryButton() const { return m_secondary; }
    // The heading's font, from the font a widget has.
    static QFont headingFont(QFont base);

Q_SIGNALS:
    void actionTriggered();
    void secondaryTriggered();

private:
    QLabel *m_heading;
    QLabel *m_text;
    QPushButton *m_action;
    QPushButton *m_secondary;
};
