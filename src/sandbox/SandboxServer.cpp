#include "sandbox/SandboxServer.h"

#include "core/model/ApiVersion.h"
#include "core/polytomic/ApiError.h"
#include "core/polytomic/ConnectRequest.h"
#include "core/polytomic/ConnectSessionTicket.h"
#include "core/polytomic/IdempotencyKey.h"
#include "core/polytomic/JsonEnvelope.h"
#include "core/system/LogCategories.h"
#include "sandbox/SandboxListener.h"
#include "sandbox/SandboxPages.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>
#include <QTimer>
#include <QUuid>

namespace {

// A strong validator for `content`, for ETag and If-None-Match.
QByteArray etagOf(const QByteArray &content)
{
    return '"' + QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex().left(16)
        + '"';
}

constexpr qint64 maxLogoBytes = 256 * 1024;
constexpr int maxFailedAttempts = 3;
constexpr auto connectPath = "/api/connections/connect/";

QString randomToken(int bytes)
{
    QByteArray data(bytes, Qt::Uninitialized);
    for (int i = 0; i < bytes; ++i)
        data[i] = char(QRandomGenerator::system()->bounded(256));
    return QString::fromLatin1(
        data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

SandboxReply apiMessage(int status, const QString &message, const QString &key,
                        const QJsonObject &metadata = {})
{
    return SandboxReply::json(status, ApiError::messageShape(status, message, key, metadata));
}

SandboxReply unprocessable(const ValidationProblem &problem)
{
    return apiMessage(422, problem.message, QStringLiteral("invalid_request"),
                      {{QLatin1String("field"), problem.field}});
}

SandboxReply jsonObject(int status, const QJsonObject &object)
{
    return SandboxReply::json(status, QJsonDocument(object).toJson(QJsonDocument::Compact));
}

bool readLogo(const QString &path, const char *option, QByteArray *out, QString *error)
{
    if (path.isEmpty())
        return true;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("SandboxServer", "%1 %2: cannot read it (%3).")
                     .arg(QLatin1String(option), path, file.errorString());
        return false;
    }
    if (file.size() > maxLogoBytes) {
        *error = QCoreApplication::translate(
                     "SandboxServer", "%1 %2: the file is larger than 256 KiB; use a smaller SVG.")
                     .arg(QLatin1String(option), path);
        return false;
    }
    const QByteArray data = file.readAll();
    if (!data.contains("<svg")) {
        *error = QCoreApplication::translate("SandboxServer", "%1 %2: this is not an SVG image.")
                     .arg(QLatin1String(option), path);
        return false;
    }
    *out = data;
    return true;
}

} // namespace

SandboxServer::SandboxServer(const SandboxOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_apiKey(options.apiKey.isEmpty() ? QStringLiteral("sandbox_") + randomToken(18)
                                        : options.apiKey)
    , m_faultRandom(options.faults.seed)
{ }

SandboxServer::~SandboxServer() = default;

bool SandboxServer::start(QString *error)
{
    QString problem;
    if (isRunning())
        return true;
    if (!m_storeOpened && !m_options.stateFile.isEmpty()) {
        if (!m_store.open(m_options.stateFile, &problem)) {
            if (error)
                *error = problem;
            return false;
        }
    }
    m_storeOpened = true;
    if (!readLogo(m_options.logoFile, "--logo", &m_logoLight, &problem)
        || !readLogo(m_options.logoDarkFile, "--logo-dark", &m_logoDark, &problem)) {
        if (error)
            *error = problem;
        return false;
    }

    auto tcp = std::make_unique<SandboxTcpServer>();
    if (!tcp->listen(QHostAddress::LocalHost, m_options.port)) {
        if (error)
            *error = tr("Cannot listen on 127.0.0.1:%1 (%2). Choose another port with --port, or 0 "
                        "for any free port.")
                         .arg(m_options.port)
                         .arg(tcp->errorString());
        return false;
    }
    m_port = tcp->serverPort();
    m_listener = std::make_unique<SandboxListener>(this);
    m_listener->bind(tcp.release());
    m_catalogue.setServerUrl(url());
    qCInfo(lcSandbox) << "listening on" << url().toString();
    return true;
}

void SandboxServer::stop()
{
    if (!m_listener)
        return;
    // Deleting the listener closes its TCP server and, with it, every socket it parented.
    for (QTcpServer *server : m_listener->servers())
        server->close();
    m_listener.reset();
    m_tlsListener.reset();
    m_port = 0;
    m_tlsPort = 0;
}

bool SandboxServer::isRunning() const
{
    return m_listener != nullptr;
}

QUrl SandboxServer::url() const
{
    if (!isRunning())
        return {};
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    return url;
}

void SandboxServer::setFaults(const SandboxFaults &faults)
{
    m_options.faults = faults;
    m_faultRandom.seed(faults.seed);
    m_faultCounter = 0;
}

// ---------------------------------------------------------------------------------------------
// Dispatch

void SandboxServer::handle(const SandboxRequest &request,
                           const std::shared_ptr<SandboxResponder> &responder)
{
    const QString method = QString::fromLatin1(request.method);
    const QString &path = request.path;

    if (path.startsWith(QLatin1String("/api/"))) {
        ++m_apiRequests;
        m_received.append({method, path,
                           QString::fromLatin1(request.header(IdempotencyKey::headerName)),
                           QString::fromLatin1(request.header(ApiVersion::headerName))});
        if (m_received.size() > 500)
            m_received.removeFirst();
        const int delay = m_options.faults.latencyMs;
        if (apiFaultFires(path)) {
            if (m_options.faults.dropConnection) {
                auto drop = [this, responder, method, path] {
                    responder->drop();
                    Q_EMIT requestServed(method, redactPath(path), 0);
                };
                if (delay > 0)
                    QTimer::singleShot(delay, this, drop);
                else
                    drop();
                return;
            }
            const QString sent =
                QString::fromLatin1(request.header(ApiVersion::headerName)).trimmed();
            deliver(responder,
                    apiFaultReply(ApiVersion::isKnown(sent) ? sent : ApiVersion::serverDefault()),
                    delay, method, path);
            return;
        }
        QString record;
        SandboxReply reply = routeApi(request, &record);
        deliver(responder, reply, delay, method, path, record);
        return;
    }

    int delay = 0;
    SandboxReply reply;
    if (path.startsWith(QLatin1String("/connect/"))) {
        reply = routeModal(request, &delay);
    } else if (path.startsWith(QLatin1String("/logos/")) && request.method == "GET") {
        reply = typeLogo(path.mid(7), request);
        delay = m_options.faults.logoDelayMs;
    } else if (path.startsWith(QLatin1String("/branding/")) && request.method == "GET") {
        reply = brandingLogo(path.mid(10));
    } else if (path == QLatin1String("/") && request.method == "GET") {
        reply = indexPage();
    } else if (path == QLatin1String("/attack/page") && request.method == "GET"
               && !m_options.faults.attack.isEmpty()) {
        reply = attackPage(request);
    } else if (path == QLatin1String("/attack/made") && !m_options.faults.attack.isEmpty()) {
        reply = SandboxReply::empty(204); // the attack says it was made: the request log shows it
    } else if (path == QLatin1String("/hostile/download.txt") && m_options.faults.hostileModal) {
        reply = hostileDownload();
    } else if (path == QLatin1String("/favicon.ico")) {
        reply = SandboxReply::empty(404);
    } else {
        reply = messagePage(404, tr("Not found"), tr("There is nothing at this address."));
    }
    deliver(responder, reply, delay, method, path);
}

void SandboxServer::deliver(const std::shared_ptr<SandboxResponder> &responder,
                            const SandboxReply &reply, int delayMs, const QString &method,
                            const QString &path, const QString &idempotencyRecord)
{
    auto send = [this, responder, reply, method, path, idempotencyRecord] {
        if (!idempotencyRecord.isEmpty()) {
            auto record = m_idempotency.find(idempotencyRecord);
            if (record != m_idempotency.end())
                record->inFlight = false;
        }
        responder->send(reply);
        Q_EMIT requestServed(method, redactPath(path), reply.status);
    };
    if (delayMs > 0)
        QTimer::singleShot(delayMs, this, send);
    else
        send();
}

bool SandboxServer::apiFaultFires(const QString &path)
{
    const SandboxFaults &faults = m_options.faults;
    if (!faults.affectsApi() || !path.startsWith(faults.scope))
        return false;
    const int index = m_faultCounter++;
    if (faults.failFirst > 0)
        return index < faults.failFirst;
    if (faults.failureRate > 0.0)
        return m_faultRandom.generateDouble() < faults.failureRate;
    return true;
}

SandboxReply SandboxServer::apiFaultReply(const QString &version) const
{
    const SandboxFaults &faults = m_options.faults;
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

bool SandboxServer::authorized(const SandboxRequest &request) const
{
    const QByteArray header = request.header("Authorization");
    if (header.startsWith("Bearer "))
        return header.mid(7).trimmed() == m_apiKey.toUtf8();
    if (header.startsWith("Basic ")) {
        // On-premises form: base64(<organization id>:<key>).
        const QByteArray decoded = QByteArray::fromBase64(header.mid(6).trimmed());
        const qsizetype colon = decoded.indexOf(':');
        return colon > 0 && decoded.left(colon) == organizationId().toUtf8()
            && decoded.mid(colon + 1) == m_apiKey.toUtf8();
    }
    return false;
}

SandboxReply SandboxServer::routeApi(const SandboxRequest &request, QString *idempotencyRecord)
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
            const QString recordKey = m_apiKey + QLatin1Char('\n') + key;
            auto existing = m_idempotency.constFind(recordKey);
            if (existing != m_idempotency.constEnd()) {
                if (existing->inFlight)
                    return apiMessage(409,
                                      tr("A request with this Idempotency-Key is still being "
                                         "processed. Retry after it finishes."),
                                      QStringLiteral("idempotency_conflict"));
                SandboxReply replay = existing->reply;
                return replay.withHeader("Idempotent-Replayed", "true");
            }
            SandboxReply created = createSession(request);
            m_idempotency.insert(recordKey, {true, created, QDateTime::currentDateTimeUtc()});
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

SandboxReply SandboxServer::createSession(const SandboxRequest &request)
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
        if (!m_catalogue.contains(connect.type))
            return unprocessable(
                {QStringLiteral("type"), tr("unknown connection type \"%1\"").arg(connect.type)});
        types = {connect.type};
    } else {
        for (const QString &id : connect.whitelist) {
            if (!m_catalogue.contains(id))
                return unprocessable({QStringLiteral("whitelist"),
                                      tr("unknown connection type \"%1\" in whitelist").arg(id)});
            if (!types.contains(id))
                types.append(id);
        }
    }

    if (connect.isUpdate()) {
        const auto existing = m_store.find(connect.connection);
        if (!existing)
            return unprocessable({QStringLiteral("connection"),
                                  tr("connection %1 does not exist").arg(connect.connection)});
        types = {existing->typeId};
        const auto sameName = m_store.findByName(connect.name);
        if (sameName && sameName->id != existing->id)
            return unprocessable({QStringLiteral("name"),
                                  tr("name must be unique: a connection named "
                                     "\"%1\" already exists")
                                      .arg(connect.name)});
    } else if (m_store.findByName(connect.name)) {
        return unprocessable({QStringLiteral("name"),
                              tr("name must be unique: a connection named \"%1\" already exists")
                                  .arg(connect.name)});
    }
    if (types.isEmpty()) {
        for (const ConnectionType &type : m_catalogue.types())
            types.append(type.id);
    }

    purgeOldSessions();
    Session session;
    session.token = randomToken(24);
    session.name = connect.name;
    session.redirectUrl = connect.redirectUrl;
    session.types = types;
    session.dark = connect.dark;
    session.connectionId = connect.connection;
    session.expiresAt = QDateTime::currentDateTimeUtc().addSecs(m_options.sessionTtlSeconds);
    m_sessions.insert(session.token, session);

    ConnectSessionTicket ticket;
    ticket.modalUrl = modalUrl(session);
    ticket.token = session.token;
    return SandboxReply::json(200, JsonEnvelope::wrap(ticket.toJson()));
}

SandboxReply SandboxServer::listConnectionTypes(const SandboxRequest &request) const
{
    QJsonArray list;
    for (const ConnectionType &type : m_catalogue.types())
        list.append(type.toJson());
    const QByteArray body = JsonEnvelope::wrap(list);
    // A validator, so that clients can ask "has it changed?" (If-None-Match) and get a 304.
    const QByteArray etag = etagOf(body);
    SandboxReply reply = request.header("If-None-Match") == etag ? SandboxReply::empty(304)
                                                                 : SandboxReply::json(200, body);
    return reply.withHeader("ETag", etag).withHeader("Cache-Control", "private, no-cache");
}

SandboxReply SandboxServer::listConnections() const
{
    QJsonArray list;
    for (const Connection &connection : m_store.connections())
        list.append(connection.toJson());
    return SandboxReply::json(200, JsonEnvelope::wrap(list));
}

SandboxReply SandboxServer::getConnection(const QString &id) const
{
    const auto connection = m_store.find(id);
    if (!connection)
        return apiMessage(404, tr("connection %1 not found").arg(id), QStringLiteral("not_found"));
    return SandboxReply::json(200, JsonEnvelope::wrap(connection->toJson()));
}

SandboxReply SandboxServer::deleteConnection(const QString &id)
{
    if (!m_store.remove(id))
        return apiMessage(404, tr("connection %1 not found").arg(id), QStringLiteral("not_found"));
    return SandboxReply::empty(204);
}

SandboxReply SandboxServer::me() const
{
    const QJsonObject user{
        {QLatin1String("id"), QStringLiteral("00000000-0000-4000-8000-000000000001")},
        {QLatin1String("email"), QStringLiteral("sandbox@example.com")},
        {QLatin1String("organization_id"), organizationId()},
        {QLatin1String("organization_name"), QStringLiteral("Sandbox Organization")},
        {QLatin1String("role"), QStringLiteral("admin")}};
    return SandboxReply::json(200, JsonEnvelope::wrap(user));
}

// ---------------------------------------------------------------------------------------------
// Modal

QUrl SandboxServer::sessionBase(const Session &session) const
{
    return url().resolved(QUrl(QStringLiteral("/connect/") + session.token));
}

QUrl SandboxServer::modalUrl(const Session &session)
{
    QUrl modal = sessionBase(session);
    if (m_options.faults.untrustedModal) {
        modal.setScheme(QStringLiteral("https"));
        modal.setPort(ensureUntrustedTlsPort());
    }
    return modal;
}

void SandboxServer::purgeOldSessions()
{
    // Keep ended sessions for an hour so a reused link still says "already used".
    const QDateTime horizon = QDateTime::currentDateTimeUtc().addSecs(-3600);
    m_sessions.removeIf([&](const auto &entry) { return entry.value().expiresAt < horizon; });
    const QDateTime dayAgo = QDateTime::currentDateTimeUtc().addDays(-1);
    m_idempotency.removeIf([&](const auto &entry) {
        return !entry.value().inFlight && entry.value().createdAt < dayAgo;
    });
}

SandboxReply SandboxServer::routeModal(const SandboxRequest &request, int *delayMs)
{
    // /connect/<token>[/<action>[/<type>[/grant]]]
    const QStringList parts = request.path.mid(9).split(QLatin1Char('/'));
    const QString token = parts.value(0);
    const QString action = parts.value(1);
    const bool wantsJson = request.method == "POST";
    auto found = m_sessions.find(token);
    if (found == m_sessions.end())
        return sessionGone(nullptr, wantsJson);
    Session &session = *found;

    // finish and close also end expired sessions, so the browser always gets back to the app.
    if (action == QLatin1String("finish") && request.method == "GET")
        return session.state == Session::State::Finished
            ? sessionGone(&session, false)
            : finish(session, request.query.queryItemValue(QStringLiteral("error")));
    if (action == QLatin1String("close") && request.method == "GET")
        return session.state == Session::State::Finished ? sessionGone(&session, false)
                                                         : close(session);

    if (session.state == Session::State::Finished || session.isExpired())
        return sessionGone(&session, wantsJson);

    if (action.isEmpty() && request.method == "GET") {
        *delayMs = m_options.faults.modalDelayMs;
        return modalPage(session, SandboxPages::negotiate(request.header("Accept-Language")));
    }
    if (action == QLatin1String("submit") && request.method == "POST")
        return submit(session, request);
    if (action == QLatin1String("oauth") && parts.size() == 3 && request.method == "GET")
        return oauthConsent(session, parts.at(2),
                            request.header("User-Agent").contains("QtWebEngine"),
                            SandboxPages::negotiate(request.header("Accept-Language")));
    if (action == QLatin1String("oauth") && parts.size() == 4
        && parts.at(3) == QLatin1String("grant") && request.method == "POST")
        return oauthGrant(session, parts.at(2));
    return messagePage(404, tr("Not found"), tr("There is nothing at this address."));
}

SandboxReply SandboxServer::modalPage(Session &session, const QString &language)
{
    const QByteArray nonce = SandboxPages::nonce();
    if (m_options.faults.blankModal) {
        SandboxReply reply = SandboxReply::html(200,
                                                "<!doctype html><html><head><title></title></head>"
                                                "<body></body></html>");
        return reply.withHeader("Content-Security-Policy",
                                SandboxPages::contentSecurityPolicy(nonce));
    }

    QJsonArray types;
    for (const QString &id : session.types) {
        const ConnectionType *type = m_catalogue.find(id);
        QJsonObject object = type->toJson();
        object.insert(QLatin1String("logo_url"), QStringLiteral("/logos/%1.svg").arg(id));
        object.remove(QLatin1String("capabilities"));
        types.append(object);
    }
    const QJsonValue lightLogo =
        m_logoLight.isEmpty() ? QJsonValue() : QStringLiteral("/branding/logo.svg");
    const QJsonValue darkLogo =
        m_logoDark.isEmpty() ? QJsonValue() : QStringLiteral("/branding/logo-dark.svg");
    const bool single = session.types.size() == 1;
    QJsonObject config{
        {QLatin1String("base"), QStringLiteral("/connect/") + session.token},
        {QLatin1String("dark"), session.dark},
        {QLatin1String("mode"),
         session.connectionId.isEmpty() ? QStringLiteral("create") : QStringLiteral("update")},
        {QLatin1String("name"), session.name},
        {QLatin1String("logo"),
         QJsonObject{{QLatin1String("light"), lightLogo}, {QLatin1String("dark"), darkLogo}}},
        {QLatin1String("types"), types},
        {QLatin1String("preselect"),
         single ? QJsonValue(session.types.constFirst()) : QJsonValue()},
        {QLatin1String("strings"), SandboxPages::strings(language, QStringLiteral("modal"))}};
    if (m_options.faults.hostileModal)
        config.insert(
            QLatin1String("hostile"),
            QJsonObject{{QLatin1String("download_url"), QStringLiteral("/hostile/download.txt")},
                        {QLatin1String("tls_url"),
                         QStringLiteral("https://127.0.0.1:%1/").arg(ensureUntrustedTlsPort())}});
    const QString attack = m_options.faults.attack;
    const QJsonObject attackContext{
        {QLatin1String("name"), attack},
        {QLatin1String("redirect"), session.redirectUrl.toString(QUrl::FullyEncoded)},
        {QLatin1String("peer"), QStringLiteral("http://localhost:%1").arg(url().port())}};
    if (!attack.isEmpty())
        config.insert(QLatin1String("attack"), attackContext);
    QByteArray page =
        SandboxPages::modal(config, session.dark, tr("Connect an account"), nonce, language);
    if (m_options.faults.hostileModal) {
        const QByteArray script = "<script nonce=\"" + nonce + "\">"
            + SandboxPages::resource(QStringLiteral("hostile.js")).toUtf8() + "</script>";
        page.replace("</body>", script + "</body>");
    }
    if (!attack.isEmpty())
        page.replace("</body>", attackScript(attack, attackContext, nonce) + "</body>");
    SandboxReply reply = SandboxReply::html(200, page);
    // An attacking page does not protect itself: javascript: addresses and other origins' frames
    // are its tools.
    if (attack.isEmpty())
        reply =
            reply.withHeader("Content-Security-Policy", SandboxPages::contentSecurityPolicy(nonce));
    return reply.withHeader("Referrer-Policy", "no-referrer");
}

SandboxReply SandboxServer::submit(Session &session, const SandboxRequest &request)
{
    const QString base = sessionBase(session).path();
    const auto fail = [](int status, const QString &message, const QString &field = {},
                         const QString &finishUrl = {}) {
        QJsonObject object{
            {QLatin1String("message"), message},
            {QLatin1String("field"), field.isEmpty() ? QJsonValue() : QJsonValue(field)}};
        if (!finishUrl.isEmpty())
            object.insert(QLatin1String("finish_url"), finishUrl);
        return jsonObject(status, object);
    };

    if (session.state != Session::State::Open)
        return fail(409, tr("This connect session has already finished."), {},
                    base + QStringLiteral("/finish"));

    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    if (!document.isObject())
        return fail(400, tr("The form could not be read. Reload the page and try again."));
    const QJsonObject body = document.object();
    const QString typeId = body.value(QLatin1String("type")).toString();
    const QJsonObject configuration = body.value(QLatin1String("configuration")).toObject();
    const ConnectionType *type =
        session.types.contains(typeId) ? m_catalogue.find(typeId) : nullptr;
    if (!type)
        return fail(422, tr("This integration is not offered in this session."));

    for (const FormField &field : type->fields) {
        const QString problem = field.check(configuration.value(field.id));
        if (!problem.isEmpty())
            return fail(422, problem, field.id);
    }

    if (type->useOAuth) {
        const QString code = body.value(QLatin1String("oauth_code")).toString();
        if (code.isEmpty() || session.oauthCodes.value(code) != typeId)
            return fail(422,
                        tr("Signing in to %1 was not completed. Click Sign in to try again.")
                            .arg(type->name));
        session.oauthCodes.remove(code); // an authorization code works once
    } else {
        // The sandbox's credential "test": the password "wrong" is always rejected.
        for (const FormField &field : type->fields) {
            if (field.isSecret()
                && configuration.value(field.id).toString() == QLatin1String("wrong")) {
                if (++session.failedAttempts >= maxFailedAttempts) {
                    session.state = Session::State::Failed;
                    session.failure = QStringLiteral("too_many_attempts");
                    return fail(422,
                                tr("Authentication failed %1 times. Start again from the app.")
                                    .arg(maxFailedAttempts),
                                field.id, base + QStringLiteral("/finish"));
                }
                return fail(422,
                            tr("Authentication failed: %1 rejected these credentials. Check them "
                               "and try again.")
                                .arg(type->name),
                            field.id);
            }
        }
    }

    const QDateTime now = QDateTime::currentDateTimeUtc();
    QJsonObject kept; // secrets are tested, never stored
    for (const FormField &field : type->fields) {
        if (!field.isSecret() && configuration.contains(field.id))
            kept.insert(field.id, configuration.value(field.id));
    }

    Connection connection;
    if (!session.connectionId.isEmpty()) {
        const auto existing = m_store.find(session.connectionId);
        if (!existing)
            return fail(410, tr("The connection being reconnected no longer exists."), {},
                        base + QStringLiteral("/finish?error=connection_removed"));
        connection = *existing;
    } else {
        if (m_store.findByName(session.name))
            return fail(422,
                        tr("A connection named \"%1\" already exists. Close this window and "
                           "choose another name.")
                            .arg(session.name));
        connection.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        connection.name = session.name;
        connection.organizationId = organizationId();
        connection.typeId = type->id;
        connection.typeName = type->name;
        connection.typeLogoUrl = type->logoUrl;
        connection.createdAt = now;
    }
    // The sandbox's other test value: a text field reading "unhealthy" saves the connection in
    // that state, as a platform does when its first sync check fails.
    const bool unhealthy =
        std::any_of(type->fields.cbegin(), type->fields.cend(), [&](const FormField &field) {
            return !field.isSecret()
                && configuration.value(field.id).toString() == QLatin1String("unhealthy");
        });
    connection.status = unhealthy ? QStringLiteral("unhealthy") : QStringLiteral("healthy");
    connection.statusError =
        unhealthy ? tr("sandbox: the first check of this connection failed") : QString();
    connection.configuration = kept;
    connection.updatedAt = now;
    if (session.connectionId.isEmpty())
        m_store.add(connection);
    else
        m_store.update(connection);

    session.state = Session::State::Completed;
    session.resultConnectionId = connection.id;
    return jsonObject(200, {{QLatin1String("finish_url"), base + QStringLiteral("/finish")}});
}

SandboxReply SandboxServer::finish(Session &session, const QString &clientFailure)
{
    QUrl target = session.redirectUrl;
    QUrlQuery query(target);
    if (session.state == Session::State::Completed) {
        query.addQueryItem(QStringLiteral("sandbox_result"), QStringLiteral("connected"));
        query.addQueryItem(QStringLiteral("sandbox_connection_id"), session.resultConnectionId);
    } else {
        QString reason = session.failure;
        if (reason.isEmpty() && session.isExpired())
            reason = QStringLiteral("session_expired");
        if (reason.isEmpty()) {
            static const QStringList known{
                QStringLiteral("session_expired"), QStringLiteral("too_many_attempts"),
                QStringLiteral("access_denied"), QStringLiteral("connection_removed")};
            reason = known.contains(clientFailure) ? clientFailure : QStringLiteral("unknown");
        }
        query.addQueryItem(QStringLiteral("sandbox_result"), QStringLiteral("failed"));
        query.addQueryItem(QStringLiteral("sandbox_error"), reason);
    }
    target.setQuery(query);
    session.state = Session::State::Finished;
    return SandboxReply::redirect(target.toEncoded());
}

SandboxReply SandboxServer::close(Session &session)
{
    if (session.state == Session::State::Completed || session.state == Session::State::Failed
        || session.isExpired())
        return finish(session, {});
    QUrl target = session.redirectUrl;
    QUrlQuery query(target);
    query.addQueryItem(QStringLiteral("sandbox_result"), QStringLiteral("closed"));
    target.setQuery(query);
    session.state = Session::State::Finished;
    return SandboxReply::redirect(target.toEncoded());
}

SandboxReply SandboxServer::oauthConsent(Session &session, const QString &typeId, bool embedded,
                                         const QString &language)
{
    if (m_options.faults.embeddedSignInRefused && embedded)
        return messagePage(
            403, tr("Error 403: disallowed_useragent"),
            tr("This sign-in provider does not allow signing in from embedded browsers "
               "(sandbox imitation). Use a secure browser to continue."));
    const ConnectionType *type =
        session.types.contains(typeId) ? m_catalogue.find(typeId) : nullptr;
    if (!type || !type->useOAuth)
        return messagePage(404, tr("Not found"), tr("This integration does not sign in this way."));
    const QByteArray nonce = SandboxPages::nonce();
    const QJsonObject config{
        {QLatin1String("base"), QStringLiteral("/connect/") + session.token},
        {QLatin1String("type"),
         QJsonObject{{QLatin1String("id"), type->id},
                     {QLatin1String("name"), type->name},
                     {QLatin1String("logo_url"), QStringLiteral("/logos/%1.svg").arg(type->id)}}},
        {QLatin1String("lose_opener"), m_options.faults.oauthLosesOpener},
        {QLatin1String("strings"), SandboxPages::strings(language, QStringLiteral("oauth"))}};
    SandboxReply reply = SandboxReply::html(
        200,
        SandboxPages::oauthConsent(config, session.dark, tr("Sign in to %1").arg(type->name), nonce,
                                   language));
    return reply.withHeader("Content-Security-Policy", SandboxPages::contentSecurityPolicy(nonce));
}

SandboxReply SandboxServer::oauthGrant(Session &session, const QString &typeId)
{
    const ConnectionType *type =
        session.types.contains(typeId) ? m_catalogue.find(typeId) : nullptr;
    if (!type || !type->useOAuth)
        return jsonObject(
            404, {{QLatin1String("message"), tr("This integration does not sign in this way.")}});
    const QString code = randomToken(16);
    session.oauthCodes.insert(code, typeId);
    return jsonObject(200, {{QLatin1String("code"), code}});
}

SandboxReply SandboxServer::sessionGone(const Session *session, bool asJson) const
{
    QString heading;
    QString text;
    int status = 410;
    if (!session) {
        status = 404;
        heading = tr("This connect link is not valid");
        text = tr("Go back to the app and start connecting again.");
    } else if (session->state == Session::State::Finished) {
        heading = tr("This connect session has already been used");
        text = tr("Each session works once. Go back to the app and start connecting again.");
    } else {
        heading = tr("This connect session has expired");
        const int ttl = m_options.sessionTtlSeconds;
        text = ttl >= 120
            ? tr("Sessions last %1 minutes. Go back to the app and start connecting again.")
                  .arg(ttl / 60)
            : tr("Sessions last %1 seconds. Go back to the app and start connecting again.")
                  .arg(ttl);
    }
    if (asJson) {
        QJsonObject object{{QLatin1String("message"), heading + QLatin1String(". ") + text}};
        if (session && session->state != Session::State::Finished)
            object.insert(QLatin1String("finish_url"),
                          sessionBase(*session).path()
                              + QStringLiteral("/finish?error=session_expired"));
        return jsonObject(status, object);
    }
    return messagePage(status, heading, text);
}

SandboxReply SandboxServer::messagePage(int status, const QString &heading,
                                        const QString &text) const
{
    const QByteArray nonce = SandboxPages::nonce();
    SandboxReply reply =
        SandboxReply::html(status, SandboxPages::message(heading, text, false, nonce));
    return reply.withHeader("Content-Security-Policy", SandboxPages::contentSecurityPolicy(nonce));
}

// ---------------------------------------------------------------------------------------------
// Static content

SandboxReply SandboxServer::typeLogo(const QString &fileName, const SandboxRequest &request) const
{
    if (!fileName.endsWith(QLatin1String(".svg")))
        return SandboxReply::empty(404);
    const QByteArray svg = m_catalogue.logoSvg(fileName.chopped(4));
    if (svg.isEmpty())
        return SandboxReply::empty(404);
    const QByteArray etag = etagOf(svg);
    SandboxReply reply =
        request.header("If-None-Match") == etag ? SandboxReply::empty(304) : SandboxReply();
    if (reply.status != 304) {
        reply.status = 200;
        reply.body = svg;
        reply.withHeader("Content-Type", "image/svg+xml");
    }
    return reply.withHeader("ETag", etag)
        .withHeader("Cache-Control", "public, max-age=86400")
        .withHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
}

SandboxReply SandboxServer::brandingLogo(const QString &fileName) const
{
    QByteArray svg;
    if (fileName == QLatin1String("logo.svg"))
        svg = m_logoLight;
    else if (fileName == QLatin1String("logo-dark.svg"))
        svg = m_logoDark;
    if (svg.isEmpty())
        return SandboxReply::empty(404);
    SandboxReply reply;
    reply.body = svg;
    return reply.withHeader("Content-Type", "image/svg+xml")
        .withHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
}

SandboxReply SandboxServer::indexPage() const
{
    return messagePage(
        200, tr("Connect sandbox"),
        tr("This server speaks the Polytomic Connect API under /api/ and serves its own "
           "connect modal. Create a session with POST /api/connections/connect/ and "
           "open the redirect_url it returns."));
}

QByteArray SandboxServer::attackScript(const QString &name, const QJsonObject &context,
                                       const QByteArray &nonce)
{
    return "<script nonce=\"" + nonce + "\">"
        + SandboxPages::resource(QStringLiteral("attacks.js")).toUtf8() + "\nconnectDesktopAttack("
        + QJsonDocument(QJsonArray{name}).toJson(QJsonDocument::Compact).mid(1).chopped(1) + ", "
        + QJsonDocument(context).toJson(QJsonDocument::Compact) + ");</script>";
}

SandboxReply SandboxServer::attackPage(const SandboxRequest &request) const
{
    // The attack's own small page, for popups and frames: /attack/page?run=NAME.
    const QString name = request.query.queryItemValue(QStringLiteral("run"));
    static const QRegularExpression valid(
        QRegularExpression::anchoredPattern(QStringLiteral("[a-z0-9-]{1,64}")));
    if (!valid.match(name).hasMatch())
        return messagePage(404, tr("Not found"), tr("There is nothing at this address."));
    const QJsonObject context{
        {QLatin1String("name"), name},
        {QLatin1String("peer"), QStringLiteral("http://localhost:%1").arg(url().port())}};
    const QByteArray page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Attack "
        + name.toUtf8() + "</title></head><body><p>" + name.toUtf8() + "</p>"
        + attackScript(name, context, {}).replace(" nonce=\"\"", "") + "</body></html>";
    return SandboxReply::html(200, page);
}

SandboxReply SandboxServer::hostileDownload() const
{
    SandboxReply reply;
    reply.body = "This file should never reach the disk: the app refuses downloads.\n";
    return reply.withHeader("Content-Type", "application/octet-stream")
        .withHeader("Content-Disposition", "attachment; filename=\"secrets.txt\"");
}

quint16 SandboxServer::ensureUntrustedTlsPort()
{
    if (m_tlsListener)
        return m_tlsPort;
    QFile certificateFile(QStringLiteral(":/sandbox/tls/untrusted.crt"));
    QFile keyFile(QStringLiteral(":/sandbox/tls/untrusted.key"));
    if (!certificateFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
        qCWarning(lcSandbox) << "the untrusted test certificate is missing from the resources";
        return 0;
    }
    m_tlsListener = std::make_unique<SandboxListener>(this);
    m_tlsListener->sslSetup(QSslCertificate(certificateFile.readAll()),
                            QSslKey(keyFile.readAll(), QSsl::Rsa));
    m_tlsPort = m_tlsListener->listen(QHostAddress::LocalHost, 0);
    qCInfo(lcSandbox) << "untrusted TLS listener on port" << m_tlsPort;
    return m_tlsPort;
}

QString SandboxServer::redactPath(const QString &path)
{
    if (!path.startsWith(QLatin1String("/connect/")))
        return path;
    const qsizetype end = path.indexOf(QLatin1Char('/'), 9);
    const QString token = path.mid(9, end < 0 ? -1 : end - 9);
    return QStringLiteral("/connect/") + token.left(4) + QStringLiteral("…")
        + (end < 0 ? QString() : path.mid(end));
}
