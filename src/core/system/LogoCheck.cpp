#include "core/system/LogoCheck.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QSvgRenderer>
#include <QXmlStreamReader>

namespace LogoCheck {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("LogoCheck", text);
}

// A reference that stays inside the file: a fragment ("#id") or inline data.
bool isLocalReference(QStringView value)
{
    const QStringView trimmed = value.trimmed();
    return trimmed.isEmpty() || trimmed.startsWith(u'#')
        || trimmed.startsWith(u"data:", Qt::CaseInsensitive);
}

// url(...) in style attributes and <style> text must be local too.
bool hasExternalUrl(const QString &text)
{
    static const QRegularExpression url(QStringLiteral("url\\(\\s*['\"]?([^'\")]*)"),
                                        QRegularExpression::CaseInsensitiveOption);
    auto it = url.globalMatch(text);
    while (it.hasNext()) {
        if (!isLocalReference(it.next().capturedView(1)))
            return true;
    }
    return text.contains(QLatin1String("@import"), Qt::CaseInsensitive);
}

} // namespace

QString problem(const QByteArray &svg)
{
    if (svg.isEmpty())
        return tr("The logo file is empty. Choose an SVG file.");
    if (svg.size() > maxBytes)
        return tr("The logo is larger than %1 KiB. Simplify it or export a smaller SVG.")
            .arg(maxBytes / 1024);

    QXmlStreamReader xml(svg);
    bool sawSvg = false;
    while (!xml.atEnd()) {
        const QXmlStreamReader::TokenType token = xml.readNext();
        if (token == QXmlStreamReader::DTD || token == QXmlStreamReader::EntityReference)
            return tr("The logo declares a DOCTYPE or entities; export it as plain SVG.");
        if (token == QXmlStreamReader::Characters && hasExternalUrl(xml.text().toString()))
            return tr(
                "The logo refers to files or addresses outside itself; embed them or remove them.");
        if (token != QXmlStreamReader::StartElement)
            continue;
        const QStringView name = xml.name();
        if (!sawSvg) {
            if (name != u"svg")
                return tr("This is not an SVG image. Choose an .svg file.");
            sawSvg = true;
        }
        if (name.compare(u"script", Qt::CaseInsensitive) == 0
            || name.compare(u"foreignObject", Qt::CaseInsensitive) == 0)
            return tr("The logo contains scripts or embedded web content, which are not allowed. "
                      "Export it as plain SVG.");
        for (const QXmlStreamAttribute &attribute : xml.attributes()) {
            const QStringView attributeName = attribute.name();
            if (attributeName.startsWith(u"on", Qt::CaseInsensitive))
                return tr(
                    "The logo contains scripts or embedded web content, which are not allowed. "
                    "Export it as plain SVG.");
            if ((attributeName == u"href" || attributeName == u"src")
                && !isLocalReference(attribute.value()))
                return tr("The logo refers to files or addresses outside itself; embed them or "
                          "remove them.");
            if (hasExternalUrl(attribute.value().toString()))
                return tr("The logo refers to files or addresses outside itself; embed them or "
                          "remove them.");
        }
    }
    if (xml.hasError() || !sawSvg)
        return tr("The logo is not a well-formed SVG file (%1).")
            .arg(xml.hasError() ? xml.errorString() : tr("no <svg> element"));

    QSvgRenderer renderer(svg);
    if (!renderer.isValid() || renderer.defaultSize().isEmpty())
        return tr("The logo cannot be drawn. Open it in an SVG editor and export it again.");
    return {};
}

QString problemWithFile(const QString &path, QByteArray *contents)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return tr("Cannot read %1: %2.").arg(path, file.errorString());
    if (file.size() > maxBytes)
        return tr("The logo is larger than %1 KiB. Simplify it or export a smaller SVG.")
            .arg(maxBytes / 1024);
    const QByteArray data = file.readAll();
    const QString result = problem(data);
    if (result.isEmpty() && contents)
        *contents = data;
    return result;
}

} // namespace LogoCheck
