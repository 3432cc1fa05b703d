// `connect-desktop doctor`: every check of the Doctor for one profile, one line each (or one JSON
// object), exit 0 when none found a problem and 1 when one did.
#pragma once

#include "app/AppContext.h"
#include "app/CommandLine.h"

#include <optional>

namespace DoctorCommand {

int run(const DoctorOptions &options, const AppContext &context);

} // namespace DoctorCommand
