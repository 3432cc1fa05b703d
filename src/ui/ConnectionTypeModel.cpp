#include "ui/ConnectionTypeModel.h"

#include "ui/LogoCache.h"

ConnectionTypeModel::ConnectionTypeModel(LogoCache *logos, QObject *parent)
    : QAbstractListModel(parent)
    , m_logos(logos)
{
    connect(m_logos, &LogoCache::iconReady, this, &ConnectionTypeModel::logoSettled);
    connect(m_logos, &LogoCache::iconUnavailable, this, &ConnectionTypeModel::logoSettled);
}

void ConnectionTypeModel::setTypes(const QList<ConnectionType> &types)
{
    beginResetModel();
    m_types = types;
    endResetModel();
}

std::optional<ConnectionType> ConnectionTypeModel::find(const QString &id) const
{
    for (const ConnectionType &type : m_types) {
        if (type.id == id)
            return type;
    }
    return std::nullopt;
}

int ConnectionTypeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_types.size());
}

QVariant ConnectionTypeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_types.size())
        return {};
    const ConnectionType &type = m_types.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return type.name.isEmpty() ? type.id : type.name;
    case Qt::DecorationRole: {
        const QIcon icon = m_logos->icon(type.logoUrl); // asks for it when it is not known
        if (!icon.isNull())
            return icon;
        // A logo on its way gets a plain tile (it replaces it within a frame or so when it
        // comes from the disk cache); one that cannot come, the integration's letter.
        return m_logos->isPending(type.logoUrl)
            ? LogoCache::tile()
            : LogoCache::placeholder(type.name, type.brandColor);
    }
    case Qt::ToolTipRole:
        return type.useOAuth ? tr("%1 (%2) · signs in with your %1 account").arg(type.name, type.id)
                             : tr("%1 (%2)").arg(type.name, type.id);
    case Qt::AccessibleDescriptionRole:
        return type.id;
    case IdRole:
        return type.id;
    case OAuthRole:
        return type.useOAuth;
    default:
        return {};
    }
}

void ConnectionTypeModel::logoSettled(const QUrl &url)
{
    for (int row = 0; row < m_types.size(); ++row) {
        if (m_types.at(row).logoUrl == url) {
            const QModelIndex changed = index(row);
            Q_EMIT dataChanged(changed, changed, {Qt::DecorationRole});
        }
    }
}
