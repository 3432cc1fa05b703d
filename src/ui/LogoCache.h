// Integration logos: fetched over HTTP(S) once, kept in an on-disk cache (revalidated with the
// server's ETag), checked like any untrusted SVG and turned into sharp icons.
#pragma once

#include <QHash>
#include <QIcon>
#include <QNetworkAccessManager>
#include <QObject>
#include <QSet>
#include <QUrl>

class LogoCache : public QObject
{
    Q_OBJECT

public:
    // The disk cache lives in defaultDirectory().
    explicit LogoCache(QObject *parent = nullptr);

    // QStandardPaths::CacheLocation/logos.
    static QString defaultDirectory();

    // The logo when it is known; otherwise a null icon, and the logo is fetched (iconReady
    // follows). Relative URLs are not fetched.
    QIcon icon(const QUrl &url);
    bool isPending(const QUrl &url) const { return m_pending.contains(url); }
    // Some logo is on its way (fetchesSettled follows once none is).
    bool isFetching() const { return !m_pending.isEmpty(); }

    // A neutral monogram for an integration without a logo (none, or one that could not be used).
    // The integration's letter on a tile: in its brand colour when it has one ("#RRGGBB"), the
    // letter black or white, whichever reads better on it.
    static QIcon placeholder(const QString &name, const QString &brandColor = {});
    // The same tile without its letter, for a logo on its way: it comes from the disk cache a few
    // ms after the first paint, and drawing letters for that paint cost it 1 ms.
    static QIcon tile();

Q_SIGNALS:
    void iconReady(const QUrl &url);
    // The logo at `url` cannot be used (not found, not allowed, not drawable): its placeholder
    // stays.
    void iconUnavailable(const QUrl &url);
    // The last logo on its way came in, or could not be used.
    void fetchesSettled();

private:
    void fetch(const QUrl &url);

    QNetworkAccessManager m_network;
    QHash<QUrl, QIcon> m_icons;
    QSet<QUrl> m_pending;
    QSet<QUrl> m_failed;
};
