// A message strip across a window (info, success, warning, error, sandbox) with optional action
// buttons, for things a person should notice without a dialog in the way.
#pragma once

#include <QFrame>

#include <functional>

class QHBoxLayout;
class QLabel;
class QPushButton;
class QToolButton;

class Banner : public QFrame
{
    Q_OBJECT

public:
    enum class Level { Info, Success, Warning, Error, Sandbox };

    explicit Banner(QWidget *parent = nullptr);

    // Replaces the message and its actions, and shows the banner.
    void showMessage(Level level, const QString &text);
    // A button after the text; several may be added after showMessage().
    QPushButton *addButton(const QString &text, const std::function<void()> &handler);
    void setDismissible(bool dismissible);

    Level level() const { return m_level; }
    QString text() const;
    QList<QPushButton *> buttons() const { return m_actions; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void clearActions();

    Level m_level = Level::Info;
    QLabel *m_label;
    QHBoxLayout *m_actionLayout;
    QToolButton *m_dismiss;
    QList<QPushButton *> m_actions;
};
