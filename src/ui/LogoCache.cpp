#include "ui/LogoCache.h"

#include "core/system/LogCategories.h"
#include "core/system/LogoCheck.h"
#include "ui/SvgIconEngine.h"
#include "ui/ThemeManager.h"

#include <QNetworkDiskCache>
#include <QNetworkReply>
#include <QPainter>
#include <QPixmap>
#include <QScopeGuard>
#include <QStandardPaths>

namespace {

constexpr int fetchTimeoutMs = 15000;

} // namespace

LogoCache::LogoCache(QObject *parent)
    : QObject(parent)
{
    // Qt's default size limit (50 MB; logos take kilobytes). Setting a smaller one makes the
    // cache walk its whole folder at once, at start-up.
    auto *cache = new QNetworkDiskCache(&m_network);
    cache->setCacheDirectory(defaultDirectory());
    m_network.setCache(cache);
    m_network.setTransferTimeout(fetchTimeoutMs);
    m_network.setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

QString LogoCache::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation)
        + QStringLiteral("/logos");
}

QIcon LogoCache::icon(const QUrl &url)
{
    const auto found = m_icons.constFind(url);
    if (found != m_icons.constEnd())
        return *found;
    fetch(url);
    return {};
}

void LogoCache::fetch(const QUrl &url)
{
    const QString scheme = url.scheme();
    if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        || m_pending.contains(url) || m_failed.contains(url))
        return;
    m_pending.insert(url);
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::PreferCache);
    request.setRawHeader("Accept", "image/svg+xml");
    QNetworkReply *reply = m_network.get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply, url] {
        reply->deleteLater();
        m_pending.remove(url);
        // Said once this logo is settled, whichever way.
        const auto settle = qScopeGuard([this] {
            if (m_pending.isEmpty())
                Q_EMIT fetchesSettled();
        });
        QByteArray body = reply->read(LogoCheck::maxBytes + 1);
        body.squeeze(); // read() reserved the whole limit, which the icon would keep
        QString problem;
        if (reply->error() != QNetworkReply::NoError)
            problem = reply->errorString();
        else
            problem = LogoCheck::problem(body);
        const QIcon icon = problem.isEmpty() ? SvgIconEngine::icon(body) : QIcon();
        if (icon.isNull()) {
            // Not fatal: the placeholder stays. Do not ask again in this run.
            qCDebug(lcUi) << "logo not used:" << url.toDisplayString() << problem;
            m_failed.insert(url);
            Q_EMIT iconUnavailable(url);
            return;
        }
        m_icons.insert(url, icon);
        Q_EMIT iconReady(url);
    });
}

namespace {

// The plain tile's grey: a white letter on it reads at 4.9:1 (WCAG AA asks 4.5:1; the grey
// it replaces gave 3.2:1).
const QColor plainTile(0x6b, 0x72, 0x7b);

QPixmap tilePixmap(int side, const QColor &colour = plainTile)
{
    QPixmap pixmap(side, side);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    painter.drawRoundedRect(QRectF(0, 0, side, side), side / 5.0, side / 5.0);
    return pixmap;
}

} // namespace

QIcon LogoCache::tile()
{
    static const QIcon drawn = [] {
        QIcon icon;
        for (const int side : {32, 64})
            icon.addPixmap(tilePixmap(side));
        return icon;
    }();
    return drawn;
}

QIcon LogoCache::placeholder(const QString &name, const QString &brandColor)
{
    const QString letter = name.isEmpty() ? QStringLiteral("?") : name.left(1).toUpper();
    const QColor brand(brandColor);
    const QColor colour = brand.isValid() ? brand : plainTile;
    // White or black, whichever contrasts more with the tile.
    const QColor ink = ThemeManager::contrastRatio(Qt::white, colour)
            >= ThemeManager::contrastRatio(Qt::black, colour)
        ? Qt::white
        : Qt::black;
    // One per letter and colour, drawn once: every row of the picker asks for its icon when it
    // is laid out, and drawing two pixmaps with text each time cost the first paint about 1 ms.
    static QHash<QString, QIcon> drawn;
    const QString key = letter + colour.name();
    if (const auto found = drawn.constFind(key); found != drawn.constEnd())
        return *found;
    QIcon icon;
    for (const int side : {32, 64}) {
        QPixmap pixmap = tilePixmap(side, colour);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        QFont font = painter.font();
        font.setBold(true);
        font.setPixelSize(side / 2);
        painter.setFont(font);
        painter.setPen(ink);
        painter.drawText(QRect(0, 0, side, side), Qt::AlignCenter, letter);
        icon.addPixmap(pixmap);
    }
    drawn.insert(key, icon);
    return icon;
}
