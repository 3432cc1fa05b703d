#include "ui/ConnectionsView.h"

#include "ui/ActivationRepaint.h"
#include "ui/BusyIndicator.h"
#include "ui/LogoCache.h"
#include "ui/MessagePage.h"
#include "ui/StatusBadge.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

constexpr int IdRole = Qt::UserRole + 1;

} // namespace

ConnectionsView::ConnectionsView(LogoCache *logos, QWidget *parent)
    : QWidget(parent)
    , m_logos(logos)
    , m_stack(new QStackedWidget(this))
    , m_tree(new QTreeWidget(this))
    , m_messagePage(new MessagePage(this))
    , m_reconnect(new QPushButton(tr("Reco&nnect"), this))
    , m_remove(new QPushButton(tr("&Remove…"), this))
{
    m_tree->setObjectName(QStringLiteral("connectionList"));
    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels({tr("Name"), tr("Integration"), tr("Status"), tr("Created")});
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setSortingEnabled(true);
    m_tree->sortByColumn(NameColumn, Qt::AscendingOrder);
    m_tree->setIconSize(QSize(20, 20));
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setAccessibleName(tr("Your connections"));
    setFocusProxy(m_tree); // the section's mnemonic and Tab land on the list
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(IntegrationColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(StatusColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(CreatedColumn, QHeaderView::ResizeToContents);
    m_tree->installEventFilter(this);
    ActivationRepaint::skipWhenUnchanged(m_tree);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &ConnectionsView::updateActions);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this] {
        if (const auto connection = current())
            Q_EMIT reconnectRequested(*connection);
    });
    connect(m_tree, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const auto connection = current();
        if (!connection)
            return;
        QMenu menu(this);
        menu.addAction(tr("Reconnect"), this,
                       [this, connection] { Q_EMIT reconnectRequested(*connection); });
        menu.addAction(tr("Remove…"), this,
                       [this, connection] { Q_EMIT removeRequested(*connection); });
        menu.exec(m_tree->viewport()->mapToGlobal(pos));
    });

    m_reconnect->setToolTip(tr("Sign in again to refresh this connection's credentials"));
    m_remove->setToolTip(tr("Remove this connection from the organization"));
    connect(m_reconnect, &QPushButton::clicked, this, [this] {
        if (const auto connection = current())
            Q_EMIT reconnectRequested(*connection);
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (const auto connection = current())
            Q_EMIT removeRequested(*connection);
    });

    connect(m_messagePage, &MessagePage::retryRequested, this, &ConnectionsView::refreshRequested);

    m_stack->addWidget(m_tree);
    m_stack->addWidget(m_messagePage);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_reconnect);
    buttons->addWidget(m_remove);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack, 1);
    layout->addLayout(buttons);

    connect(m_logos, &LogoCache::iconReady, this, &ConnectionsView::refreshIcons);
    setLoading();
}

void ConnectionsView::showMessage(const QString &text, bool busy, bool retry)
{
    m_messagePage->setMessage(text, busy, retry);
    m_stack->setCurrentWidget(m_messagePage);
    updateActions();
}

void ConnectionsView::setLoading()
{
    // A refresh keeps the list in view; only the first load shows the spinner.
    if (m_connections.isEmpty())
        showMessage(tr("Loading your connections…"), true, false);
}

void ConnectionsView::clear()
{
    m_connections.clear();
    m_tree->clear();
    setLoading();
}

void ConnectionsView::setError(const QString &message)
{
    m_connections.clear();
    m_tree->clear();
    showMessage(message, false, true);
}

void ConnectionsView::setConnections(const QList<Connection> &connections)
{
    const auto previous = current();
    m_connections = connections;
    m_tree->setSortingEnabled(false);
    m_tree->clear();
    const QLocale locale;
    for (const Connection &connection : connections) {
        auto *item = new QTreeWidgetItem(m_tree);
        item->setData(NameColumn, IdRole, connection.id);
        item->setText(NameColumn, connection.name);
        item->setText(IntegrationColumn,
                      connection.typeName.isEmpty() ? connection.typeId : connection.typeName);
        const QIcon logo = m_logos->icon(connection.typeLogoUrl);
        item->setIcon(NameColumn,
                      logo.isNull() ? LogoCache::placeholder(connection.typeName) : logo);
        const StatusBadge::Tone tone = StatusBadge::toneForStatus(connection.status);
        item->setIcon(StatusColumn, StatusBadge::dotIcon(tone));
        item->setText(StatusColumn, StatusBadge::statusLabel(connection.status));
        item->setForeground(StatusColumn,
                            StatusBadge::toneColor(
                                tone, m_tree->palette().color(QPalette::Base).lightness() < 128));
        const QString tip = connection.statusError.isEmpty()
            ? StatusBadge::statusLabel(connection.status)
            : connection.statusError;
        item->setToolTip(StatusColumn, tip);
        item->setToolTip(NameColumn, connection.id);
        if (connection.createdAt.isValid())
            item->setText(
                CreatedColumn,
                locale.toString(connection.createdAt.toLocalTime(), QLocale::ShortFormat));
    }
    m_tree->setSortingEnabled(true);

    if (connections.isEmpty()) {
        showMessage(tr("No connections yet. Pick an integration to connect one."), false, false);
        return;
    }
    m_stack->setCurrentWidget(m_tree);
    if (!previous || !select(previous->id))
        m_tree->setCurrentItem(m_tree->topLevelItem(0));
    updateActions();
}

QStringList ConnectionsView::names() const
{
    QStringList names;
    for (const Connection &connection : m_connections)
        names.append(connection.name);
    return names;
}

std::optional<Connection> ConnectionsView::current() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    if (!item)
        return std::nullopt;
    const QString id = item->data(NameColumn, IdRole).toString();
    for (const Connection &connection : m_connections) {
        if (connection.id == id)
            return connection;
    }
    return std::nullopt;
}

bool ConnectionsView::select(const QString &connectionId)
{
    for (int row = 0; row < m_tree->topLevelItemCount(); ++row) {
        QTreeWidgetItem *item = m_tree->topLevelItem(row);
        if (item->data(NameColumn, IdRole).toString() == connectionId) {
            m_tree->setCurrentItem(item);
            m_tree->scrollToItem(item);
            return true;
        }
    }
    return false;
}

void ConnectionsView::updateActions()
{
    const bool has = m_stack->currentWidget() == m_tree && current().has_value();
    m_reconnect->setEnabled(has);
    m_remove->setEnabled(has);
}

void ConnectionsView::refreshIcons()
{
    for (int row = 0; row < m_tree->topLevelItemCount(); ++row) {
        QTreeWidgetItem *item = m_tree->topLevelItem(row);
        const QString id = item->data(NameColumn, IdRole).toString();
        for (const Connection &connection : std::as_const(m_connections)) {
            if (connection.id != id)
                continue;
            const QIcon logo = m_logos->icon(connection.typeLogoUrl);
            if (!logo.isNull())
                item->setIcon(NameColumn, logo);
        }
    }
}

bool ConnectionsView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_tree && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Delete) || key->key() == Qt::Key_Backspace) {
            if (const auto connection = current())
                Q_EMIT removeRequested(*connection);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}
