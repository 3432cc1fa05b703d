#include "web/ConnectWebPage.h"

#include "core/session/NavigationPolicy.h"
#include "core/system/LogCategories.h"
#include "core/system/ProxySetup.h"

#include <QAuthenticator>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QPointer>
#include <QSslCertificate>
#include <QTimer>
#include <QUuid>
#include <QWebEngineCertificateError>
#include <QWebEngineDownloadRequest>
#include <QWebEngineFileSystemAccessRequest>
#include <QWebEngineHistory>
#include <QWebEngineProfile>
#include <QWebEngineRegisterProtocolHandlerRequest>
#include <QWebEngineScript>
#include <QWebEngineScriptCollection>
#include <QWebEngineSettings>

namespace {

// Whether the top frame's web page has something in its body: [protocol, shows].
const auto readinessScript = QStringLiteral(
    "(function(){try{return [location.protocol, document.readyState !== 'loading'"
    " && !!document.body && document.body.childElementCount > 0];}catch(e){return [];}})()");

QString featureName(QWebEnginePage::Feature feature)
{
    switch (feature) {
    case QWebEnginePage::Notifications:
        return ConnectWebPage::tr("notifications");
    case QWebEnginePage::Geolocation:
        return ConnectWebPage::tr("location");
    case QWebEnginePage::MediaAudioCapture:
        return ConnectWebPage::tr("microphone");
    case QWebEnginePage::MediaVideoCapture:
        return ConnectWebPage::tr("camera");
    case QWebEnginePage::MediaAudioVideoCapture:
        return ConnectWebPage::tr("camera and microphone");
    case QWebEnginePage::MouseLock:
        return ConnectWebPage::tr("mouse lock");
    case QWebEnginePage::DesktopVideoCapture:
    case QWebEnginePage::DesktopAudioVideoCapture:
        return ConnectWebPage::tr("screen capture");
    }
    return ConnectWebPage::tr("a permission");
}

// One per profile: refuses downloads for every page on it, and counts its pages.
class ProfileGuard : public QObject
{
public:
    int pages = 0;

    explicit ProfileGuard(QWebEngineProfile *profile)
        : QObject(profile)
    {
        setObjectName(QStringLiteral("ConnectDesktopProfileGuard"));
        connect(profile, &QWebEngineProfile::downloadRequested, this,
                [](QWebEngineDownloadRequest *download) {
                    qCWarning(lcWeb) << "download refused:" << download->url().scheme()
                                     << download->url().host();
                    // The page that asked learns through its own signal (see ConnectWebPage).
                    download->cancel();
                });
    }
};

} // namespace

namespace {

ProfileGuard *guardOf(QWebEngineProfile *profile)
{
    return static_cast<ProfileGuard *>(profile->findChild<QObject *>(
        QStringLiteral("ConnectDesktopProfileGuard"), Qt::FindDirectChildrenOnly));
}

// Which certificate, for which server: an acceptance holds for exactly this pair.
QString certificateIdentity(const QWebEngineCertificateError &error)
{
    const QList<QSslCertificate> chain = error.certificateChain();
    const QByteArray digest =
        chain.isEmpty() ? QByteArray() : chain.constFirst().digest(QCryptographicHash::Sha256);
    return QStringLiteral("%1:%2 %3")
        .arg(error.url().host().toLower())
        .arg(error.url().port(443))
        .arg(QString::fromLatin1(digest.toHex()));
}

// Chromium's description ends in a full stop; people read it in parentheses mid-sentence.
QString certificateProblem(const QWebEngineCertificateError &error)
{
    QString text = error.description().trimmed();
    while (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    return text;
}

} // namespace

int ConnectWebPage::pagesUsing(QWebEngineProfile *profile)
{
    const ProfileGuard *guard = profile ? guardOf(profile) : nullptr;
    return guard ? guard->pages : 0;
}

void ConnectWebPage::secureProfile(QWebEngineProfile *profile)
{
    if (guardOf(profile))
        return;
    new ProfileGuard(profile);
    QWebEngineSettings *settings = profile->settings();
    settings->setAttribute(QWebEngineSettings::LocalContentCanAccessFileUrls, false);
    settings->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
    settings->setAttribute(QWebEngineSettings::JavascriptCanAccessClipboard, false);
    settings->setAttribute(QWebEngineSettings::JavascriptCanPaste, false);
    settings->setAttribute(QWebEngineSettings::AllowRunningInsecureContent, false);
    settings->setAttribute(QWebEngineSettings::AllowGeolocationOnInsecureOrigins, false);
    settings->setAttribute(QWebEngineSettings::PluginsEnabled, false);
    settings->setAttribute(QWebEngineSettings::PdfViewerEnabled, false);
    settings->setAttribute(QWebEngineSettings::ScreenCaptureEnabled, false);
    settings->setAttribute(QWebEngineSettings::WebRTCPublicInterfacesOnly, true);
    settings->setAttribute(QWebEngineSettings::FullScreenSupportEnabled, false);
}

ConnectWebPage::ConnectWebPage(QWebEngineProfile *profile, QObject *parent)
    : QWebEnginePage(profile, parent)
    , m_readyToken(QUuid::createUuid().toString(QUuid::Id128))
{
    secureProfile(profile);
    ++guardOf(profile)->pages;
    // The app's manual proxy asks for its user and password: the ones set in Settings, and only
    // for that proxy. Another proxy asking gets nothing (the load fails and says so).
    connect(this, &QWebEnginePage::proxyAuthenticationRequired, this,
            [](const QUrl &, QAuthenticator *authenticator, const QString &proxyHost) {
                QString user;
                QString password;
                if (ProxySetup::credentialsFor(proxyHost, &user, &password)) {
                    authenticator->setUser(user);
                    authenticator->setPassword(password);
                }
            });
    m_readinessCheck = new QTimer(this);
    m_readinessCheck->setInterval(readinessCheckMs);
    connect(m_readinessCheck, &QTimer::timeout, this, &ConnectWebPage::checkReadiness);
    connect(this, &QWebEnginePage::loadStarted, this, [this] {
        ++m_load; // the top frame's next document: it is asked about afresh
        if (m_watchingReadiness)
            m_readinessCheck->start();
    });
    connect(this, &ConnectWebPage::documentReady, this, [this](const QUrl &, bool showsSomething) {
        if (showsSomething)
            sayShows(m_load);
    });
    // DOMContentLoaded, told at once rather than found by asking: the window shows the modal the
    // moment its form exists. From the app's own world, through the console, with a token the
    // page cannot read; at worst a page that imitated it would be shown a little early.
    QWebEngineScript ready;
    ready.setName(QStringLiteral("connectdesktop-document-ready"));
    ready.setInjectionPoint(QWebEngineScript::DocumentReady);
    ready.setWorldId(QWebEngineScript::ApplicationWorld);
    ready.setRunsOnSubFrames(false);
    ready.setSourceCode(
        QStringLiteral("console.debug('%1' + (document.body && document.body.childElementCount > 0"
                       " && !document.documentElement.hasAttribute('data-warm-up') ? '1' : '0')"
                       " + location.href);")
            .arg(m_readyToken));
    scripts().insert(ready);
    connect(this, &QWebEnginePage::featurePermissionRequested, this,
            &ConnectWebPage::denyPermission);
    connect(this, &QWebEnginePage::certificateError, this, &ConnectWebPage::refuseCertificate);
    connect(this, &QWebEnginePage::fileSystemAccessRequested, this,
            [this](QWebEngineFileSystemAccessRequest request) {
                report(tr("file system access"), request.origin());
                request.reject();
            });
    connect(this, &QWebEnginePage::registerProtocolHandlerRequested, this,
            [this](QWebEngineRegisterProtocolHandlerRequest request) {
                report(tr("registering a protocol handler"), request.origin());
                request.reject();
            });
    connect(this, &QWebEnginePage::renderProcessTerminated, this,
            [this] { m_rendererGone = true; });
    // A refusal often comes as an HTTP error page (load not ok), which still has its text.
    connect(this, &QWebEnginePage::loadFinished, this, [this] { probeForRefusal({}); });
    connect(profile, &QWebEngineProfile::downloadRequested, this,
            [this](QWebEngineDownloadRequest *download) {
                if (download->page() == this)
                    report(tr("a download"), download->url());
            });
}

ConnectWebPage::~ConnectWebPage()
{
    if (ProfileGuard *guard = guardOf(profile()))
        --guard->pages;
}

QList<ConnectWebPage *> ConnectWebPage::popups() const
{
    return findChildren<ConnectWebPage *>(QString(), Qt::FindDirectChildrenOnly);
}

ConnectWebPage *ConnectWebPage::rootPage()
{
    ConnectWebPage *page = this;
    while (page->m_opener)
        page = page->m_opener;
    return page;
}

void ConnectWebPage::report(const QString &what, const QUrl &url)
{
    qCInfo(lcWeb) << "refused:" << what << url.scheme() << url.host();
    Q_EMIT rootPage()->blocked(what, url);
}

void ConnectWebPage::closeRefused(const QString &what)
{
    if (m_closing)
        return;
    m_closing = true;
    report(what, url());
    Q_EMIT windowCloseRequested();
}

void ConnectWebPage::probeForRefusal(const std::function<void()> &then)
{
    // Google answers embedded sign-in with a page naming disallowed_useragent. Read it from an
    // isolated world: the page's own scripts cannot see or fake this probe's result.
    const QString host = url().host();
    QPointer<ConnectWebPage> self(this);
    runJavaScript(
        QStringLiteral(
            "document.body ? document.body.innerText.indexOf('disallowed_useragent') >= 0 : false"),
        QWebEngineScript::ApplicationWorld, [self, host, then](const QVariant &found) {
            if (!self)
                return;
            if (found.toBool())
                Q_EMIT self->rootPage()->embeddedSignInRefused(host);
            if (then)
                then();
        });
}

void ConnectWebPage::denyPermission(const QUrl &origin, Feature feature)
{
    setFeaturePermission(origin, feature, PermissionDeniedByUser);
    report(featureName(feature), origin);
}

bool ConnectWebPage::hasOverridableRefusal() const
{
    return m_overrideAllowed && !m_refusedCertificate.isEmpty();
}

bool ConnectWebPage::acceptRefusedCertificate()
{
    if (!hasOverridableRefusal())
        return false;
    qCWarning(lcWeb) << "support override: an invalid certificate will be accepted for"
                     << m_refusedCertificate.section(QLatin1Char(' '), 0, 0);
    m_acceptedCertificates.append(m_refusedCertificate);
    m_refusedCertificate.clear();
    return true;
}

void ConnectWebPage::refuseCertificate(const QWebEngineCertificateError &error)
{
    QWebEngineCertificateError copy = error;
    const QString description = certificateProblem(error);
    ConnectWebPage *root = rootPage();
    const QString identity = certificateIdentity(error);
    if (root->m_overrideAllowed && error.isOverridable()
        && root->m_acceptedCertificates.contains(identity)) {
        copy.acceptCertificate();
        qCWarning(lcWeb) << "accepted an invalid certificate (support override):"
                         << error.url().host();
        Q_EMIT root->certificateAccepted(error.url(), description);
        return;
    }
    // No "continue anyway" by default: a sign-in page with an invalid certificate may not be
    // who it says.
    copy.rejectCertificate();
    report(tr("an invalid certificate (%1)").arg(description), error.url());
    // Qt 6.4 does not say which frame asked; the session only acts on it while the modal loads.
    if (!m_opener) {
        if (m_overrideAllowed && error.isOverridable())
            m_refusedCertificate = identity;
        Q_EMIT certificateRefused(error.url(), description);
    }
}

void ConnectWebPage::javaScriptConsoleMessage(JavaScriptConsoleMessageLevel level,
                                              const QString &message, int lineNumber,
                                              const QString &sourceId)
{
    if (message.startsWith(m_readyToken)) {
        const QUrl url(message.mid(m_readyToken.size() + 1), QUrl::StrictMode);
        const QString scheme = url.scheme();
        if (scheme == QLatin1String("https") || scheme == QLatin1String("http"))
            Q_EMIT documentReady(url, message.at(m_readyToken.size()) == QLatin1Char('1'));
        return;
    }
    if (level != InfoMessageLevel)
        Q_EMIT rootPage()->consoleMessage(
            QStringLiteral("%1 (line %2)").arg(message.left(512)).arg(lineNumber), QUrl(sourceId));
    QWebEnginePage::javaScriptConsoleMessage(level, message, lineNumber, sourceId);
}

void ConnectWebPage::watchReadiness()
{
    // A new load of the page the window asked for, even when the engine says no loadStarted for
    // it (a kept page may still be finishing its way to about:blank).
    ++m_load;
    m_watchingReadiness = true;
    m_readinessCheck->start();
}

void ConnectWebPage::stopWatchingReadiness()
{
    m_watchingReadiness = false;
    m_readinessCheck->stop();
}

void ConnectWebPage::checkReadiness()
{
    if (!m_watchingReadiness || m_saidShows == m_load)
        return;
    const quint64 load = m_load;
    QPointer<ConnectWebPage> self(this);
    runJavaScript(readinessScript, QWebEngineScript::ApplicationWorld,
                  [self, load](const QVariant &answer) {
                      if (!self)
                          return;
                      const QVariantList values = answer.toList();
                      if (values.size() != 2 || !values.at(1).toBool())
                          return;
                      const QString protocol = values.at(0).toString();
                      if (protocol == QLatin1String("http:") || protocol == QLatin1String("https:"))
                          self->sayShows(load);
                  });
}

void ConnectWebPage::sayShows(quint64 load)
{
    if (!m_watchingReadiness || load != m_load || m_saidShows == load)
        return;
    m_saidShows = load;
    m_readinessCheck->stop();
    Q_EMIT showsPage(url());
}

void ConnectWebPage::warmUp(const QUrl &site)
{
    QUrl origin;
    origin.setScheme(site.scheme());
    origin.setHost(site.host());
    origin.setPort(site.port());
    origin.setPath(QStringLiteral("/"));
    // What a modal's first page does: parse, style, lay out text and a form, run a script; and
    // a connection to the site opened ahead (no request is sent on it).
    const QString document =
        QStringLiteral(
            "<!DOCTYPE html><html data-warm-up><head><meta charset=\"utf-8\">"
            "<link rel=\"preconnect\" href=\"%1\"><style>"
            "body{font:14px "
            "sans-serif;margin:0;display:flex}form{display:grid;gap:8px;padding:16px}"
            "input,button{font:inherit;padding:6px 8px;border:1px solid #888;border-radius:4px}"
            "</style></head><body><form><label>A<input></label><label>B<input type=password>"
            "</label><button type=button>OK</button></form><script>"
            "document.querySelector('input').value=JSON.stringify({ready:[1,2,3].map(String)});"
            "</script></body></html>")
            .arg(origin.toString(QUrl::RemovePath).toHtmlEscaped());
    m_warming = true;
    setHtml(document, origin);
}

bool ConnectWebPage::isReusable() const
{
    return !m_rendererGone && !m_closing && !m_choosingFiles && m_acceptedCertificates.isEmpty()
        && !m_opener;
}

void ConnectWebPage::resetForNextSession()
{
    const quint64 reset = ++m_resets;
    triggerAction(Stop);
    closePopups();
    m_dialogs = 0;
    m_watch = UrlWatch();
    m_browserOnlyHosts.clear();
    m_overrideAllowed = false;
    m_refusedCertificate.clear();
    m_navigated = false;
    // Still on the modal's origin: its session storage goes (shared with the app's world), then
    // the page. Local storage and cookies belong to the web profile, as for any page.
    QPointer<ConnectWebPage> self(this);
    runJavaScript(QStringLiteral("try { sessionStorage.clear(); } catch (e) {}"),
                  QWebEngineScript::ApplicationWorld, [self, reset](const QVariant &) {
                      if (!self || self->m_resets != reset)
                          return;
                      auto *once = new QObject(self);
                      connect(self, &QWebEnginePage::loadFinished, once, [self, reset, once] {
                          once->deleteLater();
                          if (self && self->m_resets == reset)
                              self->history()->clear();
                      });
                      self->load(QUrl(QStringLiteral("about:blank")));
                  });
}

void ConnectWebPage::beginSession()
{
    ++m_resets;
    history()->clear();
}

bool ConnectWebPage::acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame)
{
    if (m_warming && isMainFrame && url.scheme() == QLatin1String("data")) {
        // warmUp()'s own document, once; never a page's.
        m_warming = false;
        return true;
    }
    m_warming = false;
    if (m_watch.matches(url)) {
        // It counts in the top frame of the page or of one of its popups, never in a subframe
        // that a page could point anywhere.
        if (isMainFrame) {
            qCInfo(lcWeb) << "watched URL reached"
                          << (type == NavigationTypeRedirect ? "(server redirect)" : "");
            Q_EMIT rootPage()->watchedUrlReached(url);
        }
        return false;
    }
    const NavigationPolicy::Decision decision = NavigationPolicy::check(url, isMainFrame, m_watch);
    if (!decision.allowed) {
        report(tr("going to %1: %2").arg(url.scheme() + QLatin1Char(':'), decision.reason), url);
        // A popup whose very first page is refused has nothing to show: close it.
        if (m_opener && isMainFrame && !m_navigated) {
            m_closing = true;
            QTimer::singleShot(0, this, [this] { Q_EMIT windowCloseRequested(); });
        }
        return false;
    }
    if (isMainFrame) {
        m_navigated = true;
        if (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"))
            m_webNavigation = true;
        const QString host = url.host().toLower();
        for (const QString &refusing : std::as_const(m_browserOnlyHosts)) {
            if (host == refusing || host.endsWith(QLatin1Char('.') + refusing)) {
                Q_EMIT rootPage()->embeddedSignInRefused(host);
                break;
            }
        }
    }
    return QWebEnginePage::acceptNavigationRequest(url, type, isMainFrame);
}

int ConnectWebPage::openPopupCount() const
{
    int count = 0;
    const auto popups = this->popups();
    for (const ConnectWebPage *popup : popups) {
        if (!popup->m_closing)
            count += 1 + popup->openPopupCount();
    }
    return count;
}

void ConnectWebPage::closePopups()
{
    const auto popups = this->popups();
    for (ConnectWebPage *popup : popups) {
        if (!popup->m_closing) // else on its way already
            closePopup(popup);
    }
}

void ConnectWebPage::closePopup(ConnectWebPage *popup)
{
    popup->closePopups(); // what it opened goes with it
    popup->m_closing = true;
    // Its view goes first (the receiver's deleteLater is posted before this one); from here the
    // page does nothing more that anyone hears.
    Q_EMIT rootPage()->popupClosed(popup);
    popup->triggerAction(Stop);
    popup->deleteLater();
}

void ConnectWebPage::closeFileChooser()
{
    if (m_choosingFiles)
        Q_EMIT fileChooserClosing();
}

QStringList ConnectWebPage::chooseFiles(FileSelectionMode mode, const QStringList &oldFiles,
                                        const QStringList &acceptedMimeTypes)
{
    if (!m_fileChooser || m_choosingFiles || m_closing) {
        report(tr("a file chooser"), url());
        return {};
    }
    m_choosingFiles = true;
    QPointer<ConnectWebPage> self(this);
    // A chooser's dialog runs an event loop of its own: anything may happen meanwhile, up to
    // this page's deletion with its window (tst_hostilepages shows Qt takes that).
    const QStringList files = m_fileChooser(this, mode, oldFiles, acceptedMimeTypes);
    if (!self)
        return {};
    m_choosingFiles = false;
    qCInfo(lcWeb) << "the person chose" << files.size() << "file(s) for the page";
    return files;
}

void ConnectWebPage::closeByUser()
{
    if (!m_opener || m_closing)
        return;
    // The page's unload handlers run, as in a browser; a dialog they ask for is answered
    // "leave" (javaScriptConfirm). A page too busy to answer at all goes after a second.
    triggerAction(RequestClose);
    QTimer::singleShot(userCloseGraceMs, this, [this] {
        if (m_closing)
            return;
        m_closing = true;
        qCInfo(lcWeb) << "a popup closed by the user did not go by itself; closed";
        Q_EMIT windowCloseRequested();
    });
}

QWebEnginePage *ConnectWebPage::createWindow(WebWindowType type)
{
    Q_UNUSED(type)
    ConnectWebPage *root = rootPage();
    if (root->openPopupCount() >= maxPopups) {
        // window.open() gives null, as a browser's popup blocker does.
        report(tr("a popup (%n already open)", nullptr, maxPopups), url());
        return nullptr;
    }
    auto *popup = new ConnectWebPage(profile(), this);
    popup->m_opener = this;
    popup->setWatchedUrl(m_watch);
    popup->setBrowserOnlyHosts(m_browserOnlyHosts);
    popup->setFileChooser(m_fileChooser);
    connect(popup, &QWebEnginePage::windowCloseRequested, root,
            [root, popup] { root->closePopup(popup); });
    connect(popup, &QWebEnginePage::geometryChangeRequested, popup,
            [popup](const QRect &geometry) { popup->m_requestedGeometry = geometry; });
    // A popup must show a web page. It gets a view only once its first one has loaded
    // (popupReady; see popupOpened for why). One whose first load fails (a refused
    // certificate, say) has nothing to offer, and one that stays blank is drawn by script from
    // its opener (window.open("javascript:…"), document.write): both close.
    connect(popup, &QWebEnginePage::loadFinished, popup, [popup, root](bool ok) {
        if (popup->m_closing)
            return;
        const QString scheme = popup->url().scheme();
        const bool web = scheme == QLatin1String("https") || scheme == QLatin1String("http");
        if (ok && web && !popup->m_showedPage) {
            popup->m_showedPage = true;
            Q_EMIT root->popupReady(popup);
        } else if (!ok && !popup->m_showedPage && popup->m_webNavigation) {
            // Read what it shows first: a provider that refuses embedded sign-in says so there.
            popup->probeForRefusal(
                [popup] { popup->closeRefused(tr("a popup that could not load")); });
        }
    });
    QTimer::singleShot(popupGraceMs, popup, [popup] {
        if (!popup->m_showedPage && !popup->m_webNavigation)
            popup->closeRefused(tr("a popup that showed no web page"));
    });
    QTimer::singleShot(popupLoadMs, popup, [popup] {
        if (!popup->m_showedPage)
            popup->closeRefused(tr("a popup whose page did not load"));
    });
    Q_EMIT root->popupOpened(popup);
    return popup;
}

void ConnectWebPage::sayDialog(Dialog kind, const QUrl &origin, const QString &text)
{
    ConnectWebPage *root = rootPage();
    const int count = ++root->m_dialogs;
    qCInfo(lcWeb) << "a JavaScript dialog was answered without showing it:" << kind
                  << origin.scheme() << origin.host() << "number" << count;
    if (count > reportedDialogs)
        return;
    QString shown = text.left(500);
    if (shown.size() < text.size())
        shown.append(QChar(0x2026));
    Q_EMIT root->javaScriptDialog(kind, origin, shown);
}

void ConnectWebPage::javaScriptAlert(const QUrl &securityOrigin, const QString &msg)
{
    sayDialog(Dialog::Alert, securityOrigin, msg);
}

bool ConnectWebPage::javaScriptConfirm(const QUrl &securityOrigin, const QString &msg)
{
    // Qt 6.4 asks a page's beforeunload ("Leave this page?") through here, with its own text.
    // Qt's own message, looked up as Qt looks it up (its context is not ours to translate).
    static const char *const qtContext = "QWebEnginePage";
    static const QString unload = QCoreApplication::translate(
        qtContext,
        "Are you sure you want to leave this page? Changes that you made may not be saved.");
    if (msg == unload) {
        sayDialog(Dialog::Unload, securityOrigin, {});
        return true; // the app decides when a page goes
    }
    sayDialog(Dialog::Confirm, securityOrigin, msg);
    return false;
}

bool ConnectWebPage::javaScriptPrompt(const QUrl &securityOrigin, const QString &msg,
                                      const QString &defaultValue, QString *result)
{
    Q_UNUSED(defaultValue)
    sayDialog(Dialog::Prompt, securityOrigin, msg);
    if (result)
        result->clear();
    return false; // prompt() gives null: nothing typed here ever reaches the page
}
