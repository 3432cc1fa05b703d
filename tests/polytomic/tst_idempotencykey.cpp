// Specification: Idempotency-Key values are 8..255 characters of [A-Za-z0-9_-].
#include "core/polytomic/IdempotencyKey.h"

#include <QTest>

class TestIdempotencyKey : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptsTheDocumentedAlphabet()
    {
        QVERIFY(IdempotencyKey::isValid(QStringLiteral("abcDEF09_-")));
        QVERIFY(IdempotencyKey::isValid(QString(8, QLatin1Char('a'))));
        QVERIFY(IdempotencyKey::isValid(QString(255, QLatin1Char('a'))));
    }

    void refusesOtherLengthsAndCharacters()
    {
        QVERIFY(!IdempotencyKey::isValid(QString(7, QLatin1Char('a'))));
        QVERIFY(!IdempotencyKey::isValid(QString(256, QLatin1Char('a'))));
        QVERIFY(!IdempotencyKey::isValid(QStringLiteral("abcdefgh!")));
        QVERIFY(!IdempotencyKey::isValid(QStringLiteral("abcd efgh")));
        QVERIFY(!IdempotencyKey::isValid(QStringLiteral("abcdéfgh")));
    }

    void generatesValidDistinctKeys()
    {
        const QString key = IdempotencyKey::generate();
        QVERIFY(IdempotencyKey::isValid(key));
        QVERIFY(key != IdempotencyKey::generate());
    }
};

QTEST_GUILESS_MAIN(TestIdempotencyKey)
#include "tst_idempotencykey.moc"
