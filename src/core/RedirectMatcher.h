// Recognises the app's own redirect URL: exact scheme, host, port and path, and the session's
// value.
#pragma once

#include <QString>
#include <QUrl>

class RedirectMatcher
{
public:
    RedirectMatcher() = default;
    // `base` gives scheme, host, port and path; `parameter`=`value` must be in the query.
    RedirectMatcher(const QUrl &base, const QString &parameter, const QString &value);

    // The URL to give the platform as redirect_url.
    QUrl redirectUrl() const;
    // True only for the exact redirect: a near miss (other port, path prefix, extra slash,
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
