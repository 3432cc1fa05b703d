// `connect-desktop sandbox`: runs the sandbox server standalone until stopped.
#pragma once

#include "sandbox/SandboxOptions.h"

namespace SandboxCommand {

// Starts the server, prints its address and key on stdout, serves until the event loop ends.
// Returns the process exit code.
int run(const SandboxOptions &options);

} // namespace SandboxCommand
