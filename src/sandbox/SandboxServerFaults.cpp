#include "core/system/LogCategories.h"
#include "sandbox/SandboxListener.h"
#include "sandbox/SandboxPages.h"
#include "sandbox/SandboxServer.h"
#include "sandbox/SandboxServerShared.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslKey>

using namespace SandboxShared;

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
