// SQL*Loader beyond delimited fields, end to end through `orashift migrate`: the fixture
// tests/data/sqlldr_lob (CONTINUEIF NEXT, two INTO TABLE clauses with WHEN, FILLER and
// BOUNDFILLER, LOBFILE by field and by constant, BFILE, COLUMN OBJECT) into DuckDB and
// PostgreSQL, and Oracle's product_media control files from the corpus (LOBFILEs that are not
// shipped, a nested table, SID): what the target can hold is loaded, the rest reported per
// field or per record with its reason and line.
#include <gtest/gtest.h>

#include <fstream>

#include "e2e_util.h"
#include "endpoints/factory.h"
#include "require_env.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::vector<json> read_jsonl(const fs::path& p) {
  std::vector<json> out;
  std::ifstream f(p);
  std::string line;
  while (std::getline(f, line))
    if (!line.empty()) out.push_back(json::parse(line));
  return out;
}

const json& table_stats(const json& report, const std::string& name) {
  for (const auto& t : report["load"]["tables"])
    if (t["table"] == name) return t;
  static const json none;
  ADD_FAILURE() << "no load statistics for " << name;
  return none;
}

std::vector<std::vector<std::string>> rows(orashift::TargetEndpoint& t, const std::string& sql) {
  std::vector<std::vector<std::string>> out;
  for (const auto& r : t.query(sql).rows) {
    out.emplace_back();
    for (const auto& c : r) out.back().push_back(c.value_or("NULL"));
  }
  return out;
}

std::string fixture() { return std::string(ORASHIFT_SOURCE_DIR) + "/tests/data/sqlldr_lob"; }

// The same rows, rejects and counts whatever the target; `hex` is the target's SQL for a
// BLOB column as upper-case hexadecimal.
void check_fixture(const std::string& target_url, const fs::path& out, const std::string& hex) {
  auto r = e2e::run_orashift({"migrate", "--source", "oracle-files:" + fixture(), "--target", target_url, "--out",
                              out.string(), "--no-progress"});
  ASSERT_EQ(r.exit_code, 3) << r.output;  // verified, with rejected rows to review
  json report = e2e::read_json(out / "report" / "report.json");
  EXPECT_TRUE(report["verification"]["ok"].get<bool>()) << r.output;
  // MEDIA: 3 'M' records (2 loaded, 1 rejected) + the 'X' record no clause takes (filtered).
  const json& media = table_stats(report, "MEDIA");
  EXPECT_EQ(media["rows_read"], 4);
  EXPECT_EQ(media["rows_loaded"], 2);
  EXPECT_EQ(media["rows_rejected"], 1);
  EXPECT_EQ(media["rows_filtered"], 1);
  // NOTES: 3 'N' records, one of them over two physical lines; one rejected.
  const json& notes = table_stats(report, "NOTES");
  EXPECT_EQ(notes["rows_read"], 3);
  EXPECT_EQ(notes["rows_loaded"], 2);
  EXPECT_EQ(notes["rows_rejected"], 1);
  EXPECT_EQ(notes["rows_filtered"], 0);
  // Rejects name the first physical line of their logical record, with Oracle's reason.
  auto media_rejects = read_jsonl(media["reject_file"].get<std::string>());
  ASSERT_EQ(media_rejects.size(), 1u);
  EXPECT_EQ(media_rejects[0]["line"], 6);
  EXPECT_NE(media_rejects[0]["reason"].get<std::string>().find("HDR.MADE"), std::string::npos) << media_rejects[0];
  EXPECT_NE(media_rejects[0]["reason"].get<std::string>().find("ORA-018"), std::string::npos) << media_rejects[0];
  EXPECT_EQ(media_rejects[0]["record"], "M,2,second,body1.txt,g2.jpg,\"hdr two\",2001-02-30");
  auto notes_rejects = read_jsonl(notes["reject_file"].get<std::string>());
  ASSERT_EQ(notes_rejects.size(), 1u);
  EXPECT_EQ(notes_rejects[0]["line"], 10);
  EXPECT_NE(notes_rejects[0]["reason"].get<std::string>().find("ORA-01722"), std::string::npos) << notes_rejects[0];
  // The LOBFILE that is not there: the row loads, the field is reported with its file and line.
  std::string media_notes = media["notes"].dump();
  EXPECT_NE(media_notes.find("column BODY: LOBFILE not found"), std::string::npos) << media_notes;
  EXPECT_NE(media_notes.find("media.dat:9: missing.txt"), std::string::npos) << media_notes;
  EXPECT_NE(r.output.find("MEDIA: note: column BODY: LOBFILE not found"), std::string::npos) << r.output;

  auto target = orashift::make_target(target_url);
  std::ifstream body_file(fixture() + "/body1.txt", std::ios::binary);
  std::string body((std::istreambuf_iterator<char>(body_file)), std::istreambuf_iterator<char>());
  auto m = rows(*target, "SELECT id, title, body_name, body, " + hex + ", graphic, hdr FROM media ORDER BY id");
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0], (std::vector<std::string>{"1", "FIRST ITEM", "body1.txt", body, "89504E470D0A1A0A",
                                            "BFILENAME('MEDIA_DIR', 'file1.jpg')",
                                            "{\"NAME\":\"hdr one\",\"MADE\":\"2001-01-17 00:00:00\"}"}));
  EXPECT_EQ(m[1], (std::vector<std::string>{"3", "THIRD", "missing.txt", "NULL", "89504E470D0A1A0A", "NULL", "NULL"}));
  auto n = rows(*target, "SELECT media_id, line_no, text FROM notes ORDER BY line_no");
  EXPECT_EQ(n, (std::vector<std::vector<std::string>>{{"1", "1", "a note"}, {"1", "2", "another note"}}));
}

}  // namespace

TEST(SqlLoaderLob, FixtureIntoDuckDb) {
  fs::path dir = e2e::temp_dir("sqlldr-lob-duck");
  check_fixture("duckdb:" + (dir / "t.duckdb").string(), dir / "out", "upper(hex(photo))");
  if (!::testing::Test::HasFailure()) fs::remove_all(dir);
}

TEST(SqlLoaderLob, FixtureIntoPostgres) {
  std::string pg = e2e::fresh_pg_database("sqlldr_lob");
  if (pg.empty()) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set or server unreachable";
  fs::path dir = e2e::temp_dir("sqlldr-lob-pg");
  check_fixture(pg, dir / "out", "upper(encode(photo, 'hex'))");
  if (!::testing::Test::HasFailure()) fs::remove_all(dir);
}

// Schema commands never fail because of a data control file: convert and assess on a folder
// whose control file uses what orashift cannot load report it as a warning and succeed.
TEST(SqlLoaderLob, SchemaCommandsReportUnloadableControlFiles) {
  fs::path dir = e2e::temp_dir("sqlldr-schema");
  fs::create_directories(dir / "src");
  std::ofstream(dir / "src" / "schema.sql") << "CREATE TABLE t (a NUMBER(3), b VARCHAR2(10));\n";
  std::ofstream(dir / "src" / "t.ctl") << "LOAD DATA INFILE 't.dat' \"fix 10\"\nINTO TABLE t (a POSITION(1:3), b INTEGER(4))\n";
  std::ofstream(dir / "src" / "t.dat") << "1  abcd\n";
  for (const char* cmd : {"convert", "assess"}) {
    auto r = e2e::run_orashift({cmd, "--source", "oracle-files:" + (dir / "src").string(), "--target", "duckdb", "--out",
                                (dir / cmd).string()});
    EXPECT_EQ(r.exit_code, 0) << cmd << ": " << r.output;
    if (std::string(cmd) == "convert") {
      EXPECT_NE(r.output.find("warning [LDR002] control file cannot be loaded: not supported"), std::string::npos) << r.output;
    }
    std::string diags;  // the report lists it either way
    for (const auto& e : fs::recursive_directory_iterator(dir / cmd))
      if (e.path().filename() == "report.json") diags += e2e::read_json(e.path())["diagnostics"].dump();
    EXPECT_NE(diags.find("control file cannot be loaded: not supported"), std::string::npos) << cmd << ": " << diags;
  }
  // migrate still refuses to load it, and says why.
  auto m = e2e::run_orashift({"migrate", "--source", "oracle-files:" + (dir / "src").string(), "--target",
                              "duckdb:" + (dir / "t.duckdb").string(), "--out", (dir / "mig").string(), "--no-progress"});
  EXPECT_NE(m.exit_code, 0) << m.output;
  EXPECT_NE(m.output.find("error [LDR002]"), std::string::npos) << m.output;
  if (!::testing::Test::HasFailure()) fs::remove_all(dir);
}

// Oracle's product_media: pm_p_lob.ctl loads PRINT_MEDIA from 4 logical records over 22
// physical lines. Its LOB files (gif, jpg, txt) are not in the sample's folder: each row loads
// with those columns NULL and every such field is counted with its cause. BFILE becomes
// BFILENAME text, the COLUMN OBJECT a JSON object, SID is reported; the 'T' records have no
// table (their nested table is text on the target), reported as missing with the reason.
TEST(SqlLoaderLob, CorpusProductMedia) {
  fs::path pm = fs::path(e2e::corpus_dir()) / "oracle-samples__db-sample-schemas" / "main" / "product_media";
  if (!fs::exists(pm)) ORASHIFT_SKIP_OR_FAIL() << "corpus not present: " << pm;
  fs::path dir = e2e::temp_dir("sqlldr-pm");
  auto r = e2e::run_orashift({"migrate", "--source", "oracle-files:" + pm.string(), "--target",
                              "duckdb:" + (dir / "pm.duckdb").string(), "--out", (dir / "out").string(), "--no-progress"});
  json report = e2e::read_json(dir / "out" / "report" / "report.json");
  const json& pmt = table_stats(report, "PRINT_MEDIA");
  EXPECT_EQ(pmt["rows_loaded"], 4) << r.output;
  EXPECT_EQ(pmt["rows_rejected"], 0) << r.output;
  // The 12 'T' records go to a clause that cannot load: counted once, as filtered, with a note.
  EXPECT_EQ(pmt["rows_filtered"], 12) << r.output;
  EXPECT_EQ(pmt["rows_read"], 16) << r.output;
  EXPECT_TRUE(report["verification"]["ok"].get<bool>()) << r.output;
  std::string notes = pmt["notes"].dump();
  EXPECT_NE(notes.find("records for INTO TABLE TEXTDOCS_NESTEDTAB (clause 2) counted as filtered here, not loaded: "
                       "control file has errors: "),
            std::string::npos) << notes;
  EXPECT_NE(notes.find(": 12 row(s); first at "), std::string::npos) << notes;
  for (const char* col : {"AD_COMPOSITE", "AD_SOURCETEXT", "AD_FINALTEXT", "AD_FLTEXTN", "AD_PHOTO", "AD_HEADER.LOGO"})
    EXPECT_NE(notes.find(std::string("column ") + col + ": LOBFILE not found, loaded NULL (Oracle loads an empty LOB): 4 row(s)"),
              std::string::npos) << col << " " << notes;
  EXPECT_NE(r.output.find("warning [LDR018] field AD_TEXTDOCS_NTAB not loaded (column NULL)"), std::string::npos) << r.output;
  auto target = orashift::make_target("duckdb:" + (dir / "pm.duckdb").string());
  auto m = rows(*target, "SELECT product_id, ad_id, ad_graphic, ad_header FROM print_media ORDER BY ad_id");
  ASSERT_EQ(m.size(), 4u);
  EXPECT_EQ(m[0][0], "3060");
  EXPECT_EQ(m[0][1], "11001");
  EXPECT_EQ(m[0][2], "BFILENAME('MEDIA_DIR', 'monitor.jpg')");
  EXPECT_EQ(m[0][3], "{\"HEADER_NAME\":\"monitor3060\",\"CREATION_DATE\":\"2001-01-17 00:00:00\","
                     "\"HEADER_TEXT\":\"TIGER2 3060 Monitor...an Exceptional Visual Experience\",\"LOGO\":null}");
  // TEXTDOCS_NESTEDTAB is no table of the target: its clause is listed with the reason.
  bool listed = false;
  for (const auto& t : report["load"]["tables"])
    for (const auto& miss : t["missing"])
      if (miss.get<std::string>().find("storage table of nested table column PRINT_MEDIA.AD_TEXTDOCS_NTAB") != std::string::npos)
        listed = true;
  EXPECT_TRUE(listed) << r.output;
  if (!::testing::Test::HasFailure()) fs::remove_all(dir);
}
