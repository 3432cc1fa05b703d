// A URL a session watches for: when a page (or the system browser) reaches it, the page's part
// of the attempt is over. Exact scheme, host, port and path, and the session's value in one
// query parameter. Polytomic's redirect back to the app is one; a host page's report is another.
#pragma once

#include <QString>
#include <QUrl>

class UrlWatch
{
public:
    UrlWatch() = default;
    // `base` gives scheme, host, port and path; `parameter`=`value` must be in the query.
    UrlWatch(const QUrl &base, const QString &parameter, const QString &value);

    // The watched URL itself (for Polytomic, the redirect_url given to the platform).
    QUrl url() const;
    // True only for the exact URL: a near miss (other port, path prefix, extra slash,
    // a second or different value, user info) is not a match.
    bool matches(const QUrl &url) const;
    bool isNull() const { return m_value.isEmpty(); }
    QString value() const { return m_value; }

    // A fresh per-session value: 32 url-safe random characters.
    static QString randomValue();

private:
    QUrl m_base;
    QString m_parameter;
    QString m_value;
};
