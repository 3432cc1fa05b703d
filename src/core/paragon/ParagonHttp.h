// One JSON request to a Paragon service (or to the customer's token URL), on
// QNetworkAccessManager: a timeout, the exchange recorded in the session's log (queries carry
// tokens: the log redacts them), and a failure in words that name Paragon's own remedies.
#pragma once

#include "core/model/Result.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QPair>
#include <QUrl>

class ExchangeLog;
class QNetworkAccessManager;
class QObject;

namespace ParagonHttp {

struct Request
{
    QByteArray method = "GET";
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body; // JSON, for POST and PATCH
    int timeoutMs = 15000;
    // What the failure of a 401 or 403 says (the token refused, the credential refused).
    QString refusedMessage;
};

// `done` once with the reply's JSON (null for an empty 2xx), unless `context` goes first.
void send(QNetworkAccessManager *network, const Request &request, ExchangeLog *log,
          QObject *context, ResultCallback<QJsonDocument> done);

// The SDK's own headers for a zeus call with `token`.
QList<QPair<QByteArray, QByteArray>> sdkHeaders(const QString &token);

} // namespace ParagonHttp
