// A small coloured pill naming a status ("Healthy", "Failed", "SANDBOX"), readable in light and
// dark palettes.
#pragma once

#include <QLabel>

class StatusBadge : public QLabel
{
    Q_OBJECT

public:
    enum class Tone { Good, Warning, Bad, Neutral, Accent };

    explicit StatusBadge(QWidget *parent = nullptr);

    void setBadge(const QString &text, Tone tone);
    // A connection's status: healthy is good, anything else a warning or (when broken) bad.
    // `error` becomes the tooltip.
    void setConnectionStatus(const QString &status, const QString &error = {});
    Tone tone() const { return m_tone; }

    static Tone toneForStatus(const QString &status);
    static QString statusLabel(const QString &status);
    static QColor toneColor(Tone tone, bool darkBackground);
    // A coloured dot for item views.
    static QIcon dotIcon(Tone tone);
    // A badge's font, from the font a widget has.
    static QFont badgeFont(QFont base);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    Tone m_tone = Tone::Neutral;
};
