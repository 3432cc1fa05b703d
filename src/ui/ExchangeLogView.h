// The support view of a session's exchanges (time, method, URL, status, duration), live, with
// Copy. What it shows was already redacted by ExchangeLog.
#pragma once

#include <QPointer>
#include <QWidget>

class ExchangeLog;
struct ExchangeEntry;
class QLabel;
class QPushButton;
class QTableWidget;

class ExchangeLogView : public QWidget
{
    Q_OBJECT

public:
    explicit ExchangeLogView(QWidget *parent = nullptr);

    void setLog(ExchangeLog *log);
    // A finished session's exchanges (from the history), as they were recorded; `text` is what
    // Copy gives.
    void setEntries(const QList<ExchangeEntry> &entries, const QString &text);
    int rowCount() const;
    QTableWidget *table() const { return m_table; }
    // The text Copy puts on the clipboard.
    QString text() const;

public Q_SLOTS:
    void copyToClipboard();

private:
    void append(const ExchangeEntry &entry);
    void updateCount();

    QPointer<ExchangeLog> m_log;
    QString m_fixedText; // with setEntries()
    QTableWidget *m_table;
    QLabel *m_count;
    QPushButton *m_copy;
};
