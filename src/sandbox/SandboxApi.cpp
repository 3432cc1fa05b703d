#include "sandbox/SandboxApi.h"

#include "core/polytomic/ApiError.h"
#include "core/polytomic/ApiVersion.h"
#include "core/polytomic/ConnectRequest.h"
#include "core/polytomic/ConnectSessionTicket.h"
#include "core/polytomic/IdempotencyKey.h"
#include "core/polytomic/JsonEnvelope.h"
#include "core/polytomic/PolytomicJson.h"
#include "sandbox/SandboxServer.h"
#include "sandbox/SandboxServerShared.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace SandboxShared;

bool SandboxApi::faultFires(const QString &path)
{
    const SandboxFaults &faults = m_state.options.faults;
    if (!faults.affectsApi() || !path.startsWith(faults.scope))
        return false;
    const int index = m_state.faultCounter++;
    if (faults.failFirst > 0)
        return index < faults.failFirst;
    if (faults.failureRate > 0.0)
        return m_state.faultRandom.generateDouble() < faults.failureRate;
    return true;
}

SandboxReply SandboxApi::faultReply(const QString &version) const
{
    const SandboxFaults &faults = m_state.options.faults;
    if (faults.malformedJson) {
        SandboxReply reply =
            SandboxReply::json(200, "{\"data\": {\"redirect_url\": \"http://127.0.0.1");
        return reply.withHeader(ApiVersion::headerName, version.toLatin1());
    }
    const int status = faults.forcedStatus != 0 ? faults.forcedStatus : 500;
    SandboxReply reply;
    if (status == 401)
        reply = SandboxReply::json(401,
                                   ApiError::errorShape(401, QStringLiteral("Unauthorized"),
                                                        tr("invalid token (sandbox fault)")));
    else
        reply = apiMessage(status, tr("sandbox fault: forced status %1").arg(status),
                           QStringLiteral("sandbox_fault"));
    return reply.withHeader(ApiVersion::headerName, version.toLatin1());
}

// ---------------------------------------------------------------------------------------------
// API

bool SandboxApi::authorized(const SandboxRequest &request) const
{
    const QByteArray header = request.header("Authorization");
    if (header.startsWith("Bearer "))
        return header.mid(7).trimmed() == m_state.apiKey.toUtf8();
    if (header.startsWith("Basic ")) {
        // On-premises form: base64(<organization id>:<key>).
        const QByteArray decoded = QByteArray::fromBase64(header.mid(6).trimmed());
        const qsizetype colon = decoded.indexOf(':');
        return colon > 0 && decoded.left(colon) == m_state.organizationId().toUtf8()
            && decoded.mid(colon + 1) == m_state.apiKey.toUtf8();
    }
    return false;
}

SandboxReply SandboxApi::route(const SandboxRequest &request, QString *idempotencyRecord)
{
    const QString &path = request.path;
    const QByteArray &method = request.method;

    // Like the frameworks that append slashes, the slash-less form answers with a redirect,
    // which turns a client's POST into a GET: clients must keep the trailing slash.
    if (path == QLatin1String("/api/connections/connect"))
        return SandboxReply::redirect(connectPath, 301);

    const QString requested = QString::fromLatin1(request.header(ApiVersion::headerName)).trimmed();
    const QString version = requested.isEmpty() ? ApiVersion::serverDefault() : requested;

    SandboxReply reply = [&]() -> SandboxReply {
        if (!authorized(request))
            return SandboxReply::json(401,
                                      ApiError::errorShape(401, QStringLiteral("Unauthorized"),
                                                           QStringLiteral("invalid token")));
        if (!ApiVersion::isKnown(version))
            return apiMessage(
                400,
                tr("Unknown API version \"%1\" in X-Polytomic-Version. Known versions: "
                   "%2.")
                    .arg(version, ApiVersion::known().join(QLatin1String(", "))),
                QStringLiteral("invalid_api_version"));

        if (path == QLatin1String(connectPath)) {
            if (method != "POST")
                return apiMessage(405, tr("Use POST to create a connect session."),
                                  QStringLiteral("method_not_allowed"));
            const QString key = QString::fromLatin1(request.header(IdempotencyKey::headerName));
            if (key.isEmpty())
                return createSession(request);
            if (!IdempotencyKey::isValid(key))
                return apiMessage(
                    400,
                    tr("Idempotency-Key must be 8 to 255 characters of letters, digits, "
                       "'_' and '-'."),
                    QStringLiteral("invalid_idempotency_key"));
            const QString recordKey = m_state.apiKey + QLatin1Char('\n') + key;
            auto existing = m_state.idempotency.constFind(recordKey);
            if (existing != m_state.idempotency.constEnd()) {
                if (existing->inFlight)
                    return apiMessage(409,
                                      tr("A request with this Idempotency-Key is still being "
                                         "processed. Retry after it finishes."),
                                      QStringLiteral("idempotency_conflict"));
                SandboxReply replay = existing->reply;
                return replay.withHeader("Idempotent-Replayed", "true");
            }
            SandboxReply created = createSession(request);
            m_state.idempotency.insert(recordKey, {true, created, QDateTime::currentDateTimeUtc()});
            *idempotencyRecord = recordKey;
            return created;
        }
        if (path == QLatin1String("/api/connection_types") && method == "GET")
            return listConnectionTypes(request);
        if (path == QLatin1String("/api/connections") && method == "GET")
            return listConnections();
        if (path.startsWith(QLatin1String("/api/connections/"))) {
            const QString id = path.mid(int(qstrlen("/api/connections/")));
            if (method == "GET")
                return getConnection(id);
            if (method == "DELETE")
                return deleteConnection(id);
            return apiMessage(405, tr("Use GET or DELETE on a connection."),
                              QStringLiteral("method_not_allowed"));
        }
        if (path == QLatin1String("/api/me") && method == "GET")
            return me();
        return apiMessage(404, tr("No such API endpoint: %1").arg(path),
                          QStringLiteral("not_found"));
    }();

    const QString echoed = ApiVersion::isKnown(version) ? version : ApiVersion::serverDefault();
    return reply.withHeader(ApiVersion::headerName, echoed.toLatin1());
}

SandboxReply SandboxApi::createSession(const SandboxRequest &request)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return apiMessage(400,
                          tr("The request body is not a JSON object (%1).")
                              .arg(parseError.error != QJsonParseError::NoError
                                       ? parseError.errorString()
                                       : tr("found another JSON value")),
                          QStringLiteral("invalid_json"));

    QList<ValidationProblem> problems;
    const auto parsed = ConnectRequest::fromJson(document.object(), &problems);
    if (!parsed)
        return unprocessable(problems.constFirst());
    const ConnectRequest connect = *parsed;
    problems = connect.validate();
    if (!problems.isEmpty())
        return unprocessable(problems.constFirst());

    QStringList types;
    if (!connect.type.isEmpty()) {
        if (!m_state.catalogue.contains(connect.type))
            return unprocessable(
                {QStringLiteral("type"), tr("unknown connection type \"%1\"").arg(connect.type)});
        types = {connect.type};
    } else {
        for (const QString &id : connect.whitelist) {
            if (!m_state.catalogue.contains(id))
                return unprocessable({QStringLiteral("whitelist"),
                                      tr("unknown connection type \"%1\" in whitelist").arg(id)});
            if (!types.contains(id))
                types.append(id);
        }
    }

    if (connect.isUpdate()) {
        const auto existing = m_state.store.find(connect.connection);
        if (!existing)
            return unprocessable({QStringLiteral("connection"),
                                  tr("connection %1 does not exist").arg(connect.connection)});
        types = {existing->typeId};
        const auto sameName = m_state.store.findByName(connect.name);
        if (sameName && sameName->id != existing->id)
            return unprocessable({QStringLiteral("name"),
                                  tr("name must be unique: a connection named "
                                     "\"%1\" already exists")
                                      .arg(connect.name)});
    } else if (m_state.store.findByName(connect.name)) {
        return unprocessable({QStringLiteral("name"),
                              tr("name must be unique: a connection named \"%1\" already exists")
                                  .arg(connect.name)});
    }
    if (types.isEmpty()) {
        for (const ConnectionType &type : m_state.catalogue.types())
            types.append(type.id);
    }

    m_state.purgeOldSessions();
    SandboxSession session;
    session.token = randomToken(24);
    session.name = connect.name;
    session.redirectUrl = connect.redirectUrl;
    session.types = types;
    session.dark = connect.dark;
    session.connectionId = connect.connection;
    session.expiresAt = QDateTime::currentDateTimeUtc().addSecs(m_state.options.sessionTtlSeconds);
    m_state.sessions.insert(session.token, session);

    ConnectSessionTicket ticket;
    ticket.modalUrl = m_state.modalUrl(session);
    ticket.token = session.token;
    return SandboxReply::json(200, JsonEnvelope::wrap(ticket.toJson()));
}

SandboxReply SandboxApi::listConnectionTypes(const SandboxRequest &request) const
{
    QJsonArray list;
    for (const ConnectionType &type : m_state.catalogue.types())
        list.append(PolytomicJson::toJson(type));
    const QByteArray body = JsonEnvelope::wrap(list);
    // A validator, so that clients can ask "has it changed?" (If-None-Match) and get a 304.
    const QByteArray etag = etagOf(body);
    SandboxReply reply = request.header("If-None-Match") == etag ? SandboxReply::empty(304)
                                                                 : SandboxReply::json(200, body);
    return reply.withHeader("ETag", etag).withHeader("Cache-Control", "private, no-cache");
}

SandboxReply SandboxApi::listConnections() const
{
    QJsonArray list;
    for (const Connection &connection : m_state.store.connections())
        list.append(PolytomicJson::toJson(connection));
    return SandboxReply::json(200, JsonEnvelope::wrap(list));
}

SandboxReply SandboxApi::getConnection(const QString &id) const
{
    const auto connection = m_state.store.find(id);
    if (!connection)
        return apiMessage(404, tr("connection %1 not found").arg(id), QStringLiteral("not_found"));
    return SandboxReply::json(200, JsonEnvelope::wrap(PolytomicJson::toJson(*connection)));
}

SandboxReply SandboxApi::deleteConnection(const QString &id)
{
    if (!m_state.store.remove(id))
        return apiMessage(404, tr("connection %1 not found").arg(id), QStringLiteral("not_found"));
    return SandboxReply::empty(204);
}

SandboxReply SandboxApi::me() const
{
    const QJsonObject user{
        {QLatin1String("id"), QStringLiteral("00000000-0000-4000-8000-000000000001")},
        {QLatin1String("email"), QStringLiteral("sandbox@example.com")},
        {QLatin1String("organization_id"), m_state.organizationId()},
        {QLatin1String("organization_name"), QStringLiteral("Sandbox Organization")},
        {QLatin1String("role"), QStringLiteral("admin")}};
    return SandboxReply::json(200, JsonEnvelope::wrap(user));
}

// ---------------------------------------------------------------------------------------------
// Modal
