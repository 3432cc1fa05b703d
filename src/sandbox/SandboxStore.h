// The sandbox organization's connections, in memory or kept in a JSON state file.
#pragma once

#include "core/model/Connection.h"

#include <QList>
#include <QString>

#include <optional>

class SandboxStore
{
public:
    SandboxStore();

    // Reads `path` when it exists (and remembers it for saving). False and *error when the
    // file cannot be read or is not a state file.
    bool open(const QString &path, QString *error);

    QString organizationId() const { return m_organizationId; }
    const QList<Connection> &connections() const { return m_connections; }
    std::optional<Connection> find(const QString &id) const;
    std::optional<Connection> findByName(const QString &name) const;

    // Each change is saved at once when a state file is in use.
    void add(const Connection &connection);
    bool update(const Connection &connection);
    bool remove(const QString &id);

private:
    void save() const;

    QString m_path;
    QString m_organizationId;
    QList<Connection> m_connections;
};
