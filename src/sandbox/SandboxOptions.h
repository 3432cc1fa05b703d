// What a sandbox run is told: where to listen, its key, branding, state file, and the faults to
// inject.
#pragma once

#include <QString>

// Faults for tests and support rehearsals. API faults apply to requests whose path starts
// with `scope`; modal faults apply to the modal's pages.
struct SandboxFaults
{
    int latencyMs = 0; // added before every API answer
    int forcedStatus = 0; // answer API calls with this status (e.g. 500, 403)
    double failureRate = 0.0; // fraction of API calls that fail (0..1), seeded by `seed`
    int failFirst = 0; // the first N API calls fail, then all succeed
    bool malformedJson = false; // failing calls answer 200 with a truncated JSON body
    bool dropConnection = false; // failing calls close the connection without an answer
    QString scope = QStringLiteral("/api/");
    quint32 seed = 1;

    int modalDelayMs = 0; // added before the modal page is served
    int logoDelayMs = 0; // added before an integration's logo is served (a slow image host)
    bool blankModal = false; // the modal page is an empty document
    bool oauthLosesOpener = false; // the OAuth consent popup loses window.opener
    // The modal also runs a script that tries what a host must refuse (file: and data:
    // navigations, javascript: popups, camera, location, a download, a bridge, a page with an
    // invalid certificate) and reports in #hostile-report; its form still works.
    bool hostileModal = false;
    // The modal makes one named attack a host must outlive (resources/sandbox/attacks.js:
    // popups that get content while blank, JavaScript dialogs, top-frame navigations, a popup
    // flood, the redirect by fetch, …), without a Content-Security-Policy; its form still
    // works. /attack/page?run=NAME is the attack's page for popups and frames.
    QString attack;
    // OAuth popups answer like an identity provider that refuses embedded sign-in (403 and a
    // page naming disallowed_useragent), so the app's offer of the system browser can be seen.
    // A browser (any request without the embedded marker) still gets the consent page.
    bool embeddedSignInRefused = false;
    // The modal is served over TLS with a certificate nobody trusts (127.0.0.1, self-signed),
    // to rehearse the refusal of invalid certificates and the support override.
    bool untrustedModal = false;
    // The session's modal address is a port on 127.0.0.1 where nothing listens, so that the page
    // cannot load at all (a firewall, a host that is down).
    bool unreachableModal = false;
    // Every answer's Date header is this many seconds off the real time (a server, or this
    // computer, whose clock is wrong).
    int clockSkewSeconds = 0;

    // True when some API fault is configured.
    bool affectsApi() const
    {
        return forcedStatus != 0 || failureRate > 0.0 || failFirst > 0 || malformedJson
            || dropConnection;
    }
};

struct SandboxOptions
{
    quint16 port = 0; // 0: any free port
    QString apiKey; // empty: a random key is made at start
    QString logoFile; // custom SVG logo for the modal (light theme)
    QString logoDarkFile; // its dark variant
    QString stateFile; // connections are kept here across restarts; empty: memory only
    int sessionTtlSeconds = 15 * 60;
    // The name the modal's address uses instead of 127.0.0.1 (it still listens on 127.0.0.1): as
    // if the sandbox stood behind a name that a proxy, or the hosts file, resolves.
    QString publicHost;
    SandboxFaults faults;
};
