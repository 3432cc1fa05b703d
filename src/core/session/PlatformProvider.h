// What the app needs from a connect platform (Polytomic, Paragon). Windows talk to
// this interface only, so adding a platform touches no window code.
#pragma once

#include "core/model/Connection.h"
#include "core/model/ConnectionType.h"
#include "core/model/HttpValidators.h"
#include "core/model/Result.h"

#include <QDateTime>
#include <QObject>
#include <QStringList>
#include <QUrl>

class ConnectAttempt;
class ExchangeLog;

// What one connect attempt asks for.
struct SessionRequest
{
    QString name; // the connection's name (create mode)
    QStringList integrations; // allowed type ids; empty: every type the platform lists
    bool dark = false;
    QString connectionId; // update mode: the connection to re-authenticate
    QString language; // BCP 47, e.g. "de"; empty: the platform's default

    bool isUpdate() const { return !connectionId.isEmpty(); }
};

// The platform's connection types; or, asked with the validators of a list the caller has, word
// that this list is still current.
struct ConnectionTypeList
{
    QList<ConnectionType> types; // empty when unchanged
    bool unchanged = false;
    HttpValidators validators; // for the next fetch; empty when the platform sends none
};

class PlatformProvider : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    virtual QString platformName() const = 0; // "Polytomic", shown to people
    virtual QUrl apiBaseUrl() const = 0; // for labels and preconnecting

    // Each call answers once through `done`, unless `context` is destroyed first.
    // With the validators of a list fetched before (`known`), the platform may answer that it is
    // unchanged; with none, the whole list comes back.
    virtual void fetchConnectionTypes(QObject *context, const HttpValidators &known,
                                      ResultCallback<ConnectionTypeList> done) = 0;
    virtual void fetchConnections(QObject *context, ResultCallback<QList<Connection>> done) = 0;
    virtual void removeConnection(const QString &id, QObject *context,
                                  ResultCallback<bool> done) = 0;

    // One connect attempt for `request`, owned by `parent` (the session). Its exchanges with the
    // platform are recorded in `log` (the session's own; not owned), and only those.
    virtual ConnectAttempt *beginAttempt(const SessionRequest &request, ExchangeLog *log,
                                         QObject *parent) = 0;
    // Whether the platform's own page lets a person choose among several integrations
    // (Polytomic's modal does). When it does not (Paragon's portal shows one), a session asks
    // for exactly one, and the app's picker chooses it first.
    virtual bool choosesAmongIntegrations() const { return true; }
    // Whether a new connection takes the name the app gives it (Polytomic's does). When it does
    // not (Paragon names a credential after the account), the app does not promise one.
    virtual bool takesConnectionNames() const { return true; }

    // Who the platform takes this profile's credential for (Polytomic: GET /api/me; Paragon: the
    // user token, then GET /sdk/me), in a few words for the doctor; or why it refused.
    virtual void checkAccount(QObject *context, ResultCallback<QString> done) = 0;

    // Does ahead of time what the first attempt would otherwise do on the click's path.
    virtual void prepareFirstAttempt() { }

    // Stops every call in flight; their callbacks are not called.
    virtual void abortAll() = 0;
};
