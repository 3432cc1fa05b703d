// `connect-desktop sandbox`: runs a sandbox server standalone until stopped.
#pragma once

#include "sandbox/SandboxOptions.h"
#include "sandbox/paragon/ParagonSandboxOptions.h"

namespace SandboxCommand {

// Starts Polytomic's sandbox, prints its address and key on stdout (as one JSON line with
// `json`), serves until the event loop ends. Returns the process exit code.
int run(const SandboxOptions &options, bool json);

// The same for Paragon's sandbox: its address, project, environments and token URL.
int runParagon(const ParagonSandboxOptions &options, bool json);

} // namespace SandboxCommand
