#include "cli/terminal_progress.h"

#include <unistd.h>

#include <cstdio>

namespace orashift {

Progress::Sink terminal_progress(bool no_progress) {
  if (no_progress || !isatty(STDERR_FILENO)) return {};
  return [](const std::string& text) {
    std::fputs(text.c_str(), stderr);
    std::fflush(stderr);
  };
}

}  // namespace orashift
