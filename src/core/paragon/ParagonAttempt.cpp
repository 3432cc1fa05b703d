#include "core/paragon/ParagonAttempt.h"

#include "core/model/ExchangeLog.h"
#include "core/model/SessionResult.h"
#include "core/paragon/ParagonJson.h"
#include "core/paragon/ParagonProvider.h"

#include <QJsonArray>
#include <QPointer>

namespace {

QString originOf(const QUrl &url)
{
    return url
        .adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment
                  | QUrl::RemoveUserInfo)
        .toString(QUrl::FullyEncoded | QUrl::StripTrailingSlash);
}

} // namespace

ParagonAttempt::ParagonAttempt(ParagonProvider *provider, const SessionRequest &request,
                               ExchangeLog *log, QObject *parent)
    : ConnectAttempt(parent)
    , m_provider(provider)
    , m_request(request)
    , m_log(log)
{
    connect(&m_server, &HostPageServer::reported, this, &ParagonAttempt::onReport);
    // The SDK was logged out (a refused or expired token): the page asks for another.
    QPointer<ParagonAttempt> self(this);
    m_server.setTokenProvider([self](const HostPageServer::TokenAnswer &answer) {
        if (!self)
            return answer({}, {});
        self->m_provider->forgetUserToken();
        self->m_provider->userToken(self, self->m_log, [answer](const Result<QString> &token) {
            answer(token.ok() ? *token.value : QString(),
                   token.ok() ? QString() : token.failure.message());
        });
    });
}

QString ParagonAttempt::integrationType() const
{
    return m_request.integrations.size() == 1 ? m_request.integrations.constFirst() : QString();
}

void ParagonAttempt::launch(QObject *context, ResultCallback<ConnectLaunch> done)
{
    const QString type = integrationType();
    if (type.isEmpty()) {
        done(Result<ConnectLaunch>::error(ApiFailure::configuration(
            QStringLiteral("choose_integration"),
            m_request.integrations.isEmpty()
                ? tr("Paragon's portal connects one integration at a time: choose one.")
                : tr("Paragon's portal connects one integration at a time, and %n were asked "
                     "for: choose one.",
                     nullptr, int(m_request.integrations.size())))));
        return;
    }
    const QList<ConnectionType> &known = m_provider->knownTypes();
    if (!known.isEmpty() && std::none_of(known.begin(), known.end(), [&](const ConnectionType &t) {
            return t.id == type;
        })) {
        done(Result<ConnectLaunch>::error(ApiFailure::configuration(
            QStringLiteral("unknown_integration"),
            tr("Paragon's project has no active integration “%1”.").arg(type))));
        return;
    }
    QString error;
    if (m_server.listenOnLoopback(&error) == 0) {
        done(Result<ConnectLaunch>::error(ApiFailure::configuration(
            QStringLiteral("host_port"),
            tr("Could not open a local port for Paragon's portal page (%1).").arg(error))));
        return;
    }
    QPointer<ParagonAttempt> self(this);
    m_provider->userToken(
        context, m_log, [self, context, type, done](const Result<QString> &token) {
            if (!self)
                return;
            if (!token.ok())
                return done(Result<ConnectLaunch>::error(token.failure));
            self->rememberCredentialsBefore(context);
            const ParagonEndpoint &endpoint = self->m_provider->endpoint();
            QJsonObject environments;
            QStringList origins;
            for (auto it = endpoint.environments.begin(); it != endpoint.environments.end(); ++it)
                environments.insert(it.key(), it.value().toString());
            // Only Paragon's own pages speak to the SDK: its portal, its JSON service (the OAuth
            // popup's first page) and its passport (the popup's last).
            for (const QString &key :
                 {QStringLiteral("CONNECT_PUBLIC_URL"), QStringLiteral("ZEUS_PUBLIC_URL"),
                  QStringLiteral("PASSPORT_PUBLIC_URL"),
                  QStringLiteral("PASSPORT_PRODUCTION_URL")}) {
                const QString origin = originOf(endpoint.environments.value(key));
                if (!origin.isEmpty() && !origins.contains(origin))
                    origins.append(origin);
            }
            QJsonObject config{
                {QStringLiteral("projectId"), endpoint.projectId},
                {QStringLiteral("token"), *token.value},
                {QStringLiteral("secret"), self->m_server.secret()},
                {QStringLiteral("environments"), environments},
                {QStringLiteral("allowedOrigins"), QJsonArray::fromStringList(origins)},
                {QStringLiteral("integration"), type},
                {QStringLiteral("credentialId"), self->m_request.connectionId},
                {QStringLiteral("dark"), self->m_request.dark},
                {QStringLiteral("language"), self->m_request.language},
                {QStringLiteral("oauthTimeoutMs"), oauthTimeoutMs},
                {QStringLiteral("frameTitle"), tr("Paragon Connect Portal")},
            };
            self->m_server.setPageConfig(config);
            ConnectLaunch launch;
            launch.shape = ConnectLaunch::Shape::HostedPage;
            launch.url = self->m_server.pageUrl();
            launch.pageSaysReady = true;
            launch.secrets = {*token.value, self->m_server.secret(), self->m_server.key()};
            done(Result<ConnectLaunch>::success(launch));
        });
}

QString ParagonAttempt::stateOf(const Connection &credential)
{
    return credential.status + QLatin1Char('|') + credential.updatedAt.toString(Qt::ISODateWithMs);
}

void ParagonAttempt::rememberCredentialsBefore(QObject *context)
{
    QPointer<ParagonAttempt> self(this);
    m_provider->fetchUser(context, m_log, [self](const Result<QJsonObject> &user) {
        if (!self || !user.ok())
            return;
        QHash<QString, QString> before;
        for (const Connection &credential :
             ParagonJson::credentials(*user.value, self->m_provider->knownTypes())) {
            if (credential.typeId == self->integrationType())
                before.insert(credential.id, stateOf(credential));
        }
        self->m_before = before;
    });
}

void ParagonAttempt::onReport(const QJsonObject &report)
{
    const QString kind = report.value(QStringLiteral("kind")).toString();
    PageEvent event;
    if (kind == QLatin1String("shown"))
        event.kind = PageEvent::Kind::Shown;
    else if (kind == QLatin1String("installed"))
        event.kind = PageEvent::Kind::Installed;
    else if (kind == QLatin1String("closed"))
        event.kind = PageEvent::Kind::Closed;
    else if (kind == QLatin1String("error"))
        event.kind = PageEvent::Kind::Error;
    else
        return;
    // Only the fields the app reads, and nothing like a token, go on.
    for (const QString &field : {QStringLiteral("integration"), QStringLiteral("credentialId"),
                                 QStringLiteral("code"), QStringLiteral("message")}) {
        const QString value = report.value(field).toString().left(500);
        if (!value.isEmpty())
            event.payload.insert(field, m_log ? m_log->redact(value) : value);
    }
    Q_EMIT reported(event);
}

ConnectAttempt::Verdict ParagonAttempt::judge(const PageEvent &event, SessionResult *,
                                              QString *code, QString *message)
{
    switch (event.kind) {
    case PageEvent::Kind::UrlReached:
    case PageEvent::Kind::Shown:
        return Verdict::Ignore;
    case PageEvent::Kind::Installed: {
        // The SDK says an install twice (the callback, then its poll once the popup closed).
        const QString credential = event.payload.value(QStringLiteral("credentialId")).toString();
        const QString key = event.payload.value(QStringLiteral("integration")).toString()
            + QLatin1Char('/') + credential;
        if (!credential.isEmpty() && !m_installs.contains(key)) {
            m_installs.insert(key);
            m_credentialId = credential;
            if (m_log)
                m_log->recordNavigation(
                    QStringLiteral("installed"), {},
                    tr("Paragon connected an account (credential %1)").arg(credential));
        }
        return Verdict::Ignore;
    }
    case PageEvent::Kind::Closed:
        // The portal's close ends the session: what was installed is confirmed; with no install
        // reported, a credential that is new or changed since the session began (one left
        // PENDING, of which the SDK says nothing) is the session's, and none is a cancel.
        return m_installs.isEmpty() && !m_before ? Verdict::Cancel : Verdict::Confirm;
    case PageEvent::Kind::Error: {
        const QString what = event.payload.value(QStringLiteral("code")).toString();
        const QString said = event.payload.value(QStringLiteral("message")).toString();
        *code = what.isEmpty() ? QStringLiteral("portal_error") : what;
        if (what == QLatin1String("popup_blocked"))
            *message = tr("The sign-in window could not open. Try again; if it keeps happening, "
                          "ask your IT team whether pop-ups are blocked for Connect Desktop.");
        else if (what == QLatin1String("oauth_timeout"))
            *message = tr("The sign-in window did not finish in %n minutes. Connect again when "
                          "you are ready to sign in.",
                          nullptr, oauthTimeoutMs / 60000);
        else if (what == QLatin1String("unknown_integration"))
            *message =
                tr("Paragon's project has no active integration “%1”.").arg(integrationType());
        else if (what == QLatin1String("token_refused"))
            *message = tr("Paragon did not accept the user token (%1). Check the profile's "
                          "project id and token URL or signing key.")
                           .arg(said);
        else
            *message = tr("Paragon's portal reported a problem: %1")
                           .arg(said.isEmpty() ? tr("no details") : said);
        return Verdict::Fail;
    }
    }
    return Verdict::Ignore;
}

void ParagonAttempt::confirm(QObject *context, ResultCallback<std::optional<Connection>> done)
{
    const QString type = integrationType();
    const QString credentialId = m_credentialId;
    QPointer<ParagonAttempt> self(this);
    m_provider->fetchUser(
        context, m_log, [self, type, credentialId, done](const Result<QJsonObject> &user) {
            if (!self)
                return;
            if (credentialId.isEmpty()) {
                // Nothing was reported installed: a credential changed meanwhile, or a cancel
                // (also when the user's state cannot be read now).
                if (user.ok() && self->m_before) {
                    for (const Connection &credential :
                         ParagonJson::credentials(*user.value, self->m_provider->knownTypes())) {
                        if (credential.typeId == type
                            && self->m_before->value(credential.id) != stateOf(credential))
                            return done(Result<std::optional<Connection>>::success(credential));
                    }
                }
                return done(Result<std::optional<Connection>>::success(std::nullopt));
            }
            if (!user.ok())
                return done(Result<std::optional<Connection>>::error(user.failure));
            const QList<Connection> all =
                ParagonJson::credentials(*user.value, self->m_provider->knownTypes());
            for (const Connection &connection : all) {
                if (connection.id == credentialId && connection.typeId == type)
                    return done(Result<std::optional<Connection>>::success(connection));
            }
            done(Result<std::optional<Connection>>::error(ApiFailure::configuration(
                QStringLiteral("credential_missing"),
                tr("Paragon's portal said the account was connected, but Paragon does not list "
                   "it for this user. Connect again; if it keeps happening, contact the "
                   "platform's support."))));
        });
}
