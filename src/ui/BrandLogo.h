// The app's header logo: the custom logo from the settings when it passes LogoCheck, our own
// otherwise, drawn as vectors at paint time so it is sharp at any scale.
#pragma once

#include <QSvgRenderer>
#include <QWidget>

class AppSettings;

class BrandLogo : public QWidget
{
    Q_OBJECT

public:
    explicit BrandLogo(QWidget *parent = nullptr);

    // The custom logo for the theme (its dark variant when dark and set), else the app's own.
    void setFromSettings(const AppSettings *settings, bool dark);
    // False, leaving the logo as it was, when `svg` cannot be drawn.
    bool setSvg(const QByteArray &svg);
    void setAppLogo();
    bool isCustom() const { return m_custom; }
    // Why the configured custom logo is not shown; empty when it is (or none is set).
    QString customLogoProblem() const { return m_problem; }

    void setLogoHeight(int height);
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

    static QByteArray appLogoSvg();

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QSvgRenderer m_renderer;
    int m_height = 28;
    bool m_custom = false;
    QString m_problem;
};
