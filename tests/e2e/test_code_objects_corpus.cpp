// Issue 14's measure: every PL/SQL unit of the shared corpus is converted for PostgreSQL,
// applied with `orashift apply` to the real test server (a fresh database per source, with
// plpgsql_check), and every function the units created is checked with plpgsql_check. Prints,
// per source, the units converted / created / check-clean; the units that do not reach
// check-clean are listed with their reason in tests/e2e/code_units_flagged.txt, so a change in
// that set fails here (ORASHIFT_UPDATE_GOLDEN=1 rewrites the list; review the diff).
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>

#include "browser_check.h"
#include "pinned_set.h"
#include "plsql_harness.h"
#include "require_env.h"

namespace fs = std::filesystem;

namespace {

struct UnitState {
  bool converted = true;   // not flagged by the converter
  bool created = true;     // every object applied
  bool clean = true;       // plpgsql_check found no error in its functions
  std::string reason;
};

// unit → functions that plpgsql_check reports errors for (first message kept).
std::map<std::string, std::string> check_errors(const std::string& url, std::map<std::string, std::string> fn_units,
                                                size_t& functions) {
  std::map<std::string, std::string> out;
  e2e::Session s(url);
  if (!s.ok()) return out;
  PGresult* r = PQexec(s.raw(),
                       "SELECT p.oid, n.nspname || '.' || p.proname, "
                       "COALESCE((SELECT tgrelid FROM pg_trigger t WHERE t.tgfoid = p.oid LIMIT 1), 0), "
                       "obj_description(p.oid, 'pg_proc') "
                       "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_language l ON l.oid = p.prolang "
                       "WHERE l.lanname = 'plpgsql' AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
                       "AND n.nspname NOT LIKE 'pg_%' ORDER BY 2");
  std::vector<std::tuple<std::string, std::string, std::string>> fns;
  for (int i = 0; i < PQntuples(r); ++i) fns.emplace_back(PQgetvalue(r, i, 0), PQgetvalue(r, i, 1), PQgetvalue(r, i, 2));
  PQclear(r);
  functions = fns.size();
  for (const auto& [oid, name, rel] : fns) {
    std::string sql = "SELECT message FROM plpgsql_check_function_tb(" + oid + "::regprocedure" +
                      (rel != "0" ? ", " + rel + "::regclass" : std::string()) + ") WHERE level = 'error' LIMIT 1";
    std::string msg = s(sql);
    if (msg == "NO ROWS") continue;
    auto it = fn_units.find(name);
    std::string unit = it == fn_units.end() ? "?" + name : it->second;
    if (!out.count(unit)) out[unit] = name + ": " + msg.substr(0, 120);
  }
  return out;
}

}  // namespace

TEST(CodeObjects, CorpusUnitsCreatedAndCheckClean) {
  auto sources = e2e::corpus_sources();
  if (sources.empty()) ORASHIFT_SKIP_OR_FAIL() << "corpus not found at " << e2e::corpus_dir() << " (../shared absent)";
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set (tests/e2e/pg_server.sh start …)";
  fs::path out = e2e::temp_dir("code-objects");
  std::set<std::string> actual;
  size_t total_units = 0, total_converted = 0, total_created = 0, total_clean = 0;
  std::printf("\n%-40s %6s %9s %8s %11s %6s\n", "source", "units", "converted", "created", "check-clean", "clean%");
  for (const auto& dir : sources) {
    std::string label = e2e::corpus_label(dir);
    fs::path conv = out / std::to_string(total_units) / "out";
    auto c = e2e::run_orashift({"convert", "--source", "oracle-files:" + dir, "--target", "postgres", "--out", conv.string()});
    ASSERT_TRUE(c.exit_code == 0 || c.exit_code == 1) << label << ": " << c.output;
    auto manifest = e2e::read_json(conv / "postgres" / "manifest.json");
    std::map<std::string, UnitState> units;
    for (const auto& o : manifest["objects"])
      if (o.contains("unit")) units[o["unit"].get<std::string>()];
    for (const auto& f : manifest["flagged"]) {
      std::string unit = f.value("unit", "");
      if (unit.empty()) continue;
      std::string code = f["code"].get<std::string>();
      // PL/SQL units only (the manifest names flagged tables and views too), whatever blocked them.
      bool is_unit = false;
      for (const char* k : {"PROCEDURE ", "FUNCTION ", "PACKAGE ", "TRIGGER ", "TYPE "})
        is_unit |= unit.rfind(k, 0) == 0;
      if (!is_unit) continue;
      auto& u = units[unit];
      u.converted = u.created = u.clean = false;
      if (u.reason.empty()) u.reason = "flagged " + f["code"].get<std::string>();
    }
    if (units.empty()) continue;
    std::string url = e2e::fresh_pg_database("code_" + std::to_string(total_units));
    ASSERT_FALSE(url.empty()) << "cannot create a database on ORASHIFT_TEST_PG";
    {
      e2e::Session s(url);
      ASSERT_EQ(s("CREATE EXTENSION plpgsql_check"), "OK") << "install postgresql-15-plpgsql-check (scripts/setup)";
    }
    fs::path res = conv / "apply.json";
    auto a = e2e::run_orashift({"apply", (conv / "postgres").string(), "--target", url, "--json", res.string()});
    ASSERT_TRUE(a.exit_code == 0 || a.exit_code == 1) << a.output;
    auto j = e2e::read_json(res);
    std::map<std::string, std::string> fn_units;  // schema.function → unit
    for (const auto& f : j["failed"]) {
      std::string unit = f.value("unit", "");
      if (unit.empty()) continue;
      auto& u = units[unit];
      if (!u.converted) continue;
      u.created = u.clean = false;
      if (u.reason.empty()) u.reason = "apply: " + f["error"].get<std::string>().substr(0, 120);
    }
    // Functions to units: the converted files name them; map by reading each applied file's heads.
    for (const auto& o : j["applied"]) {
      std::string unit = o.value("unit", "");
      if (unit.empty()) continue;
      std::ifstream in(conv / "postgres" / o["file"].get<std::string>());
      for (std::string line; std::getline(in, line);) {
        for (const char* head : {"CREATE OR REPLACE FUNCTION ", "CREATE OR REPLACE PROCEDURE "}) {
          if (line.rfind(head, 0) != 0) continue;
          std::string name = line.substr(std::string(head).size());
          name = name.substr(0, name.find('('));
          std::string plain;
          for (char ch : name)
            if (ch != '"') plain += ch;
          if (plain.find('.') == std::string::npos) plain = "public." + plain;
          fn_units[plain] = unit;
        }
      }
    }
    size_t functions = 0;
    for (const auto& [unit, msg] : check_errors(url, fn_units, functions)) {
      auto& u = units[unit];
      if (!u.created) continue;
      u.clean = false;
      if (u.reason.empty()) u.reason = "plpgsql_check: " + msg;
    }
    size_t n_conv = 0, n_created = 0, n_clean = 0;
    for (const auto& [unit, u] : units) {
      n_conv += u.converted;
      n_created += u.created;
      n_clean += u.clean;
      if (!u.clean) actual.insert(label + " | " + unit + " | " + u.reason);
    }
    std::printf("%-40s %6zu %9zu %8zu %11zu %5.1f%%\n", label.c_str(), units.size(), n_conv, n_created, n_clean,
                100.0 * n_clean / units.size());
    total_units += units.size();
    total_converted += n_conv;
    total_created += n_created;
    total_clean += n_clean;
  }
  std::printf("%-40s %6zu %9zu %8zu %11zu %5.1f%%\n", "corpus", total_units, total_converted, total_created, total_clean,
              total_units ? 100.0 * total_clean / total_units : 0.0);
  EXPECT_GT(total_clean, 0u);

  e2e::expect_pinned_set(actual, std::string(ORASHIFT_SOURCE_DIR) + "/tests/e2e/code_units_flagged.txt",
                         out / "code_units_flagged.actual.txt",
                         "# source | unit | why it is not check-clean — written by test_code_objects_corpus.cpp",
                         "newly not check-clean", "now check-clean");
}
