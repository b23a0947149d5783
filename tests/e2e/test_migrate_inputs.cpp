// migrate on inputs that are not clean: a malformed DDL statement and malformed data rows
// (located errors, reject records, nothing else lost), and Oracle's own SH files from the
// corpus (two data files missing there: loaded what exists, the rest reported as missing).
#include <gtest/gtest.h>

#include <fstream>

#include "e2e_util.h"
#include "require_env.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

void write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

std::vector<json> read_jsonl(const fs::path& p) {
  std::vector<json> out;
  std::ifstream f(p);
  std::string line;
  while (std::getline(f, line))
    if (!line.empty()) out.push_back(json::parse(line));
  return out;
}

const json* table_stats(const json& report, const std::string& name) {
  for (const auto& t : report["load"]["tables"])
    if (t["table"] == name) return &t;
  return nullptr;
}

}  // namespace

TEST(MigrateInputs, MalformedDdlAndRowsAreLocatedAndNothingElseIsLost) {
  fs::path dir = e2e::temp_dir("malformed");
  fs::create_directories(dir / "src");
  write(dir / "src" / "schema.sql",
        "REM one broken statement between two good ones\n"
        "CREATE TABLE items (\n"
        "  item_id NUMBER(6) CONSTRAINT items_pk PRIMARY KEY,\n"
        "  name    VARCHAR2(10) NOT NULL,\n"
        "  price   NUMBER(8,2),\n"
        "  added   DATE\n"
        ");\n"
        "\n"
        "CREATE TABLE broken (\n"
        "  id NUMBER(6),\n"
        "  oops VARCHAR2(10) NOT NULL DEFAULT\n"
        ");\n"
        "\n"
        "COMMENT ON TABLE items IS 'converted after the broken statement';\n");
  write(dir / "src" / "items.ctl",
        "LOAD DATA\nINFILE 'items.dat'\nINTO TABLE items\nAPPEND\n"
        "FIELDS TERMINATED BY '|' OPTIONALLY ENCLOSED BY '\"'\nTRAILING NULLCOLS\n"
        "(item_id, name, price, added DATE \"YYYY-MM-DD HH24:MI:SS\")\n");
  write(dir / "src" / "items.dat",
        "1|\"apple\"|1.50|2020-01-02 03:04:05\n"     // 1 ok
        "2|\"pear|ripe\"|2|2020-02-29 00:00:00\n"     // 2 ok: delimiter inside enclosure
        "x3|\"bad id\"|1|2020-01-01 00:00:00\n"       // 3 invalid number
        "4|\"much too long name\"|1|2020-01-01\n"     // 4 too long
        "5|\"bad date\"|1|2020-02-30 00:00:00\n"      // 5 invalid date
        "6||1|2020-01-01 00:00:00\n"                  // 6 NULL into NOT NULL
        "7|\"ok\"|123456.789|\n"                      // 7 ok: rounded like Oracle, NULL date
        "8|\"big\"|12345678|2020-01-01 00:00:00\n");  // 8 precision
  auto r = e2e::run_orashift({"migrate", "--source", "oracle-files:" + (dir / "src").string(), "--target",
                              "duckdb:" + (dir / "t.duckdb").string(), "--out", (dir / "out").string(), "--no-progress"});
  // 3 = verified, with rejected rows / source errors to review.
  ASSERT_EQ(r.exit_code, 3) << r.output;
  // The broken statement: one located diagnostic, compiler style.
  std::string loc = (dir / "src" / "schema.sql").string() + ":12:1: error [P0001]";
  EXPECT_NE(r.output.find(loc), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("schema.sql:14"), std::string::npos) << "the statement after it must parse";
  json report = e2e::read_json(dir / "out" / "report" / "report.json");
  const json* items = table_stats(report, "ITEMS");
  ASSERT_TRUE(items);
  EXPECT_EQ((*items)["rows_read"], 8);
  EXPECT_EQ((*items)["rows_loaded"], 3);
  EXPECT_EQ((*items)["rows_rejected"], 5);
  EXPECT_TRUE(report["verification"]["ok"].get<bool>());
  // One reject record per bad row, with file, line and an Oracle-style reason.
  auto rejects = read_jsonl((*items)["reject_file"].get<std::string>());
  ASSERT_EQ(rejects.size(), 5u);
  std::map<int, std::string> reason_by_line;
  for (const auto& j : rejects) {
    EXPECT_EQ(j["source"], (dir / "src" / "items.dat").string());
    reason_by_line[j["line"].get<int>()] = j["reason"];
  }
  EXPECT_NE(reason_by_line[3].find("ORA-01722"), std::string::npos);
  EXPECT_NE(reason_by_line[4].find("ORA-12899"), std::string::npos);
  EXPECT_NE(reason_by_line[5].find("ORA-018"), std::string::npos);
  EXPECT_NE(reason_by_line[6].find("ORA-01400"), std::string::npos);
  EXPECT_NE(reason_by_line[8].find("ORA-01438"), std::string::npos);
  // The parse error is an action item too, pointing at the statement.
  bool found = false;
  for (const auto& i : report["action_items"])
    if (i["code"] == "OS9002" && i["location"]["line"] == 12) found = true;
  EXPECT_TRUE(found);
  fs::remove_all(dir);
}

TEST(MigrateInputs, OracleShFromTheCorpus) {
  std::string sh = e2e::corpus_dir() + "/oracle-samples__db-sample-schemas/v21.1-legacy/sales_history";
  if (!fs::exists(sh)) ORASHIFT_SKIP_OR_FAIL() << "corpus not present at " << sh << " (../shared/corpus)";
  fs::path dir = e2e::temp_dir("oracle-sh");
  auto r = e2e::run_orashift({"migrate", "--source", "oracle-files:" + sh, "--target",
                              "duckdb:" + (dir / "sh.duckdb").string(), "--out", (dir / "out").string(), "--no-progress"});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  json report = e2e::read_json(dir / "out" / "report" / "report.json");
  EXPECT_TRUE(report["verification"]["ok"].get<bool>());
  EXPECT_TRUE(report["verification"]["channels"]["applicable"].get<bool>());
  // What exists is loaded in full, with nothing rejected.
  for (const auto& [table, rows] : std::map<std::string, int>{
           {"TIMES", 1826}, {"COUNTRIES", 23}, {"PRODUCTS", 72}, {"PROMOTIONS", 503}, {"CHANNELS", 5}, {"SALES", 2804}}) {
    const json* t = table_stats(report, table);
    ASSERT_TRUE(t) << table;
    EXPECT_EQ((*t)["rows_loaded"], rows) << table;
    EXPECT_EQ((*t)["rows_rejected"], 0) << table;
  }
  // The two data files Oracle's folder lacks are reported as missing, not as errors.
  auto missing_text = [&](const std::string& table) {
    const json* t = table_stats(report, table);
    return t ? (*t)["missing"].dump() : std::string();
  };
  EXPECT_NE(missing_text("SALES").find("sale1v3.dat"), std::string::npos);
  EXPECT_NE(missing_text("CUSTOMERS").find("cust1v3.dat"), std::string::npos);
  EXPECT_EQ((*table_stats(report, "CUSTOMERS"))["state"], "missing data");
  fs::remove_all(dir);
}
