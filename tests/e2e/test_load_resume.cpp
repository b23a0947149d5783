// The load engine's segments, resume after kill -9 and dropped-connection retries, end to end
// against a real PostgreSQL (source and target databases on the test server), and SQLite →
// DuckDB for ranges. Every check compares the target with the source: row counts and an
// ordered md5 of every row, so a lost or doubled row fails.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <set>
#include <thread>

#include "e2e_util.h"
#include "lossy_proxy.h"
#include "endpoints/factory.h"
#include "require_env.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

void write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }
std::string read(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(f), {});
}

class Pg {
public:
  explicit Pg(const std::string& uri) : c_(PQconnectdb(uri.c_str())) {}
  ~Pg() { PQfinish(c_); }
  bool ok() const { return PQstatus(c_) == CONNECTION_OK; }
  void exec(const std::string& sql) {
    PGresult* r = PQexec(c_, sql.c_str());
    auto st = PQresultStatus(r);
    std::string err = PQresultErrorMessage(r);
    PQclear(r);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) throw std::runtime_error(sql + ": " + err);
  }
  std::string value(const std::string& sql) {
    PGresult* r = PQexec(c_, sql.c_str());
    std::string out = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0 ? PQgetvalue(r, 0, 0) : "<error>";
    PQclear(r);
    return out;
  }

private:
  PGconn* c_;
};

// Count and an md5 over every row in key order: equal only when the same rows are there once.
std::string fingerprint(Pg& db, const std::string& table, const std::string& row_text, const std::string& order) {
  return db.value("SELECT count(*) || ':' || coalesce(md5(string_agg(" + row_text + ", ',' ORDER BY " + order +
                  ")), '-') FROM " + table + " t");
}

// The load runs as a child process, so it can be killed like a crashed task would be.
struct Child {
  pid_t pid = -1;
  int wait_status() {
    int st = 0;
    waitpid(pid, &st, 0);
    return st;
  }
  bool running() {
    int st = 0;
    return waitpid(pid, &st, WNOHANG) == 0;
  }
};

Child spawn_orashift(const std::vector<std::string>& args, const fs::path& log) {
  Child c;
  c.pid = fork();
  if (c.pid == 0) {
    int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(fd, 1);
    dup2(fd, 2);
    std::vector<char*> argv;
    std::string bin = ORASHIFT_BINARY;
    argv.push_back(bin.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(bin.c_str(), argv.data());
    _exit(127);
  }
  return c;
}

size_t count_lines_with(const fs::path& p, const std::string& needle) {
  std::ifstream f(p);
  std::string line;
  size_t n = 0;
  while (std::getline(f, line))
    if (line.find(needle) != std::string::npos) ++n;
  return n;
}

// Runs the load and kills it with SIGKILL as soon as `ready()` says so; true when it died that
// way (false when it finished first).
template <class Ready>
bool killed_when(const std::vector<std::string>& args, const fs::path& log, Ready ready) {
  Child c = spawn_orashift(args, log);
  bool killed = false;
  for (int i = 0; i < 60000 && c.running(); ++i) {
    if (ready()) {
      killed = kill(c.pid, SIGKILL) == 0;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  int st = c.wait_status();
  return killed && WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL;
}

// Runs the load and kills it with SIGKILL once its state file records a finished segment, i.e.
// in the middle of the load; true when it died that way.
bool killed_after_first_segment(const std::vector<std::string>& args, const fs::path& state, const fs::path& log) {
  return killed_when(args, log, [&] { return fs::exists(state) && count_lines_with(state, "\"event\":\"done\"") >= 1; });
}

// The target-side conditions of the segments the state file records as done.
std::vector<std::string> done_target_conditions(const fs::path& state) {
  std::vector<std::string> out;
  std::ifstream f(state);
  std::string line;
  while (std::getline(f, line)) {
    json j = json::parse(line, nullptr, false);
    if (!j.is_discarded() && j.value("event", "") == "done") out.push_back(j.value("target_where", ""));
  }
  return out;
}

}  // namespace

class LoadResume : public ::testing::Test {
protected:
  void SetUp() override {
    std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    if (name.find("Sqlite") == std::string::npos) {
      src_ = e2e::fresh_pg_database("rs_src_" + name);
      tgt_ = e2e::fresh_pg_database("rs_tgt_" + name);
    }
    dir_ = e2e::temp_dir("resume-" + name);
    // The SQLite → DuckDB tests need no server.
    if (name.find("Sqlite") == std::string::npos && (src_.empty() || tgt_.empty()))
      ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG is not set or not reachable";
  }
  void TearDown() override {
    if (!HasFailure() && !dir_.empty()) fs::remove_all(dir_);
  }
  std::vector<std::string> load_args(const std::string& mappings, const std::string& settings,
                                     std::vector<std::string> extra = {}) {
    write(dir_ / "mappings.json", mappings);
    write(dir_ / "settings.json", settings);
    std::vector<std::string> a = {"load", "--source", src_, "--target", tgt_, "--out", (dir_ / "out").string(),
                                  "--mappings", (dir_ / "mappings.json").string(), "--settings",
                                  (dir_ / "settings.json").string(), "--stats-json", (dir_ / "stats.json").string(),
                                  "--no-progress"};
    a.insert(a.end(), extra.begin(), extra.end());
    return a;
  }
  // The source table both kill -9 tests load: big enough to be killed mid-way.
  bool make_orders(int rows) {
    Pg s(src_);
    if (!s.ok()) return false;
    s.exec("CREATE TABLE orders (id bigint PRIMARY KEY, customer int, amount numeric(12,2), note text)");
    s.exec("INSERT INTO orders SELECT g, g % 977, (g % 100000) / 100.0, md5(g::text) FROM generate_series(1, " +
           std::to_string(rows) + ") g");
    s.exec("ANALYZE");
    return true;
  }
  uint64_t stats_rows(const std::string& table) {
    json doc = e2e::read_json(dir_ / "stats.json");  // kept alive: the loop walks inside it
    for (const auto& t : doc["tables"])
      if (t["TableName"] == table) return t["FullLoadRows"].get<uint64_t>();
    return 0;
  }
  void drop_target_connection(const std::string& commit_rate);
  void lose_commit_answer(int rows, const std::string& commit_rate);
  std::string src_, tgt_;
  fs::path dir_;
};

constexpr const char* kAll = R"({"rules":[{"rule-type":"selection","rule-id":"1","rule-name":"all",
  "object-locator":{"schema-name":"%","table-name":"%"},"rule-action":"include"}]})";

TEST_F(LoadResume, SegmentsByRangesPartitionsAndKeys) {
  {
    Pg s(src_);
    ASSERT_TRUE(s.ok());
    // grp NULL on some rows: DMS would drop them with ranges; orashift gives them a segment.
    s.exec("CREATE TABLE items (id bigint PRIMARY KEY, grp int, note text)");
    s.exec("INSERT INTO items SELECT g, CASE WHEN g % 17 = 0 THEN NULL ELSE g % 10 END, 'n' || g "
           "FROM generate_series(1, 20000) g");
    s.exec("CREATE TABLE events (id int NOT NULL, at date NOT NULL, what text) PARTITION BY RANGE (at)");
    s.exec("CREATE TABLE events_2023 PARTITION OF events FOR VALUES FROM ('2023-01-01') TO ('2024-01-01')");
    s.exec("CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')");
    s.exec("CREATE TABLE events_other PARTITION OF events DEFAULT");
    s.exec("INSERT INTO events SELECT g, DATE '2022-06-01' + (g % 1200), 'e' || g FROM generate_series(1, 9000) g");
    s.exec("CREATE TABLE big (id int PRIMARY KEY, v text)");
    s.exec("INSERT INTO big SELECT g * 3, repeat('x', g % 7) FROM generate_series(1, 30000) g");
    s.exec("ANALYZE");
  }
  auto r = e2e::run_orashift(load_args(R"({"rules":[
    {"rule-type":"selection","rule-id":"1","rule-name":"all","object-locator":{"schema-name":"%","table-name":"%"},"rule-action":"include"},
    {"rule-type":"table-settings","rule-id":"2","rule-name":"r","object-locator":{"schema-name":"%","table-name":"items"},
     "parallel-load":{"type":"ranges","columns":["grp"],"boundaries":[["3"],["6"]]}},
    {"rule-type":"table-settings","rule-id":"3","rule-name":"p","object-locator":{"schema-name":"%","table-name":"events"},
     "parallel-load":{"type":"partitions-auto"}}]})",
                                       R"({"FullLoadSettings":{"MaxFullLoadSubTasks":4}})",
                                       {"--auto-segment-rows", "10000"}));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  // Every segment was a unit of its own.
  for (const char* seg : {"items [range 1/3]", "items [range 3/3]", "items [range NULL]", "events [partition events_2023]",
                          "events [partition events_other]", "big [key 1/3]", "big [key 3/3]"})
    EXPECT_NE(r.output.find(std::string("loading ") + seg), std::string::npos) << seg << "\n" << r.output;
  // The partitions are read through their parent, not loaded as tables of their own.
  EXPECT_EQ(r.output.find("loading events_2023"), std::string::npos) << r.output;
  Pg s(src_), t(tgt_);
  EXPECT_EQ(fingerprint(t, "items", "id || ':' || coalesce(grp::text, '~') || ':' || note", "id"),
            fingerprint(s, "items", "id || ':' || coalesce(grp::text, '~') || ':' || note", "id"));
  EXPECT_EQ(fingerprint(t, "events", "id || ':' || at::date || ':' || what", "id"),
            fingerprint(s, "events", "id || ':' || at::date || ':' || what", "id"));
  EXPECT_EQ(fingerprint(t, "big", "id || ':' || v", "id"), fingerprint(s, "big", "id || ':' || v", "id"));
  EXPECT_EQ(t.value("SELECT count(*) FROM pg_class WHERE relname = 'events_2023'"), "0");
  EXPECT_EQ(stats_rows("items"), 20000u);
  EXPECT_EQ(stats_rows("events"), 9000u);
  // A completed task leaves its state file as a record, so the next run loads afresh.
  EXPECT_TRUE(fs::exists(dir_ / "out" / "task-state.done.jsonl"));
  EXPECT_FALSE(fs::exists(dir_ / "out" / "task-state.jsonl"));
}

// Into a TargetSchema, so the resumed run's deletes of unfinished segments and its key work
// there too.
TEST_F(LoadResume, KilledLoadResumesWithEveryRowOnce) {
  const int rows = 1200000;
  ASSERT_TRUE(make_orders(rows));
  auto args = load_args(kAll, R"({"FullLoadSettings":{"MaxFullLoadSubTasks":2,"CommitRate":5000},
    "TargetMetadata":{"TargetSchema":"stage"}})",
                        {"--auto-segment-rows", "100000"});
  const fs::path state = dir_ / "out" / "task-state.jsonl";
  ASSERT_TRUE(killed_after_first_segment(args, state, dir_ / "run1.log"))
      << "the load was not killed mid-way (make the table larger?)\n" << read(dir_ / "run1.log");
  size_t done_before = count_lines_with(state, "\"event\":\"done\"");
  ASSERT_LT(done_before, 12u) << read(state);  // 12 key ranges: some were left to do
  Pg t(tgt_);
  std::string partial = t.value("SELECT count(*) FROM stage.orders");

  auto r = e2e::run_orashift(args);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("resuming from"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("finished by an earlier run"), std::string::npos) << r.output;
  Pg s(src_);
  const std::string row = "id || ':' || customer || ':' || amount || ':' || note";
  EXPECT_EQ(fingerprint(t, "stage.orders", row, "id"), fingerprint(s, "orders", row, "id")) << "partial count was " << partial;
  EXPECT_EQ(t.value("SELECT count(*) FROM pg_class WHERE relname = 'orders'"), "1");  // none outside the schema
  // The key is there: created with the table, which the resumed run kept (not re-created).
  EXPECT_EQ(t.value("SELECT count(*) FROM pg_constraint WHERE contype = 'p' AND conrelid = 'stage.orders'::regclass"), "1")
      << r.output;
  // Rows of skipped segments are counted from the state file: the statistics cover the table.
  EXPECT_EQ(stats_rows("orders"), static_cast<uint64_t>(rows));
  EXPECT_TRUE(fs::exists(dir_ / "out" / "task-state.done.jsonl"));
}

// A table without a key, holding exact duplicate rows, loaded by ranges: nothing on the target
// refuses a row written twice, so only resume's deletion of what unfinished segments committed
// keeps every row exactly once. The kill waits until such rows are on the target (asserted), and
// the comparison is of multisets: the md5 runs over every row, duplicates included, in row order.
TEST_F(LoadResume, KilledKeylessLoadResumesExactlyOnce) {
  const int rows = 1000000, ranges = 10;
  {
    Pg s(src_);
    ASSERT_TRUE(s.ok());
    s.exec("CREATE TABLE readings (id bigint, sensor int, v numeric(10,2))");
    s.exec("INSERT INTO readings SELECT g, g % 97, (g % 10000) / 100.0 FROM generate_series(1, " + std::to_string(rows) + ") g");
    s.exec("INSERT INTO readings SELECT * FROM readings WHERE id % 50 = 0");  // 20,000 exact duplicates
    s.exec("ANALYZE");
  }
  std::string boundaries;
  for (int k = 1; k < ranges; ++k) boundaries += (k > 1 ? "," : "") + std::string("[\"") + std::to_string(k * rows / ranges) + "\"]";
  auto args = load_args(R"({"rules":[
    {"rule-type":"selection","rule-id":"1","rule-name":"all","object-locator":{"schema-name":"%","table-name":"%"},"rule-action":"include"},
    {"rule-type":"table-settings","rule-id":"2","rule-name":"r","object-locator":{"schema-name":"%","table-name":"readings"},
     "parallel-load":{"type":"ranges","columns":["id"],"boundaries":[)" + boundaries + "]}}]}",
                        R"({"FullLoadSettings":{"MaxFullLoadSubTasks":2,"CommitRate":5000}})");
  const fs::path state = dir_ / "out" / "task-state.jsonl";
  Pg t(tgt_);
  ASSERT_TRUE(t.ok());
  // Rows on the target outside every finished segment: committed by segments still running.
  auto unfinished_rows = [&]() -> long {
    if (!fs::exists(state)) return 0;
    std::vector<std::string> done = done_target_conditions(state);
    if (done.empty()) return 0;
    std::string finished;
    for (const auto& c : done) finished += (finished.empty() ? "(" : " OR (") + c + ")";
    std::string n = t.value("SELECT count(*) FROM readings WHERE NOT (" + finished + ")");
    return n == "<error>" ? 0 : std::stol(n);
  };
  // Killed when such rows are there and no segment finished while they were counted. A segment
  // can still finish between that check and the signal; then the next attempt (a resumed run)
  // is killed the same way.
  long partial = 0;
  for (int attempt = 1; attempt <= 3 && partial == 0; ++attempt) {
    ASSERT_TRUE(killed_when(args, dir_ / "run1.log", [&] {
      size_t done = done_target_conditions(state).size();
      return unfinished_rows() > 0 && done_target_conditions(state).size() == done;
    })) << "the load was not killed mid-segment (make the table larger?)\n" << read(dir_ / "run1.log");
    partial = unfinished_rows();
  }
  const size_t done_before = done_target_conditions(state).size();
  ASSERT_LT(done_before, static_cast<size_t>(ranges)) << read(state);
  ASSERT_GT(partial, 0) << "the kill left no rows of an unfinished segment behind\n" << read(state);
  ASSERT_EQ(t.value("SELECT count(*) FROM pg_constraint WHERE conrelid = 'readings'::regclass"), "0")
      << "the target table has a key or constraint: the test would not show doubled rows";

  auto r = e2e::run_orashift(args);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("resuming from"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("deleting the rows of an unfinished segment"), std::string::npos) << r.output;
  Pg s(src_);
  const std::string row = "id || ':' || sensor || ':' || v";
  EXPECT_EQ(fingerprint(t, "readings", row, row), fingerprint(s, "readings", row, row))
      << partial << " rows of unfinished segments were on the target after the kill (" << done_before << " of " << ranges
      << " segments done)";
  EXPECT_EQ(stats_rows("readings"), static_cast<uint64_t>(rows + rows / 50));
}

// Transformation rules and resume together: a renamed table with a renamed column cannot be
// matched on the target by its source segments, so the resumed run reloads it whole, under its
// target name, and every row is there once.
TEST_F(LoadResume, KilledLoadOfARenamedTableIsReloadedWhole) {
  const int rows = 1200000;
  ASSERT_TRUE(make_orders(rows));
  auto args = load_args(R"({"rules":[
    {"rule-type":"selection","rule-id":"1","rule-name":"all","object-locator":{"schema-name":"%","table-name":"%"},"rule-action":"include"},
    {"rule-type":"transformation","rule-id":"2","rule-name":"t","rule-target":"table","rule-action":"add-prefix","value":"dms_",
     "object-locator":{"schema-name":"%","table-name":"orders"}},
    {"rule-type":"transformation","rule-id":"3","rule-name":"c","rule-target":"column","rule-action":"rename","value":"client",
     "object-locator":{"schema-name":"%","table-name":"orders","column-name":"customer"}}]})",
                        R"({"FullLoadSettings":{"MaxFullLoadSubTasks":2,"CommitRate":5000}})",
                        {"--auto-segment-rows", "100000"});
  const fs::path state = dir_ / "out" / "task-state.jsonl";
  ASSERT_TRUE(killed_after_first_segment(args, state, dir_ / "run1.log"))
      << "the load was not killed mid-way (make the table larger?)\n" << read(dir_ / "run1.log");

  auto r = e2e::run_orashift(args);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("reloaded whole"), std::string::npos) << r.output;
  Pg s(src_), t(tgt_);
  EXPECT_EQ(fingerprint(t, "\"dms_orders\"", "id || ':' || client || ':' || amount || ':' || note", "id"),
            fingerprint(s, "orders", "id || ':' || customer || ':' || amount || ':' || note", "id"));
  EXPECT_EQ(t.value("SELECT count(*) FROM pg_class WHERE relname = 'orders'"), "0");
}

// `commit_rate`: "" for the engine's default, where the writer gathers batches into
// transactions of 100,000 rows (the connection then drops with several batches held).
void LoadResume::drop_target_connection(const std::string& commit_rate) {
  const int rows = 600000;
  {
    Pg s(src_);
    ASSERT_TRUE(s.ok());
    s.exec("CREATE TABLE accounts (aid int PRIMARY KEY, bid int, abalance int, filler char(84))");
    s.exec("INSERT INTO accounts SELECT g, g / 1000, g % 5000 - 2500, 'f' || g FROM generate_series(1, " +
           std::to_string(rows) + ") g");
  }
  // A password in the target URI (the test server trusts local connections, so it is not
  // checked): it must not appear in any log line.
  std::string tgt_pw = tgt_;
  tgt_pw.replace(tgt_pw.find("postgres@"), 9, "postgres:Sekr1tPw@");
  auto args = load_args(kAll, R"({"FullLoadSettings":{"MaxFullLoadSubTasks":1)" + commit_rate + R"(},
    "ErrorBehavior":{"RecoverableErrorCount":5,"RecoverableErrorInterval":1,"RecoverableErrorThrottling":true,
    "RecoverableErrorThrottlingMax":4}})",
                        {"--auto-segment-rows", "0"});
  args[4] = tgt_pw;
  Child c = spawn_orashift(args, dir_ / "run.log");
  Pg t(tgt_);
  std::string tgt_db = tgt_.substr(tgt_.rfind('/') + 1);
  // Terminate the writer's backend (its last statement is a COPY) once rows are arriving.
  int terminated = 0;
  for (int i = 0; i < 30000 && c.running() && terminated < 2; ++i) {
    std::string n = t.value("SELECT count(*) FROM pg_stat_user_tables WHERE relname = 'accounts' AND n_tup_ins > 0");
    if (n == "1" || t.value("SELECT count(*) > 0 FROM (SELECT 1 FROM accounts LIMIT 1) x") == "t") {
      std::string k = t.value("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '" +
                              tgt_db + "' AND query LIKE 'COPY %' AND pid <> pg_backend_pid()");
      if (k != "0" && k != "<error>") {
        ++terminated;
        std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // let it reconnect, then drop it again
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  int st = c.wait_status();
  std::string out = read(dir_ / "run.log");
  ASSERT_TRUE(WIFEXITED(st)) << out;
  ASSERT_GE(terminated, 1) << "the load ended before its connection could be dropped\n" << out;
  EXPECT_EQ(WEXITSTATUS(st), 0) << out;
  EXPECT_NE(out.find("connection lost while loading"), std::string::npos) << out;
  EXPECT_NE(out.find("retry 1 of 5"), std::string::npos) << out;
  EXPECT_NE(out.find("reconnected"), std::string::npos) << out;
  EXPECT_EQ(out.find("Sekr1tPw"), std::string::npos) << out;
  Pg s(src_);
  const std::string row = "aid || ':' || bid || ':' || abalance || ':' || filler";
  EXPECT_EQ(fingerprint(t, "accounts", row, "aid"), fingerprint(s, "accounts", row, "aid"));
  EXPECT_EQ(stats_rows("accounts"), static_cast<uint64_t>(rows));
}

TEST_F(LoadResume, DroppedTargetConnectionIsRetried) { drop_target_connection(R"(,"CommitRate":2000)"); }

TEST_F(LoadResume, DroppedTargetConnectionIsRetriedWithBatchesGathered) { drop_target_connection(""); }

TEST_F(LoadResume, SqliteRangesIntoDuckDb) {
  fs::path sq = dir_ / "src.sqlite";
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(sq.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "CREATE TABLE sales (id INTEGER PRIMARY KEY, region VARCHAR(10), qty INTEGER);"
                         "WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 5000) "
                         "INSERT INTO sales SELECT n, CASE n % 4 WHEN 0 THEN 'east' WHEN 1 THEN 'north' WHEN 2 THEN "
                         "'south' ELSE NULL END, n % 13 FROM g;",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  write(dir_ / "m.json", R"({"rules":[
    {"rule-type":"selection","rule-id":"1","rule-name":"all","object-locator":{"schema-name":"%","table-name":"%"},"rule-action":"include"},
    {"rule-type":"table-settings","rule-id":"2","rule-name":"r","object-locator":{"schema-name":"%","table-name":"sales"},
     "parallel-load":{"type":"ranges","columns":["region","id"],"boundaries":[["north","100"],["south","0"]]}}]})");
  std::string duck = (dir_ / "t.duckdb").string();
  auto r = e2e::run_orashift({"load", "--source", "sqlite:" + sq.string(), "--target", "duckdb:" + duck, "--out",
                              (dir_ / "out").string(), "--mappings", (dir_ / "m.json").string(), "--no-progress"});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("loading sales [range NULL]"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("loading sales [range 3/3]"), std::string::npos) << r.output;
  auto target = orashift::make_target("duckdb:" + duck);
  auto q = target->query(
      "SELECT count(*), count(DISTINCT id), sum(qty), count(region), min(id), max(id) FROM sales");
  ASSERT_EQ(q.rows.size(), 1u);
  EXPECT_EQ(q.rows[0][0].value_or(""), "5000");
  EXPECT_EQ(q.rows[0][1].value_or(""), "5000");
  int64_t qty = 0, regions = 0;
  for (int n = 1; n <= 5000; ++n) qty += n % 13, regions += n % 4 != 3;
  EXPECT_EQ(q.rows[0][2].value_or(""), std::to_string(qty));
  EXPECT_EQ(q.rows[0][3].value_or(""), std::to_string(regions));
}

// The same crash with a SQLite source and a DuckDB target: DuckDB replays its WAL on reopen,
// and the resumed run deletes the unfinished segments' rows through DuckDB.
// Every 1000th row has a qty SQLite stores as text, so the load rejects it: after the kill and
// the resume, each of those rows is in the reject file exactly once (the redone segments'
// records of the killed run are dropped) and the counts reconcile.
TEST_F(LoadResume, KilledSqliteToDuckDbLoadResumes) {
  const int rows = 1500000;
  fs::path sq = dir_ / "src.sqlite";
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(sq.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         ("CREATE TABLE lines (id INTEGER PRIMARY KEY, qty INTEGER, label VARCHAR(40));"
                          "WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < " +
                          std::to_string(rows) +
                          ") INSERT INTO lines SELECT n, CASE WHEN n % 1000 = 0 THEN 'bad' ELSE n % 101 END, "
                          "'label-' || n FROM g;")
                             .c_str(),
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  write(dir_ / "s.json", R"({"FullLoadSettings":{"MaxFullLoadSubTasks":2,"CommitRate":5000}})");
  std::string duck = (dir_ / "t.duckdb").string();
  std::vector<std::string> args = {"load", "--source", "sqlite:" + sq.string(), "--target", "duckdb:" + duck, "--out",
                                   (dir_ / "out").string(), "--settings", (dir_ / "s.json").string(),
                                   "--auto-segment-rows", "100000", "--no-progress", "--stats-json",
                                   (dir_ / "stats.json").string()};
  const fs::path state = dir_ / "out" / "task-state.jsonl";
  ASSERT_TRUE(killed_after_first_segment(args, state, dir_ / "run1.log"))
      << "the load was not killed mid-way (make the table larger?)\n" << read(dir_ / "run1.log");
  ASSERT_LT(count_lines_with(state, "\"event\":\"done\""), 15u) << read(state);
  auto r = e2e::run_orashift(args);
  ASSERT_EQ(r.exit_code, 3) << r.output;  // rows were rejected
  EXPECT_NE(r.output.find("finished by an earlier run"), std::string::npos) << r.output;
  const int bad = rows / 1000;
  auto target = orashift::make_target("duckdb:" + duck);
  auto q = target->query("SELECT count(*), count(DISTINCT id), sum(qty), sum(length(label)), min(id), max(id) FROM lines");
  int64_t qty = 0, len = 0;
  for (int n = 1; n <= rows; ++n)
    if (n % 1000 != 0) qty += n % 101, len += 6 + static_cast<int64_t>(std::to_string(n).size());
  ASSERT_EQ(q.rows.size(), 1u);
  EXPECT_EQ(q.rows[0][0].value_or(""), std::to_string(rows - bad));
  EXPECT_EQ(q.rows[0][1].value_or(""), std::to_string(rows - bad));
  EXPECT_EQ(q.rows[0][2].value_or(""), std::to_string(qty));
  EXPECT_EQ(q.rows[0][3].value_or(""), std::to_string(len));
  EXPECT_EQ(q.rows[0][4].value_or(""), "1");
  EXPECT_EQ(q.rows[0][5].value_or(""), std::to_string(rows - 1));  // row 1,500,000 is a bad one
  // The reject file: one record per bad row, none twice.
  std::set<std::string> records;
  size_t lines = 0;
  std::ifstream rejects(dir_ / "out" / "rejects" / "lines.rejects.jsonl");
  for (std::string line; std::getline(rejects, line); ++lines) records.insert(json::parse(line)["record"].get<std::string>());
  EXPECT_EQ(lines, static_cast<size_t>(bad));
  EXPECT_EQ(records.size(), static_cast<size_t>(bad));
  json stats = e2e::read_json(dir_ / "stats.json");
  ASSERT_EQ(stats["tables"].size(), 1u);
  EXPECT_EQ(stats["tables"][0]["FullLoadRows"].get<uint64_t>(), static_cast<uint64_t>(rows - bad));
}

// The connection is lost after the server committed a batch but before its answer reached
// orashift (a proxy withholds the answer to the third COMMIT and cuts the connection). The
// reconnected writer asks the server whether that transaction committed and does not send the
// batch again: every row once. The table has no key, so a resent batch would double its rows.
void LoadResume::lose_commit_answer(int rows, const std::string& commit_rate) {
  {
    Pg s(src_);
    ASSERT_TRUE(s.ok());
    s.exec("CREATE TABLE notes (id int, note text)");
    s.exec("INSERT INTO notes SELECT g, 'note ' || g FROM generate_series(1, " + std::to_string(rows) + ") g");
  }
  const size_t colon = tgt_.rfind(':'), slash = tgt_.rfind('/');
  const auto server_port = static_cast<uint16_t>(std::stoi(tgt_.substr(colon + 1, slash - colon - 1)));
  e2e::LossyProxy proxy(server_port, 3);
  auto args = load_args(kAll, R"({"FullLoadSettings":{)" + commit_rate + R"(},
    "ErrorBehavior":{"RecoverableErrorCount":3,"RecoverableErrorInterval":1}})");
  args[4] = tgt_.substr(0, colon + 1) + std::to_string(proxy.port()) + tgt_.substr(slash) + "?sslmode=disable&gssencmode=disable";
  auto r = e2e::run_orashift(args);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  ASSERT_TRUE(proxy.dropped()) << "the proxy saw " << proxy.commits_seen() << " COMMITs\n" << r.output;
  EXPECT_NE(r.output.find("had been committed, not resending"), std::string::npos) << r.output;
  Pg t(tgt_);
  EXPECT_EQ(t.value("SELECT count(*) || ':' || count(DISTINCT id) FROM notes"), std::to_string(rows) + ":" + std::to_string(rows));
  EXPECT_EQ(stats_rows("notes"), static_cast<uint64_t>(rows));
}

TEST_F(LoadResume, LostCommitAnswerDoesNotDoubleTheBatch) { lose_commit_answer(50000, R"("CommitRate":2000)"); }

// The same with the engine's default: the lost answer is that of a gathered transaction of
// 100,000 rows, none of which may be sent again.
TEST_F(LoadResume, LostCommitAnswerDoesNotDoubleTheGatheredBatches) { lose_commit_answer(450000, ""); }

// A partitioned PostgreSQL source gives a partitioned target: RANGE (declared out of order,
// open at both ends), LIST with a DEFAULT partition and HASH are re-created with the same
// bounds, and every row lands in the partition it came from. A RANGE table with a gap between
// its partitions cannot be expressed as upper bounds in order: it is created whole.
TEST_F(LoadResume, PartitionedSourceTablesArePartitionedOnTheTarget) {
  {
    Pg s(src_);
    ASSERT_TRUE(s.ok());
    s.exec("CREATE TABLE sales (id int, sold date, amount numeric(10,2), PRIMARY KEY (id, sold)) PARTITION BY RANGE (sold)");
    s.exec("CREATE TABLE sales_late PARTITION OF sales FOR VALUES FROM ('2024-01-01') TO (MAXVALUE)");
    s.exec("CREATE TABLE sales_early PARTITION OF sales FOR VALUES FROM (MINVALUE) TO ('2023-01-01')");
    s.exec("CREATE TABLE sales_mid PARTITION OF sales FOR VALUES FROM ('2023-01-01') TO ('2024-01-01')");
    s.exec("INSERT INTO sales SELECT g, DATE '2022-01-01' + g % 1200, g / 10.0 FROM generate_series(1, 5000) g");
    s.exec("CREATE TABLE regions (id int, region text, PRIMARY KEY (id, region)) PARTITION BY LIST (region)");
    s.exec("CREATE TABLE regions_ns PARTITION OF regions FOR VALUES IN ('north', 'south')");
    s.exec("CREATE TABLE regions_e PARTITION OF regions FOR VALUES IN ('east')");
    s.exec("CREATE TABLE regions_rest PARTITION OF regions DEFAULT");
    s.exec("INSERT INTO regions SELECT g, (ARRAY['north','south','east','west','it''s'])[1 + g % 5] FROM generate_series(1, 1000) g");
    s.exec("CREATE TABLE buckets (id int PRIMARY KEY, v text) PARTITION BY HASH (id)");
    for (int r : {2, 0, 1})
      s.exec("CREATE TABLE buckets_" + std::to_string(r) + " PARTITION OF buckets FOR VALUES WITH (MODULUS 3, REMAINDER " +
             std::to_string(r) + ")");
    s.exec("INSERT INTO buckets SELECT g, 'v' || g FROM generate_series(1, 3000) g");
    s.exec("CREATE TABLE gappy (id int PRIMARY KEY) PARTITION BY RANGE (id)");
    s.exec("CREATE TABLE gappy_a PARTITION OF gappy FOR VALUES FROM (0) TO (100)");
    s.exec("CREATE TABLE gappy_b PARTITION OF gappy FOR VALUES FROM (200) TO (300)");
    s.exec("INSERT INTO gappy SELECT g FROM generate_series(0, 99) g UNION ALL SELECT g FROM generate_series(200, 299) g");
    s.exec("ANALYZE");
  }
  auto r = e2e::run_orashift(load_args(kAll, "{}"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  Pg s(src_), t(tgt_);
  // Rows per partition, in the partitions' order of bounds: equal on both sides.
  auto per_partition = [](Pg& db, const std::string& table, const std::string& order) {
    return db.value("SELECT string_agg(n::text, ',' ORDER BY o) FROM (SELECT count(*) AS n, min(" + order +
                    ") AS o FROM " + table + " GROUP BY tableoid) x");
  };
  for (const auto& [table, order] : std::vector<std::pair<std::string, std::string>>{
           {"sales", "sold"}, {"regions", "region"}, {"buckets", "id"}}) {
    SCOPED_TRACE(table);
    EXPECT_EQ(t.value("SELECT relkind FROM pg_class WHERE relname = '" + table + "'"), "p");
    EXPECT_EQ(t.value("SELECT count(*) FROM pg_inherits WHERE inhparent = '" + table + "'::regclass"),
              s.value("SELECT count(*) FROM pg_inherits WHERE inhparent = '" + table + "'::regclass"));
    EXPECT_EQ(per_partition(t, table, order), per_partition(s, table, order));
  }
  // A source DATE is a TIMESTAMP on the target (as Oracle's DATE would be: docs/sources.md).
  EXPECT_EQ(fingerprint(t, "sales", "id || ':' || sold::date || ':' || amount", "id"),
            fingerprint(s, "sales", "id || ':' || sold::date || ':' || amount", "id"));
  EXPECT_EQ(t.value("SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE relname = 'sales_sales_mid'"),
            "FOR VALUES FROM ('2023-01-01 00:00:00') TO ('2024-01-01 00:00:00')");
  EXPECT_EQ(t.value("SELECT count(*) FROM regions_regions_rest"), "400");  // 'west' and 'it''s'
  EXPECT_EQ(t.value("SELECT relkind FROM pg_class WHERE relname = 'gappy'"), "r");
  EXPECT_EQ(t.value("SELECT count(*) FROM gappy"), "200");
}
