#include "SandboxFixture.h"

#include "SandboxBackends.h"
#include "core/settings/AppSettings.h"
#include "sandbox/SandboxServer.h"
#include "web/WebProfiles.h"

#include <QSettings>
#include <QStandardPaths>
#include <QWebEngineProfile>

bool SandboxFixture::start(const SandboxOptions &options, QString *error)
{
    QStandardPaths::setTestModeEnabled(true);
    if (!m_dir.isValid()) {
        if (error)
            *error = QStringLiteral("no temporary folder");
        return false;
    }
    server = new SandboxServer(options, this);
    if (!server->start(error))
        return false;
    backends = new SandboxBackends(server, this);
    provider = backends->makeProvider(this);
    qsettings = new QSettings(path(QStringLiteral("settings.ini")), QSettings::IniFormat, this);
    settings = new AppSettings(qsettings, this);
    webProfile = new QWebEngineProfile(this);
    webProfiles = new WebProfiles(path(QStringLiteral("web")), this);
    return true;
}
