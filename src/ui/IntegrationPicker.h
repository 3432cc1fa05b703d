// The integrations a person may connect, searchable and usable from the keyboard alone: type to
// search, arrows to move, Enter to open.
#pragma once

#include "core/model/ConnectionType.h"

#include <QWidget>

class BusyIndicator;
class MessagePage;
class ConnectionTypeFilter;
class ConnectionTypeModel;
class LogoCache;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QStackedWidget;

class IntegrationPicker : public QWidget
{
    Q_OBJECT

public:
    explicit IntegrationPicker(LogoCache *logos, QWidget *parent = nullptr);

    void setLoading();
    void setTypes(const QList<ConnectionType> &types);
    void setError(const QString &message);

    const QList<ConnectionType> &types() const;
    std::optional<ConnectionType> findType(const QString &id) const;
    // Ids of the integrations the search currently shows, in order.
    QStringList visibleIds() const;
    QLineEdit *searchField() const { return m_search; }
    QListView *listView() const { return m_list; }
    void focusSearch();

Q_SIGNALS:
    void integrationChosen(const ConnectionType &type);
    void retryRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void chooseCurrent();
    void updateState();

    ConnectionTypeModel *m_model;
    ConnectionTypeFilter *m_filter;
    QLineEdit *m_search;
    QLabel *m_count;
    QStackedWidget *m_stack;
    QListView *m_list;
    MessagePage *m_messagePage;
    bool m_loading = false;
    QString m_error;
};
