// Specification: `connect-desktop sandbox` runs the sandbox as a process: it says where it listens,
// answers with the key it was given, keeps its state file across restarts, and refuses bad usage
// with exit code 2 and one line on stderr.
#include "HttpClient.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

namespace {

const QString apiKey = QStringLiteral("k_test_123");
constexpr int processTimeout = 30000;

QString binary()
{
    return qEnvironmentVariable("CONNECT_DESKTOP_BINARY");
}

struct Finished
{
    int exitCode = -1;
    QProcess::ExitStatus exitStatus = QProcess::CrashExit;
    QByteArray out;
    QByteArray err;
};

// Runs the binary to its end.
Finished runToEnd(const QStringList &arguments)
{
    QProcess process;
    process.start(binary(), arguments);
    Finished finished;
    if (!process.waitForFinished(processTimeout)) {
        process.kill();
        process.waitForFinished(processTimeout);
        return finished;
    }
    finished.exitCode = process.exitCode();
    finished.exitStatus = process.exitStatus();
    finished.out = process.readAllStandardOutput();
    finished.err = process.readAllStandardError();
    return finished;
}

// Waits for the "listening on" line of a started sandbox; its URL, or empty when it never came.
QUrl waitForListening(QProcess &process)
{
    static const QRegularExpression line(
        QStringLiteral("Connect sandbox listening on (http://127\\.0\\.0\\.1:\\d+)\\r?\\n"));
    QByteArray output;
    const QDeadlineTimer deadline(processTimeout);
    while (!deadline.hasExpired()) {
        output += process.readAllStandardOutput();
        const QRegularExpressionMatch match = line.match(QString::fromUtf8(output));
        if (match.hasMatch())
            return QUrl(match.captured(1));
        if (process.state() == QProcess::NotRunning)
            break;
        QSignalSpy ready(&process, &QProcess::readyReadStandardOutput);
        ready.wait(500);
    }
    qWarning() << "no listening line; stdout:" << output
               << "stderr:" << process.readAllStandardError();
    return {};
}

// Waits for the first line on stdout of a started sandbox run with --json; the object, or empty.
QJsonObject waitForJsonLine(QProcess &process)
{
    QByteArray output;
    const QDeadlineTimer deadline(processTimeout);
    while (!deadline.hasExpired()) {
        output += process.readAllStandardOutput();
        const qsizetype end = output.indexOf('\n');
        if (end >= 0)
            return QJsonDocument::fromJson(output.left(end)).object();
        if (process.state() == QProcess::NotRunning)
            break;
        QSignalSpy ready(&process, &QProcess::readyReadStandardOutput);
        ready.wait(500);
    }
    qWarning() << "no JSON line; stdout:" << output << "stderr:" << process.readAllStandardError();
    return {};
}

void stopProcess(QProcess &process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.kill();
    process.waitForFinished(processTimeout);
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// Runs a PostgreSQL connect session through the modal endpoints; the connection id, or empty.
QString createConnection(HttpClient &api, const QString &name)
{
    const QJsonObject request{
        {QLatin1String("name"), name},
        {QLatin1String("redirect_url"), QStringLiteral("http://127.0.0.1:9/done")},
        {QLatin1String("type"), QStringLiteral("postgresql")}};
    const HttpResult session =
        api.post(QStringLiteral("/api/connections/connect/"), compact(request));
    const QString token = session.json()
                              .value(QLatin1String("data"))
                              .toObject()
                              .value(QLatin1String("token"))
                              .toString();
    if (token.isEmpty()) {
        qWarning() << "connect failed:" << session.status << session.body;
        return {};
    }
    const QJsonObject form{
        {QLatin1String("type"), QStringLiteral("postgresql")},
        {QLatin1String("configuration"),
         QJsonObject{{QLatin1String("hostname"), QStringLiteral("db.example.com")},
                     {QLatin1String("port"), 5432},
                     {QLatin1String("database"), QStringLiteral("app")},
                     {QLatin1String("username"), QStringLiteral("alice")},
                     {QLatin1String("password"), QStringLiteral("s3cret")}}}};
    const HttpResult submitted =
        api.post(QStringLiteral("/connect/") + token + QStringLiteral("/submit"), compact(form));
    if (submitted.status != 200) {
        qWarning() << "submit failed:" << submitted.status << submitted.body;
        return {};
    }
    const HttpResult finished =
        api.get(submitted.json().value(QLatin1String("finish_url")).toString());
    return QUrlQuery(QUrl(QString::fromUtf8(finished.header("Location"))))
        .queryItemValue(QStringLiteral("sandbox_connection_id"));
}

QStringList connectionNames(HttpClient &api)
{
    QStringList names;
    const QJsonArray list =
        api.get(QStringLiteral("/api/connections")).json().value(QLatin1String("data")).toArray();
    for (const QJsonValue &connection : list)
        names.append(connection.toObject().value(QLatin1String("name")).toString());
    return names;
}

} // namespace

class TestSandboxCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (binary().isEmpty())
            QSKIP("CONNECT_DESKTOP_BINARY is not set");
        QVERIFY2(QFile::exists(binary()), qPrintable(binary()));
    }

    void sandboxSaysWhereItListensAndAnswersWithItsKey()
    {
        QProcess process;
        process.start(binary(),
                      {QStringLiteral("sandbox"), QStringLiteral("--port"), QStringLiteral("0"),
                       QStringLiteral("--api-key"), apiKey});
        const QUrl url = waitForListening(process);
        QVERIFY(url.isValid() && !url.isEmpty());
        QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
        QVERIFY(url.port() > 0);

        HttpClient api(url);
        api.setBearer(apiKey);
        const HttpResult me = api.get(QStringLiteral("/api/me"));
        QCOMPARE(me.status, 200);
        QVERIFY(!me.json()
                     .value(QLatin1String("data"))
                     .toObject()
                     .value(QLatin1String("organization_id"))
                     .toString()
                     .isEmpty());

        HttpClient stranger(url);
        stranger.setBearer(QStringLiteral("k_other"));
        QCOMPARE(stranger.get(QStringLiteral("/api/me")).status, 401);

        stopProcess(process);
        QCOMPARE(process.state(), QProcess::NotRunning);
    }

    void versionExits0AndPrintsTheVersion()
    {
        const Finished finished = runToEnd({QStringLiteral("--version")});
        QCOMPARE(finished.exitStatus, QProcess::NormalExit);
        QCOMPARE(finished.exitCode, 0);
        QVERIFY2(finished.out.contains(CONNECT_DESKTOP_VERSION), finished.out.constData());
    }

    void aBadPortExits2WithOneLineNamingPort()
    {
        const Finished finished =
            runToEnd({QStringLiteral("sandbox"), QStringLiteral("--port"), QStringLiteral("abc")});
        QCOMPARE(finished.exitStatus, QProcess::NormalExit);
        QCOMPARE(finished.exitCode, 2);
        const QByteArray message = finished.err.trimmed();
        QVERIFY2(message.contains("--port"), finished.err.constData());
        QVERIFY2(!message.contains('\n'), finished.err.constData());
        QVERIFY(finished.out.isEmpty());
    }

    void aMissingLogoExits2()
    {
        const Finished finished =
            runToEnd({QStringLiteral("sandbox"), QStringLiteral("--port"), QStringLiteral("0"),
                      QStringLiteral("--logo"), QStringLiteral("/nonexistent.svg")});
        QCOMPARE(finished.exitStatus, QProcess::NormalExit);
        QCOMPARE(finished.exitCode, 2);
        QVERIFY2(finished.err.contains("/nonexistent.svg"), finished.err.constData());
        QVERIFY(!finished.out.contains("listening on"));
    }

    void anUnknownCommandExits2()
    {
        const Finished finished = runToEnd({QStringLiteral("frobnicate")});
        QCOMPARE(finished.exitStatus, QProcess::NormalExit);
        QCOMPARE(finished.exitCode, 2);
        QVERIFY(!finished.err.trimmed().isEmpty());
    }

    void theStateFileSurvivesARestart()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QStringList arguments{QStringLiteral("sandbox"),
                                    QStringLiteral("--port"),
                                    QStringLiteral("0"),
                                    QStringLiteral("--api-key"),
                                    apiKey,
                                    QStringLiteral("--state"),
                                    dir.filePath(QStringLiteral("state.json"))};
        const QString name = QStringLiteral("Kept across restarts");
        {
            QProcess first;
            first.start(binary(), arguments);
            const QUrl url = waitForListening(first);
            QVERIFY(!url.isEmpty());
            HttpClient api(url);
            api.setBearer(apiKey);
            QVERIFY(!createConnection(api, name).isEmpty());
            stopProcess(first);
        }
        QProcess second;
        second.start(binary(), arguments);
        const QUrl url = waitForListening(second);
        QVERIFY(!url.isEmpty());
        HttpClient api(url);
        api.setBearer(apiKey);
        QVERIFY(connectionNames(api).contains(name));
        stopProcess(second);
    }

    void withJsonThePolytomicSandboxPrintsItsAddressAndKeyAsOneObject()
    {
        QProcess process;
        process.start(binary(),
                      {QStringLiteral("sandbox"), QStringLiteral("--json"),
                       QStringLiteral("--api-key"), apiKey});
        const QJsonObject line = waitForJsonLine(process);
        QCOMPARE(line.value(QStringLiteral("platform")).toString(), QStringLiteral("polytomic"));
        QCOMPARE(line.value(QStringLiteral("api_key")).toString(), apiKey);
        const QUrl url(line.value(QStringLiteral("url")).toString());
        QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
        HttpClient api(url);
        api.setBearer(apiKey);
        QCOMPARE(api.get(QStringLiteral("/api/me")).status, 200);
        stopProcess(process);
    }

    void withJsonTheParagonSandboxPrintsWhatAPageGivesTheSdk()
    {
        QProcess process;
        process.start(binary(),
                      {QStringLiteral("sandbox"), QStringLiteral("--platform"),
                       QStringLiteral("paragon"), QStringLiteral("--json"),
                       QStringLiteral("--project-id"), QStringLiteral("acme-1")});
        const QJsonObject line = waitForJsonLine(process);
        QCOMPARE(line.value(QStringLiteral("platform")).toString(), QStringLiteral("paragon"));
        QCOMPARE(line.value(QStringLiteral("project_id")).toString(), QStringLiteral("acme-1"));
        const QJsonObject environments = line.value(QStringLiteral("environments")).toObject();
        for (const char *key :
             {"ZEUS_PUBLIC_URL", "CONNECT_PUBLIC_URL", "PASSPORT_PUBLIC_URL",
              "PASSPORT_PRODUCTION_URL", "HERMES_PUBLIC_URL", "WORKER_PROXY_PUBLIC_URL",
              "CDN_PUBLIC_URL", "DASHBOARD_PUBLIC_URL", "API_TRIGGER_KIT_PUBLIC_URL"})
            QCOMPARE(QUrl(environments.value(QLatin1String(key)).toString()).host(),
                     QStringLiteral("127.0.0.1"));
        HttpClient backend(QUrl(line.value(QStringLiteral("token_url")).toString()));
        const QString token = backend.get(QStringLiteral("?sub=alice"))
                                  .json()
                                  .value(QStringLiteral("token"))
                                  .toString();
        QVERIFY(!token.isEmpty());
        HttpClient zeus(QUrl(environments.value(QStringLiteral("ZEUS_PUBLIC_URL")).toString()
                             + QStringLiteral("/")));
        zeus.setBearer(token);
        QCOMPARE(zeus.get(QStringLiteral("projects/acme-1/sdk/me")).status, 200);
        stopProcess(process);
    }

    void aPolytomicOptionOnTheParagonSandboxExits2AndNamesIt()
    {
        const Finished finished =
            runToEnd({QStringLiteral("sandbox"), QStringLiteral("--platform"),
                      QStringLiteral("paragon"), QStringLiteral("--latency"), QStringLiteral("5")});
        QCOMPARE(finished.exitStatus, QProcess::NormalExit);
        QCOMPARE(finished.exitCode, 2);
        QVERIFY2(finished.err.contains("--latency"), finished.err.constData());
        QVERIFY(finished.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSandboxCommand)
#include "tst_sandboxcommand.moc"
