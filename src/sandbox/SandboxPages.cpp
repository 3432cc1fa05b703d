#include "sandbox/SandboxPages.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QLocale>
#include <QRandomGenerator>

#include <algorithm>

namespace SandboxPages {

QByteArray nonce()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QByteArray(reinterpret_cast<const char *>(words), sizeof(words)).toBase64();
}

QByteArray contentSecurityPolicy(const QByteArray &nonce)
{
    return "default-src 'none'; script-src 'nonce-" + nonce + "'; style-src 'nonce-" + nonce
        + "'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; "
          "frame-ancestors 'none'";
}

QString fill(const QString &templ, const QHash<QString, QString> &vars)
{
    QString out;
    out.reserve(templ.size() * 2);
    qsizetype at = 0;
    while (at < templ.size()) {
        const qsizetype open = templ.indexOf(QLatin1String("{{"), at);
        if (open < 0)
            break;
        const qsizetype close = templ.indexOf(QLatin1String("}}"), open + 2);
        if (close < 0)
            break;
        out += QStringView(templ).mid(at, open - at);
        const QString name = templ.mid(open + 2, close - open - 2);
        const auto value = vars.constFind(name);
        if (value != vars.constEnd())
            out += *value;
        else
            out += QStringView(templ).mid(open, close + 2 - open);
        at = close + 2;
    }
    out += QStringView(templ).mid(at);
    return out;
}

QString scriptSafeJson(const QJsonObject &object)
{
    QString json = QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
    json.replace(QLatin1Char('<'), QLatin1String("\\u003c"));
    json.replace(QLatin1Char('>'), QLatin1String("\\u003e"));
    json.replace(QLatin1Char('&'), QLatin1String("\\u0026"));
    json.replace(QChar(0x2028), QLatin1String("\\u2028"));
    json.replace(QChar(0x2029), QLatin1String("\\u2029"));
    return json;
}

QString resource(const QString &name)
{
    // Read once: the templates are compiled in and every modal page needs three of them.
    static QHash<QString, QString> cache;
    const auto cached = cache.constFind(name);
    if (cached != cache.constEnd())
        return *cached;
    QFile file(QStringLiteral(":/sandbox/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return *cache.insert(name, QString::fromUtf8(file.readAll()));
}

namespace {

QHash<QString, QString> common(bool dark, const QString &title, const QByteArray &nonce,
                               const QString &language = QStringLiteral("en"))
{
    const bool rtl = QLocale(language).textDirection() == Qt::RightToLeft;
    return {{QStringLiteral("LANG"), language},
            {QStringLiteral("DIR"), rtl ? QStringLiteral("rtl") : QStringLiteral("ltr")},
            {QStringLiteral("THEME"), dark ? QStringLiteral("dark") : QStringLiteral("light")},
            {QStringLiteral("NONCE"), QString::fromLatin1(nonce)},
            {QStringLiteral("TITLE"), title.toHtmlEscaped()},
            {QStringLiteral("STYLE"), resource(QStringLiteral("modal.css"))}};
}

} // namespace

QStringList languages()
{
    static const QStringList found = [] {
        QStringList list;
        for (const QString &file :
             QDir(QStringLiteral(":/sandbox/i18n")).entryList({QStringLiteral("*.json")}))
            list.append(file.chopped(5));
        return list;
    }();
    return found;
}

QString negotiate(const QByteArray &acceptLanguage)
{
    // Ranges in the order of their q values (stable for equal ones), as RFC 9110 says.
    QList<QPair<double, QString>> ranges;
    for (const QByteArray &part : acceptLanguage.split(',')) {
        const QList<QByteArray> pieces = part.split(';');
        const QString tag = QString::fromLatin1(pieces.value(0).trimmed()).toLower();
        double q = 1.0;
        for (const QByteArray &parameter : pieces.mid(1)) {
            const QByteArray trimmed = parameter.trimmed();
            if (trimmed.startsWith("q="))
                q = trimmed.mid(2).toDouble();
        }
        if (!tag.isEmpty() && q > 0.0)
            ranges.append({q, tag});
    }
    std::stable_sort(ranges.begin(), ranges.end(),
                     [](const auto &a, const auto &b) { return a.first > b.first; });
    const QStringList ours = languages();
    for (const auto &range : std::as_const(ranges)) {
        const QString base = range.second.section(QLatin1Char('-'), 0, 0);
        if (base == QLatin1String("en"))
            return QStringLiteral("en");
        if (ours.contains(base))
            return base;
    }
    return QStringLiteral("en");
}

QJsonObject strings(const QString &language, const QString &page)
{
    static QHash<QString, QJsonObject> cache;
    if (language == QLatin1String("en") || !languages().contains(language))
        return {};
    auto found = cache.constFind(language);
    if (found == cache.constEnd()) {
        QFile file(QStringLiteral(":/sandbox/i18n/%1.json").arg(language));
        const QJsonObject all = file.open(QIODevice::ReadOnly)
            ? QJsonDocument::fromJson(file.readAll()).object()
            : QJsonObject();
        found = cache.insert(language, all);
    }
    QJsonObject all = *found;
    if (page == QLatin1String("oauth"))
        return all.value(QLatin1String("oauthPage")).toObject();
    all.remove(QLatin1String("oauthPage"));
    return all;
}

QByteArray modal(const QJsonObject &config, bool dark, const QString &title,
                 const QByteArray &nonce, const QString &language)
{
    auto vars = common(dark, title, nonce, language);
    vars.insert(QStringLiteral("CONFIG"), scriptSafeJson(config));
    vars.insert(QStringLiteral("SCRIPT"), resource(QStringLiteral("modal.js")));
    return fill(resource(QStringLiteral("modal.html")), vars).toUtf8();
}

QByteArray oauthConsent(const QJsonObject &config, bool dark, const QString &title,
                        const QByteArray &nonce, const QString &language)
{
    auto vars = common(dark, title, nonce, language);
    vars.insert(QStringLiteral("CONFIG"), scriptSafeJson(config));
    vars.insert(QStringLiteral("SCRIPT"), resource(QStringLiteral("oauth.js")));
    return fill(resource(QStringLiteral("oauth.html")), vars).toUtf8();
}

QByteArray message(const QString &heading, const QString &text, bool dark, const QByteArray &nonce)
{
    auto vars = common(dark, heading, nonce);
    vars.insert(QStringLiteral("HEADING"), heading.toHtmlEscaped());
    vars.insert(QStringLiteral("MESSAGE"), text.toHtmlEscaped());
    return fill(resource(QStringLiteral("message.html")), vars).toUtf8();
}

} // namespace SandboxPages
