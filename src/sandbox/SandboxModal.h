// The sandbox's own connect modal (/connect/<token>/…): the page, its submit, finish and close,
// and the OAuth consent pages of the integrations that sign in.
#pragma once

#include "sandbox/SandboxState.h"

#include <QCoreApplication>

class SandboxModal
{
    Q_DECLARE_TR_FUNCTIONS(SandboxServer)

public:
    explicit SandboxModal(SandboxState &state)
        : m_state(state)
    { }

    // `delayMs`: how long the answer waits (the slow-modal fault).
    SandboxReply route(const SandboxRequest &request, int *delayMs);

private:
    SandboxReply modalPage(SandboxSession &session, const QString &language);
    SandboxReply submit(SandboxSession &session, const SandboxRequest &request);
    SandboxReply finish(SandboxSession &session, const QString &clientFailure);
    SandboxReply close(SandboxSession &session);
    SandboxReply oauthConsent(SandboxSession &session, const QString &typeId, bool embedded,
                              const QString &language);
    SandboxReply oauthGrant(SandboxSession &session, const QString &typeId);
    SandboxReply sessionGone(const SandboxSession *session, bool asJson) const;

    SandboxState &m_state;
};
