// INSERT scripts as a row source: literals, conversion functions and sequences evaluated the
// way Oracle evaluates them; what cannot be evaluated is rejected with file:line:col.
#include <gtest/gtest.h>

#include "reader_test_util.h"
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "endpoints/oracle_files/insert_reader.h"
#include "endpoints/oracle_files/oracle_files_source.h"
#include "endpoints/oracle_files/script_inserts.h"
#include "require_env.h"

using namespace orashift;
namespace fs = std::filesystem;

namespace {

using Collect = orashift::testing::CollectRejects;
using orashift::testing::drain;


std::vector<std::string> split(const std::string& row) {
  std::vector<std::string> out(1);
  for (char c : row) {
    if (c == '|') out.emplace_back();
    else out.back() += c;
  }
  return out;
}

// 1-based column of `needle` on 1-based line `line` of `text`, as text.
std::string col_of(const std::string& text, int line, const std::string& needle) {
  size_t b = 0;
  for (int i = 1; i < line; ++i) b = text.find('\n', b) + 1;
  return std::to_string(text.find(needle, b) - b + 1);
}

OracleFilesOptions options(const fs::path& dir) {
  OracleFilesOptions o;
  o.dir = dir.string();
  return o;
}

void write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

const char* kDdl = R"SQL(
CREATE SEQUENCE ord_seq START WITH 100 INCREMENT BY 10;
CREATE TABLE items (
  id NUMBER(6) NOT NULL,
  name VARCHAR2(20 CHAR),
  price NUMBER(8,2),
  made DATE,
  ts TIMESTAMP,
  raw_col RAW(10),
  note VARCHAR2(10) DEFAULT 'none');
CREATE TABLE logs (id NUMBER, msg VARCHAR2(30));
)SQL";

const char* kData = R"SQL(REM it's a remark with a quote, as Oracle's scripts have
SET DEFINE OFF
Prompt ****** Populating ITEMS table's rows ....
INSERT INTO items (id, name, price, made, ts, raw_col)
  VALUES (ord_seq.NEXTVAL, q'[it's]', 12.345, TO_DATE('17-06-2013', 'dd-MM-yyyy'),
          TO_TIMESTAMP('04-FEB-2021 13.20.22.245676', 'DD-MON-YYYY HH24.MI.SS.FF'), HEXTORAW('0AFF'));
INSERT INTO logs VALUES (ord_seq.NEXTVAL, 'log' || 1);
BEGIN
  INSERT INTO items (id, name, price, made) VALUES (ord_seq.NEXTVAL, N'Ünï', -1.5 * 2, DATE '2020-01-31' + 1);
  INSERT INTO items (id, name) VALUES (2, UPPER('x'));
END;
/
INSERT INTO items (id, name, price) VALUES (3, 'rounded', 123456.789);
INSERT INTO items SELECT * FROM items;
INSERT INTO items (id, name, made, note) VALUES (5, '', SYSDATE, TO_NUMBER('1,234.5', '9G999D9'));
INSERT ALL INTO logs (id, msg) VALUES (7, 'a') INTO logs (id, msg) VALUES (8, 'b') SELECT * FROM dual;
INSERT INTO items (id, price) VALUES (6, 1234567);
INSERT INTO items (id, made) VALUES (9, TO_DATE('31-02-2013', 'dd-MM-yyyy'));
BEGIN
  FOR i IN 1 .. 3 LOOP
    INSERT INTO logs VALUES (i, 'loop');
  END LOOP;
END;
/
)SQL";

class InsertScripts : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("orashift-inserts-" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    write(dir_ / "a_create.sql", kDdl);
    write(dir_ / "b_data.sql", kData);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

}  // namespace

TEST_F(InsertScripts, SourceListsOneUnitPerTableWithRowEstimates) {
  OracleFilesSource src(options(dir_));
  std::map<std::string, std::string> by_table;
  for (const auto& u : src.units()) by_table[u.table] = u.label + (u.missing ? " missing: " + u.missing_reason : "");
  EXPECT_EQ(by_table["ITEMS"], "ITEMS (INSERT statements)");
  EXPECT_EQ(by_table["LOGS"], "LOGS (INSERT statements)");
  auto est = src.row_estimates();
  EXPECT_EQ(est["ITEMS"], 8u);  // every INSERT row, loadable or not
  EXPECT_EQ(est["LOGS"], 4u);
}

TEST_F(InsertScripts, ValuesAreEvaluatedExactlyAndTheRestIsRejectedWithLocation) {
  OracleFilesSource src(options(dir_));
  const Table& items = *src.catalog().find_table("ITEMS");
  Collect sink;
  auto before = std::chrono::system_clock::now();
  InsertReader reader({(dir_ / "b_data.sql").string()}, src.catalog(), items, load_columns_for(items), sink);
  auto rows = drain(reader);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0], "100|it's|12.35|2013-06-17 00:00:00|2021-02-04 13:20:22.245676|0AFF|none");
  // The LOGS insert between took 110; the next NEXTVAL is 120.
  EXPECT_EQ(rows[1], "120|Ünï|-3.00|2020-02-01 00:00:00|NULL|NULL|none");
  EXPECT_EQ(rows[2], "3|rounded|123456.79|NULL|NULL|NULL|none");
  // '' is NULL; SYSDATE is the load time (whole seconds); a number into VARCHAR2 as TO_CHAR gives it.
  auto f = split(rows[3]);
  ASSERT_EQ(f.size(), 7u);
  EXPECT_EQ(f[0], "5");
  EXPECT_EQ(f[1], "NULL");
  EXPECT_EQ(f[6], "1234.5");
  const std::string& made = f[3];
  EXPECT_EQ(made.size(), 19u) << made;
  auto secs = std::chrono::duration_cast<std::chrono::seconds>(before.time_since_epoch()).count();
  EXPECT_GE(made, format_timestamp((secs - 1) * kMicrosPerSecond).substr(0, 19)) << rows[3];

  EXPECT_EQ(reader.rows_read(), 8u);
  ASSERT_EQ(reader.rows_rejected(), 4u);
  ASSERT_EQ(sink.rejects.size(), 4u);
  std::string path = (dir_ / "b_data.sql").string();
  EXPECT_EQ(sink.rejects[0].line, 10u);
  EXPECT_EQ(sink.rejects[0].reason.rfind(path + ":10:" + col_of(kData, 10, "UPPER") + ": column NAME: cannot evaluate function UPPER", 0), 0u)
      << sink.rejects[0].reason;
  EXPECT_NE(sink.rejects[1].reason.find(":14:1: INSERT … SELECT"), std::string::npos) << sink.rejects[1].reason;
  EXPECT_NE(sink.rejects[2].reason.find(":17:" + col_of(kData, 17, "1234567") + ": ORA-01438"), std::string::npos)
      << sink.rejects[2].reason;
  EXPECT_NE(sink.rejects[3].reason.find(":18:" + col_of(kData, 18, "TO_DATE") + ": column MADE: ORA-018"), std::string::npos)
      << sink.rejects[3].reason;
  EXPECT_EQ(sink.rejects[0].table, "ITEMS");
  EXPECT_NE(sink.rejects[0].record.find("UPPER('x')"), std::string::npos);
}

TEST_F(InsertScripts, MultiTableInsertConcatAndLoopsInOtherTable) {
  OracleFilesSource src(options(dir_));
  const Table& logs = *src.catalog().find_table("LOGS");
  Collect sink;
  InsertReader reader({(dir_ / "b_data.sql").string()}, src.catalog(), logs, load_columns_for(logs), sink);
  auto rows = drain(reader);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], "110.0000000000|log1");  // NUMBER without precision: carried with 10 decimals
  EXPECT_EQ(rows[1], "7.0000000000|a");
  EXPECT_EQ(rows[2], "8.0000000000|b");
  ASSERT_EQ(sink.rejects.size(), 1u);
  EXPECT_NE(sink.rejects[0].reason.find("LOOP"), std::string::npos);
  EXPECT_EQ(reader.rows_read(), 4u);
}

TEST_F(InsertScripts, SmallChunksGiveTheSameRowsAndLines) {
  OracleFilesSource src(options(dir_));
  const Table& items = *src.catalog().find_table("ITEMS");
  Collect whole_sink, chunk_sink;
  InsertReader whole({(dir_ / "b_data.sql").string()}, src.catalog(), items, load_columns_for(items), whole_sink);
  InsertReader chunked({(dir_ / "b_data.sql").string()}, src.catalog(), items, load_columns_for(items), chunk_sink, 48);
  auto a = drain(whole), b = drain(chunked, 1);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    if (i == 3) continue;  // row 3 holds SYSDATE
    EXPECT_EQ(a[i], b[i]);
  }
  ASSERT_EQ(whole_sink.rejects.size(), chunk_sink.rejects.size());
  for (size_t i = 0; i < whole_sink.rejects.size(); ++i) {
    EXPECT_EQ(whole_sink.rejects[i].line, chunk_sink.rejects[i].line);
    EXPECT_EQ(whole_sink.rejects[i].reason, chunk_sink.rejects[i].reason);
  }
}

TEST_F(InsertScripts, BigPlsqlBlockIsCutBetweenStatements) {
  std::string big = "BEGIN\n";
  for (int i = 1; i <= 500; ++i) big += "  INSERT INTO logs (id, msg) VALUES (" + std::to_string(i) + ", 'row;" + std::to_string(i) + "');\n";
  big += "END;\n/\n";
  write(dir_ / "b_data.sql", big);
  OracleFilesSource src(options(dir_));
  const Table& logs = *src.catalog().find_table("LOGS");
  Collect sink;
  InsertReader reader({(dir_ / "b_data.sql").string()}, src.catalog(), logs, load_columns_for(logs), sink, 1024);
  auto rows = drain(reader, 64);
  ASSERT_EQ(rows.size(), 500u);
  EXPECT_EQ(rows[0], "1.0000000000|row;1");
  EXPECT_EQ(rows[499], "500.0000000000|row;500");
  EXPECT_TRUE(sink.rejects.empty());
}

TEST_F(InsertScripts, UnknownSequenceAndColumnAreRejected) {
  write(dir_ / "b_data.sql",
        "INSERT INTO logs (id, msg) VALUES (nope_seq.NEXTVAL, 'x');\n"
        "INSERT INTO logs (id, nosuch) VALUES (1, 'x');\n"
        "INSERT INTO logs VALUES (1);\n"
        "INSERT INTO logs (id, msg) VALUES (1, 'x' || SYSDATE);\n"
        "INSERT INTO logs (id, msg) VALUES (1 / 3, 'x');\n"
        "INSERT INTO logs (id, msg) VALUES (1 / 4, 'ok');\n");
  OracleFilesSource src(options(dir_));
  const Table& logs = *src.catalog().find_table("LOGS");
  Collect sink;
  InsertReader reader({(dir_ / "b_data.sql").string()}, src.catalog(), logs, load_columns_for(logs), sink);
  auto rows = drain(reader);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0], "0.2500000000|ok");
  ASSERT_EQ(sink.rejects.size(), 5u);
  EXPECT_NE(sink.rejects[0].reason.find("ORA-02289"), std::string::npos);
  EXPECT_NE(sink.rejects[1].reason.find(":2:23: ORA-00904"), std::string::npos) << sink.rejects[1].reason;
  EXPECT_NE(sink.rejects[2].reason.find("ORA-00947"), std::string::npos);
  EXPECT_NE(sink.rejects[3].reason.find("NLS"), std::string::npos);
  EXPECT_NE(sink.rejects[4].reason.find("exact"), std::string::npos);
}

TEST_F(InsertScripts, NanosecondsRoundToMicrosecondsAndDatesStayOutOfText) {
  write(dir_ / "b_data.sql",
        "INSERT INTO items (id, ts) VALUES (1, TO_TIMESTAMP('04-FEB-2021 13.20.22.245676861', 'DD-MON-YYYY HH24.MI.SS.FF'));\n"
        "INSERT INTO items (id, ts) VALUES (2, TO_TIMESTAMP('31-DEC-2021 23.59.59.9999995', 'DD-MON-YYYY HH24.MI.SS.FF'));\n"
        "INSERT INTO items (id, name) VALUES (3, SYSDATE);\n");
  OracleFilesSource src(options(dir_));
  const Table& items = *src.catalog().find_table("ITEMS");
  Collect sink;
  InsertReader reader({(dir_ / "b_data.sql").string()}, src.catalog(), items, load_columns_for(items), sink);
  auto rows = drain(reader);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(split(rows[0])[4], "2021-02-04 13:20:22.245677");
  EXPECT_EQ(split(rows[1])[4], "2022-01-01 00:00:00");
  ASSERT_EQ(sink.rejects.size(), 1u);
  EXPECT_NE(sink.rejects[0].reason.find("NLS"), std::string::npos) << sink.rejects[0].reason;
}

// Oracle's CO script: identity columns left to the generator, a long text built in a block
// variable, and INSERTs inside a procedure that the install does not call.
TEST_F(InsertScripts, IdentityVariablesAndProceduresLikeTheSampleSchemas) {
  write(dir_ / "a_create.sql",
        "CREATE TABLE inv (inv_id INTEGER GENERATED BY DEFAULT ON NULL AS IDENTITY (START WITH 10 INCREMENT BY 5),\n"
        "  qty NUMBER(4));\n"
        "CREATE TABLE fixed (id NUMBER GENERATED ALWAYS AS IDENTITY, doc VARCHAR2(40));\n");
  write(dir_ / "b_data.sql",
        "DECLARE\n"
        "  doc VARCHAR2(32767);\n"
        "BEGIN\n"
        "  INSERT INTO inv (qty) VALUES (1);\n"
        "  INSERT INTO inv (inv_id, qty) VALUES (3, 2);\n"
        "  INSERT INTO inv (inv_id, qty) VALUES (NULL, 3);\n"
        "  doc := '{\"a\":' ||\n"
        "'1}';\n"
        "  INSERT INTO fixed (doc) VALUES (doc);\n"
        "  INSERT INTO fixed (id, doc) VALUES (1, 'explicit');\n"
        "END;\n"
        "/\n"
        "BEGIN\n"
        "  INSERT INTO fixed (doc) VALUES (doc);\n"
        "END;\n"
        "/\n"
        "CREATE OR REPLACE PROCEDURE add_inv(p NUMBER) IS\n"
        "BEGIN\n"
        "  INSERT INTO inv (qty) VALUES (p);\n"
        "END;\n"
        "/\n");
  OracleFilesSource src(options(dir_));
  EXPECT_EQ(src.row_estimates()["INV"], 3u);  // the procedure's INSERT does not run at install
  Collect sink;
  const Table& inv = *src.catalog().find_table("INV");
  InsertReader r1({(dir_ / "b_data.sql").string()}, src.catalog(), inv, load_columns_for(inv), sink);
  auto rows = drain(r1);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], "10|1");
  EXPECT_EQ(rows[1], "3|2");   // an explicit value does not advance the generator
  EXPECT_EQ(rows[2], "15|3");  // ON NULL: NULL takes the next generated value
  EXPECT_TRUE(sink.rejects.empty());
  const Table& fixed = *src.catalog().find_table("FIXED");
  InsertReader r2({(dir_ / "b_data.sql").string()}, src.catalog(), fixed, load_columns_for(fixed), sink);
  rows = drain(r2);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0], "1.0000000000|{\"a\":1}");
  ASSERT_EQ(sink.rejects.size(), 2u);
  EXPECT_NE(sink.rejects[0].reason.find("ORA-32795"), std::string::npos) << sink.rejects[0].reason;
  // The second block does not see the first block's variable.
  EXPECT_NE(sink.rejects[1].reason.find(":14:"), std::string::npos) << sink.rejects[1].reason;
  EXPECT_NE(sink.rejects[1].reason.find("cannot evaluate doc"), std::string::npos) << sink.rejects[1].reason;
}

// SQL*Plus would replace &name (DEFINE is on by default): such rows are not guessed. INSERTs
// in an exception handler run only when the block fails: they are no rows.
TEST_F(InsertScripts, SubstitutionVariablesAndExceptionHandlers) {
  write(dir_ / "b_data.sql",
        "INSERT INTO logs VALUES (1, 'AT&T');\n"
        "INSERT INTO logs VALUES (2, 'a & b');\n"
        "SET DEFINE OFF\n"
        "INSERT INTO logs VALUES (3, 'AT&T');\n"
        "SET DEFINE ^\n"
        "INSERT INTO logs VALUES (4, 'x^y');\n"
        "BEGIN\n"
        "  BEGIN\n"
        "    INSERT INTO logs VALUES (5, 'inner');\n"
        "  EXCEPTION WHEN OTHERS THEN\n"
        "    INSERT INTO logs VALUES (6, 'handler');\n"
        "  END;\n"
        "  INSERT INTO logs VALUES (7, 'after');\n"
        "END;\n"
        "/\n");
  OracleFilesSource src(options(dir_));
  EXPECT_EQ(src.row_estimates()["LOGS"], 6u);
  const Table& logs = *src.catalog().find_table("LOGS");
  Collect sink;
  InsertReader reader({(dir_ / "b_data.sql").string()}, src.catalog(), logs, load_columns_for(logs), sink);
  auto rows = drain(reader);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0], "2.0000000000|a & b");
  EXPECT_EQ(rows[1], "3.0000000000|AT&T");
  EXPECT_EQ(rows[2], "5.0000000000|inner");
  EXPECT_EQ(rows[3], "7.0000000000|after");
  ASSERT_EQ(sink.rejects.size(), 2u);
  EXPECT_NE(sink.rejects[0].reason.find(":1:32: SQL*Plus substitution variable"), std::string::npos) << sink.rejects[0].reason;
  EXPECT_NE(sink.rejects[1].reason.find(":6:31: SQL*Plus substitution variable (SET DEFINE is on, prefix '^')"), std::string::npos)
      << sink.rejects[1].reason;
  bool handler_note = false;
  for (const auto& d : src.diagnostics().items())
    if (d.code == "LDR016" && d.message.find(":11:5: INSERT in an EXCEPTION handler") != std::string::npos) handler_note = true;
  EXPECT_TRUE(handler_note);
}

// Oracle's OE scripts: translated names through UNISTR, timestamps with an NLS parameter.
TEST_F(InsertScripts, UnistrAndNlsDateLanguage) {
  write(dir_ / "b_data.sql",
        "SET DEFINE OFF\n"
        "INSERT INTO logs VALUES (1, UNISTR('\\00e9t\\00e9 \\d83d\\de00 a\\\\b'));\n"
        "INSERT INTO items (id, ts) VALUES (2, TO_TIMESTAMP('16-AUG-07 02.34.12.234359 PM', 'DD-MON-RR HH.MI.SS.FF AM', "
        "'NLS_DATE_LANGUAGE = American'));\n"
        "INSERT INTO items (id, ts) VALUES (3, TO_TIMESTAMP('16-AOÛ-07', 'DD-MON-RR', 'NLS_DATE_LANGUAGE=French'));\n"
        "INSERT INTO logs VALUES (4, UNISTR('\\d83d'));\n");
  OracleFilesSource src(options(dir_));
  Collect sink;
  const Table& logs = *src.catalog().find_table("LOGS");
  InsertReader r1({(dir_ / "b_data.sql").string()}, src.catalog(), logs, load_columns_for(logs), sink);
  auto rows = drain(r1);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0], "1.0000000000|\xC3\xA9t\xC3\xA9 \xF0\x9F\x98\x80 a\\b");
  const Table& items = *src.catalog().find_table("ITEMS");
  InsertReader r2({(dir_ / "b_data.sql").string()}, src.catalog(), items, load_columns_for(items), sink);
  rows = drain(r2);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(split(rows[0])[4], "2007-08-16 14:34:12.234359");
  ASSERT_EQ(sink.rejects.size(), 2u);
  EXPECT_NE(sink.rejects[0].reason.find("surrogate"), std::string::npos) << sink.rejects[0].reason;
  EXPECT_NE(sink.rejects[1].reason.find("NLS_DATE_LANGUAGE"), std::string::npos) << sink.rejects[1].reason;
}

// A block longer than a chunk goes on in the next chunk as the same block: its loop is still
// seen (the INSERT inside is rejected, not dropped), the INSERTs outside it load, and
// locations stay exact.
TEST_F(InsertScripts, BlockCutBetweenChunksKeepsItsLoopAndLocations) {
  std::string text = "BEGIN\n";
  for (int i = 1; i <= 40; ++i) text += "  INSERT INTO logs (id, msg) VALUES (" + std::to_string(i) + ", 'plain');\n";
  text += "  FOR i IN 1 .. 3 LOOP\n    INSERT INTO logs (id, msg) VALUES (i, 'looped');\n  END LOOP;\nEND;\n/\n";
  write(dir_ / "b_data.sql", text);
  OracleFilesSource src(options(dir_));
  const Table& logs = *src.catalog().find_table("LOGS");
  for (size_t chunk : {size_t(512), size_t(700), size_t(1) << 20}) {
    SCOPED_TRACE(chunk);
    Collect sink;
    InsertReader reader({(dir_ / "b_data.sql").string()}, src.catalog(), logs, load_columns_for(logs), sink, chunk);
    auto rows = drain(reader);
    EXPECT_EQ(reader.rows_read(), 41u);
    ASSERT_EQ(sink.rejects.size(), 1u);
    EXPECT_NE(sink.rejects[0].reason.find(":43:5: INSERT inside PL/SQL with LOOP"), std::string::npos) << sink.rejects[0].reason;
    // The INSERTs outside the loop run once each: they load, whatever the chunk size.
    ASSERT_EQ(rows.size(), 40u);
    EXPECT_EQ(rows[39], "40.0000000000|plain");
  }
}

TEST_F(InsertScripts, OnlyInsertsInsideLoopsIfAndForallAreOfUnknownCount) {
  write(dir_ / "b_data.sql",
        "BEGIN\n"
        "  INSERT INTO logs VALUES (1, 'before');\n"
        "  IF 1 = 1 THEN\n"
        "    INSERT INTO logs VALUES (2, 'in if');\n"
        "  END IF;\n"
        "  FORALL i IN 1 .. 2\n"
        "    INSERT INTO logs VALUES (3, 'forall');\n"
        "  WHILE false LOOP\n"
        "    INSERT INTO logs VALUES (4, 'while');\n"
        "  END LOOP;\n"
        "  INSERT INTO logs VALUES (5, 'after');\n"
        "END;\n"
        "/\n");
  OracleFilesSource src(options(dir_));
  const Table& logs = *src.catalog().find_table("LOGS");
  Collect sink;
  InsertReader reader({(dir_ / "b_data.sql").string()}, src.catalog(), logs, load_columns_for(logs), sink);
  auto rows = drain(reader);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], "1.0000000000|before");
  EXPECT_EQ(rows[1], "5.0000000000|after");
  ASSERT_EQ(sink.rejects.size(), 3u);
  EXPECT_EQ(sink.rejects[0].line, 4u);
  EXPECT_EQ(sink.rejects[1].line, 7u);
  EXPECT_EQ(sink.rejects[2].line, 9u);
}

// Every script of the corpus: the statements found, their locations, loop flags and parse
// results do not depend on where the chunks are cut (700 bytes cuts inside most statements'
// blocks and package bodies; 16 MB reads each file whole).
TEST(InsertScriptChunks, CorpusScriptsReadTheSameWhateverTheChunkSize) {
  fs::path corpus = fs::path(ORASHIFT_SOURCE_DIR) / ".." / "shared" / "corpus";
  if (!fs::exists(corpus)) ORASHIFT_SKIP_OR_FAIL() << "corpus not present: " << corpus;
  auto digest = [](const std::string& path, size_t chunk, size_t& n) {
    std::string err, out;
    ScriptInsertStream s(path, err, chunk);
    ScriptInsert si;
    n = 0;
    while (s.next(si)) {
      if (si.kind == ScriptInsert::Kind::BlockStart) continue;
      ++n;
      out += std::to_string(si.line) + ":" + std::to_string(si.column) + (si.in_control_flow ? "F" : "") +
             (si.stmt || si.value ? "" : "E") + ",";
    }
    return out;
  };
  size_t files = 0, statements = 0;
  for (const auto& e : fs::recursive_directory_iterator(corpus)) {
    if (!e.is_regular_file() || e.path().extension() != ".sql") continue;
    size_t a = 0, b = 0;
    std::string small = digest(e.path().string(), 700, a), whole = digest(e.path().string(), 16u << 20, b);
    EXPECT_EQ(small, whole) << e.path();
    if (b) ++files;
    statements += b;
  }
  EXPECT_GT(files, 10u);
  EXPECT_GT(statements, 10000u);
}
