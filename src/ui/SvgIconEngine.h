// A QIcon engine that draws SVG data at whatever size and scale is asked, so logos stay sharp.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QIconEngine>
#include <QPixmap>

class SvgIconEngine : public QIconEngine
{
public:
    explicit SvgIconEngine(const QByteArray &svg, bool tinted = false);

    // A null icon when `svg` cannot be drawn.
    static QIcon icon(const QByteArray &svg);
    // A symbol drawn in the palette's button text colour, whatever the theme: `currentColor` in
    // the SVG is that colour (of the disabled group for a disabled icon). Loaded from a file or
    // resource; a null icon when it cannot be drawn.
    static QIcon symbol(const QString &fileName);

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QIconEngine *clone() const override;
    QString key() const override { return QStringLiteral("connectdesktop-svg"); }

private:
    static bool isDrawable(const QByteArray &svg);
    // A symbol's colour for `mode` (#rrggbb): the palette's button text colour.
    static QString tint(QIcon::Mode mode);
    // Draws the SVG, centred and in proportion, into `rect`.
    void render(QPainter *painter, const QRectF &rect, QIcon::Mode mode) const;
    // The SVG drawn at `pixels` (device pixels), from what was drawn before when it can be.
    QPixmap drawn(const QSize &pixels, qreal ratio, QIcon::Mode mode);

    QByteArray m_svg;
    bool m_tinted = false;
    // What was drawn, by device pixel size, mode and colour: a list repaints its icons often (a
    // scroll, a change of the active window), and parsing and drawing each SVG again took
    // milliseconds a repaint. A few entries: an icon shows at one or two sizes.
    QHash<QString, QPixmap> m_drawn;
};
