// Oracle's data dictionary read by converted code (Oracle Database Reference 19c, "ALL_OBJECTS",
// "USER_OBJECTS", "USER_TAB_COLUMNS", "ALL_USERS", "NLS_SESSION_PARAMETERS", "V$VERSION"): the
// views the converted output creates in orashift_dictionary list the objects the same output
// created, named and typed as Oracle lists them (docs/plsql.md, "Emulated data dictionary").
#include <fstream>
#include <iterator>

#include "plsql_harness.h"
#include "require_env.h"

namespace {

const char* kDictionary = R"(
CREATE TABLE dict_items (id NUMBER(10) PRIMARY KEY, label VARCHAR2(40) NOT NULL, born DATE);
CREATE SEQUENCE dict_seq;
CREATE VIEW dict_items_v AS SELECT id, label FROM dict_items;
CREATE TYPE dict_point AS OBJECT (x NUMBER, y NUMBER);
/
CREATE OR REPLACE TRIGGER dict_items_trg BEFORE UPDATE ON dict_items FOR EACH ROW
BEGIN
  :NEW.label := UPPER(:NEW.label);
END;
/
CREATE OR REPLACE PROCEDURE dict_touch(p_id NUMBER) IS
BEGIN
  UPDATE dict_items SET label = label WHERE id = p_id;
END;
/
CREATE OR REPLACE PACKAGE dict_pkg IS
  FUNCTION own_objects RETURN NUMBER;
  FUNCTION kinds(p_name VARCHAR2) RETURN VARCHAR2;
  FUNCTION date_format RETURN VARCHAR2;
  FUNCTION column_type(p_table VARCHAR2, p_column VARCHAR2) RETURN VARCHAR2;
  FUNCTION me RETURN VARCHAR2;
  FUNCTION banner RETURN VARCHAR2;
END dict_pkg;
/
CREATE OR REPLACE PACKAGE BODY dict_pkg IS
  FUNCTION own_objects RETURN NUMBER IS
    l_count NUMBER;
  BEGIN
    SELECT COUNT(*) INTO l_count FROM user_objects WHERE object_name = 'DICT_PKG';
    RETURN l_count;
  END;
  FUNCTION kinds(p_name VARCHAR2) RETURN VARCHAR2 IS
    l_out VARCHAR2(200);
  BEGIN
    FOR r IN (SELECT o.object_type, o.status FROM user_objects o WHERE o.object_name = p_name ORDER BY o.object_type) LOOP
      l_out := l_out || r.object_type || ':' || r.status || ' ';
    END LOOP;
    RETURN RTRIM(l_out);
  END;
  FUNCTION date_format RETURN VARCHAR2 IS
    l_value nls_session_parameters.value%TYPE;
  BEGIN
    SELECT value INTO l_value FROM nls_session_parameters WHERE parameter = 'NLS_DATE_FORMAT';
    RETURN l_value;
  END;
  FUNCTION column_type(p_table VARCHAR2, p_column VARCHAR2) RETURN VARCHAR2 IS
    l_type VARCHAR2(200);
  BEGIN
    SELECT data_type || '(' || data_length || ')/' || nullable INTO l_type
      FROM user_tab_columns WHERE table_name = p_table AND column_name = p_column;
    RETURN l_type;
  END;
  FUNCTION me RETURN VARCHAR2 IS
    c_schema CONSTANT all_tables.owner%TYPE := SYS_CONTEXT('USERENV', 'CURRENT_USER');
    l_n NUMBER;
  BEGIN
    SELECT COUNT(*) INTO l_n FROM all_users WHERE username = c_schema;
    RETURN c_schema || ' ' || l_n;
  END;
  FUNCTION banner RETURN VARCHAR2 IS
    l_banner VARCHAR2(200);
  BEGIN
    SELECT banner INTO l_banner FROM v$version WHERE ROWNUM = 1;
    RETURN l_banner;
  END;
END dict_pkg;
/
)";

}  // namespace

TEST(PlsqlDictionary, ConvertedCodeReadsTheObjectsItsOutputCreated) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("dictionary", kDictionary);
  e2e::expect_all_applied(u);
  // Each read of a dictionary view says it is emulated and how it differs.
  std::ifstream report(u.dir.parent_path() / "report" / "action_items.csv", std::ios::binary);
  std::string items((std::istreambuf_iterator<char>(report)), std::istreambuf_iterator<char>());
  EXPECT_NE(items.find("OS4017"), std::string::npos) << items;
  EXPECT_NE(items.find("STATUS is always VALID"), std::string::npos) << items;
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  // The package's own entries: its specification and its body, as in Oracle.
  EXPECT_EQ(s("SELECT dict_pkg.own_objects()"), "2");
  EXPECT_EQ(s("SELECT dict_pkg.kinds('DICT_PKG')"), "PACKAGE:VALID PACKAGE BODY:VALID");
  EXPECT_EQ(s("SELECT dict_pkg.kinds('DICT_ITEMS')"), "TABLE:VALID");
  EXPECT_EQ(s("SELECT dict_pkg.kinds('DICT_SEQ')"), "SEQUENCE:VALID");
  EXPECT_EQ(s("SELECT dict_pkg.kinds('DICT_ITEMS_V')"), "VIEW:VALID");
  EXPECT_EQ(s("SELECT dict_pkg.kinds('DICT_POINT')"), "TYPE:VALID");
  EXPECT_EQ(s("SELECT dict_pkg.kinds('DICT_ITEMS_TRG')"), "TRIGGER:VALID");
  EXPECT_EQ(s("SELECT dict_pkg.kinds('DICT_TOUCH')"), "PROCEDURE:VALID");
  // The package's routines and the trigger's function are not objects of their own.
  EXPECT_EQ(s("SELECT dict_pkg.kinds('OWN_OBJECTS')"), "NULL");
  EXPECT_EQ(s("SELECT count(*) FROM orashift_dictionary.user_objects WHERE object_name LIKE 'DICT\\_ITEMS\\_TRG%'"), "1");
  // Columns as Oracle describes the types they were converted from.
  EXPECT_EQ(s("SELECT dict_pkg.column_type('DICT_ITEMS', 'LABEL')"), "VARCHAR2(40)/N");
  EXPECT_EQ(s("SELECT dict_pkg.column_type('DICT_ITEMS', 'BORN')"), "DATE(7)/Y");
  EXPECT_EQ(s("SELECT dict_pkg.date_format()"), "DD-MON-RR");
  // all_tables.owner%TYPE is the view column's type; the current user is one of ALL_USERS.
  EXPECT_EQ(s("SELECT dict_pkg.me()"), s("SELECT upper(current_user) || ' 1'"));
  EXPECT_EQ(s("SELECT dict_pkg.banner() LIKE 'PostgreSQL 15%'"), "t");
  // Only the views the code reads are created (a %TYPE anchor needs none).
  EXPECT_EQ(s("SELECT string_agg(viewname, ',' ORDER BY viewname) FROM pg_views WHERE schemaname = 'orashift_dictionary'"),
            "all_users,nls_session_parameters,user_objects,user_tab_columns,v$version");
}
