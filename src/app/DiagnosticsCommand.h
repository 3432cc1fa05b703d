// `connect-desktop diagnostics --output FILE.zip`: runs the doctor for the profile, then writes
// the bundle (every part unless --without leaves it out; sessions since --since) and says what
// is in it.
#pragma once

#include "app/AppContext.h"
#include "app/CommandLine.h"

namespace DiagnosticsCommand {

int run(const DiagnosticsOptions &options, const AppContext &context);

} // namespace DiagnosticsCommand
