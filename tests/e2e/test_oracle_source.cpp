// The oracle:// source end to end, through the OCI test double (tests/oci_double, a stand-in
// libclntsh.so found with --oracle-client-dir): the same schema migrated from its files and
// from the "live" database gives the same tables and rows; the session is pinned and every
// data query reads AS OF one SCN; a missing client library, a missing FLASHBACK privilege, a
// wrong password and a lost connection each give one clear error; no password is ever printed.
// No real Oracle is involved anywhere (README: what the double cannot prove).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <set>

#include "e2e_util.h"
#include "endpoints/oracle/oci_api.h"
#include "endpoints/oracle/oracle_connection.h"
#include "endpoints/oracle/oracle_source.h"
#include "oracle_double_fixture.h"
#include "require_env.h"
#include "sql_engines.h"

namespace fs = std::filesystem;
namespace fx = e2e::oracle_double;

namespace {

constexpr const char* kPassword = "OraShiftPwLive-9x!Q";

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(f), {});
}

std::string url(const std::string& extra = "") { return std::string("oracle://") + fx::kUser + "@" + fx::kConnect + extra; }

class OracleSource : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = e2e::temp_dir("oracle-source-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    db_ = (dir_ / "double.db").string();
    log_ = (dir_ / "double.log").string();
    setenv("ORASHIFT_OCI_DOUBLE_DB", db_.c_str(), 1);
    setenv("ORASHIFT_OCI_DOUBLE_LOG", log_.c_str(), 1);
    setenv("ORASHIFT_SOURCE_PASSWORD", kPassword, 1);
    unsetenv("ORASHIFT_OCI_DOUBLE_LOSE_AFTER");
    unsetenv("ORASHIFT_OCI_DOUBLE_VERSION");
  }
  void TearDown() override {
    unsetenv("ORASHIFT_OCI_DOUBLE_DB");
    unsetenv("ORASHIFT_OCI_DOUBLE_LOG");
    unsetenv("ORASHIFT_SOURCE_PASSWORD");
    unsetenv("ORASHIFT_OCI_DOUBLE_LOSE_AFTER");
  }
  void make_double(int customers, int orders, fx::Options o = {}) {
    if (o.password.empty()) o.password = kPassword;
    fx::write_double_db(db_, customers, orders, o);
  }
  e2e::RunResult orashift(std::vector<std::string> args) {
    args.push_back("--oracle-client-dir");
    args.push_back(ORASHIFT_OCI_DOUBLE_DIR);
    return e2e::run_orashift(args);
  }
  std::vector<std::string> log_lines() {
    std::vector<std::string> out;
    std::ifstream f(log_);
    for (std::string line; std::getline(f, line);) out.push_back(line);
    return out;
  }
  fs::path dir_;
  std::string db_, log_;
};

// Tables, columns and every row of a target, as text.
std::string dump(e2e::Engine& e) {
  std::string tables, out;
  EXPECT_EQ(e.query("SELECT table_name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', "
                    "'information_schema') AND table_type = 'BASE TABLE' ORDER BY 1",
                    tables),
            "");
  EXPECT_EQ(e.query("SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns WHERE "
                    "table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY table_name, ordinal_position",
                    out),
            "");
  std::string t;
  std::stringstream ss(tables);
  while (std::getline(ss, t, ';')) {
    std::string rows;
    EXPECT_EQ(e.query("SELECT * FROM \"" + t + "\" ORDER BY 1", rows), "") << t;
    out += "\n" + t + ":\n" + rows;
  }
  return tables + "\n" + out;
}

}  // namespace

TEST_F(OracleSource, WithoutTheClientLibraryEveryCommandSaysWhatToInstall) {
  make_double(3, 3);
  for (const char* cmd : {"convert", "migrate", "load", "validate"}) {
    std::vector<std::string> args = {cmd, "--source", url(), "--out", (dir_ / cmd).string()};
    if (std::string(cmd) != "convert") {
      args.push_back("--target");
      args.push_back("duckdb:" + (dir_ / "t.duckdb").string());
    }
    if (std::string(cmd) == "convert") {
      args.push_back("--target");
      args.push_back("duckdb");
    }
    args.push_back("--oracle-client-dir");
    args.push_back((dir_ / "no-instant-client").string());
    auto r = e2e::run_orashift(args);
    EXPECT_EQ(r.exit_code, 2) << cmd << "\n" << r.output;
    EXPECT_NE(r.output.find("install Oracle Instant Client 19 or later"), std::string::npos) << cmd << "\n" << r.output;
    EXPECT_EQ(r.output.find(kPassword), std::string::npos);
  }
  // A client older than 19 is refused the same way.
  setenv("ORASHIFT_OCI_DOUBLE_VERSION", "18", 1);
  auto r = orashift({"convert", "--source", url(), "--target", "duckdb", "--out", (dir_ / "old").string()});
  unsetenv("ORASHIFT_OCI_DOUBLE_VERSION");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("older than 19"), std::string::npos) << r.output;
}

TEST_F(OracleSource, MigrateIntoDuckDbGivesWhatTheFilesGive) {
  make_double(200, 1500);
  fx::write_files(dir_ / "files", 200, 1500);
  std::string from_files = (dir_ / "files.duckdb").string(), from_oracle = (dir_ / "oracle.duckdb").string();
  auto a = e2e::run_orashift({"migrate", "--source", "oracle-files:" + (dir_ / "files").string(), "--target",
                              "duckdb:" + from_files, "--out", (dir_ / "out-files").string(), "--no-progress"});
  ASSERT_EQ(a.exit_code, 0) << a.output;
  auto b = orashift({"migrate", "--source", url(), "--target", "duckdb:" + from_oracle, "--out",
                     (dir_ / "out-oracle").string(), "--no-progress"});
  ASSERT_EQ(b.exit_code, 0) << b.output;
  std::string da, db;
  {
    e2e::Duck x(from_files), y(from_oracle);
    da = dump(x);
    db = dump(y);
  }
  EXPECT_NE(da.find("Zoë Östlund 東京 7"), std::string::npos);
  EXPECT_NE(da.find("customers"), std::string::npos) << da.substr(0, 300);
  EXPECT_EQ(da, db);
  // The same objects converted, each file the same (tables, keys, index, comment, sequence,
  // view, function). Only their numbering may differ: the dictionary lists tables by name, the
  // script in the order it creates them.
  auto converted = [&](const fs::path& dir) {
    std::map<std::string, std::string> out;
    for (auto& e : fs::directory_iterator(dir)) {
      std::string name = e.path().filename().string();
      if (name == "apply.sql" || name == "manifest.json") continue;
      out[name.substr(name.find('_') + 1)] = slurp(e.path());
    }
    return out;
  };
  auto fa = converted(dir_ / "out-files" / "duckdb"), fb = converted(dir_ / "out-oracle" / "duckdb");
  EXPECT_EQ(fa, fb);
  EXPECT_GE(fb.size(), 6u);
  // The same objects and action items in the report (their locations and order differ: file
  // vs dictionary): the report's columns 2..n of each line, as a sorted list.
  auto columns = [&](const fs::path& csv, int n) {
    std::vector<std::string> out;
    std::string line;
    std::ifstream f(csv);
    while (std::getline(f, line)) {
      size_t from = line.find(','), pos = from;
      for (int i = 1; i < n && pos != std::string::npos; ++i) pos = line.find(',', pos + 1);
      out.push_back(line.substr(from + 1, pos == std::string::npos ? std::string::npos : pos - from - 1));
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  EXPECT_EQ(columns(dir_ / "out-files" / "report" / "objects.csv", 3),
            columns(dir_ / "out-oracle" / "report" / "objects.csv", 3));
  EXPECT_EQ(columns(dir_ / "out-files" / "report" / "action_items.csv", 2),
            columns(dir_ / "out-oracle" / "report" / "action_items.csv", 2));
}

TEST_F(OracleSource, MigrateIntoPostgresGivesWhatTheFilesGive) {
  std::string pa = e2e::fresh_pg_database("ora_files"), pb = e2e::fresh_pg_database("ora_live");
  if (pa.empty() || pb.empty()) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set or server unreachable";
  make_double(150, 900);
  fx::write_files(dir_ / "files", 150, 900);
  auto a = e2e::run_orashift({"migrate", "--source", "oracle-files:" + (dir_ / "files").string(), "--target", pa, "--out",
                              (dir_ / "out-files").string(), "--no-progress"});
  ASSERT_EQ(a.exit_code, 0) << a.output;
  auto b = orashift({"migrate", "--source", url(), "--target", pb, "--out", (dir_ / "out-oracle").string(), "--no-progress"});
  ASSERT_EQ(b.exit_code, 0) << b.output;
  e2e::Pg x(pa), y(pb);
  std::string da = dump(x), db = dump(y);
  EXPECT_NE(da.find("note 3, with \"quotes\""), std::string::npos);
  EXPECT_EQ(da, db);
  // DAILY_TOTALS is partitioned from ALL_TAB_PARTITIONS' HIGH_VALUE as from the script's bounds.
  std::string parts;
  EXPECT_EQ(y.query("SELECT string_agg(pg_get_expr(c.relpartbound, c.oid), ' / ' ORDER BY c.relname) FROM pg_inherits i "
                    "JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'daily_totals'::regclass",
                    parts),
            "");
  EXPECT_NE(parts.find("('2021-01-01 00:00:00') TO ('2022-01-01 00:00:00')"), std::string::npos) << parts;
  EXPECT_NE(parts.find("MAXVALUE"), std::string::npos) << parts;
  // The function came from ALL_SOURCE through the PL/SQL converter into PostgreSQL.
  std::string fn;
  EXPECT_EQ(y.query("SELECT order_total(1) IS NOT NULL", fn), "");
  EXPECT_EQ(fn, "t");
}

TEST_F(OracleSource, SessionPinnedOnceAndEveryDataQueryAsOfOneScn) {
  fx::Options o;
  o.scn = 777001;
  make_double(20, 50, o);
  auto r = orashift({"migrate", "--source", url(), "--target", "duckdb:" + (dir_ / "t.duckdb").string(), "--out",
                     (dir_ / "out").string(), "--no-progress"});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  auto lines = log_lines();
  ASSERT_FALSE(lines.empty());
  std::map<std::string, std::vector<std::string>> by_session;
  size_t scn_reads = 0, data_queries = 0;
  std::regex line_re("^session (\\d+): (.*)$");
  for (const auto& l : lines) {
    std::smatch m;
    ASSERT_TRUE(std::regex_match(l, m, line_re)) << l;
    by_session[m[1]].push_back(m[2]);
    if (l.find("V$DATABASE") != std::string::npos) ++scn_reads;
    if (l.find("FROM \"SHOP\".") != std::string::npos) {
      ++data_queries;
      EXPECT_NE(l.find(" AS OF SCN 777001"), std::string::npos) << l;
    }
  }
  EXPECT_EQ(scn_reads, 1u);
  EXPECT_GE(data_queries, 2u);
  // Every session pins its settings before its first query.
  const auto& pinned = orashift::oracle::Connection::session_settings();
  for (const auto& [id, stmts] : by_session) {
    ASSERT_GE(stmts.size(), pinned.size()) << "session " << id;
    for (size_t i = 0; i < pinned.size(); ++i) EXPECT_EQ(stmts[i], pinned[i]) << "session " << id;
  }
  EXPECT_GE(by_session.size(), 2u);  // the catalog session and at least one reader
  std::string all = slurp(log_);
  EXPECT_NE(all.find("ALL_TAB_COLS"), std::string::npos);  // DBA_* absent here: the ALL_* fallback
}

TEST_F(OracleSource, DbaViewsAreReadWhenTheUserMay) {
  fx::Options o;
  o.dba_views = true;
  make_double(5, 5, o);
  auto r = orashift({"convert", "--source", url(), "--target", "duckdb", "--out", (dir_ / "out").string()});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::string all = slurp(log_);
  EXPECT_NE(all.find("FROM DBA_TAB_COLS"), std::string::npos);
  EXPECT_EQ(all.find("FROM ALL_TAB_COLS"), std::string::npos);
}

TEST_F(OracleSource, MissingFlashbackPrivilegeIsOneErrorNamingTheFallback) {
  fx::Options o;
  o.flashback = false;
  make_double(5, 5, o);
  std::string target = "duckdb:" + (dir_ / "t.duckdb").string();
  auto r = orashift({"migrate", "--source", url(), "--target", target, "--out", (dir_ / "out").string(), "--no-progress"});
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("ORA-01031"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("GRANT FLASHBACK"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("snapshot=none"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(dir_ / "t.duckdb")) << "nothing created before the error";
  // The documented fallback: each table read at its own moment, no AS OF.
  fs::remove(log_);
  auto ok = orashift({"migrate", "--source", url("?snapshot=none"), "--target", target, "--out", (dir_ / "out2").string(),
                      "--no-progress"});
  ASSERT_EQ(ok.exit_code, 0) << ok.output;
  EXPECT_EQ(slurp(log_).find("AS OF SCN"), std::string::npos);
}

TEST_F(OracleSource, WrongPasswordAndUnknownServiceAreOraErrors) {
  make_double(1, 1);
  setenv("ORASHIFT_SOURCE_PASSWORD", "OraShiftPwWrong-1", 1);
  auto r = orashift({"convert", "--source", url(), "--target", "duckdb", "--out", (dir_ / "out").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("ORA-01017"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("OraShiftPw"), std::string::npos) << r.output;
  setenv("ORASHIFT_SOURCE_PASSWORD", kPassword, 1);
  r = orashift({"convert", "--source", "oracle://shop@db.example.test:1521/OTHER", "--target", "duckdb", "--out",
                (dir_ / "out").string()});
  EXPECT_NE(r.output.find("ORA-12514"), std::string::npos) << r.output;
  // A TNS alias resolves through TNS_ADMIN's tnsnames.ora.
  r = orashift({"convert", "--source", "oracle://shop@SHOPDB", "--target", "duckdb", "--out", (dir_ / "out").string()});
  EXPECT_NE(r.output.find("ORA-12154"), std::string::npos) << r.output;
  std::ofstream(dir_ / "tnsnames.ora") << "SHOPDB = (DESCRIPTION = (ADDRESS = (PROTOCOL = TCP)(HOST = db)(PORT = 1521)))\n";
  setenv("TNS_ADMIN", dir_.c_str(), 1);
  r = orashift({"convert", "--source", "oracle://shop@SHOPDB", "--target", "duckdb", "--out", (dir_ / "out").string()});
  unsetenv("TNS_ADMIN");
  EXPECT_EQ(r.exit_code, 0) << r.output;
}

TEST_F(OracleSource, LostConnectionFailsTheLoadLoudly) {
  make_double(10, 3000);
  setenv("ORASHIFT_OCI_DOUBLE_LOSE_AFTER", "1200", 1);
  auto r = orashift({"load", "--source", url(), "--target", "duckdb:" + (dir_ / "t.duckdb").string(), "--out",
                     (dir_ / "out").string(), "--no-progress"});
  unsetenv("ORASHIFT_OCI_DOUBLE_LOSE_AFTER");
  EXPECT_NE(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("ORA-03113"), std::string::npos) << r.output;
}

// Key-range segments read AS OF the same SCN; a load cut by a lost connection is finished by
// the same command with every row exactly once (the resume state records segments as for the
// other sources).
TEST_F(OracleSource, SegmentedLoadResumesAfterALostConnectionWithEveryRowOnce) {
  const int rows = 20000;
  make_double(10, rows);
  std::string duck = (dir_ / "t.duckdb").string();
  // One subtask: segments finish one after the other, so some are done when the connection drops.
  std::ofstream(dir_ / "s.json") << R"({"FullLoadSettings":{"MaxFullLoadSubTasks":1}})";
  std::vector<std::string> args = {"load", "--source", url("?array_size=500"), "--target", "duckdb:" + duck, "--out",
                                   (dir_ / "out").string(), "--auto-segment-rows", "3000", "--no-progress",
                                   "--settings", (dir_ / "s.json").string()};
  setenv("ORASHIFT_OCI_DOUBLE_LOSE_AFTER", "9000", 1);
  auto first = orashift(args);
  unsetenv("ORASHIFT_OCI_DOUBLE_LOSE_AFTER");
  EXPECT_NE(first.exit_code, 0) << first.output;
  EXPECT_NE(first.output.find("ORA-03113"), std::string::npos) << first.output;
  auto second = orashift(args);
  ASSERT_EQ(second.exit_code, 0) << second.output;
  EXPECT_NE(second.output.find("finished by an earlier run"), std::string::npos) << second.output;
  for (const auto& l : log_lines()) {
    if (l.find("FROM \"SHOP\".\"ORDERS\"") != std::string::npos && l.find("MIN(") == std::string::npos &&
        l.find("WHERE 1 = 0") == std::string::npos) {
      EXPECT_NE(l.find(" AS OF SCN 5012345 WHERE "), std::string::npos) << l;  // a segment's range, at the SCN
    }
  }
  e2e::Duck d(duck);
  std::string q;
  ASSERT_EQ(d.query("SELECT count(*), count(DISTINCT order_id), min(order_id), max(order_id) FROM orders", q), "");
  EXPECT_EQ(q, std::to_string(rows) + "|" + std::to_string(rows) + "|1|" + std::to_string(rows));
}

TEST_F(OracleSource, LobLongerThanTheInlineLimitIsARejectWithItsRowid) {
  make_double(30, 10);
  // lob_max_kb=1: notes are short; make one longer than 1 KB.
  sqlite3* h = nullptr;
  sqlite3_open(db_.c_str(), &h);
  sqlite3_exec(h, "UPDATE CUSTOMERS SET NOTE = hex(zeroblob(1000)) WHERE ID = 6", nullptr, nullptr, nullptr);
  sqlite3_close(h);
  auto r = orashift({"migrate", "--source", url("?lob_max_kb=1"), "--target", "duckdb:" + (dir_ / "t.duckdb").string(),
                     "--out", (dir_ / "out").string(), "--no-progress"});
  std::string rejects = slurp(dir_ / "out" / "rejects" / "CUSTOMERS.rejects.jsonl");
  EXPECT_NE(rejects.find("lob_max_kb"), std::string::npos) << r.output << rejects;
  EXPECT_NE(rejects.find("ROWID 6"), std::string::npos) << rejects;
  e2e::Duck d((dir_ / "t.duckdb").string());
  std::string n;
  EXPECT_EQ(d.query("SELECT COUNT(*) FROM customers", n), "");
  EXPECT_EQ(n, "29");
}

TEST_F(OracleSource, PasswordNeverInAnyOutput) {
  make_double(10, 20);
  std::string printed;
  for (auto args : std::vector<std::vector<std::string>>{
           {"migrate", "--source", url(), "--target", "duckdb:" + (dir_ / "t.duckdb").string(), "--out",
            (dir_ / "out-migrate").string(), "--no-progress"},
           {"convert", "--source", url(), "--target", "postgres", "--out", (dir_ / "out-convert").string()},
           {"validate", "--source", url(), "--target", "duckdb:" + (dir_ / "t.duckdb").string(), "--out",
            (dir_ / "out-validate").string()}}) {
    auto r = orashift(args);
    // validate exits 1 here: BINARY_DOUBLE 2 streams as "2" but DuckDB prints "2.0" (the same
    // from oracle-files:, a validator issue outside this source).
    if (args[0] == "validate") EXPECT_LE(r.exit_code, 1) << r.output;
    else EXPECT_EQ(r.exit_code, 0) << args[0] << "\n" << r.output;
    printed += r.output;
  }
  EXPECT_EQ(printed.find(kPassword), std::string::npos);
  size_t files = 0;
  for (auto& e : fs::recursive_directory_iterator(dir_)) {
    if (!e.is_regular_file() || e.path().filename() == "double.db") continue;  // the double's own account table
    ++files;
    EXPECT_EQ(slurp(e.path()).find(kPassword), std::string::npos) << e.path();
  }
  EXPECT_GT(files, 10u);
}

TEST_F(OracleSource, HardValuesArriveExactly) {
  make_double(2, 2);
  fx::add_hard_values(db_);
  std::string target = (dir_ / "t.duckdb").string();
  auto r = orashift({"migrate", "--source", url(), "--target", "duckdb:" + target, "--out", (dir_ / "out").string(),
                     "--no-progress"});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  e2e::Duck d(target);
  std::string rows;
  ASSERT_EQ(d.query("SELECT id, n::VARCHAR, d::VARCHAR, epoch_us(tz), bd::VARCHAR, bf::VARCHAR FROM vals ORDER BY id", rows), "");
  // N: a bare NUMBER carried with 10 decimals (docs/type-mapping.md), never through a double.
  // D: 44 BC is astronomical year -43 ("0044-03-15 (BC)" in DuckDB), 4712 BC is -4711.
  // TZ: 12:00:00.25 at +02:00 is 10:00:00.25 UTC = 1622541600250000 µs; 00:30 at -05:30 is 06:00 UTC.
  std::vector<std::string> want = {
      "1|12345678901234567890.0123456789|0044-03-15 (BC) 12:00:00|1622541600250000|nan|1.5",
      "2|-0.0000000001|9999-12-31 23:59:59|1622527200000000|inf|-inf",
      "3|0.0000000000|4712-01-01 (BC) 00:00:00|NULL|-inf|0.0",
      "4|NULL|NULL|946684799999999|-2.5e-300|NULL"};
  std::string expect;
  for (const auto& w : want) expect += (expect.empty() ? "" : ";") + w;
  EXPECT_EQ(rows, expect);
}

// Documented OCI behaviour as the double gives it, through orashift's own connection code.
TEST_F(OracleSource, ArrayFetchEndsWithNoDataAndReportsTruncation) {
  make_double(10, 10);
  orashift::oci::set_client_dir(ORASHIFT_OCI_DOUBLE_DIR);
  auto u = orashift::oracle::parse_oracle_url(url());
  orashift::oracle::Connection conn(u, kPassword);
  auto cur = conn.open("SELECT \"ID\", \"EMAIL\" FROM \"SHOP\".\"CUSTOMERS\" AS OF SCN 5012345 ORDER BY \"ID\"",
                       {{orashift::oci::SQLT_VNU, 22}, {orashift::oci::SQLT_STR, 6}}, 4);
  std::vector<size_t> arrays;
  size_t nulls = 0, truncated = 0;
  while (size_t n = cur->fetch()) {
    arrays.push_back(n);
    for (size_t r = 0; r < n; ++r) {
      nulls += cur->is_null(1, r);
      truncated += cur->truncated(1, r);
    }
  }
  EXPECT_EQ(arrays, (std::vector<size_t>{4, 4, 2}));  // the last partial array comes with OCI_NO_DATA
  EXPECT_EQ(nulls, 2u);                                // EMAIL of customers 5 and 10
  EXPECT_EQ(truncated, 8u);                            // "cN@example.com" does not fit 5 bytes
  try {
    conn.query_text("SELECT X FROM NO_SUCH_VIEW", {10});
    ADD_FAILURE() << "no error";
  } catch (const orashift::oracle::OracleError& e) {
    EXPECT_EQ(e.code(), 942);
    EXPECT_NE(std::string(e.what()).find("ORA-00942: table or view does not exist"), std::string::npos) << e.what();
  }
}

// Fetch throughput of the source alone (no target): the engine's own cost through the double.
TEST_F(OracleSource, FetchThroughputThroughTheDouble) {
  const int rows = std::getenv("ORASHIFT_ORACLE_BENCH_ROWS") ? std::atoi(std::getenv("ORASHIFT_ORACLE_BENCH_ROWS")) : 200000;
  make_double(100, rows);
  orashift::oci::set_client_dir(ORASHIFT_OCI_DOUBLE_DIR);
  orashift::OracleSource src(orashift::oracle::parse_oracle_url(url()), true);
  const orashift::Table* t = src.catalog().find_table("ORDERS");
  ASSERT_TRUE(t);
  auto cols = orashift::load_columns_for(*t);
  struct NoRejects : orashift::RejectSink {
    size_t n = 0;
    void reject(orashift::Reject) override { ++n; }
  } sink;
  orashift::LoadUnit unit;
  unit.table = "ORDERS";
  auto start = std::chrono::steady_clock::now();
  auto reader = src.open(unit, cols, sink);
  orashift::Batch batch;
  for (const auto& c : cols) {
    batch.columns.emplace_back();
    batch.columns.back().kind = c.kind;
    batch.columns.back().scale = c.scale;
  }
  size_t got = 0;
  while (true) {
    bool more = reader->next(batch, 4096);
    got += batch.rows();
    if (!more) break;
  }
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(got, static_cast<size_t>(rows));
  EXPECT_EQ(sink.n, 0u);
  std::printf("[ measured ] oracle:// fetch through the double: %d ORDERS rows (7 columns + ROWID) in %.2f s = %.0f rows/s\n",
              rows, s, rows / s);
}
