// Behaviour of converted PL/SQL on the real PostgreSQL test server, against what Oracle's
// documentation says the same program does (Oracle Database PL/SQL Language Reference 19c; the
// section is named beside each expectation). Each test converts an Oracle script with
// `orashift convert --target postgres`, applies it with `orashift apply`, and calls it.
#include "plsql_harness.h"
#include "plsql_programs.h"
#include "require_env.h"

namespace {

using namespace e2e::programs;

#define NEED_PG()                       \
  if (!std::getenv("ORASHIFT_TEST_PG")) \
    ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set"

}  // namespace

// "SELECT INTO Statement": no row raises NO_DATA_FOUND, more than one TOO_MANY_ROWS; handlers by name.
TEST(PlsqlBehaviour, SelectIntoRaisesLikeOracle) {
  NEED_PG();
  auto u = e2e::convert_and_apply("selinto", std::string(kEmp) + kSelectIntoProgram);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  s("INSERT INTO emp VALUES (1, 'Ann', 10, 100, NULL), (2, 'Bob', 20, 200, NULL), (3, 'Cy', 20, 300, NULL)");
  EXPECT_EQ(s("SELECT emp_name(10)"), "Ann");
  EXPECT_EQ(s("SELECT emp_name(30)"), "none");
  EXPECT_EQ(s("SELECT emp_name(20)"), "many");
}

// "RAISE_APPLICATION_ERROR Procedure", "SQLCODE Function" (user-defined exception: +1,
// EXCEPTION_INIT: the number), "Exception Propagation" (an unhandled exception reaches the caller).
TEST(PlsqlBehaviour, ExceptionsAndSqlcode) {
  NEED_PG();
  auto u = e2e::convert_and_apply("exc", kExceptionsProgram);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("SELECT errs.code_of(5)"), "0");
  EXPECT_EQ(s("SELECT errs.code_of(-1)"), "-20042");
  EXPECT_EQ(s("SELECT errs.user_code()"), "1");
  EXPECT_EQ(s("CALL errs.check_positive(-3)"), "ERROR OR042: not positive: -3");
  EXPECT_EQ(s("SELECT safe_div(1, 0)"), "NULL");
  EXPECT_EQ(s("SELECT safe_div(6, 3)"), "2.0000000000000000");
}

// "Explicit Cursor Attributes": %ROWCOUNT counts rows fetched so far, %NOTFOUND is TRUE after a
// FETCH that returned no row, %ISOPEN after OPEN and CLOSE; cursor FOR loops with parameters.
TEST(PlsqlBehaviour, CursorAttributesAndLoops) {
  NEED_PG();
  auto u = e2e::convert_and_apply("cursors", std::string(kEmp) + kCursorsProgram);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  s("INSERT INTO emp VALUES (1, 'Ann', 10, 100, NULL), (2, 'Bob', 20, 200, NULL), (3, 'Cy', 20, 300, NULL)");
  EXPECT_EQ(s("SELECT cursor_facts(20)"), "Bob,Cy,rows=2 open closed");
  EXPECT_EQ(s("SELECT cursor_facts(99)"), "rows=0 open closed");
  EXPECT_EQ(s("SELECT total_salary(20)"), "1000.00");
}

// "Subprogram Parameter Modes" (OUT and IN OUT), "Positional, Named, and Mixed Notation",
// "Default Values for IN Subprogram Parameters".
TEST(PlsqlBehaviour, OutInOutNamedAndDefaultArguments) {
  NEED_PG();
  auto u = e2e::convert_and_apply("params", kParamsProgram);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("SELECT use_them()"), "Alan 12 Hello, Bob Hi, Eve");
}

// "Nested, Package, and Standalone Subprograms": the hoisted nested subprograms get the enclosing
// routine's variables as parameters; the writes of a nested procedure reach the enclosing routine,
// also through a second level of calls (add_one → note).
TEST(PlsqlBehaviour, NestedSubprogramsShareTheEnclosingVariables) {
  NEED_PG();
  auto u = e2e::convert_and_apply("nested", kNestedProgram);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("SELECT nested_sum(3)"), "total=60 calls=3 +1;+2;+3;");
  EXPECT_EQ(s("SELECT nested_sum(2, true)"), "total=60 calls=2 +1;+2;");
  EXPECT_EQ(s("SELECT nested_sum(0)"), "total=0 calls=0 ");
}

// "Collection Constructors", "Predefined Exceptions".
TEST(PlsqlBehaviour, CollectionConstructorsAndBuiltinCollectionTypes) {
  NEED_PG();
  auto u = e2e::convert_and_apply("ctors", kConstructorsProgram);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("SELECT list_facts()"), "0 3:cy 3:y first");
  EXPECT_EQ(s("SELECT raises_program_error()"), "caught");
  // a = (x, y, y), b = (y, z): UNION ALL 5, DISTINCT 3, EXCEPT ALL (x, y) 2, INTERSECT ALL (y) 1,
  // and a multiset operator with a NULL collection is NULL.
  EXPECT_EQ(s("SELECT multiset_facts()"), "member q-out empty a-full 5 3 2 1 null");
}

// "Package State": package variables keep their values for the life of the session and start
// again from their initial values in a new session; the initialization part runs once; a record
// variable's fields are assigned one at a time ("Assigning Values to Record Variables").
TEST(PlsqlBehaviour, PackageStatePerSession) {
  NEED_PG();
  auto u = e2e::convert_and_apply("pkgstate", kPackageStateProgram);
  e2e::expect_all_applied(u);
  {
    e2e::Session s(u.url);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s("SELECT counter.next_value()"), "105");
    EXPECT_EQ(s("SELECT counter.next_value()"), "110");
    EXPECT_EQ(s("SELECT counter.inits()"), "1");
    EXPECT_EQ(s("SELECT counter.stats()"), "2:110");  // fields of a package record variable, set one by one
  }
  e2e::Session fresh(u.url);
  EXPECT_EQ(fresh("SELECT counter.next_value()"), "105");
}

// "DML Triggers": a BEFORE row trigger changes :NEW; RAISE_APPLICATION_ERROR in a trigger
// rejects the statement; a statement trigger fires once per statement; "Conditional
// Predicates" INSERTING/UPDATING; the key-from-sequence trigger becomes a column DEFAULT.
TEST(PlsqlBehaviour, Triggers) {
  NEED_PG();
  auto u = e2e::convert_and_apply("triggers", std::string(kEmp) + kTriggersProgram);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("INSERT INTO emp (name, dept, salary) VALUES ('ann', 1, 10), ('bob', 1, 20)"), "OK");
  EXPECT_EQ(s("SELECT string_agg(id || name, ',' ORDER BY id) FROM emp"), "1000ANN,1001BOB");
  EXPECT_EQ(s("SELECT count(*) FROM audit_log"), "1");
  EXPECT_EQ(s("INSERT INTO emp (name, dept, salary) VALUES ('x', 1, -5)"), "ERROR OR001: negative salary");
  EXPECT_EQ(s("UPDATE emp SET salary = 30 WHERE id = 1000"), "OK");
  EXPECT_EQ(s("SELECT updated FROM emp WHERE id = 1000"), "2024-01-02 00:00:00");
  EXPECT_EQ(s("SELECT updated FROM emp WHERE id = 1001"), "NULL");
}

// "BULK COLLECT Clause", "FORALL Statement" and "SQL%ROWCOUNT" (the rows affected by the last
// DML statement; after FORALL, by all of its statements).
TEST(PlsqlBehaviour, BulkCollectForallAndRowcount) {
  NEED_PG();
  auto u = e2e::convert_and_apply("bulk", std::string(kEmp) + kBulkProgram);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  s("INSERT INTO emp VALUES (1, 'Ann', 10, 100, NULL), (2, 'Bob', 20, 200, NULL), (3, 'Cy', 20, 300, NULL)");
  EXPECT_EQ(s("SELECT raise_all(10)"), "2 2 1");
  EXPECT_EQ(s("SELECT sum(salary) FROM emp"), "550.00");
}

// "EXECUTE IMMEDIATE Statement": placeholders bound by position from USING; INTO for a query.
TEST(PlsqlBehaviour, DynamicSqlWithBinds) {
  NEED_PG();
  auto u = e2e::convert_and_apply("dynsql", std::string(kEmp) + kDynamicSqlProgram);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  s("INSERT INTO emp VALUES (1, 'Ann', 10, 100, NULL)");
  EXPECT_EQ(s("SELECT set_salary(1, 555)"), "555.00");
  // A statement built at run time: its placeholders (not the ':' in a literal or a '::' cast)
  // are numbered when it runs.
  EXPECT_EQ(s("CALL rename_emp(1, 'Zed')"), "OK");
  EXPECT_EQ(s("SELECT name FROM emp WHERE id = 1"), "Zed");
}

// "COMMIT Statement" in a procedure: committed work stays when the caller later fails.
TEST(PlsqlBehaviour, CommitInProcedure) {
  NEED_PG();
  auto u = e2e::convert_and_apply("commit", std::string(kEmp) + kCommitProgram);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("CALL load_two()").substr(0, 11), "ERROR 23505");
  EXPECT_EQ(s("SELECT name FROM emp"), "first");
}

// "Associative Arrays": assigning to a new key adds the element, to an existing key replaces it;
// reading a key that does not exist raises NO_DATA_FOUND; indexes of a string-indexed array are
// kept in binary sort order (NLS_SORT=BINARY), so 'B' comes before 'a'; assigning one collection
// to another copies it. "Collection Methods": COUNT, EXISTS (TRUE for an element holding NULL),
// FIRST/LAST/NEXT/PRIOR in index order (NEXT of an index that does not exist is the next one
// that does; NULL after the last), DELETE(n), DELETE(m, n) (the indexes in m..n), DELETE.
// "Package State": a package-level map keeps its elements across calls in a session and starts
// empty in a new one. Record elements: a field of a new element creates it.
TEST(PlsqlBehaviour, AssociativeArraysIndexedByStrings) {
  NEED_PG();
  auto u = e2e::convert_and_apply("assoc", kAssocArraysProgram);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("SELECT map_facts()"), "5 6 B c ab B ab none bee exists ndf 4 2 Bc 0 null 6");
  EXPECT_EQ(s("SELECT record_map()"), "Ann:10 Bob:25 2");
  EXPECT_EQ(s("CALL dict.put('b', 2)"), "OK");
  EXPECT_EQ(s("CALL dict.put('a', 1)"), "OK");
  EXPECT_EQ(s("CALL dict.put('b', 5)"), "OK");
  EXPECT_EQ(s("SELECT dict.size_of()"), "2");
  EXPECT_EQ(s("SELECT dict.keys_in_order()"), "a=1;b=5;");
  EXPECT_EQ(s("SELECT dict.get('a')"), "1");
  EXPECT_EQ(s("SELECT dict.get('zz')"), "ERROR P0002: no data found");
  EXPECT_EQ(s("SELECT dict.total_of_state()"), "6");
  e2e::Session fresh(u.url);
  EXPECT_EQ(fresh("SELECT dict.size_of()"), "0");
  EXPECT_EQ(fresh("SELECT dict.keys_in_order()"), "NULL");
}

// "Associative Arrays" indexed by PLS_INTEGER are sparse: DELETE(n) removes one element and
// FIRST/NEXT walk the remaining indexes in numeric order (-5, 2, 100), COUNT counts what exists.
TEST(PlsqlBehaviour, SparseIntegerIndexedArrays) {
  NEED_PG();
  auto u = e2e::convert_and_apply("sparse", kAssocArraysProgram);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("SELECT sparse_facts()"), "-5:3,2:2,100:4, 3 100 2 n");
}

// "Associative Arrays" of records ("Collection of Records"): assigning a field of an element that
// does not exist creates it; "Assigning Values to Collection Variables": assigning a collection
// copies it, so deleting from the package's map afterwards leaves the copy whole; a package
// specification's map is read and changed from another unit through the package.
TEST(PlsqlBehaviour, AssociativeArraysOfRecordsAcrossUnits) {
  NEED_PG();
  auto u = e2e::convert_and_apply("assocrec", kAssocRecordsProgram);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("SELECT use_reg()"), "A 3 2024-01-02 2 1 2");
}

// Oracle's HR sample schema, migrated with its data: its own trigger UPDATE_JOB_HISTORY calls its
// own procedure ADD_JOB_HISTORY when an employee changes job or department (hr_code.sql), and
// SECURE_EMPLOYEES stays disabled as the script leaves it (ALTER TRIGGER … DISABLE).
TEST(PlsqlBehaviour, HumanResourcesRoutinesRunOnTheirData) {
  NEED_PG();
  std::string dir = e2e::corpus_dir() + "/oracle-samples__db-sample-schemas/main/human_resources";
  if (!std::filesystem::is_directory(dir)) ORASHIFT_SKIP_OR_FAIL() << "corpus not found at " << dir << " (../shared absent)";
  std::string url = e2e::fresh_pg_database("plsql_hr");
  ASSERT_FALSE(url.empty());
  auto out = e2e::temp_dir("plsql-hr");
  auto m = e2e::run_orashift({"migrate", "--source", "oracle-files:" + dir, "--target", url, "--out", out.string(),
                              "--no-progress"});
  ASSERT_TRUE(m.exit_code == 0 || m.exit_code == 3) << m.output;
  e2e::Session s(url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("SELECT tgenabled FROM pg_trigger WHERE tgname = 'secure_employees'"), "D");
  EXPECT_EQ(s("SELECT count(*) FROM job_history"), "10");
  EXPECT_EQ(s("SELECT job_id || ' ' || department_id || ' ' || hire_date FROM employees WHERE employee_id = 206"),
            "AC_ACCOUNT 110 2012-06-07 00:00:00");
  EXPECT_EQ(s("UPDATE employees SET job_id = 'IT_PROG', department_id = 60 WHERE employee_id = 206"), "OK");
  EXPECT_EQ(s("SELECT count(*) FROM job_history"), "11");
  EXPECT_EQ(s("SELECT job_id || ' ' || department_id || ' ' || start_date || ' ' || (end_date::date = current_date) "
              "FROM job_history WHERE employee_id = 206"),
            "AC_ACCOUNT 110 2012-06-07 00:00:00 true");
  // An update that changes neither column fires nothing (UPDATE OF job_id, department_id).
  EXPECT_EQ(s("UPDATE employees SET salary = salary + 1 WHERE employee_id = 206"), "OK");
  EXPECT_EQ(s("SELECT count(*) FROM job_history"), "11");
}

// Object-Relational Developer's Guide, "Object Methods": the default constructor takes every
// attribute (supertype's first), a user constructor sets SELF's attributes and RETURNs, a member
// procedure's changes to SELF reach the caller, a static method is called on the type, a subtype
// inherits its supertype's methods and overrides some. Dispatch is dynamic, as Oracle's
// ("Dynamic Method Dispatch"): r.describe() runs SHAPE_T's DESCRIBE, whose AREA() is RECT_T's
// override ('square of 9 cm2'); the hierarchy is one composite with a type tag (an info item).
TEST(PlsqlBehaviour, ObjectTypesMethodsAndConstructors) {
  NEED_PG();
  auto u = e2e::convert_and_apply("objects", kObjectTypesProgram);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("SELECT shapes_demo()"), "9,10,circle of 0 cm2,square of 9 cm2,crate");  // RENAME inherited by RECT_T
  std::ifstream items(u.dir.parent_path() / "report" / "action_items.csv");
  std::string all((std::istreambuf_iterator<char>(items)), std::istreambuf_iterator<char>());
  EXPECT_NE(all.find("type RECT_T of hierarchy SHAPE_T: one composite"), std::string::npos) << all;
  EXPECT_EQ(all.find("runs on RECT_T as SHAPE_T"), std::string::npos) << all;
}

// --plsql-extension orafce: built-in packages become calls into the orafce extension (created
// first by apply) instead of inline rewrites and support functions; both give what the PL/SQL
// Packages and Types Reference says ("DBMS_ASSERT": ENQUOTE_LITERAL adds the quotes;
// "DBMS_RANDOM": STRING('U', n) returns n upper-case letters).
TEST(PlsqlBehaviour, OrafceOptionCallsTheExtensionsPackages) {
  NEED_PG();
  const char* program = R"(
CREATE OR REPLACE FUNCTION quoted (p_name VARCHAR2) RETURN VARCHAR2 IS
BEGIN
  DBMS_OUTPUT.PUT_LINE('quoting ' || p_name);
  RETURN DBMS_ASSERT.ENQUOTE_LITERAL(p_name) || ' ' || LENGTH(DBMS_RANDOM.STRING('U', 5));
END;
/
)";
  auto inline_rewrites = e2e::convert_and_apply("orafce_off", program);
  e2e::expect_all_applied(inline_rewrites);
  {
    e2e::Session s(inline_rewrites.url);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s("SELECT quoted('abc')"), "'abc' 5");
    EXPECT_EQ(s("SELECT count(*) FROM pg_extension WHERE extname = 'orafce'"), "0");
  }
  auto u = e2e::convert_and_apply("orafce_on", program, {"--plsql-extension", "orafce"});
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("SELECT quoted('abc')"), "'abc' 5");
  EXPECT_EQ(s("SELECT count(*) FROM pg_extension WHERE extname = 'orafce'"), "1");
}
