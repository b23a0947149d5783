#include "cli/commands.h"

#include <cstdio>

namespace orashift::cli {
int run(int, char**) {
  std::fprintf(stderr, "orashift: not yet wired\n");
  return 2;
}
}  // namespace orashift::cli
