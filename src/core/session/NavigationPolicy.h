// Which URLs the modal's web view may navigate to: http(s) only, plain http only to loopback,
// and the app's own redirect port reached only by the exact redirect.
#pragma once

#include "core/session/UrlWatch.h"

#include <QString>
#include <QUrl>

namespace NavigationPolicy {

struct Decision
{
    bool allowed = false;
    QString reason; // why not, for the support log; empty when allowed
};

// `redirect` is the session's matcher (may be null before a session exists). The exact
// redirect itself is allowed here; catching it is the page's job.
Decision check(const QUrl &url, bool isMainFrame, const UrlWatch &redirect);

// 127.0.0.0/8, ::1 and "localhost".
bool isLoopbackHost(const QString &host);

} // namespace NavigationPolicy
