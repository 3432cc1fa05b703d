#include "core/paragon/ParagonProvider.h"

#include "core/paragon/ParagonAttempt.h"
#include "core/paragon/ParagonHttp.h"
#include "core/paragon/ParagonJson.h"

#include <QJsonArray>
#include <QPointer>

ParagonProvider::ParagonProvider(const ParagonEndpoint &endpoint, QObject *parent)
    : PlatformProvider(parent)
    , m_endpoint(endpoint)
    , m_tokens(endpoint, &m_network, this)
    , m_calls(new QObject(this))
{ }

QString ParagonProvider::platformName() const
{
    return tr("Paragon");
}

QObject *ParagonProvider::callContext(QObject *context)
{
    // A call ends with the caller's context, or with abortAll(), whichever comes first.
    auto *call = new QObject(m_calls);
    connect(context, &QObject::destroyed, call, &QObject::deleteLater);
    return call;
}

void ParagonProvider::abortAll()
{
    delete m_calls;
    m_calls = new QObject(this);
}

void ParagonProvider::userToken(QObject *context, ExchangeLog *log, ResultCallback<QString> done)
{
    m_tokens.token(context, log, std::move(done));
}

void ParagonProvider::call(const QByteArray &method, const QUrl &url,
                           const QList<QPair<QByteArray, QByteArray>> &extraHeaders,
                           QObject *context, ExchangeLog *log, ResultCallback<QJsonDocument> done,
                           bool retried)
{
    QObject *call = callContext(context);
    m_tokens.token(call, log, [=](const Result<QString> &token) {
        if (!token.ok()) {
            call->deleteLater();
            return done(Result<QJsonDocument>::error(token.failure));
        }
        ParagonHttp::Request request;
        request.method = method;
        request.url = url;
        request.headers = ParagonHttp::sdkHeaders(*token.value) + extraHeaders;
        request.timeoutMs = m_endpoint.timeoutMs;
        request.refusedMessage =
            tr("Paragon refused the user token for project %1. Check the profile's project id "
               "and where its tokens come from (the token URL, or the signing key).")
                .arg(m_endpoint.projectId);
        ParagonHttp::send(&m_network, request, log, call, [=](const Result<QJsonDocument> &result) {
            call->deleteLater();
            // Logged out: one fresh token, then the answer stands.
            if (!result.ok() && result.failure.code() == QLatin1String("token_refused")
                && !retried) {
                m_tokens.forget();
                this->call(method, url, extraHeaders, context, log, done, true);
                return;
            }
            done(result);
        });
    });
}

void ParagonProvider::fetchConnectionTypes(QObject *context, const HttpValidators &,
                                           ResultCallback<ConnectionTypeList> done)
{
    QPointer<QObject> guard(context);
    call("GET", m_endpoint.projectUrl(QStringLiteral("/sdk/integrations")), {}, context, nullptr,
         [this, guard, done](const Result<QJsonDocument> &result) {
             if (!guard)
                 return;
             if (!result.ok())
                 return done(Result<ConnectionTypeList>::error(result.failure));
             if (!result.value->isArray()) {
                 done(Result<ConnectionTypeList>::error(ApiFailure::configuration(
                     QStringLiteral("malformed_reply"),
                     tr("Paragon's list of integrations could not be read (not a list). Check "
                        "the profile's service addresses."))));
                 return;
             }
             m_types = ParagonJson::integrations(result.value->array(), m_endpoint.cdn());
             ConnectionTypeList list;
             list.types = m_types;
             done(Result<ConnectionTypeList>::success(list));
         });
}

void ParagonProvider::fetchUser(QObject *context, ExchangeLog *log,
                                ResultCallback<QJsonObject> done)
{
    QPointer<QObject> guard(context);
    call("GET", m_endpoint.projectUrl(QStringLiteral("/sdk/me")), {}, context, log,
         [guard, done](const Result<QJsonDocument> &result) {
             if (!guard)
                 return;
             if (!result.ok())
                 return done(Result<QJsonObject>::error(result.failure));
             if (!result.value->isObject()) {
                 done(Result<QJsonObject>::error(ApiFailure::configuration(
                     QStringLiteral("malformed_reply"),
                     tr("Paragon's user state could not be read (not an object). Check the "
                        "profile's service addresses."))));
                 return;
             }
             done(Result<QJsonObject>::success(result.value->object()));
         });
}

void ParagonProvider::checkAccount(QObject *context, ResultCallback<QString> done)
{
    fetchUser(context, nullptr, [done](const Result<QJsonObject> &user) {
        if (!user.ok())
            return done(Result<QString>::error(user.failure));
        int enabled = 0;
        const QJsonObject integrations =
            user.value->value(QLatin1String("integrations")).toObject();
        for (auto it = integrations.constBegin(); it != integrations.constEnd(); ++it)
            enabled += it.value()[QLatin1String("enabled")].toBool() ? 1 : 0;
        const QString project =
            user.value->value(QLatin1String("project"))[QLatin1String("id")].toString();
        done(Result<QString>::success(
            tr("project %1, a user with %n integration(s) connected", nullptr, enabled)
                .arg(project)));
    });
}

void ParagonProvider::fetchConnections(QObject *context, ResultCallback<QList<Connection>> done)
{
    QPointer<QObject> guard(context);
    auto listUser = [this, guard, done] {
        if (!guard)
            return;
        fetchUser(guard, nullptr, [this, done](const Result<QJsonObject> &user) {
            if (!user.ok())
                return done(Result<QList<Connection>>::error(user.failure));
            const QList<Connection> connections = ParagonJson::credentials(*user.value, m_types);
            for (const Connection &connection : connections)
                m_integrationOfCredential.insert(
                    connection.id,
                    connection.configuration.value(QStringLiteral("integrationId")).toString());
            done(Result<QList<Connection>>::success(connections));
        });
    };
    if (!m_types.isEmpty())
        return listUser();
    // Names and logos come from the integrations: listed first, once.
    fetchConnectionTypes(context, {}, [listUser, done](const Result<ConnectionTypeList> &types) {
        if (!types.ok())
            return done(Result<QList<Connection>>::error(types.failure));
        listUser();
    });
}

void ParagonProvider::removeConnection(const QString &id, QObject *context,
                                       ResultCallback<bool> done)
{
    QString integrationId = m_integrationOfCredential.value(id);
    if (integrationId.isEmpty()) {
        done(Result<bool>::error(ApiFailure::configuration(
            QStringLiteral("unknown_connection"),
            tr("This account is not in the list Paragon gave last. Refresh the list, then try "
               "again."))));
        return;
    }
    QPointer<QObject> guard(context);
    // The SDK's uninstallIntegration(type, {selectedCredentialId}): the credential rides in a
    // header of its own.
    call("DELETE", m_endpoint.projectUrl(QStringLiteral("/sdk/integrations/") + integrationId),
         {{"X-Paragon-Credential", id.toUtf8()}}, context, nullptr,
         [this, guard, id, done](const Result<QJsonDocument> &result) {
             if (!guard)
                 return;
             if (!result.ok())
                 return done(Result<bool>::error(result.failure));
             m_integrationOfCredential.remove(id);
             done(Result<bool>::success(true));
         });
}

ConnectAttempt *ParagonProvider::beginAttempt(const SessionRequest &request, ExchangeLog *log,
                                              QObject *parent)
{
    return new ParagonAttempt(this, request, log, parent);
}
