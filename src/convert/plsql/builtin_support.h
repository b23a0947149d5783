#pragma once
// PostgreSQL functions that stand in for Oracle built-in package routines a single expression
// cannot say (UTL_RAW's byte loops, UTL_URL, DBMS_ASSERT's checks, DBMS_CRYPTO's cipher
// suites). A converted unit names the ones it calls (UnitResult::helpers); each is created once,
// before the units, when an applied unit needs it.
#include <string>
#include <vector>

namespace orashift::plsql {

// The CREATE statement of helper `name` (e.g. "orashift_raw_bits"); empty when unknown.
std::string builtin_helper_sql(const std::string& name);

// DBMS_OUTPUT's buffer functions (lower_dbms_output.cpp), the text after the quoted name; empty when unknown.
std::string dbms_output_helper_sql(const std::string& name);
std::string owa_helper_sql(const std::string& name);              // lower_owa.cpp
std::string session_context_helper_sql(const std::string& name);  // lower_dbms_misc.cpp
// DBMS_XMLGEN's query-to-XML function (lower_xml.cpp), likewise.
std::string xml_helper_sql(const std::string& name);
std::string xmlgen_helper_sql(const std::string& name);
// DBMS_LOCK's REQUEST / RELEASE on advisory locks (lower_dbms_lock.cpp), likewise.
std::string dbms_lock_helper_sql(const std::string& name);
std::string dbms_sql_helper_sql(const std::string& name);  // lower_dbms_sql.cpp
std::string json_helper_sql(const std::string& name);      // lower_json.cpp
// The reader of collections a type hierarchy's composite holds as jsonb (lower_box.cpp), likewise.
std::string boxed_helper_sql(const std::string& name);

// The SQLSTATE an ORA- code with no PostgreSQL counterpart keeps ('OE' + 3 characters of a hash
// of the code): the same in the helpers that raise it and in the handlers that catch it.
std::string unmapped_sqlstate(long code);
// The PostgreSQL SQLSTATE of an ORA code ("" when none corresponds; lower_decl.cpp).
std::string sqlstate_of_oracle_code(long code);
// orashift_sqlcode(state, message): SQLCODE of a handler (lower_decl.cpp).
std::string sqlcode_helper_sql(const std::string& name);

}  // namespace orashift::plsql
