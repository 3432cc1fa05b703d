// Puts the app's ProxySettings into effect for both network stacks, once at start-up, before the
// web engine starts: Qt's application proxy factory (every QNetworkAccessManager of the API
// clients) and Qt's application proxy, which Qt WebEngine 6.4 hands to Chromium (type, host and
// port only: no bypass list, no credentials; Chromium's own proxy flags are not read). The
// proxy's password arrives later (from the keychain) and is kept in memory only, for the API
// client's proxy and for the web pages' proxy sign-in.
#pragma once

#include "core/settings/ProxySettings.h"

#include <QNetworkProxy>

namespace ProxySetup {

// Applies `settings` (call before the first web engine profile is made).
void apply(const ProxySettings &settings);
// The password for the manual proxy's user (from the keychain or the environment).
void setPassword(const QString &password);
// Where the keychain keeps that password (service "connect-desktop").
inline QString keychainKey()
{
    return QStringLiteral("network-proxy");
}

// What is in effect (System until apply()).
ProxySettings current();
// The credentials a proxy sign-in asks for: the manual proxy's user and password, when the
// asking proxy is that one (`host`, as Chromium or Qt names it). False when there are none.
bool credentialsFor(const QString &host, QString *user, QString *password);
// Whether `url` goes through a proxy, and which ("proxy.corp:3128"); empty when it goes direct.
QString proxyFor(const QUrl &url);

} // namespace ProxySetup
