// The behaviour programs of test_plsql_behaviour.cpp, converted with --target redshift and run on
// the Redshift stand-in (redshift_standin.h: the test PostgreSQL server with a shim; nothing here
// ran on a Redshift cluster). Where Redshift's documented behaviour differs from Oracle's, the
// expectation is Redshift's and the page is named; where the converter flags a program for
// Redshift, the test checks the flag instead.
#include <filesystem>
#include <fstream>
#include <iterator>

#include "dialect/redshift_procedure_rules.h"
#include "plsql_programs.h"
#include "redshift_standin.h"
#include "require_env.h"

namespace {

using namespace e2e::programs;

#define NEED_PG()                       \
  if (!std::getenv("ORASHIFT_TEST_PG")) \
    ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set"

void expect_applied(const e2e::StandinUnits& u, const std::set<std::string>& flagged = {}) {
  ASSERT_FALSE(u.url.empty());
  std::string f;
  for (const auto& x : u.failures) f += x + "\n";
  EXPECT_TRUE(u.failures.empty()) << f << u.convert_output;
  EXPECT_EQ(u.flagged, flagged);
}

}  // namespace

// Functions are procedures with an INOUT result on Redshift (CALL f(args, NULL) returns it).
// c_PLpgSQL-statements, SELECT INTO: no row → FOUND false (the converter raises NO_DATA_FOUND
// from it); several rows → the first is kept, so Oracle's TOO_MANY_ROWS handler cannot run.
TEST(PlsqlBehaviourRedshift, SelectIntoChecksFoundAndKeepsTheFirstRow) {
  NEED_PG();
  auto u = e2e::convert_and_apply_redshift("selinto", std::string(kEmp) + kSelectIntoProgram);
  expect_applied(u);
  e2e::Session s(u.url);
  s("INSERT INTO emp VALUES (1, 'Ann', 10, 100, NULL), (2, 'Bob', 20, 200, NULL), (3, 'Cy', 20, 300, NULL)");
  EXPECT_EQ(s("CALL emp_name(10, NULL)"), "Ann");
  EXPECT_EQ(s("CALL emp_name(30, NULL)"), "none");
  EXPECT_EQ(s("CALL emp_name(20, NULL)"), "Bob");  // Oracle: 'many'; Redshift keeps the first row (item OS6002)
}

// Errors carry Oracle's code in their message (RAISE cannot set a SQLSTATE on Redshift), so
// SQLERRM reads as in Oracle and one OTHERS handler tells the exceptions apart.
TEST(PlsqlBehaviourRedshift, ExceptionsAndSqlcode) {
  NEED_PG();
  auto u = e2e::convert_and_apply_redshift("exc", kExceptionsProgram);
  expect_applied(u);
  e2e::Session s(u.url);
  EXPECT_EQ(s("CALL errs.code_of(5, NULL)"), "0");
  EXPECT_EQ(s("CALL errs.code_of(-1, NULL)"), "-20042");
  EXPECT_EQ(s("CALL errs.user_code(NULL)"), "1");
  EXPECT_EQ(s("CALL errs.check_positive(-3)"), "ERROR P0001: ORA-20042: not positive: -3");
  EXPECT_EQ(s("CALL safe_div(1, 0, NULL)"), "NULL");
  EXPECT_EQ(s("CALL safe_div(6, 3, NULL)"), "2.0000000000000000");
}

TEST(PlsqlBehaviourRedshift, CursorAttributesAndLoops) {
  NEED_PG();
  auto u = e2e::convert_and_apply_redshift("cursors", std::string(kEmp) + kCursorsProgram);
  expect_applied(u);
  e2e::Session s(u.url);
  s("INSERT INTO emp VALUES (1, 'Ann', 10, 100, NULL), (2, 'Bob', 20, 200, NULL), (3, 'Cy', 20, 300, NULL)");
  EXPECT_EQ(s("CALL cursor_facts(20, NULL)"), "Bob,Cy,rows=2 open closed");
  EXPECT_EQ(s("CALL cursor_facts(99, NULL)"), "rows=0 open closed");
  EXPECT_EQ(s("CALL total_salary(20, NULL)"), "1000.0000000000");
}

// A one-expression function with a default is a SQL UDF; its callers write the omitted argument.
TEST(PlsqlBehaviourRedshift, OutInOutNamedAndDefaultArguments) {
  NEED_PG();
  auto u = e2e::convert_and_apply_redshift("params", kParamsProgram);
  expect_applied(u);
  e2e::Session s(u.url);
  // Oracle prints 12: a NUMBER variable without precision is NUMERIC(38,10) on Redshift (it has no
  // unconstrained NUMERIC), whose text keeps ten decimals (docs/type-mapping.md).
  EXPECT_EQ(s("CALL use_them(NULL)"), "Alan 12.0000000000 Hello, Bob Hi, Eve");
  EXPECT_EQ(s("SELECT prokind FROM pg_proc WHERE proname = 'greet'"), "f");  // a SQL function, not a procedure
}

// EXECUTE has no USING on Redshift: binds of a literal statement are spliced with quote_literal;
// a statement built at run time with USING is flagged (OS6008).
TEST(PlsqlBehaviourRedshift, DynamicSqlWithBinds) {
  NEED_PG();
  auto u = e2e::convert_and_apply_redshift("dynsql", std::string(kEmp) + kDynamicSqlProgram);
  expect_applied(u, {"PROCEDURE RENAME_EMP"});
  e2e::Session s(u.url);
  s("INSERT INTO emp VALUES (1, 'Ann', 10, 100, NULL)");
  EXPECT_EQ(s("CALL set_salary(1, 555, NULL)"), "555.0000000000");
  EXPECT_EQ(s("CALL set_salary(2, 555, NULL)"), "ERROR P0001: ORA-01403: no data found");
}

// COMMIT in a procedure (stored-procedure-transaction-management). On the stand-in the duplicate
// key fails as in Oracle; a Redshift cluster does not enforce the primary key at all.
TEST(PlsqlBehaviourRedshift, CommitInProcedure) {
  NEED_PG();
  auto u = e2e::convert_and_apply_redshift("commit", std::string(kEmp) + kCommitProgram);
  expect_applied(u);
  e2e::Session s(u.url);
  EXPECT_EQ(s("CALL load_two()").substr(0, 11), "ERROR 23505");
  EXPECT_EQ(s("SELECT name FROM emp"), "first");
}

// What Redshift lacks is flagged, not converted: package state, triggers, collections.
TEST(PlsqlBehaviourRedshift, PackageStateTriggersAndCollectionsAreFlagged) {
  NEED_PG();
  auto p = e2e::convert_and_apply_redshift("pkgstate", kPackageStateProgram);
  EXPECT_TRUE(p.flagged.count("PACKAGE BODY COUNTER")) << p.convert_output;
  auto t = e2e::convert_and_apply_redshift("triggers", std::string(kEmp) + kTriggersProgram);
  size_t triggers = 0;
  for (const auto& f : t.flagged) triggers += f.rfind("TRIGGER ", 0) == 0;
  EXPECT_GE(triggers, 2u);
  auto b = e2e::convert_and_apply_redshift("bulk", std::string(kEmp) + kBulkProgram);
  EXPECT_FALSE(b.flagged.empty());
}

// Associative arrays (maps held as jsonb on PostgreSQL): Redshift's procedures have neither arrays
// nor jsonb, so every unit that declares or uses one is flagged, none is applied.
TEST(PlsqlBehaviourRedshift, AssociativeArraysAreFlagged) {
  NEED_PG();
  auto u = e2e::convert_and_apply_redshift("assoc", kAssocArraysProgram);
  for (const char* unit : {"PACKAGE DICT", "PACKAGE BODY DICT", "FUNCTION MAP_FACTS", "FUNCTION RECORD_MAP", "FUNCTION SPARSE_FACTS"})
    EXPECT_TRUE(u.flagged.count(unit)) << unit << "\n" << u.convert_output;
}

// TIMESTAMP - TIMESTAMP is an INTERVAL DAY TO SECOND in Oracle (SQL Language Reference,
// "Datetime/Interval Arithmetic"), held in an INTERVAL DAY TO SECOND variable on Redshift too
// (Database Developer Guide, "Interval data types and literals"); EXTRACT of its fields is
// Oracle's. EXTRACT(SECOND) is a whole number on Redshift (EXTRACT function, "Return type"):
// warned, not flagged.
TEST(PlsqlBehaviourRedshift, TimestampDifferenceIsAnInterval) {
  NEED_PG();
  auto u = e2e::convert_and_apply_redshift("ivl", R"(
CREATE TABLE ev (id NUMBER(10) PRIMARY KEY, started TIMESTAMP, ended TIMESTAMP);
CREATE OR REPLACE FUNCTION elapsed_minutes(p_id NUMBER) RETURN NUMBER IS
  l_s TIMESTAMP;
  l_e TIMESTAMP;
  l_d INTERVAL DAY TO SECOND;
  l_q INTERVAL DAY(3) TO SECOND(0);
BEGIN
  SELECT started, ended INTO l_s, l_e FROM ev WHERE id = p_id;
  l_d := l_e - l_s;
  SELECT ended - started INTO l_q FROM ev WHERE id = p_id;
  IF l_q <> l_d THEN
    RETURN -1;
  END IF;
  RETURN EXTRACT(DAY FROM l_d) * 1440 + EXTRACT(HOUR FROM l_d) * 60 + EXTRACT(MINUTE FROM l_d);
END;
/
CREATE OR REPLACE FUNCTION elapsed_seconds(p_id NUMBER) RETURN NUMBER IS
  l_d INTERVAL DAY TO SECOND;
BEGIN
  SELECT ended - started INTO l_d FROM ev WHERE id = p_id;
  RETURN EXTRACT(SECOND FROM l_d);
END;
/
)");
  expect_applied(u);
  size_t whole_seconds = 0;
  const auto report = e2e::read_json(u.redshift_out / "report" / "report.json");
  for (const auto& i : report["action_items"])
    whole_seconds += i["code"] == "OS6002" && i["message"].get<std::string>().find("EXTRACT(SECOND") != std::string::npos;
  EXPECT_EQ(whole_seconds, 1u);
  e2e::Session s(u.url);
  s("INSERT INTO ev VALUES (1, '2024-03-01 10:00:00', '2024-03-02 12:03:07'), (2, '2024-03-01 10:00:00', '2024-03-01 09:30:00')");
  EXPECT_EQ(s("CALL elapsed_minutes(1, NULL)"), "1563");
  EXPECT_EQ(s("CALL elapsed_minutes(2, NULL)"), "-30");
  EXPECT_EQ(std::stod(s("CALL elapsed_seconds(1, NULL)")), 7);  // the stand-in's EXTRACT keeps "7.000000"
}

// r_CREATE_PROCEDURE documents an argument as `[argname] [argmode] argtype`, no DEFAULT: the
// defaults are dropped from the signatures (OS6002 each) and every converted call that omits an
// argument writes its default, in a CALL statement, in `v := f(…)` and in `RETURN f(…)` (a
// function that is a procedure here, its result the last argument after the defaulted ones).
TEST(PlsqlBehaviourRedshift, OmittedDefaultsAreWrittenByTheCaller) {
  NEED_PG();
  auto u = e2e::convert_and_apply_redshift("defaults", R"(
CREATE TABLE hits (lvl VARCHAR2(10), weight NUMBER(5));
CREATE OR REPLACE PROCEDURE hit(p_level VARCHAR2, p_weight NUMBER DEFAULT 7) IS
BEGIN
  INSERT INTO hits VALUES (p_level, p_weight);
END;
/
CREATE OR REPLACE FUNCTION scaled(p_level VARCHAR2, p_factor NUMBER DEFAULT 10) RETURN NUMBER IS
  l NUMBER;
BEGIN
  l := LENGTH(p_level);
  RETURN l * p_factor;
END;
/
CREATE OR REPLACE FUNCTION run_all(p VARCHAR2) RETURN NUMBER IS
  v NUMBER;
  w NUMBER;
  x NUMBER;
BEGIN
  hit(p);
  hit(p_level => p, p_weight => 1);
  v := scaled(p);
  w := scaled(p_level => p);
  x := scaled(p, 1);
  RETURN v + w - x;
END;
/
CREATE OR REPLACE FUNCTION run_last(p VARCHAR2) RETURN NUMBER IS
  v VARCHAR2(10);
BEGIN
  v := UPPER(p);
  RETURN scaled(v);
END;
/
CREATE OR REPLACE PACKAGE lim IS
  c_max CONSTANT NUMBER := 3;
  PROCEDURE put(p NUMBER, m NUMBER DEFAULT c_max);
END;
/
CREATE OR REPLACE PACKAGE BODY lim IS
  PROCEDURE put(p NUMBER, m NUMBER DEFAULT c_max) IS BEGIN NULL; END;
END;
/
CREATE OR REPLACE PROCEDURE uses_constant IS
BEGIN
  lim.put(1);
END;
/
)");
  // lim.put(1) would write c_max in the caller, where it names nothing (or something else).
  expect_applied(u, {"PROCEDURE USES_CONSTANT"});
  std::string sql;
  for (const auto& f : std::filesystem::directory_iterator(u.redshift_out / "redshift"))
    if (f.path().extension() == ".sql" && f.path().filename() != "apply.sql") {
      std::ifstream in(f.path(), std::ios::binary);
      sql += std::string(std::istreambuf_iterator<char>(in), {});
    }
  EXPECT_TRUE(orashift::check_redshift_routines(sql).empty()) << sql;
  size_t dropped = 0;
  const auto report = e2e::read_json(u.redshift_out / "report" / "report.json");
  for (const auto& i : report["action_items"])
    dropped += i["message"].get<std::string>().find("has no parameter defaults") != std::string::npos;
  EXPECT_EQ(dropped, 4u);  // hit, scaled, and lim.put in its specification and its body
  e2e::Session s(u.url);
  // 'abc': scaled('abc') is 3 × the default 10.
  EXPECT_EQ(s("CALL run_last('abc', NULL)"), "30.0000000000");
  // v = 30, w = 30, x = 3: 57; hit() inserted ('abc', 7) and ('abc', 1).
  EXPECT_EQ(s("CALL run_all('abc', NULL)"), "57.0000000000");
  EXPECT_EQ(s("SELECT string_agg(weight::text, ',' ORDER BY weight) FROM hits"), "1,7");
}
