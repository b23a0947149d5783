// The start-up and output-writing pieces of `convert`'s speed work: libraries loaded on first use
// (common/shared_library.h) and object files written on a thread of their own
// (cli/background_files.h).
#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>
#include <stdexcept>
#include <string>

#include "cli/background_files.h"
#include "common/shared_library.h"

using namespace orashift;
using orashift::cli::BackgroundFiles;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

fs::path fresh_dir(const std::string& name) {
  fs::path d = fs::temp_directory_path() / ("orashift-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

}  // namespace

TEST(SharedLibrary, LoadsTheFirstCandidateThatExistsAndNamesEveryFailure) {
  void* libc = open_shared_library("the C library", {"", "liborashift-no-such-library.so.9", "libc.so.6"});
  ASSERT_NE(libc, nullptr);
  EXPECT_NE(shared_library_symbol(libc, "the C library", "strlen"), nullptr);
  try {
    shared_library_symbol(libc, "the C library", "orashift_no_such_function");
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("orashift_no_such_function"), std::string::npos) << e.what();
  }
  try {
    open_shared_library("libfoo (Debian: foo1)", {"liborashift-no-such-library.so.9", "liborashift-nor-this.so.1"});
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    std::string m = e.what();
    EXPECT_NE(m.find("libfoo (Debian: foo1)"), std::string::npos) << m;
    EXPECT_NE(m.find("liborashift-no-such-library.so.9"), std::string::npos) << m;
    EXPECT_NE(m.find("liborashift-nor-this.so.1"), std::string::npos) << m;
  }
}

// The test binary links no -lpq: these calls go through libpq_on_demand.cpp to the library it
// loads. A refused connection still answers with libpq's own status and message.
TEST(SharedLibrary, LibpqIsReachedThroughTheOnDemandFunctions) {
  PGconn* c = PQconnectdb("host=127.0.0.1 port=1 connect_timeout=2 dbname=x user=x");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(PQstatus(c), CONNECTION_BAD);
  EXPECT_NE(std::string(PQerrorMessage(c)).find("127.0.0.1"), std::string::npos) << PQerrorMessage(c);
  PQfinish(c);
}

TEST(BackgroundFiles, WritesEveryFileWithItsContent) {
  fs::path d = fresh_dir("bgfiles");
  std::vector<std::pair<std::string, std::string>> files;
  for (int i = 0; i < 200; ++i) files.emplace_back((d / ("f" + std::to_string(i) + ".sql")).string(), std::string(i * 37, 'x') + "\n");
  files.emplace_back((d / "empty.sql").string(), "");
  auto expected = files;
  BackgroundFiles writer(std::move(files));
  writer.finish();
  for (const auto& [path, text] : expected) EXPECT_EQ(slurp(path), text) << path;
  fs::remove_all(d);
}

TEST(BackgroundFiles, FinishReportsTheFirstFileThatCouldNotBeWritten) {
  fs::path d = fresh_dir("bgfiles-fail");
  std::string missing = (d / "no-such-dir" / "a.sql").string();
  BackgroundFiles writer(std::vector<std::pair<std::string, std::string>>{
      {(d / "ok.sql").string(), "ok"}, {missing, "lost"}, {(d / "after.sql").string(), "x"}});
  try {
    writer.finish();
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(missing), std::string::npos) << e.what();
  }
  EXPECT_EQ(slurp(d / "ok.sql"), "ok");
  EXPECT_FALSE(fs::exists(d / "after.sql"));  // stops at the first failure
  fs::remove_all(d);
}
