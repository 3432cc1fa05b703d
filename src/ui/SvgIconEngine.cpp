#include "ui/SvgIconEngine.h"

#include <QFile>
#include <QGuiApplication>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QSvgRenderer>

SvgIconEngine::SvgIconEngine(const QByteArray &svg, bool tinted)
    : m_svg(svg)
    , m_tinted(tinted)
{ }

bool SvgIconEngine::isDrawable(const QByteArray &svg)
{
    QSvgRenderer check;
    return check.load(svg) && check.isValid();
}

QIcon SvgIconEngine::icon(const QByteArray &svg)
{
    return isDrawable(svg) ? QIcon(new SvgIconEngine(svg)) : QIcon();
}

QIcon SvgIconEngine::symbol(const QString &fileName)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray svg = file.readAll();
    return isDrawable(svg) ? QIcon(new SvgIconEngine(svg, true)) : QIcon();
}

QString SvgIconEngine::tint(QIcon::Mode mode)
{
    return QGuiApplication::palette()
        .color(mode == QIcon::Disabled ? QPalette::Disabled : QPalette::Active,
               QPalette::ButtonText)
        .name();
}

void SvgIconEngine::render(QPainter *painter, const QRectF &rect, QIcon::Mode mode) const
{
    QByteArray svg = m_svg;
    if (m_tinted)
        svg.replace("currentColor", tint(mode).toLatin1());
    QSvgRenderer renderer(svg);
    QSizeF size = renderer.viewBoxF().size();
    if (size.isEmpty())
        size = renderer.defaultSize();
    size.scale(rect.size(), Qt::KeepAspectRatio);
    QRectF target(QPointF(), size);
    target.moveCenter(rect.center());
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    if (mode == QIcon::Disabled && !m_tinted)
        painter->setOpacity(0.4);
    renderer.render(painter, target);
    painter->restore();
}

QPixmap SvgIconEngine::drawn(const QSize &pixels, qreal ratio, QIcon::Mode mode)
{
    QString key =
        QStringLiteral("%1x%2@%3/%4").arg(pixels.width()).arg(pixels.height()).arg(ratio).arg(mode);
    if (m_tinted)
        key += tint(mode); // the palette's, which a change of theme changes
    auto found = m_drawn.constFind(key);
    if (found == m_drawn.constEnd()) {
        QPixmap pixmap(pixels);
        pixmap.fill(Qt::transparent);
        {
            QPainter onPixmap(&pixmap);
            render(&onPixmap, QRectF(QPointF(), QSizeF(pixels)), mode);
        }
        pixmap.setDevicePixelRatio(ratio);
        if (m_drawn.size() >= 8)
            m_drawn.clear();
        found = m_drawn.insert(key, pixmap);
    }
    return *found;
}

void SvgIconEngine::paint(QPainter *painter, const QRect &rect, QIcon::Mode mode,
                          QIcon::State state)
{
    Q_UNUSED(state)
    // Scaled or rotated painting (a zoomed view, a print) draws the vector itself.
    if (painter->transform().type() > QTransform::TxTranslate || !painter->device()) {
        render(painter, rect, mode);
        return;
    }
    const qreal ratio = painter->device()->devicePixelRatioF();
    const QSize pixels = (QSizeF(rect.size()) * ratio).toSize();
    if (!pixels.isEmpty())
        painter->drawPixmap(rect.topLeft(), drawn(pixels, ratio, mode));
}

QPixmap SvgIconEngine::pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state)
{
    Q_UNUSED(state)
    return size.isEmpty() ? QPixmap() : drawn(size, 1.0, mode);
}

QIconEngine *SvgIconEngine::clone() const
{
    return new SvgIconEngine(m_svg, m_tinted);
}
