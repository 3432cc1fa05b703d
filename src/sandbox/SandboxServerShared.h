// Small helpers the parts of the sandbox share (SandboxServer, SandboxApi, SandboxModal,
// SandboxAssets, SandboxAttacks): tokens, validators, the API's message shapes. Internal.
#pragma once

#include "core/polytomic/ApiError.h"
#include "core/polytomic/ConnectRequest.h"
#include "sandbox/SandboxHttp.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

namespace SandboxShared {

// A strong validator for `content`, for ETag and If-None-Match.
inline QByteArray etagOf(const QByteArray &content)
{
    return '"' + QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex().left(16)
        + '"';
}

constexpr qint64 maxLogoBytes = 256 * 1024;
constexpr int maxFailedAttempts = 3;
constexpr auto connectPath = "/api/connections/connect/";

inline QString randomToken(int bytes)
{
    QByteArray data(bytes, Qt::Uninitialized);
    for (int i = 0; i < bytes; ++i)
        data[i] = char(QRandomGenerator::system()->bounded(256));
    return QString::fromLatin1(
        data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

inline SandboxReply apiMessage(int status, const QString &message, const QString &key,
                               const QJsonObject &metadata = {})
{
    return SandboxReply::json(status, ApiError::messageShape(status, message, key, metadata));
}

inline SandboxReply unprocessable(const ValidationProblem &problem)
{
    return apiMessage(422, problem.message, QStringLiteral("invalid_request"),
                      {{QLatin1String("field"), problem.field}});
}

inline SandboxReply jsonObject(int status, const QJsonObject &object)
{
    return SandboxReply::json(status, QJsonDocument(object).toJson(QJsonDocument::Compact));
}

inline bool readLogo(const QString &path, const char *option, QByteArray *out, QString *error)
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

} // namespace SandboxShared
