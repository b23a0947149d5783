// Issue 4's "done when": every Oracle sample schema of the corpus (main and v21.1) is converted
// for PostgreSQL and DuckDB and applied with `orashift apply` to the real test PostgreSQL server
// (a fresh database per schema) and to a DuckDB file. No object that the conversion did not flag
// may fail; every flagged object — skipped, or applied with an action item and failing — is
// listed with its code in tests/e2e/corpus_flagged.txt, so a change in what is flagged fails here.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>

#include "browser_check.h"
#include "require_env.h"

namespace fs = std::filesystem;

namespace {

std::string schema_label(const std::string& dir) {
  fs::path p(dir);
  return p.parent_path().filename().string() + "/" + p.filename().string();
}

std::vector<std::string> sample_schemas() {
  std::vector<std::string> out;
  for (const auto& s : e2e::corpus_sources())
    if (s.find("oracle-samples__db-sample-schemas") != std::string::npos) out.push_back(s);
  return out;
}

std::string codes_text(const nlohmann::json& codes) {
  std::string out;
  for (const auto& c : codes) out += (out.empty() ? "" : ",") + c.get<std::string>();
  return out.empty() ? "-" : out;
}

size_t pg_table_count(const std::string& url) {
  PGconn* c = PQconnectdb(url.c_str());
  PGresult* r = PQexec(c, "SELECT count(*) FROM pg_class WHERE relkind IN ('r', 'p') AND NOT relispartition "
                          "AND relnamespace = 'public'::regnamespace");
  size_t n = PQresultStatus(r) == PGRES_TUPLES_OK ? std::stoul(PQgetvalue(r, 0, 0)) : static_cast<size_t>(-1);
  PQclear(r);
  PQfinish(c);
  return n;
}

}  // namespace

TEST(CorpusApply, SampleSchemasApplyToPostgresAndDuckDb) {
  auto schemas = sample_schemas();
  if (schemas.empty()) ORASHIFT_SKIP_OR_FAIL() << "corpus not found at " << e2e::corpus_dir() << " (../shared absent)";
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set (tests/e2e/pg_server.sh start …)";
  fs::path out = e2e::temp_dir("corpus-apply");
  std::set<std::string> actual;
  size_t applied_total = 0, unflagged_failures = 0;
  std::printf("\n%-36s %-9s %8s %7s %8s\n", "schema", "target", "applied", "failed", "skipped");
  for (const auto& dir : schemas) {
    std::string label = schema_label(dir);
    for (const char* dialect : {"postgres", "duckdb"}) {
      fs::path conv = out / (label.substr(0, label.find('/')) + "_" + fs::path(dir).filename().string()) / dialect;
      auto c = e2e::run_orashift({"convert", "--source", "oracle-files:" + dir, "--target", dialect, "--out",
                                  conv.parent_path().string()});
      ASSERT_TRUE(c.exit_code == 0 || c.exit_code == 1) << label << " " << dialect << ": " << c.output;
      ASSERT_TRUE(fs::exists(conv / "manifest.json")) << c.output;
      std::string url;
      if (std::string(dialect) == "postgres") {
        url = e2e::fresh_pg_database("corpus_" + fs::path(dir).filename().string().substr(0, 20) + "_" +
                                     label.substr(0, label.find('/')).substr(0, 4));
        ASSERT_FALSE(url.empty()) << "cannot create a database on ORASHIFT_TEST_PG";
      } else {
        url = "duckdb:" + (conv / "schema.duckdb").string();
      }
      fs::path res = conv / "apply.json";
      auto a = e2e::run_orashift({"apply", conv.string(), "--target", url, "--json", res.string()});
      ASSERT_TRUE(a.exit_code == 0 || a.exit_code == 1) << a.output;
      auto j = e2e::read_json(res);
      for (const auto& f : j["failed"]) {
        std::string codes = codes_text(f["action_items"]);
        actual.insert(label + " " + dialect + " FAILED " + f["kind"].get<std::string>() + " " +
                      f["name"].get<std::string>() + " " + codes);
        if (codes == "-") {
          ++unflagged_failures;
          ADD_FAILURE() << label << " " << dialect << ": unflagged object failed: " << f.dump();
        }
      }
      for (const auto& s : j["skipped"])
        actual.insert(label + " " + dialect + " SKIPPED " + s["kind"].get<std::string>() + " " +
                      s["name"].get<std::string>() + " " + s["code"].get<std::string>());
      const auto& sum = j["summary"];
      applied_total += sum["applied"].get<size_t>();
      std::printf("%-36s %-9s %8zu %7zu %8zu\n", label.c_str(), dialect, sum["applied"].get<size_t>(),
                  sum["failed"].get<size_t>(), sum["skipped"].get<size_t>());
      EXPECT_EQ(sum["applied"].get<size_t>(), j["applied"].size());
      // The database really holds the tables apply reports (partitions not counted).
      if (std::string(dialect) == "postgres") {
        size_t tables = 0;
        for (const auto& o : j["applied"]) tables += o["kind"] == "TABLE";
        EXPECT_EQ(pg_table_count(url), tables) << label;
      }
    }
  }
  std::printf("objects applied: %zu, unflagged failures: %zu\n", applied_total, unflagged_failures);
  EXPECT_GT(applied_total, 0u);

  std::string expected_path = std::string(ORASHIFT_SOURCE_DIR) + "/tests/e2e/corpus_flagged.txt";
  std::set<std::string> expected;
  std::ifstream in(expected_path);
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') expected.insert(line);
  fs::path actual_path = out / "corpus_flagged.actual.txt";
  {
    std::ofstream f(actual_path);
    f << "# schema target FAILED|SKIPPED kind name code(s) — written by test_corpus_apply.cpp\n";
    for (const auto& l : actual) f << l << "\n";
  }
  // ORASHIFT_UPDATE_GOLDEN=1 rewrites the expected list (as for the golden DDL tests); review the diff.
  if (std::getenv("ORASHIFT_UPDATE_GOLDEN")) {
    std::filesystem::copy_file(actual_path, expected_path, std::filesystem::copy_options::overwrite_existing);
    return;
  }
  for (const auto& l : actual)
    EXPECT_TRUE(expected.count(l)) << "newly flagged: " << l << "\n(actual list: " << actual_path << ")";
  for (const auto& l : expected)
    EXPECT_TRUE(actual.count(l)) << "no longer flagged: " << l << "\n(actual list: " << actual_path << ")";
}
