#include "core/polytomic/PolytomicProvider.h"

#include "core/polytomic/ConnectRequest.h"
#include "core/polytomic/IdempotencyKey.h"
#include "core/polytomic/PolytomicAttempt.h"
#include "core/polytomic/PolytomicJson.h"
#include "core/polytomic/RedirectListener.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace {

// Calls `handle` once the call finishes, unless `context` is gone or the call was aborted.
template<typename Handler> void whenDone(ApiCall *call, QObject *context, Handler handle)
{
    QObject::connect(call, &ApiCall::finished, context, [call, handle] {
        if (call->failure().kind == ApiFailure::Kind::Aborted && !call->ok())
            return;
        handle(call);
    });
}

ApiFailure malformed(const ApiCall *call, const QString &detail)
{
    ApiFailure failure = call->failure();
    failure.kind = ApiFailure::Kind::Malformed;
    failure.detail = detail;
    return failure;
}

} // namespace

PolytomicProvider::PolytomicProvider(const ApiEndpoint &endpoint, QObject *parent)
    : PlatformProvider(parent)
    , m_client(endpoint)
{ }

QString PolytomicProvider::platformName() const
{
    return QStringLiteral("Polytomic");
}

void PolytomicProvider::fetchConnectionTypes(QObject *context, const HttpValidators &known,
                                             ResultCallback<ConnectionTypeList> done)
{
    whenDone(m_client.get(QStringLiteral("/api/connection_types"), known), context,
             [done](ApiCall *call) {
                 if (!call->ok())
                     return done(Result<ConnectionTypeList>::error(call->failure()));
                 ConnectionTypeList list;
                 list.validators = call->validators();
                 if (call->notModified()) {
                     list.unchanged = true;
                     return done(Result<ConnectionTypeList>::success(list));
                 }
                 if (!call->data().isArray())
                     return done(Result<ConnectionTypeList>::error(
                         malformed(call, tr("\"data\" is not a list"))));
                 list.types = PolytomicJson::connectionTypes(call->data().toArray());
                 done(Result<ConnectionTypeList>::success(list));
             });
}

void PolytomicProvider::fetchConnections(QObject *context, ResultCallback<QList<Connection>> done)
{
    whenDone(m_client.get(QStringLiteral("/api/connections")), context, [done](ApiCall *call) {
        if (!call->ok())
            return done(Result<QList<Connection>>::error(call->failure()));
        if (!call->data().isArray())
            return done(
                Result<QList<Connection>>::error(malformed(call, tr("\"data\" is not a list"))));
        done(
            Result<QList<Connection>>::success(PolytomicJson::connections(call->data().toArray())));
    });
}

void PolytomicProvider::checkAccount(QObject *context, ResultCallback<QString> done)
{
    whenDone(m_client.get(QStringLiteral("/api/me")), context, [done](ApiCall *call) {
        if (!call->ok())
            return done(Result<QString>::error(call->failure()));
        const QJsonObject me = call->data().toObject();
        const QString organization = me.value(QLatin1String("organization_name")).toString();
        const QString email = me.value(QLatin1String("email")).toString();
        QString who = organization.isEmpty() ? me.value(QLatin1String("organization_id")).toString()
                                             : organization;
        if (!email.isEmpty())
            who = tr("%1 in %2").arg(email, who);
        done(Result<QString>::success(who));
    });
}

void PolytomicProvider::removeConnection(const QString &id, QObject *context,
                                         ResultCallback<bool> done)
{
    const QString path =
        QStringLiteral("/api/connections/") + QString::fromLatin1(QUrl::toPercentEncoding(id));
    whenDone(m_client.deleteResource(path), context, [done](ApiCall *call) {
        if (!call->ok())
            return done(Result<bool>::error(call->failure()));
        done(Result<bool>::success(true));
    });
}

ConnectAttempt *PolytomicProvider::beginAttempt(const SessionRequest &request, ExchangeLog *log,
                                                QObject *parent)
{
    return new PolytomicAttempt(this, request, log, parent);
}

void PolytomicProvider::prepareFirstAttempt()
{
    RedirectListener::prepareFirstUse();
}

void PolytomicProvider::createSession(const SessionRequest &request, const QUrl &returnUrl,
                                      ExchangeLog *log, QObject *context,
                                      ResultCallback<ConnectSessionTicket> done)
{
    ConnectRequest body;
    body.name = request.name;
    body.redirectUrl = returnUrl;
    body.whitelist = request.integrations;
    body.dark = request.dark;
    body.connection = request.connectionId;
    // One key per attempt: every retry of this attempt carries the same key.
    ApiCall *call =
        m_client.post(QLatin1String(connectPath), body.toJson(), IdempotencyKey::generate(), log);
    whenDone(call, context, [done](ApiCall *call) {
        if (!call->ok())
            return done(Result<ConnectSessionTicket>::error(call->failure()));
        QString error;
        const auto ticket = ConnectSessionTicket::fromJson(call->data().toObject(), &error);
        if (!ticket)
            return done(Result<ConnectSessionTicket>::error(malformed(call, error)));
        done(Result<ConnectSessionTicket>::success(*ticket));
    });
}

void PolytomicProvider::confirmSession(const SessionRequest &request, const QDateTime &startedAt,
                                       ExchangeLog *log, QObject *context,
                                       ResultCallback<std::optional<Connection>> done)
{
    using Found = std::optional<Connection>;
    if (request.isUpdate()) {
        const QString path = QStringLiteral("/api/connections/")
            + QString::fromLatin1(QUrl::toPercentEncoding(request.connectionId));
        whenDone(m_client.get(path, {}, log), context, [done, startedAt](ApiCall *call) {
            if (!call->ok())
                return done(Result<Found>::error(call->failure()));
            const auto connection = PolytomicJson::connection(call->data().toObject());
            if (!connection)
                return done(Result<Found>::error(malformed(call, tr("the connection has no id"))));
            // The connection existed before: it counts as re-authenticated only if it changed
            // during the session. Without updated_at, a healthy connection is the best we know.
            // A few seconds of slack allow for a server clock behind ours.
            const bool touched = connection->updatedAt.isValid()
                ? connection->updatedAt >= startedAt.addSecs(-5)
                : connection->isHealthy();
            done(Result<Found>::success(touched ? Found(*connection) : Found()));
        });
        return;
    }
    whenDone(m_client.get(QStringLiteral("/api/connections"), {}, log), context,
             [done, request](ApiCall *call) {
                 if (!call->ok())
                     return done(Result<Found>::error(call->failure()));
                 if (!call->data().isArray())
                     return done(
                         Result<Found>::error(malformed(call, tr("\"data\" is not a list"))));
                 for (const Connection &connection :
                      PolytomicJson::connections(call->data().toArray())) {
                     if (connection.name == request.name)
                         return done(Result<Found>::success(Found(connection)));
                 }
                 done(Result<Found>::success(Found()));
             });
}
