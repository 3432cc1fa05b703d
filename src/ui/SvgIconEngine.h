// A QIcon engine that draws SVG data at whatever size and scale is asked, so logos stay sharp.
#pragma once

#include <QByteArray>
#include <QIconEngine>

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

    QByteArray m_svg;
    bool m_tinted = false;
};
