// RS256 JSON Web Tokens (Paragon's user tokens), with OpenSSL's libcrypto (EVP).
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

class Jwt
{
public:
    struct KeyPair
    {
        QByteArray privateKeyPem;
        QByteArray publicKeyPem;
    };
    // A new RSA key pair, PEM encoded (PKCS#8 private key, SubjectPublicKeyInfo public key).
    static KeyPair generateKeyPair(int bits = 2048);
    // header {"alg":"RS256","typ":"JWT"}; empty QString and *error set on a bad key.
    static QString signRs256(const QJsonObject &claims, const QByteArray &privateKeyPem,
                             QString *error = nullptr);
    // True when the signature checks with the key (the PEM of a public key, or of a private
    // key); *claims set. No claim is judged here (exp is the caller's).
    static bool verifyRs256(const QString &token, const QByteArray &keyPem, QJsonObject *claims,
                            QString *error = nullptr);
    // The payload, decoded without any check (what Paragon's SDK does in the page); nullopt if
    // not a JWT.
    static std::optional<QJsonObject> decodePayload(const QString &token);
    // Whether `pem` is an RSA private key OpenSSL can read.
    static bool isPrivateKey(const QByteArray &pem);
};
