// Specification: RS256 user tokens (Jwt) as Paragon reads them: signed here, checked with the
// public key, refused when anything in them changed or another key signed them.
#include "core/paragon/Jwt.h"

#include <QJsonObject>
#include <QTest>

class TestJwt : public QObject
{
    Q_OBJECT

    Jwt::KeyPair m_keys;
    QJsonObject m_claims{{QStringLiteral("sub"), QStringLiteral("user-1")},
                         {QStringLiteral("exp"), 4102444800.0}};

private Q_SLOTS:
    void initTestCase() { m_keys = Jwt::generateKeyPair(); }

    void aSignedTokenChecksWithThePublicKeyAndGivesItsClaims()
    {
        const QString token = Jwt::signRs256(m_claims, m_keys.privateKeyPem);
        QJsonObject claims;
        QVERIFY(Jwt::verifyRs256(token, m_keys.publicKeyPem, &claims));
        QCOMPARE(claims, m_claims);
    }

    void aTokenWithAChangedPayloadIsRefused()
    {
        const QStringList parts =
            Jwt::signRs256(m_claims, m_keys.privateKeyPem).split(QLatin1Char('.'));
        const QByteArray other =
            QByteArray(R"({"sub":"someone-else","exp":4102444800})")
                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        const QString forged = parts.at(0) + QLatin1Char('.') + QString::fromLatin1(other)
            + QLatin1Char('.') + parts.at(2);
        QJsonObject claims;
        QVERIFY(!Jwt::verifyRs256(forged, m_keys.publicKeyPem, &claims));
    }

    void aTokenSignedWithAnotherKeyIsRefused()
    {
        const QString token = Jwt::signRs256(m_claims, Jwt::generateKeyPair().privateKeyPem);
        QJsonObject claims;
        QString error;
        QVERIFY(!Jwt::verifyRs256(token, m_keys.publicKeyPem, &claims, &error));
        QVERIFY(!error.isEmpty());
    }

    void aBadKeySignsNothingAndSaysWhy()
    {
        QString error;
        QVERIFY(Jwt::signRs256(m_claims, "not a key", &error).isEmpty());
        QVERIFY(!error.isEmpty());
    }

    void thePayloadDecodesWithoutTheKey()
    {
        const auto payload = Jwt::decodePayload(Jwt::signRs256(m_claims, m_keys.privateKeyPem));
        QVERIFY(payload.has_value());
        QCOMPARE(payload->value(QStringLiteral("sub")).toString(), QStringLiteral("user-1"));
        QVERIFY(!Jwt::decodePayload(QStringLiteral("no.jwt")).has_value());
    }

    void onlyAPrivateKeyIsAPrivateKey()
    {
        QVERIFY(Jwt::isPrivateKey(m_keys.privateKeyPem));
        QVERIFY(!Jwt::isPrivateKey(m_keys.publicKeyPem));
        QVERIFY(!Jwt::isPrivateKey("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"));
    }
};

QTEST_GUILESS_MAIN(TestJwt)
#include "tst_jwt.moc"
