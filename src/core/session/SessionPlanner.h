// What the main window and the command line both decide before a session, in one place so they
// cannot drift apart: which integrations a session offers, the connection's name (the company's
// template, the next one not taken), and the request itself. No widgets.
#pragma once

#include "core/model/Connection.h"
#include "core/model/ConnectionType.h"
#include "core/session/PlatformProvider.h"

#include <QStringList>

class AppSettings;

class SessionPlanner
{
public:
    explicit SessionPlanner(const AppSettings *settings);

    // The integrations asked for, or (none asked) every one the company allows; empty: all the
    // platform offers.
    QStringList integrationsFor(const QStringList &asked) const;
    // Of the integrations a platform lists, the ones the company allows (all, when it names none).
    QList<ConnectionType> allowedOf(const QList<ConnectionType> &listed) const;
    // A new connection's name by the company's template, not one of `taken`.
    QString nameFor(const QString &integrationName, const QString &integrationId,
                    const QStringList &taken) const;
    // A session that makes a connection named `name`.
    SessionRequest create(const QString &name, const QStringList &integrations, bool dark) const;
    // A session that re-authenticates `connection`.
    SessionRequest reconnect(const Connection &connection, bool dark) const;

private:
    const AppSettings *m_settings;
};
