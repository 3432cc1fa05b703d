#include "core/system/SingleInstance.h"

#include "core/system/LogCategories.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QDir>
#include <QLocalSocket>

#include <unistd.h>
#ifdef Q_OS_LINUX
#include <sys/socket.h>
#endif

namespace {

constexpr qint64 maxMessageBytes = 64 * 1024;

} // namespace

QString SingleInstance::defaultKey()
{
    const QString own = qEnvironmentVariable("CONNECT_DESKTOP_INSTANCE");
    return own.isEmpty() ? QStringLiteral("connect-desktop") : own;
}

SingleInstance::SingleInstance(const QString &givenKey, QObject *parent)
    : QObject(parent)
{
    const QString key = givenKey.isEmpty() ? defaultKey() : givenKey;
#ifdef Q_OS_UNIX
    QByteArray scope = QByteArray::number(::getuid());
#else
    QByteArray scope = qgetenv("USERNAME");
#endif
#ifdef Q_OS_LINUX
    // A socket file lives in the temporary folder; an abstract socket is machine-wide. Its name
    // keeps the file's scope: a session with a temporary folder of its own (TMPDIR, as sandboxed
    // sessions and the tests set) has an instance of its own.
    scope += '\n' + QDir::tempPath().toUtf8();
#endif
    m_name = key + QLatin1Char('-')
        + QString::fromLatin1(
                 QCryptographicHash::hash(scope, QCryptographicHash::Sha256).toHex().left(12));
#ifdef Q_OS_LINUX
    // An abstract socket: no file to create, secure and remove (that took 1-5 ms of disk work at
    // every start), none left behind by a crash. It has no file permissions either, so who
    // connects is checked instead: only this user (fromThisUser()).
    m_server.setSocketOptions(QLocalServer::AbstractNamespaceOption);
#else
    m_server.setSocketOptions(QLocalServer::UserAccessOption); // only this user may talk to it
#endif
    connect(&m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server.nextPendingConnection()) {
            if (fromThisUser(socket)) {
                readConnection(socket);
            } else {
                qCWarning(lcApp) << "single instance: refused a connection from another user";
                socket->abort();
                socket->deleteLater();
            }
        }
    });
}

bool SingleInstance::fromThisUser(QLocalSocket *socket)
{
#ifdef Q_OS_LINUX
    ucred peer{};
    socklen_t length = sizeof peer;
    if (::getsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_PEERCRED, &peer, &length) != 0)
        return false;
    return peer.uid == ::getuid();
#else
    Q_UNUSED(socket)
    return true; // the socket file is this user's alone (UserAccessOption)
#endif
}

void SingleInstance::prepare(QLocalSocket &socket)
{
#ifdef Q_OS_LINUX
    socket.setSocketOptions(QLocalSocket::AbstractNamespaceOption);
#else
    Q_UNUSED(socket)
#endif
}

bool SingleInstance::anotherIsRunning()
{
    QLocalSocket probe;
    prepare(probe);
    probe.connectToServer(m_name);
    return probe.waitForConnected(500);
}

bool SingleInstance::listen()
{
#ifndef Q_OS_LINUX
    // Nobody answered: a socket file left by a crashed instance may still be in the way.
    QLocalServer::removeServer(m_name);
#endif
    if (!m_server.listen(m_name)) {
        // Run anyway: a second window is better than none.
        qCWarning(lcApp) << "single instance unavailable:" << m_server.errorString();
        return false;
    }
    return true;
}

bool SingleInstance::forward(const QStringList &arguments, int timeoutMs)
{
    QLocalSocket socket;
    prepare(socket);
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    QByteArray message;
    QDataStream encoder(&message, QIODevice::WriteOnly);
    encoder << arguments;
    QDataStream out(&socket);
    out << message;
    if (!socket.waitForBytesWritten(timeoutMs))
        return false;
    socket.disconnectFromServer();
    return true;
}

void SingleInstance::readConnection(QLocalSocket *socket)
{
    connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
        if (socket->bytesAvailable() > maxMessageBytes) {
            socket->abort();
            return;
        }
        QDataStream stream(socket);
        stream.startTransaction();
        QByteArray message;
        stream >> message;
        if (!stream.commitTransaction())
            return; // wait for the rest
        QStringList arguments;
        QDataStream decoder(message);
        decoder >> arguments;
        Q_EMIT argumentsReceived(arguments);
        socket->disconnectFromServer();
    });
}
