#include "core/paragon/ParagonHttp.h"

#include "core/model/ExchangeLog.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>

#include <memory>

#ifndef CONNECT_DESKTOP_PARAGON_SDK_VERSION
#define CONNECT_DESKTOP_PARAGON_SDK_VERSION "2.4.0"
#endif

namespace ParagonHttp {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ParagonHttp", text);
}

// Paragon's error answers are {"message": "..."}, sometimes {"error": "..."}.
QString serverWords(const QByteArray &body)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    const QString message = object.value(QStringLiteral("message")).toString();
    return (message.isEmpty() ? object.value(QStringLiteral("error")).toString() : message)
        .left(300);
}

} // namespace

QList<QPair<QByteArray, QByteArray>> sdkHeaders(const QString &token)
{
    return {{"Authorization", "Bearer " + token.toUtf8()},
            {"X-Paragon-SDK-Version", CONNECT_DESKTOP_PARAGON_SDK_VERSION},
            {"Accept", "application/json"}};
}

void send(QNetworkAccessManager *network, const Request &request, ExchangeLog *log,
          QObject *context, ResultCallback<QJsonDocument> done)
{
    QNetworkRequest http(request.url);
    for (const auto &header : request.headers)
        http.setRawHeader(header.first, header.second);
    if (!request.body.isEmpty())
        http.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    http.setTransferTimeout(request.timeoutMs);
    http.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                      QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkReply *reply = request.body.isEmpty()
        ? network->sendCustomRequest(http, request.method)
        : network->sendCustomRequest(http, request.method, request.body);
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    QPointer<QObject> guard(context);
    QPointer<ExchangeLog> logGuard(log);
    // Whoever owns `context` going away stops the request; its answer is dropped.
    QObject::connect(context, &QObject::destroyed, reply, &QNetworkReply::abort);
    QObject::connect(reply, &QNetworkReply::finished, reply, [=] {
        reply->deleteLater();
        if (!guard)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        ApiFailure failure;
        failure.host = request.url.host();
        bool failed = true;
        QJsonDocument json;
        if (reply->error() == QNetworkReply::OperationCanceledError && status == 0) {
            failure.kind = ApiFailure::Kind::Timeout;
        } else if (status == 0) {
            failure.kind = ApiFailure::Kind::Network;
            failure.detail = reply->errorString();
        } else if (status == 401 || status == 403) {
            failure = ApiFailure::configuration(QStringLiteral("token_refused"),
                                                request.refusedMessage.isEmpty()
                                                    ? tr("Paragon refused the user token.")
                                                    : request.refusedMessage);
            failure.httpStatus = status;
            failure.host = request.url.host();
            failure.serverMessage = serverWords(body);
        } else if (status < 200 || status > 299) {
            failure.kind = ApiFailure::Kind::Http;
            failure.httpStatus = status;
            failure.serverMessage = serverWords(body);
        } else {
            QJsonParseError error{};
            json =
                body.trimmed().isEmpty() ? QJsonDocument() : QJsonDocument::fromJson(body, &error);
            if (!body.trimmed().isEmpty() && error.error != QJsonParseError::NoError) {
                failure = ApiFailure::configuration(
                    QStringLiteral("malformed_reply"),
                    tr("The answer from %1 is not JSON (%2). Check the profile's addresses.")
                        .arg(request.url.host(), error.errorString()));
            } else {
                failed = false;
            }
        }
        if (logGuard)
            logGuard->recordApi(
                QString::fromLatin1(request.method), request.url, status, clock->elapsed(),
                failed ? (failure.serverMessage.isEmpty() ? failure.detail : failure.serverMessage)
                       : QString());
        if (failed)
            done(Result<QJsonDocument>::error(failure));
        else
            done(Result<QJsonDocument>::success(json));
    });
}

} // namespace ParagonHttp
