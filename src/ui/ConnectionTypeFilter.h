// Filters and sorts integrations by what a person types: every word must appear in the name or
// the id, ignoring case, spaces and punctuation ("google sheets" finds gsheets' "Google Sheets").
#pragma once

#include <QSortFilterProxyModel>

class ConnectionTypeFilter : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit ConnectionTypeFilter(QObject *parent = nullptr);

    void setSearchText(const QString &text);
    QString searchText() const { return m_text; }

    static bool matches(const QString &search, const QString &name, const QString &id);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
};
