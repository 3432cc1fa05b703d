#include "sandbox/SandboxAttacks.h"

#include "core/system/LogCategories.h"
#include "sandbox/SandboxListener.h"
#include "sandbox/SandboxPages.h"
#include "sandbox/SandboxServerShared.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslKey>

using namespace SandboxShared;

QByteArray SandboxAttacks::script(const QString &name, const QJsonObject &context,
                                  const QByteArray &nonce)
{
    return "<script nonce=\"" + nonce + "\">"
        + SandboxPages::resource(QStringLiteral("attacks.js")).toUtf8() + "\nconnectDesktopAttack("
        + QJsonDocument(QJsonArray{name}).toJson(QJsonDocument::Compact).mid(1).chopped(1) + ", "
        + QJsonDocument(context).toJson(QJsonDocument::Compact) + ");</script>";
}

SandboxReply SandboxAttacks::page(const SandboxRequest &request) const
{
    // The attack's own small page, for popups and frames: /attack/page?run=NAME.
    const QString name = request.query.queryItemValue(QStringLiteral("run"));
    static const QRegularExpression valid(
        QRegularExpression::anchoredPattern(QStringLiteral("[a-z0-9-]{1,64}")));
    if (!valid.match(name).hasMatch())
        return SandboxState::messagePage(404, tr("Not found"),
                                         tr("There is nothing at this address."));
    const QJsonObject context{
        {QLatin1String("name"), name},
        {QLatin1String("peer"), QStringLiteral("http://localhost:%1").arg(m_state.url().port())}};
    const QByteArray page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Attack "
        + name.toUtf8() + "</title></head><body><p>" + name.toUtf8() + "</p>"
        + SandboxAttacks::script(name, context, {}).replace(" nonce=\"\"", "") + "</body></html>";
    return SandboxReply::html(200, page);
}

SandboxReply SandboxAttacks::hostileDownload() const
{
    SandboxReply reply;
    reply.body = "This file should never reach the disk: the app refuses downloads.\n";
    return reply.withHeader("Content-Type", "application/octet-stream")
        .withHeader("Content-Disposition", "attachment; filename=\"secrets.txt\"");
}
