// Specification: a window paints once when it shows, and again on losing the focus only where
// that changes how it looks; an icon drawn again from what it drew before looks the same, in the
// colours of the theme of the moment.
#include "EventCounter.h"
#include "ui/ActivationRepaint.h"
#include "ui/LogoCache.h"
#include "ui/StatusBadge.h"
#include "ui/SvgIconEngine.h"
#include "ui/ThemeManager.h"
#include "ui/WindowShow.h"

#include <QApplication>
#include <QIcon>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QPalette>
#include <QStringListModel>
#include <QTest>
#include <QVBoxLayout>

namespace {

const QByteArray square =
    QByteArrayLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 16\">"
                      "<rect width=\"16\" height=\"16\" fill=\"#2060c0\"/></svg>");

const QByteArray tintedSquare =
    QByteArrayLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 16\">"
                      "<rect width=\"16\" height=\"16\" fill=\"currentColor\"/></svg>");

QImage drawn(const QIcon &icon, QIcon::Mode mode = QIcon::Normal)
{
    QImage image(24, 24, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    icon.paint(&painter, QRect(0, 0, 24, 24), Qt::AlignCenter, mode);
    return image;
}

// A window with a search field, a list (skipping the repaint where it changes nothing) and a label;
// the list's paints are counted once the window is on screen and painted.
struct ListWindow
{
    QWidget window;
    QStringListModel model{{QStringLiteral("HubSpot"), QStringLiteral("PostgreSQL")}};
    QListView *list = new QListView(&window);
    QLabel *label = new QLabel(QStringLiteral("Connect an integration"), &window);
    QLineEdit *search = new QLineEdit(&window); // has the focus, as the picker's search field
    EventCounter listPaints{QEvent::Paint};

    bool showAndActivate()
    {
        auto *layout = new QVBoxLayout(&window);
        layout->addWidget(label);
        layout->addWidget(search);
        layout->addWidget(list);
        search->setFocus();
        list->setModel(&model);
        list->setCurrentIndex(model.index(0, 0));
        ActivationRepaint::skipWhenUnchanged(list);
        list->viewport()->installEventFilter(&listPaints);
        window.show();
        window.activateWindow();
        if (!QTest::qWaitForWindowActive(&window))
            return false;
        return QTest::qWaitFor([this] { return listPaints.count > 0; });
    }

    // Whether the list was painted again after another window took the focus: once the label,
    // asked to repaint after that, is on screen, a repaint of the list would be too.
    bool listRepaintedOnLosingTheFocus(QWidget *other)
    {
        QCoreApplication::sendPostedEvents();
        const int before = listPaints.count;
        other->show();
        other->activateWindow();
        if (!QTest::qWaitFor([this] { return !window.isActiveWindow(); }))
            return true;
        EventCounter labelPaints(QEvent::Paint);
        label->installEventFilter(&labelPaints);
        label->update();
        if (!QTest::qWaitFor([&] { return labelPaints.count > 0; }))
            return true;
        return listPaints.count > before;
    }
};

} // namespace

class TestPainting : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aShownWindowPaintsEachOfItsWidgetsOnce()
    {
        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        auto *label = new QLabel(QStringLiteral("Connecting PostgreSQL…"), &window);
        layout->addWidget(label);
        EventCounter paints(QEvent::Paint);
        label->installEventFilter(&paints);

        // As the app shows its windows: from an event, here a queued call (a signal of the page).
        QMetaObject::invokeMethod(
            &window, [&window] { WindowShow::show(&window); }, Qt::QueuedConnection);
        QTRY_VERIFY(window.isVisible());
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY(paints.count > 0);
        // Whatever repaint showing it asked for is delivered by now: requests first, then the
        // repaint they ask for.
        QCoreApplication::sendPostedEvents();
        QCoreApplication::sendPostedEvents();
        QCOMPARE(paints.count, 1);
    }

    void aListIsNotRepaintedWhenItsWindowLosesTheFocusAndLooksTheSame()
    {
        // Fusion, with the same colours active and inactive (as the app's palettes have).
        ListWindow main;
        QVERIFY(!ActivationRepaint::changesLook(main.list));
        QVERIFY(main.showAndActivate());
        QWidget other;
        QVERIFY(!main.listRepaintedOnLosingTheFocus(&other));
    }

    void aListIsRepaintedWhenItsWindowLosesTheFocusAndLooksDifferent()
    {
        ListWindow main;
        QPalette palette = main.window.palette();
        palette.setColor(QPalette::Inactive, QPalette::Highlight, QColor(0x90, 0x90, 0x90));
        main.window.setPalette(palette);
        QVERIFY(ActivationRepaint::changesLook(main.list));
        QVERIFY(main.showAndActivate());
        QWidget other;
        QVERIFY(main.listRepaintedOnLosingTheFocus(&other));
    }

    void aPlaceholderIsInTheBrandColourWithALetterThatReads_data()
    {
        QTest::addColumn<QString>("brand");
        QTest::newRow("none") << QString();
        QTest::newRow("a light brand (yellow)") << QStringLiteral("#FFE01B");
        QTest::newRow("a dark brand (aubergine)") << QStringLiteral("#4A154B");
        QTest::newRow("a middle brand (orange)") << QStringLiteral("#FF7A59");
    }

    void aPlaceholderIsInTheBrandColourWithALetterThatReads()
    {
        QFETCH(QString, brand);
        const QImage image = LogoCache::placeholder(QStringLiteral("Mailchimp"), brand)
                                 .pixmap(64, 64)
                                 .toImage()
                                 .convertToFormat(QImage::Format_ARGB32);
        const QColor tile = image.pixelColor(32, 3); // the tile's top edge, clear of the letter
        if (!brand.isEmpty())
            QCOMPARE(tile.name(), QColor(brand).name());
        double best = 1.0; // the letter: the pixel that stands out most from the tile
        for (int y = 16; y < 48; ++y) {
            for (int x = 16; x < 48; ++x)
                best = std::max(best, ThemeManager::contrastRatio(image.pixelColor(x, y), tile));
        }
        QVERIFY2(best >= 4.5, qPrintable(QString::number(best)));
    }

    void anIconDrawnAgainLooksTheSame()
    {
        const QIcon icon(new SvgIconEngine(square));
        const QImage first = drawn(icon);
        QCOMPARE(first.pixelColor(12, 12), QColor(0x20, 0x60, 0xc0));
        QCOMPARE(drawn(icon), first);
        // Another size is drawn for that size, not scaled from the first.
        QImage small(8, 8, QImage::Format_ARGB32_Premultiplied);
        small.fill(Qt::transparent);
        QPainter painter(&small);
        icon.paint(&painter, QRect(0, 0, 8, 8));
        painter.end();
        QCOMPARE(small.pixelColor(0, 0), QColor(0x20, 0x60, 0xc0));
        QCOMPARE(small.pixelColor(7, 7), QColor(0x20, 0x60, 0xc0));
    }

    void aDisabledIconIsFainterThanItsNormalOne()
    {
        const QIcon icon(new SvgIconEngine(square));
        const QImage normal = drawn(icon);
        const QImage disabled = drawn(icon, QIcon::Disabled);
        QVERIFY(qAlpha(disabled.pixel(12, 12)) < qAlpha(normal.pixel(12, 12)));
        QCOMPARE(drawn(icon), normal);
    }

    void everyRowGetsTheSameStatusDotForATone()
    {
        // A new dot for every row of every refresh went into Qt's pixmap cache, scaled, a few
        // more each session: memory grew with every connection made until the cache was full.
        const QIcon good = StatusBadge::dotIcon(StatusBadge::Tone::Good);
        QCOMPARE(StatusBadge::dotIcon(StatusBadge::Tone::Good).cacheKey(), good.cacheKey());
        QVERIFY(StatusBadge::dotIcon(StatusBadge::Tone::Bad).cacheKey() != good.cacheKey());
        // Drawn at the size the connections list shows it, not scaled to it.
        QVERIFY(good.availableSizes().contains(QSize(20, 20)));
    }

    void aSymbolTakesTheColourOfTheThemeOfTheMoment()
    {
        const QPalette before = QApplication::palette();
        QPalette red = before;
        red.setColor(QPalette::Active, QPalette::ButtonText, QColor(0xc0, 0x10, 0x10));
        QApplication::setPalette(red);
        const QIcon icon(new SvgIconEngine(tintedSquare, true));
        QCOMPARE(drawn(icon).pixelColor(12, 12), QColor(0xc0, 0x10, 0x10));

        QPalette blue = before;
        blue.setColor(QPalette::Active, QPalette::ButtonText, QColor(0x10, 0x10, 0xc0));
        QApplication::setPalette(blue);
        const QColor after = drawn(icon).pixelColor(12, 12);
        QApplication::setPalette(before);
        QCOMPARE(after, QColor(0x10, 0x10, 0xc0));
    }
};

QTEST_MAIN(TestPainting)
#include "tst_painting.moc"
