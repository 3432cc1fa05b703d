#include "core/paragon/Jwt.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <memory>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

namespace {

using Key = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using Bio = std::unique_ptr<BIO, decltype(&BIO_free)>;
using DigestContext = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;

constexpr auto base64url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QString openSslError()
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0)
        return QCoreApplication::translate("Jwt", "unknown error");
    char text[256];
    ERR_error_string_n(code, text, sizeof text);
    return QString::fromLatin1(text);
}

Bio bioOf(const QByteArray &bytes)
{
    return Bio(BIO_new_mem_buf(bytes.constData(), int(bytes.size())), &BIO_free);
}

Key readPrivateKey(const QByteArray &pem)
{
    Bio bio = bioOf(pem);
    // No passphrase callback: an encrypted key is refused, never asked for on a terminal.
    return Key(PEM_read_bio_PrivateKey(
                   bio.get(), nullptr, [](char *, int, int, void *) { return 0; }, nullptr),
               &EVP_PKEY_free);
}

Key readAnyKey(const QByteArray &pem)
{
    if (pem.contains("PRIVATE KEY"))
        return readPrivateKey(pem);
    Bio bio = bioOf(pem);
    return Key(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr), &EVP_PKEY_free);
}

QByteArray pemOf(EVP_PKEY *key, bool isPrivate)
{
    Bio bio(BIO_new(BIO_s_mem()), &BIO_free);
    const int ok = isPrivate
        ? PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr)
        : PEM_write_bio_PUBKEY(bio.get(), key);
    if (ok != 1)
        return {};
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, int(size));
}

bool isRsa(EVP_PKEY *key)
{
    return key && EVP_PKEY_base_id(key) == EVP_PKEY_RSA;
}

} // namespace

Jwt::KeyPair Jwt::generateKeyPair(int bits)
{
    Key key(EVP_RSA_gen(unsigned(bits)), &EVP_PKEY_free);
    if (!key)
        return {};
    return {pemOf(key.get(), true), pemOf(key.get(), false)};
}

QString Jwt::signRs256(const QJsonObject &claims, const QByteArray &privateKeyPem, QString *error)
{
    Key key = readPrivateKey(privateKeyPem);
    if (!isRsa(key.get())) {
        if (error)
            *error = key ? QCoreApplication::translate("Jwt", "the key is not an RSA key")
                         : openSslError();
        return {};
    }
    const QByteArray header =
        QByteArrayLiteral(R"({"alg":"RS256","typ":"JWT"})").toBase64(base64url);
    const QByteArray payload =
        QJsonDocument(claims).toJson(QJsonDocument::Compact).toBase64(base64url);
    const QByteArray input = header + '.' + payload;

    DigestContext context(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    size_t length = 0;
    if (!context
        || EVP_DigestSignInit(context.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1
        || EVP_DigestSign(context.get(), nullptr, &length,
                          reinterpret_cast<const unsigned char *>(input.constData()),
                          size_t(input.size()))
            != 1) {
        if (error)
            *error = openSslError();
        return {};
    }
    QByteArray signature(qsizetype(length), Qt::Uninitialized);
    if (EVP_DigestSign(context.get(), reinterpret_cast<unsigned char *>(signature.data()), &length,
                       reinterpret_cast<const unsigned char *>(input.constData()),
                       size_t(input.size()))
        != 1) {
        if (error)
            *error = openSslError();
        return {};
    }
    signature.resize(qsizetype(length));
    return QString::fromLatin1(input + '.' + signature.toBase64(base64url));
}

bool Jwt::verifyRs256(const QString &token, const QByteArray &keyPem, QJsonObject *claims,
                      QString *error)
{
    const QList<QByteArray> parts = token.toLatin1().split('.');
    if (parts.size() != 3) {
        if (error)
            *error = QCoreApplication::translate("Jwt", "not a JWT (three dot-separated parts)");
        return false;
    }
    const QJsonObject header =
        QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(0), base64url)).object();
    if (header.value(QStringLiteral("alg")).toString() != QLatin1String("RS256")) {
        if (error)
            *error = QCoreApplication::translate("Jwt", "not signed with RS256");
        return false;
    }
    Key key = readAnyKey(keyPem);
    if (!isRsa(key.get())) {
        if (error)
            *error = key ? QCoreApplication::translate("Jwt", "the key is not an RSA key")
                         : openSslError();
        return false;
    }
    const QByteArray input = parts.at(0) + '.' + parts.at(1);
    const QByteArray signature = QByteArray::fromBase64(parts.at(2), base64url);
    DigestContext context(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    const bool valid = context
        && EVP_DigestVerifyInit(context.get(), nullptr, EVP_sha256(), nullptr, key.get()) == 1
        && EVP_DigestVerify(
               context.get(), reinterpret_cast<const unsigned char *>(signature.constData()),
               size_t(signature.size()), reinterpret_cast<const unsigned char *>(input.constData()),
               size_t(input.size()))
            == 1;
    ERR_clear_error();
    if (!valid) {
        if (error)
            *error = QCoreApplication::translate("Jwt", "the signature does not match the key");
        return false;
    }
    const std::optional<QJsonObject> payload = decodePayload(token);
    if (!payload) {
        if (error)
            *error = QCoreApplication::translate("Jwt", "the payload is not a JSON object");
        return false;
    }
    if (claims)
        *claims = *payload;
    return true;
}

std::optional<QJsonObject> Jwt::decodePayload(const QString &token)
{
    const QList<QByteArray> parts = token.toLatin1().split('.');
    if (parts.size() != 3 || parts.at(1).isEmpty())
        return std::nullopt;
    QJsonParseError parsed{};
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(1), base64url), &parsed);
    if (parsed.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

bool Jwt::isPrivateKey(const QByteArray &pem)
{
    Key key = readPrivateKey(pem);
    ERR_clear_error();
    return isRsa(key.get());
}
