// Replays the saved fuzz corpus (crash reproducers and regression inputs) through the same
// function the libFuzzer target runs, so every build checks them without clang.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "../../fuzz/fuzz_parser.h"
#include "require_env.h"

namespace fs = std::filesystem;

TEST(FuzzReplay, SavedCorpusDoesNotCrash) {
  fs::path dir = fs::path(ORASHIFT_SOURCE_DIR) / "fuzz" / "corpus";
  if (!fs::exists(dir)) ORASHIFT_SKIP_OR_FAIL() << "no saved fuzz corpus at " << dir.string();
  size_t n = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    std::string bytes = buf.str();
    SCOPED_TRACE(e.path().string());
    orashift::fuzz::parse_bytes(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    ++n;
  }
  std::printf("fuzz replay: %zu inputs\n", n);
  EXPECT_GT(n, 0u);
}
