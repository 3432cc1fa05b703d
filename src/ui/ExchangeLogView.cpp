#include "ui/ExchangeLogView.h"

#include "core/model/ExchangeLog.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

enum Column {
    TimeColumn,
    MethodColumn,
    UrlColumn,
    StatusColumn,
    DurationColumn,
    NoteColumn,
    ColumnCount
};

} // namespace

ExchangeLogView::ExchangeLogView(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_count(new QLabel(this))
    , m_copy(new QPushButton(tr("&Copy"), this))
{
    m_table->setHorizontalHeaderLabels(
        {tr("Time"), tr("Method"), tr("URL"), tr("Status"), tr("Duration"), tr("Note")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    // URLs differ at both ends (host, then token or id): keep both in view.
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(UrlColumn, QHeaderView::Stretch);
    m_table->setAccessibleName(tr("Exchanges"));

    m_copy->setToolTip(tr("Copy every exchange as text (secrets are already hidden)"));
    m_copy->setEnabled(false);
    connect(m_copy, &QPushButton::clicked, this, &ExchangeLogView::copyToClipboard);

    m_copy->setAutoDefault(false);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(12, 6, 8, 0);
    bar->addWidget(m_count, 1);
    bar->addWidget(m_copy);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
    updateCount();
}

void ExchangeLogView::setLog(ExchangeLog *log)
{
    if (m_log)
        disconnect(m_log, nullptr, this, nullptr);
    m_log = log;
    m_fixedText.clear();
    m_table->setRowCount(0);
    if (m_log) {
        for (const ExchangeEntry &entry : m_log->entries())
            append(entry);
        connect(m_log, &ExchangeLog::entryAdded, this, &ExchangeLogView::append);
    }
    updateCount();
}

void ExchangeLogView::setEntries(const QList<ExchangeEntry> &entries, const QString &text)
{
    setLog(nullptr);
    m_fixedText = text.isNull() ? QStringLiteral("") : text; // not null: a past session's
    for (const ExchangeEntry &entry : entries)
        append(entry);
    m_table->scrollToTop();
    updateCount();
}

int ExchangeLogView::rowCount() const
{
    return m_table->rowCount();
}

QString ExchangeLogView::text() const
{
    return m_log ? m_log->toText() : m_fixedText;
}

void ExchangeLogView::copyToClipboard()
{
    QApplication::clipboard()->setText(text());
}

void ExchangeLogView::append(const ExchangeEntry &entry)
{
    // Follow new rows only when the reader is already at the bottom.
    QScrollBar *scroll = m_table->verticalScrollBar();
    const bool atBottom = scroll->value() == scroll->maximum();

    const int row = m_table->rowCount();
    m_table->insertRow(row);
    auto set = [this, row](int column, const QString &text, Qt::Alignment align = Qt::AlignLeft) {
        auto *item = new QTableWidgetItem(text);
        item->setTextAlignment(align | Qt::AlignVCenter);
        item->setToolTip(text);
        m_table->setItem(row, column, item);
    };
    set(TimeColumn, entry.time.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz")));
    set(MethodColumn,
        entry.kind == QLatin1String("web") ? tr("web %1").arg(entry.method) : entry.method);
    set(UrlColumn, entry.url);
    set(StatusColumn, entry.status > 0 ? QString::number(entry.status) : QStringLiteral("—"),
        Qt::AlignRight);
    set(DurationColumn,
        entry.durationMs >= 0 ? tr("%1 ms").arg(entry.durationMs) : QStringLiteral("—"),
        Qt::AlignRight);
    set(NoteColumn, entry.note);
    if (entry.status >= 400 || (entry.kind == QLatin1String("api") && entry.status == 0)) {
        const QColor bad = palette().color(QPalette::BrightText);
        m_table->item(row, StatusColumn)->setForeground(bad);
    }
    if (atBottom)
        m_table->scrollToBottom();
    updateCount();
}

void ExchangeLogView::updateCount()
{
    const int rows = m_table->rowCount();
    // A past session's log is complete; a live one may still grow.
    const QString none =
        m_log || m_fixedText.isNull() ? tr("No exchanges yet") : tr("No exchanges were recorded");
    m_count->setText(rows == 0 ? none : tr("Exchanges: %1").arg(rows));
    m_copy->setEnabled(rows > 0);
}
