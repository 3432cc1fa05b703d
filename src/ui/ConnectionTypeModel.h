// The integrations a person may connect, as an item model with names, ids and logos.
#pragma once

#include "core/model/ConnectionType.h"

#include <QAbstractListModel>

class LogoCache;

class ConnectionTypeModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { IdRole = Qt::UserRole + 1, OAuthRole };

    explicit ConnectionTypeModel(LogoCache *logos, QObject *parent = nullptr);

    void setTypes(const QList<ConnectionType> &types);
    const QList<ConnectionType> &types() const { return m_types; }
    std::optional<ConnectionType> find(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

private:
    // The logo at `url` came in, or cannot come: the rows showing it are drawn again.
    void logoSettled(const QUrl &url);

    LogoCache *m_logos;
    QList<ConnectionType> m_types;
};
