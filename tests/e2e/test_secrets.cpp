// No password reaches orashift's output. Every command runs with a recognisable password in
// every place one can be given — source and target URIs (user:password@ and ?password=),
// PGPASSWORD, a Redshift URI, the AWS secret key of the S3 upload, IDENTIFIED BY in the Oracle
// scripts, a connection that fails — and then every file written under the output folders
// (reports, CSVs, stats, task state, rejects, DDL, COPY SQL, manifests, logs) and everything the
// processes printed is searched for them. (Task JSON files carry no password: no DMS setting
// orashift reads takes one.)
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "e2e_util.h"
#include "require_env.h"

namespace fs = std::filesystem;

namespace {

// All passwords share this prefix, so one search finds any of them.
constexpr const char* kMark = "OraShiftPw";

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(f), {});
}

std::string replace_all(std::string s, const std::string& what, const std::string& with) {
  for (size_t i = s.find(what); i != std::string::npos; i = s.find(what, i + with.size())) s.replace(i, what.size(), with);
  return s;
}

// "user:password@" put into a postgres:// URI of the test server.
std::string with_password(const std::string& uri, const std::string& password) {
  size_t at = uri.find('@');
  return uri.substr(0, at) + ":" + password + uri.substr(at);
}

}  // namespace

TEST(Secrets, NoPasswordAnywhereInOutput) {
  const char* s3 = std::getenv("ORASHIFT_TEST_S3");
  std::string src_db = e2e::fresh_pg_database("secrets_src"), tgt_db = e2e::fresh_pg_database("secrets_tgt");
  if (src_db.empty() || tgt_db.empty() || !s3)
    ORASHIFT_SKIP_OR_FAIL() << "needs ORASHIFT_TEST_PG and ORASHIFT_TEST_S3 (scripts/test starts both)";
  const char* s3_secret_env = std::getenv("ORASHIFT_TEST_S3_SECRET_KEY");
  const std::string s3_secret = s3_secret_env ? s3_secret_env : "orashift-test-secret";  // tests/e2e/s3_server.sh
  fs::path dir = e2e::temp_dir("secrets");
  std::vector<fs::path> outputs;
  std::string printed;
  auto run = [&](std::vector<std::string> args, const char* out_name, bool may_fail = false) {
    fs::path out = dir / out_name;
    args.push_back("--out");
    args.push_back(out.string());
    auto r = e2e::run_orashift(args);
    if (!may_fail || fs::exists(out)) outputs.push_back(out);  // a run that fails early may write nothing
    printed += "\n--- orashift " + args[0] + " (" + out_name + ")\n" + r.output;
    if (!may_fail) {
      EXPECT_EQ(r.exit_code, 0) << out_name << "\n" << r.output;
    }
    return r;
  };

  // Sources: the SH sample (data) and scripts with passwords in IDENTIFIED BY.
  ASSERT_EQ(e2e::run_orashift({"sample", "sh", "--scale", "0.001", "--out", (dir / "sh").string()}).exit_code, 0);
  fs::create_directories(dir / "scripts");
  std::ofstream(dir / "scripts" / "users.sql")
      << "CREATE TABLE app_t (id NUMBER PRIMARY KEY, v VARCHAR2(10));\n"
         "CREATE USER app IDENTIFIED BY OraShiftPwScript1 DEFAULT TABLESPACE users;\n"
         "ALTER USER app IDENTIFIED BY \"OraShiftPwScript2\";\n"
         "CREATE DATABASE LINK remote CONNECT TO scott IDENTIFIED BY OraShiftPwLink3 USING 'orcl';\n"
         "CREATE OR REPLACE PROCEDURE p IS BEGIN EXECUTE IMMEDIATE 'ALTER USER app IDENTIFIED BY OraShiftPwDyn4'; END;\n/\n";
  setenv("PGPASSWORD", "OraShiftPwEnv5", 1);

  run({"assess", "--source", "oracle-files:" + (dir / "scripts").string(), "--source", "oracle-files:" + (dir / "sh").string(),
       "--target", "redshift"},
      "assess");
  run({"convert", "--source", "oracle-files:" + (dir / "scripts").string(), "--target", "postgres"}, "convert");
  // The SH sample into PostgreSQL (the test server trusts loopback: the passwords are accepted
  // and ignored, as they would be sent to a real server).
  run({"migrate", "--source", "oracle-files:" + (dir / "sh").string(), "--target", with_password(src_db, "OraShiftPwUri6"),
       "--no-progress"},
      "migrate");
  // PostgreSQL → PostgreSQL with the password in the user part and as a parameter.
  const std::string source = with_password(src_db, "OraShiftPwSource7");
  const std::string target = tgt_db + "?password=OraShiftPwParam8";
  run({"load", "--source", source, "--target", target, "--no-progress", "--stats-json",
       (dir / "load" / "stats.json").string()},
      "load");
  run({"validate", "--source", source, "--target", target, "--stats-json", (dir / "validate" / "stats.json").string()},
      "validate");
  // A connection that fails: its error must not quote the URI's password.
  auto failed = run({"load", "--source", source, "--target", "postgres://postgres:OraShiftPwDown9@127.0.0.1:1/nothing",
                     "--no-progress"},
                    "load-failed", true);
  EXPECT_NE(failed.exit_code, 0) << failed.output;
  // Redshift: password in the URI, parts uploaded to the local S3 server with the secret key.
  setenv("AWS_ACCESS_KEY_ID", std::getenv("ORASHIFT_TEST_S3_ACCESS_KEY") ? std::getenv("ORASHIFT_TEST_S3_ACCESS_KEY")
                                                                          : "orashift-test-key", 1);
  setenv("AWS_SECRET_ACCESS_KEY", s3_secret.c_str(), 1);
  setenv("AWS_REGION", "us-east-1", 1);
  const char* bucket = std::getenv("ORASHIFT_TEST_S3_BUCKET");
  outputs.push_back(dir / "stage");
  run({"migrate", "--source", "oracle-files:" + (dir / "sh").string(), "--target",
       "redshift://admin:OraShiftPwRedshift10@cluster.example:5439/dev", "--no-progress", "--stage-only",
       (dir / "stage").string(), "--s3",
       std::string("s3://") + (bucket ? bucket : "orashift-test") + "/secrets-" + std::to_string(getpid()), "--s3-endpoint",
       s3},
      "redshift");
  unsetenv("PGPASSWORD");

  size_t files = 0;
  for (const fs::path& out : outputs) {
    ASSERT_TRUE(fs::exists(out)) << out;
    for (const auto& e : fs::recursive_directory_iterator(out)) {
      if (!e.is_regular_file()) continue;
      ++files;
      std::string text = slurp(e.path());
      // The one exception: a converted program runs the dynamic statement it was written with,
      // so the code files of the target (not the reports) keep its text.
      // (convert writes OUT/<target>/, assess OUT/<source>/<target>/.)
      const std::string folder = e.path().parent_path().filename().string();
      const bool program = (folder == "postgres" || folder == "redshift") && e.path().extension() == ".sql";
      if (program) text = replace_all(text, "OraShiftPwDyn4", "");
      EXPECT_EQ(text.find(kMark), std::string::npos)
          << e.path().string() << ": " << text.substr(text.find(kMark) > 80 ? text.find(kMark) - 80 : 0, 200);
      EXPECT_EQ(text.find(s3_secret), std::string::npos) << e.path().string();
    }
  }
  EXPECT_EQ(printed.find(kMark), std::string::npos) << printed.substr(printed.find(kMark) > 300 ? printed.find(kMark) - 300 : 0, 600);
  EXPECT_EQ(printed.find(s3_secret), std::string::npos);
  // The scan saw what it should: the reports, the task state record, CSVs, staged parts.
  EXPECT_GT(files, 40u);
  EXPECT_TRUE(fs::exists(dir / "load" / "task-state.done.jsonl"));
  std::printf("secrets: %zu files under %zu output folders and the output of every run searched\n", files, outputs.size());
  if (!HasFailure()) fs::remove_all(dir);
}
