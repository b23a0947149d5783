#pragma once
// PL/SQL types resolved to the target's types: built-ins (PLS_INTEGER, BOOLEAN, VARCHAR2 without
// a length…), %TYPE and %ROWTYPE of catalog tables, records, collections and REF CURSORs. The
// binder settles every declaration's type here once, so later stages never guess (date
// arithmetic, INTO targets and overload signatures all read `TypeInfo`).
#include <memory>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "convert/sql_rewrite.h"
#include "convert/type_mapping.h"
#include "sql/ast_plsql.h"

namespace orashift::plsql {

// Map: an associative array Oracle indexes by strings (or a sparse PLS_INTEGER-indexed one),
// held as a jsonb object keyed by the index (lower_map.cpp, docs/plsql.md "Associative arrays").
enum class Shape { Scalar, Row, Array, Cursor, Map };

// The keys of a Map: VARCHAR2 keys in binary order (COLLATE "C"), PLS_INTEGER keys numerically.
enum class MapKeys { Text, Integer };

struct Field;

struct TypeInfo {
  std::string sql;                              // the target's spelling: numeric, "hr"."emp", integer[]
  rewrite::ValueType value = rewrite::ValueType::Unknown;
  Shape shape = Shape::Scalar;
  std::vector<Field> fields;                    // Row: in declaration (column) order
  std::shared_ptr<TypeInfo> element;            // Array, Map
  MapKeys keys = MapKeys::Text;                 // Map
  bool any_index = false;                       // Array of INDEX BY PLS_INTEGER: indexes need not start at 1
  bool string_keys = false;                     // INDEX BY VARCHAR2 on a target that cannot emulate it
  std::string problem;                          // set when the type cannot be expressed: why
  std::string object_type;                      // Row of an object type: its Oracle name (methods)
  // Scalar: the Oracle type family overload resolution tells apart (DATE, TIMESTAMP, CLOB,
  // VARCHAR2, INTERVAL DAY TO SECOND…), which the target may merge into one type; "" if unknown.
  std::string oracle;
  std::string declared;  // Scalar: the Oracle type as declared, upper case (INTERVAL DAY(3) TO SECOND(2))
  // An attribute of a type hierarchy's composite that holds the hierarchy's own values (a
  // collection of the root…): stored as jsonb, this type read from it (lower_box.cpp).
  bool boxed = false;
  const Field* field(const std::string& oracle_name) const;
};

struct Field {
  std::string name;  // Oracle name, normalised
  TypeInfo type;
  // The target's quoted attribute when it is not the name's: in a type hierarchy's one composite,
  // sibling subtypes' attributes of the same name are told apart (lower_hierarchy.cpp).
  std::string column = {};
  std::string ref() const;  // `column`, else the name quoted
};

// A built-in PL/SQL or SQL type by its written text; `problem` is set when the text is not a
// built-in type (then it names a user type or an unsupported one).
TypeInfo builtin_type(const sql::ast::PlType& t, Dialect dialect, const TypeMappingSettings& settings);

// The overload family of a written Oracle type ("VARCHAR2(30)" → VARCHAR2, "TIMESTAMP(6) WITH
// LOCAL TIME ZONE" → TIMESTAMP WITH LOCAL TIME ZONE, PLS_INTEGER and its subtypes → PLS_INTEGER).
std::string oracle_family(const std::string& type_text);

// An array indexed by any integer (INDEX BY PLS_INTEGER), the type itself or in its record
// fields: a jsonb copy of it keeps the elements, not the bounds (lower_map.cpp flags it).
bool holds_any_index_array(const TypeInfo& t);

// A catalog column's type, as the table's DDL maps it.
TypeInfo column_type(const Column& c, Dialect dialect, const TypeMappingSettings& settings);

// t%ROWTYPE: the table's row type (PostgreSQL names a table's composite type by the table).
TypeInfo row_type(const Table& t, Dialect dialect, const TypeMappingSettings& settings);

// A collection type of Oracle's built-in packages or SYS (DBMS_SQL.VARCHAR2_TABLE, ODCIVARCHAR2LIST…)
// by its name parts (SYS. removed): its element type as Oracle declares it, else nullopt.
std::optional<std::string> builtin_collection_element(const std::vector<std::string>& parts);

// "NUMBER(5)" / "VARCHAR2(10 CHAR)" … → the OracleType, or nullopt when not a built-in data type.
std::optional<OracleType> oracle_type_from_text(std::string_view text);

}  // namespace orashift::plsql
