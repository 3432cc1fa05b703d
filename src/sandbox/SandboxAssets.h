// What the sandbox serves besides its API and modal: integration logos, the company's logos
// (--logo, --logo-dark) and its index page.
#pragma once

#include "sandbox/SandboxState.h"

#include <QCoreApplication>

class SandboxAssets
{
    Q_DECLARE_TR_FUNCTIONS(SandboxServer)

public:
    explicit SandboxAssets(const SandboxState &state)
        : m_state(state)
    { }

    SandboxReply typeLogo(const QString &fileName, const SandboxRequest &request) const;
    SandboxReply brandingLogo(const QString &fileName) const;
    SandboxReply indexPage() const;

private:
    const SandboxState &m_state;
};
