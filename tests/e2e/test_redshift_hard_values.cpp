// Every hard value through the Redshift staging CSV and back: a stage-only RedshiftTarget
// writes them, the real PostgreSQL test server reads the part with COPY … (FORMAT csv,
// NULL '\N') — the PostgreSQL equivalent of Redshift's COPY … CSV NULL AS '\N' — and each value
// must come back exactly (NULL stays NULL, "" stays "", "\N" stays text).
#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <cmath>
#include <limits>

#include "common/decimal.h"
#include "e2e_util.h"
#include "endpoints/redshift/compressor.h"
#include "endpoints/redshift/redshift_target.h"
#include "load/copy_text.h"
#include "require_env.h"

namespace fs = std::filesystem;
using namespace orashift;

namespace {

struct Collect : RejectSink {
  std::vector<Reject> rejects;
  void reject(Reject r) override { rejects.push_back(std::move(r)); }
};

Micros at(int y, int mo, int d, int h, int mi, int s, int us) {
  CivilDateTime c;
  c.year = y, c.month = mo, c.day = d, c.hour = h, c.minute = mi, c.second = s, c.micros = us;
  return micros_from_civil(c);
}

}  // namespace

TEST(RedshiftHardValues, RoundTripThroughPostgresCsvCopy) {
  const char* base = std::getenv("ORASHIFT_TEST_PG");
  if (!base) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set (scripts/test starts a PostgreSQL server)";
  fs::path dir = e2e::temp_dir("rs-hard");

  std::vector<LoadColumn> cols(5);
  cols[0].name = "ID", cols[0].kind = ValueKind::Int64;
  cols[1].name = "T", cols[1].kind = ValueKind::Text;
  cols[2].name = "D", cols[2].kind = ValueKind::Decimal, cols[2].scale = 10;
  cols[3].name = "F", cols[3].kind = ValueKind::Double;
  cols[4].name = "TS", cols[4].kind = ValueKind::Timestamp;
  Batch b;
  for (const auto& c : cols) {
    ColumnVector v;
    v.kind = c.kind;
    v.scale = c.scale;
    b.columns.push_back(v);
  }
  const std::vector<std::optional<std::string>> texts = {
      std::nullopt, "", "\\N", "N", "say \"hi\"", "\"", "a,b", "l1\nl2\r\nl3\r", "C:\\dir\\", "\\", "  pad  ",
      "tab\tpipe|", "Ørsted 東京 ë 🎉", "NULL", ",", "\"\"", "\n"};
  const std::vector<std::string> decimals = {"0", "-0.05", "1234567890123456789012345678.0123456789",
                                             "-9999999999999999999999999999.9999999999"};
  const std::vector<double> doubles = {0.1, -1e-300, 1e300, 123456789.125, std::numeric_limits<double>::infinity(),
                                       -std::numeric_limits<double>::infinity(), std::nan("")};
  const std::vector<Micros> times = {at(2024, 2, 29, 23, 59, 59, 123456), at(1899, 12, 31, 0, 0, 0, 1),
                                     at(1, 1, 1, 0, 0, 0, 0),           at(-43, 3, 15, 12, 0, 0, 500000),
                                     at(-4712, 1, 1, 0, 0, 0, 0),       at(9999, 12, 31, 23, 59, 59, 999999)};
  const size_t n = texts.size();
  for (size_t i = 0; i < n; ++i) {
    b.columns[0].append_int(static_cast<int64_t>(i));
    texts[i] ? b.columns[1].append_text(*texts[i]) : b.columns[1].append_null();
    Int128 d = 0;
    parse_decimal(decimals[i % decimals.size()], 10, d);
    i == 5 ? b.columns[2].append_null() : b.columns[2].append_decimal(d);
    b.columns[3].append_double(doubles[i % doubles.size()]);
    i == 6 ? b.columns[4].append_null() : b.columns[4].append_int(times[i % times.size()]);
    b.source_lines.push_back(i + 1);
  }

  redshift::RedshiftOptions o;
  o.stage_only_dir = (dir / "stage").string();
  o.iam_role = "arn:aws:iam::123456789012:role/R";
  redshift::RedshiftTarget target("redshift://u@h:5439/d", o);
  Table hard;
  hard.name = "HARD";
  auto writer = target.open_writer(hard, cols);
  Collect rejects;
  ASSERT_EQ(writer->write(b, rejects, "hard.dat"), n);
  writer->finish();
  std::string csv = redshift::decompress_file((dir / "stage" / "hard" / "part-00000.csv.gz").string());

  PGconn* c = PQconnectdb(base);
  ASSERT_EQ(PQstatus(c), CONNECTION_OK);
  auto exec = [&](const std::string& sql) {
    PGresult* r = PQexec(c, sql.c_str());
    EXPECT_TRUE(PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK) << PQerrorMessage(c);
    PQclear(r);
  };
  exec("SET client_encoding = 'UTF8'; SET extra_float_digits = 1");
  std::string table = "rs_hard_" + std::to_string(getpid());
  exec("DROP TABLE IF EXISTS " + table);
  exec("CREATE TABLE " + table + " (id bigint, t text, d numeric(38,10), f double precision, ts timestamp)");
  PGresult* r = PQexec(c, ("COPY " + table + " (id, t, d, f, ts) FROM STDIN (FORMAT csv, NULL '\\N')").c_str());
  ASSERT_EQ(PQresultStatus(r), PGRES_COPY_IN) << PQerrorMessage(c);
  PQclear(r);
  PQputCopyData(c, csv.data(), static_cast<int>(csv.size()));
  PQputCopyEnd(c, nullptr);
  while (PGresult* res = PQgetResult(c)) {
    EXPECT_EQ(PQresultStatus(res), PGRES_COMMAND_OK) << PQerrorMessage(c) << "\n" << csv;
    PQclear(res);
  }
  r = PQexec(c, ("SELECT id, t, d, f, ts FROM " + table + " ORDER BY id").c_str());
  ASSERT_EQ(PQresultStatus(r), PGRES_TUPLES_OK);
  ASSERT_EQ(static_cast<size_t>(PQntuples(r)), n);
  auto cell = [&](size_t row, int col) -> std::optional<std::string> {
    if (PQgetisnull(r, static_cast<int>(row), col)) return std::nullopt;
    return std::string(PQgetvalue(r, static_cast<int>(row), col), PQgetlength(r, static_cast<int>(row), col));
  };
  for (size_t i = 0; i < n; ++i) {
    SCOPED_TRACE("row " + std::to_string(i));
    EXPECT_EQ(cell(i, 1), texts[i]);
    Int128 d = 0;
    parse_decimal(decimals[i % decimals.size()], 10, d);
    EXPECT_EQ(cell(i, 2), i == 5 ? std::nullopt : std::optional<std::string>(format_decimal(d, 10)));
    std::string f;
    append_double_text(f, doubles[i % doubles.size()]);
    EXPECT_EQ(cell(i, 3), f);
    EXPECT_EQ(cell(i, 4), i == 6 ? std::nullopt : std::optional<std::string>(format_timestamp(times[i % times.size()])));
  }
  PQclear(r);
  exec("DROP TABLE " + table);
  PQfinish(c);
  fs::remove_all(dir);
}
