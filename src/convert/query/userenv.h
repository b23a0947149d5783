#pragma once
// SYS_CONTEXT('USERENV', …) on PostgreSQL: the session facts that have a counterpart there. The
// client identifier, module, action and client info are what DBMS_SESSION /
// DBMS_APPLICATION_INFO set (docs/plsql.md).
#include <optional>
#include <string>

namespace orashift::rewrite {

// The expression for one USERENV parameter (upper case), or nullopt when it has none here.
std::optional<std::string> userenv_value(const std::string& parameter);

// PostgreSQL: the text after the function's name, (parameter text) RETURNS text, for a parameter
// known only at run time: the same values, and for any other parameter the error Oracle raises
// for an invalid one (ORA-02003, its SQLSTATE written as @2003@ for the caller to fill in).
std::string userenv_function_sql();

}  // namespace orashift::rewrite
