// The Paragon user token of a profile: asked of the customer's backend (its token URL answers
// {"token": "<JWT>"}), or, for support staff, signed here with the project's key for the user
// id they chose. Held in memory only, until shortly before it expires or the platform refuses
// it; never written anywhere.
#pragma once

#include "core/model/Result.h"
#include "core/paragon/ParagonEndpoint.h"

#include <QDateTime>
#include <QObject>

class ExchangeLog;
class QNetworkAccessManager;

class UserTokenSource : public QObject
{
    Q_OBJECT

public:
    UserTokenSource(const ParagonEndpoint &endpoint, QNetworkAccessManager *network,
                    QObject *parent = nullptr);

    // A token good for at least another minute: the one held, or a fresh one. `done` once,
    // unless `context` goes first. The token is added to `log`'s secrets before it is given.
    void token(QObject *context, ExchangeLog *log, ResultCallback<QString> done);
    // The platform refused the held token (logged out, 401): the next token() gets another.
    void forget();

    // A token's subject and expiry, read without checking the signature (as Paragon's SDK
    // does); false when it is not a JWT with both.
    static bool readClaims(const QString &token, QString *subject, QDateTime *expiresAt);

private:
    void accept(const QString &token, ExchangeLog *log, const ResultCallback<QString> &done);

    ParagonEndpoint m_endpoint;
    QNetworkAccessManager *m_network;
    QString m_token;
    QDateTime m_expiresAt;
};
