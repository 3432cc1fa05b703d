#include "ui/StatusBadge.h"

#include "ui/ThemeManager.h"

#include <QHash>
#include <QIcon>
#include <QPainter>
#include <QPixmap>

QFont StatusBadge::badgeFont(QFont base)
{
    base.setBold(true);
    base.setPointSizeF(base.pointSizeF() * 0.85);
    return base;
}

StatusBadge::StatusBadge(QWidget *parent)
    : QLabel(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setFont(badgeFont(font()));
}

void StatusBadge::setBadge(const QString &text, Tone tone)
{
    m_tone = tone;
    setText(text);
    setAccessibleName(text);
    updateGeometry();
    update();
}

StatusBadge::Tone StatusBadge::toneForStatus(const QString &status)
{
    const QString s = status.toLower();
    if (s == QLatin1String("healthy"))
        return Tone::Good;
    if (s == QLatin1String("unhealthy") || s == QLatin1String("error")
        || s == QLatin1String("failed") || s == QLatin1String("broken"))
        return Tone::Bad;
    if (s.isEmpty())
        return Tone::Neutral;
    return Tone::Warning;
}

QString StatusBadge::statusLabel(const QString &status)
{
    const QString s = status.toLower();
    if (s == QLatin1String("healthy"))
        return tr("Healthy");
    if (s == QLatin1String("unhealthy"))
        return tr("Unhealthy");
    if (s == QLatin1String("pending"))
        return tr("Pending");
    if (s.isEmpty())
        return tr("Unknown");
    // A status we do not know: the platform's own word, capitalised.
    QString label = status;
    label.replace(QLatin1Char('_'), QLatin1Char(' '));
    label[0] = label.at(0).toUpper();
    return label;
}

void StatusBadge::setConnectionStatus(const QString &status, const QString &error)
{
    setBadge(statusLabel(status), toneForStatus(status));
    setToolTip(error);
}

QColor StatusBadge::toneColor(Tone tone, bool darkBackground)
{
    switch (tone) {
    case Tone::Good:
        return darkBackground ? QColor(0x5c, 0xd0, 0x8a) : QColor(0x1a, 0x7f, 0x45);
    case Tone::Warning:
        return darkBackground ? QColor(0xf0, 0xb4, 0x4c) : QColor(0x9a, 0x5b, 0x00);
    case Tone::Bad:
        return darkBackground ? QColor(0xff, 0x7b, 0x72) : QColor(0xc0, 0x2b, 0x25);
    case Tone::Accent:
        return darkBackground ? QColor(0xf5, 0xa6, 0x23) : QColor(0xb5, 0x5a, 0x00);
    case Tone::Neutral:
        break;
    }
    return darkBackground ? QColor(0xb0, 0xb4, 0xba) : QColor(0x5c, 0x61, 0x68);
}

QIcon StatusBadge::dotIcon(Tone tone)
{
    // One per tone, drawn once, at the sizes lists show it (the connections list: 20). New
    // pixmaps for every row of every refresh each went into Qt's pixmap cache scaled, a few more
    // every session, until the cache's 10 MB were full.
    static QHash<int, QIcon> drawn;
    if (const auto found = drawn.constFind(int(tone)); found != drawn.constEnd())
        return *found;
    QIcon icon;
    for (const int side : {16, 20, 32, 40}) {
        QPixmap pixmap(side, side);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        // The light-background colour reads on both palettes at this size.
        painter.setBrush(toneColor(tone, false));
        const qreal d = side * 0.55;
        painter.drawEllipse(QRectF((side - d) / 2, (side - d) / 2, d, d));
        icon.addPixmap(pixmap);
    }
    drawn.insert(int(tone), icon);
    return icon;
}

QSize StatusBadge::sizeHint() const
{
    const QFontMetrics metrics(font());
    return {metrics.horizontalAdvance(text()) + metrics.height(), metrics.height() + 6};
}

void StatusBadge::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const bool dark = ThemeManager::isDarkPalette(palette());
    const QColor color = toneColor(m_tone, dark);
    QColor fill = color;
    fill.setAlphaF(dark ? 0.22 : 0.12);
    QColor border = color;
    border.setAlphaF(0.55);

    const QRectF box = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    painter.setPen(QPen(border, 1));
    painter.setBrush(fill);
    painter.drawRoundedRect(box, box.height() / 2, box.height() / 2);
    painter.setPen(color);
    painter.setFont(font());
    painter.drawText(rect(), Qt::AlignCenter, text());
}
