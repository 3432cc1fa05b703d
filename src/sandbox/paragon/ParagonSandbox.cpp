#include "sandbox/paragon/ParagonSandbox.h"

#include "core/paragon/Jwt.h"

#include <QCoreApplication>
#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QSaveFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

namespace {

// A project id as Paragon's look (a UUID), the same every run so that a state file fits.
constexpr auto defaultProjectId = "5c1e4f7a-2b0d-4c3e-9a61-0d2f5e8b7c14";

struct CatalogueEntry
{
    const char *type;
    const char *name;
    const char *color;
};

// Paragon's own type ids for well-known integrations, with their brand colours.
constexpr CatalogueEntry catalogue[] = {
    {"salesforce", "Salesforce", "#00A1E0"},
    {"hubspot", "HubSpot", "#FF7A59"},
    {"slack", "Slack", "#4A154B"},
    {"jira", "Jira", "#0052CC"},
    {"notion", "Notion", "#000000"},
    {"zendesk", "Zendesk", "#03363D"},
    {"shopify", "Shopify", "#5E8E3E"},
    {"googledrive", "Google Drive", "#1FA463"},
    {"gmail", "Gmail", "#EA4335"},
    {"googleCalendar", "Google Calendar", "#4285F4"},
    {"intercom", "Intercom", "#1F8DED"},
    {"asana", "Asana", "#F06A6A"},
    {"pipedrive", "Pipedrive", "#017737"},
    {"zoho", "Zoho CRM", "#E42527"},
    {"dynamicsfinance", "Dynamics 365", "#002050"},
    {"quickbooks", "QuickBooks", "#2CA01C"},
    {"netsuite", "NetSuite", "#1A3D6E"},
    {"github", "GitHub", "#181717"},
    {"linear", "Linear", "#5E6AD2"},
    {"clickup", "ClickUp", "#7B68EE"},
    {"monday", "monday.com", "#FF3D57"},
    {"dropbox", "Dropbox", "#0061FF"},
    {"box", "Box", "#0061D5"},
    {"sharepoint", "SharePoint", "#036C70"},
    {"outlook", "Outlook", "#0078D4"},
    {"microsoftTeams", "Microsoft Teams", "#5059C9"},
    {"marketo", "Marketo", "#5C4C9F"},
    {"mailchimp", "Mailchimp", "#7A5C00"},
    {"stripe", "Stripe", "#635BFF"},
    {"xero", "Xero", "#13B5EA"},
};

QByteArray json(const QJsonValue &value)
{
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

QByteArray message(const QString &text)
{
    return json(QJsonObject{{QStringLiteral("message"), text}});
}

// The initials of a name, for its drawn icon ("Google Drive" → "GD").
QString initialsOf(const QString &name)
{
    QString initials;
    for (const QString &word : name.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (initials.size() < 2 && word.at(0).isLetterOrNumber())
            initials += word.at(0).toUpper();
    }
    return initials.isEmpty() ? QStringLiteral("?") : initials;
}

QByteArray iconOf(const CatalogueEntry &entry)
{
    // White on the brand colour; every brand colour above is dark enough for it (AA, large).
    return QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 64\" "
                          "width=\"64\" height=\"64\"><rect width=\"64\" height=\"64\" rx=\"14\" "
                          "fill=\"%1\"/><text x=\"32\" y=\"41\" font-family=\"DejaVu Sans, "
                          "sans-serif\" font-size=\"24\" font-weight=\"bold\" fill=\"#ffffff\" "
                          "text-anchor=\"middle\">%2</text></svg>")
        .arg(QLatin1String(entry.color), initialsOf(QLatin1String(entry.name)))
        .toUtf8();
}

const CatalogueEntry *entryOf(const QString &type)
{
    for (const CatalogueEntry &entry : catalogue) {
        if (type == QLatin1String(entry.type))
            return &entry;
    }
    return nullptr;
}

QString isoOf(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

ParagonSandbox::ParagonSandbox(const ParagonSandboxOptions &options, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_options(options)
    , m_projectId(options.projectId.isEmpty() ? QLatin1String(defaultProjectId) : options.projectId)
{
    load();
    if (m_privateKey.isEmpty()) {
        const Jwt::KeyPair pair = Jwt::generateKeyPair();
        m_privateKey = pair.privateKeyPem;
        m_publicKey = pair.publicKeyPem;
        save();
    }
}

ParagonSandbox::~ParagonSandbox() = default;

bool ParagonSandbox::start(QString *error)
{
    if (m_tcp)
        return true;
    auto *tcp = new QTcpServer(this);
    if (!tcp->listen(QHostAddress::LocalHost, m_options.port)) {
        if (error)
            *error = tr("Cannot listen on 127.0.0.1:%1 (%2). Choose another port with --port, or "
                        "0 for any.")
                         .arg(m_options.port)
                         .arg(tcp->errorString());
        delete tcp;
        return false;
    }
    m_tcp = tcp;
    m_port = tcp->serverPort();
    bind(tcp);
    return true;
}

QUrl ParagonSandbox::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

QMap<QString, QUrl> ParagonSandbox::environments() const
{
    const QString base = url().toString();
    auto at = [&](const char *path) {
        return QUrl(base + QLatin1String(path));
    };
    return {{QStringLiteral("ZEUS_PUBLIC_URL"), at("/zeus")},
            {QStringLiteral("CONNECT_PUBLIC_URL"), at("/connect")},
            {QStringLiteral("PASSPORT_PUBLIC_URL"), at("/passport")},
            {QStringLiteral("PASSPORT_PRODUCTION_URL"), at("/passport")},
            {QStringLiteral("HERMES_PUBLIC_URL"), at("/hermes")},
            {QStringLiteral("WORKER_PROXY_PUBLIC_URL"), at("/worker")},
            {QStringLiteral("CDN_PUBLIC_URL"), at("/cdn")},
            {QStringLiteral("DASHBOARD_PUBLIC_URL"), at("/dashboard")},
            {QStringLiteral("API_TRIGGER_KIT_PUBLIC_URL"), at("/trigger-kit")}};
}

QUrl ParagonSandbox::tokenUrl() const
{
    return QUrl(url().toString() + QStringLiteral("/backend/token"));
}

QString ParagonSandbox::signToken(const QString &userId, int ttlSeconds) const
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    return Jwt::signRs256({{QStringLiteral("sub"), userId},
                           {QStringLiteral("iat"), double(now)},
                           {QStringLiteral("exp"), double(now + ttlSeconds)}},
                          m_privateKey);
}

QJsonObject ParagonSandbox::describe() const
{
    QJsonObject environments;
    const auto all = this->environments();
    for (auto it = all.begin(); it != all.end(); ++it)
        environments.insert(it.key(), it.value().toString());
    return {{QStringLiteral("platform"), QStringLiteral("paragon")},
            {QStringLiteral("project_id"), m_projectId},
            {QStringLiteral("environments"), environments},
            {QStringLiteral("token_url"), tokenUrl().toString()}};
}

QString ParagonSandbox::userOf(const QHttpServerRequest &request) const
{
    QString token;
    const QByteArray authorization = request.value("Authorization");
    if (authorization.startsWith("Bearer "))
        token = QString::fromLatin1(authorization.mid(7));
    if (token.isEmpty())
        token = QUrlQuery(request.url())
                    .queryItemValue(QStringLiteral("userToken"), QUrl::FullyDecoded);
    QJsonObject claims;
    if (token.isEmpty() || !Jwt::verifyRs256(token, m_publicKey, &claims))
        return {};
    const QString subject = claims.value(QStringLiteral("sub")).toString();
    const double expires = claims.value(QStringLiteral("exp")).toDouble();
    if (subject.isEmpty() || expires <= double(QDateTime::currentSecsSinceEpoch()))
        return {};
    return subject;
}

QString ParagonSandbox::integrationIdOf(const QString &type) const
{
    // Stable ids, so that a state file and a page's cache agree across runs.
    return QUuid::createUuidV5(QUuid(QLatin1String(defaultProjectId)), type)
        .toString(QUuid::WithoutBraces);
}

QString ParagonSandbox::typeOfIntegration(const QString &integrationId) const
{
    for (const CatalogueEntry &entry : catalogue) {
        if (integrationIdOf(QLatin1String(entry.type)) == integrationId)
            return QLatin1String(entry.type);
    }
    return {};
}

QJsonArray ParagonSandbox::integrationsJson() const
{
    QJsonArray list;
    for (const CatalogueEntry &entry : catalogue) {
        const QString name = QLatin1String(entry.name);
        const QJsonObject values{
            {QStringLiteral("accentColor"), QLatin1String(entry.color)},
            {QStringLiteral("description"),
             tr("Sync your %1 data (sandbox stand-in; nothing leaves this computer).").arg(name)},
            {QStringLiteral("overview"), tr("Connect your %1 account.").arg(name)},
            {QStringLiteral("sharedMeta"), QJsonObject{{QStringLiteral("inputs"), QJsonArray{}}}},
            {QStringLiteral("workflowMeta"), QJsonObject{}}};
        list.append(QJsonObject{{QStringLiteral("id"), integrationIdOf(QLatin1String(entry.type))},
                                {QStringLiteral("type"), QLatin1String(entry.type)},
                                {QStringLiteral("name"), name},
                                {QStringLiteral("brandColor"), QLatin1String(entry.color)},
                                {QStringLiteral("isActive"), true},
                                {QStringLiteral("configs"),
                                 QJsonArray{QJsonObject{{QStringLiteral("values"), values}}}},
                                {QStringLiteral("workflows"), QJsonArray{}},
                                {QStringLiteral("needPreOauthInputs"), false},
                                {QStringLiteral("sdkIntegrationConfig"),
                                 QJsonObject{{QStringLiteral("accountTypes"), QJsonArray{}},
                                             {QStringLiteral("authConfigInputs"), QJsonArray{}},
                                             {QStringLiteral("postOauthInputs"), QJsonArray{}},
                                             {QStringLiteral("oauthInputs"), QJsonArray{}},
                                             {QStringLiteral("dataSources"), QJsonObject{}}}}});
    }
    return list;
}

QJsonObject ParagonSandbox::credentialJson(const Credential &credential) const
{
    const QJsonObject configuration{{QStringLiteral("id"), credential.configurationId},
                                    {QStringLiteral("connectCredentialId"), credential.id},
                                    {QStringLiteral("isDefault"), true},
                                    {QStringLiteral("workflowSettings"), QJsonObject{}},
                                    {QStringLiteral("sharedSettings"), QJsonObject{}},
                                    {QStringLiteral("configMeta"), QJsonObject{}}};
    return {{QStringLiteral("id"), credential.id},
            {QStringLiteral("projectId"), m_projectId},
            {QStringLiteral("integrationId"), integrationIdOf(credential.type)},
            {QStringLiteral("personaId"), credential.user},
            {QStringLiteral("status"), credential.status},
            {QStringLiteral("providerId"), credential.providerId},
            {QStringLiteral("providerData"), QJsonObject{}},
            {QStringLiteral("configurations"), QJsonArray{configuration}},
            {QStringLiteral("dateCreated"), isoOf(credential.created)},
            {QStringLiteral("dateUpdated"), isoOf(credential.updated)}};
}

QJsonObject ParagonSandbox::userState(const QString &user) const
{
    QJsonObject integrations;
    for (const CatalogueEntry &entry : catalogue) {
        const QString type = QLatin1String(entry.type);
        QJsonArray all;
        QJsonArray configurations;
        const Credential *newest = nullptr;
        for (const Credential &credential : m_credentials) {
            if (credential.user != user || credential.type != type)
                continue;
            const QJsonObject object = credentialJson(credential);
            all.append(object);
            configurations.append(object.value(QStringLiteral("configurations")).toArray().at(0));
            if (!newest || credential.created > newest->created)
                newest = &credential;
        }
        QJsonObject state{
            {QStringLiteral("enabled"), newest && newest->status == QLatin1String("VALID")},
            {QStringLiteral("allCredentials"), all},
            {QStringLiteral("allConfigurations"), configurations}};
        if (newest) {
            state.insert(QStringLiteral("credentialId"), newest->id);
            state.insert(QStringLiteral("credentialStatus"), newest->status);
            state.insert(QStringLiteral("providerId"), newest->providerId);
        }
        integrations.insert(type, state);
    }
    return {{QStringLiteral("integrations"), integrations},
            {QStringLiteral("meta"), QJsonObject{}},
            {QStringLiteral("resources"), QJsonArray{}},
            {QStringLiteral("project"),
             QJsonObject{{QStringLiteral("id"), m_projectId},
                         {QStringLiteral("accessibleFeatures"),
                          QJsonArray{QStringLiteral("headless-cp")}}}}};
}

ParagonSandbox::Credential *ParagonSandbox::findCredential(const QString &id)
{
    for (Credential &credential : m_credentials) {
        if (credential.id == id)
            return &credential;
    }
    return nullptr;
}

QString ParagonSandbox::connectCredential(const QString &user, const QString &type,
                                          const QString &reconnect)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString status =
        m_options.pendingCredentials ? QStringLiteral("PENDING") : QStringLiteral("VALID");
    if (Credential *existing = findCredential(reconnect);
        existing && existing->user == user && existing->type == type) {
        existing->status = status;
        existing->updated = now;
        save();
        return existing->id;
    }
    Credential credential;
    credential.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    credential.configurationId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    credential.user = user;
    credential.type = type;
    credential.status = status;
    int count = 1;
    for (const Credential &other : std::as_const(m_credentials))
        count += other.user == user && other.type == type ? 1 : 0;
    credential.providerId = QStringLiteral("sandbox-account-%1").arg(count);
    credential.created = now;
    credential.updated = now;
    m_credentials.append(credential);
    save();
    return credential.id;
}

ParagonSandbox::Reply ParagonSandbox::page(const QString &name,
                                           const QHash<QByteArray, QByteArray> &values) const
{
    QFile file(QStringLiteral(":/sandbox/paragon/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {404, "text/plain", "not found"};
    QByteArray body = file.readAll();
    for (auto it = values.begin(); it != values.end(); ++it)
        body.replace("@" + it.key() + "@", QString::fromUtf8(it.value()).toHtmlEscaped().toUtf8());
    QByteArray type = "text/html; charset=utf-8";
    if (name.endsWith(QLatin1String(".js")))
        type = "text/javascript; charset=utf-8";
    else if (name.endsWith(QLatin1String(".css")))
        type = "text/css; charset=utf-8";
    return {200, type, body};
}

ParagonSandbox::Reply ParagonSandbox::zeus(const QHttpServerRequest &request, const QString &path)
{
    const QString method =
        QString::fromLatin1(request.method() == QHttpServerRequest::Method::Get          ? "GET"
                                : request.method() == QHttpServerRequest::Method::Post   ? "POST"
                                : request.method() == QHttpServerRequest::Method::Patch  ? "PATCH"
                                : request.method() == QHttpServerRequest::Method::Delete ? "DELETE"
                                                                                         : "OTHER");
    // /projects/{id}/... and /v2/projects/{id}/...
    QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (!parts.isEmpty() && parts.constFirst() == QLatin1String("v2"))
        parts.removeFirst();
    if (parts.size() < 3 || parts.at(0) != QLatin1String("projects")
        || parts.at(2) != QLatin1String("sdk"))
        return {404, "application/json", message(QStringLiteral("Not found"))};
    if (parts.at(1) != m_projectId)
        return {404, "application/json",
                message(tr("No project %1 in this sandbox; its project is %2.")
                            .arg(parts.at(1), m_projectId))};
    const QString user = userOf(request);
    if (user.isEmpty())
        return {401, "application/json", message(QStringLiteral("Unauthorized"))};
    const QStringList rest = parts.mid(3);
    const QString route = rest.join(QLatin1Char('/'));
    const QUrlQuery query(request.url());

    if (route == QLatin1String("me")
        && (method == QLatin1String("GET") || method == QLatin1String("PATCH")))
        return {200, "application/json", json(userState(user))};
    if (route == QLatin1String("integrations") && method == QLatin1String("GET"))
        return {200, "application/json", json(integrationsJson())};
    if (rest.size() == 2 && rest.at(0) == QLatin1String("integrations")
        && method == QLatin1String("DELETE")) {
        const QString type = typeOfIntegration(rest.at(1));
        const QString only = QString::fromLatin1(request.value("X-Paragon-Credential"));
        const qsizetype before = m_credentials.size();
        m_credentials.removeIf([&](const Credential &c) {
            return c.user == user && c.type == type && (only.isEmpty() || c.id == only);
        });
        if (m_credentials.size() == before)
            return {404, "application/json", message(tr("No such credential"))};
        save();
        return {200, "application/json", json(QJsonObject{{QStringLiteral("success"), true}})};
    }
    if (route == QLatin1String("credentials") && method == QLatin1String("POST")) {
        const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
        const QString type =
            typeOfIntegration(body.value(QStringLiteral("integrationId")).toString());
        if (type.isEmpty())
            return {400, "application/json", message(tr("Unknown integrationId"))};
        // The passport page made the credential when the consent was given; its payload names it.
        const QString made = body.value(QStringLiteral("payload"))
                                 .toObject()
                                 .value(QStringLiteral("sandboxCredentialId"))
                                 .toString();
        Credential *credential = findCredential(made);
        if (!credential || credential->user != user) {
            const QString id = connectCredential(user, type, {});
            credential = findCredential(id);
        }
        return {200, "application/json", json(credentialJson(*credential))};
    }
    if (rest.size() == 2 && rest.at(0) == QLatin1String("credentials")
        && method == QLatin1String("GET")) {
        const Credential *credential = findCredential(rest.at(1));
        if (!credential || credential->user != user)
            return {404, "application/json", message(tr("No such credential"))};
        return {200, "application/json", json(credentialJson(*credential))};
    }
    if (rest.size() == 3 && rest.at(0) == QLatin1String("actions")
        && rest.at(1) == QLatin1String("session-id")) {
        if (method == QLatin1String("DELETE")) {
            m_oauth.remove(rest.at(2));
            return {200, "application/json", "{}"};
        }
        const OAuthSession session = m_oauth.value(rest.at(2));
        QJsonObject answer;
        if (session.user == user && !session.credentialId.isEmpty())
            answer.insert(QStringLiteral("connectCredentialId"), session.credentialId);
        return {200, "application/json", json(answer)};
    }
    if (route == QLatin1String("actions/build-oauth")) {
        if (m_options.oauthStartStatus >= 400)
            return {m_options.oauthStartStatus, "application/json",
                    message(tr("The sandbox refused to start the sign-in (a fault option)."))};
        const QString type =
            typeOfIntegration(query.queryItemValue(QStringLiteral("integrationId")));
        const QString key = query.queryItemValue(QStringLiteral("oauthMetaKeyId"));
        if (type.isEmpty() || key.isEmpty())
            return {400, "application/json",
                    message(tr("integrationId and oauthMetaKeyId are needed"))};
        const QJsonObject install =
            QJsonDocument::fromJson(
                query.queryItemValue(QStringLiteral("installOptions"), QUrl::FullyDecoded).toUtf8())
                .object();
        m_oauth.insert(
            key,
            {user, type, install.value(QStringLiteral("selectedCredentialId")).toString(), {}});
        QUrl consent(url().toString() + QStringLiteral("/provider/consent"));
        consent.setQuery(QUrlQuery{{QStringLiteral("session"), key}});
        return {200, "application/json",
                json(QJsonObject{{QStringLiteral("redirectUrl"), consent.toString()}})};
    }
    if (route == QLatin1String("actions/oauth-nonce")) {
        const QString origin =
            query.queryItemValue(QStringLiteral("originForPostMessage"), QUrl::FullyDecoded);
        return page(QStringLiteral("nonce.html"), {{"ORIGIN", origin.toUtf8()}});
    }
    return {404, "application/json", message(QStringLiteral("Not found"))};
}

ParagonSandbox::Reply ParagonSandbox::route(const QHttpServerRequest &request)
{
    const QString path = request.url().path();
    const QUrlQuery query(request.url());
    if (path == QLatin1String("/backend/token")) {
        const QString user = query.queryItemValue(QStringLiteral("sub"), QUrl::FullyDecoded);
        if (user.isEmpty())
            return {400, "application/json", message(tr("Name the user: ?sub=USER_ID"))};
        QString token = signToken(user, 3600);
        if (m_options.tokenFault == QLatin1String("expired"))
            token = signToken(user, -60);
        else if (m_options.tokenFault == QLatin1String("forged"))
            token = Jwt::signRs256(
                {{QStringLiteral("sub"), user},
                 {QStringLiteral("exp"), double(QDateTime::currentSecsSinceEpoch() + 3600)}},
                Jwt::generateKeyPair().privateKeyPem);
        return {200, "application/json", json(QJsonObject{{QStringLiteral("token"), token}})};
    }
    if (path == QLatin1String("/zeus/nonce.js"))
        return page(QStringLiteral("nonce.js"));
    if (path.startsWith(QLatin1String("/zeus/")))
        return zeus(request, path.mid(5));
    if (path == QLatin1String("/connect/ui")) {
        if (m_options.blankPortal)
            return {200, "text/html; charset=utf-8", "<!DOCTYPE html><title></title>"};
        return page(QStringLiteral("portal.html"));
    }
    if (path == QLatin1String("/connect/portal.js"))
        return page(QStringLiteral("portal.js"));
    if (path == QLatin1String("/provider/consent")) {
        const OAuthSession session = m_oauth.value(query.queryItemValue(QStringLiteral("session")));
        const CatalogueEntry *entry = entryOf(session.type);
        if (!entry)
            return {400, "text/plain; charset=utf-8", "This sign-in has expired. Start again."};
        return page(QStringLiteral("consent.html"),
                    {{"NAME", QByteArray(entry->name)},
                     {"SESSION", query.queryItemValue(QStringLiteral("session")).toUtf8()},
                     {"LOSES_OPENER", m_options.popupLosesOpener ? "true" : "false"}});
    }
    if (path == QLatin1String("/passport/oauth")) {
        const QString key = query.queryItemValue(QStringLiteral("session"));
        if (!m_oauth.contains(key))
            return {400, "text/plain; charset=utf-8", "This sign-in has expired. Start again."};
        OAuthSession &session = m_oauth[key];
        const bool allowed =
            query.queryItemValue(QStringLiteral("answer")) == QLatin1String("allow")
            && !m_options.oauthError;
        QByteArray credential;
        if (allowed) {
            session.credentialId = connectCredential(session.user, session.type, session.reconnect);
            credential = session.credentialId.toUtf8();
        }
        return page(QStringLiteral("passport.html"),
                    {{"INTEGRATION", integrationIdOf(session.type).toUtf8()},
                     {"CREDENTIAL", credential},
                     {"OUTCOME", allowed ? "success" : "error"}});
    }
    if (path == QLatin1String("/passport/passport.js")
        || path == QLatin1String("/provider/consent.js"))
        return page(path.section(QLatin1Char('/'), -1));
    if (path.startsWith(QLatin1String("/cdn/integrations/"))
        && path.endsWith(QLatin1String(".svg"))) {
        const CatalogueEntry *entry = entryOf(path.mid(18).chopped(4));
        if (!entry)
            return {404, "text/plain", "no such icon"};
        return {200, "image/svg+xml", iconOf(*entry)};
    }
    if (path.startsWith(QLatin1String("/sandbox/")))
        return page(path.mid(9));
    return {404, "application/json", message(QStringLiteral("Not found"))};
}

bool ParagonSandbox::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
    const QString path = request.url().path();
    // Pages of loopback origins (a customer's own page too) may call the sandbox.
    const QByteArray origin = request.value("Origin");
    const bool loopbackOrigin =
        origin.startsWith("http://127.0.0.1:") || origin.startsWith("http://localhost:");
    auto answer = [this, responder, origin, loopbackOrigin, path,
                   method = request.method()](const Reply &reply) {
        responder->writeStatusLine(QHttpServerResponder::StatusCode(reply.status));
        responder->writeHeader("Content-Type", reply.type);
        responder->writeHeader("Cache-Control", "no-store");
        responder->writeHeader("X-Content-Type-Options", "nosniff");
        if (loopbackOrigin) {
            responder->writeHeader("Access-Control-Allow-Origin", origin);
            responder->writeHeader("Vary", "Origin");
        }
        responder->writeHeader("Content-Length", QByteArray::number(reply.body.size()));
        responder->writeBody(reply.body);
        Q_EMIT requestServed(
            QString::fromLatin1(method == QHttpServerRequest::Method::Options      ? "OPTIONS"
                                    : method == QHttpServerRequest::Method::Post   ? "POST"
                                    : method == QHttpServerRequest::Method::Delete ? "DELETE"
                                                                                   : "GET"),
            path, reply.status);
    };
    if (request.method() == QHttpServerRequest::Method::Options) {
        responder->writeStatusLine(QHttpServerResponder::StatusCode::NoContent);
        if (loopbackOrigin) {
            responder->writeHeader("Access-Control-Allow-Origin", origin);
            responder->writeHeader("Access-Control-Allow-Methods",
                                   "GET, POST, PATCH, PUT, DELETE, OPTIONS");
            responder->writeHeader("Access-Control-Allow-Headers",
                                   "Authorization, Content-Type, Accept, X-Paragon-SDK-Version, "
                                   "X-Paragon-Credential, X-Paragon-Configuration-Id");
            responder->writeHeader("Access-Control-Max-Age", "600");
            responder->writeHeader("Vary", "Origin");
        }
        responder->writeHeader("Content-Length", "0");
        responder->writeBody(QByteArray());
        Q_EMIT requestServed(QStringLiteral("OPTIONS"), path, 204);
        return true;
    }
    const Reply reply = route(request);
    if (path == QLatin1String("/connect/ui") && m_options.portalDelayMs > 0) {
        QPointer<QTcpSocket> alive(socket);
        QTimer::singleShot(m_options.portalDelayMs, this, [alive, answer, reply] {
            if (alive)
                answer(reply);
        });
        return true;
    }
    answer(reply);
    return true;
}

void ParagonSandbox::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
}

void ParagonSandbox::load()
{
    if (m_options.stateFile.isEmpty())
        return;
    QFile file(m_options.stateFile);
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QJsonObject state = QJsonDocument::fromJson(file.readAll()).object();
    m_privateKey = state.value(QStringLiteral("privateKey")).toString().toUtf8();
    m_publicKey = state.value(QStringLiteral("publicKey")).toString().toUtf8();
    if (!Jwt::isPrivateKey(m_privateKey)) {
        m_privateKey.clear();
        m_publicKey.clear();
    }
    for (const QJsonValue &value : state.value(QStringLiteral("credentials")).toArray()) {
        const QJsonObject object = value.toObject();
        Credential credential;
        credential.id = object.value(QStringLiteral("id")).toString();
        credential.user = object.value(QStringLiteral("user")).toString();
        credential.type = object.value(QStringLiteral("type")).toString();
        credential.status = object.value(QStringLiteral("status")).toString();
        credential.providerId = object.value(QStringLiteral("providerId")).toString();
        credential.configurationId = object.value(QStringLiteral("configurationId")).toString();
        credential.created =
            QDateTime::fromString(object.value(QStringLiteral("created")).toString(), Qt::ISODate);
        credential.updated =
            QDateTime::fromString(object.value(QStringLiteral("updated")).toString(), Qt::ISODate);
        if (!credential.id.isEmpty() && entryOf(credential.type))
            m_credentials.append(credential);
    }
}

void ParagonSandbox::save() const
{
    if (m_options.stateFile.isEmpty())
        return;
    QJsonArray credentials;
    for (const Credential &credential : m_credentials)
        credentials.append(
            QJsonObject{{QStringLiteral("id"), credential.id},
                        {QStringLiteral("user"), credential.user},
                        {QStringLiteral("type"), credential.type},
                        {QStringLiteral("status"), credential.status},
                        {QStringLiteral("providerId"), credential.providerId},
                        {QStringLiteral("configurationId"), credential.configurationId},
                        {QStringLiteral("created"), isoOf(credential.created)},
                        {QStringLiteral("updated"), isoOf(credential.updated)}});
    // The sandbox's own key, never a real project's: kept so tokens survive a restart.
    const QJsonObject state{{QStringLiteral("privateKey"), QString::fromUtf8(m_privateKey)},
                            {QStringLiteral("publicKey"), QString::fromUtf8(m_publicKey)},
                            {QStringLiteral("credentials"), credentials}};
    QSaveFile file(m_options.stateFile);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(QJsonDocument(state).toJson());
        file.commit();
    }
}
