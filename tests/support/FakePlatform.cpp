#include "FakePlatform.h"

#include <QTimer>

namespace {

// Later, on the event loop, unless `context` has gone.
template<typename Call> void later(QObject *context, Call call)
{
    QTimer::singleShot(0, context, call);
}

} // namespace

void FakeBackends::open(const Profile &profile, QObject *context,
                        ResultCallback<PlatformProvider *> done)
{
    opened.append(profile);
    const auto failed = failure;
    FakePlatform *platform = m_platform;
    later(context, [done, failed, platform] {
        done(failed ? Result<PlatformProvider *>::error(*failed)
                    : Result<PlatformProvider *>::success(platform));
    });
}

void FakePlatform::fetchConnectionTypes(QObject *context, const HttpValidators &known,
                                        ResultCallback<ConnectionTypeList> done)
{
    ++typeFetches;
    ConnectionTypeList list;
    list.validators = typesValidators;
    if (!known.isEmpty() && known == typesValidators)
        list.unchanged = true;
    else
        list.types = types;
    const auto failure = typesFailure;
    later(context, [done, failure, list] {
        done(failure ? Result<ConnectionTypeList>::error(*failure)
                     : Result<ConnectionTypeList>::success(list));
    });
}

void FakePlatform::fetchConnections(QObject *context, ResultCallback<QList<Connection>> done)
{
    const auto failure = connectionsFailure;
    const QList<Connection> listed = connections;
    later(context, [done, failure, listed] {
        done(failure ? Result<QList<Connection>>::error(*failure)
                     : Result<QList<Connection>>::success(listed));
    });
}

void FakePlatform::checkAccount(QObject *context, ResultCallback<QString> done)
{
    const auto failure = connectionsFailure;
    later(context, [done, failure] {
        done(failure ? Result<QString>::error(*failure)
                     : Result<QString>::success(QStringLiteral("a fake account")));
    });
}

void FakePlatform::removeConnection(const QString &, QObject *context, ResultCallback<bool> done)
{
    later(context, [done] { done(Result<bool>::success(true)); });
}

ConnectAttempt *FakePlatform::beginAttempt(const SessionRequest &request, ExchangeLog *,
                                           QObject *parent)
{
    auto *attempt = new FakeAttempt(this, request, parent);
    attempts.append(attempt);
    return attempt;
}

FakeAttempt::FakeAttempt(FakePlatform *platform, const SessionRequest &request, QObject *parent)
    : ConnectAttempt(parent)
    , request(request)
    , m_platform(platform)
{ }

void FakeAttempt::launch(QObject *context, ResultCallback<ConnectLaunch> done)
{
    ++launches;
    const auto failure = m_platform->launchFailure;
    const ConnectLaunch launch = m_platform->launch;
    later(context, [done, failure, launch] {
        done(failure ? Result<ConnectLaunch>::error(*failure)
                     : Result<ConnectLaunch>::success(launch));
    });
}

ConnectAttempt::Verdict FakeAttempt::judge(const PageEvent &event, SessionResult *, QString *code,
                                           QString *message)
{
    if (event.kind == PageEvent::Kind::UrlReached && !m_platform->launch.watch.matches(event.url))
        return Verdict::Ignore;
    const Verdict verdict = m_platform->verdicts.value(event.kind, Verdict::Ignore);
    if (verdict == Verdict::Fail) {
        *code = m_platform->failCode;
        *message = m_platform->failMessage;
    }
    return verdict;
}

void FakeAttempt::confirm(QObject *context, ResultCallback<std::optional<Connection>> done)
{
    ++confirms;
    const auto failure = m_platform->confirmFailure;
    const auto found = m_platform->confirmed;
    later(context, [done, failure, found] {
        done(failure ? Result<std::optional<Connection>>::error(*failure)
                     : Result<std::optional<Connection>>::success(found));
    });
}
