// Oracle's implicit conversions made explicit by the SQL writer (sql_writer_implicit.cpp,
// docs/type-mapping.md "Implicit conversions"). The golden case tests/golden/implicit_conversions
// runs the same rules on PostgreSQL and DuckDB (tests/e2e/test_view_rewrites.cpp).
#include <gtest/gtest.h>

#include "convert/sql_rewrite.h"
#include "sql/parser.h"

using namespace orashift;

namespace {

Catalog flags_catalog() {
  Catalog cat;
  Table t;
  t.name = "FLAGS";
  auto col = [&](const char* n, OracleType type) {
    Column c;
    c.name = n;
    c.type = std::move(type);
    t.columns.push_back(c);
  };
  col("ID", OracleType::number(5, 0));
  col("ACTIVE", OracleType::named("CHAR", 1));
  col("CODE", OracleType::named("VARCHAR2", 10));
  col("QTY", OracleType::number(7, 2));
  col("CREATED", OracleType::named("DATE"));
  cat.tables.push_back(t);
  return cat;
}

struct Converted {
  std::string sql;
  std::vector<std::string> codes;
  bool convertible = true;
};

Converted convert(const std::string& text, Dialect d) {
  static Catalog cat = flags_catalog();
  SourceFile file("t.sql", text);
  Diagnostics diags;
  sql::ParsedScript p = sql::parse_script(file, diags);
  EXPECT_EQ(diags.error_count(), 0u) << text;
  Converted out;
  if (p.statements.size() != 1) return out;
  RewriteContext ctx;
  ctx.catalog = &cat;
  ctx.object = "VIEW T";
  RewriteResult r = convert_statement(*p.statements[0], d, ctx);
  out.sql = r.sql;
  out.convertible = r.convertible;
  for (const auto& i : r.items.items()) out.codes.push_back(i.kind->code);
  return out;
}

using Codes = std::vector<std::string>;

}  // namespace

TEST(ImplicitConversions, CharacterColumnComparedWithNumberIsConvertedToNumber) {
  Converted c = convert("SELECT id FROM flags WHERE active = 1", Dialect::Postgres);
  EXPECT_EQ(c.sql, "SELECT \"id\" FROM \"flags\" WHERE CAST(\"active\" AS NUMERIC) = 1");
  EXPECT_EQ(c.codes, Codes{"OS4016"});  // depends on the data: a non-numeric row fails
  EXPECT_TRUE(c.convertible);
  // DuckDB's and Redshift's bare NUMERIC would round to 3 / 0 decimals.
  EXPECT_EQ(convert("SELECT id FROM flags WHERE 1 < active", Dialect::DuckDb).sql,
            "SELECT \"id\" FROM \"flags\" WHERE 1 < CAST(\"active\" AS DECIMAL(38,10))");
  EXPECT_EQ(convert("SELECT id FROM flags WHERE code = qty", Dialect::Redshift).sql,
            "SELECT \"id\" FROM \"flags\" WHERE CAST(\"code\" AS DECIMAL(38,10)) = \"qty\"");
}

TEST(ImplicitConversions, CharacterLiteralComparedWithNumberBecomesTheNumber) {
  Converted c = convert("SELECT id FROM flags WHERE qty = '10' OR qty > ' -2.50 ' OR qty < '.5'", Dialect::Postgres);
  EXPECT_EQ(c.sql, "SELECT \"id\" FROM \"flags\" WHERE \"qty\" = 10 OR \"qty\" > (-2.50) OR \"qty\" < 0.5");
  EXPECT_EQ(c.codes, (Codes{"OS4015", "OS4015", "OS4015"}));
  // Not a number: Oracle raises ORA-01722 where it is evaluated; the statement is flagged.
  Converted bad = convert("SELECT id FROM flags WHERE qty = 'abc'", Dialect::Postgres);
  EXPECT_EQ(bad.codes, Codes{"OS4016"});
  EXPECT_FALSE(bad.convertible);
  // Text compared with text stays as written.
  Converted same = convert("SELECT id FROM flags WHERE active = '1' AND code = active", Dialect::Postgres);
  EXPECT_EQ(same.sql, "SELECT \"id\" FROM \"flags\" WHERE \"active\" = '1' AND \"code\" = \"active\"");
  EXPECT_TRUE(same.codes.empty());
}

TEST(ImplicitConversions, InListsBetweenAndDecode) {
  EXPECT_EQ(convert("SELECT id FROM flags WHERE active IN (0, 1)", Dialect::Postgres).sql,
            "SELECT \"id\" FROM \"flags\" WHERE CAST(\"active\" AS NUMERIC) IN (0, 1)");
  EXPECT_EQ(convert("SELECT id FROM flags WHERE qty IN ('1', 2)", Dialect::Postgres).sql,
            "SELECT \"id\" FROM \"flags\" WHERE \"qty\" IN (1, 2)");
  EXPECT_EQ(convert("SELECT id FROM flags WHERE code NOT BETWEEN 10 AND '99'", Dialect::Postgres).sql,
            "SELECT \"id\" FROM \"flags\" WHERE CAST(\"code\" AS NUMERIC) NOT BETWEEN 10 AND 99");
  // DECODE converts to the type of the first search value.
  EXPECT_EQ(convert("SELECT DECODE(active, 1, 'on', 'off') FROM flags", Dialect::Postgres).sql,
            "SELECT CASE WHEN CAST(\"active\" AS NUMERIC) = 1 THEN 'on' ELSE 'off' END FROM \"flags\"");
  EXPECT_EQ(convert("SELECT DECODE(active, 1, 'on', 'off') FROM flags", Dialect::Redshift).sql,
            "SELECT DECODE(CAST(\"active\" AS DECIMAL(38,10)), 1, 'on', 'off') FROM \"flags\"");
  EXPECT_EQ(convert("SELECT DECODE(active, 'Y', 1, 0) FROM flags", Dialect::Postgres).sql,
            "SELECT CASE WHEN \"active\" = 'Y' THEN 1 ELSE 0 END FROM \"flags\"");
}

TEST(ImplicitConversions, NvlTakesTheTypeOfItsFirstArgument) {
  Converted c = convert("SELECT NVL(code, 0), NVL(qty, '0'), NVL(created, '01-JAN-20') FROM flags", Dialect::Postgres);
  EXPECT_EQ(c.sql, "SELECT COALESCE(\"code\", '0'), COALESCE(\"qty\", 0), COALESCE(\"created\", TIMESTAMP "
                   "'2020-01-01 00:00:00') FROM \"flags\"");
  EXPECT_EQ(c.codes, (Codes{"OS4015", "OS4015", "OS4015"}));
  EXPECT_EQ(convert("SELECT NVL(code, 0) FROM flags", Dialect::Redshift).sql, "SELECT NVL(\"code\", '0') FROM \"flags\"");
}

TEST(ImplicitConversions, ArithmeticConvertsCharacterOperands) {
  Converted c = convert("SELECT code + 1, qty * '2', 10 - code FROM flags", Dialect::Postgres);
  EXPECT_EQ(c.sql, "SELECT CAST(\"code\" AS NUMERIC) + 1, \"qty\" * 2, 10 - CAST(\"code\" AS NUMERIC) FROM \"flags\"");
  EXPECT_EQ(c.codes, (Codes{"OS4016", "OS4015", "OS4016"}));
  // The result is a number: comparing it with a number needs nothing more.
  EXPECT_EQ(convert("SELECT id FROM flags WHERE code + 0 = 7", Dialect::Postgres).sql,
            "SELECT \"id\" FROM \"flags\" WHERE CAST(\"code\" AS NUMERIC) + 0 = 7");
}

TEST(ImplicitConversions, DateComparedWithTextUsesNlsDateFormat) {
  // DD-MON-RR: 85 is 1985, 20 is 2020, four-digit years are read as written.
  Converted c = convert("SELECT id FROM flags WHERE created > '15-MAR-85' AND created < '01-jan-2020'", Dialect::Postgres);
  EXPECT_EQ(c.sql, "SELECT \"id\" FROM \"flags\" WHERE \"created\" > TIMESTAMP '1985-03-15 00:00:00' AND \"created\" < "
                   "TIMESTAMP '2020-01-01 00:00:00'");
  EXPECT_EQ(c.codes, (Codes{"OS4015", "OS4015"}));
  // ISO text does not match DD-MON-RR: read as ISO, and said so.
  Converted iso = convert("SELECT id FROM flags WHERE created >= '2001-02-03'", Dialect::DuckDb);
  EXPECT_EQ(iso.sql, "SELECT \"id\" FROM \"flags\" WHERE \"created\" >= TIMESTAMP '2001-02-03 00:00:00'");
  EXPECT_EQ(iso.codes, Codes{"OS4016"});
  EXPECT_TRUE(iso.convertible);
  // A character column compared with a DATE is read with the format at run time.
  EXPECT_EQ(convert("SELECT id FROM flags WHERE code = created", Dialect::Postgres).sql,
            "SELECT \"id\" FROM \"flags\" WHERE CAST(TO_TIMESTAMP(\"code\", 'DD-MON-YY') AS TIMESTAMP) = \"created\"");
  EXPECT_EQ(convert("SELECT id FROM flags WHERE code = created", Dialect::DuckDb).sql,
            "SELECT \"id\" FROM \"flags\" WHERE strptime(\"code\", '%d-%b-%y') = \"created\"");
}

TEST(ImplicitConversions, DatesConcatenatedWithNlsDateFormat) {
  Converted c = convert("SELECT 'on ' || created FROM flags", Dialect::Postgres);
  EXPECT_EQ(c.sql, "SELECT CONCAT('on ', TO_CHAR(\"created\", 'DD-MON-YY')) FROM \"flags\"");
  EXPECT_EQ(c.codes, Codes{"OS4015"});
  EXPECT_EQ(convert("SELECT 'on ' || created FROM flags", Dialect::DuckDb).sql,
            "SELECT CONCAT('on ', upper(strftime(\"created\", '%d-%b-%y'))) FROM \"flags\"");
}

TEST(ImplicitConversions, NumbersAndDatesReadAsTextByCharacterFunctionsAndLike) {
  Converted c = convert("SELECT LPAD(id, 6, '0'), SUBSTR(qty, 1, 2) FROM flags WHERE id LIKE '7%'", Dialect::Postgres);
  EXPECT_EQ(c.sql, "SELECT LPAD(CAST(\"id\" AS TEXT), 6, '0'), SUBSTR(CAST(\"qty\" AS TEXT), 1, 2) FROM \"flags\" "
                   "WHERE CAST(\"id\" AS TEXT) LIKE '7%'");
  // id is NUMBER(5): printed as Oracle does; qty is NUMBER(7,2): the target keeps trailing zeros.
  EXPECT_EQ(c.codes, (Codes{"OS4015", "OS4012", "OS4015"}));
  EXPECT_EQ(convert("SELECT UPPER(created) FROM flags WHERE created LIKE '%-85'", Dialect::DuckDb).sql,
            "SELECT UPPER(upper(strftime(\"created\", '%d-%b-%y'))) FROM \"flags\" WHERE upper(strftime(\"created\", "
            "'%d-%b-%y')) LIKE '%-85'");
  // Text stays as it is.
  EXPECT_EQ(convert("SELECT LPAD(code, 6) FROM flags", Dialect::Postgres).sql, "SELECT LPAD(\"code\", 6) FROM \"flags\"");
}

TEST(ImplicitConversions, DmlValuesTakeTheColumnType) {
  Converted ins = convert("INSERT INTO flags (id, qty, created, code) VALUES ('7', '2.5', '03-FEB-21', 5)", Dialect::Postgres);
  EXPECT_EQ(ins.sql, "INSERT INTO \"flags\" (\"id\", \"qty\", \"created\", \"code\") VALUES (7, 2.5, TIMESTAMP "
                     "'2021-02-03 00:00:00', 5)");
  EXPECT_EQ(ins.codes, (Codes{"OS4015", "OS4015", "OS4015"}));
  // Without a column list the values follow the table's columns.
  EXPECT_EQ(convert("INSERT INTO flags VALUES (1, 1, '10', '10', '01-JAN-20')", Dialect::DuckDb).sql,
            "INSERT INTO \"flags\" VALUES (1, 1, '10', 10, TIMESTAMP '2020-01-01 00:00:00')");
  Converted upd = convert("UPDATE flags SET qty = code, created = '01-JAN-99' WHERE active = 0", Dialect::Postgres);
  EXPECT_EQ(upd.sql, "UPDATE \"flags\" SET \"qty\" = CAST(\"code\" AS NUMERIC), \"created\" = TIMESTAMP '1999-01-01 "
                     "00:00:00' WHERE CAST(\"active\" AS NUMERIC) = 0");
  EXPECT_EQ(upd.codes, (Codes{"OS4016", "OS4015", "OS4016"}));
}

TEST(ImplicitConversions, CheckConditionsUseTheRewriterWhenOracleConverts) {
  static Catalog cat = flags_catalog();
  const Table& t = cat.tables[0];
  RewriteResult r = convert_table_condition("active IN (0, 1)", Span{}, t, cat, Dialect::Postgres, "TABLE FLAGS");
  EXPECT_TRUE(r.convertible);
  EXPECT_EQ(r.sql, "CAST(\"active\" AS NUMERIC) IN (0, 1)");
  ASSERT_EQ(r.items.items().size(), 1u);
  EXPECT_STREQ(r.items.items()[0].kind->code, "OS4016");
  r = convert_table_condition("created >= '01-JAN-80'", Span{}, t, cat, Dialect::DuckDb, "TABLE FLAGS");
  EXPECT_EQ(r.sql, "\"created\" >= TIMESTAMP '1980-01-01 00:00:00'");
  // No conversion: the portable subset prints it, without items.
  r = convert_table_condition("qty > 0 AND active IN ('0', '1')", Span{}, t, cat, Dialect::Postgres, "TABLE FLAGS");
  EXPECT_EQ(r.sql, "\"qty\" > 0 AND \"active\" IN('0', '1')");  // the subset's spacing
  EXPECT_TRUE(r.items.items().empty());
}
