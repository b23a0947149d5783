#pragma once
// Tests that need something this machine may lack (the shared corpus, the PostgreSQL or S3 test
// server, Chromium) say so with ORASHIFT_SKIP_OR_FAIL() << "why" instead of ORASHIFT_SKIP_OR_FAIL(). On a
// developer's machine the test skips (gtest and ctest list it as skipped); when
// ORASHIFT_REQUIRE_ALL=1 (set by .ci/run) it fails, so a broken CI environment cannot look green.
#include <gtest/gtest.h>

#include "require_env.h"

#include <cstdlib>
#include <cstring>

namespace orashift_test {

inline bool require_all() {
  const char* v = std::getenv("ORASHIFT_REQUIRE_ALL");
  return v && std::strcmp(v, "1") == 0;
}

inline ::testing::TestPartResult::Type skip_result() {
  return require_all() ? ::testing::TestPartResult::kFatalFailure : ::testing::TestPartResult::kSkip;
}

inline const char* skip_prefix() {
  return require_all() ? "ORASHIFT_REQUIRE_ALL=1 and this test would skip: " : "";
}

}  // namespace orashift_test

// Like ORASHIFT_SKIP_OR_FAIL(): returns from the current function; stream the reason into it.
#define ORASHIFT_SKIP_OR_FAIL() \
  return GTEST_MESSAGE_AT_(__FILE__, __LINE__, ::orashift_test::skip_prefix(), ::orashift_test::skip_result())
