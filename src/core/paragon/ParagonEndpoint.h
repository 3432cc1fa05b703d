// Where a Paragon profile's project lives and how the app gets its user's token: what
// AppBackends gives ParagonProvider.
#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QUrl>

struct ParagonEndpoint
{
    QString projectId;
    // Every one of the SDK's environment keys (ZEUS_PUBLIC_URL, CONNECT_PUBLIC_URL, ...), as the
    // host page gives them to the SDK's constructor.
    QMap<QString, QUrl> environments;

    // Where the user token comes from.
    enum class TokenSource {
        TokenUrl, // the customer's backend (or the sandbox's stand-in for it): {"token": "<JWT>"}
        SigningKey, // support staff: the app signs tokens for `userId` with the project's key
    };
    TokenSource tokenSource = TokenSource::TokenUrl;
    QUrl tokenUrl;
    QByteArray credentialHeader; // sent to the token URL with the end user's own credential
    QString credential;
    QByteArray signingKeyPem; // kept in memory only; it came from the keychain
    QString userId; // the token's subject when the app signs

    int timeoutMs = 15000; // per request
    int tokenLifetimeSeconds = 600; // tokens the app signs

    QUrl zeus() const { return environments.value(QStringLiteral("ZEUS_PUBLIC_URL")); }
    QUrl cdn() const { return environments.value(QStringLiteral("CDN_PUBLIC_URL")); }
    // The SDK's requests go to `${ZEUS}/projects/{id}/sdk/...`.
    QUrl projectUrl(const QString &path) const;
    // The SDK's keys, in the order its documentation lists them.
    static QStringList environmentKeys();
};
