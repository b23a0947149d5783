#pragma once
// Support objects converted code may need on PostgreSQL, created once per conversion before the
// units that use them (the few things a single expression cannot say).
#include <string>

namespace orashift::plsql {

// "orashift_placeholders"(sql text) → the text with its k-th :placeholder outside string
// literals written $k (`::` casts untouched): Oracle binds EXECUTE IMMEDIATE … USING by position.
inline constexpr const char* kPlaceholdersFunction = "\"orashift_placeholders\"";
std::string placeholders_function_sql();

}  // namespace orashift::plsql
