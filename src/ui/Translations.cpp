#include "ui/Translations.h"

#include "core/system/LogCategories.h"

#include <QCoreApplication>
#include <QDir>
#include <QGuiApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QTranslator>

namespace {

constexpr auto resourceDir = ":/i18n";
constexpr auto filePrefix = "connect-desktop_";

QList<QPointer<QTranslator>> &installed()
{
    static QList<QPointer<QTranslator>> translators;
    return translators;
}

// "de_AT" and "de-AT" → "de_AT"; the part before the region alone → "de".
QString baseOf(const QString &language)
{
    return language.section(QLatin1Char('_'), 0, 0).section(QLatin1Char('-'), 0, 0).toLower();
}

} // namespace

namespace Translations {

QStringList available()
{
    QStringList languages{QStringLiteral("en")};
    const QStringList files = QDir(QLatin1String(resourceDir))
                                  .entryList({QLatin1String(filePrefix) + QStringLiteral("*.qm")});
    for (const QString &file : files)
        languages.append(file.mid(int(qstrlen(filePrefix))).chopped(3));
    languages.sort();
    return languages;
}

QString resolve(const QString &requested)
{
    const QStringList have = available();
    const QStringList wanted =
        requested.trimmed().isEmpty() ? QLocale::system().uiLanguages() : QStringList{requested};
    for (const QString &language : wanted) {
        const QString normalised = QString(language).replace(QLatin1Char('-'), QLatin1Char('_'));
        if (have.contains(normalised))
            return normalised;
        if (have.contains(baseOf(normalised)))
            return baseOf(normalised);
    }
    return QStringLiteral("en");
}

void install(const QString &language)
{
    for (const QPointer<QTranslator> &old : std::as_const(installed())) {
        if (old) {
            QCoreApplication::removeTranslator(old);
            delete old;
        }
    }
    installed().clear();

    const QLocale locale(language);
    QLocale::setDefault(locale);
    QGuiApplication::setLayoutDirection(locale.textDirection());
    if (language == QLatin1String("en"))
        return;
    auto *ours = new QTranslator(QCoreApplication::instance());
    if (ours->load(QLatin1String(filePrefix) + language, QLatin1String(resourceDir))) {
        QCoreApplication::installTranslator(ours);
        installed().append(ours);
    } else {
        qCWarning(lcApp) << "no translation built in for" << language;
        delete ours;
    }
    // Qt's own strings (standard buttons, dialogs), where the system has them.
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        installed().append(qt);
    } else {
        delete qt;
    }
}

QString acceptLanguage(const QString &language)
{
    if (language.isEmpty() || baseOf(language) == QLatin1String("en"))
        return QStringLiteral("en");
    QString tag = QString(language).replace(QLatin1Char('_'), QLatin1Char('-'));
    QString header = tag;
    if (tag.contains(QLatin1Char('-')))
        header += QLatin1Char(',') + baseOf(language) + QStringLiteral(";q=0.9");
    return header + QStringLiteral(",en;q=0.8");
}

QString nativeName(const QString &language)
{
    const QLocale locale(language);
    QString name = locale.nativeLanguageName();
    if (name.isEmpty())
        return language;
    name[0] = name.at(0).toUpper();
    return name;
}

} // namespace Translations
