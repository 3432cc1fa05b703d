// An in-memory platform for specifying ConnectSession and Workspace without HTTP: a
// PlatformProvider whose attempts launch as told (a URL to load or a hosted page), judge page
// events by a table, and confirm with a given answer. Everything is answered on the next turn of
// the event loop, as a network would, so a session never hears back inside its own call.
#pragma once

#include "core/session/Backends.h"
#include "core/session/ConnectAttempt.h"
#include "core/session/PlatformProvider.h"

#include <QList>
#include <QMap>
#include <QPointer>

class FakeAttempt;
class FakePlatform;

// Opens every profile on one FakePlatform on the next turn of the event loop, or fails with
// `failure`.
class FakeBackends : public Backends
{
    Q_OBJECT

public:
    FakeBackends(FakePlatform *platform, QObject *parent = nullptr)
        : Backends(parent)
        , m_platform(platform)
    { }

    std::optional<ApiFailure> failure;
    QList<Profile> opened; // every profile asked for, in order

    void open(const Profile &profile, QObject *context,
              ResultCallback<PlatformProvider *> done) override;
    QString describe(const Profile &profile) const override { return profile.name; }

private:
    FakePlatform *m_platform;
};

class FakePlatform : public PlatformProvider
{
    Q_OBJECT

public:
    using PlatformProvider::PlatformProvider;

    // What the next attempts do.
    ConnectLaunch launch; // launched as this; its watch and secrets too
    std::optional<ApiFailure> launchFailure; // or fail to launch so
    // The verdict for each kind of event (Ignore when absent); for UrlReached, only a URL the
    // launch's watch matches gets it.
    QMap<PageEvent::Kind, ConnectAttempt::Verdict> verdicts;
    QString failCode = QStringLiteral("platform_error");
    QString failMessage = QStringLiteral("The platform's page said it failed.");
    std::optional<Connection> confirmed; // what confirm() finds
    std::optional<ApiFailure> confirmFailure;
    bool browserSupported = false;

    QList<QPointer<FakeAttempt>> attempts; // every attempt made, in order

    // What the platform lists: its integrations (answered unchanged when asked with these
    // validators), its connections, or why it cannot.
    QList<ConnectionType> types;
    HttpValidators typesValidators;
    std::optional<ApiFailure> typesFailure;
    QList<Connection> connections;
    std::optional<ApiFailure> connectionsFailure;
    int typeFetches = 0;

    QString platformName() const override { return QStringLiteral("Fake"); }
    QUrl apiBaseUrl() const override { return QUrl(QStringLiteral("https://fake.invalid")); }
    void fetchConnectionTypes(QObject *context, const HttpValidators &known,
                              ResultCallback<ConnectionTypeList> done) override;
    void fetchConnections(QObject *context, ResultCallback<QList<Connection>> done) override;
    void removeConnection(const QString &id, QObject *context, ResultCallback<bool> done) override;
    void checkAccount(QObject *context, ResultCallback<QString> done) override;
    ConnectAttempt *beginAttempt(const SessionRequest &request, ExchangeLog *log,
                                 QObject *parent) override;
    void abortAll() override { }
};

class FakeAttempt : public ConnectAttempt
{
    Q_OBJECT

public:
    FakeAttempt(FakePlatform *platform, const SessionRequest &request, QObject *parent);

    SessionRequest request;
    int launches = 0;
    int confirms = 0;
    int ends = 0;
    bool browserHasIt = false;

    // Says `event` by the attempt's own channel (as a listener or a host page's report would).
    void hear(const PageEvent &event) { Q_EMIT reported(event); }

    void launch(QObject *context, ResultCallback<ConnectLaunch> done) override;
    Verdict judge(const PageEvent &event, SessionResult *result, QString *code,
                  QString *message) override;
    void confirm(QObject *context, ResultCallback<std::optional<Connection>> done) override;
    bool canContinueInBrowser() const override { return m_platform->browserSupported; }
    void setBrowserHasIt(bool hasIt) override { browserHasIt = hasIt; }
    void end() override { ++ends; }

private:
    FakePlatform *m_platform;
};
