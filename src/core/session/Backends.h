// Opens the platform provider for a profile: starts what it needs (the built-in sandbox),
// reads its key. Implemented by the app layer; the windows see only this interface.
#pragma once

#include "core/model/Profile.h"
#include "core/model/Result.h"
#include "core/session/PlatformProvider.h"

#include <QObject>

class Backends : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // The provider stays owned by Backends and valid until the next open() or destruction.
    // Fails with ApiFailure::Kind::Configuration (e.g. a Polytomic profile without a key),
    // whose message says what to do.
    virtual void open(const Profile &profile, QObject *context,
                      ResultCallback<PlatformProvider *> done) = 0;
    // A short label for where a profile points, e.g. "sandbox on 127.0.0.1:41234".
    virtual QString describe(const Profile &profile) const = 0;
};
