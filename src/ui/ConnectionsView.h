// The organization's connections with their status, and the actions on one: Reconnect, Remove.
#pragma once

#include "core/model/Connection.h"

#include <QWidget>

class BusyIndicator;
class MessagePage;
class LogoCache;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;

class ConnectionsView : public QWidget
{
    Q_OBJECT

public:
    enum Column { NameColumn, IntegrationColumn, StatusColumn, CreatedColumn, ColumnCount };

    explicit ConnectionsView(LogoCache *logos, QWidget *parent = nullptr);

    void setLoading();
    // Forgets the list (another profile's connections are no business of this one).
    void clear();
    void setConnections(const QList<Connection> &connections);
    void setError(const QString &message);

    const QList<Connection> &connections() const { return m_connections; }
    QStringList names() const;
    std::optional<Connection> current() const;
    bool select(const QString &connectionId);
    QTreeWidget *tree() const { return m_tree; }
    QPushButton *reconnectButton() const { return m_reconnect; }
    QPushButton *removeButton() const { return m_remove; }

Q_SIGNALS:
    void reconnectRequested(const Connection &connection);
    void removeRequested(const Connection &connection);
    void refreshRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateActions();
    void refreshIcons();
    void showMessage(const QString &text, bool busy, bool retry);

    LogoCache *m_logos;
    QList<Connection> m_connections;
    QStackedWidget *m_stack;
    QTreeWidget *m_tree;
    MessagePage *m_messagePage;
    QPushButton *m_reconnect;
    QPushButton *m_remove;
};
