#pragma once
// Where the load's live progress display goes: stderr, when it is a terminal and the user did
// not ask for --no-progress (otherwise the load logs plain lines instead).
#include "common/progress.h"

namespace orashift {

Progress::Sink terminal_progress(bool no_progress);

}  // namespace orashift
