// Specification: the connection types kept on disk between runs. An entry comes back as it was
// stored, with its validators; one for another profile or API never does; a broken, foreign or
// oversized file is not used and goes away; and no secret is written.
#include "core/system/ConnectionTypeCache.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

class TestConnectionTypeCache : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    static ConnectionTypeCache::Entry entry()
    {
        ConnectionTypeCache::Entry entry;
        ConnectionType postgres;
        postgres.id = QStringLiteral("postgresql");
        postgres.name = QStringLiteral("PostgreSQL");
        postgres.logoUrl = QUrl(QStringLiteral("/logos/postgresql.svg"));
        ConnectionType hubspot;
        hubspot.id = QStringLiteral("hubspot");
        hubspot.name = QStringLiteral("HubSpot");
        hubspot.useOAuth = true;
        entry.types = {postgres, hubspot};
        entry.validators.etag = QByteArrayLiteral("\"abc123\"");
        entry.validators.lastModified = QByteArrayLiteral("Sat, 21 Nov 2026 10:00:00 GMT");
        entry.fetchedAt = QDateTime(QDate(2026, 11, 21), QTime(10, 0), Qt::UTC);
        return entry;
    }

    QString key(const QString &profile = QStringLiteral("work")) const
    {
        return ConnectionTypeCache::keyFor(profile,
                                           QUrl(QStringLiteral("https://app.example.com/")));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void anEntryComesBackAsStored()
    {
        ConnectionTypeCache cache(m_dir.filePath(QStringLiteral("roundtrip")));
        QVERIFY(cache.store(key(), entry()));
        const auto loaded = cache.load(key());
        QVERIFY(loaded);
        QCOMPARE(loaded->types.size(), 2);
        QCOMPARE(loaded->types.at(0).id, QStringLiteral("postgresql"));
        QCOMPARE(loaded->types.at(0).logoUrl, QUrl(QStringLiteral("/logos/postgresql.svg")));
        QCOMPARE(loaded->types.at(1).useOAuth, true);
        QCOMPARE(loaded->validators, entry().validators);
        QCOMPARE(loaded->fetchedAt, entry().fetchedAt);
    }

    void nothingIsKeptForAnotherProfileOrApi()
    {
        ConnectionTypeCache cache(m_dir.filePath(QStringLiteral("keys")));
        QVERIFY(cache.store(key(), entry()));
        QVERIFY(!cache.load(key(QStringLiteral("home"))));
        QVERIFY(!cache.load(ConnectionTypeCache::keyFor(
            QStringLiteral("work"), QUrl(QStringLiteral("https://staging.example.com/")))));
        // The same API written with or without a trailing slash is the same API.
        QVERIFY(cache.load(ConnectionTypeCache::keyFor(
            QStringLiteral("work"), QUrl(QStringLiteral("https://app.example.com")))));
    }

    void aBrokenFileIsNotUsedAndGoesAway()
    {
        ConnectionTypeCache cache(m_dir.filePath(QStringLiteral("broken")));
        QVERIFY(cache.store(key(), entry()));
        QFile file(cache.filePath(key()));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("{\"version\":1,\"key\":");
        file.close();
        QVERIFY(!cache.load(key()));
        QVERIFY(!QFile::exists(cache.filePath(key())));
    }

    void aFileForAnotherKeyIsNotUsed()
    {
        // As if two keys' file names collided: the key inside decides.
        ConnectionTypeCache cache(m_dir.filePath(QStringLiteral("foreign")));
        QVERIFY(cache.store(key(QStringLiteral("other")), entry()));
        QVERIFY(QFile::copy(cache.filePath(key(QStringLiteral("other"))), cache.filePath(key())));
        QVERIFY(!cache.load(key()));
    }

    void anOversizedFileIsNotRead()
    {
        ConnectionTypeCache cache(m_dir.filePath(QStringLiteral("oversized")));
        QVERIFY(cache.store(key(), entry()));
        QFile file(cache.filePath(key()));
        QVERIFY(file.open(QIODevice::Append));
        QVERIFY(file.resize(9 * 1024 * 1024));
        file.close();
        QVERIFY(!cache.load(key()));
    }

    void noSecretIsWritten()
    {
        // The key holds no API key, and nothing else the cache writes does either: a type's
        // description is all there is.
        const QString secret = QStringLiteral("sk_live_should_never_be_written");
        ConnectionTypeCache cache(m_dir.filePath(QStringLiteral("secrets")));
        const QString k = ConnectionTypeCache::keyFor(
            QStringLiteral("work"),
            QUrl(QStringLiteral("https://user:%1@app.example.com/").arg(secret)));
        QVERIFY(cache.store(k, entry()));
        QFile file(cache.filePath(k));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(secret.toUtf8()));
    }
};

QTEST_GUILESS_MAIN(TestConnectionTypeCache)
#include "tst_connectiontypecache.moc"
