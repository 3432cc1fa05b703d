#include "sandbox/SandboxStore.h"

#include "core/polytomic/PolytomicJson.h"
#include "core/system/LogCategories.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QUuid>

SandboxStore::SandboxStore()
    : m_organizationId(QUuid::createUuid().toString(QUuid::WithoutBraces))
{ }

bool SandboxStore::open(const QString &path, QString *error)
{
    m_path = path;
    QFile file(path);
    if (!file.exists())
        return true; // a new state file, written on the first change
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("SandboxStore", "Cannot read the state file %1: %2.")
                     .arg(path, file.errorString());
        return false;
    }
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = QCoreApplication::translate(
                     "SandboxStore",
                     "The state file %1 is not a sandbox state file (%2). Move it away or choose "
                     "another file with --state.")
                     .arg(path, parseError.errorString());
        return false;
    }
    const QJsonObject root = document.object();
    const QString organization = root.value(QLatin1String("organization_id")).toString();
    if (!organization.isEmpty())
        m_organizationId = organization;
    m_connections = PolytomicJson::connections(root.value(QLatin1String("connections")).toArray());
    qCInfo(lcSandbox) << "loaded" << m_connections.size() << "connections from" << path;
    return true;
}

std::optional<Connection> SandboxStore::find(const QString &id) const
{
    for (const Connection &connection : m_connections) {
        if (connection.id == id)
            return connection;
    }
    return std::nullopt;
}

std::optional<Connection> SandboxStore::findByName(const QString &name) const
{
    for (const Connection &connection : m_connections) {
        if (connection.name == name)
            return connection;
    }
    return std::nullopt;
}

void SandboxStore::add(const Connection &connection)
{
    m_connections.append(connection);
    save();
}

bool SandboxStore::update(const Connection &connection)
{
    for (Connection &existing : m_connections) {
        if (existing.id == connection.id) {
            existing = connection;
            save();
            return true;
        }
    }
    return false;
}

bool SandboxStore::remove(const QString &id)
{
    const auto removed = m_connections.removeIf([&](const Connection &c) { return c.id == id; });
    if (removed > 0)
        save();
    return removed > 0;
}

void SandboxStore::save() const
{
    if (m_path.isEmpty())
        return;
    QJsonArray connections;
    for (const Connection &connection : m_connections)
        connections.append(PolytomicJson::toJson(connection));
    const QJsonObject root{{QLatin1String("organization_id"), m_organizationId},
                           {QLatin1String("connections"), connections}};
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(root).toJson()) < 0
        || !file.commit())
        qCWarning(lcSandbox) << "cannot save the state file" << m_path << file.errorString();
}
