#include "sandbox/SandboxCatalogue.h"

#include "core/polytomic/PolytomicJson.h"
#include "core/system/LogCategories.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

SandboxCatalogue::SandboxCatalogue(const QUrl &serverUrl)
{
    QFile file(QStringLiteral(":/sandbox/catalogue.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        qCCritical(lcSandbox) << "the built-in catalogue is missing from the resources";
        return;
    }
    const QJsonArray entries =
        QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("types")).toArray();
    for (const QJsonValue &entry : entries) {
        auto type = PolytomicJson::connectionType(entry.toObject());
        if (!type)
            continue;
        m_colours.insert(
            type->id,
            entry.toObject().value(QLatin1String("color")).toString(QStringLiteral("#5b6bd5")));
        m_types.append(*type);
    }
    setServerUrl(serverUrl);
}

void SandboxCatalogue::setServerUrl(const QUrl &serverUrl)
{
    for (ConnectionType &type : m_types) {
        const QString path = QStringLiteral("/logos/%1.svg").arg(type.id);
        type.logoUrl = serverUrl.isEmpty() ? QUrl(path) : serverUrl.resolved(QUrl(path));
    }
}

const ConnectionType *SandboxCatalogue::find(const QString &id) const
{
    for (const ConnectionType &type : m_types) {
        if (type.id == id)
            return &type;
    }
    return nullptr;
}

QString SandboxCatalogue::monogram(const QString &name)
{
    const QStringList words = name.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.size() >= 2)
        return QString(words.at(0).front().toUpper()) + words.at(1).front().toUpper();
    if (name.isEmpty())
        return QStringLiteral("?");
    // One word: its first letter and its next capital ("HubSpot" gives "HS"), else one letter.
    for (qsizetype i = 1; i < name.size(); ++i) {
        if (name.at(i).isUpper())
            return QString(name.front().toUpper()) + name.at(i);
    }
    return QString(name.front().toUpper());
}

QByteArray SandboxCatalogue::logoSvg(const QString &id) const
{
    const ConnectionType *type = find(id);
    if (!type)
        return {};
    const QString letters = monogram(type->name).toHtmlEscaped();
    // Placed on the alphabetic baseline: QtSvg ignores dominant-baseline, browsers do not.
    const bool two = letters.size() > 1;
    const QString fontSize = two ? QStringLiteral("26") : QStringLiteral("34");
    const QString baseline = two ? QStringLiteral("41") : QStringLiteral("44");
    return QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 64\" "
                          "width=\"64\" height=\"64\">"
                          "<title>%1</title>"
                          "<rect width=\"64\" height=\"64\" rx=\"14\" fill=\"%2\"/>"
                          "<text x=\"32\" y=\"%5\" text-anchor=\"middle\" "
                          "font-family=\"DejaVu Sans, Arial, sans-serif\" font-weight=\"700\" "
                          "font-size=\"%3\" "
                          "fill=\"#ffffff\">%4</text></svg>")
        .arg(type->name.toHtmlEscaped(), m_colours.value(id), fontSize, letters, baseline)
        .toUtf8();
}
