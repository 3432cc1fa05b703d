// Is this machine ready? The checks support staff and IT run first, each one a finding that says
// what is wrong and what to do: the app's folders, the display, the web engine (its version, its
// flags, its sandbox), the OS keychain and the profile's secret, the backend (its name resolves,
// it answers, the round trip, the account it takes the credential for), which proxy each of the
// two network stacks uses, whether the backend's certificate verifies in each stack, and the
// clock. Used by `connect-desktop doctor`, diagnostics bundles and Help, Save Diagnostics.
#pragma once

#include "core/model/Profile.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTimer>

class Backends;
class QNetworkAccessManager;

struct DoctorFinding
{
    enum class Level { Ok, Info, Warning, Problem };

    QString check; // "folders", "display", "engine", "keychain", "backend", "account", "proxy",
                   // "tls", "clock"
    Level level = Level::Ok;
    QString summary; // what was found
    QString fix; // what to do; empty when nothing is to be done
    QJsonObject details; // for --json: numbers and names, never a secret

    static QString levelName(Level level); // "ok", "info", "warning", "problem"
    QJsonObject toJson() const;
};

class Doctor : public QObject
{
    Q_OBJECT

public:
    // `backends` must outlive the doctor.
    explicit Doctor(Backends *backends, QObject *parent = nullptr);
    ~Doctor() override;

    // Runs every check for `profile`; says finished() once, within about half a minute.
    void run(const Profile &profile);
    const QList<DoctorFinding> &findings() const { return m_findings; }
    bool isRunning() const { return m_pending > 0; }

    static bool anyProblem(const QList<DoctorFinding> &findings);
    // One line per finding (and its fix), for the command line and the bundle.
    static QString toText(const QList<DoctorFinding> &findings);
    static QJsonObject toJson(const Profile &profile, const QList<DoctorFinding> &findings);

Q_SIGNALS:
    void finished(const QList<DoctorFinding> &findings);

private:
    void add(DoctorFinding finding);
    void begin(); // one more check under way
    void end(); // one check done
    void checkFolders();
    void checkDisplay();
    void checkEngine();
    void checkKeychain(const Profile &profile);
    void checkBackend(const Profile &profile);
    void probe(const QUrl &url); // DNS, answer, round trip, clock, TLS in the API's stack
    void probeEngineTls(const QUrl &url); // TLS in the web engine's stack
    void checkProxies(const QUrl &url);

    Backends *m_backends;
    QNetworkAccessManager *m_network;
    QObject *m_context = nullptr; // the current run's callbacks
    QObject *m_pages = nullptr; // the run's web pages, a child of m_context
    QList<DoctorFinding> m_findings;
    int m_pending = 0;
    QTimer m_deadline;
};
