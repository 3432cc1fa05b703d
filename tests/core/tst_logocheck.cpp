// Specification: a custom logo is used only when it is a small, self-contained, drawable SVG.
#include "core/system/LogoCheck.h"

#include <QTest>

namespace {

QByteArray svg(const QByteArray &inner)
{
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
           "viewBox=\"0 0 10 10\" width=\"10\" height=\"10\">"
        + inner + "</svg>";
}

} // namespace

class TestLogoCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptsAPlainSvg()
    {
        QVERIFY(
            LogoCheck::problem(svg("<rect width=\"10\" height=\"10\" fill=\"#123\"/>")).isEmpty());
    }

    void acceptsInternalReferences()
    {
        QVERIFY(LogoCheck::problem(
                    svg("<defs><linearGradient id=\"g\"/></defs><rect width=\"10\" height=\"10\" "
                        "fill=\"url(#g)\"/><use xlink:href=\"#g\"/>"))
                    .isEmpty());
    }

    void refusesWhatIsNotFitToShow_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("not svg") << QByteArray("<html><body/></html>");
        QTest::newRow("png") << QByteArray("\x89PNG\r\n\x1a\n");
        QTest::newRow("broken xml")
            << QByteArray("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect>");
        QTest::newRow("script") << svg("<script>alert(1)</script>");
        QTest::newRow("event handler")
            << svg("<rect width=\"1\" height=\"1\" onload=\"alert(1)\"/>");
        QTest::newRow("foreignObject") << svg("<foreignObject><div/></foreignObject>");
        QTest::newRow("external image")
            << svg("<image href=\"https://example.com/x.png\" width=\"1\" height=\"1\"/>");
        QTest::newRow("external xlink") << svg("<use xlink:href=\"file:///etc/passwd#x\"/>");
        QTest::newRow("external url()")
            << svg("<rect width=\"1\" height=\"1\" style=\"fill:url(http://x/y)\"/>");
        QTest::newRow("style import") << svg("<style>@import url(http://x/y.css);</style>");
        QTest::newRow("doctype") << QByteArray("<!DOCTYPE svg [<!ENTITY x \"y\">]>")
                + svg("<text>&x;</text>");
        QTest::newRow("too big") << svg(QByteArray(LogoCheck::maxBytes, ' '));
    }

    void refusesWhatIsNotFitToShow()
    {
        QFETCH(QByteArray, data);
        QVERIFY(!LogoCheck::problem(data).isEmpty());
    }

    void aMissingFileSaysSo()
    {
        QVERIFY(LogoCheck::problemWithFile(QStringLiteral("/nonexistent/logo.svg"))
                    .contains(QLatin1String("/nonexistent/logo.svg")));
    }
};

QTEST_MAIN(TestLogoCheck)
#include "tst_logocheck.moc"
