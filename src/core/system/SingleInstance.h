// One running app per user: a later launch hands its arguments to the first and exits.
#pragma once

#include <QLocalServer>
#include <QObject>
#include <QStringList>

class SingleInstance : public QObject
{
    Q_OBJECT

public:
    // `key` names the instance; the user's id is added, so users never meet. Empty: the
    // environment's CONNECT_DESKTOP_INSTANCE (tests and the benchmark set one of their own, so
    // a Connect Desktop the person has open never takes their launches), else "connect-desktop".
    explicit SingleInstance(const QString &key = {}, QObject *parent = nullptr);
    // The key an empty `key` stands for.
    static QString defaultKey();

    // True when another instance answers: forward() to it. Needs no application object.
    bool anotherIsRunning();
    // Becomes the instance: listens for later launches. Call once the application exists.
    bool listen();
    // Sends `arguments` to the running instance; false when none took them.
    bool forward(const QStringList &arguments, int timeoutMs = 3000);

Q_SIGNALS:
    // A later launch's arguments (its program name excluded).
    void argumentsReceived(const QStringList &arguments);

private:
    void readConnection(QLocalSocket *socket);
    // Whether the peer runs as this user (on Linux, where the socket has no permissions).
    static bool fromThisUser(QLocalSocket *socket);
    static void prepare(QLocalSocket &socket);

    QString m_name;
    QLocalServer m_server;
};
