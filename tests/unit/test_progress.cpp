// The live progress display renders into the sink the CLI gives it, redrawing in place.
#include <gtest/gtest.h>

#include "common/progress.h"

using namespace orashift;

TEST(Progress, RedrawsOneLinePerTableInPlace) {
  std::string screen;
  Progress p([&](const std::string& s) { screen += s; });
  p.draw({{"sales", 500000, 50, 100, 2.0}, {"times", 1826, 0, 0, 1.0}});
  EXPECT_NE(screen.find("sales [##########..........]   50%      500000 rows     250000 rows/s ETA 2s"), std::string::npos)
      << screen;
  EXPECT_NE(screen.find("times [....................]    ?%"), std::string::npos) << screen;  // no size: no %
  EXPECT_EQ(screen.find("\x1b[2A"), std::string::npos);  // nothing drawn before: no cursor move up
  screen.clear();
  p.draw({{"sales", 1000000, 100, 100, 4.0}});
  EXPECT_EQ(screen.rfind("\x1b[2A", 0), 0u) << screen;  // back over the two lines drawn before
  EXPECT_NE(screen.find("100%"), std::string::npos);
  EXPECT_EQ(screen.find("ETA"), std::string::npos);  // done: no ETA
  screen.clear();
  p.clear();
  EXPECT_EQ(screen, "\x1b[1A\x1b[2K\n\x1b[1A");
}

TEST(Progress, NoSinkDrawsNothing) {
  Progress p({});
  p.draw({{"sales", 1, 1, 2, 1.0}});  // must not crash or write anywhere
  p.clear();
}
