#include "sandbox/SandboxModal.h"

#include "core/polytomic/FormField.h"
#include "core/polytomic/PolytomicJson.h"
#include "sandbox/SandboxAttacks.h"
#include "sandbox/SandboxPages.h"
#include "sandbox/SandboxServer.h"
#include "sandbox/SandboxServerShared.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

using namespace SandboxShared;

SandboxReply SandboxModal::route(const SandboxRequest &request, int *delayMs)
{
    // /connect/<token>[/<action>[/<type>[/grant]]]
    const QStringList parts = request.path.mid(9).split(QLatin1Char('/'));
    const QString token = parts.value(0);
    const QString action = parts.value(1);
    const bool wantsJson = request.method == "POST";
    auto found = m_state.sessions.find(token);
    if (found == m_state.sessions.end())
        return sessionGone(nullptr, wantsJson);
    SandboxSession &session = *found;

    // finish and close also end expired sessions, so the browser always gets back to the app.
    if (action == QLatin1String("finish") && request.method == "GET")
        return session.state == SandboxSession::State::Finished
            ? sessionGone(&session, false)
            : finish(session, request.query.queryItemValue(QStringLiteral("error")));
    if (action == QLatin1String("close") && request.method == "GET")
        return session.state == SandboxSession::State::Finished ? sessionGone(&session, false)
                                                                : close(session);

    if (session.state == SandboxSession::State::Finished || session.isExpired())
        return sessionGone(&session, wantsJson);

    if (action.isEmpty() && request.method == "GET") {
        *delayMs = m_state.options.faults.modalDelayMs;
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
    return SandboxState::messagePage(404, tr("Not found"), tr("There is nothing at this address."));
}

SandboxReply SandboxModal::modalPage(SandboxSession &session, const QString &language)
{
    const QByteArray nonce = SandboxPages::nonce();
    if (m_state.options.faults.blankModal) {
        SandboxReply reply = SandboxReply::html(200,
                                                "<!doctype html><html><head><title></title></head>"
                                                "<body></body></html>");
        return reply.withHeader("Content-Security-Policy",
                                SandboxPages::contentSecurityPolicy(nonce));
    }

    QJsonArray types;
    for (const QString &id : session.types) {
        const ConnectionType *type = m_state.catalogue.find(id);
        QJsonObject object = PolytomicJson::toJson(*type);
        object.insert(QLatin1String("logo_url"), QStringLiteral("/logos/%1.svg").arg(id));
        object.remove(QLatin1String("capabilities"));
        types.append(object);
    }
    const QJsonValue lightLogo =
        m_state.logoLight.isEmpty() ? QJsonValue() : QStringLiteral("/branding/logo.svg");
    const QJsonValue darkLogo =
        m_state.logoDark.isEmpty() ? QJsonValue() : QStringLiteral("/branding/logo-dark.svg");
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
    if (m_state.options.faults.hostileModal)
        config.insert(
            QLatin1String("hostile"),
            QJsonObject{
                {QLatin1String("download_url"), QStringLiteral("/hostile/download.txt")},
                {QLatin1String("tls_url"),
                 QStringLiteral("https://127.0.0.1:%1/").arg(m_state.server->untrustedTlsPort())}});
    const QString attack = m_state.options.faults.attack;
    const QJsonObject attackContext{
        {QLatin1String("name"), attack},
        {QLatin1String("redirect"), session.redirectUrl.toString(QUrl::FullyEncoded)},
        {QLatin1String("peer"), QStringLiteral("http://localhost:%1").arg(m_state.url().port())}};
    if (!attack.isEmpty())
        config.insert(QLatin1String("attack"), attackContext);
    QByteArray page =
        SandboxPages::modal(config, session.dark, tr("Connect an account"), nonce, language);
    if (m_state.options.faults.hostileModal) {
        const QByteArray script = "<script nonce=\"" + nonce + "\">"
            + SandboxPages::resource(QStringLiteral("hostile.js")).toUtf8() + "</script>";
        page.replace("</body>", script + "</body>");
    }
    if (!attack.isEmpty())
        page.replace("</body>", SandboxAttacks::script(attack, attackContext, nonce) + "</body>");
    SandboxReply reply = SandboxReply::html(200, page);
    // An attacking page does not protect itself: javascript: addresses and other origins' frames
    // are its tools.
    if (attack.isEmpty())
        reply =
            reply.withHeader("Content-Security-Policy", SandboxPages::contentSecurityPolicy(nonce));
    return reply.withHeader("Referrer-Policy", "no-referrer");
}

SandboxReply SandboxModal::submit(SandboxSession &session, const SandboxRequest &request)
{
    const QString base = m_state.sessionBase(session).path();
    const auto fail = [](int status, const QString &message, const QString &field = {},
                         const QString &finishUrl = {}) {
        QJsonObject object{
            {QLatin1String("message"), message},
            {QLatin1String("field"), field.isEmpty() ? QJsonValue() : QJsonValue(field)}};
        if (!finishUrl.isEmpty())
            object.insert(QLatin1String("finish_url"), finishUrl);
        return jsonObject(status, object);
    };

    if (session.state != SandboxSession::State::Open)
        return fail(409, tr("This connect session has already finished."), {},
                    base + QStringLiteral("/finish"));

    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    if (!document.isObject())
        return fail(400, tr("The form could not be read. Reload the page and try again."));
    const QJsonObject body = document.object();
    const QString typeId = body.value(QLatin1String("type")).toString();
    const QJsonObject configuration = body.value(QLatin1String("configuration")).toObject();
    const ConnectionType *type =
        session.types.contains(typeId) ? m_state.catalogue.find(typeId) : nullptr;
    if (!type)
        return fail(422, tr("This integration is not offered in this session."));
    const QList<FormField> fields = FormField::of(*type);

    for (const FormField &field : fields) {
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
        for (const FormField &field : fields) {
            if (field.isSecret()
                && configuration.value(field.id).toString() == QLatin1String("wrong")) {
                if (++session.failedAttempts >= maxFailedAttempts) {
                    session.state = SandboxSession::State::Failed;
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
    for (const FormField &field : fields) {
        if (!field.isSecret() && configuration.contains(field.id))
            kept.insert(field.id, configuration.value(field.id));
    }

    Connection connection;
    if (!session.connectionId.isEmpty()) {
        const auto existing = m_state.store.find(session.connectionId);
        if (!existing)
            return fail(410, tr("The connection being reconnected no longer exists."), {},
                        base + QStringLiteral("/finish?error=connection_removed"));
        connection = *existing;
    } else {
        if (m_state.store.findByName(session.name))
            return fail(422,
                        tr("A connection named \"%1\" already exists. Close this window and "
                           "choose another name.")
                            .arg(session.name));
        connection.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        connection.name = session.name;
        connection.organizationId = m_state.organizationId();
        connection.typeId = type->id;
        connection.typeName = type->name;
        connection.typeLogoUrl = type->logoUrl;
        connection.createdAt = now;
    }
    // The sandbox's other test value: a text field reading "unhealthy" saves the connection in
    // that state, as a platform does when its first sync check fails.
    const bool unhealthy = std::any_of(fields.cbegin(), fields.cend(), [&](const FormField &field) {
        return !field.isSecret()
            && configuration.value(field.id).toString() == QLatin1String("unhealthy");
    });
    connection.status = unhealthy ? QStringLiteral("unhealthy") : QStringLiteral("healthy");
    connection.statusError =
        unhealthy ? tr("sandbox: the first check of this connection failed") : QString();
    connection.configuration = kept;
    connection.updatedAt = now;
    if (session.connectionId.isEmpty())
        m_state.store.add(connection);
    else
        m_state.store.update(connection);

    session.state = SandboxSession::State::Completed;
    session.resultConnectionId = connection.id;
    return jsonObject(200, {{QLatin1String("finish_url"), base + QStringLiteral("/finish")}});
}

SandboxReply SandboxModal::finish(SandboxSession &session, const QString &clientFailure)
{
    QUrl target = session.redirectUrl;
    QUrlQuery query(target);
    if (session.state == SandboxSession::State::Completed) {
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
    session.state = SandboxSession::State::Finished;
    return SandboxReply::redirect(target.toEncoded());
}

SandboxReply SandboxModal::close(SandboxSession &session)
{
    if (session.state == SandboxSession::State::Completed
        || session.state == SandboxSession::State::Failed || session.isExpired())
        return finish(session, {});
    QUrl target = session.redirectUrl;
    QUrlQuery query(target);
    query.addQueryItem(QStringLiteral("sandbox_result"), QStringLiteral("closed"));
    target.setQuery(query);
    session.state = SandboxSession::State::Finished;
    return SandboxReply::redirect(target.toEncoded());
}

SandboxReply SandboxModal::oauthConsent(SandboxSession &session, const QString &typeId,
                                        bool embedded, const QString &language)
{
    if (m_state.options.faults.embeddedSignInRefused && embedded)
        return SandboxState::messagePage(
            403, tr("Error 403: disallowed_useragent"),
            tr("This sign-in provider does not allow signing in from embedded browsers "
               "(sandbox imitation). Use a secure browser to continue."));
    const ConnectionType *type =
        session.types.contains(typeId) ? m_state.catalogue.find(typeId) : nullptr;
    if (!type || !type->useOAuth)
        return SandboxState::messagePage(404, tr("Not found"),
                                         tr("This integration does not sign in this way."));
    const QByteArray nonce = SandboxPages::nonce();
    const QJsonObject config{
        {QLatin1String("base"), QStringLiteral("/connect/") + session.token},
        {QLatin1String("type"),
         QJsonObject{{QLatin1String("id"), type->id},
                     {QLatin1String("name"), type->name},
                     {QLatin1String("logo_url"), QStringLiteral("/logos/%1.svg").arg(type->id)}}},
        {QLatin1String("lose_opener"), m_state.options.faults.oauthLosesOpener},
        {QLatin1String("strings"), SandboxPages::strings(language, QStringLiteral("oauth"))}};
    SandboxReply reply = SandboxReply::html(
        200,
        SandboxPages::oauthConsent(config, session.dark, tr("Sign in to %1").arg(type->name), nonce,
                                   language));
    return reply.withHeader("Content-Security-Policy", SandboxPages::contentSecurityPolicy(nonce));
}

SandboxReply SandboxModal::oauthGrant(SandboxSession &session, const QString &typeId)
{
    const ConnectionType *type =
        session.types.contains(typeId) ? m_state.catalogue.find(typeId) : nullptr;
    if (!type || !type->useOAuth)
        return jsonObject(
            404, {{QLatin1String("message"), tr("This integration does not sign in this way.")}});
    const QString code = randomToken(16);
    session.oauthCodes.insert(code, typeId);
    return jsonObject(200, {{QLatin1String("code"), code}});
}

SandboxReply SandboxModal::sessionGone(const SandboxSession *session, bool asJson) const
{
    QString heading;
    QString text;
    int status = 410;
    if (!session) {
        status = 404;
        heading = tr("This connect link is not valid");
        text = tr("Go back to the app and start connecting again.");
    } else if (session->state == SandboxSession::State::Finished) {
        heading = tr("This connect session has already been used");
        text = tr("Each session works once. Go back to the app and start connecting again.");
    } else {
        heading = tr("This connect session has expired");
        const int ttl = m_state.options.sessionTtlSeconds;
        text = ttl >= 120
            ? tr("Sessions last %1 minutes. Go back to the app and start connecting again.")
                  .arg(ttl / 60)
            : tr("Sessions last %1 seconds. Go back to the app and start connecting again.")
                  .arg(ttl);
    }
    if (asJson) {
        QJsonObject object{{QLatin1String("message"), heading + QLatin1String(". ") + text}};
        if (session && session->state != SandboxSession::State::Finished)
            object.insert(QLatin1String("finish_url"),
                          m_state.sessionBase(*session).path()
                              + QStringLiteral("/finish?error=session_expired"));
        return jsonObject(status, object);
    }
    return SandboxState::messagePage(status, heading, text);
}

// ---------------------------------------------------------------------------------------------
// Static content
