#pragma once
// Oracle data-dictionary views emulated on PostgreSQL, as AWS SCT's extension pack does: a
// support schema (kDictionarySchema) holding views named as Oracle's (USER_OBJECTS, ALL_USERS,
// NLS_SESSION_PARAMETERS, V$VERSION …) that read pg_catalog and show its objects the way the
// converted layout lets Oracle's names be recovered (docs/plsql.md, "Emulated data dictionary").
// A converted query that reads one is pointed at the support view (sql_writer.cpp); the code
// generator creates each view used, once, before the units (dialect/code_generator.cpp).
#include <string>
#include <string_view>

#include "catalog/catalog.h"

namespace orashift {

inline constexpr const char* kDictionarySchema = "orashift_dictionary";

// The emulated view named `oracle_name` (upper case, as normalize_identifier gives it) as a
// catalog table: its columns with Oracle's types, so columns and %TYPE anchors resolve. nullptr
// when the view is not emulated.
const Table* dictionary_view(std::string_view oracle_name);

// The view's name on the target: "orashift_dictionary"."user_objects".
std::string dictionary_view_ref(std::string_view oracle_name);

// What the emulation gives differently from Oracle (the action item's text).
std::string dictionary_view_difference(std::string_view oracle_name);

// CREATE SCHEMA IF NOT EXISTS + CREATE OR REPLACE VIEW for the view (empty when not emulated).
std::string dictionary_view_sql(std::string_view oracle_name);

// The comment a converted package or type-body schema carries, which lets the views list it as
// Oracle does: kind is "PACKAGE", "PACKAGE BODY" or "TYPE BODY".
std::string dictionary_schema_comment(const std::string& schema_target_name, const std::string& kind);

}  // namespace orashift
