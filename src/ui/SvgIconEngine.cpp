#include "SvgIconEngine.h"

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

void SvgIconEngine::paint(QPainter *painter, const QRect &rect, QIcon::Mode mode,
                          QIcon::State state)
{
    Q_UNUSED(state)
    QByteArray svg = m_svg;
    if (m_tinted) {
        const QColor colour = QGuiApplication::palette().color(
            mode == QIcon::Disabled ? QPalette::Disabled : QPalette::Active, QPalette::ButtonText);
        svg.replace("currentColor", colour.name().toLatin1());
    }
    QSvgRenderer renderer(svg);
    QSizeF size = renderer.viewBoxF().size();
    if (size.isEmpty())
        size = renderer.defaultSize();
    size.scale(QSizeF(rect.size()), Qt::KeepAspectRatio);
    QRectF target(QPointF(), size);
    target.moveCenter(QRectF(rect).center());
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    if (mode == QIcon::Disabled && !m_tinted)
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
    return new SvgIconEngine(m_svg, m_tinted);
}
