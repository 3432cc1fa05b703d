// The modal's pages, filled in from the templates in resources/sandbox/.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace SandboxPages {

// A fresh random nonce for one page's Content-Security-Policy.
QByteArray nonce();
// The Content-Security-Policy that goes with a page rendered with `nonce`.
QByteArray contentSecurityPolicy(const QByteArray &nonce);

// Replaces each {{NAME}} of `templ` by vars["NAME"] in one pass: a value is never re-scanned.
// An unknown name is left as it is.
QString fill(const QString &templ, const QHash<QString, QString> &vars);

// JSON fit to sit inside a <script> element: '<', '>', '&' and the line separators escaped.
QString scriptSafeJson(const QJsonObject &object);

// The resource file `name` under :/sandbox/, as text.
QString resource(const QString &name);

// The languages the sandbox's pages speak besides English ("ar", "de", …).
QStringList languages();
// The best language for an Accept-Language header ("de-AT,de;q=0.9,en;q=0.8" → "de"); "en"
// when it names none of ours.
QString negotiate(const QByteArray &acceptLanguage);
// The translated strings of the modal (`page` "modal") or the OAuth page ("oauth") for
// `language`, as their CONFIG.strings; empty for English.
QJsonObject strings(const QString &language, const QString &page);

QByteArray modal(const QJsonObject &config, bool dark, const QString &title,
                 const QByteArray &nonce, const QString &language = QStringLiteral("en"));
QByteArray oauthConsent(const QJsonObject &config, bool dark, const QString &title,
                        const QByteArray &nonce, const QString &language = QStringLiteral("en"));
QByteArray message(const QString &heading, const QString &text, bool dark, const QByteArray &nonce);

} // namespace SandboxPages
