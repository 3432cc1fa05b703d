// What the parts of the Polytomic sandbox share: its options and key, the catalogue, the store
// of connections, the open connect sessions and the idempotency records. SandboxServer owns it
// and routes each request to the part that answers it (SandboxApi, SandboxModal, SandboxAssets,
// SandboxAttacks). Internal to the sandbox.
#pragma once

#include "sandbox/SandboxCatalogue.h"
#include "sandbox/SandboxHttp.h"
#include "sandbox/SandboxOptions.h"
#include "sandbox/SandboxStore.h"

#include <QDateTime>
#include <QHash>
#include <QRandomGenerator>
#include <QStringList>
#include <QUrl>

class SandboxServer;

// One connect session, from the API call that made it to its end in the modal.
struct SandboxSession
{
    enum class State { Open, Completed, Failed, Finished };
    QString token;
    QString name;
    QUrl redirectUrl;
    QStringList types;
    bool dark = false;
    QString connectionId; // update mode
    QDateTime expiresAt;
    State state = State::Open;
    QString resultConnectionId;
    QString failure;
    int failedAttempts = 0;
    QHash<QString, QString> oauthCodes; // code -> type id

    bool isExpired() const { return QDateTime::currentDateTimeUtc() > expiresAt; }
};

// A connect call's answer kept under its Idempotency-Key.
struct SandboxIdempotencyRecord
{
    bool inFlight = true;
    SandboxReply reply;
    QDateTime createdAt;
};

struct SandboxState
{
    SandboxServer *server = nullptr;
    SandboxOptions options;
    QString apiKey;
    SandboxCatalogue catalogue;
    SandboxStore store;
    bool storeOpened = false;
    QByteArray logoLight;
    QByteArray logoDark;
    QHash<QString, SandboxSession> sessions;
    QHash<QString, SandboxIdempotencyRecord> idempotency;
    QRandomGenerator faultRandom;
    int faultCounter = 0;

    QUrl url() const; // the server's
    QString organizationId() const { return store.organizationId(); }
    // The session's modal on the server, and where the app is sent (the same, or over the
    // untrusted TLS listener when that fault is on).
    QUrl sessionBase(const SandboxSession &session) const;
    QUrl modalUrl(const SandboxSession &session);
    quint16 closedPort = 0; // for the unreachable-modal fault, found once
    // Ended sessions are kept an hour (a reused link still says "already used"), answered
    // idempotency records a day.
    void purgeOldSessions();
    // A page of the sandbox's own that says something (not found, expired).
    static SandboxReply messagePage(int status, const QString &heading, const QString &text);
};
