// The Polytomic Connect API the sandbox speaks (/api/…): the connect call with its idempotency,
// connection types, connections, the organization, and the API faults support staff rehearse.
#pragma once

#include "sandbox/SandboxState.h"

#include <QCoreApplication>

class SandboxApi
{
    Q_DECLARE_TR_FUNCTIONS(SandboxServer)

public:
    explicit SandboxApi(SandboxState &state)
        : m_state(state)
    { }

    // Whether the configured API fault hits this request, and the answer it gives.
    bool faultFires(const QString &path);
    SandboxReply faultReply(const QString &version) const;
    // `idempotencyRecord`: the record the reply completes, once it is sent.
    SandboxReply route(const SandboxRequest &request, QString *idempotencyRecord);

private:
    bool authorized(const SandboxRequest &request) const;
    SandboxReply createSession(const SandboxRequest &request);
    SandboxReply listConnectionTypes(const SandboxRequest &request) const;
    SandboxReply listConnections() const;
    SandboxReply getConnection(const QString &id) const;
    SandboxReply deleteConnection(const QString &id);
    SandboxReply me() const;

    SandboxState &m_state;
};
