#include "SingleInstance.h"

#include "LogCategories.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QLocalSocket>

#include <unistd.h>

namespace {

constexpr qint64 maxMessageBytes = 64 * 1024;

} // namespace

SingleInstance::SingleInstance(const QString &key, QObject *parent)
    : QObject(parent)
{
#ifdef Q_OS_UNIX
    const QByteArray user = QByteArray::number(::getuid());
#else
    const QByteArray user = qgetenv("USERNAME");
#endif
    m_name = key + QLatin1Char('-')
        + QString::fromLatin1(
                 QCryptographicHash::hash(user, QCryptographicHash::Sha256).toHex().left(12));
    m_server.setSocketOptions(QLocalServer::UserAccessOption); // only this user may talk to it
    connect(&m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server.nextPendingConnection())
            readConnection(socket);
    });
}

bool SingleInstance::anotherIsRunning()
{
    QLocalSocket probe;
    probe.connectToServer(m_name);
    return probe.waitForConnected(500);
}

bool SingleInstance::listen()
{
    // Nobody answered: a socket file left by a crashed instance may still be in the way.
    QLocalServer::removeServer(m_name);
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
