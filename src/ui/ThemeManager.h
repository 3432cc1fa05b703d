// Applies the user's theme (System, Light, Dark) to the application's widgets and says whether
// the result is dark.
#pragma once

#include "core/settings/AppSettings.h"

#include <QObject>
#include <QPalette>
#include <QString>

class ThemeManager : public QObject
{
    Q_OBJECT

public:
    // Remembers the platform's own style and palette, then applies the settings' theme.
    explicit ThemeManager(AppSettings *settings, QObject *parent = nullptr);

    AppSettings::Theme theme() const { return m_theme; }
    bool isDark() const { return m_dark; }
    // Applies the settings' theme again (it also follows AppSettings::changed).
    void apply();

    static QPalette darkPalette();
    static bool isDarkPalette(const QPalette &palette);
    // WCAG 2.1's contrast ratio of two colours, the first drawn over the second (1 to 21).
    static double contrastRatio(const QColor &foreground, const QColor &background);
    // WCAG 2.1 AA for text of normal size.
    static constexpr double readableContrast = 4.5;
    // The palette with its secondary text (PlaceholderText: the app's captions, hints and the
    // page's address) readable, at least readableContrast against Window and Base: moved
    // towards WindowText as far as that takes. Every palette the app applies goes through it.
    static QPalette withReadableSecondaryText(QPalette palette);

Q_SIGNALS:
    void darkChanged(bool dark);

private:
    bool systemIsDark() const;

    AppSettings *m_settings;
    QPalette m_systemPalette;
    QString m_systemStyle;
    AppSettings::Theme m_theme = AppSettings::Theme::System;
    bool m_dark = false;
    bool m_applied = false;
};
