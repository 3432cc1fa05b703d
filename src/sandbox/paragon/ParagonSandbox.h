// An offline stand-in for Paragon's services, on 127.0.0.1 only, that Paragon's real SDK runs
// against unmodified: its JSON service (zeus), its portal page (our own, honest that it is a
// stand-in), the OAuth popup's pages (nonce, a consent page with Allow and Deny, passport), the
// integrations' icons, and a stand-in for the customer's backend (a token URL that signs RS256
// user tokens with a key of its own). Every zeus call checks the token's signature, subject
// and expiry. Each service is a path prefix of one origin (…/zeus, …/connect, …/passport, …).
#pragma once

#include "sandbox/paragon/ParagonSandboxOptions.h"

#include <QAbstractHttpServer>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QUrl>

class QTcpServer;

class ParagonSandbox : public QAbstractHttpServer
{
    Q_OBJECT

public:
    explicit ParagonSandbox(const ParagonSandboxOptions &options = {}, QObject *parent = nullptr);
    ~ParagonSandbox() override;

    bool start(QString *error);
    bool isRunning() const { return m_port != 0; }
    QUrl url() const; // http://127.0.0.1:PORT
    QString projectId() const { return m_projectId; }
    QMap<QString, QUrl> environments() const; // the SDK's nine keys
    QUrl tokenUrl() const; // GET tokenUrl?sub=USER -> {"token": "<JWT>"}
    QByteArray signingKeyPem() const { return m_privateKey; }
    QString signToken(const QString &userId, int ttlSeconds) const;
    QJsonObject describe() const; // the --json line's object

    struct Credential
    {
        QString id;
        QString user;
        QString type;
        QString status;
        QString providerId;
        QDateTime created;
        QDateTime updated;
        QString configurationId;
    };
    QList<Credential> credentials() const { return m_credentials; }

Q_SIGNALS:
    // Every answer; the path has no query (tokens travel in queries).
    void requestServed(const QString &method, const QString &path, int status);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Reply
    {
        int status = 200;
        QByteArray type = "application/json";
        QByteArray body;
    };
    Reply route(const QHttpServerRequest &request);
    Reply zeus(const QHttpServerRequest &request, const QString &path);
    Reply page(const QString &name, const QHash<QByteArray, QByteArray> &values = {}) const;
    QString userOf(const QHttpServerRequest &request) const; // empty: not authenticated
    QJsonObject userState(const QString &user) const;
    QJsonObject credentialJson(const Credential &credential) const;
    QJsonArray integrationsJson() const;
    QString integrationIdOf(const QString &type) const;
    QString typeOfIntegration(const QString &integrationId) const;
    Credential *findCredential(const QString &id);
    QString connectCredential(const QString &user, const QString &type, const QString &reconnect);
    void load();
    void save() const;

    ParagonSandboxOptions m_options;
    QTcpServer *m_tcp = nullptr;
    quint16 m_port = 0;
    QString m_projectId;
    QByteArray m_privateKey;
    QByteArray m_publicKey;
    QList<Credential> m_credentials;
    struct OAuthSession
    {
        QString user;
        QString type;
        QString reconnect; // a credential being re-authenticated
        QString credentialId; // once the consent was given
    };
    QHash<QString, OAuthSession> m_oauth; // by the SDK's oauthMetaKeyId
};
