// Specification: the app's style draws the standard symbols Qt's common styles keep as PNG files
// (the toolbar's and menu bar's extension, a search field's clear button) as our own SVG, in the
// colours of the theme of the moment; so the main window's chrome reads no image file, and Qt
// does not load its image format plugins on the way to the first paint.
#include "core/settings/AppSettings.h"
#include "ui/AppStyle.h"
#include "ui/StatusBadge.h"
#include "ui/ThemeManager.h"

#include <QApplication>
#include <QFile>
#include <QImage>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenuBar>
#include <QPainter>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

namespace {

// The colour most of the icon's opaque pixels have.
QColor inkOf(const QIcon &icon)
{
    QImage image(32, 32, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        icon.paint(&painter, image.rect());
    }
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor pixel = image.pixelColor(x, y);
            if (pixel.alpha() == 255)
                return pixel;
        }
    }
    return {};
}

bool imagePluginLoaded()
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    if (!maps.open(QIODevice::ReadOnly))
        return false;
    return maps.readAll().contains("/imageformats/");
}

} // namespace

class TestAppStyle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_qsettings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("s.ini")),
                                                  QSettings::IniFormat);
        m_settings = std::make_unique<AppSettings>(m_qsettings.get());
    }

    // First: nothing in this process has read an image yet.
    void theMainWindowsChromeLoadsNoImagePlugin()
    {
#ifndef Q_OS_LINUX
        QSKIP("reads /proc/self/maps");
#endif
        QVERIFY(!imagePluginLoaded());
        ThemeManager theme(m_settings.get());
        QMainWindow window;
        window.menuBar()->addMenu(QStringLiteral("&File"));
        window.addToolBar(QStringLiteral("Main"))->addAction(QStringLiteral("Refresh"));
        auto *search = new QLineEdit(&window);
        search->setClearButtonEnabled(true);
        search->setText(QStringLiteral("postgres")); // the clear button shows
        window.setCentralWidget(search);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.grab(); // painted
        QVERIFY(!imagePluginLoaded());
    }

    void standardSymbolsTakeTheColourOfTheTheme()
    {
        ThemeManager theme(m_settings.get());
        for (const auto themeChoice : {AppSettings::Theme::Light, AppSettings::Theme::Dark}) {
            m_settings->setTheme(themeChoice);
            const QColor text = QApplication::palette().color(QPalette::ButtonText);
            for (const auto symbol :
                 {QStyle::SP_LineEditClearButton, QStyle::SP_ToolBarHorizontalExtensionButton,
                  QStyle::SP_ToolBarVerticalExtensionButton}) {
                const QColor ink = inkOf(QApplication::style()->standardIcon(symbol));
                QVERIFY2(ink.isValid(), qPrintable(QString::number(symbol)));
                QCOMPARE(ink.rgb(), text.rgb());
            }
        }
    }

    void contrastIsWcagsRatio()
    {
        QCOMPARE(qRound(ThemeManager::contrastRatio(Qt::black, Qt::white) * 100), 2100);
        QCOMPARE(ThemeManager::contrastRatio(Qt::gray, Qt::gray), 1.0);
        // #777 on white: 4.48, the usual example of a grey just short of AA.
        QCOMPARE(qRound(ThemeManager::contrastRatio(QColor(0x77, 0x77, 0x77), Qt::white) * 100),
                 448);
    }

    void secondaryTextIsReadableInEveryTheme()
    {
        // Captions, hints and the connect window's page address use PlaceholderText.
        ThemeManager theme(m_settings.get());
        for (const auto choice :
             {AppSettings::Theme::Light, AppSettings::Theme::Dark, AppSettings::Theme::System}) {
            m_settings->setTheme(choice);
            const QPalette palette = QApplication::palette();
            const QColor secondary = palette.color(QPalette::PlaceholderText);
            for (const auto role : {QPalette::Window, QPalette::Base}) {
                const double ratio = ThemeManager::contrastRatio(secondary, palette.color(role));
                QVERIFY2(ratio >= ThemeManager::readableContrast,
                         qPrintable(QStringLiteral("theme %1, role %2: %3:1")
                                        .arg(int(choice))
                                        .arg(int(role))
                                        .arg(ratio, 0, 'f', 2)));
            }
        }
    }

    void stripTextIsReadableOnEveryToneInEveryTheme()
    {
        // A Banner (the page's messages, the address warning, …) fills its box with its tone at
        // 10 % (light) or 18 % (dark) over the window, and writes in WindowText.
        ThemeManager theme(m_settings.get());
        for (const auto choice : {AppSettings::Theme::Light, AppSettings::Theme::Dark}) {
            m_settings->setTheme(choice);
            const QPalette palette = QApplication::palette();
            const bool dark = ThemeManager::isDarkPalette(palette);
            const QColor window = palette.color(QPalette::Window);
            for (const auto tone :
                 {StatusBadge::Tone::Good, StatusBadge::Tone::Warning, StatusBadge::Tone::Bad,
                  StatusBadge::Tone::Accent, StatusBadge::Tone::Neutral}) {
                QColor fill = StatusBadge::toneColor(tone, dark);
                fill.setAlphaF(dark ? 0.18f : 0.10f);
                const QColor box = QColor::fromRgbF(
                    float(window.redF() + (fill.redF() - window.redF()) * fill.alphaF()),
                    float(window.greenF() + (fill.greenF() - window.greenF()) * fill.alphaF()),
                    float(window.blueF() + (fill.blueF() - window.blueF()) * fill.alphaF()));
                const double ratio =
                    ThemeManager::contrastRatio(palette.color(QPalette::WindowText), box);
                QVERIFY2(ratio >= ThemeManager::readableContrast,
                         qPrintable(QStringLiteral("dark %1, tone %2: %3:1")
                                        .arg(dark)
                                        .arg(int(tone))
                                        .arg(ratio, 0, 'f', 2)));
            }
        }
    }

    void theStyleKeepsTheKeyItWasMadeFrom()
    {
        AppStyle style(QStringLiteral("Fusion"));
        QCOMPARE(AppStyle::keyOf(&style).toLower(), QStringLiteral("fusion"));
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_qsettings;
    std::unique_ptr<AppSettings> m_settings;
};

QTEST_MAIN(TestAppStyle)
#include "tst_appstyle.moc"
