#include "ui/KeychainAccess.h"

#include "core/model/PlatformTraits.h"
#include "core/system/LogCategories.h"

#include <qt6keychain/keychain.h>

QString KeychainAccess::failureMessage(const QString &detail,
                                       std::optional<Profile::Platform> platform)
{
    QStringList variables;
    if (platform) {
        variables.append(PlatformTraits::of(*platform).keyEnvironmentVariable);
    } else {
        for (const Profile::Platform each : PlatformTraits::platforms())
            variables.append(PlatformTraits::of(each).keyEnvironmentVariable);
    }
    return tr("The system keychain could not be used (%1). Set the %2 environment "
              "variable instead.")
        .arg(detail, variables.join(QLatin1String(", ")));
}

void KeychainAccess::store(const QString &profileId, const QString &secret)
{
    auto *job = new QKeychain::WritePasswordJob(service(), this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(profileId);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [this, profileId](QKeychain::Job *done) {
        if (done->error() != QKeychain::NoError) {
            // The reason only: never the secret.
            qCWarning(lcUi) << "keychain write failed for profile" << profileId
                            << done->errorString();
            Q_EMIT failed(profileId, failureMessage(done->errorString(), m_platform));
            return;
        }
        Q_EMIT stored(profileId);
    });
    job->start();
}

void KeychainAccess::remove(const QString &profileId)
{
    auto *job = new QKeychain::DeletePasswordJob(service(), this);
    job->setAutoDelete(true);
    job->setKey(profileId);
    connect(job, &QKeychain::Job::finished, this, [this, profileId](QKeychain::Job *done) {
        if (done->error() != QKeychain::NoError && done->error() != QKeychain::EntryNotFound) {
            Q_EMIT failed(profileId, failureMessage(done->errorString(), m_platform));
            return;
        }
        Q_EMIT removed(profileId);
    });
    job->start();
}

void KeychainAccess::check(const QString &profileId)
{
    auto *job = new QKeychain::ReadPasswordJob(service(), this);
    job->setAutoDelete(true);
    job->setKey(profileId);
    connect(job, &QKeychain::Job::finished, this, [this, profileId](QKeychain::Job *done) {
        if (done->error() == QKeychain::NoError) {
            Q_EMIT checked(profileId, true);
        } else if (done->error() == QKeychain::EntryNotFound) {
            Q_EMIT checked(profileId, false);
        } else {
            Q_EMIT failed(profileId, failureMessage(done->errorString(), m_platform));
        }
    });
    job->start();
}
