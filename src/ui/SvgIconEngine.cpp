#include "SvgIconEngine.h"

#include <QPainter>
#include <QPixmap>
#include <QSvgRenderer>

SvgIconEngine::SvgIconEngine(const QByteArray &svg)
    : m_svg(svg)
{ }

QIcon SvgIconEngine::icon(const QByteArray &svg)
{
    QSvgRenderer check;
    if (!check.load(svg) || !check.isValid())
        return {};
    return QIcon(new SvgIconEngine(svg));
}

void SvgIconEngine::paint(QPainter *painter, const QRect &rect, QIcon::Mode mode,
                          QIcon::State state)
{
    Q_UNUSED(state)
    QSvgRenderer renderer(m_svg);
    QSizeF size = renderer.viewBoxF().size();
    if (size.isEmpty())
        size = renderer.defaultSize();
    size.scale(QSizeF(rect.size()), Qt::KeepAspectRatio);
    QRectF target(QPointF(), size);
    target.moveCenter(QRectF(rect).center());
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    if (mode == QIcon::Disabled)
        painter->setOpacity(0.4);
    renderer.render(painter, target);
    painter->restore();
}

QPixmap SvgIconEngine::pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state)
{
    QPixmap pixmap(size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    paint(&painter, QRect(QPoint(), size), mode, state);
    return pixmap;
}

QIconEngine *SvgIconEngine::clone() const
{
    return new SvgIconEngine(m_svg);
}
