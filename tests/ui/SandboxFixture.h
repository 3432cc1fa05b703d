// What the window tests share, set up once in initTestCase: the sandbox on 127.0.0.1, the
// Backends and a provider for it, settings in a folder of the fixture's own, a web profile, and
// the app's web profiles (per backend profile) in that folder.
// Standard locations are the tests' own (QStandardPaths test mode).
#pragma once

#include "sandbox/SandboxOptions.h"

#include <QObject>
#include <QString>
#include <QTemporaryDir>

class AppSettings;
class PlatformProvider;
class QSettings;
class QWebEngineProfile;
class SandboxBackends;
class SandboxServer;
class WebProfiles;

class SandboxFixture : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Starts the sandbox with `options` and makes the rest; false (and *error) when it cannot.
    // A web engine flag a test needs must be set before: the web profile is made here.
    bool start(const SandboxOptions &options = {}, QString *error = nullptr);
    // A path in the fixture's own folder.
    QString path(const QString &name) const { return m_dir.filePath(name); }

    SandboxServer *server = nullptr;
    SandboxBackends *backends = nullptr;
    PlatformProvider *provider = nullptr;
    QSettings *qsettings = nullptr;
    AppSettings *settings = nullptr;
    QWebEngineProfile *webProfile = nullptr;
    WebProfiles *webProfiles = nullptr;

private:
    QTemporaryDir m_dir;
};
