#include "ui/HistoryDialog.h"

#include "core/session/SessionHistory.h"
#include "ui/ExchangeLogView.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

enum Column {
    FinishedColumn,
    ProfileColumn,
    IntegrationColumn,
    ResultColumn,
    DurationColumn,
    DetailColumn,
    ColumnCount
};

constexpr int idRole = Qt::UserRole;

QString outcomeLabel(SessionResult::Outcome outcome)
{
    switch (outcome) {
    case SessionResult::Outcome::Completed:
        return HistoryDialog::tr("Completed");
    case SessionResult::Outcome::Cancelled:
        return HistoryDialog::tr("Cancelled");
    case SessionResult::Outcome::Failed:
        return HistoryDialog::tr("Failed");
    }
    return {};
}

QString integrationOf(const HistoryEntry &entry)
{
    return entry.integrationName.isEmpty() ? entry.result.integration : entry.integrationName;
}

} // namespace

HistoryDialog::HistoryDialog(SessionHistory *history, QWidget *parent)
    : QDialog(parent)
    , m_history(history)
    , m_integration(new QComboBox(this))
    , m_outcome(new QComboBox(this))
    , m_profile(new QComboBox(this))
    , m_list(new QTreeWidget(this))
    , m_empty(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_details(new ExchangeLogView(this))
    , m_copy(new QPushButton(tr("Copy &Session"), this))
{
    setObjectName(QStringLiteral("HistoryDialog"));
    setWindowTitle(tr("History"));

    auto *integrationLabel = new QLabel(tr("&Integration:"), this);
    integrationLabel->setBuddy(m_integration);
    auto *outcomeLabelWidget = new QLabel(tr("&Result:"), this);
    outcomeLabelWidget->setBuddy(m_outcome);
    auto *profileLabel = new QLabel(tr("&Profile:"), this);
    profileLabel->setBuddy(m_profile);
    m_outcome->addItem(tr("Any"), QString());
    for (const auto outcome : {SessionResult::Outcome::Completed, SessionResult::Outcome::Cancelled,
                               SessionResult::Outcome::Failed})
        m_outcome->addItem(outcomeLabel(outcome), SessionResult::outcomeName(outcome));
    for (QComboBox *filter : {m_integration, m_outcome, m_profile}) {
        filter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        connect(filter, &QComboBox::currentIndexChanged, this, &HistoryDialog::rebuild);
    }
    auto *filters = new QHBoxLayout;
    filters->addWidget(integrationLabel);
    filters->addWidget(m_integration);
    filters->addSpacing(12);
    filters->addWidget(outcomeLabelWidget);
    filters->addWidget(m_outcome);
    filters->addSpacing(12);
    filters->addWidget(profileLabel);
    filters->addWidget(m_profile);
    filters->addStretch(1);

    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels({tr("Finished"), tr("Profile"), tr("Integration"), tr("Result"),
                             tr("Duration"), tr("Connection or reason")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setAccessibleName(tr("Past sessions"));
    m_list->header()->setStretchLastSection(true);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(DetailColumn, QHeaderView::Stretch);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &HistoryDialog::showSelected);

    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setWordWrap(true);
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_summary->setAccessibleName(tr("The chosen session"));

    auto *lower = new QWidget(this);
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 6, 0, 0);
    lowerLayout->addWidget(m_summary);
    lowerLayout->addWidget(m_details, 1);
    auto *upper = new QWidget(this);
    auto *upperLayout = new QVBoxLayout(upper);
    upperLayout->setContentsMargins(0, 0, 0, 0);
    upperLayout->addWidget(m_list, 1);
    upperLayout->addWidget(m_empty, 1);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(upper);
    splitter->addWidget(lower);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    m_copy->setAutoDefault(false);
    m_copy->setToolTip(tr("Copy the chosen session's result and exchanges as text (secrets were "
                          "never kept)"));
    connect(m_copy, &QPushButton::clicked, this, &HistoryDialog::copySelected);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_copy, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_problem);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);

    connect(m_history, &SessionHistory::changed, this, [this] {
        fillFilters();
        rebuild();
    });
    fillFilters();
    rebuild();
    resize(900, 600);
    m_list->setFocus();
}

void HistoryDialog::fillFilters()
{
    // The integrations and profiles that appear in the history, each choice kept if it still is.
    const auto refill = [](QComboBox *combo, const QList<QPair<QString, QString>> &choices) {
        const QString current = combo->currentData().toString();
        const QSignalBlocker quiet(combo);
        combo->clear();
        combo->addItem(tr("Any"), QString());
        for (const auto &[label, value] : choices)
            combo->addItem(label, value);
        combo->setCurrentIndex(qMax(0, combo->findData(current)));
    };
    QList<QPair<QString, QString>> integrations;
    QList<QPair<QString, QString>> profiles;
    QStringList seenIntegrations;
    QStringList seenProfiles;
    for (const HistoryEntry &entry : m_history->entries()) {
        if (!seenIntegrations.contains(entry.result.integration)) {
            seenIntegrations.append(entry.result.integration);
            integrations.append({integrationOf(entry), entry.result.integration});
        }
        if (!seenProfiles.contains(entry.profileId)) {
            seenProfiles.append(entry.profileId);
            profiles.append({entry.profileName, entry.profileId});
        }
    }
    const auto byLabel = [](const QPair<QString, QString> &a, const QPair<QString, QString> &b) {
        return a.first.localeAwareCompare(b.first) < 0;
    };
    std::sort(integrations.begin(), integrations.end(), byLabel);
    std::sort(profiles.begin(), profiles.end(), byLabel);
    refill(m_integration, integrations);
    refill(m_profile, profiles);
}

bool HistoryDialog::matches(const HistoryEntry &entry) const
{
    const QString integration = m_integration->currentData().toString();
    const QString outcome = m_outcome->currentData().toString();
    const QString profile = m_profile->currentData().toString();
    return (integration.isEmpty() || entry.result.integration == integration)
        && (outcome.isEmpty() || SessionResult::outcomeName(entry.result.outcome) == outcome)
        && (profile.isEmpty() || entry.profileId == profile);
}

void HistoryDialog::rebuild()
{
    const QString current = m_list->currentItem()
        ? m_list->currentItem()->data(FinishedColumn, idRole).toString()
        : QString();
    m_list->clear();
    QTreeWidgetItem *select = nullptr;
    for (const HistoryEntry &entry : m_history->entries()) {
        if (!matches(entry))
            continue;
        const SessionResult &result = entry.result;
        QString detail;
        if (result.outcome == SessionResult::Outcome::Failed)
            detail = result.errorMessage.isEmpty() ? result.errorCode : result.errorMessage;
        else if (result.connection)
            detail = result.connection->name;
        const qint64 total = result.timingsMs.value(QStringLiteral("total"), -1);
        auto *item = new QTreeWidgetItem(
            m_list,
            {QLocale().toString(entry.finishedAt.toLocalTime(), QLocale::ShortFormat),
             entry.profileName, integrationOf(entry), outcomeLabel(result.outcome),
             total >= 0 ? tr("%1 s").arg(double(total) / 1000.0, 0, 'f', 1) : QStringLiteral("—"),
             detail});
        item->setData(FinishedColumn, idRole, entry.id);
        item->setToolTip(DetailColumn, detail);
        if (entry.id == current)
            select = item;
    }
    const bool none = m_list->topLevelItemCount() == 0;
    m_list->setVisible(!none);
    m_empty->setVisible(none);
    m_empty->setText(m_history->entries().isEmpty()
                         ? tr("No sessions are kept yet. Each session you run from now on is "
                              "listed here with its result and exchanges.")
                         : tr("No kept session matches these filters."));
    m_problem->setVisible(!m_history->problem().isEmpty());
    m_problem->setText(m_history->problem());
    if (!select && !none)
        select = m_list->topLevelItem(0);
    m_list->setCurrentItem(select);
    showSelected();
}

void HistoryDialog::showSelected()
{
    QTreeWidgetItem *item = m_list->currentItem();
    const auto entry =
        item ? m_history->find(item->data(FinishedColumn, idRole).toString()) : std::nullopt;
    m_copy->setEnabled(entry.has_value());
    if (!entry) {
        m_summary->clear();
        m_details->setEntries({}, {});
        return;
    }
    QStringList lines;
    const SessionResult &result = entry->result;
    lines.append(tr("%1 on %2 (%3): %4")
                     .arg(integrationOf(*entry), entry->profileName, entry->platform,
                          outcomeLabel(result.outcome)));
    if (result.outcome == SessionResult::Outcome::Failed)
        lines.append(result.errorCode + QLatin1String(": ") + result.errorMessage);
    if (result.connection)
        lines.append(
            tr("Connection “%1” (%2), id %3")
                .arg(result.connection->name, result.connection->status, result.connection->id));
    QStringList timings;
    for (auto it = result.timingsMs.cbegin(); it != result.timingsMs.cend(); ++it)
        timings.append(tr("%1 %2 ms").arg(it.key()).arg(it.value()));
    if (!timings.isEmpty())
        lines.append(tr("Timings: %1").arg(timings.join(QLatin1String(", "))));
    m_summary->setText(lines.join(QLatin1Char('\n')));
    m_details->setEntries(entry->exchanges, entry->toText());
}

QString HistoryDialog::selectedText() const
{
    QTreeWidgetItem *item = m_list->currentItem();
    if (!item)
        return {};
    const auto entry = m_history->find(item->data(FinishedColumn, idRole).toString());
    return entry ? entry->toText() : QString();
}

void HistoryDialog::copySelected()
{
    const QString text = selectedText();
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}
