#include "core/system/DeepLink.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrlQuery>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("DeepLink", text);
}

std::optional<DeepLink> refuse(QString *error, const QString &why)
{
    if (error)
        *error = why;
    return std::nullopt;
}

} // namespace

bool DeepLink::looksLikeDeepLink(const QString &text)
{
    return text.startsWith(QLatin1String(scheme) + QLatin1Char(':'), Qt::CaseInsensitive);
}

std::optional<DeepLink> DeepLink::parse(const QString &text, QString *error)
{
    if (text.size() > 2048)
        return refuse(error, tr("The link is too long."));
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.scheme().compare(QLatin1String(scheme), Qt::CaseInsensitive) != 0)
        return refuse(
            error,
            tr("This is not a Connect Desktop link (connectdesktop://connect?integration=…)."));
    // connectdesktop://connect?… puts the action in the host; connectdesktop:connect?… in the path.
    const QString action = url.host().isEmpty() ? url.path() : url.host() + url.path();
    if (action.compare(QLatin1String("connect"), Qt::CaseInsensitive) != 0
        && action.compare(QLatin1String("connect/"), Qt::CaseInsensitive) != 0)
        return refuse(
            error,
            tr("The link asks for “%1”, which Connect Desktop does not do.").arg(action.left(64)));
    if (!url.userInfo().isEmpty() || url.port() != -1)
        return refuse(error, tr("The link has parts a Connect Desktop link never has."));

    const QUrlQuery query(url);
    const auto items = query.queryItems(QUrl::FullyDecoded);
    QStringList ids;
    for (const auto &item : items) {
        if (item.first != QLatin1String("integration"))
            return refuse(
                error,
                tr("The link carries “%1”, which Connect Desktop does not accept from links.")
                    .arg(item.first.left(64)));
        ids.append(item.second);
    }
    if (ids.size() != 1)
        return refuse(error, tr("The link must name exactly one integration."));
    static const QRegularExpression typeId(
        QRegularExpression::anchoredPattern(QStringLiteral("[a-z0-9_]{1,64}")));
    if (!typeId.match(ids.constFirst()).hasMatch())
        return refuse(error, tr("The link's integration is not a valid integration id."));
    return DeepLink{ids.constFirst()};
}
