#include "ui/ConnectionTypeFilter.h"

#include "ui/ConnectionTypeModel.h"

#include <QRegularExpression>

namespace {

QString folded(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c.isLetterOrNumber())
            out.append(c.toLower());
    }
    return out;
}

} // namespace

ConnectionTypeFilter::ConnectionTypeFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
    sort(0);
    // The first locale-aware comparison opens the collator (ICU's data: 0.7 ms). The picker makes
    // its filter before any of its widgets, while the font database is still being filled on
    // its thread: open it now rather than on the path to the first paint, when the first list
    // comes in.
    QString::localeAwareCompare(u"a", u"b");
}

void ConnectionTypeFilter::setSearchText(const QString &text)
{
    if (text == m_text)
        return;
#if QT_VERSION >= QT_VERSION_CHECK(6, 9, 0)
    beginFilterChange();
    m_text = text;
    endFilterChange(QSortFilterProxyModel::Direction::Rows);
#else
    m_text = text;
    invalidateFilter();
#endif
}

bool ConnectionTypeFilter::matches(const QString &search, const QString &name, const QString &id)
{
    const QString whole = folded(search);
    if (whole.isEmpty())
        return true;
    const QString haystackName = folded(name);
    const QString haystackId = folded(id);
    // "googlesheets" and "google sheets" both find Google Sheets.
    if (haystackName.contains(whole) || haystackId.contains(whole))
        return true;
    static const QRegularExpression separators(QStringLiteral("\\s+"));
    const QStringList words = search.split(separators, Qt::SkipEmptyParts);
    for (const QString &word : words) {
        const QString needle = folded(word);
        if (!needle.isEmpty() && !haystackName.contains(needle) && !haystackId.contains(needle))
            return false;
    }
    return true;
}

bool ConnectionTypeFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_text.trimmed().isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    return matches(m_text, index.data(Qt::DisplayRole).toString(),
                   index.data(ConnectionTypeModel::IdRole).toString());
}
