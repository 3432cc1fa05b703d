// Specification: the redirect listener on 127.0.0.1 reads no more than its limits, answers the
// excess and closes, keeps the UI thread free, and reports only the exact redirect, as a
// top-level navigation, while its session waits for the browser. Raw TCP, as any local program
// could send it.
#include "core/polytomic/RedirectListener.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

class TestRedirectListener : public QObject
{
    Q_OBJECT

    std::unique_ptr<RedirectListener> m_listener;
    UrlWatch m_matcher;

    QUrl redirect() const { return m_matcher.url(); }
    QByteArray target() const
    {
        return redirect().toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority);
    }

    void listen(const RedirectListener::Limits &limits = {})
    {
        m_listener = std::make_unique<RedirectListener>();
        m_listener->setLimits(limits);
        QString error;
        const quint16 port = m_listener->listenOnLoopback(&error);
        QVERIFY2(port != 0, qPrintable(error));
        QUrl base(QStringLiteral("http://127.0.0.1/connect-desktop/done"));
        base.setPort(port);
        m_matcher = UrlWatch(base, QStringLiteral("state"), UrlWatch::randomValue());
        m_listener->setMatcher(m_matcher);
    }

    // Sends `request` (in pieces, stopping once an answer comes) and returns all that came back
    // before the listener closed the connection.
    QByteArray exchange(const QByteArray &request)
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_listener->port());
        if (!socket.waitForConnected(5000))
            return {};
        constexpr qsizetype piece = 64 * 1024;
        for (qsizetype at = 0; at < request.size() && socket.bytesAvailable() == 0; at += piece) {
            socket.write(request.mid(at, piece));
            socket.waitForBytesWritten(5000);
        }
        QByteArray answer;
        while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(5000))
            answer += socket.readAll();
        answer += socket.readAll();
        return answer;
    }

    static int status(const QByteArray &answer)
    {
        return answer.startsWith("HTTP/1.1 ") ? answer.mid(9, 3).toInt() : 0;
    }

    QByteArray get(const QByteArray &path, const QByteArray &headers = {})
    {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n";
    }

private Q_SLOTS:
    void theExactRedirectWhileWaitingForTheBrowserIsReportedOnce()
    {
        listen();
        m_listener->setAccepting(true);
        QSignalSpy received(m_listener.get(), &RedirectListener::redirectReceived);
        const QByteArray answer = exchange(get(target()));
        QCOMPARE(status(answer), 200);
        QVERIFY(answer.contains("You can close this tab"));
        QVERIFY(received.wait(5000));
        QCOMPARE(received.constFirst().constFirst().toUrl(), redirect());
        // Once: the second is nobody's.
        QCOMPARE(status(exchange(get(target()))), 404);
        QTest::qWait(100);
        QCOMPARE(received.count(), 1);
    }

    void theExactRedirectIsNotTheSessionsEndWhileTheAppHasIt()
    {
        listen();
        QSignalSpy received(m_listener.get(), &RedirectListener::redirectReceived);
        QCOMPARE(status(exchange(get(target()))), 404);
        QTest::qWait(100);
        QCOMPARE(received.count(), 0);
    }

    void aPagesFetchOrImageOfTheRedirectIsNotANavigation()
    {
        listen();
        m_listener->setAccepting(true);
        QSignalSpy received(m_listener.get(), &RedirectListener::redirectReceived);
        QCOMPARE(
            status(exchange(get(target(), "Sec-Fetch-Mode: no-cors\r\nSec-Fetch-Dest: image\r\n"))),
            404);
        QCOMPARE(
            status(exchange(get(target(), "Sec-Fetch-Mode: cors\r\nSec-Fetch-Dest: empty\r\n"))),
            404);
        QTest::qWait(100);
        QCOMPARE(received.count(), 0);
        // A browser's navigation still is.
        QCOMPARE(status(exchange(
                     get(target(), "Sec-Fetch-Mode: navigate\r\nSec-Fetch-Dest: document\r\n"))),
                 200);
        QVERIFY(received.wait(5000));
    }

    void headIsAnsweredWithoutABody()
    {
        listen();
        const QByteArray answer =
            exchange("HEAD " + target() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QCOMPARE(status(answer), 404);
        QVERIFY(answer.contains("Content-Length: "));
        QVERIFY(answer.endsWith("\r\n\r\n"));
    }

    void otherMethodsAre405()
    {
        listen();
        const QByteArray answer = exchange(
            "POST " + target() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n\r\n{}");
        QCOMPARE(status(answer), 405);
        QVERIFY(answer.contains("Allow: GET, HEAD"));
    }

    void aHugeHeaderIsRefusedWithoutBeingRead()
    {
        listen();
        m_listener->setAccepting(true);
        QSignalSpy received(m_listener.get(), &RedirectListener::redirectReceived);
        // 64 MiB of one header: the answer comes after the first 16 KiB.
        const QByteArray request = "GET " + target()
            + " HTTP/1.1\r\nX-Junk: " + QByteArray(64 * 1024 * 1024, 'x') + "\r\n\r\n";
        QCOMPARE(status(exchange(request)), 431);
        QCOMPARE(received.count(), 0);
    }

    void tooManyHeaderLinesAre431()
    {
        listen();
        QByteArray headers;
        for (int i = 0; i < 100; ++i)
            headers += "X-" + QByteArray::number(i) + ": 1\r\n";
        QCOMPARE(status(exchange(get(target(), headers))), 431);
    }

    void aLongRequestLineIs414()
    {
        listen();
        QCOMPARE(status(exchange(get(target() + "&x=" + QByteArray(20000, 'x')))), 414);
    }

    void aRequestThatNeverEndsIs408()
    {
        RedirectListener::Limits limits;
        limits.requestMs = 300;
        listen(limits);
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_listener->port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"); // and no end
        QVERIFY(socket.waitForReadyRead(5000));
        QCOMPARE(status(socket.readAll()), 408);
    }

    void connectionsBeyondTheLimitAre503()
    {
        RedirectListener::Limits limits;
        limits.connections = 2;
        listen(limits);
        QTcpSocket first, second;
        for (QTcpSocket *socket : {&first, &second}) {
            socket->connectToHost(QHostAddress::LocalHost, m_listener->port());
            QVERIFY(socket->waitForConnected(5000));
        }
        QCOMPARE(status(exchange(get(target()))), 503);
    }

    void aHeaderSentAsFastAsPossibleIsRefusedWhileThisThreadRuns()
    {
        listen();
        // While a local program sends a large header as fast as it can, this thread's events
        // still run: the listener reads on a thread of its own.
        QTcpSocket flood;
        flood.connectToHost(QHostAddress::LocalHost, m_listener->port());
        QVERIFY(flood.waitForConnected(5000));
        flood.write("GET / HTTP/1.1\r\nX-Junk: " + QByteArray(8 * 1024 * 1024, 'x'));
        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&] { ++ticks; });
        ticker.start(0);
        QTRY_VERIFY(ticks > 100);
        QTRY_VERIFY(flood.bytesAvailable() > 0);
        QCOMPARE(status(flood.readAll()), 431);
    }

    void twoThousandRequestsInARowAreEachAnsweredAndTheRedirectStillCounts()
    {
        listen();
        for (int i = 0; i < 2000; ++i)
            QCOMPARE(status(exchange(get("/connect-desktop/done?state=" + QByteArray::number(i)))),
                     404);
        m_listener->setAccepting(true);
        QSignalSpy received(m_listener.get(), &RedirectListener::redirectReceived);
        QCOMPARE(status(exchange(get(target()))), 200);
        QVERIFY(received.wait(5000));
    }

    void malformedRequestsAre400()
    {
        listen();
        QCOMPARE(status(exchange("GARBAGE\r\n\r\n")), 400);
        QCOMPARE(status(exchange("GET //evil.example/connect-desktop/done HTTP/1.1\r\n\r\n")), 400);
    }
};

QTEST_GUILESS_MAIN(TestRedirectListener)
#include "tst_redirectlistener.moc"
