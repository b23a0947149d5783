#pragma once
// A set of "source | unit | reason" lines pinned in a file of the repository: the test fails when
// the set changes (on "source | unit": the reason's wording may change), and
// ORASHIFT_UPDATE_GOLDEN=1 rewrites the file from the run instead (review the diff).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

namespace e2e {

inline void expect_pinned_set(const std::set<std::string>& actual, const std::string& expected_path,
                              const std::filesystem::path& actual_path, const std::string& header, const char* added,
                              const char* removed) {
  {
    std::ofstream f(actual_path);
    f << header << "\n";
    for (const auto& l : actual) f << l << "\n";
  }
  if (std::getenv("ORASHIFT_UPDATE_GOLDEN")) {
    std::filesystem::copy_file(actual_path, expected_path, std::filesystem::copy_options::overwrite_existing);
    return;
  }
  auto key = [](const std::string& l) { return l.substr(0, l.find(" | ", l.find(" | ") + 3)); };
  std::set<std::string> expected, got;
  std::ifstream in(expected_path);
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') expected.insert(key(line));
  for (const auto& l : actual) got.insert(key(l));
  for (const auto& l : got) EXPECT_TRUE(expected.count(l)) << added << ": " << l << " (" << actual_path << ")";
  for (const auto& l : expected) EXPECT_TRUE(got.count(l)) << removed << ": " << l << " (" << actual_path << ")";
}

}  // namespace e2e
