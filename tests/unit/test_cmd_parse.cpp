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

// @@file / @file / START lines are followed relative to the script, each file once; cycles,
// missing files and names built from substitution variables are located diagnostics.
TEST(CmdParse, FollowsIncludesWithCycleProtection) {
  fs::path dir = fs::temp_directory_path() / "orashift_cmd_parse_includes";
  fs::remove_all(dir);
  fs::create_directories(dir / "sub");
  std::ofstream(dir / "main.sql") << "CREATE TABLE a (x NUMBER);\n@@sub/b\n@missing.sql\n@&&1/x.sql\n";
  std::ofstream(dir / "sub" / "b.sql") << "CREATE TABLE b (y NUMBER);\nSTART c.sql\n";
  std::ofstream(dir / "sub" / "c.sql") << "CREATE TABLE c (z NUMBER);\n@@../main\n";
  testing::internal::CaptureStdout();
  testing::internal::CaptureStderr();
  EXPECT_EQ(run({"parse", "--json", "--follow-includes", (dir / "main.sql").string()}), 0);
  std::string out = testing::internal::GetCapturedStdout();
  std::string err = testing::internal::GetCapturedStderr();
  EXPECT_NE(out.find("\"files\": 3"), std::string::npos) << out;
  EXPECT_NE(out.find("\"included_files\": 2"), std::string::npos) << out;
  EXPECT_NE(out.find("\"statements\": 3"), std::string::npos) << out;
  EXPECT_NE(err.find("main.sql:3:1: warning [P0101] included script not found"), std::string::npos) << err;
  EXPECT_NE(err.find("main.sql:4:1: note [P0103]"), std::string::npos) << err;
  EXPECT_NE(err.find("c.sql:2:1: warning [P0102] include cycle not followed: main.sql → b.sql → c.sql → main.sql"),
            std::string::npos) << err;
  // Without the flag only the named file is read.
  testing::internal::CaptureStdout();
  EXPECT_EQ(run({"parse", "--json", (dir / "main.sql").string()}), 0);
  EXPECT_NE(testing::internal::GetCapturedStdout().find("\"files\": 1"), std::string::npos);
}

// A Latin-1 script is converted with a note, or refused when UTF-8 is demanded.
TEST(CmdParse, Encodings) {
  fs::path f = fs::temp_directory_path() / "orashift_cmd_parse_latin1.sql";
  std::ofstream(f, std::ios::binary) << "COMMENT ON TABLE t IS 'caf\xE9';\n";
  testing::internal::CaptureStdout();
  testing::internal::CaptureStderr();
  EXPECT_EQ(run({"parse", f.string()}), 0);
  testing::internal::GetCapturedStdout();
  EXPECT_NE(testing::internal::GetCapturedStderr().find("note [P0004] not UTF-8: read as WINDOWS-1252"), std::string::npos);
  testing::internal::CaptureStdout();
  testing::internal::CaptureStderr();
  EXPECT_EQ(run({"parse", "--encoding", "UTF-8", f.string()}), 1);
  testing::internal::GetCapturedStdout();
  EXPECT_NE(testing::internal::GetCapturedStderr().find("error [P0004] the file is not valid UTF-8"), std::string::npos);
}
