#include "sandbox/SandboxServer.h"

#include "core/polytomic/ApiVersion.h"
#include "core/polytomic/IdempotencyKey.h"
#include "core/system/LogCategories.h"
#include "sandbox/SandboxListener.h"
#include "sandbox/SandboxServerShared.h"

#include <QTcpServer>
#include <QTimer>

using namespace SandboxShared;

SandboxServer::SandboxServer(const SandboxOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_apiKey(options.apiKey.isEmpty() ? QStringLiteral("sandbox_") + randomToken(18)
                                        : options.apiKey)
    , m_faultRandom(options.faults.seed)
{ }

SandboxServer::~SandboxServer() = default;

bool SandboxServer::start(QString *error)
{
    QString problem;
    if (isRunning())
        return true;
    if (!m_storeOpened && !m_options.stateFile.isEmpty()) {
        if (!m_store.open(m_options.stateFile, &problem)) {
            if (error)
                *error = problem;
            return false;
        }
    }
    m_storeOpened = true;
    if (!readLogo(m_options.logoFile, "--logo", &m_logoLight, &problem)
        || !readLogo(m_options.logoDarkFile, "--logo-dark", &m_logoDark, &problem)) {
        if (error)
            *error = problem;
        return false;
    }

    auto tcp = std::make_unique<SandboxTcpServer>();
    if (!tcp->listen(QHostAddress::LocalHost, m_options.port)) {
        if (error)
            *error = tr("Cannot listen on 127.0.0.1:%1 (%2). Choose another port with --port, or 0 "
                        "for any free port.")
                         .arg(m_options.port)
                         .arg(tcp->errorString());
        return false;
    }
    m_port = tcp->serverPort();
    m_listener = std::make_unique<SandboxListener>(this);
    m_listener->bind(tcp.release());
    m_catalogue.setServerUrl(url());
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
    m_options.faults = faults;
    m_faultRandom.seed(faults.seed);
    m_faultCounter = 0;
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
        const int delay = m_options.faults.latencyMs;
        if (apiFaultFires(path)) {
            if (m_options.faults.dropConnection) {
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
            deliver(responder,
                    apiFaultReply(ApiVersion::isKnown(sent) ? sent : ApiVersion::serverDefault()),
                    delay, method, path);
            return;
        }
        QString record;
        SandboxReply reply = routeApi(request, &record);
        deliver(responder, reply, delay, method, path, record);
        return;
    }

    int delay = 0;
    SandboxReply reply;
    if (path.startsWith(QLatin1String("/connect/"))) {
        reply = routeModal(request, &delay);
    } else if (path.startsWith(QLatin1String("/logos/")) && request.method == "GET") {
        reply = typeLogo(path.mid(7), request);
        delay = m_options.faults.logoDelayMs;
    } else if (path.startsWith(QLatin1String("/branding/")) && request.method == "GET") {
        reply = brandingLogo(path.mid(10));
    } else if (path == QLatin1String("/") && request.method == "GET") {
        reply = indexPage();
    } else if (path == QLatin1String("/attack/page") && request.method == "GET"
               && !m_options.faults.attack.isEmpty()) {
        reply = attackPage(request);
    } else if (path == QLatin1String("/attack/made") && !m_options.faults.attack.isEmpty()) {
        reply = SandboxReply::empty(204); // the attack says it was made: the request log shows it
    } else if (path == QLatin1String("/hostile/download.txt") && m_options.faults.hostileModal) {
        reply = hostileDownload();
    } else if (path == QLatin1String("/favicon.ico")) {
        reply = SandboxReply::empty(404);
    } else {
        reply = messagePage(404, tr("Not found"), tr("There is nothing at this address."));
    }
    deliver(responder, reply, delay, method, path);
}

void SandboxServer::deliver(const std::shared_ptr<SandboxResponder> &responder,
                            const SandboxReply &reply, int delayMs, const QString &method,
                            const QString &path, const QString &idempotencyRecord)
{
    auto send = [this, responder, reply, method, path, idempotencyRecord] {
        if (!idempotencyRecord.isEmpty()) {
            auto record = m_idempotency.find(idempotencyRecord);
            if (record != m_idempotency.end())
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
