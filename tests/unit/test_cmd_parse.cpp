// `orashift parse`: registered on a bare CLI::App here, since the binary's wiring is separate.
#include <gtest/gtest.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <functional>

namespace orashift::cli {
void add_parse_command(CLI::App& app, std::function<int()>& action);
}

namespace fs = std::filesystem;

namespace {

int run(std::vector<std::string> args) {
  CLI::App app("orashift");
  std::function<int()> action;
  orashift::cli::add_parse_command(app, action);
  std::vector<std::string> argv = {"orashift"};
  argv.insert(argv.end(), args.begin(), args.end());
  std::reverse(argv.begin() + 1, argv.end());  // CLI11 parses a vector in reverse order
  argv.erase(argv.begin());
  app.parse(argv);
  return action ? action() : -1;
}

}  // namespace

TEST(CmdParse, DirectoryRecursedAndFailuresCounted) {
  fs::path dir = fs::temp_directory_path() / "orashift_cmd_parse_test";
  fs::remove_all(dir);
  fs::create_directories(dir / "sub");
  std::ofstream(dir / "a.sql") << "select 1 from dual;\ncreate table t (a number);\n";
  std::ofstream(dir / "sub" / "b.pkb") << "begin null; end;\n/\n";
  std::ofstream(dir / "notes.txt") << "not sql";
  EXPECT_EQ(run({"parse", "--json", dir.string()}), 0);
  std::ofstream(dir / "bad.sql") << "create table (;\n";
  EXPECT_EQ(run({"parse", dir.string()}), 1);
  fs::remove_all(dir);
}
