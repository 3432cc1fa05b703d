// The hostile pages support staff and tests rehearse against (--attack NAME, --hostile-modal):
// an attack's own page for popups and frames, the script the modal runs, a download no one
// asked for.
#pragma once

#include "sandbox/SandboxState.h"

#include <QCoreApplication>
#include <QJsonObject>

class SandboxAttacks
{
    Q_DECLARE_TR_FUNCTIONS(SandboxServer)

public:
    explicit SandboxAttacks(const SandboxState &state)
        : m_state(state)
    { }

    // The attack `name` run in a page, with `context` (what it may aim at).
    static QByteArray script(const QString &name, const QJsonObject &context,
                             const QByteArray &nonce);
    SandboxReply page(const SandboxRequest &request) const;
    SandboxReply hostileDownload() const;

private:
    const SandboxState &m_state;
};
