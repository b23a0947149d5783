#include <gtest/gtest.h>

#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "endpoints/oracle_files/data_reader.h"

using namespace orashift;

namespace {

struct Collect : RejectSink {
  std::vector<Reject> rejects;
  void reject(Reject r) override { rejects.push_back(std::move(r)); }
};

Column col(std::string name, std::string type, std::optional<int> p = {}, std::optional<int> s = {}, bool nullable = true,
           bool char_sem = false) {
  Column c;
  c.name = std::move(name);
  c.type.name = std::move(type);
  if (c.type.name == "VARCHAR2" || c.type.name == "CHAR" || c.type.name == "RAW") c.type.length = p;
  else c.type.precision = p;
  c.type.scale = s;
  c.type.char_semantics = char_sem;
  c.nullable = nullable;
  return c;
}

struct LoadRun {
  Table table;
  Batch batch;
  Collect sink;
  Diagnostics diags;
  std::unique_ptr<DelimitedReader> reader;
  ControlFile ctl;

  LoadRun(Table t, const std::string& ctl_text, const std::string& data, size_t clause = 0) : table(std::move(t)) {
    ctl = parse_control_file("t.ctl", ctl_text);
    DataSource src;
    src.path = "t.dat";
    src.text = data;
    reader = DelimitedReader::create(ctl, table, load_columns_for(table), src, sink, diags, clause);
    if (reader) reader->next(batch, 1000);
  }
  std::string text(size_t c, size_t r) const {
    const ColumnVector& v = batch.columns[c];
    if (v.is_null(r)) return "NULL";
    switch (v.kind) {
      case ValueKind::Int64: return std::to_string(v.ints[r]);
      case ValueKind::Decimal: return format_decimal(v.decimals[r], v.scale);
      case ValueKind::Timestamp: return format_timestamp(v.ints[r]);
      case ValueKind::Double: return std::to_string(v.doubles[r]);
      default: return std::string(v.text(r));
    }
  }
};

Table sales_table() {
  Table t;
  t.name = "SALES";
  t.columns = {col("PROD_ID", "NUMBER", 6, {}, false), col("NAME", "VARCHAR2", 10), col("AMOUNT", "NUMBER", 10, 2),
               col("TIME_ID", "DATE")};
  return t;
}

const char* kSalesCtl = R"CTL(LOAD DATA INTO TABLE sales
FIELDS TERMINATED BY '|' OPTIONALLY ENCLOSED BY '"'
(PROD_ID, NAME, AMOUNT, TIME_ID DATE(19) "YYYY-MM-DD-HH24-MI-SS"))CTL";

}  // namespace

TEST(DataReader, SplitsEnclosuresDoubledQuotesAndTrailingTerminator) {
  LoadRun r(sales_table(), kSalesCtl,
        "1|\"a|b\"|12.5|2001-02-03-04-05-06|\n"
        "2|\"say \"\"hi\"\"\"|7|2001-02-03-00-00-00\r\n"
        "3|  pad  |  |2001-02-03-00-00-00|extra|fields\n"
        "4|\"  \"|-1.005|2001-02-03\n");
  ASSERT_TRUE(r.reader) << r.diags.items()[0].render();
  ASSERT_EQ(r.batch.rows(), 4u) << (r.sink.rejects.empty() ? "" : r.sink.rejects[0].reason);
  EXPECT_EQ(r.text(1, 0), "a|b");
  EXPECT_EQ(r.text(2, 0), "12.50");
  EXPECT_EQ(r.text(3, 0), "2001-02-03 04:05:06");
  EXPECT_EQ(r.text(1, 1), "say \"hi\"");
  EXPECT_EQ(r.text(1, 2), "pad  ");  // optional enclosure absent: leading blanks go, trailing stay
  EXPECT_EQ(r.text(2, 2), "NULL");   // all blanks, not enclosed → NULL
  EXPECT_EQ(r.text(1, 3), "  ");     // enclosed blanks are kept
  EXPECT_EQ(r.text(2, 3), "-1.01");  // rounded half away from zero, like Oracle
  EXPECT_EQ(r.text(3, 3), "2001-02-03 00:00:00");  // the rest of the mask is optional
  EXPECT_EQ(r.batch.source_lines, (std::vector<uint64_t>{1, 2, 3, 4}));
  EXPECT_EQ(r.reader->rows_read(), 4u);
}

TEST(DataReader, PlainTerminatorKeepsBlanks) {
  Table t;
  t.name = "T";
  t.columns = {col("A", "VARCHAR2", 10), col("B", "VARCHAR2", 10)};
  LoadRun r(t, "LOAD DATA INTO TABLE t FIELDS TERMINATED BY ',' (a, b)", "  x  ,y\n");
  ASSERT_EQ(r.batch.rows(), 1u);
  EXPECT_EQ(r.text(0, 0), "  x  ");
}

TEST(DataReader, RejectReasonsCarryFileAndLine) {
  LoadRun r(sales_table(), kSalesCtl,
        "1|ok|1|2001-01-01-00-00-00\n"
        "|noid|1|2001-01-01-00-00-00\n"             // 2: NOT NULL
        "3|elevenchars|1|2001-01-01-00-00-00\n"     // 3: too long
        "4|x|12345678901.5|2001-01-01-00-00-00\n"   // 4: precision
        "5|x|abc|2001-01-01-00-00-00\n"             // 5: invalid number
        "6|x|1|2001-13-01-00-00-00\n"               // 6: bad date
        "7|x|1\n"                                   // 7: short record
        "8|\"open|1|2001-01-01-00-00-00\n"          // 8: enclosure not closed
        "9|\xff|1|2001-01-01-00-00-00\n"            // 9: invalid UTF-8
        "10|x|1234567.891|2001-01-01-00-00-00\n");  // 10: rounds, loads
  ASSERT_EQ(r.batch.rows(), 2u);
  EXPECT_EQ(r.text(2, 1), "1234567.89");
  ASSERT_EQ(r.sink.rejects.size(), 8u);
  auto reason = [&](size_t i) { return r.sink.rejects[i].reason; };
  for (size_t i = 0; i < 8; ++i) {
    EXPECT_EQ(r.sink.rejects[i].line, i + 2);
    EXPECT_EQ(r.sink.rejects[i].source, "t.dat");
    EXPECT_EQ(r.sink.rejects[i].table, "SALES");
  }
  EXPECT_EQ(reason(0), "ORA-01400: cannot insert NULL into (PROD_ID)");
  EXPECT_EQ(reason(1), "ORA-12899: value too large for column NAME (actual: 11, maximum: 10)");
  EXPECT_EQ(reason(2).rfind("ORA-01438: value larger than specified precision allowed for this column", 0), 0u);
  EXPECT_EQ(reason(3).rfind("ORA-01722: invalid number", 0), 0u);
  EXPECT_EQ(reason(4).rfind("ORA-01843: not a valid month", 0), 0u) << reason(4);
  EXPECT_EQ(reason(5), "column TIME_ID: Column not found before end of logical record (use TRAILING NULLCOLS)");
  EXPECT_EQ(reason(6), "column NAME: second enclosure string not present");
  EXPECT_EQ(reason(7).rfind("ORA-29275", 0), 0u);
  EXPECT_EQ(r.sink.rejects[1].record, "3|elevenchars|1|2001-01-01-00-00-00");
  // A rejected row leaves the batch untouched: every column has exactly the loaded rows.
  for (const auto& c : r.batch.columns) EXPECT_EQ(c.size(), 2u);
}

TEST(DataReader, TrailingNullcolsAndMissingColumns) {
  Table t;
  t.name = "T";
  t.columns = {col("A", "NUMBER", 5), col("B", "VARCHAR2", 5), col("C", "VARCHAR2", 5), col("D", "VARCHAR2", 5)};
  LoadRun with(t, "LOAD DATA INTO TABLE t FIELDS TERMINATED BY '|' TRAILING NULLCOLS (a, b, c)", "1|x\n2\n\n");
  ASSERT_EQ(with.batch.rows(), 2u);
  EXPECT_EQ(with.text(2, 0), "NULL");
  EXPECT_EQ(with.text(3, 0), "NULL");  // D is not in the control file
  EXPECT_EQ(with.reader->rows_filtered(), 1u);  // the blank line
  t.columns[3].nullable = false;
  LoadRun strict(t, "LOAD DATA INTO TABLE t FIELDS TERMINATED BY '|' (a, b, c)", "1|x|y\n1|x\n");
  EXPECT_EQ(strict.batch.rows(), 0u);
  ASSERT_EQ(strict.sink.rejects.size(), 2u);
  EXPECT_EQ(strict.sink.rejects[0].reason, "ORA-01400: cannot insert NULL into (D)");
  EXPECT_NE(strict.sink.rejects[1].reason.find("TRAILING NULLCOLS"), std::string::npos);
}

TEST(DataReader, ByteAndCharLengthSemantics) {
  Table t;
  t.name = "T";
  t.columns = {col("B", "VARCHAR2", 4), col("C", "VARCHAR2", 4, {}, true, true), col("P", "CHAR", 3)};
  // "héhé" is 4 characters and 6 bytes.
  LoadRun r(t, "LOAD DATA INTO TABLE t FIELDS TERMINATED BY ',' (b, c, p)", "abcd,h\xc3\xa9h\xc3\xa9,x\nh\xc3\xa9h\xc3\xa9,a,y\n");
  ASSERT_EQ(r.batch.rows(), 1u);
  EXPECT_EQ(r.text(1, 0), "h\xc3\xa9h\xc3\xa9");
  EXPECT_EQ(r.text(2, 0), "x  ");  // CHAR(3) is blank-padded as Oracle stores it
  ASSERT_EQ(r.sink.rejects.size(), 1u);
  EXPECT_EQ(r.sink.rejects[0].reason, "ORA-12899: value too large for column B (actual: 6, maximum: 4)");
}

TEST(DataReader, SqlStringsNullifAndDefaultMask) {
  Table t;
  t.name = "T";
  t.columns = {col("N", "NUMBER", 10, 2), col("U", "VARCHAR2", 10), col("D", "DATE"), col("Z", "VARCHAR2", 5),
               col("K", "VARCHAR2", 5), col("W", "DATE")};
  LoadRun r(t,
        "LOAD DATA INTO TABLE t FIELDS TERMINATED BY '|' TRAILING NULLCOLS\n"
        "(n \"TO_NUMBER(:n,'99999999.99')\", u \"UPPER(TRIM(:u))\", d, z NULLIF z = 'none', "
        "k \"NVL(:k,'dflt')\", w \"TO_DATE(:w,'YYYYMMDD')\")",
        "1234.5| ab |15-SEP-98|none||20200229\n"
        "123456789.1|x|01-JAN-2001|a|b|20200101\n");
  ASSERT_EQ(r.batch.rows(), 1u);
  EXPECT_EQ(r.text(0, 0), "1234.50");
  EXPECT_EQ(r.text(1, 0), "AB");
  EXPECT_EQ(r.text(2, 0), "1998-09-15 00:00:00");
  EXPECT_EQ(r.text(3, 0), "NULL");
  EXPECT_EQ(r.text(4, 0), "dflt");
  EXPECT_EQ(r.text(5, 0), "2020-02-29 00:00:00");
  ASSERT_EQ(r.sink.rejects.size(), 1u);
  EXPECT_EQ(r.sink.rejects[0].reason.rfind("column N: ORA-01722: invalid number", 0), 0u) << r.sink.rejects[0].reason;
}

TEST(DataReader, ControlFileMismatchIsLocated) {
  Table t;
  t.name = "T";
  t.columns = {col("A", "NUMBER", 5)};
  LoadRun r(t, "LOAD DATA INTO TABLE t FIELDS TERMINATED BY '|'\n(a, nope, c FILLER, x \"UPPER(:ghost)\")", "");
  EXPECT_FALSE(r.reader);
  ASSERT_EQ(r.diags.error_count(), 3u);
  EXPECT_EQ(r.diags.items()[0].span.location(), "t.ctl:2:5");
  EXPECT_EQ(r.diags.items()[0].message, "field NOPE is not a column of table T");
}

// Oracle's "Extracting Multiple Logical Records": without POSITION, the second INTO TABLE
// clause continues scanning where the first one stopped, so each line holds two rows.
TEST(DataReader, SecondIntoTableContinuesWhereTheFirstStopped) {
  Table emp;
  emp.name = "EMP";
  emp.columns = {col("EMPNO", "NUMBER", 4), col("ENAME", "VARCHAR2", 10)};
  const char* ctl =
      "LOAD DATA\n"
      "INTO TABLE emp (empno INTEGER EXTERNAL TERMINATED BY ' ', ename CHAR TERMINATED BY WHITESPACE)\n"
      "INTO TABLE emp (empno INTEGER EXTERNAL TERMINATED BY ' ', ename CHAR TERMINATED BY WHITESPACE)\n";
  const char* data = "1119 Smith 1120 Snyder\n1121 Spencer 1122 Thomas\n";
  LoadRun first(emp, ctl, data, 0), second(emp, ctl, data, 1);
  ASSERT_TRUE(first.reader && second.reader) << first.diags.error_count();
  ASSERT_EQ(first.batch.rows(), 2u);
  ASSERT_EQ(second.batch.rows(), 2u);
  EXPECT_EQ(first.text(0, 0) + " " + first.text(1, 0) + " " + first.text(0, 1) + " " + first.text(1, 1), "1119 Smith 1121 Spencer");
  EXPECT_EQ(second.text(0, 0) + " " + second.text(1, 0) + " " + second.text(0, 1) + " " + second.text(1, 1), "1120 Snyder 1122 Thomas");
}

// A record goes to every clause whose WHEN it meets; one that meets none is discarded, counted
// once (by the first clause's reader); a clause's reject keeps the first physical line.
TEST(DataReader, SeveralIntoTableClausesRouteAndAccountForEveryRecord) {
  Table a;
  a.name = "A";
  a.columns = {col("K", "VARCHAR2", 1), col("V", "NUMBER", 3)};
  Table b = a;
  b.name = "B";
  const char* ctl =
      "LOAD DATA CONTINUEIF THIS (1) = '+'\n"
      "INTO TABLE a WHEN (1) = 'A' FIELDS TERMINATED BY ',' (k POSITION(1) CHAR, v)\n"
      "INTO TABLE b WHEN v = '2' FIELDS TERMINATED BY ',' (k POSITION(1) CHAR, v)\n";
  // Byte 1 of every line is the continuation byte (removed). Records: "A,1" (a), "A,2" over
  // lines 2-3 (a and b), "B,2" (b), "C,9" (none), "A,x" (a: rejected), "B,1" (none).
  const char* data = " A,1\n+A,\n 2\n B,2\n C,9\n A,x\n B,1\n";
  LoadRun ra(a, ctl, data, 0), rb(b, ctl, data, 1);
  ASSERT_TRUE(ra.reader && rb.reader);
  EXPECT_EQ(ra.batch.rows(), 2u);
  EXPECT_EQ(ra.text(1, 1), "2");
  EXPECT_EQ(ra.batch.source_lines.at(1), 2u);  // the record that starts on line 2
  ASSERT_EQ(ra.sink.rejects.size(), 1u);
  EXPECT_EQ(ra.sink.rejects[0].line, 6u);
  EXPECT_EQ(ra.reader->rows_filtered(), 2u);  // C,9 and B,1: no clause takes them
  EXPECT_EQ(ra.reader->rows_read(), 5u);      // 2 loaded + 1 rejected + 2 filtered
  EXPECT_EQ(rb.batch.rows(), 2u);
  EXPECT_EQ(rb.text(0, 0) + rb.text(0, 1), "AB");
  EXPECT_EQ(rb.reader->rows_filtered(), 0u);
  EXPECT_EQ(rb.reader->rows_read(), 2u);
  EXPECT_TRUE(rb.sink.rejects.empty());
}

TEST(DataReader, ReadsFilesInChunksAndMeasuresSpeed) {
  namespace fs = std::filesystem;
  fs::path p = fs::temp_directory_path() / "orashift_sales_bench.dat";
  {
    std::ofstream out(p, std::ios::binary);
    std::string line;
    for (int i = 0; i < 600000; ++i) {
      line.clear();
      line += std::to_string(13 + i % 120) + "|" + std::to_string(100000 + i * 7 % 90000) + "|1998-0" +
              std::to_string(1 + i % 9) + "-" + std::to_string(10 + i % 18) + "|" + std::to_string(2 + i % 8) + "|" +
              std::to_string(999 - i % 500) + "|" + std::to_string(1 + i % 3) + "|" + std::to_string(i % 2000) + "." +
              std::to_string(10 + i % 89) + "|\n";
      out << line;
    }
  }
  Table t;
  t.name = "SALES";
  t.columns = {col("PROD_ID", "NUMBER", 6, {}, false), col("CUST_ID", "NUMBER", {}, {}, false), col("TIME_ID", "DATE", {}, {}, false),
               col("CHANNEL_ID", "NUMBER", 6, {}, false), col("PROMO_ID", "NUMBER", 6, {}, false),
               col("QUANTITY_SOLD", "NUMBER", 10, 2, false), col("AMOUNT_SOLD", "NUMBER", 10, 2, false)};
  ControlFile ctl = parse_control_file("sales.ctl",
                                       "LOAD DATA INTO TABLE sales FIELDS TERMINATED BY '|' OPTIONALLY ENCLOSED BY '^'\n"
                                       "(PROD_ID, CUST_ID, TIME_ID DATE(10) \"YYYY-MM-DD\", CHANNEL_ID, PROMO_ID,\n"
                                       " QUANTITY_SOLD \"TO_NUMBER(:QUANTITY_SOLD,'99999999.99')\",\n"
                                       " AMOUNT_SOLD \"TO_NUMBER(:AMOUNT_SOLD,'99999999.99')\")");
  Collect sink;
  Diagnostics diags;
  DataSource src;
  src.path = p.string();
  src.chunk_bytes = 1 << 20;
  auto reader = DelimitedReader::create(ctl, t, load_columns_for(t), src, sink, diags);
  ASSERT_TRUE(reader);
  Batch b;
  uint64_t rows = 0;
  // CPU time, not wall time: the machine is shared, and the figure is for one core.
  std::clock_t c0 = std::clock();
  while (reader->next(b, 8192)) rows += b.rows();
  double secs = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
  EXPECT_EQ(rows, 600000u);
  EXPECT_TRUE(sink.rejects.empty()) << sink.rejects[0].reason;
  EXPECT_EQ(reader->bytes_read(), reader->bytes_total());
  std::printf("sales-like file: %.1f MB in %.3f s CPU = %.0f MB/s (%llu rows)\n", reader->bytes_read() / 1e6, secs,
              reader->bytes_read() / 1e6 / secs, static_cast<unsigned long long>(rows));
  fs::remove(p);
}
