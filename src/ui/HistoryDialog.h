// The History view: the sessions kept (SessionHistory), newest first, filtered by integration,
// outcome and profile; the chosen one's result, timings and exchange log below, as the Details
// pane showed them; Copy Session puts all of it on the clipboard. It follows the history as new
// sessions finish.
#pragma once

#include <QDialog>

class ExchangeLogView;
class QComboBox;
class QLabel;
class QPushButton;
class QTreeWidget;
class SessionHistory;
struct HistoryEntry;

class HistoryDialog : public QDialog
{
    Q_OBJECT

public:
    // `history` must outlive the dialog.
    explicit HistoryDialog(SessionHistory *history, QWidget *parent = nullptr);

    QTreeWidget *sessionList() const { return m_list; }
    QComboBox *integrationFilter() const { return m_integration; }
    QComboBox *outcomeFilter() const { return m_outcome; }
    QComboBox *profileFilter() const { return m_profile; }
    ExchangeLogView *details() const { return m_details; }
    QLabel *summary() const { return m_summary; }
    QPushButton *copyButton() const { return m_copy; }
    // The chosen session's text (what Copy Session gives); empty when none is chosen.
    QString selectedText() const;

public Q_SLOTS:
    void copySelected();

private:
    void rebuild();
    void fillFilters();
    void showSelected();
    bool matches(const HistoryEntry &entry) const;

    SessionHistory *m_history;
    QComboBox *m_integration;
    QComboBox *m_outcome;
    QComboBox *m_profile;
    QTreeWidget *m_list;
    QLabel *m_empty;
    QLabel *m_problem;
    QLabel *m_summary;
    ExchangeLogView *m_details;
    QPushButton *m_copy;
};
