#include <gtest/gtest.h>

#include <filesystem>

#include "endpoints/oracle_files/control_file.h"
#include "require_env.h"

using namespace orashift;

static const char* kSalesHistory = ORASHIFT_SOURCE_DIR "/../shared/corpus/oracle-samples__db-sample-schemas/v21.1-legacy/sales_history";

static std::string first_error(const ControlFile& cf) {
  for (const auto& d : cf.diagnostics.items())
    if (d.severity == Severity::Error) return d.span.location() + ": " + d.message;
  return "";
}

TEST(ControlFile, ParsesHeaderClausesAndFieldSyntax) {
  ControlFile cf = parse_control_file("t.ctl", R"CTL(-- comment
OPTIONS (SKIP=1, ERRORS=50)
LOAD DATA CHARACTERSET UTF8
INFILE 'sales.dat' BADFILE 'sales.bad' DISCARDFILE 'sales.dsc'
APPEND
INTO TABLE sh.sales
TRUNCATE
FIELDS TERMINATED BY X'7C' OPTIONALLY ENCLOSED BY '"' AND '"'
TRAILING NULLCOLS
( a FILLER,
  b BOUNDFILLER CHAR(10),
  c POSITION(1:4) CHAR,
  d DATE(19) "YYYY-MM-DD-HH24-MI-SS",
  e TIMESTAMP "YYYY-MM-DD HH24:MI:SS.FF",
  f INTEGER EXTERNAL(6) TERMINATED BY WHITESPACE,
  g DECIMAL EXTERNAL NULLIF g = BLANKS,
  h FLOAT EXTERNAL DEFAULTIF (h = '0') AND b != 'x',
  i CHAR ENCLOSED BY '<' AND '>' "UPPER(:i)",
  j "TO_NUMBER(:j,'99999999.99')",
  k CONSTANT 'K', l SYSDATE, m RECNUM, n SEQUENCE(10, 2),
  "Quoted" CHAR PRESERVE BLANKS
))CTL");
  ASSERT_TRUE(cf.ok()) << first_error(cf);
  EXPECT_EQ(cf.skip, 1);
  EXPECT_EQ(cf.characterset, "UTF8");
  ASSERT_EQ(cf.infiles.size(), 1u);
  EXPECT_EQ(cf.infiles[0].name, "sales.dat");
  EXPECT_FALSE(cf.infiles[0].placeholder);
  EXPECT_EQ(cf.method, LoadMethod::Append);
  ASSERT_EQ(cf.tables.size(), 1u);
  const IntoTable& t = cf.tables[0];
  EXPECT_EQ(t.schema, "SH");
  EXPECT_EQ(t.name, "SALES");
  EXPECT_EQ(t.method, LoadMethod::Truncate);
  EXPECT_EQ(t.terminator->text, "|");
  EXPECT_TRUE(t.enclosure->optional);
  EXPECT_TRUE(t.trailing_nullcols);
  ASSERT_EQ(t.fields.size(), 15u);
  EXPECT_TRUE(t.fields[0].filler);
  EXPECT_TRUE(t.fields[1].boundfiller);
  EXPECT_EQ(t.fields[1].length, 10);
  EXPECT_EQ(t.fields[2].position_start, 1);
  EXPECT_EQ(t.fields[2].position_end, 4);
  EXPECT_EQ(t.fields[3].type, CtlFieldType::Date);
  EXPECT_EQ(t.fields[3].mask, "YYYY-MM-DD-HH24-MI-SS");
  EXPECT_TRUE(t.fields[3].date_mask.has_value());
  EXPECT_EQ(t.fields[4].type, CtlFieldType::Timestamp);
  EXPECT_EQ(t.fields[5].type, CtlFieldType::IntegerExternal);
  EXPECT_TRUE(t.fields[5].terminator->whitespace);
  EXPECT_TRUE(t.fields[6].nullif->all[0].blanks);
  ASSERT_EQ(t.fields[7].defaultif->all.size(), 2u);
  EXPECT_TRUE(t.fields[7].defaultif->all[1].not_equal);
  EXPECT_EQ(t.fields[8].enclosure->close, ">");
  EXPECT_EQ(t.fields[8].sql, "UPPER(:i)");
  ASSERT_TRUE(t.fields[9].expr);
  EXPECT_EQ(t.fields[9].expr->name, "TO_NUMBER");
  EXPECT_EQ(t.fields[10].constant, "K");
  EXPECT_EQ(t.fields[11].type, CtlFieldType::Sysdate);
  EXPECT_EQ(t.fields[12].type, CtlFieldType::Recnum);
  EXPECT_EQ(t.fields[13].sequence_start, 10);
  EXPECT_EQ(t.fields[14].name, "Quoted");
  EXPECT_EQ(t.fields[14].preserve_blanks, true);
}

TEST(ControlFile, PlaceholderInfileAndBeginData) {
  ControlFile a = parse_control_file("a.ctl", "LOAD DATA INFILE data INTO TABLE x FIELDS TERMINATED BY '|' (a)");
  ASSERT_TRUE(a.ok()) << first_error(a);
  EXPECT_TRUE(a.infiles[0].placeholder);
  EXPECT_TRUE(a.named_infiles().empty());
  ControlFile b = parse_control_file("b.ctl", "LOAD DATA\nINFILE *\nINTO TABLE x FIELDS TERMINATED BY ','\n(a, b)\nBEGINDATA\n1,2\n3,4\n");
  ASSERT_TRUE(b.ok()) << first_error(b);
  ASSERT_TRUE(b.begin_data_offset.has_value());
  EXPECT_EQ(b.source->text().substr(*b.begin_data_offset), "1,2\n3,4\n");
  EXPECT_EQ(b.begin_data_line, 6u);
  EXPECT_FALSE(b.infiles[0].placeholder);
}

TEST(ControlFile, BackslashQuoteAsOracleSamplesWriteIt) {
  ControlFile cf = parse_control_file("o.ctl", "LOAD DATA APPEND INTO TABLE orders FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '\\''\n (order_id, order_date)");
  ASSERT_TRUE(cf.ok()) << first_error(cf);
  EXPECT_EQ(cf.tables[0].enclosure->open, "'");
}

TEST(ControlFile, SyntaxErrorsAreLocated) {
  ControlFile cf = parse_control_file("bad.ctl", "LOAD DATA\nINTO TABLE t\nFIELDS TERMINATED BY '|'\n(a, b c)\n");
  ASSERT_EQ(cf.diagnostics.error_count(), 1u);
  EXPECT_EQ(first_error(cf), "bad.ctl:4:7: unexpected 'c' in the definition of field B");
  ControlFile empty = parse_control_file("e.ctl", "");
  EXPECT_EQ(empty.diagnostics.error_count(), 1u);
  ControlFile unterminated = parse_control_file("u.ctl", "LOAD DATA INTO TABLE t FIELDS TERMINATED BY '|\n(a)");
  EXPECT_EQ(unterminated.diagnostics.error_count(), 1u);
}

TEST(ControlFile, UnsupportedSqlIsAnErrorForTheField) {
  ControlFile cf = parse_control_file("s.ctl", "LOAD DATA INTO TABLE t FIELDS TERMINATED BY '|'\n(a \"DECODE(:a,'x',1,2)\", b \"NVL(:b,'x')\")");
  ASSERT_EQ(cf.diagnostics.error_count(), 1u);
  EXPECT_EQ(first_error(cf), "s.ctl:2:5: field A: unsupported SQL function DECODE in field expression");
}

TEST(ControlFile, UnsupportedFeaturesAreReportedNotDropped) {
  ControlFile cf = parse_control_file("l.ctl",
                                      "LOAD DATA\nINTO TABLE t FIELDS TERMINATED BY ','\n"
                                      "(a CHAR, b LOBFILE (a) TERMINATED BY '<end>', c NESTED TABLE COUNT(a) (x CHAR), d CHAR)");
  EXPECT_EQ(cf.diagnostics.error_count(), 2u);
  ASSERT_EQ(cf.tables.size(), 1u);
  EXPECT_EQ(cf.tables[0].fields.size(), 4u);
  ControlFile eof = parse_control_file("e.ctl", "LOAD DATA INTO TABLE t FIELDS TERMINATED BY ',' (a CHAR TERMINATED BY EOF)");
  EXPECT_EQ(first_error(eof), "e.ctl:1:50: field A: TERMINATED BY EOF is only allowed for LOBFILE fields");
}

// The fixture of tests/e2e/test_sqlldr_lob.cpp: every clause of the issue in one control file.
TEST(ControlFile, ContinuationLobfileBfileColumnObjectAndTwoClauses) {
  ControlFile cf = read_control_file(ORASHIFT_SOURCE_DIR "/tests/data/sqlldr_lob/media.ctl");
  ASSERT_TRUE(cf.ok()) << first_error(cf);
  ASSERT_TRUE(cf.continuation);
  EXPECT_EQ(cf.continuation->kind, CtlContinuation::Kind::Next);
  EXPECT_EQ(cf.continuation->start, 1);
  EXPECT_EQ(cf.continuation->end, 1);
  EXPECT_EQ(cf.continuation->value, "+");
  EXPECT_FALSE(cf.continuation->preserve);
  ASSERT_EQ(cf.tables.size(), 2u);
  const IntoTable& media = cf.tables[0];
  EXPECT_EQ(media.name, "MEDIA");
  ASSERT_TRUE(media.when);
  EXPECT_EQ(media.when->all.at(0).field, "REC_TYPE");
  const CtlField* body = media.find_field("BODY");
  ASSERT_TRUE(body && body->lobfile);
  EXPECT_EQ(body->lobfile->file.field, "BODY_FILE");
  EXPECT_FALSE(body->lobfile->raw);
  EXPECT_TRUE(body->terminator && body->terminator->eof);
  EXPECT_FALSE(body->reads_data());
  const CtlField* photo = media.find_field("PHOTO");
  ASSERT_TRUE(photo && photo->lobfile);
  EXPECT_EQ(photo->lobfile->file.constant, "logo.bin");
  EXPECT_TRUE(photo->lobfile->raw);
  const CtlField* graphic = media.find_field("GRAPHIC");
  ASSERT_TRUE(graphic && graphic->bfile_dir && graphic->bfile_name);
  EXPECT_EQ(graphic->bfile_dir->constant, "MEDIA_DIR");
  EXPECT_EQ(graphic->bfile_name->field, "GRAPHIC_FILE");
  EXPECT_TRUE(media.find_field("BODY_FILE")->boundfiller);
  const CtlField* hdr = media.find_field("HDR");
  ASSERT_TRUE(hdr && hdr->column_object);
  ASSERT_EQ(hdr->attributes.size(), 2u);
  EXPECT_EQ(hdr->attributes[0].name, "HDR.NAME");
  EXPECT_EQ(hdr->attributes[1].name, "HDR.MADE");
  EXPECT_EQ(hdr->attributes[1].mask, "YYYY-MM-DD");
  const IntoTable& notes = cf.tables[1];
  EXPECT_EQ(notes.name, "NOTES");
  EXPECT_EQ(notes.fields.at(0).position_start, 1);
}

TEST(ControlFile, ContinuationForms) {
  auto cont = [](const std::string& clause) {
    ControlFile cf = parse_control_file("c.ctl", "LOAD DATA " + clause + " INTO TABLE t FIELDS TERMINATED BY ',' (a)");
    EXPECT_TRUE(cf.ok()) << clause << ": " << first_error(cf);
    return cf.continuation.value_or(CtlContinuation{});
  };
  CtlContinuation c = cont("CONCATENATE 3");
  EXPECT_EQ(c.kind, CtlContinuation::Kind::Concatenate);
  EXPECT_EQ(c.count, 3);
  EXPECT_EQ(cont("CONCATENATE (2)").count, 2);
  c = cont("CONTINUEIF THIS PRESERVE (1:2) = '%%'");
  EXPECT_EQ(c.kind, CtlContinuation::Kind::This);
  EXPECT_TRUE(c.preserve);
  EXPECT_EQ(c.start, 1);
  EXPECT_EQ(c.end, 2);
  c = cont("CONTINUEIF (3-5) <> X'2a2a2a'");
  EXPECT_EQ(c.kind, CtlContinuation::Kind::This);
  EXPECT_TRUE(c.not_equal);
  EXPECT_EQ(c.value, "***");
  c = cont("CONTINUEIF LAST != ';'");
  EXPECT_EQ(c.kind, CtlContinuation::Kind::Last);
  EXPECT_TRUE(c.not_equal);
  ControlFile bad = parse_control_file("b.ctl", "LOAD DATA CONTINUEIF LAST = ',,' INTO TABLE t (a)");
  EXPECT_NE(first_error(bad).find("must have length 1"), std::string::npos);
  ControlFile len = parse_control_file("b.ctl", "LOAD DATA CONTINUEIF THIS (1:2) = '+' INTO TABLE t (a)");
  EXPECT_NE(first_error(len).find("as long as the position range"), std::string::npos);
}

TEST(ControlFile, RealCorpusControlFiles) {
  namespace fs = std::filesystem;
  std::string root = ORASHIFT_SOURCE_DIR "/../shared/corpus";
  if (!fs::exists(root)) ORASHIFT_SKIP_OR_FAIL() << "corpus not found at " << root << " (../shared/corpus)";
  int files = 0, clean = 0;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.path().extension() != ".ctl") continue;
    ++files;
    ControlFile cf = read_control_file(e.path().string());
    std::string name = e.path().filename().string();
    if (cf.ok()) ++clean;
    if (name == "cost_v3.ctl") {
      // Upstream typo: `UNIT_PRICE) "TO_NUMBER(...)")`: exactly one located error.
      ASSERT_EQ(cf.diagnostics.error_count(), 1u);
      EXPECT_EQ(cf.diagnostics.items()[0].span.line(), 32u);
      EXPECT_NE(cf.diagnostics.items()[0].message.find("after the field list"), std::string::npos);
    } else if (name == "pm_p_lob.ctl") {
      // CONTINUEIF NEXT, LOBFILE, BFILE, SID, COLUMN OBJECT and two INTO TABLE clauses.
      ASSERT_TRUE(cf.ok()) << first_error(cf);
      ASSERT_EQ(cf.tables.size(), 2u);
      EXPECT_EQ(cf.tables[1].sid_field, "TEXTDOC_SID");
      const CtlField* header = cf.tables[0].find_field("AD_HEADER");
      ASSERT_TRUE(header && header->column_object);
      EXPECT_EQ(header->attributes.back().lobfile->file.field, "AD_HEADER.LOGO_FIL");
      EXPECT_FALSE(cf.tables[0].find_field("AD_TEXTDOCS_NTAB")->not_loaded.empty());
    } else {
      EXPECT_TRUE(cf.ok()) << first_error(cf);
      EXPECT_EQ(cf.tables.size(), 1u) << name;
    }
  }
  EXPECT_EQ(files, 25);
  std::printf("corpus control files: %d, parsed clean: %d\n", files, clean);
  ControlFile time = read_control_file(std::string(kSalesHistory) + "/time_v3.ctl");
  ASSERT_TRUE(time.ok());
  EXPECT_EQ(time.tables[0].name, "TIMES");
  EXPECT_EQ(time.tables[0].fields.size(), 38u);
}
