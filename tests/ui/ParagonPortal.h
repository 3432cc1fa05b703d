// Test helpers: the Paragon sandbox's portal and its sign-in popup in a connect window, driven as a
// person would. The portal is a cross-origin frame, and clicks do not reach frames offscreen: its
// buttons are pressed by the stand-in's own test message (what a person's click does); the
// popup's consent page by script.
#pragma once

#include "WebTestSupport.h"
#include "ui/ConnectWindow.h"
#include "ui/PopupWindow.h"

#include <QDebug>

namespace ParagonPortal {

// Presses the portal's button `id` ("connect", "close").
inline void press(ConnectWindow *window, const QString &id)
{
    WebTest::evaluate(window->page(),
                      QStringLiteral("document.querySelector('#paragon-connect-frame-container "
                                     "iframe').contentWindow.postMessage({messageType: "
                                     "'CONNECT_DESKTOP_SANDBOX_PRESS', id: '%1'}, '*')")
                          .arg(id));
}

// Whether the window's sign-in popup shows the consent page's button `id`.
inline bool popupShows(ConnectWindow *window, const QString &id)
{
    return !window->popupWindows().isEmpty()
        && WebTest::evaluate(window->popupWindows().constFirst()->page(),
                             QStringLiteral("!!document.getElementById('%1')").arg(id))
               .toBool();
}

// Connect in the portal; the popup once its consent page shows, or nullptr.
inline PopupWindow *openPopup(ConnectWindow *window)
{
    press(window, QStringLiteral("connect"));
    if (!WebTest::waitUntil([&] { return popupShows(window, QStringLiteral("allow")); })) {
        if (!window->popupWindows().isEmpty())
            qWarning() << "the popup is at"
                       << window->popupWindows().constFirst()->page()->url().path();
        return nullptr;
    }
    return window->popupWindows().constFirst();
}

// Presses `button` ("allow", "deny") on the popup's consent page.
inline void answer(PopupWindow *popup, const QString &button)
{
    WebTest::evaluate(popup->page(),
                      QStringLiteral("document.getElementById('%1').click()").arg(button));
}

// Once the portal shows: Connect, then `button` in the popup; true once the popup has gone.
inline bool signIn(ConnectWindow *window, const QString &button = QStringLiteral("allow"))
{
    if (!WebTest::waitUntil([&] { return window->currentView() == ConnectWindow::View::Modal; }))
        return false;
    PopupWindow *popup = openPopup(window);
    if (!popup)
        return false;
    answer(popup, button);
    return WebTest::waitUntil([&] { return window->popupWindows().isEmpty(); });
}

} // namespace ParagonPortal
