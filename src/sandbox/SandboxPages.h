// The modal's pages, filled in from the templates in resources/sandbox/.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>

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

QByteArray modal(const QJsonObject &config, bool dark, const QString &title,
                 const QByteArray &nonce);
QByteArray oauthConsent(const QJsonObject &config, bool dark, const QString &title,
                        const QByteArray &nonce);
QByteArray message(const QString &heading, const QString &text, bool dark, const QByteArray &nonce);

} // namespace SandboxPages
