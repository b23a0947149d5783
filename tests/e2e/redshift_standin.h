#pragma once
// The Redshift stand-in: no Redshift cluster can be reached from the test machine, so the
// Redshift output of a PL/SQL program runs on the test PostgreSQL server instead. The tables come
// from the same program converted for PostgreSQL; the code objects are the Redshift output, with
// three spellings PostgreSQL lacks adapted as text (NONATOMIC dropped, VARCHAR(MAX) → varchar,
// DATEDIFF(part, …)/DATEADD(part, …) → the shim's datediff('part', …)) and the shim of
// tests/e2e/redshift_standin.sql on the search path. What this cannot show — Redshift's handler
// and transaction semantics, NONATOMIC, the one-open-cursor limit — is listed in the README.
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "plsql_harness.h"

namespace e2e {

inline std::string adapt_for_standin(std::string sql) {
  sql = std::regex_replace(sql, std::regex("\\) NONATOMIC\\n"), ")\n");
  sql = std::regex_replace(sql, std::regex("VARCHAR\\(MAX\\)"), "varchar");
  sql = std::regex_replace(sql, std::regex("\\b(DATEDIFF|DATEADD)\\((\\w+),", std::regex::icase), "$1('$2',");
  return sql;
}

struct StandinUnits {
  std::string url;
  std::set<std::string> flagged;       // units the Redshift conversion flagged (not applied)
  std::vector<std::string> failures;   // objects PostgreSQL refused: "file: error"
  std::string convert_output;
  std::filesystem::path redshift_out;  // the Redshift conversion's --out (report/report.json)
};

inline StandinUnits convert_and_apply_redshift(const std::string& name, const std::string& oracle_script) {
  StandinUnits out;
  auto dir = temp_dir("standin-" + name);
  std::filesystem::create_directories(dir / "src");
  std::ofstream(dir / "src" / "install.sql", std::ios::binary) << oracle_script;
  auto pg = run_orashift({"convert", "--source", "oracle-files:" + (dir / "src").string(), "--target", "postgres", "--types",
                          "declared", "--out", (dir / "pg").string()});
  auto rs = run_orashift({"convert", "--source", "oracle-files:" + (dir / "src").string(), "--target", "redshift", "--types",
                          "declared", "--out", (dir / "rs").string()});
  out.convert_output = pg.output + rs.output;
  out.redshift_out = dir / "rs";
  out.url = fresh_pg_database("standin_" + name);
  if (out.url.empty()) return out;
  Session s(out.url);
  if (!s.ok()) return out;
  std::string shim = read_text(std::string(ORASHIFT_SOURCE_DIR) + "/tests/e2e/redshift_standin.sql");
  if (std::string r = s(shim); r.rfind("ERROR", 0) == 0) out.failures.push_back("shim: " + r);
  s("ALTER DATABASE \"" + out.url.substr(out.url.rfind('/') + 1) + "\" SET search_path = public, redshift_shim");
  Session t(out.url);  // a new session sees the search path
  auto pg_manifest = read_json(dir / "pg" / "postgres" / "manifest.json");
  for (const auto& o : pg_manifest["objects"])
    if (o["kind"] == "TABLE")
      if (std::string r = t(read_text(dir / "pg" / "postgres" / o["file"].get<std::string>())); r.rfind("ERROR", 0) == 0)
        out.failures.push_back(o["file"].get<std::string>() + ": " + r);
  auto rs_manifest = read_json(dir / "rs" / "redshift" / "manifest.json");
  for (const auto& f : rs_manifest["flagged"])
    if (f.contains("unit")) out.flagged.insert(f["unit"].get<std::string>());
  for (const auto& o : rs_manifest["objects"]) {
    if (!o.contains("unit") || out.flagged.count(o["unit"].get<std::string>())) continue;
    std::string sql = adapt_for_standin(read_text(dir / "rs" / "redshift" / o["file"].get<std::string>()));
    if (std::string r = t(sql); r.rfind("ERROR", 0) == 0) out.failures.push_back(o["file"].get<std::string>() + ": " + r);
  }
  return out;
}

}  // namespace e2e
