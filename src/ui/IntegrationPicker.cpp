#include "ui/IntegrationPicker.h"

#include "ui/ActivationRepaint.h"
#include "ui/BusyIndicator.h"
#include "ui/ConnectionTypeFilter.h"
#include "ui/ConnectionTypeModel.h"
#include "ui/MessagePage.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

IntegrationPicker::IntegrationPicker(LogoCache *logos, QWidget *parent)
    : QWidget(parent)
    , m_model(new ConnectionTypeModel(logos, this))
    , m_filter(new ConnectionTypeFilter(this))
    , m_search(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_list(new QListView(this))
    , m_messagePage(new MessagePage(this))
{
    m_filter->setSourceModel(m_model);

    m_search->setObjectName(QStringLiteral("integrationSearch"));
    m_search->setPlaceholderText(tr("Search integrations"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search integrations"));
    m_search->installEventFilter(this);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setSearchText(text);
        // The first match is what Enter opens: keep it visibly current.
        if (m_filter->rowCount() > 0)
            m_list->setCurrentIndex(m_filter->index(0, 0));
        updateState();
    });
    connect(m_search, &QLineEdit::returnPressed, this, &IntegrationPicker::chooseCurrent);

    m_count->setForegroundRole(QPalette::PlaceholderText);

    m_list->setObjectName(QStringLiteral("integrationList"));
    m_list->setModel(m_filter);
    m_list->setIconSize(QSize(28, 28));
    m_list->setUniformItemSizes(true);
    m_list->setSpacing(2);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setAccessibleName(tr("Integrations"));
    m_list->installEventFilter(this);
    connect(m_list, &QListView::activated, this, &IntegrationPicker::chooseCurrent);
    ActivationRepaint::skipWhenUnchanged(m_list);

    connect(m_messagePage, &MessagePage::retryRequested, this, &IntegrationPicker::retryRequested);

    m_stack->addWidget(m_list);
    m_stack->addWidget(m_messagePage);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_count);
    setFocusProxy(m_search);
    setLoading();
}

void IntegrationPicker::setLoading()
{
    m_loading = true;
    m_error.clear();
    m_model->setTypes({});
    updateState();
}

void IntegrationPicker::setTypes(const QList<ConnectionType> &types)
{
    m_loading = false;
    m_error.clear();
    m_model->setTypes(types);
    if (m_filter->rowCount() > 0)
        m_list->setCurrentIndex(m_filter->index(0, 0));
    updateState();
}

void IntegrationPicker::setError(const QString &message)
{
    m_loading = false;
    m_error = message;
    m_model->setTypes({});
    updateState();
}

const QList<ConnectionType> &IntegrationPicker::types() const
{
    return m_model->types();
}

std::optional<ConnectionType> IntegrationPicker::findType(const QString &id) const
{
    return m_model->find(id);
}

QStringList IntegrationPicker::visibleIds() const
{
    QStringList ids;
    for (int row = 0; row < m_filter->rowCount(); ++row)
        ids.append(m_filter->index(row, 0).data(ConnectionTypeModel::IdRole).toString());
    return ids;
}

void IntegrationPicker::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void IntegrationPicker::updateState()
{
    const int total = m_model->rowCount();
    const int shown = m_filter->rowCount();
    auto say = [this](const QString &text) {
        m_messagePage->setMessage(text, m_loading, !m_error.isEmpty());
        m_stack->setCurrentWidget(m_messagePage);
    };
    // The search takes keys while the list is on its way (they filter it once it is here), so
    // the keyboard stays where the window put it instead of leaving for another control.
    m_search->setEnabled(m_error.isEmpty());

    if (m_loading) {
        say(tr("Loading integrations…"));
        m_count->clear();
    } else if (!m_error.isEmpty()) {
        say(m_error);
        m_count->clear();
    } else if (total == 0) {
        say(tr("This backend offers no integrations."));
        m_count->clear();
    } else if (shown == 0) {
        say(tr("No integration matches “%1”.").arg(m_search->text().trimmed()));
        m_count->setText(tr("Showing 0 of %1").arg(total));
    } else {
        m_stack->setCurrentWidget(m_list);
        // Plain numbers: no plural forms to get wrong before translations ship.
        m_count->setText(shown == total ? tr("Integrations: %1").arg(total)
                                        : tr("Showing %1 of %2").arg(shown).arg(total));
    }
}

void IntegrationPicker::chooseCurrent()
{
    QModelIndex index = m_list->currentIndex();
    if (!index.isValid() && m_filter->rowCount() > 0)
        index = m_filter->index(0, 0);
    if (!index.isValid())
        return;
    const auto type = m_model->find(index.data(ConnectionTypeModel::IdRole).toString());
    if (type)
        Q_EMIT integrationChosen(*type);
}

bool IntegrationPicker::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);

    if (watched == m_search) {
        // Arrows move through the list without leaving the search field.
        if (key->key() == Qt::Key_Down || key->key() == Qt::Key_Up || key->key() == Qt::Key_PageDown
            || key->key() == Qt::Key_PageUp) {
            if (m_filter->rowCount() == 0)
                return true;
            if (key->key() == Qt::Key_Down && !m_list->currentIndex().isValid()) {
                m_list->setCurrentIndex(m_filter->index(0, 0));
                return true;
            }
            QKeyEvent forwarded(key->type(), key->key(), key->modifiers(), key->text());
            QCoreApplication::sendEvent(m_list, &forwarded);
            return true;
        }
        if (key->key() == Qt::Key_Escape && !m_search->text().isEmpty()) {
            m_search->clear();
            return true;
        }
        return false;
    }

    if (watched == m_list) {
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            chooseCurrent();
            return true;
        }
        // Typing anywhere in the list searches.
        const QString text = key->text();
        const bool printable = !text.isEmpty() && text.at(0).isPrint()
            && !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier));
        if (printable || key->key() == Qt::Key_Backspace) {
            m_search->setFocus(Qt::OtherFocusReason);
            QKeyEvent forwarded(key->type(), key->key(), key->modifiers(), key->text());
            QCoreApplication::sendEvent(m_search, &forwarded);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}
