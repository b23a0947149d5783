// The SQL rewriter (src/convert/sql_rewrite.h): one rule per test, per target where they differ.
// Whole views are covered by the golden cases (tests/golden/view_*) and executed by
// tests/e2e/test_view_rewrites.cpp.
#include <gtest/gtest.h>

#include "convert/sql_rewrite.h"
#include "sql/parser.h"

using namespace orashift;

namespace {

Catalog emp_catalog() {
  Catalog cat;
  Table emp;
  emp.name = "EMP";
  auto col = [&](const char* n, OracleType t) {
    Column c;
    c.name = n;
    c.type = std::move(t);
    emp.columns.push_back(c);
  };
  col("EMPNO", OracleType::number(4, 0));
  col("ENAME", OracleType::named("VARCHAR2", 10));
  col("MGR", OracleType::number(4, 0));
  col("HIREDATE", OracleType::named("DATE"));
  col("SAL", OracleType::number(7, 2));
  col("DEPTNO", OracleType::number(2, 0));
  cat.tables.push_back(emp);
  Table dept;
  dept.name = "DEPT";
  Column d;
  d.name = "DEPTNO";
  d.type = OracleType::number(2, 0);
  dept.columns.push_back(d);
  d.name = "DNAME";
  d.type = OracleType::named("VARCHAR2", 14);
  dept.columns.push_back(d);
  cat.tables.push_back(dept);
  return cat;
}

struct Converted {
  std::string sql;
  std::vector<std::string> codes;
  bool convertible = true;
};

// Converts the query of `select_sql` (one SELECT statement).
Converted query(const std::string& select_sql, Dialect d) {
  static Catalog cat = emp_catalog();
  SourceFile file("t.sql", select_sql);
  Diagnostics diags;
  sql::ParsedScript p = sql::parse_script(file, diags);
  EXPECT_EQ(diags.error_count(), 0u) << select_sql;
  EXPECT_EQ(p.statements.size(), 1u);
  Converted out;
  if (p.statements.empty() || p.statements[0]->kind != sql::ast::StmtKind::Select) return out;
  RewriteContext ctx;
  ctx.catalog = &cat;
  ctx.object = "VIEW T";
  RewriteResult r = convert_query(*static_cast<const sql::ast::SelectStmt&>(*p.statements[0]).query, d, ctx);
  out.sql = r.sql;
  out.convertible = r.convertible;
  for (const auto& i : r.items.items()) out.codes.push_back(i.kind->code);
  return out;
}

std::string expr(const std::string& text, Dialect d, std::vector<std::string>* codes = nullptr) {
  static Catalog cat = emp_catalog();
  RewriteContext ctx;
  ctx.catalog = &cat;
  ctx.table = &cat.tables[0];
  ctx.object = "TABLE EMP";
  RewriteResult r = convert_expression_text(text, Span{}, d, ctx);
  if (codes)
    for (const auto& i : r.items.items()) codes->push_back(i.kind->code);
  return r.sql;
}

}  // namespace

TEST(SqlRewrite, DefaultsForEachTarget) {
  EXPECT_EQ(expr("SYSDATE", Dialect::Postgres), "LOCALTIMESTAMP(0)");
  EXPECT_EQ(expr("SYSDATE", Dialect::Redshift), "GETDATE()");
  EXPECT_EQ(expr("USER", Dialect::DuckDb), "CURRENT_USER");
  EXPECT_EQ(expr("emp_seq.NEXTVAL", Dialect::Postgres), "nextval('\"emp_seq\"')");
  EXPECT_EQ(expr("emp_seq.NEXTVAL", Dialect::DuckDb), "nextval('\"emp_seq\"')");
  std::vector<std::string> codes;
  EXPECT_EQ(expr("emp_seq.nextval", Dialect::Redshift, &codes), "NULL");
  EXPECT_EQ(codes, std::vector<std::string>{"OS4005"});
  EXPECT_EQ(expr("SYS_GUID()", Dialect::Postgres), "decode(replace(CAST(gen_random_uuid() AS TEXT), '-', ''), 'hex')");
}

TEST(SqlRewrite, CheckConditionsKeepColumnsQuoted) {
  EXPECT_EQ(expr("sal > 0 AND ename = UPPER(ename)", Dialect::Postgres), "\"sal\" > 0 AND \"ename\" = UPPER(\"ename\")");
  EXPECT_EQ(expr("deptno IN (10, 20)", Dialect::DuckDb), "\"deptno\" IN (10, 20)");
}

TEST(SqlRewrite, UnparsableExpressionIsAnItem) {
  std::vector<std::string> codes;
  expr("sal >", Dialect::Postgres, &codes);
  EXPECT_EQ(codes, std::vector<std::string>{"OS4013"});
}

TEST(SqlRewrite, NvlDecodeNativeOnRedshiftOnly) {
  EXPECT_EQ(expr("NVL(mgr, 0)", Dialect::Postgres), "COALESCE(\"mgr\", 0)");
  EXPECT_EQ(expr("NVL(mgr, 0)", Dialect::Redshift), "NVL(\"mgr\", 0)");
  EXPECT_EQ(expr("NVL2(mgr, 1, 0)", Dialect::DuckDb), "CASE WHEN \"mgr\" IS NOT NULL THEN 1 ELSE 0 END");
  EXPECT_EQ(expr("DECODE(mgr, NULL, 'top', 7839, 'second', 'other')", Dialect::Postgres),
            "CASE WHEN \"mgr\" IS NULL THEN 'top' WHEN \"mgr\" = 7839 THEN 'second' ELSE 'other' END");
  EXPECT_EQ(expr("DECODE(mgr, deptno, 1)", Dialect::Postgres),
            "CASE WHEN \"mgr\" IS NOT DISTINCT FROM \"deptno\" THEN 1 END");
  EXPECT_EQ(expr("DECODE(mgr, NULL, 1)", Dialect::Redshift), "DECODE(\"mgr\", NULL, 1)");
}

TEST(SqlRewrite, EmptyStringIsNull) {
  EXPECT_EQ(expr("ename || ', ' || deptno", Dialect::Postgres), "CONCAT(\"ename\", ', ', \"deptno\")");
  EXPECT_EQ(expr("ename || mgr", Dialect::DuckDb), "NULLIF(CONCAT(\"ename\", \"mgr\"), '')");
  EXPECT_EQ(expr("ename || '-'", Dialect::Redshift), "(COALESCE(\"ename\", '') || '-')");
  EXPECT_EQ(expr("ename = ''", Dialect::Postgres), "\"ename\" = NULL");
}

TEST(SqlRewrite, DateArithmeticUsesColumnTypes) {
  EXPECT_EQ(expr("hiredate + 30", Dialect::Postgres), "(\"hiredate\" + (30) * INTERVAL '1 day')");
  // HEXTORAW assumes a leading 0 for an odd number of digits (HEXTORAW('D') is 0D).
  EXPECT_EQ(expr("HEXTORAW('D')", Dialect::Postgres), "decode('0D', 'hex')");
  EXPECT_EQ(expr("HEXTORAW('0A0B')", Dialect::Postgres), "decode('0A0B', 'hex')");
  EXPECT_EQ(expr("HEXTORAW(ename)", Dialect::Postgres),
            "decode(lpad(\"ename\", length(\"ename\") + length(\"ename\") % 2, '0'), 'hex')");
  // A character function reads a number as its text (BITAND is a number: oos-utils' TOTP).
  std::string bits = expr("SUBSTR(BITAND(sal, 255), -2, 2)", Dialect::Postgres);
  EXPECT_EQ(bits.rfind("SUBSTR(CAST(((\"sal\")::bigint & (255)::bigint) AS TEXT), ", 0), 0u) << bits;
  // SYYYY: the sign position is a blank for AD years.
  EXPECT_EQ(expr("TO_CHAR(hiredate, 'syyyy-mm-dd\"T\"hh24:mi:ss')", Dialect::Postgres),
            "TO_CHAR(\"hiredate\", '\" \"YYYY-MM-DD\"T\"HH24:MI:SS')");
  // An interval is added as it is, not taken for a number of days (oos-utils' sleep).
  EXPECT_EQ(expr("hiredate + NUMTODSINTERVAL(5, 'second')", Dialect::Postgres), "\"hiredate\" + (5 * INTERVAL '1 SECOND')");
  EXPECT_EQ(expr("hiredate - 2 * NUMTODSINTERVAL(1, 'hour')", Dialect::Postgres), "\"hiredate\" - 2 * (1 * INTERVAL '1 HOUR')");
  EXPECT_EQ(expr("SYSDATE - hiredate", Dialect::Postgres),
            "trim_scale((EXTRACT(EPOCH FROM LOCALTIMESTAMP(0)) - EXTRACT(EPOCH FROM \"hiredate\")) / 86400)");
  // With a TIMESTAMP on either side the difference is an INTERVAL DAY TO SECOND: the targets' minus.
  EXPECT_EQ(expr("SYSTIMESTAMP - hiredate", Dialect::Postgres), "(CURRENT_TIMESTAMP - \"hiredate\")");
  EXPECT_EQ(expr("sal - mgr", Dialect::Postgres), "\"sal\" - \"mgr\"");
  EXPECT_EQ(expr("TRUNC(hiredate, 'MM')", Dialect::DuckDb), "CAST(DATE_TRUNC('month', \"hiredate\") AS TIMESTAMP)");
  EXPECT_EQ(expr("TRUNC(sal)", Dialect::DuckDb), "TRUNC(\"sal\")");
  EXPECT_EQ(expr("TRUNC(hiredate)", Dialect::Redshift), "DATE_TRUNC('day', \"hiredate\")");
}

TEST(SqlRewrite, FormatModels) {
  EXPECT_EQ(expr("TO_CHAR(hiredate, 'YYYY-MM-DD HH24:MI:SS')", Dialect::Postgres),
            "TO_CHAR(\"hiredate\", 'YYYY-MM-DD HH24:MI:SS')");
  EXPECT_EQ(expr("TO_CHAR(hiredate, 'YYYY-MM-DD HH24:MI:SS')", Dialect::DuckDb),
            "strftime(\"hiredate\", '%Y-%m-%d %H:%M:%S')");
  EXPECT_EQ(expr("TO_CHAR(hiredate, 'DD-MON-YYYY')", Dialect::DuckDb), "upper(strftime(\"hiredate\", '%d-%b-%Y'))");
  EXPECT_EQ(expr("TO_DATE('2024-01-31', 'YYYY-MM-DD')", Dialect::DuckDb), "strptime('2024-01-31', '%Y-%m-%d')");
  EXPECT_EQ(expr("TO_DATE('2024-01-31', 'YYYY-MM-DD')", Dialect::Postgres),
            "CAST(TO_TIMESTAMP('2024-01-31', 'YYYY-MM-DD') AS TIMESTAMP)");
  std::vector<std::string> codes;
  expr("TO_CHAR(hiredate, 'Q')", Dialect::DuckDb, &codes);
  EXPECT_EQ(codes, std::vector<std::string>{"OS4004"});
}

TEST(SqlRewrite, OuterJoinPlusBecomesLeftJoin) {
  auto c = query("SELECT e.ename, d.dname FROM emp e, dept d WHERE e.deptno = d.deptno(+) AND d.dname(+) = 'SALES'",
                 Dialect::Postgres);
  EXPECT_EQ(c.sql, "SELECT \"e\".\"ename\", \"d\".\"dname\" FROM \"emp\" \"e\" LEFT JOIN \"dept\" \"d\" ON "
                   "\"e\".\"deptno\" = \"d\".\"deptno\" AND \"d\".\"dname\" = 'SALES'");
  EXPECT_TRUE(c.codes.empty());
  // The optional table first in FROM, unqualified columns resolved through the catalog.
  c = query("SELECT dname, ename FROM dept, emp WHERE dept.deptno(+) = emp.deptno AND sal > 1000", Dialect::DuckDb);
  EXPECT_EQ(c.sql, "SELECT \"dname\", \"ename\" FROM \"emp\" LEFT JOIN \"dept\" ON \"dept\".\"deptno\" = "
                   "\"emp\".\"deptno\" WHERE \"sal\" > 1000");
}

TEST(SqlRewrite, RownumBecomesLimit) {
  auto c = query("SELECT ename FROM emp WHERE ROWNUM <= 3 AND deptno = 10", Dialect::Postgres);
  EXPECT_EQ(c.sql, "SELECT \"ename\" FROM \"emp\" WHERE \"deptno\" = 10 LIMIT 3");
  c = query("SELECT * FROM (SELECT ename, sal FROM emp ORDER BY sal DESC) WHERE ROWNUM <= 2", Dialect::Postgres);
  EXPECT_EQ(c.sql, "SELECT * FROM (SELECT \"ename\", \"sal\" FROM \"emp\" ORDER BY \"sal\" DESC LIMIT 2) \"orashift_sub1\" LIMIT 2");
  c = query("SELECT ename FROM emp WHERE ROWNUM > 2", Dialect::Postgres);
  EXPECT_FALSE(c.convertible);
  EXPECT_EQ(c.codes, std::vector<std::string>{"OS4001"});
}

TEST(SqlRewrite, MinusDualHints) {
  auto c = query("SELECT /*+ FULL(e) */ deptno FROM emp e MINUS SELECT deptno FROM dept", Dialect::DuckDb);
  EXPECT_EQ(c.sql, "SELECT \"deptno\" FROM \"emp\" \"e\" EXCEPT SELECT \"deptno\" FROM \"dept\"");
  c = query("SELECT 1 FROM DUAL", Dialect::Redshift);
  EXPECT_EQ(c.sql, "SELECT 1");
}

TEST(SqlRewrite, ConnectByBecomesWithRecursive) {
  auto c = query("SELECT ename, LEVEL FROM emp START WITH mgr IS NULL CONNECT BY PRIOR empno = mgr", Dialect::Postgres);
  EXPECT_TRUE(c.convertible);
  EXPECT_EQ(c.sql,
            "WITH RECURSIVE \"orashift_tree1\" (\"empno\", \"ename\", \"mgr\", \"hiredate\", \"sal\", \"deptno\", "
            "\"orashift_level\") AS (SELECT \"emp\".\"empno\", \"emp\".\"ename\", \"emp\".\"mgr\", \"emp\".\"hiredate\", "
            "\"emp\".\"sal\", \"emp\".\"deptno\", 1 FROM \"emp\" WHERE \"mgr\" IS NULL UNION ALL SELECT \"emp\".\"empno\", "
            "\"emp\".\"ename\", \"emp\".\"mgr\", \"emp\".\"hiredate\", \"emp\".\"sal\", \"emp\".\"deptno\", "
            "\"orashift_prior\".\"orashift_level\" + 1 FROM \"emp\" JOIN \"orashift_tree1\" \"orashift_prior\" ON "
            "\"orashift_prior\".\"empno\" = \"emp\".\"mgr\") SELECT \"ename\", \"emp\".\"orashift_level\" FROM "
            "\"orashift_tree1\" \"emp\"");
  c = query("SELECT ename FROM emp CONNECT BY NOCYCLE PRIOR empno = mgr", Dialect::Postgres);
  EXPECT_EQ(c.codes, std::vector<std::string>{"OS4003"});
}

namespace {

std::string statement(const std::string& text, Dialect d, std::vector<std::string>* codes = nullptr) {
  static Catalog cat = emp_catalog();
  SourceFile file("t.sql", text);
  Diagnostics diags;
  sql::ParsedScript p = sql::parse_script(file, diags);
  EXPECT_EQ(diags.error_count(), 0u) << text;
  if (p.statements.size() != 1) return "";
  RewriteContext ctx;
  ctx.catalog = &cat;
  ctx.object = "STATEMENT";
  RewriteResult r = convert_statement(*p.statements[0], d, ctx);
  if (codes)
    for (const auto& i : r.items.items()) codes->push_back(i.kind->code);
  return r.sql;
}

}  // namespace

TEST(SqlRewrite, InsertFirstBecomesOneInsertPerTarget) {
  EXPECT_EQ(statement("INSERT FIRST WHEN sal > 2000 THEN INTO emp (empno) VALUES (empno) "
                      "ELSE INTO dept (deptno) VALUES (deptno) SELECT empno, sal, deptno FROM emp",
                      Dialect::Postgres),
            "INSERT INTO \"emp\" (\"empno\") SELECT \"empno\" FROM (SELECT \"empno\", \"sal\", \"deptno\" FROM \"emp\") "
            "\"orashift_src\" WHERE \"sal\" > 2000;\nINSERT INTO \"dept\" (\"deptno\") SELECT \"deptno\" FROM (SELECT "
            "\"empno\", \"sal\", \"deptno\" FROM \"emp\") \"orashift_src\" WHERE NOT COALESCE((\"sal\" > 2000), FALSE)");
}

TEST(SqlRewrite, MergeOnEachTarget) {
  std::string m = "MERGE INTO emp e USING dept d ON (e.deptno = d.deptno) "
                  "WHEN MATCHED THEN UPDATE SET e.sal = e.sal * 1.1 WHERE d.dname = 'SALES' "
                  "WHEN NOT MATCHED THEN INSERT (empno, deptno) VALUES (d.deptno, d.deptno)";
  EXPECT_EQ(statement(m, Dialect::Postgres),
            "MERGE INTO \"emp\" \"e\" USING \"dept\" \"d\" ON (\"e\".\"deptno\" = \"d\".\"deptno\") WHEN MATCHED AND "
            "\"d\".\"dname\" = 'SALES' THEN UPDATE SET \"sal\" = \"e\".\"sal\" * 1.1 WHEN NOT MATCHED THEN INSERT "
            "(\"empno\", \"deptno\") VALUES (\"d\".\"deptno\", \"d\".\"deptno\")");
  std::vector<std::string> codes;
  statement(m, Dialect::Redshift, &codes);
  EXPECT_EQ(codes, std::vector<std::string>{"OS4013"});  // the WHERE on the update
  codes.clear();
  statement("MERGE INTO emp e USING (SELECT * FROM dept) d ON (e.deptno = d.deptno) "
            "WHEN MATCHED THEN UPDATE SET e.sal = 0 WHEN NOT MATCHED THEN INSERT (empno) VALUES (d.deptno)",
            Dialect::Redshift, &codes);
  EXPECT_EQ(codes, std::vector<std::string>{"OS4013"});  // a query as the source
}

TEST(SqlRewrite, UnistrAndYearMonthIntervalLiterals) {
  EXPECT_EQ(expr("UNISTR('Caf\\00e9 \\d83d\\de00 a\\\\b')", Dialect::DuckDb), "'Caf\xC3\xA9 \xF0\x9F\x98\x80 a\\b'");
  EXPECT_EQ(expr("TO_YMINTERVAL('01-02')", Dialect::Postgres), "INTERVAL '1 years 2 months'");
  std::vector<std::string> codes;
  expr("UNISTR('bad \\zz')", Dialect::Postgres, &codes);
  EXPECT_EQ(codes, std::vector<std::string>{"OS4007"});
}

// CLOBs are the targets' text type; NUMTODSINTERVAL/NUMTOYMINTERVAL with a literal unit are
// multiples of a one-unit interval; an unknown unit stays an item.
TEST(SqlRewrite, ClobAndIntervalFunctions) {
  EXPECT_EQ(expr("TO_CLOB(ename)", Dialect::Postgres), "CAST(\"ename\" AS TEXT)");
  EXPECT_EQ(expr("EMPTY_CLOB()", Dialect::DuckDb), "CAST('' AS VARCHAR)");
  EXPECT_EQ(expr("NUMTODSINTERVAL(sal, 'hour')", Dialect::Postgres), "(\"sal\" * INTERVAL '1 HOUR')");
  EXPECT_EQ(expr("NUMTOYMINTERVAL(2, 'YEAR')", Dialect::Redshift), "(2 * INTERVAL '1 YEAR')");
  std::vector<std::string> codes;
  expr("NUMTODSINTERVAL(sal, unit_col)", Dialect::Postgres, &codes);
  EXPECT_EQ(codes, std::vector<std::string>{"OS4007"});
}
