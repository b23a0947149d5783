#pragma once
// Support objects converted code may need on PostgreSQL, created once per conversion before the
// units that use them (the few things a single expression cannot say).
#include <string>

namespace orashift::plsql {

// "orashift_placeholders"(sql text) → the text with its k-th :placeholder outside string
// literals written $k (`::` casts untouched): Oracle binds EXECUTE IMMEDIATE … USING by position.
inline constexpr const char* kPlaceholdersFunction = "\"orashift_placeholders\"";
std::string placeholders_function_sql();

// "orashift_map_get"(m jsonb, k text) → the element stored under key k of an associative array
// held as a jsonb object (lower_map.cpp); a missing key raises no_data_found, as Oracle's
// "Associative Arrays" reading an index that does not exist raises NO_DATA_FOUND.
inline constexpr const char* kMapGetFunction = "\"orashift_map_get\"";
std::string map_get_function_sql();

// "orashift_autonomous_connection"() → the dblink connection string autonomous routines use: the
// setting orashift.autonomous_connection when set, else this database on this server's socket as
// the current user (which dblink allows to a superuser; others set a password in the setting).
inline constexpr const char* kAutonomousConnectionFunction = "\"orashift_autonomous_connection\"";
std::string autonomous_connection_function_sql();

}  // namespace orashift::plsql
