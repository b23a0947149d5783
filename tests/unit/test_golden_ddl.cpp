// Golden conversions: tests/golden/<case>/input.sql → expected.<dialect>.sql (the converted
// script followed by the action items, one per line). ORASHIFT_UPDATE_GOLDEN=1 rewrites them.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "convert/ddl_loader.h"
#include "convert/type_refinement.h"
#include "dialect/ddl_generator.h"

using namespace orashift;
namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::string render(const fs::path& input, Dialect d) {
  DdlLoad ddl = load_ddl({input.string()});
  ActionItems items;
  ConvertOptions opt;
  opt.dialect = d;
  refine_key_types(ddl.catalog, d, items);  // as `convert` does
  ConvertedSchema s = generate_ddl(ddl.catalog, opt, items);
  std::string out = s.script();
  out += "\n-- action items\n";
  for (const auto& i : items.items())
    out += "-- " + std::string(i.kind->code) + " " + i.object + ": " + i.message + " (line " +
           std::to_string(i.span.line()) + ")\n";
  for (const auto& diag : ddl.diagnostics.items())
    out += "-- diagnostic " + diag.code + " line " + std::to_string(diag.span.line()) + ": " + diag.message + "\n";
  return out;
}

}  // namespace

TEST(GoldenDdl, AllCases) {
  fs::path root = fs::path(ORASHIFT_SOURCE_DIR) / "tests" / "golden";
  bool update = std::getenv("ORASHIFT_UPDATE_GOLDEN") != nullptr;
  int cases = 0;
  for (const auto& dir : fs::directory_iterator(root)) {
    fs::path input = dir.path() / "input.sql";
    if (!fs::exists(input)) continue;
    for (Dialect d : {Dialect::Redshift, Dialect::Postgres, Dialect::DuckDb}) {
      fs::path expected = dir.path() / (std::string("expected.") + dialect_name(d) + ".sql");
      std::string got = render(input, d);
      if (update) {
        std::ofstream(expected, std::ios::binary) << got;
        continue;
      }
      ASSERT_TRUE(fs::exists(expected)) << expected << " missing (run with ORASHIFT_UPDATE_GOLDEN=1)";
      EXPECT_EQ(got, read(expected)) << "golden mismatch: " << expected;
      ++cases;
    }
  }
  if (!update) {
    EXPECT_GT(cases, 0);
  }
}
