// What a Paragon sandbox run is told: where to listen, its project, its state file and the faults
// to inject.
#pragma once

#include <QString>

struct ParagonSandboxOptions
{
    quint16 port = 0; // 0: any free port
    QString stateFile; // empty: in memory
    QString projectId; // empty: a fixed default
    // Faults, for tests and rehearsals.
    bool oauthError = false; // Allow on the consent page ends in an OAuth error
    int oauthStartStatus = 0; // build-oauth answers this 4xx
    bool pendingCredentials = false; // new credentials are PENDING
    QString tokenFault; // "", "expired", "forged": what the token URL hands out
    int portalDelayMs = 0; // the portal page is served this late
    bool blankPortal = false; // the portal page is an empty document that never speaks
    bool popupLosesOpener = false; // the OAuth popup loses window.opener
};
