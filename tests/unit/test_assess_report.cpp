// The assessment model and its report formats over a small schema written here: statuses,
// effort, levels, the settings override, and escaping of hostile source text.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "assess/assessment.h"
#include "assess/effort_model.h"
#include "assess/report_writers.h"
#include "assess/summary_report.h"
#include "cli/conversion.h"
#include "endpoints/oracle_files/oracle_files_source.h"

using namespace orashift;
namespace fs = std::filesystem;

namespace {

const char* kSchema = R"(-- demo schema
CREATE TABLE dept (id NUMBER(4) PRIMARY KEY, name VARCHAR2(30));
CREATE TABLE emp (id NUMBER PRIMARY KEY, dept_id NUMBER REFERENCES dept(id), hired DATE DEFAULT SYSDATE);
CREATE INDEX emp_dept_ix ON emp (dept_id);
CREATE OR REPLACE PROCEDURE raise_all IS
  -- </script><script>alert(1)</script> and <!-- a comment opener
  l_ids SYS.ODCINUMBERLIST;
BEGIN
  SELECT id BULK COLLECT INTO l_ids FROM emp;
  EXECUTE IMMEDIATE 'UPDATE emp SET id = id';
END;
/
GRANT SELECT ON emp TO public;
)";

struct Fixture {
  fs::path dir;
  std::unique_ptr<OracleFilesSource> source;
  cli::ConversionOutput conv;
  RunSummary summary;
  EffortModel model = EffortModel::defaults();

  explicit Fixture(const std::string& name, Dialect dialect = Dialect::Redshift) {
    dir = fs::temp_directory_path() / ("orashift-assess-" + name + "-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::ofstream(dir / "schema.sql") << kSchema;
    OracleFilesOptions o;
    o.dir = dir.string();
    o.ddl_files = {(dir / "schema.sql").string()};
    source = std::make_unique<OracleFilesSource>(o);
    conv = cli::convert_and_write(*source, dialect, (dir / "out").string());
    summary.command = "assess";
    summary.source = source->describe();
    summary.target = dialect_name(dialect);
    summary.catalog = &source->catalog();
    summary.diagnostics = &source->diagnostics();
    summary.schema = &conv.schema;
    summary.items = &conv.items;
    summary.effort = &model;
  }
  ~Fixture() { fs::remove_all(dir); }
};

const AssessedObject* find(const Assessment& a, const std::string& display) {
  for (const auto& o : a.objects)
    if (o.display() == display) return &o;
  return nullptr;
}

}  // namespace

TEST(AssessReport, ObjectsStatusesAndEffort) {
  Fixture f("model");
  Assessment a = build_assessment(f.summary);
  const AssessedObject* proc = find(a, "PROCEDURE RAISE_ALL");
  ASSERT_NE(proc, nullptr);
  EXPECT_TRUE(proc->code);
  EXPECT_EQ(proc->status, kStatusManual);
  EXPECT_EQ(proc->constructs.at("BULK COLLECT"), 1u);
  EXPECT_EQ(proc->constructs.at("EXECUTE IMMEDIATE"), 1u);
  const AssessedObject* ix = find(a, "INDEX EMP_DEPT_IX");
  ASSERT_NE(ix, nullptr);
  EXPECT_EQ(ix->status, kStatusNotApplicable);  // Redshift has no indexes
  ASSERT_NE(find(a, "TABLE DEPT"), nullptr);
  EXPECT_EQ(find(a, "GRANT"), nullptr);  // not an object, only an item
  // BULK COLLECT = 5 units × 5 min × 2 (Redshift) = 50 min.
  double bulk = 0, total = 0;
  for (const auto& i : a.items) {
    total += i.hours;
    if (i.kind->code == std::string("OS5002")) bulk = i.hours;
  }
  EXPECT_NEAR(bulk, 5 * 5 / 60.0 * 2, 1e-9);
  EXPECT_NEAR(a.hours, total, 1e-9);
  EXPECT_EQ(a.difficulty, 5);
  EXPECT_EQ(a.level, 'B');
  EXPECT_GE(a.auto_share_storage, 0.99);  // tables convert (with notes)
  EXPECT_EQ(a.auto_share_code, 0.0);
}

TEST(AssessReport, EffortSettingsOverride) {
  Fixture f("settings");
  fs::path p = f.dir / "effort.json";
  std::ofstream(p) << R"({"_comment": "x", "construct_units": {"OS5002": 10}, "target_factor": {"redshift": 1}})";
  f.model = load_effort_model(p.string());
  Assessment a = build_assessment(f.summary);
  for (const auto& i : a.items)
    if (i.kind->code == std::string("OS5002")) {
      EXPECT_NEAR(i.hours, 10 * 5 / 60.0, 1e-9);
    }
  std::ofstream(p) << R"({"construct_unit": {}})";
  EXPECT_THROW(load_effort_model(p.string()), std::runtime_error);
}

TEST(AssessReport, HostileSourceTextIsEscaped) {
  Fixture f("escape");
  std::string html = summary_html(f.summary);
  EXPECT_EQ(html.find("<script>alert(1)"), std::string::npos);
  EXPECT_EQ(html.find("<!-- a comment"), std::string::npos);
  EXPECT_NE(html.find("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  size_t scripts = 0;
  for (size_t p = html.find("<script"); p != std::string::npos; p = html.find("<script", p + 1)) ++scripts;
  EXPECT_EQ(scripts, 1u);  // only the report's own
  EXPECT_EQ(html.find("http://"), html.find("http://www.w3.org/2000/svg"));  // no network references
  EXPECT_EQ(html.find("https://"), std::string::npos);
}

TEST(AssessReport, JsonAndCsvAgree) {
  Fixture f("json");
  auto j = nlohmann::json::parse(summary_json(f.summary));
  EXPECT_EQ(j["schema_version"], kReportSchemaVersion);
  double sum = 0;
  for (const auto& i : j["action_items"]) {
    sum += i["effort_hours"].get<double>();
    ASSERT_TRUE(i["location"].is_object()) << i.dump();
    EXPECT_GE(i["location"]["line"].get<int>(), 1);
  }
  EXPECT_NEAR(sum, j["summary"]["estimated_effort_hours"].get<double>(), 1e-6);
  EXPECT_EQ(j["summary"]["migration_level"], "B-5");
  write_summary(f.summary, (f.dir / "report").string());
  for (const char* name : {"report.json", "report.html", "action_items.csv", "action_codes.csv", "objects.csv"})
    EXPECT_TRUE(fs::exists(f.dir / "report" / name)) << name;
  std::ifstream csv(f.dir / "report" / "action_items.csv");
  size_t rows = 0;
  for (std::string line; std::getline(csv, line);) ++rows;
  EXPECT_EQ(rows, j["action_items"].size() + 1);
}
