#include "core/paragon/UserTokenSource.h"

#include "core/model/ExchangeLog.h"
#include "core/paragon/Jwt.h"
#include "core/paragon/ParagonHttp.h"

#include <QJsonObject>

namespace {

// A token with less than this left is not handed out: a session takes a while.
constexpr int marginSeconds = 60;

} // namespace

UserTokenSource::UserTokenSource(const ParagonEndpoint &endpoint, QNetworkAccessManager *network,
                                 QObject *parent)
    : QObject(parent)
    , m_endpoint(endpoint)
    , m_network(network)
{ }

bool UserTokenSource::readClaims(const QString &token, QString *subject, QDateTime *expiresAt)
{
    const std::optional<QJsonObject> claims = Jwt::decodePayload(token);
    if (!claims)
        return false;
    QString sub = claims->value(QStringLiteral("sub")).toString();
    if (sub.isEmpty())
        sub = claims->value(QStringLiteral("id")).toString();
    const QJsonValue exp = claims->value(QStringLiteral("exp"));
    if (sub.isEmpty() || !exp.isDouble())
        return false;
    if (subject)
        *subject = sub;
    if (expiresAt)
        *expiresAt = QDateTime::fromSecsSinceEpoch(qint64(exp.toDouble()), Qt::UTC);
    return true;
}

void UserTokenSource::forget()
{
    m_token.clear();
    m_expiresAt = {};
}

void UserTokenSource::accept(const QString &token, ExchangeLog *log,
                             const ResultCallback<QString> &done)
{
    QDateTime expiresAt;
    if (!readClaims(token, nullptr, &expiresAt)) {
        done(Result<QString>::error(ApiFailure::configuration(
            QStringLiteral("token_malformed"),
            tr("The user token is not a JWT with a subject (sub) and an expiry (exp), which "
               "Paragon needs. Check what the token URL answers."))));
        return;
    }
    if (expiresAt <= QDateTime::currentDateTimeUtc().addSecs(marginSeconds)) {
        done(Result<QString>::error(ApiFailure::configuration(
            QStringLiteral("token_expired"),
            tr("The user token has expired, or expires within a minute (at %1 UTC). Check the "
               "clocks of this computer and of the server that signs it.")
                .arg(expiresAt.toString(Qt::ISODate)))));
        return;
    }
    m_token = token;
    m_expiresAt = expiresAt;
    if (log)
        log->addSecret(token);
    done(Result<QString>::success(token));
}

void UserTokenSource::token(QObject *context, ExchangeLog *log, ResultCallback<QString> done)
{
    if (!m_token.isEmpty()
        && m_expiresAt > QDateTime::currentDateTimeUtc().addSecs(marginSeconds)) {
        if (log)
            log->addSecret(m_token);
        done(Result<QString>::success(m_token));
        return;
    }
    forget();

    if (m_endpoint.tokenSource == ParagonEndpoint::TokenSource::SigningKey) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QJsonObject claims{{QStringLiteral("sub"), m_endpoint.userId},
                           {QStringLiteral("iat"), double(now.toSecsSinceEpoch())},
                           {QStringLiteral("exp"),
                            double(now.toSecsSinceEpoch() + m_endpoint.tokenLifetimeSeconds)}};
        QString error;
        const QString token = Jwt::signRs256(claims, m_endpoint.signingKeyPem, &error);
        if (token.isEmpty()) {
            done(Result<QString>::error(ApiFailure::configuration(
                QStringLiteral("signing_key"),
                tr("The profile's signing key could not sign a user token (%1). Enter the "
                   "project's RS256 private key again in Settings → Profiles.")
                    .arg(error))));
            return;
        }
        accept(token, log, done);
        return;
    }

    ParagonHttp::Request request;
    request.url = m_endpoint.tokenUrl;
    request.headers = {{"Accept", "application/json"}};
    if (!m_endpoint.credentialHeader.isEmpty() && !m_endpoint.credential.isEmpty())
        request.headers.append({m_endpoint.credentialHeader, m_endpoint.credential.toUtf8()});
    request.timeoutMs = m_endpoint.timeoutMs;
    request.refusedMessage =
        tr("The token URL at %1 refused to give a user token. Check the credential in the "
           "profile's settings.")
            .arg(m_endpoint.tokenUrl.host());
    if (log && !m_endpoint.credential.isEmpty())
        log->addSecret(m_endpoint.credential);
    ParagonHttp::send(
        m_network, request, log, context, [this, log, done](const Result<QJsonDocument> &result) {
            if (!result.ok())
                return done(Result<QString>::error(result.failure));
            const QString token = result.value->object().value(QStringLiteral("token")).toString();
            if (token.isEmpty()) {
                done(Result<QString>::error(
                    ApiFailure::configuration(QStringLiteral("token_malformed"),
                                              tr("The token URL at %1 did not answer {\"token\": "
                                                 "\"<JWT>\"}. Check the profile's token URL.")
                                                  .arg(m_endpoint.tokenUrl.host()))));
                return;
            }
            accept(token, log, done);
        });
}
