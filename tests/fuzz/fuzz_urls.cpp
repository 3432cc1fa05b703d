// Fuzzes the redirect matcher, the navigation policy and deep links: any URL a page or a link
// can produce.
#include "core/session/NavigationPolicy.h"
#include "core/session/UrlWatch.h"
#include "core/system/DeepLink.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const UrlWatch matcher(
        QUrl(QStringLiteral("http://127.0.0.1:41000/connect-desktop/done")),
        QStringLiteral("state"), QStringLiteral("value-0123456789"));
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    if (const auto link = DeepLink::parse(text, &error)) {
        // Whatever a link yields is one plain type id.
        for (const QChar c : link->integration) {
            if (!(c.isDigit() || (c >= u'a' && c <= u'z') || c == u'_'))
                __builtin_trap();
        }
    }
    for (const QUrl &url :
         {QUrl(text), QUrl(text, QUrl::StrictMode), QUrl::fromEncoded(text.toUtf8())}) {
        const bool matches = matcher.matches(url);
        const auto decision = NavigationPolicy::check(url, true, matcher);
        NavigationPolicy::check(url, false, matcher);
        NavigationPolicy::check(url, true, UrlWatch());
        // The policy never lets a near miss reach the app's own port.
        if (!matches && decision.allowed && NavigationPolicy::isLoopbackHost(url.host())
            && url.port(-1) == 41000)
            __builtin_trap();
        // Whatever matches is on loopback over plain http.
        if (matches
            && (url.scheme() != QLatin1String("http") || url.host() != QLatin1String("127.0.0.1")))
            __builtin_trap();
    }
    return 0;
}
