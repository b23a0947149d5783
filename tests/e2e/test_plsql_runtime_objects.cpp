// Dynamic SQL that Oracle checks only when it runs: Oracle Database PL/SQL Language Reference 19c,
// "PL/SQL Dynamic SQL" — dynamic SQL is what a program uses when it must "reference database
// objects that do not exist at compilation time". Code relies on that in two ways: it reads a
// table that it creates itself at run time (a test's setup saves a table that its teardown
// restores), or it probes a table whose absence its handler for ORA-00942 expects ("table or view
// does not exist", Error Messages). The converted statements run as Oracle's do, and
// plpgsql_check, which reads a literal EXECUTE as static SQL, is told to leave them to run time;
// a dynamic statement on a missing table with neither excuse is still reported.
#include <filesystem>
#include <fstream>
#include <set>

#include "plsql_harness.h"
#include "require_env.h"

namespace {

const char* kProgram = R"(
CREATE TABLE settings (name VARCHAR2(30) PRIMARY KEY, value VARCHAR2(30));

CREATE OR REPLACE VIEW settings_v AS SELECT name, value FROM settings;

CREATE OR REPLACE PACKAGE errs IS
  no_table EXCEPTION;
  PRAGMA EXCEPTION_INIT(no_table, -942);
END;
/
CREATE OR REPLACE PACKAGE settings_test IS
  PROCEDURE setup;
  PROCEDURE teardown;
  FUNCTION add_pairs RETURN NUMBER;
END;
/
CREATE OR REPLACE PACKAGE BODY settings_test IS
  PROCEDURE setup IS
  BEGIN
    EXECUTE IMMEDIATE 'create table settings_saved as select * from settings';
  END;
  PROCEDURE teardown IS
  BEGIN
    DELETE FROM settings;
    EXECUTE IMMEDIATE 'insert into settings select * from settings_saved';
    EXECUTE IMMEDIATE 'drop table settings_saved';
  END;
  FUNCTION add_pairs RETURN NUMBER IS
    TYPE names_t IS TABLE OF VARCHAR2(30);
    names names_t := names_t('a', 'b', 'c');
  BEGIN
    FORALL i IN 1 .. names.COUNT
      EXECUTE IMMEDIATE 'insert into settings_saved select :1, :2 from dual union all select :3, :4 from dual'
        USING names(i), 'x', names(i) || '2', 'y';
    RETURN SQL%ROWCOUNT;
  END;
END;
/
CREATE OR REPLACE FUNCTION has_other RETURN VARCHAR2 IS
  n NUMBER;
BEGIN
  EXECUTE IMMEDIATE 'select count(*) from other_items' INTO n;
  RETURN 'yes ' || n;
EXCEPTION
  WHEN errs.no_table THEN RETURN 'no';
END;
/
CREATE OR REPLACE FUNCTION count_archive RETURN NUMBER IS
  n NUMBER;
BEGIN
  EXECUTE IMMEDIATE 'select count(*) from settings_archive' INTO n;
  RETURN n;
EXCEPTION
  WHEN OTHERS THEN
    IF SQLCODE = -942 THEN
      RETURN -1;
    END IF;
    RAISE;
END;
/
CREATE OR REPLACE FUNCTION first_setting RETURN VARCHAR2 IS
  v VARCHAR2(30);
BEGIN
  EXECUTE IMMEDIATE 'select value from settings_v where rownum = 1' INTO v;
  RETURN v;
END;
/
CREATE OR REPLACE FUNCTION has_feature RETURN VARCHAR2 IS
  tbl_not_exist EXCEPTION;
  PRAGMA EXCEPTION_INIT(tbl_not_exist, -942);
  l_dummy NUMBER;
BEGIN
  EXECUTE IMMEDIATE 'select 1 from feature_items where rownum = 1' INTO l_dummy;
  RETURN 'TRUE';
EXCEPTION
  WHEN tbl_not_exist THEN RETURN 'FALSE';
  WHEN no_data_found THEN RETURN 'EMPTY';
END;
/
CREATE OR REPLACE FUNCTION count_elsewhere RETURN NUMBER IS
  n NUMBER;
BEGIN
  EXECUTE IMMEDIATE 'select count(*) from elsewhere_items' INTO n;
  RETURN n;
END;
/
)";

}  // namespace

TEST(PlsqlRuntimeObjects, DynamicSqlOnTablesCreatedAtRunTimeOrExpectedMissing) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("deferred_check", kProgram);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());

  // The probe: no table is ORA-00942, an empty one no row, a filled one its first row (ROWNUM = 1
  // converted: the text kept as written would fail on PostgreSQL with a missing column instead).
  EXPECT_EQ(s("SELECT has_feature()"), "FALSE");
  ASSERT_EQ(s("CREATE TABLE feature_items (id integer)"), "OK");
  EXPECT_EQ(s("SELECT has_feature()"), "EMPTY");
  ASSERT_EQ(s("INSERT INTO feature_items VALUES (1), (2)"), "OK");
  EXPECT_EQ(s("SELECT has_feature()"), "TRUE");
  ASSERT_EQ(s("DROP TABLE feature_items"), "OK");

  // The same with WHEN OTHERS testing SQLCODE.
  EXPECT_EQ(s("SELECT count_archive()"), "-1");
  ASSERT_EQ(s("CREATE TABLE settings_archive (id integer)"), "OK");
  EXPECT_EQ(s("SELECT count_archive()"), "0");

  // The same with the exception declared in a package.
  EXPECT_EQ(s("SELECT has_other()"), "no");
  ASSERT_EQ(s("CREATE TABLE other_items (id integer)"), "OK");
  EXPECT_EQ(s("SELECT has_other()"), "yes 0");

  // Setup saves the table, teardown puts it back from the table setup created. FORALL's
  // SQL%ROWCOUNT is every row its statements inserted ("SQL%BULK_ROWCOUNT"), 2 × 3.
  ASSERT_EQ(s("INSERT INTO settings VALUES ('level', 'debug')"), "OK");
  EXPECT_EQ(s("CALL settings_test.setup()"), "OK");
  EXPECT_EQ(s("SELECT settings_test.add_pairs()"), "6");
  EXPECT_EQ(s("SELECT count(*) FROM settings_saved"), "7");
  EXPECT_EQ(s("DELETE FROM settings_saved WHERE name <> 'level'"), "OK");
  ASSERT_EQ(s("UPDATE settings SET value = 'off'"), "OK");
  EXPECT_EQ(s("CALL settings_test.teardown()"), "OK");
  EXPECT_EQ(s("SELECT value FROM settings"), "debug");
  EXPECT_EQ(s("SELECT to_regclass('settings_saved') IS NULL"), "t");

  // A view read by dynamic SQL is converted like any query (ROWNUM = 1 → LIMIT 1).
  EXPECT_EQ(s("SELECT first_setting()"), "debug");

  // Only the statement with no excuse is reported by plpgsql_check.
  EXPECT_EQ(e2e::check_errors(s), "count_elsewhere(): relation \"elsewhere_items\" does not exist");
  std::string converted = e2e::converted_text(u.dir);
  EXPECT_NE(converted.find("  BEGIN\n    PERFORM 'PRAGMA:DISABLE:CHECK';\n    EXECUTE 'INSERT INTO \"settings\" SELECT * FROM "
                           "\"settings_saved\"';\n  END;\n"),
            std::string::npos)
      << converted;
  // Each is said in the report, with its reason.
  auto report = e2e::read_json(u.dir.parent_path() / "report" / "report.json");
  std::multiset<std::string> said;
  for (const auto& i : report["action_items"]) {
    std::string m = i["message"].get<std::string>();
    if (i["code"] == "OS6003" && m.find("checked when it runs") != std::string::npos) said.insert(m.substr(0, m.find(" (")));
  }
  const std::string prefix = "dynamic statement checked when it runs, as in Oracle: ";
  EXPECT_EQ(said, (std::multiset<std::string>{prefix + "SETTINGS_SAVED is created at run time",
                                              prefix + "SETTINGS_SAVED is created at run time",
                                              prefix + "FEATURE_ITEMS may be missing, as the enclosing block's handler for ORA-00942 expects",
                                              prefix + "OTHER_ITEMS may be missing, as the enclosing block's handler for ORA-00942 expects",
                                              prefix + "SETTINGS_ARCHIVE may be missing, as the enclosing block's handler for ORA-00942 expects"}));
}

namespace {

// The idioms of install and upgrade scripts that run on a schema in any state: drop what may not
// be there, create what may be there already, keyed on SQLCODE in a WHEN OTHERS handler.
const char* kSqlcodeProgram = R"(
CREATE OR REPLACE PROCEDURE drop_if_exists(p_table VARCHAR2) IS
BEGIN
  EXECUTE IMMEDIATE 'DROP TABLE ' || p_table;
EXCEPTION
  WHEN OTHERS THEN
    IF SQLCODE != -942 THEN
      RAISE;
    END IF;
END;
/
CREATE OR REPLACE PROCEDURE create_if_missing(p_table VARCHAR2) IS
BEGIN
  EXECUTE IMMEDIATE 'CREATE TABLE ' || p_table || ' (id INTEGER)';
EXCEPTION
  WHEN OTHERS THEN
    IF SQLCODE = -955 THEN
      NULL;
    ELSE
      RAISE;
    END IF;
END;
/
CREATE OR REPLACE PACKAGE app_errs IS
  batch_failed EXCEPTION;
  PRAGMA EXCEPTION_INIT(batch_failed, -24381);
END;
/
CREATE OR REPLACE FUNCTION own_codes RETURN VARCHAR2 IS
  e_busy EXCEPTION;
  PRAGMA EXCEPTION_INIT(e_busy, -30006);
  r VARCHAR2(40);
BEGIN
  BEGIN
    RAISE e_busy;
  EXCEPTION
    WHEN OTHERS THEN r := SQLCODE;
  END;
  BEGIN
    RAISE app_errs.batch_failed;
  EXCEPTION
    WHEN OTHERS THEN r := r || ' ' || SQLCODE;
  END;
  RETURN r;
END;
/
CREATE OR REPLACE FUNCTION overflow_code RETURN VARCHAR2 IS
  v VARCHAR2(3);
  n NUMBER(4,1);
  r VARCHAR2(40);
BEGIN
  BEGIN
    v := 'abcdef';
  EXCEPTION
    WHEN VALUE_ERROR THEN r := SQLCODE;
  END;
  BEGIN
    n := 100000;
  EXCEPTION
    WHEN OTHERS THEN r := r || ' ' || SQLCODE;
  END;
  RETURN r;
END;
/
CREATE OR REPLACE FUNCTION code_of(p_sql VARCHAR2) RETURN NUMBER IS
BEGIN
  EXECUTE IMMEDIATE p_sql;
  RETURN 0;
EXCEPTION
  WHEN OTHERS THEN
    RETURN SQLCODE;
END;
/
)";

}  // namespace

// Oracle Database Error Messages 19c: ORA-00942 "table or view does not exist", ORA-00955 "name
// is already used by an existing object", ORA-00904 "invalid identifier", ORA-01400 "cannot insert
// NULL", ORA-02290 "check constraint violated", ORA-01438 "value larger than specified precision";
// PL/SQL Language Reference, "SQLCODE Function": in a handler, the number of the error raised.
TEST(PlsqlRuntimeObjects, SqlcodeTellsWhichObjectError) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("sqlcode_objects", kSqlcodeProgram);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("CALL drop_if_exists('never_created')"), "OK");
  EXPECT_EQ(s("CALL create_if_missing('app_log')"), "OK");
  EXPECT_EQ(s("CALL create_if_missing('app_log')"), "OK");  // there already: ORA-00955, ignored
  EXPECT_EQ(s("SELECT to_regclass('app_log') IS NOT NULL"), "t");
  EXPECT_EQ(s("CALL drop_if_exists('app_log')"), "OK");
  EXPECT_EQ(s("SELECT to_regclass('app_log') IS NULL"), "t");
  // Any other error still propagates.
  EXPECT_EQ(s("CALL drop_if_exists('pg_catalog.pg_class')").rfind("ERROR 42501", 0), 0u);
  ASSERT_EQ(s("CREATE TABLE checked (id integer NOT NULL CHECK (id > 0), amount numeric(4,2))"), "OK");
  EXPECT_EQ(s("SELECT code_of('SELECT missing_column FROM checked')"), "-904");
  EXPECT_EQ(s("SELECT code_of('INSERT INTO checked VALUES (NULL, 1)')"), "-1400");
  EXPECT_EQ(s("SELECT code_of('INSERT INTO checked VALUES (-1, 1)')"), "-2290");
  // PostgreSQL raises the same 22003 for a column (Oracle -1438) and a variable (-6502): -6502,
  // as the VALUE_ERROR handler that catches both says.
  EXPECT_EQ(s("SELECT code_of('INSERT INTO checked VALUES (1, 100)')"), "-6502");
  EXPECT_EQ(s("SELECT code_of('INSERT INTO checked VALUES (1, 1)')"), "0");
  // SQLSTATEs PostgreSQL raises for several Oracle errors, told apart by the message.
  EXPECT_EQ(s("SELECT code_of('DROP SEQUENCE no_such_seq')"), "-2289");
  EXPECT_EQ(s("SELECT code_of('DROP INDEX no_such_index')"), "-1418");
  EXPECT_EQ(s("SELECT code_of('DROP PROCEDURE no_such_proc')"), "-4043");
  EXPECT_EQ(s("SELECT code_of('SELECT x.id FROM checked')"), "-904");
  ASSERT_EQ(s("CREATE TABLE parent_t (id integer PRIMARY KEY)"), "OK");
  ASSERT_EQ(s("CREATE TABLE child_t (pid integer REFERENCES parent_t)"), "OK");
  ASSERT_EQ(s("INSERT INTO parent_t VALUES (1); INSERT INTO child_t VALUES (1)"), "OK");
  EXPECT_EQ(s("SELECT code_of('INSERT INTO child_t VALUES (2)')"), "-2291");
  EXPECT_EQ(s("SELECT code_of('DELETE FROM parent_t')"), "-2292");
  EXPECT_EQ(s("SELECT code_of('ALTER TABLE checked ADD CONSTRAINT checked_id_check CHECK (id < 100)')"), "-2264");
  // A PL/SQL variable too small for its value is VALUE_ERROR, -6502, whatever the type.
  EXPECT_EQ(s("SELECT overflow_code()"), "-6502 -6502");
  // EXCEPTION_INIT codes with no PostgreSQL error, the unit's own and a package's, raised by the code.
  EXPECT_EQ(s("SELECT own_codes()"), "-30006 -24381");
}

namespace {

const char* kDynamicTableProgram = R"(
CREATE OR REPLACE PROCEDURE make_stage IS
BEGIN
  EXECUTE IMMEDIATE 'CREATE TABLE stage_orders (
      order_id NUMBER(12) NOT NULL,
      customer VARCHAR2(40 CHAR) DEFAULT ''none'',
      amount   NUMBER(10,2),
      note     CLOB,
      CONSTRAINT stage_orders_pk PRIMARY KEY (order_id))';
  EXECUTE IMMEDIATE 'CREATE SEQUENCE stage_seq START WITH 10 INCREMENT BY 5
                     MAXVALUE 9999999999999999999999999999 NOCACHE NOCYCLE NOORDER';
END;
/
CREATE TABLE dept (id NUMBER PRIMARY KEY);

CREATE OR REPLACE PROCEDURE make_linked IS
BEGIN
  EXECUTE IMMEDIATE 'CREATE TABLE linked (id NUMBER PRIMARY KEY, dept_id NUMBER REFERENCES dept (id))';
END;
/
CREATE OR REPLACE FUNCTION stage_one(p_id NUMBER) RETURN NUMBER IS
  n NUMBER;
BEGIN
  EXECUTE IMMEDIATE 'insert into stage_orders (order_id, amount) values (:1, 12.5)' USING p_id;
  EXECUTE IMMEDIATE 'select count(*) from stage_orders' INTO n;
  RETURN n;
END;
/
)";

}  // namespace

// A table or sequence created by dynamic SQL (PL/SQL Language Reference 19c, "EXECUTE IMMEDIATE
// Statement": any SQL statement, DDL included) gets the target's types, keys, defaults and
// sequence options, as the schema's own do: the Oracle text as written (NUMBER, VARCHAR2, CLOB,
// NOCACHE, a 28-digit MAXVALUE) would fail on PostgreSQL.
TEST(PlsqlRuntimeObjects, DynamicCreateTableAndSequenceGetTheTargetsTypes) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("dynamic_table", kDynamicTableProgram);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("CALL make_stage()"), "OK");
  EXPECT_EQ(s("SELECT string_agg(column_name || ' ' || data_type, ', ' ORDER BY ordinal_position) "
              "FROM information_schema.columns WHERE table_name = 'stage_orders'"),
            "order_id bigint, customer character varying, amount numeric, note text");
  EXPECT_EQ(s("SELECT nextval('stage_seq') || ' ' || nextval('stage_seq')"), "10 15");
  EXPECT_EQ(s("SELECT stage_one(7)"), "1");
  EXPECT_EQ(s("SELECT customer || ' ' || amount FROM stage_orders"), "none 12.50");
  EXPECT_EQ(s("SELECT stage_one(7)").rfind("ERROR 23505", 0), 0u);  // the key came along
  EXPECT_EQ(e2e::check_errors(s), "NULL");  // the reads of the table made at run time are left to run time
  // What the conversion drops is said at the EXECUTE, as for the schema's own tables: here the
  // foreign key to a table the statement's own conversion does not know.
  auto report = e2e::read_json(u.dir.parent_path() / "report" / "report.json");
  std::vector<std::string> said;
  for (const auto& i : report["action_items"])
    if (i["message"].get<std::string>().rfind("dynamic CREATE TABLE: ", 0) == 0) said.push_back(i["code"].get<std::string>());
  EXPECT_EQ(said, std::vector<std::string>{"OS2020"}) << report["action_items"].dump(1);
}

// On Redshift, whose procedures have no checker pragma, a statement on a table made at run time
// is converted as if the table existed too, so it names the table as the CREATE's conversion does.
TEST(PlsqlRuntimeObjects, RedshiftNamesTablesMadeAtRunTimeAsItsCreateDoes) {
  auto dir = e2e::temp_dir("runtime-objects-redshift");
  std::filesystem::create_directories(dir / "src");
  std::ofstream(dir / "src" / "install.sql") << kDynamicTableProgram;
  e2e::run_orashift({"convert", "--source", "oracle-files:" + (dir / "src").string(), "--target", "redshift", "--out",
                     (dir / "out").string()});
  std::string converted = e2e::converted_text(dir / "out" / "redshift");
  EXPECT_NE(converted.find("EXECUTE 'CREATE TABLE \"stage_orders\""), std::string::npos) << converted;
  EXPECT_NE(converted.find("INSERT INTO \"stage_orders\""), std::string::npos) << converted;
  EXPECT_EQ(converted.find("PRAGMA"), std::string::npos) << converted;
}
