// Applies the user's theme (System, Light, Dark) to the application's widgets and says whether
// the result is dark.
#pragma once

#include "AppSettings.h"

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
