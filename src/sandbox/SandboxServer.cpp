#include "sandbox/SandboxServer.h"

#include "core/polytomic/ApiVersion.h"
#include "core/polytomic/IdempotencyKey.h"
#include "core/system/LogCategories.h"
#include "sandbox/SandboxListener.h"
#include "sandbox/SandboxServerShared.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>
#include <QTimer>

using namespace SandboxShared;

SandboxServer::SandboxServer(const SandboxOptions &options, QObject *parent)
    : QObject(parent)
{
    m_state.server = this;
    m_state.options = options;
    m_state.apiKey =
        options.apiKey.isEmpty() ? QStringLiteral("sandbox_") + randomToken(18) : options.apiKey;
    m_state.faultRandom.seed(options.faults.seed);
}

SandboxServer::~SandboxServer() = default;

bool SandboxServer::start(QString *error)
{
    QString problem;
    if (isRunning())
        return true;
    if (!m_state.storeOpened && !m_state.options.stateFile.isEmpty()) {
        if (!m_state.store.open(m_state.options.stateFile, &problem)) {
            if (error)
                *error = problem;
            return false;
        }
    }
    m_state.storeOpened = true;
    if (!readLogo(m_state.options.logoFile, "--logo", &m_state.logoLight, &problem)
        || !readLogo(m_state.options.logoDarkFile, "--logo-dark", &m_state.logoDark, &problem)) {
        if (error)
            *error = problem;
        return false;
    }

    auto tcp = std::make_unique<SandboxTcpServer>();
    if (!tcp->listen(QHostAddress::LocalHost, m_state.options.port)) {
        if (error)
            *error = tr("Cannot listen on 127.0.0.1:%1 (%2). Choose another port with --port, or 0 "
                        "for any free port.")
                         .arg(m_state.options.port)
                         .arg(tcp->errorString());
        return false;
    }
    m_port = tcp->serverPort();
    m_listener = std::make_unique<SandboxListener>(this);
    m_listener->bind(tcp.release());
    m_state.catalogue.setServerUrl(url());
    qCInfo(lcSandbox) << "listening on" << url().toString();
    return true;
}

void SandboxServer::stop()
{
    if (!m_listener)
        return;
    // Deleting the listener closes its TCP server and, with it, every socket it parented.
    for (QTcpServer *server : m_listener->servers())
        server->close();
    m_listener.reset();
    m_tlsListener.reset();
    m_port = 0;
    m_tlsPort = 0;
}

bool SandboxServer::isRunning() const
{
    return m_listener != nullptr;
}

QUrl SandboxServer::url() const
{
    if (!isRunning())
        return {};
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    return url;
}

void SandboxServer::setFaults(const SandboxFaults &faults)
{
    m_state.options.faults = faults;
    m_state.faultRandom.seed(faults.seed);
    m_state.faultCounter = 0;
}

// ---------------------------------------------------------------------------------------------
// Dispatch

void SandboxServer::handle(const SandboxRequest &request,
                           const std::shared_ptr<SandboxResponder> &responder)
{
    const QString method = QString::fromLatin1(request.method);
    const QString &path = request.path;

    if (path.startsWith(QLatin1String("/api/"))) {
        ++m_apiRequests;
        m_received.append({method, path,
                           QString::fromLatin1(request.header(IdempotencyKey::headerName)),
                           QString::fromLatin1(request.header(ApiVersion::headerName))});
        if (m_received.size() > 500)
            m_received.removeFirst();
        const int delay = m_state.options.faults.latencyMs;
        if (m_api.faultFires(path)) {
            if (m_state.options.faults.dropConnection) {
                auto drop = [this, responder, method, path] {
                    responder->drop();
                    Q_EMIT requestServed(method, redactPath(path), 0);
                };
                if (delay > 0)
                    QTimer::singleShot(delay, this, drop);
                else
                    drop();
                return;
            }
            const QString sent =
                QString::fromLatin1(request.header(ApiVersion::headerName)).trimmed();
            deliver(
                responder,
                m_api.faultReply(ApiVersion::isKnown(sent) ? sent : ApiVersion::serverDefault()),
                delay, method, path);
            return;
        }
        QString record;
        SandboxReply reply = m_api.route(request, &record);
        deliver(responder, reply, delay, method, path, record);
        return;
    }

    int delay = 0;
    SandboxReply reply;
    if (path.startsWith(QLatin1String("/connect/"))) {
        reply = m_modal.route(request, &delay);
    } else if (path.startsWith(QLatin1String("/logos/")) && request.method == "GET") {
        reply = m_assets.typeLogo(path.mid(7), request);
        delay = m_state.options.faults.logoDelayMs;
    } else if (path.startsWith(QLatin1String("/branding/")) && request.method == "GET") {
        reply = m_assets.brandingLogo(path.mid(10));
    } else if (path == QLatin1String("/") && request.method == "GET") {
        reply = m_assets.indexPage();
    } else if (path == QLatin1String("/attack/page") && request.method == "GET"
               && !m_state.options.faults.attack.isEmpty()) {
        reply = m_attacks.page(request);
    } else if (path == QLatin1String("/attack/made") && !m_state.options.faults.attack.isEmpty()) {
        reply = SandboxReply::empty(204); // the attack says it was made: the request log shows it
    } else if (path == QLatin1String("/hostile/download.txt")
               && m_state.options.faults.hostileModal) {
        reply = m_attacks.hostileDownload();
    } else if (path == QLatin1String("/favicon.ico")) {
        reply = SandboxReply::empty(404);
    } else {
        reply = SandboxState::messagePage(404, tr("Not found"),
                                          tr("There is nothing at this address."));
    }
    deliver(responder, reply, delay, method, path);
}

void SandboxServer::deliver(const std::shared_ptr<SandboxResponder> &responder,
                            const SandboxReply &reply, int delayMs, const QString &method,
                            const QString &path, const QString &idempotencyRecord)
{
    auto send = [this, responder, reply = SandboxReply(reply), method, path,
                 idempotencyRecord]() mutable {
        if (const int skew = m_state.options.faults.clockSkewSeconds)
            reply.withHeader("Date",
                             SandboxReply::httpDate(QDateTime::currentDateTimeUtc().addSecs(skew)));
        if (!idempotencyRecord.isEmpty()) {
            auto record = m_state.idempotency.find(idempotencyRecord);
            if (record != m_state.idempotency.end())
                record->inFlight = false;
        }
        responder->send(reply);
        Q_EMIT requestServed(method, redactPath(path), reply.status);
    };
    if (delayMs > 0)
        QTimer::singleShot(delayMs, this, send);
    else
        send();
}

QString SandboxServer::redactPath(const QString &path)
{
    if (!path.startsWith(QLatin1String("/connect/")))
        return path;
    const qsizetype end = path.indexOf(QLatin1Char('/'), 9);
    const QString token = path.mid(9, end < 0 ? -1 : end - 9);
    return QStringLiteral("/connect/") + token.left(4) + QStringLiteral("…")
        + (end < 0 ? QString() : path.mid(end));
}

quint16 SandboxServer::untrustedTlsPort()
{
    if (m_tlsListener)
        return m_tlsPort;
    QFile certificateFile(QStringLiteral(":/sandbox/tls/untrusted.crt"));
    QFile keyFile(QStringLiteral(":/sandbox/tls/untrusted.key"));
    if (!certificateFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
        qCWarning(lcSandbox) << "the untrusted test certificate is missing from the resources";
        return 0;
    }
    m_tlsListener = std::make_unique<SandboxListener>(this);
    m_tlsListener->sslSetup(QSslCertificate(certificateFile.readAll()),
                            QSslKey(keyFile.readAll(), QSsl::Rsa));
    m_tlsPort = m_tlsListener->listen(QHostAddress::LocalHost, 0);
    qCInfo(lcSandbox) << "untrusted TLS listener on port" << m_tlsPort;
    return m_tlsPort;
}
