#include "ui/ThemeManager.h"

#include "ui/AppStyle.h"

#include <QApplication>
#include <QColor>
#include <QStyle>
#include <QStyleHints>

#include <algorithm>
#include <cmath>

ThemeManager::ThemeManager(AppSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_systemPalette(QApplication::palette())
    , m_systemStyle(AppStyle::keyOf(QApplication::style()))
{
    connect(m_settings, &AppSettings::changed, this, &ThemeManager::apply);
    apply();
}

bool ThemeManager::isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

namespace {

double luminance(const QColor &color)
{
    auto channel = [](double value) {
        return value <= 0.04045 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF());
}

QColor mixed(const QColor &from, const QColor &to, double amount)
{
    return QColor::fromRgbF(float(from.redF() + (to.redF() - from.redF()) * amount),
                            float(from.greenF() + (to.greenF() - from.greenF()) * amount),
                            float(from.blueF() + (to.blueF() - from.blueF()) * amount));
}

} // namespace

double ThemeManager::contrastRatio(const QColor &foreground, const QColor &background)
{
    // A translucent foreground is seen blended over its background.
    const QColor seen = mixed(background, foreground, foreground.alphaF());
    const double a = luminance(seen);
    const double b = luminance(background);
    return (std::max(a, b) + 0.05) / (std::min(a, b) + 0.05);
}

QPalette ThemeManager::withReadableSecondaryText(QPalette palette)
{
    const QPalette::ColorGroup groups[] = {QPalette::Active, QPalette::Inactive};
    for (const QPalette::ColorGroup group : groups) {
        const QColor window = palette.color(group, QPalette::Window);
        const QColor base = palette.color(group, QPalette::Base);
        const QColor text = palette.color(group, QPalette::WindowText);
        const QColor secondary = palette.color(group, QPalette::PlaceholderText);
        auto readable = [&](const QColor &color) {
            return contrastRatio(color, window) >= readableContrast
                && contrastRatio(color, base) >= readableContrast;
        };
        if (readable(secondary))
            continue;
        // Seen as drawn (over the window), then a step at a time towards the text colour.
        const QColor start = mixed(window, secondary, secondary.alphaF());
        QColor chosen = text;
        for (int step = 1; step <= 20; ++step) {
            const QColor candidate = mixed(start, text, step / 20.0);
            if (readable(candidate)) {
                chosen = candidate;
                break;
            }
        }
        palette.setColor(group, QPalette::PlaceholderText, chosen);
    }
    return palette;
}

bool ThemeManager::systemIsDark() const
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    const Qt::ColorScheme scheme = QGuiApplication::styleHints()->colorScheme();
    if (scheme != Qt::ColorScheme::Unknown)
        return scheme == Qt::ColorScheme::Dark;
#endif
    // 6.4 has no colour scheme hint: the platform palette is the best witness.
    return isDarkPalette(m_systemPalette);
}

void ThemeManager::apply()
{
    const AppSettings::Theme theme = m_settings->theme();
    if (m_applied && theme == m_theme)
        return;
    m_theme = theme;
    m_applied = true;

    bool dark = false;
    switch (theme) {
    case AppSettings::Theme::Dark:
        // Platform styles (GTK, Windows) ignore palettes in places; Fusion honours all of it.
        QApplication::setStyle(new AppStyle(QStringLiteral("Fusion")));
        QApplication::setPalette(withReadableSecondaryText(darkPalette()));
        dark = true;
        break;
    case AppSettings::Theme::Light:
        if (!m_systemStyle.isEmpty())
            QApplication::setStyle(new AppStyle(m_systemStyle));
        // A dark desktop's palette is not a light theme: fall back to the style's own.
        QApplication::setPalette(withReadableSecondaryText(
            isDarkPalette(m_systemPalette) ? QApplication::style()->standardPalette()
                                           : m_systemPalette));
        break;
    case AppSettings::Theme::System:
        if (!m_systemStyle.isEmpty())
            QApplication::setStyle(new AppStyle(m_systemStyle));
        QApplication::setPalette(withReadableSecondaryText(m_systemPalette));
        dark = systemIsDark();
        break;
    }

    if (dark != m_dark) {
        m_dark = dark;
        Q_EMIT darkChanged(m_dark);
    }
}

QPalette ThemeManager::darkPalette()
{
    const QColor window(0x2b, 0x2d, 0x31);
    const QColor base(0x1f, 0x20, 0x23);
    const QColor button(0x36, 0x38, 0x3d);
    const QColor text(0xe8, 0xe9, 0xeb);
    const QColor disabled(0x80, 0x83, 0x88);
    const QColor highlight(0x3d, 0x7b, 0xe0);

    QPalette palette;
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, QColor(0x27, 0x29, 0x2d));
    palette.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3d, 0x42));
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, disabled);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, button);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    palette.setColor(QPalette::Light, QColor(0x4a, 0x4d, 0x53));
    palette.setColor(QPalette::Midlight, QColor(0x3e, 0x41, 0x46));
    palette.setColor(QPalette::Mid, QColor(0x25, 0x27, 0x2a));
    palette.setColor(QPalette::Dark, QColor(0x1a, 0x1b, 0x1e));
    palette.setColor(QPalette::Shadow, QColor(0x0e, 0x0f, 0x10));
    palette.setColor(QPalette::Highlight, highlight);
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor(0x7a, 0xb3, 0xff));
    palette.setColor(QPalette::LinkVisited, QColor(0xb3, 0x9d, 0xf5));

    palette.setColor(QPalette::Disabled, QPalette::WindowText, disabled);
    palette.setColor(QPalette::Disabled, QPalette::Text, disabled);
    palette.setColor(QPalette::Disabled, QPalette::ButtonText, disabled);
    palette.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x4a, 0x4d, 0x53));
    palette.setColor(QPalette::Disabled, QPalette::HighlightedText, disabled);
    return palette;
}
