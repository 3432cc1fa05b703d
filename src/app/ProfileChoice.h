// Which profile a command-line run talks to: --base-url or --proxy-url (a stored profile for that
// address, or one made for this run), --profile, --platform's sandbox, or the active profile.
#pragma once

#include "app/CommandLine.h"
#include "core/model/Profile.h"

#include <optional>

class ProfileStore;

namespace ProfileChoice {

// Null, with *error naming the fix, when the options name no usable profile.
std::optional<Profile> resolve(const ConnectOptions &options, const ProfileStore &profiles,
                               QString *error);

} // namespace ProfileChoice
