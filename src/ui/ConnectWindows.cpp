#include "ui/ConnectWindows.h"

#include "core/session/ConnectSession.h"
#include "ui/ConnectWindow.h"
#include "ui/ModalViewPool.h"
#include "web/WebProfiles.h"

#include <QWebEngineView>

ConnectWindows::ConnectWindows(AppSettings *settings, WebProfiles *webProfiles, QWidget *owner)
    : QObject(owner)
    , m_settings(settings)
    , m_webProfiles(webProfiles)
    , m_owner(owner)
    , m_views(new ModalViewPool(this))
{
    // A web profile about to be cleared or replaced loses the view kept on it.
    if (m_webProfiles)
        connect(m_webProfiles, &WebProfiles::releasing, m_views, &ModalViewPool::discard);
}

ConnectWindows::~ConnectWindows()
{
    // The connect window goes first: its session still talks to the provider.
    delete m_current;
    delete m_next;
}

bool ConnectWindows::sessionRunning() const
{
    return m_current && m_current->session() && !m_current->session()->isFinished();
}

void ConnectWindows::closeFinished()
{
    if (m_current && m_current->session()->isFinished())
        m_current->close();
}

ConnectWindow *ConnectWindows::start(PlatformProvider *provider, const Profile &profile,
                                     const SessionRequest &request, const QString &integrationName)
{
    if (m_current) {
        if (sessionRunning()) {
            // One session at a time: bring the running one forward instead.
            m_current->raise();
            m_current->activateWindow();
            return nullptr;
        }
        m_current->close();
    }
    // The view kept from before (its renderer up and warm) saves most of the wait for the form.
    QWebEngineProfile *webProfile = m_webProfiles->profileFor(profile);
    QWebEngineView *kept = m_views->take(webProfile);
    // The request goes out first: the platform works on it while the window is readied, laid
    // out and painted. The window made ahead serves when it fits (it usually does).
    QPointer<ConnectWindow> ahead = std::exchange(m_next, nullptr);
    if (ahead && (ahead->provider() != provider || ahead->isDark() != request.dark))
        delete ahead;
    auto *session = new ConnectSession(provider, request);
    session->start();
    ConnectWindow *window = ahead;
    if (window)
        window->begin(session, webProfile, kept);
    else
        window = new ConnectWindow(session, webProfile, kept, m_settings, m_owner);
    window->setCertificateOverrideAllowed(profile.acceptInvalidCertificates);
    window->setIntegrationName(integrationName);
    connect(window, &QDialog::finished, this, [this, window] {
        // Its view serves the next session; or, when it cannot, a new one gets ready.
        QWebEngineView *view = window->releaseView();
        if (view)
            m_views->giveBack(view);
        window->deleteLater();
        Q_EMIT windowClosed(view != nullptr);
    });
    m_current = window;
    return window;
}

void ConnectWindows::prepare(PlatformProvider *provider, const Profile &profile)
{
    if (m_webProfiles)
        m_views->prepare(m_webProfiles->profileFor(profile), provider->apiBaseUrl());
    provider->prepareFirstAttempt();
    ConnectWindow::warmUpText();
}

void ConnectWindows::makeNext(PlatformProvider *provider, bool dark)
{
    if (m_next || sessionRunning())
        return; // made when this session has finished
    auto *window = new ConnectWindow(provider, dark, m_settings, m_owner);
    window->layOutAhead();
    m_next = window;
}

void ConnectWindows::dropNext()
{
    delete m_next;
}
