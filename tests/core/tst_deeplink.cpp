// Specification: connectdesktop:// links are untrusted input: one integration, nothing else.
#include "core/system/DeepLink.h"
#include "core/system/SingleInstance.h"

#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#ifdef Q_OS_LINUX
#include <sys/wait.h>
#include <unistd.h>
#endif

class TestDeepLink : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsTheIntegration_data()
    {
        QTest::addColumn<QString>("link");
        QTest::newRow("authority form")
            << QStringLiteral("connectdesktop://connect?integration=hubspot");
        QTest::newRow("path form") << QStringLiteral("connectdesktop:connect?integration=hubspot");
        QTest::newRow("trailing slash")
            << QStringLiteral("connectdesktop://connect/?integration=hubspot");
        QTest::newRow("scheme case")
            << QStringLiteral("ConnectDesktop://connect?integration=hubspot");
    }

    void readsTheIntegration()
    {
        QFETCH(QString, link);
        QString error;
        const auto parsed = DeepLink::parse(link, &error);
        QVERIFY2(parsed.has_value(), qPrintable(error));
        QCOMPARE(parsed->integration, QStringLiteral("hubspot"));
    }

    void refusesAnythingElse_data()
    {
        QTest::addColumn<QString>("link");
        QTest::newRow("other scheme") << QStringLiteral("https://connect?integration=hubspot");
        QTest::newRow("other action")
            << QStringLiteral("connectdesktop://delete?integration=hubspot");
        QTest::newRow("no integration") << QStringLiteral("connectdesktop://connect");
        QTest::newRow("two integrations")
            << QStringLiteral("connectdesktop://connect?integration=a&integration=b");
        QTest::newRow("a name") << QStringLiteral(
            "connectdesktop://connect?integration=hubspot&name=x");
        QTest::newRow("a key") << QStringLiteral(
            "connectdesktop://connect?integration=hubspot&api_key=sk");
        QTest::newRow("a profile")
            << QStringLiteral("connectdesktop://connect?integration=hubspot&profile=prod");
        QTest::newRow("odd id") << QStringLiteral(
            "connectdesktop://connect?integration=Hub%20Spot");
        QTest::newRow("script id")
            << QStringLiteral("connectdesktop://connect?integration=%3Cscript%3E");
        QTest::newRow("user info")
            << QStringLiteral("connectdesktop://me@connect?integration=hubspot");
        QTest::newRow("port") << QStringLiteral("connectdesktop://connect:80?integration=hubspot");
        // "$" would match before a final newline; the whole id must be an id.
        QTest::newRow("id and a newline")
            << QStringLiteral("connectdesktop://connect?integration=postgresql%0A");
        QTest::newRow("id and a carriage return")
            << QStringLiteral("connectdesktop://connect?integration=postgresql%0D");
        QTest::newRow("too long") << QStringLiteral("connectdesktop://connect?integration=")
                + QString(3000, QLatin1Char('a'));
    }

    void refusesAnythingElse()
    {
        QFETCH(QString, link);
        QString error;
        QVERIFY(!DeepLink::parse(link, &error));
        QVERIFY(!error.isEmpty());
    }

    void aSecondLaunchHandsItsArgumentsToTheFirst()
    {
        const QString key =
            QStringLiteral("connect-desktop-test-") + QUuid::createUuid().toString(QUuid::Id128);
        SingleInstance first(key);
        QVERIFY(!first.anotherIsRunning());
        QVERIFY(first.listen());
        QSignalSpy received(&first, &SingleInstance::argumentsReceived);

        SingleInstance second(key);
        QVERIFY(second.anotherIsRunning());
        const QStringList arguments{QStringLiteral("connectdesktop://connect?integration=hubspot")};
        QVERIFY(second.forward(arguments));
        QTRY_COMPARE_WITH_TIMEOUT(received.count(), 1, 5000);
        QCOMPARE(received.constFirst().constFirst().toStringList(), arguments);
    }

    void theEnvironmentsInstanceKeepsItsLaunchesFromThePersonsApp()
    {
        // The person's own Connect Desktop, open while tests or the benchmark run...
        const QByteArray before = qgetenv("CONNECT_DESKTOP_INSTANCE");
        const auto restore = qScopeGuard([&] { qputenv("CONNECT_DESKTOP_INSTANCE", before); });
        qunsetenv("CONNECT_DESKTOP_INSTANCE");
        QCOMPARE(SingleInstance::defaultKey(), QStringLiteral("connect-desktop"));
        const QString usersKey =
            QStringLiteral("connect-desktop-test-") + QUuid::createUuid().toString(QUuid::Id128);
        SingleInstance persons(usersKey);
        QVERIFY(persons.listen());
        qputenv("CONNECT_DESKTOP_INSTANCE", usersKey.toUtf8());
        QVERIFY(SingleInstance().anotherIsRunning()); // the key is the environment's...
        // ... and a launch with an instance of its own does not reach the person's app.
        qputenv("CONNECT_DESKTOP_INSTANCE", usersKey.toUtf8() + "-bench");
        QVERIFY(!SingleInstance().anotherIsRunning());
    }

    void anotherUsersLaunchIsRefused()
    {
#ifndef Q_OS_LINUX
        QSKIP("Checked by the socket file's permissions elsewhere, not by the peer's user");
#else
        if (::geteuid() != 0)
            QSKIP("Needs root, to send from another user");
        const QString key =
            QStringLiteral("connect-desktop-test-") + QUuid::createUuid().toString(QUuid::Id128);
        SingleInstance first(key);
        QVERIFY(first.listen());
        QSignalSpy received(&first, &SingleInstance::argumentsReceived);

        // Another user (nobody) finds the instance and sends it a link.
        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            SingleInstance intruder(key); // the name is no secret: made from this user's id
            if (::setgid(65534) != 0 || ::setuid(65534) != 0)
                ::_exit(2);
            ::_exit(intruder.forward({QStringLiteral("connectdesktop://connect?integration=evil")})
                        ? 0
                        : 3);
        }
        // It got through to the socket (or the refusal would prove nothing)...
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), 0);
        // ...and this user's own launch, which comes after it, is the only one heard.
        SingleInstance mine(key);
        const QStringList arguments{QStringLiteral("connectdesktop://connect?integration=hubspot")};
        QVERIFY(mine.forward(arguments));
        QTRY_COMPARE_WITH_TIMEOUT(received.count(), 1, 5000);
        QCOMPARE(received.constFirst().constFirst().toStringList(), arguments);
        QVERIFY(!received.wait(200)); // nothing else follows
#endif
    }

    void aSessionWithATemporaryFolderOfItsOwnHasAnInstanceOfItsOwn()
    {
        const QString key =
            QStringLiteral("connect-desktop-test-") + QUuid::createUuid().toString(QUuid::Id128);
        QTemporaryDir one, other;
        const QByteArray before = qgetenv("TMPDIR");
        const auto restore = qScopeGuard([&] {
            if (before.isNull())
                qunsetenv("TMPDIR");
            else
                qputenv("TMPDIR", before);
        });
        qputenv("TMPDIR", one.path().toLocal8Bit());
        SingleInstance first(key);
        QVERIFY(first.listen());
        QVERIFY(SingleInstance(key).anotherIsRunning()); // the same folder: the same instance
        qputenv("TMPDIR", other.path().toLocal8Bit());
        QVERIFY(!SingleInstance(key).anotherIsRunning());
    }

    void withNobodyRunningThereIsNoOneToForwardTo()
    {
        SingleInstance alone(QStringLiteral("connect-desktop-test-")
                             + QUuid::createUuid().toString(QUuid::Id128));
        QVERIFY(!alone.anotherIsRunning());
        QVERIFY(!alone.forward({QStringLiteral("x")}, 300));
    }
};

QTEST_GUILESS_MAIN(TestDeepLink)
#include "tst_deeplink.moc"
