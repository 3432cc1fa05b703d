#include "core/session/UrlWatch.h"

#include <QRandomGenerator>
#include <QUrlQuery>

UrlWatch::UrlWatch(const QUrl &base, const QString &parameter, const QString &value)
    : m_base(base.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment))
    , m_parameter(parameter)
    , m_value(value)
{ }

QUrl UrlWatch::url() const
{
    QUrl url = m_base;
    QUrlQuery query;
    query.addQueryItem(m_parameter, m_value);
    url.setQuery(query);
    return url;
}

bool UrlWatch::matches(const QUrl &url) const
{
    if (isNull() || !url.isValid())
        return false;
    if (url.scheme() != m_base.scheme() || url.host() != m_base.host()
        || url.port(-1) != m_base.port(-1) || !url.userInfo().isEmpty())
        return false;
    if (url.path(QUrl::FullyEncoded) != m_base.path(QUrl::FullyEncoded))
        return false;
    const QUrlQuery query(url);
    const QStringList values = query.allQueryItemValues(m_parameter, QUrl::FullyDecoded);
    return values.size() == 1 && values.constFirst() == m_value;
}

QString UrlWatch::randomValue()
{
    QByteArray bytes(24, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()),
                                          bytes.size() / int(sizeof(quint32)));
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}
