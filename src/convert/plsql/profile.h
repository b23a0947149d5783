#pragma once
// What a target's procedural language can do: the questions the PL/SQL walk asks instead of
// asking which target it is. The instances live in src/dialect/plsql_profiles.cpp (PostgreSQL;
// Redshift starts from it and changes only what differs), so the whole difference between two
// targets fits on one screen.
#include "convert/type_mapping.h"

namespace orashift::plsql {

struct Profile {
  Dialect dialect = Dialect::Postgres;
  bool functions = true;          // CREATE FUNCTION … LANGUAGE plpgsql (Redshift: procedures only)
  bool triggers = true;           // CREATE TRIGGER … EXECUTE FUNCTION
  bool schemas_for_packages = true;
  bool select_into_strict = true; // SELECT … INTO STRICT raises no_data_found / too_many_rows
  bool named_handlers = true;     // WHEN no_data_found / SQLSTATE 'x' (Redshift: only OTHERS)
  bool execute_using = true;      // EXECUTE … USING (Redshift: splice with quote_literal)
  bool sequences = true;          // nextval('s')
  bool session_settings = true;   // set_config/current_setting hold package state
  bool out_in_procedures = true;  // OUT parameters of procedures (PostgreSQL 14+)
  bool plpgsql = true;            // false: the target has no procedural language at all (DuckDB)
};

}  // namespace orashift::plsql
