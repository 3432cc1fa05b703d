// `connect-desktop history`: the kept sessions, as a table or one JSON object.
#pragma once

#include "app/CommandLine.h"

class SessionHistory;
class ProfileStore;

namespace HistoryCommand {

// The sessions of `history` that `options` asks for, newest first (the text table on stdout, or
// one JSON object); --clear forgets them. Returns the exit code.
int run(const HistoryOptions &options, SessionHistory *history, const ProfileStore *profiles);

} // namespace HistoryCommand
