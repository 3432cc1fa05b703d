#include "ui/Doctor.h"

#include "core/model/PlatformTraits.h"
#include "core/session/Backends.h"
#include "core/session/NavigationPolicy.h"
#include "core/system/ProxySetup.h"
#include "ui/KeychainAccess.h"

#include <QDir>
#include <QGuiApplication>
#include <QHostInfo>
#include <QJsonArray>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QPointer>
#include <QSaveFile>
#include <QSslError>
#include <QStandardPaths>
#include <QTimeZone>
#include <QWebEngineCertificateError>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QtWebEngineCore/qtwebenginecoreglobal.h>

#include <unistd.h>

namespace {

constexpr int deadlineMs = 30000;
// Tokens and sessions are short-lived: a clock this far off makes them look expired.
constexpr qint64 clockToleranceSeconds = 120;

bool isLoopback(const QUrl &url)
{
    return NavigationPolicy::isLoopbackHost(url.host());
}

QString describeProxy(const QNetworkProxy &proxy)
{
    switch (proxy.type()) {
    case QNetworkProxy::NoProxy:
    case QNetworkProxy::DefaultProxy:
        return Doctor::tr("no proxy");
    case QNetworkProxy::Socks5Proxy:
        return QStringLiteral("socks5://%1:%2").arg(proxy.hostName()).arg(proxy.port());
    case QNetworkProxy::HttpProxy:
    case QNetworkProxy::HttpCachingProxy:
        return QStringLiteral("http://%1:%2").arg(proxy.hostName()).arg(proxy.port());
    case QNetworkProxy::FtpCachingProxy:
        return QStringLiteral("ftp://%1:%2").arg(proxy.hostName()).arg(proxy.port());
    }
    return Doctor::tr("no proxy");
}

// What Chromium reads from the environment on Linux when Qt gives it no proxy: the variable for
// the scheme, then all_proxy; no_proxy exempts hosts. Only host and port are said (a proxy URL
// may carry a password).
QString environmentProxy(const QUrl &url)
{
    const QByteArray scheme = url.scheme().toLatin1();
    for (const QByteArray &name : {scheme + "_proxy", scheme.toUpper() + "_PROXY",
                                   QByteArray("all_proxy"), QByteArray("ALL_PROXY")}) {
        const QByteArray value = qgetenv(name.constData());
        if (value.isEmpty())
            continue;
        QUrl proxy = QUrl::fromUserInput(QString::fromLocal8Bit(value));
        const QStringList exempt =
            QString::fromLocal8Bit(qgetenv("no_proxy") + "," + qgetenv("NO_PROXY"))
                .split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (QString host : exempt) {
            host = host.trimmed();
            if (host == QLatin1String("*") || url.host() == host
                || (host.startsWith(QLatin1Char('.')) && url.host().endsWith(host)))
                return Doctor::tr("no proxy (%1 is in no_proxy)").arg(url.host());
        }
        return QStringLiteral("%1://%2:%3 (%4)")
            .arg(proxy.scheme(), proxy.host())
            .arg(proxy.port())
            .arg(QString::fromLatin1(name));
    }
    return Doctor::tr("no proxy");
}

} // namespace

QString DoctorFinding::levelName(Level level)
{
    switch (level) {
    case Level::Ok:
        return QStringLiteral("ok");
    case Level::Info:
        return QStringLiteral("info");
    case Level::Warning:
        return QStringLiteral("warning");
    case Level::Problem:
        return QStringLiteral("problem");
    }
    return {};
}

QJsonObject DoctorFinding::toJson() const
{
    QJsonObject object{{QLatin1String("check"), check},
                       {QLatin1String("level"), levelName(level)},
                       {QLatin1String("summary"), summary}};
    if (!fix.isEmpty())
        object.insert(QLatin1String("fix"), fix);
    if (!details.isEmpty())
        object.insert(QLatin1String("details"), details);
    return object;
}

Doctor::Doctor(Backends *backends, QObject *parent)
    : QObject(parent)
    , m_backends(backends)
    , m_network(new QNetworkAccessManager(this))
{
    m_deadline.setSingleShot(true);
    m_deadline.setInterval(deadlineMs);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        if (m_pending == 0)
            return;
        add({QStringLiteral("doctor"),
             DoctorFinding::Level::Problem,
             tr("Some checks did not finish within %1 seconds.").arg(deadlineMs / 1000),
             tr("Run the doctor again; if it stays so, the network or the web engine is stuck "
                "(see the lines above)."),
             {}});
        m_pending = 0;
        delete m_context;
        m_context = nullptr;
        Q_EMIT finished(m_findings);
    });
}

Doctor::~Doctor()
{
    delete m_context;
}

void Doctor::add(DoctorFinding finding)
{
    m_findings.append(std::move(finding));
}

void Doctor::begin()
{
    ++m_pending;
}

void Doctor::end()
{
    if (m_pending == 0)
        return;
    if (--m_pending == 0) {
        m_deadline.stop();
        // In a stable order, whatever finished first.
        static const QStringList order{QStringLiteral("folders"), QStringLiteral("display"),
                                       QStringLiteral("engine"),  QStringLiteral("keychain"),
                                       QStringLiteral("backend"), QStringLiteral("account"),
                                       QStringLiteral("proxy"),   QStringLiteral("tls"),
                                       QStringLiteral("clock"),   QStringLiteral("doctor")};
        std::stable_sort(m_findings.begin(), m_findings.end(),
                         [](const DoctorFinding &a, const DoctorFinding &b) {
                             return order.indexOf(a.check) < order.indexOf(b.check);
                         });
        Q_EMIT finished(m_findings);
    }
}

void Doctor::run(const Profile &profile)
{
    delete m_context;
    m_context = new QObject(this);
    // Pages go before their profiles (children are deleted in the order they came).
    m_pages = new QObject(m_context);
    m_findings.clear();
    m_pending = 0;
    begin(); // until every check below has begun
    m_deadline.start();
    checkFolders();
    checkDisplay();
    checkEngine();
    checkKeychain(profile);
    checkBackend(profile);
    end();
}

void Doctor::checkFolders()
{
    const QList<QPair<QString, QStandardPaths::StandardLocation>> folders{
        {tr("settings"), QStandardPaths::AppConfigLocation},
        {tr("data (history, web profiles)"), QStandardPaths::AppDataLocation},
        {tr("cache"), QStandardPaths::CacheLocation}};
    QStringList bad;
    QJsonObject details;
    for (const auto &[label, location] : folders) {
        const QString path = QStandardPaths::writableLocation(location);
        details.insert(label, QDir::toNativeSeparators(path));
        QSaveFile probe(QDir(path).filePath(QStringLiteral(".doctor-probe")));
        const bool ok =
            QDir().mkpath(path) && probe.open(QIODevice::WriteOnly) && probe.write("ok") == 2;
        probe.cancelWriting();
        if (!ok)
            bad.append(QStringLiteral("%1 (%2)").arg(label, QDir::toNativeSeparators(path)));
    }
    if (bad.isEmpty())
        add({QStringLiteral("folders"),
             DoctorFinding::Level::Ok,
             tr("The app's folders are writable."),
             {},
             details});
    else
        add({QStringLiteral("folders"), DoctorFinding::Level::Problem,
             tr("These folders cannot be written: %1.").arg(bad.join(QLatin1String(", "))),
             tr("Give your user write access to them, or free some disk space."), details});
}

void Doctor::checkDisplay()
{
    const QString platform = QGuiApplication::platformName();
    const QByteArray flags = qgetenv("QTWEBENGINE_CHROMIUM_FLAGS");
    const bool software =
        flags.contains("--disable-gpu") || qEnvironmentVariableIsSet("LIBGL_ALWAYS_SOFTWARE");
    QJsonObject details{
        {QLatin1String("platform"), platform},
        {QLatin1String("gpu"), software ? QStringLiteral("off") : QStringLiteral("default")}};
    if (platform == QLatin1String("offscreen") || platform == QLatin1String("minimal")) {
        add({QStringLiteral("display"),
             DoctorFinding::Level::Info,
             tr("No display (%1): windows are not shown; check, doctor and diagnostics work.")
                 .arg(platform),
             {},
             details});
        return;
    }
    add({QStringLiteral("display"),
         DoctorFinding::Level::Ok,
         software ? tr("Display: %1, web content drawn without the GPU.").arg(platform)
                  : tr("Display: %1.").arg(platform),
         {},
         details});
}

void Doctor::checkEngine()
{
    begin();
    const QByteArray flags = qgetenv("QTWEBENGINE_CHROMIUM_FLAGS");
    const bool sandboxOff = qEnvironmentVariableIsSet("QTWEBENGINE_DISABLE_SANDBOX");
    QJsonObject details{
        {QLatin1String("qt_webengine"), QLatin1String(qWebEngineVersion())},
        {QLatin1String("chromium"), QLatin1String(qWebEngineChromiumVersion())},
        {QLatin1String("flags"), QString::fromLocal8Bit(flags)},
        {QLatin1String("sandbox"), sandboxOff ? QStringLiteral("off") : QStringLiteral("on")}};
    // A page of its own in a profile of its own: nothing of the app's pages is touched.
    auto *profile = new QWebEngineProfile(m_context);
    auto *page = new QWebEnginePage(profile, m_pages);
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    connect(page, &QWebEnginePage::loadFinished, m_context,
            [this, page, clock, details, sandboxOff](bool ok) mutable {
                if (!ok) {
                    add({QStringLiteral("engine"), DoctorFinding::Level::Problem,
                         tr("The web engine started but could not show a page."),
                         tr("Run the app from a terminal and read what QtWebEngineProcess "
                            "prints; check that the qt6-webengine packages are complete."),
                         details});
                    end();
                    return;
                }
                page->runJavaScript(
                    QStringLiteral("6 * 7"),
                    [this, clock, details, sandboxOff](const QVariant &answer) mutable {
                        details.insert(QLatin1String("start_ms"), double(clock->elapsed()));
                        const bool works = answer.toInt() == 42;
                        QString summary = works
                            ? tr("The web engine runs pages (Qt WebEngine %1, Chromium %2; %3 ms).")
                                  .arg(QLatin1String(qWebEngineVersion()),
                                       QLatin1String(qWebEngineChromiumVersion()))
                                  .arg(clock->elapsed())
                            : tr("The web engine shows pages but does not run their scripts.");
                        QString fix;
                        DoctorFinding::Level level =
                            works ? DoctorFinding::Level::Ok : DoctorFinding::Level::Problem;
                        if (sandboxOff) {
                            summary += QLatin1Char(' ')
                                + (::geteuid() == 0
                                       ? tr("Its sandbox is off because the app runs as root.")
                                       : tr("Its sandbox is off (QTWEBENGINE_DISABLE_SANDBOX)."));
                            if (works)
                                level = DoctorFinding::Level::Warning;
                            fix = ::geteuid() == 0
                                ? tr("Run the app as an ordinary user, so that web pages run in "
                                     "Chromium's sandbox.")
                                : tr("Unset QTWEBENGINE_DISABLE_SANDBOX unless this machine cannot "
                                     "run the sandbox.");
                        }
                        add({QStringLiteral("engine"), level, summary, fix, details});
                        end();
                    });
            });
    page->setHtml(QStringLiteral("<!doctype html><title>doctor</title><p>ok</p>"));
}

void Doctor::checkKeychain(const Profile &profile)
{
    begin();
    const PlatformTraits &traits = PlatformTraits::of(profile.platform);
    const bool needs = profile.needsKey()
        || (profile.access == Profile::Access::Backend && !profile.credentialHeader.isEmpty());
    const QString variable = traits.keyEnvironmentVariable;
    const bool inEnvironment =
        !variable.isEmpty() && qEnvironmentVariableIsSet(variable.toLatin1());
    auto *keychain = new KeychainAccess(m_context);
    keychain->setPlatform(profile.platform);
    // The sandbox needs no secret: a name nobody stores says whether the keychain answers.
    const QString id = needs ? profile.id : QStringLiteral("connect-desktop-doctor-probe");
    connect(keychain, &KeychainAccess::checked, m_context,
            [this, needs, inEnvironment, variable, profile](const QString &, bool present) {
                if (!needs)
                    add({QStringLiteral("keychain"),
                         DoctorFinding::Level::Ok,
                         tr("The OS keychain answers (this profile needs no secret)."),
                         {},
                         {}});
                else if (present)
                    add({QStringLiteral("keychain"),
                         DoctorFinding::Level::Ok,
                         tr("The profile's secret is in the OS keychain."),
                         {},
                         {}});
                else if (inEnvironment)
                    add({QStringLiteral("keychain"),
                         DoctorFinding::Level::Ok,
                         tr("The profile's secret comes from %1 (none is in the keychain).")
                             .arg(variable),
                         {},
                         {}});
                else
                    add({QStringLiteral("keychain"),
                         DoctorFinding::Level::Problem,
                         tr("The profile “%1” has no secret in the keychain.").arg(profile.name),
                         variable.isEmpty()
                             ? tr("Add it in Settings, Profiles, Edit.")
                             : tr("Add it in Settings, Profiles, Edit, or set %1.").arg(variable),
                         {}});
                end();
            });
    connect(keychain, &KeychainAccess::failed, m_context,
            [this, needs, inEnvironment](const QString &, const QString &message) {
                add({QStringLiteral("keychain"),
                     needs && !inEnvironment ? DoctorFinding::Level::Problem
                                             : DoctorFinding::Level::Warning,
                     tr("The OS keychain cannot be reached."),
                     message,
                     {}});
                end();
            });
    keychain->check(id);
}

void Doctor::checkBackend(const Profile &profile)
{
    begin();
    m_backends->open(profile, m_context, [this, profile](const Result<PlatformProvider *> &opened) {
        if (!opened.ok()) {
            add({QStringLiteral("backend"),
                 DoctorFinding::Level::Problem,
                 tr("The profile “%1” cannot be opened.").arg(profile.name),
                 opened.failure.message(),
                 {}});
            end();
            return;
        }
        PlatformProvider *provider = *opened.value;
        const QUrl url = provider->apiBaseUrl();
        checkProxies(url);
        probe(url);
        if (url.scheme() == QLatin1String("https"))
            probeEngineTls(url);
        else
            add({QStringLiteral("tls"),
                 isLoopback(url) ? DoctorFinding::Level::Info : DoctorFinding::Level::Warning,
                 tr("%1 is reached without encryption (http).").arg(url.host()),
                 isLoopback(url) ? QString()
                                 : tr("Use an https:// address for anything beyond this computer."),
                 {}});
        begin();
        auto clock = std::make_shared<QElapsedTimer>();
        clock->start();
        provider->checkAccount(m_context, [this, clock, provider](const Result<QString> &who) {
            if (who.ok())
                add({QStringLiteral("account"),
                     DoctorFinding::Level::Ok,
                     tr("%1 accepts the credential: %2 (%3 ms).")
                         .arg(provider->platformName(), *who.value)
                         .arg(clock->elapsed()),
                     {},
                     {{QLatin1String("round_trip_ms"), double(clock->elapsed())}}});
            else
                add({QStringLiteral("account"),
                     DoctorFinding::Level::Problem,
                     tr("%1 did not accept the request.").arg(provider->platformName()),
                     who.failure.message(),
                     {{QLatin1String("code"), who.failure.code()}}});
            end();
        });
        end();
    });
}

void Doctor::probe(const QUrl &url)
{
    begin();
    const QString host = url.host();
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    // Through a proxy, the proxy resolves the name: this computer need not.
    const bool proxied = !ProxySetup::proxyFor(url).isEmpty();
    QHostInfo::lookupHost(host, m_context, [this, url, clock, proxied](const QHostInfo &info) {
        if (info.error() != QHostInfo::NoError && !proxied) {
            add({QStringLiteral("backend"),
                 DoctorFinding::Level::Problem,
                 tr("The name %1 does not resolve (%2).").arg(url.host(), info.errorString()),
                 tr("Check the profile's address, your network connection, and your DNS or "
                    "VPN."),
                 {}});
            end();
            return;
        }
        const qint64 resolveMs = clock->elapsed();
        QStringList addresses;
        for (const QHostAddress &address : info.addresses())
            addresses.append(address.toString());
        QNetworkRequest request(url);
        request.setTransferTimeout(15000);
        QNetworkReply *reply = m_network->head(request);
        reply->setParent(m_context);
        auto sslProblems = std::make_shared<QStringList>();
        connect(reply, &QNetworkReply::sslErrors, m_context,
                [sslProblems](const QList<QSslError> &errors) {
                    for (const QSslError &error : errors)
                        sslProblems->append(error.errorString());
                });
        connect(
            reply, &QNetworkReply::finished, m_context,
            [this, reply, url, clock, resolveMs, addresses, sslProblems, proxied] {
                reply->deleteLater();
                const qint64 roundTrip = clock->elapsed() - resolveMs;
                const int status =
                    reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                QJsonObject details{
                    {QLatin1String("host"), url.host()},
                    {QLatin1String("addresses"), QJsonArray::fromStringList(addresses)},
                    {QLatin1String("resolve_ms"), double(resolveMs)},
                    {QLatin1String("round_trip_ms"), double(roundTrip)},
                    {QLatin1String("status"), status}};
                if (status == 0) {
                    add({QStringLiteral("backend"), DoctorFinding::Level::Problem,
                         (proxied ? tr("%1 does not answer through the proxy (%2).")
                                  : tr("%1 resolves but does not answer (%2)."))
                             .arg(url.host(), reply->errorString()),
                         tr("Check that the address and port are right, and whether a "
                            "firewall or proxy is in the way."),
                         details});
                } else {
                    add({QStringLiteral("backend"),
                         DoctorFinding::Level::Ok,
                         tr("%1 resolves and answers (HTTP %2; %3 ms to resolve, %4 ms "
                            "round trip).")
                             .arg(url.host())
                             .arg(status)
                             .arg(resolveMs)
                             .arg(roundTrip),
                         {},
                         details});
                }
                if (url.scheme() == QLatin1String("https")) {
                    if (sslProblems->isEmpty() && status != 0)
                        add({QStringLiteral("tls"),
                             DoctorFinding::Level::Ok,
                             tr("%1's certificate verifies for the API.").arg(url.host()),
                             {},
                             {{QLatin1String("stack"), QStringLiteral("api")}}});
                    else if (!sslProblems->isEmpty())
                        add({QStringLiteral("tls"),
                             DoctorFinding::Level::Problem,
                             tr("%1's certificate does not verify for the API: %2")
                                 .arg(url.host(), sslProblems->join(QLatin1String("; "))),
                             tr("If your network inspects secure connections, ask IT for "
                                "its certificate authority and add it to the system's "
                                "trusted certificates."),
                             {{QLatin1String("stack"), QStringLiteral("api")}}});
                }
                // The server's clock against this one's.
                // HTTP's date: "Fri, 04 Dec 2026 21:00:00 GMT" (always GMT).
                QDateTime date =
                    QLocale::c().toDateTime(QString::fromLatin1(reply->rawHeader("Date")).trimmed(),
                                            QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"));
                date.setTimeZone(QTimeZone::utc());
                if (date.isValid()) {
                    const qint64 skew = date.secsTo(QDateTime::currentDateTimeUtc());
                    const QJsonObject clockDetails{{QLatin1String("skew_s"), double(skew)}};
                    if (qAbs(skew) > clockToleranceSeconds)
                        add({QStringLiteral("clock"), DoctorFinding::Level::Problem,
                             tr("This computer's clock is %1 seconds off %2's.")
                                 .arg(skew)
                                 .arg(url.host()),
                             tr("Set the clock automatically (NTP): tokens and sessions "
                                "expire, and a wrong clock makes them look expired."),
                             clockDetails});
                    else
                        add({QStringLiteral("clock"),
                             DoctorFinding::Level::Ok,
                             tr("The clock agrees with %1's (within %2 s).")
                                 .arg(url.host())
                                 .arg(qAbs(skew)),
                             {},
                             clockDetails});
                } else if (status != 0) {
                    add({QStringLiteral("clock"),
                         DoctorFinding::Level::Info,
                         tr("%1 did not say its time; the clock was not compared.").arg(url.host()),
                         {},
                         {}});
                }
                end();
            });
    });
}

void Doctor::probeEngineTls(const QUrl &url)
{
    begin();
    auto *profile = new QWebEngineProfile(m_context);
    auto *page = new QWebEnginePage(profile, m_pages);
    auto refused = std::make_shared<QString>();
    connect(page, &QWebEnginePage::certificateError, m_context,
            [refused](const QWebEngineCertificateError &error) {
                *refused = error.description();
                QWebEngineCertificateError copy = error;
                copy.rejectCertificate();
            });
    connect(page, &QWebEnginePage::loadFinished, m_context, [this, url, refused](bool ok) {
        if (refused->isEmpty() && !ok)
            add({QStringLiteral("tls"),
                 DoctorFinding::Level::Info,
                 tr("The web engine could not reach %1, so its certificate was not checked there.")
                     .arg(url.host()),
                 {},
                 {{QLatin1String("stack"), QStringLiteral("web")}}});
        else if (refused->isEmpty())
            add({QStringLiteral("tls"),
                 DoctorFinding::Level::Ok,
                 tr("%1's certificate verifies for the web engine.").arg(url.host()),
                 {},
                 {{QLatin1String("stack"), QStringLiteral("web")}}});
        else
            add({QStringLiteral("tls"),
                 DoctorFinding::Level::Problem,
                 tr("%1's certificate does not verify for the web engine: %2")
                     .arg(url.host(), *refused),
                 tr("The web engine trusts the system's NSS store: if your network inspects "
                    "secure connections, ask IT to add its certificate authority there."),
                 {{QLatin1String("stack"), QStringLiteral("web")}}});
        end();
    });
    page->load(url);
}

void Doctor::checkProxies(const QUrl &url)
{
    // What the API client's requests will use: the app's proxy factory, or the system's.
    const QList<QNetworkProxy> forApi =
        QNetworkProxyFactory::proxyForQuery(QNetworkProxyQuery(url));
    const QString api = forApi.isEmpty() ? tr("no proxy") : describeProxy(forApi.constFirst());
    // What the web engine will use: the app's proxy as Qt's application proxy (loopback goes
    // direct, and no bypass list reaches it), or, with the system's, what Chromium reads from the
    // environment on Linux.
    const ProxySettings chosen = ProxySetup::current();
    QString web;
    if (chosen.mode == ProxySettings::Mode::None || isLoopback(url))
        web = tr("no proxy");
    else if (chosen.mode == ProxySettings::Mode::Manual)
        web = describeProxy(QNetworkProxy::applicationProxy());
    else
        web = environmentProxy(url);
    const QJsonObject details{{QLatin1String("api"), api}, {QLatin1String("web"), web}};
    // The web side may add where it read its proxy ("(https_proxy)", "(… is in no_proxy)").
    const bool same = web.startsWith(api);
    if (same)
        add({QStringLiteral("proxy"),
             DoctorFinding::Level::Ok,
             tr("Both network stacks use %1 for %2.").arg(api, url.host()),
             {},
             details});
    else
        add({QStringLiteral("proxy"), DoctorFinding::Level::Warning,
             tr("The two network stacks differ for %1: the API client uses %2, the web engine "
                "%3.")
                 .arg(url.host(), api, web),
             tr("Requests and pages would take different routes: set the proxy the same way for "
                "both (the environment's http_proxy/https_proxy, or none)."),
             details});
}

bool Doctor::anyProblem(const QList<DoctorFinding> &findings)
{
    return std::any_of(findings.cbegin(), findings.cend(), [](const DoctorFinding &finding) {
        return finding.level == DoctorFinding::Level::Problem;
    });
}

QString Doctor::toText(const QList<DoctorFinding> &findings)
{
    QStringList lines;
    for (const DoctorFinding &finding : findings) {
        QString mark;
        switch (finding.level) {
        case DoctorFinding::Level::Ok:
            mark = tr("ok");
            break;
        case DoctorFinding::Level::Info:
            mark = tr("info");
            break;
        case DoctorFinding::Level::Warning:
            mark = tr("warning");
            break;
        case DoctorFinding::Level::Problem:
            mark = tr("PROBLEM");
            break;
        }
        lines.append(QStringLiteral("[%1] %2: %3").arg(mark, finding.check, finding.summary));
        if (!finding.fix.isEmpty())
            lines.append(QStringLiteral("      ") + tr("What to do: %1").arg(finding.fix));
    }
    return lines.join(QLatin1Char('\n'));
}

QJsonObject Doctor::toJson(const Profile &profile, const QList<DoctorFinding> &findings)
{
    QJsonArray array;
    for (const DoctorFinding &finding : findings)
        array.append(finding.toJson());
    return {{QLatin1String("profile"), profile.name},
            {QLatin1String("platform"), Profile::platformName(profile.platform)},
            {QLatin1String("access"), Profile::accessName(profile.access)},
            {QLatin1String("ok"), !anyProblem(findings)},
            {QLatin1String("findings"), array}};
}
