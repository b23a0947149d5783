// `orashift load` with DMS transformation rules, ErrorBehavior, EmptyAsNull and LOB settings,
// from a real SQLite source into real DuckDB and PostgreSQL targets (each test runs on both;
// PostgreSQL when ORASHIFT_TEST_PG is set).
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>

#include "e2e_util.h"
#include "endpoints/factory.h"
#include "require_env.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

void write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

size_t count_lines(const fs::path& p) {
  std::ifstream f(p);
  size_t n = 0;
  for (std::string line; std::getline(f, line);) ++n;
  return n;
}

// CUSTOMERS: 500 rows; FIRST_NAME is '' on every 10th row and NULL on every 25th; NOTES is
// 3000 bytes on every 50th row (10 rows), short otherwise. EVENTS: 1000 rows whose CODE is a
// number except on rows 100, 200, …, 1000 ('bad'). TAGS: 300 rows.
constexpr int kCustomers = 500, kEmpty = 50 - 10 /* rows 50,100.. are NULL-or-'' twice */, kLongNotes = 10;
constexpr int kEvents = 1000, kBadEvents = 10, kTags = 300;

std::string make_source(const fs::path& dir) {
  std::string file = (dir / "src.sqlite").string();
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
  char* err = nullptr;
  int rc = sqlite3_exec(db, R"(
    CREATE TABLE CUSTOMERS (CUST_ID INTEGER PRIMARY KEY, FIRST_NAME VARCHAR(20), LAST_NAME VARCHAR(40),
                            CREDIT DECIMAL(9,2), SECRET VARCHAR(10), NOTES TEXT);
    WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < 500)
    INSERT INTO CUSTOMERS SELECT x,
      CASE WHEN x % 25 = 0 THEN NULL WHEN x % 10 = 0 THEN '' ELSE 'First' || x END,
      'Last' || x, x * 1.25, 'pw' || x,
      CASE WHEN x % 50 = 0 THEN replace(hex(zeroblob(1500)), '0', 'n') ELSE 'note ' || x END FROM g;
    CREATE TABLE EVENTS (EVENT_ID INTEGER PRIMARY KEY, CODE VARCHAR(10));
    WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < 1000)
    INSERT INTO EVENTS SELECT x, CASE WHEN x % 100 = 0 THEN 'bad' ELSE CAST(x * 7 AS TEXT) END FROM g;
    CREATE TABLE STG_TAGS_OLD (TAG_ID INTEGER PRIMARY KEY, TAG VARCHAR(10));
    WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < 300)
    INSERT INTO STG_TAGS_OLD SELECT x, 'tag' || x FROM g;
  )",
                        nullptr, nullptr, &err);
  EXPECT_EQ(rc, SQLITE_OK) << (err ? err : "");
  sqlite3_free(err);
  sqlite3_close(db);
  return "sqlite:" + file;
}

std::string selection(const std::string& table = "%", int id = 1, int load_order = 0) {
  return R"({"rule-type":"selection","rule-id":")" + std::to_string(id) + R"(","rule-name":"s)" + std::to_string(id) +
         R"(","object-locator":{"schema-name":"%","table-name":")" + table + R"("},"rule-action":"include","load-order":)" +
         std::to_string(load_order) + "}";
}

std::string transformation(int id, const std::string& target, const std::string& locator, const std::string& action,
                           const std::string& extra = "") {
  return R"({"rule-type":"transformation","rule-id":")" + std::to_string(id) + R"(","rule-name":"t)" + std::to_string(id) +
         R"(","rule-target":")" + target + R"(","object-locator":{"schema-name":"%",)" + locator +
         R"(},"rule-action":")" + action + "\"" + (extra.empty() ? "" : "," + extra) + "}";
}

std::string rules(const std::vector<std::string>& r) {
  std::string out = R"({"rules":[)";
  for (size_t i = 0; i < r.size(); ++i) out += (i ? "," : "") + r[i];
  return out + "]}";
}

}  // namespace

class LoadRules : public ::testing::TestWithParam<std::string> {
protected:
  void SetUp() override {
    std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    for (char& c : name) c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    dir_ = e2e::temp_dir("rules-" + name);
    source_ = make_source(dir_);
    if (GetParam() == "postgres") {
      std::string lower;
      for (char c : name) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
      target_ = e2e::fresh_pg_database("rules_" + lower.substr(0, 40));
      if (target_.empty()) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set or server unreachable";
    } else {
      target_ = "duckdb:" + (dir_ / "t.duckdb").string();
    }
  }
  void TearDown() override {
    if (!HasFailure()) fs::remove_all(dir_);
  }
  e2e::RunResult load(const std::string& mappings, const std::string& settings, const std::string& run,
                      std::vector<std::string> extra = {}) {
    write(dir_ / (run + "-mappings.json"), mappings);
    write(dir_ / (run + "-settings.json"), settings);
    std::vector<std::string> args = {"load", "--source", source_, "--target", target_, "--out", (dir_ / run).string(),
                                     "--mappings", (dir_ / (run + "-mappings.json")).string(), "--settings",
                                     (dir_ / (run + "-settings.json")).string(), "--stats-json",
                                     (dir_ / (run + "-stats.json")).string(), "--no-progress"};
    args.insert(args.end(), extra.begin(), extra.end());
    return e2e::run_orashift(args);
  }
  std::map<std::string, json> stats(const std::string& run) {
    std::map<std::string, json> out;
    json doc = e2e::read_json(dir_ / (run + "-stats.json"));
    for (const auto& t : doc["tables"]) out[t["TableName"].get<std::string>()] = t;
    return out;
  }
  // One value (NULL as "NULL") of a query on the target.
  std::string scalar(const std::string& sql) {
    auto t = orashift::make_target(target_);
    auto r = t->query(sql);
    if (r.rows.empty() || r.rows[0].empty()) return "<no rows>";
    return r.rows[0][0].value_or("NULL");
  }
  std::vector<std::string> columns(const std::string& table) {
    auto t = orashift::make_target(target_);
    auto r = t->query("SELECT column_name FROM information_schema.columns WHERE table_name = '" + table +
                      "' ORDER BY ordinal_position");
    std::vector<std::string> out;
    for (const auto& row : r.rows) out.push_back(row[0].value_or(""));
    return out;
  }
  fs::path dir_;
  std::string source_, target_;
};

INSTANTIATE_TEST_SUITE_P(Targets, LoadRules, ::testing::Values("duckdb", "postgres"));

TEST_P(LoadRules, TransformationRulesShapeTablesColumnsAndRows) {
  auto r = load(rules({selection(),
                       transformation(2, "table", R"("table-name":"CUSTOMERS")", "add-prefix", R"("value":"DMS_")"),
                       transformation(30, "table", R"("table-name":"%")", "convert-lowercase"),  // shadowed by 2, 4
                       transformation(4, "table", R"("table-name":"STG_%")", "replace-prefix",
                                      R"("old-value":"STG_","value":"CUR_")"),
                       transformation(5, "table", R"("table-name":"STG_%")", "remove-suffix", R"("value":"_OLD")"),
                       transformation(6, "column", R"("table-name":"CUSTOMERS","column-name":"CUST_ID")", "rename",
                                      R"("value":"CustomerId")"),
                       transformation(7, "column", R"("table-name":"CUSTOMERS","column-name":"LAST_NAME")",
                                      "add-suffix", R"("value":"_TXT")"),
                       transformation(8, "column", R"("table-name":"CUSTOMERS","column-name":"SECRET")", "remove-column"),
                       transformation(9, "column", R"("table-name":"CUSTOMERS")", "add-column",
                                      R"("value":"FULL_NAME","expression":"$FIRST_NAME || ' ' || $LAST_NAME","data-type":{"type":"string","length":80})"),
                       transformation(10, "column", R"("table-name":"CUSTOMERS","column-name":"CREDIT")",
                                      "change-data-type", R"("data-type":{"type":"string","length":20})"),
                       transformation(11, "column", R"("table-name":"EVENTS","column-name":"%")", "convert-uppercase"),
                       transformation(12, "column", R"("table-name":"EVENTS","column-name":"CODE")", "include-column"),
                       transformation(13, "column", R"("table-name":"EVENTS","column-name":"EVENT_ID")", "include-column"),
                       transformation(14, "table", R"("table-name":"EVENTS")", "define-primary-key",
                                      R"("primary-key-def":{"name":"EV_PK","origin":"primary-key","columns":["CODE","EVENT_ID"]})"),
                       // include-column naming one of two columns: the other is not loaded.
                       transformation(15, "column", R"("table-name":"STG_TAGS_OLD","column-name":"TAG_ID")", "include-column")}),
                "{}", "t");
  // EVENTS.CODE is text in the source: no data error here.
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("shadowed"), std::string::npos) << r.output;
  EXPECT_EQ(columns("DMS_CUSTOMERS"),
            (std::vector<std::string>{"CustomerId", "first_name", "LAST_NAME_TXT", "credit", "notes", "FULL_NAME"}));
  // Rule 4 (replace-prefix) wins over rule 5 (remove-suffix) on the table name: lowest rule-id.
  EXPECT_EQ(columns("CUR_TAGS_OLD"), (std::vector<std::string>{"tag_id"}));
  EXPECT_EQ(columns("events"), (std::vector<std::string>{"EVENT_ID", "CODE"}));
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM \"DMS_CUSTOMERS\""), std::to_string(kCustomers));
  EXPECT_EQ(scalar("SELECT \"FULL_NAME\" FROM \"DMS_CUSTOMERS\" WHERE \"CustomerId\" = 7"), "First7 Last7");
  EXPECT_EQ(scalar("SELECT \"FULL_NAME\" FROM \"DMS_CUSTOMERS\" WHERE \"CustomerId\" = 25"), "NULL");
  EXPECT_EQ(scalar("SELECT credit FROM \"DMS_CUSTOMERS\" WHERE \"CustomerId\" = 3"), "3.75");
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM \"CUR_TAGS_OLD\""), std::to_string(kTags));
  // define-primary-key: (CODE, EVENT_ID) is the key; a duplicate is refused.
  auto t = orashift::make_target(target_);
  EXPECT_ANY_THROW(t->execute("INSERT INTO events (\"EVENT_ID\", \"CODE\") SELECT \"EVENT_ID\", \"CODE\" FROM events WHERE \"EVENT_ID\" = 1"));
  EXPECT_NO_THROW(t->execute("INSERT INTO events (\"EVENT_ID\", \"CODE\") VALUES (1, 'other')"));
  auto s = stats("t");
  EXPECT_EQ(s["CUSTOMERS"]["FullLoadRows"], kCustomers);
  EXPECT_EQ(s["CUSTOMERS"]["TableState"], "Table completed");
}

TEST_P(LoadRules, DataErrorPolicies) {
  const std::string to_int =
      rules({selection(), transformation(2, "column", R"("table-name":"EVENTS","column-name":"CODE")", "change-data-type",
                                         R"("data-type":{"type":"int4"})")});
  // LOG_ERROR (DMS's default): bad rows go to the reject file, the rest loads.
  auto r = load(to_int, "{}", "log");
  EXPECT_EQ(r.exit_code, 3) << r.output;  // 3: loaded with rejects
  auto s = stats("log");
  EXPECT_EQ(s["EVENTS"]["FullLoadRows"], kEvents - kBadEvents);
  EXPECT_EQ(s["EVENTS"]["FullLoadErrorRows"], kBadEvents);
  EXPECT_EQ(s["EVENTS"]["TableState"], "Table completed");
  EXPECT_EQ(count_lines(s["EVENTS"]["RejectFile"].get<std::string>()), static_cast<size_t>(kBadEvents));

  // SUSPEND_TABLE: the table stops at its first bad row; the others load. Small batches so
  // the stop happens well before the end.
  r = load(to_int, R"({"FullLoadSettings":{"CommitRate":50,"MaxFullLoadSubTasks":1},"ErrorBehavior":{"DataErrorPolicy":"SUSPEND_TABLE"}})",
           "suspend");
  EXPECT_EQ(r.exit_code, 1) << r.output;
  s = stats("suspend");
  const json& ev = s["EVENTS"];
  EXPECT_EQ(ev["TableState"], "Table error") << ev.dump();
  uint64_t read = ev["RowsRead"], loaded = ev["FullLoadRows"], rejected = ev["FullLoadErrorRows"];
  EXPECT_LT(read, static_cast<uint64_t>(kEvents));
  EXPECT_EQ(read, loaded + rejected);  // rows read after the stop are in the reject file
  EXPECT_EQ(ev["RowsNotRead"], kEvents - read);
  EXPECT_NE(ev["StopReason"].get<std::string>().find("SUSPEND_TABLE"), std::string::npos);
  EXPECT_EQ(s["CUSTOMERS"]["TableState"], "Table completed");
  EXPECT_EQ(s["CUSTOMERS"]["FullLoadRows"], kCustomers);

  // STOP_TASK: EVENTS loads first (load-order) and stops everything after it.
  r = load(rules({selection("%", 1), selection("EVENTS", 3, 10),
                  transformation(2, "column", R"("table-name":"EVENTS","column-name":"CODE")", "change-data-type",
                                 R"("data-type":{"type":"int4"})")}),
           R"({"FullLoadSettings":{"CommitRate":50,"MaxFullLoadSubTasks":1},"ErrorBehavior":{"DataErrorPolicy":"STOP_TASK"}})",
           "stop");
  EXPECT_EQ(r.exit_code, 1) << r.output;
  s = stats("stop");
  EXPECT_EQ(s["EVENTS"]["TableState"], "Table cancelled");
  EXPECT_EQ(s["CUSTOMERS"]["TableState"], "Table cancelled");
  EXPECT_EQ(s["CUSTOMERS"]["RowsRead"], 0);
  EXPECT_EQ(s["CUSTOMERS"]["RowsNotRead"], kCustomers);

  // IGNORE_RECORD with escalation after 3 errors: SUSPEND_TABLE (DMS's default escalation).
  r = load(to_int,
           R"({"FullLoadSettings":{"CommitRate":50},"ErrorBehavior":{"DataErrorPolicy":"IGNORE_RECORD","DataErrorEscalationCount":3}})",
           "escalate");
  EXPECT_EQ(r.exit_code, 1) << r.output;
  s = stats("escalate");
  EXPECT_EQ(s["EVENTS"]["TableState"], "Table error");
  EXPECT_NE(s["EVENTS"]["StopReason"].get<std::string>().find("DataErrorEscalationCount"), std::string::npos);
  EXPECT_GE(s["EVENTS"]["RowsRead"].get<uint64_t>(), 300u);
}

TEST_P(LoadRules, TableErrorPolicy) {
  // DO_NOTHING into a target with only CUSTOMERS: the other tables cannot be opened.
  ASSERT_EQ(load(rules({selection("CUSTOMERS")}), "{}", "prep").exit_code, 0);
  orashift::make_target(target_)->execute("DELETE FROM customers");  // the key would refuse a second copy
  auto r = load(rules({selection()}), R"({"FullLoadSettings":{"TargetTablePrepMode":"DO_NOTHING"}})", "suspend");
  EXPECT_EQ(r.exit_code, 1) << r.output;
  auto s = stats("suspend");
  EXPECT_EQ(s["EVENTS"]["TableState"], "Table error");
  EXPECT_EQ(s["CUSTOMERS"]["TableState"], "Table completed");  // SUSPEND_TABLE: the others go on
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM customers"), std::to_string(kCustomers));
  orashift::make_target(target_)->execute("DELETE FROM customers");
  r = load(rules({selection("%", 1), selection("EVENTS", 2, 10)}),
           R"({"FullLoadSettings":{"TargetTablePrepMode":"DO_NOTHING","MaxFullLoadSubTasks":1},"ErrorBehavior":{"TableErrorPolicy":"STOP_TASK"}})",
           "stop");
  EXPECT_EQ(r.exit_code, 1) << r.output;
  s = stats("stop");
  EXPECT_EQ(s["CUSTOMERS"]["TableState"], "Table cancelled");
  EXPECT_EQ(s["CUSTOMERS"]["RowsNotRead"], kCustomers);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM customers"), "0");  // stopped before it started
}

TEST_P(LoadRules, EmptyStringsKeptOrNull) {
  const std::string only = rules({selection("CUSTOMERS")});
  auto empties = [&] { return scalar("SELECT COUNT(*) FROM customers WHERE first_name = ''"); };
  auto nulls = [&] { return scalar("SELECT COUNT(*) FROM customers WHERE first_name IS NULL"); };
  ASSERT_EQ(load(only, R"({"TargetMetadata":{"FullLobMode":true}})", "keep").exit_code, 0);
  EXPECT_EQ(empties(), std::to_string(kEmpty));
  EXPECT_EQ(nulls(), "20");
  ASSERT_EQ(load(only, R"({"TargetMetadata":{"FullLobMode":true}})", "null", {"--target-setting", "EmptyAsNull=true"}).exit_code, 0);
  EXPECT_EQ(empties(), "0");
  EXPECT_EQ(nulls(), std::to_string(20 + kEmpty));
  EXPECT_EQ(load(only, "{}", "bad", {"--target-setting", "EmptyAsNul=true"}).exit_code, 2);
}

TEST_P(LoadRules, LobSettings) {
  const std::string only = rules({selection("CUSTOMERS")});
  auto longest = [&] { return scalar("SELECT MAX(LENGTH(notes)) FROM customers"); };
  // Limited LOB mode, 1 KB: the 3000-byte notes are cut, loaded (LOG_ERROR) and recorded.
  auto r = load(only, R"({"TargetMetadata":{"LobMaxSize":1}})", "limited");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(longest(), "1024");
  auto s = stats("limited");
  EXPECT_EQ(s["CUSTOMERS"]["Truncations"], kLongNotes);
  EXPECT_EQ(s["CUSTOMERS"]["FullLoadRows"], kCustomers);
  EXPECT_EQ(count_lines(s["CUSTOMERS"]["TruncationFile"].get<std::string>()), static_cast<size_t>(kLongNotes));
  // DataTruncationErrorPolicy IGNORE_RECORD: the truncated rows are not loaded.
  r = load(only, R"({"TargetMetadata":{"LobMaxSize":1},"ErrorBehavior":{"DataTruncationErrorPolicy":"IGNORE_RECORD"}})", "ignore");
  EXPECT_EQ(r.exit_code, 3) << r.output;
  s = stats("ignore");
  EXPECT_EQ(s["CUSTOMERS"]["FullLoadRows"], kCustomers - kLongNotes);
  EXPECT_EQ(s["CUSTOMERS"]["FullLoadErrorRows"], kLongNotes);
  // Full LOB mode: nothing is cut.
  ASSERT_EQ(load(only, R"({"TargetMetadata":{"FullLobMode":true}})", "full").exit_code, 0);
  EXPECT_EQ(longest(), "3000");
  EXPECT_EQ(stats("full")["CUSTOMERS"]["Truncations"], 0);
  // table-settings lob-settings override the task: limited to 2 KB for this table.
  r = load(rules({selection("CUSTOMERS"),
                  R"({"rule-type":"table-settings","rule-id":"5","rule-name":"lob","object-locator":{"schema-name":"%","table-name":"CUSTOMERS"},"lob-settings":{"mode":"limited","bulk-max-size":2}})"}),
           R"({"TargetMetadata":{"FullLobMode":true}})", "table");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(longest(), "2048");
  // SupportLobs false: LOB columns are not migrated.
  ASSERT_EQ(load(only, R"({"TargetMetadata":{"SupportLobs":false}})", "none").exit_code, 0);
  EXPECT_EQ(scalar("SELECT COUNT(notes) FROM customers"), "0");
}

TEST_P(LoadRules, UnsupportedExpressionStopsBeforeAnythingIsLoaded) {
  auto r = load(rules({selection(), transformation(2, "column", R"("table-name":"CUSTOMERS")", "add-column",
                                                   R"j("value":"U","expression":"upper($LAST_NAME)","data-type":{"type":"string","length":40})j")}),
                "{}", "x");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("rule-id 2"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("\"upper\" is not supported"), std::string::npos) << r.output;
  if (GetParam() == "duckdb") EXPECT_FALSE(fs::exists(dir_ / "t.duckdb"));
  else EXPECT_EQ(scalar("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'customers'"), "0");
}

TEST_P(LoadRules, StringTypeLengthTruncates) {
  // LAST_NAME becomes string(5): 'Last10' … 'Last500' (491 values) are cut, loaded (LOG_ERROR)
  // and recorded; PostgreSQL's VARCHAR(5) would refuse them uncut.
  auto r = load(rules({selection("CUSTOMERS"),
                       transformation(2, "column", R"("table-name":"CUSTOMERS","column-name":"LAST_NAME")",
                                      "change-data-type", R"("data-type":{"type":"string","length":5})")}),
                "{}", "s");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  auto s = stats("s");
  EXPECT_EQ(s["CUSTOMERS"]["Truncations"], 491);
  EXPECT_EQ(s["CUSTOMERS"]["FullLoadRows"], kCustomers);
  EXPECT_EQ(scalar("SELECT last_name FROM customers WHERE cust_id = 123"), "Last1");
  EXPECT_EQ(count_lines(s["CUSTOMERS"]["TruncationFile"].get<std::string>()), 491u);
}

TEST_P(LoadRules, PrepModesUseTheRenamedTable) {
  const std::string m = rules({selection("STG_TAGS_OLD"), transformation(2, "table", R"("table-name":"STG_TAGS_OLD")",
                                                                         "rename", R"("value":"Tags")")});
  auto mode = [](const char* p) { return std::string(R"({"FullLoadSettings":{"TargetTablePrepMode":")") + p + "\"}}"; };
  ASSERT_EQ(load(m, mode("DROP_AND_CREATE"), "a").exit_code, 0);
  ASSERT_EQ(load(m, mode("TRUNCATE_BEFORE_LOAD"), "b").exit_code, 0);  // truncates "Tags", then loads
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM \"Tags\""), std::to_string(kTags));
  auto r = load(m, mode("DO_NOTHING"), "c");  // appends: every row refused by the key
  EXPECT_EQ(r.exit_code, 3) << r.output;
  EXPECT_EQ(stats("c")["STG_TAGS_OLD"]["FullLoadErrorRows"], kTags);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM \"Tags\""), std::to_string(kTags));
}

// CreatePkAfterFullLoad: CREATE TABLE without its key, the rows loaded, then the key added (on
// DuckDB the key stays in CREATE TABLE). Either way the key exists at the end and refuses
// the same rows loaded again.
TEST_P(LoadRules, CreatePkAfterFullLoad) {
  const std::string m = rules({selection("CUSTOMERS")});
  auto r = load(m, R"({"FullLoadSettings":{"CreatePkAfterFullLoad":true}})", "a");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::string create, alter;
  for (const auto& f : fs::directory_iterator(dir_ / "a" / GetParam())) {
    std::ifstream in(f.path());
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    bool has_create = text.find("CREATE TABLE") != std::string::npos, has_alter = text.find("ALTER TABLE") != std::string::npos;
    if (has_create && !has_alter) create = text;  // one object per numbered file (the whole script aside)
    if (has_alter && !has_create && text.find("PRIMARY KEY") != std::string::npos) alter = text;
  }
  ASSERT_FALSE(create.empty());
  if (GetParam() == "duckdb") {
    EXPECT_NE(create.find("PRIMARY KEY"), std::string::npos) << create;
    EXPECT_TRUE(alter.empty()) << alter;
  } else {
    EXPECT_EQ(create.find("PRIMARY KEY"), std::string::npos) << create;
    EXPECT_NE(alter.find("ADD PRIMARY KEY (\"cust_id\")"), std::string::npos) << alter;
  }
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM customers"), std::to_string(kCustomers));
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM information_schema.table_constraints WHERE table_name = 'customers' "
                   "AND constraint_type = 'PRIMARY KEY'"),
            "1");
  r = load(m, R"({"FullLoadSettings":{"TargetTablePrepMode":"DO_NOTHING"}})", "b");
  EXPECT_EQ(r.exit_code, 3) << r.output;
  EXPECT_EQ(stats("b")["CUSTOMERS"]["FullLoadErrorRows"], kCustomers);
}

// TargetMetadata.TargetSchema: the tables are created, loaded, truncated, resumed and validated
// in that schema (created when missing), and nothing lands in the default one. A schema rule
// names the schema the same way; quoting keeps a name with a space and capitals as written.
TEST_P(LoadRules, TargetSchemaAndSchemaRules) {
  const std::string settings = R"({"TargetMetadata":{"TargetSchema":"stage"},"ValidationSettings":{"EnableValidation":true}})";
  auto r = load(rules({selection()}), settings, "a");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("target schema: \"stage\""), std::string::npos) << r.output;
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM stage.customers"), std::to_string(kCustomers));
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM stage.events"), std::to_string(kEvents));
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'customers' AND table_schema <> 'stage'"),
            "0");
  // Validation compared the source with the tables in that schema.
  json validation = e2e::read_json(dir_ / "a" / "validation.json");
  size_t validated = 0;
  for (const auto& t : validation["tables"]) validated += t["ValidationState"] == "Validated";
  EXPECT_EQ(validated, 3u) << validation.dump(1);
  // Again into the existing schema and tables, truncating them first.
  r = load(rules({selection()}),
           R"({"TargetMetadata":{"TargetSchema":"stage"},"FullLoadSettings":{"TargetTablePrepMode":"TRUNCATE_BEFORE_LOAD"}})", "b");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM stage.customers"), std::to_string(kCustomers));

  r = load(rules({selection("STG_TAGS_OLD"), transformation(2, "schema", R"("table-name":"%")", "rename",
                                                               R"("value":"Sales Hist")")}),
           "{}", "c");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM \"Sales Hist\".stg_tags_old"), std::to_string(kTags));
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'stg_tags_old' "
                   "AND table_schema NOT IN ('stage', 'Sales Hist')"),
            "0");
}

// Duplicate keys in the source (a define-primary-key rule on EVENTS.CODE, where ten rows say
// 'bad'): with the key created with the table the target refuses nine rows one by one; with
// CreatePkAfterFullLoad the nine later copies are moved to the reject file when the key is
// added. Either way: 991 loaded, 9 rejected, the key in place.
TEST_P(LoadRules, DuplicateKeysAreRejectedWhicheverWayTheKeyIsBuilt) {
  const std::string m = rules({selection("EVENTS"), transformation(2, "table", R"("table-name":"EVENTS")", "define-primary-key",
                                                                   R"("primary-key-def":{"name":"EV_CODE_PK","origin":"primary-key","columns":["CODE"]})")});
  for (const std::string run : {"during", "after"}) {
    SCOPED_TRACE(run);
    auto r = load(m, run == "after" ? R"({"FullLoadSettings":{"CreatePkAfterFullLoad":true}})" : "{}", run);
    ASSERT_EQ(r.exit_code, 3) << r.output;
    auto s = stats(run);
    EXPECT_EQ(s["EVENTS"]["FullLoadRows"], kEvents - kBadEvents + 1);
    EXPECT_EQ(s["EVENTS"]["FullLoadErrorRows"], kBadEvents - 1);
    EXPECT_EQ(count_lines(s["EVENTS"]["RejectFile"].get<std::string>()), static_cast<size_t>(kBadEvents - 1));
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM events"), std::to_string(kEvents - kBadEvents + 1));
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM events WHERE code = 'bad'"), "1");
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM information_schema.table_constraints WHERE table_name = 'events' "
                     "AND constraint_type = 'PRIMARY KEY'"),
              "1");
    if (run == "after" && GetParam() == "postgres") {
      std::ifstream rejects(s["EVENTS"]["RejectFile"].get<std::string>());
      std::string line;
      std::getline(rejects, line);
      EXPECT_NE(line.find("CreatePkAfterFullLoad"), std::string::npos) << line;
      EXPECT_NE(r.output.find("duplicate key moved to"), std::string::npos) << r.output;
    }
  }
}
