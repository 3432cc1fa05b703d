// The web view of the next connect window, kept ready between sessions. A new page starts a new
// renderer whose first document pays for starting its script engine, styles and fonts: tens of
// milliseconds on the path from click to form. So one view and its page outlive the window that
// used them (cleaned: ConnectWebPage::resetForNextSession) and host the next session; before the
// first, a view is made after the main window's first paint and its page warmed up for the
// modal's site (ConnectWebPage::warmUp).
#pragma once

#include <QObject>
#include <QUrl>

class QWebEngineProfile;
class QWebEngineView;

class ModalViewPool : public QObject
{
    Q_OBJECT

public:
    explicit ModalViewPool(QObject *parent = nullptr);
    ~ModalViewPool() override;

    // Makes a view ready on `webProfile`, warmed up for `site`, unless one is already; a view on
    // another web profile goes (one is kept at a time).
    void prepare(QWebEngineProfile *webProfile, const QUrl &site);
    // The ready view on `webProfile` (its page a ConnectWebPage with an empty history), now the
    // caller's; null when there is none.
    QWebEngineView *take(QWebEngineProfile *webProfile);
    // A view whose session ended, for the next one: its page is reset and it is kept, in place
    // of any other. Its page must be reusable (ConnectWebPage::isReusable); if not, it goes.
    void giveBack(QWebEngineView *view);
    // Deletes the idle view if its page is on `webProfile` (before that profile goes).
    void discard(QWebEngineProfile *webProfile);

    QWebEngineView *idleView() const { return m_idle; }

private:
    void keep(QWebEngineView *view);
    void drop();

    QWebEngineView *m_idle = nullptr; // owned; no parent, never shown while here
};
