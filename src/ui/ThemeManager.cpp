#include "ThemeManager.h"

#include "AppStyle.h"

#include <QApplication>
#include <QStyle>
#include <QStyleHints>

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
        QApplication::setPalette(darkPalette());
        dark = true;
        break;
    case AppSettings::Theme::Light:
        if (!m_systemStyle.isEmpty())
            QApplication::setStyle(new AppStyle(m_systemStyle));
        // A dark desktop's palette is not a light theme: fall back to the style's own.
        QApplication::setPalette(isDarkPalette(m_systemPalette)
                                     ? QApplication::style()->standardPalette()
                                     : m_systemPalette);
        break;
    case AppSettings::Theme::System:
        if (!m_systemStyle.isEmpty())
            QApplication::setStyle(new AppStyle(m_systemStyle));
        QApplication::setPalette(m_systemPalette);
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
