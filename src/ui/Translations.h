// The app's languages: the translations built into it (translations/*.ts), which one to use
// (the settings' or --lang's choice, else the system's), and what the web pages are asked for.
#pragma once

#include <QString>
#include <QStringList>

namespace Translations {

// "en" and every language with a translation built in ("ar", "de", …), sorted.
QStringList available();
// The language to use for `requested` ("de", "de_AT"; empty: the system's languages in order),
// "en" when none of them has a translation.
QString resolve(const QString &requested);
// Installs the app's and Qt's translators for `language` (as resolve() returns it), makes it
// the default locale and mirrors the layout for right-to-left languages. Needs a
// QGuiApplication. Calling it again replaces the previous language.
void install(const QString &language);
// The Accept-Language header for web pages: the language first, English as the fallback
// ("de,en;q=0.8"; "en" alone for English).
QString acceptLanguage(const QString &language);
// The language's own name ("Deutsch", "العربية"), for choosing it.
QString nativeName(const QString &language);

} // namespace Translations
