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
  // Redshift's restricted PL/pgSQL (docs/redshift.md "Stored procedures" cites the page of each):
  bool raise_using = true;        // RAISE … USING ERRCODE/MESSAGE (Redshift: RAISE level 'fmt', variables)
  bool composite_types = true;    // CREATE TYPE, records, %ROWTYPE as a table's type
  bool arrays = true;             // collections as arrays
  bool jsonb_maps = true;         // associative arrays as jsonb objects (Redshift: no jsonb in procedures)
  bool perform = true;            // PERFORM f() (Redshift: not among the supported statements)
  bool directives = true;         // #variable_conflict
  bool named_arguments = true;    // f(x => v) (Redshift's CALL and UDF calls are positional only)
  // Parameter defaults in CREATE PROCEDURE/FUNCTION (Redshift's syntax has none: r_CREATE_PROCEDURE
  // and r_CREATE_FUNCTION list `[argname] [argmode] argtype` only; converted callers write them).
  bool parameter_defaults = true;
  // A function that hands values back besides its result (OUT parameters, its enclosing routine's
  // variables) becomes a procedure with INOUT "orashift_result", called by `v := f(…)` with named
  // arguments (PostgreSQL; Redshift's such functions are procedures anyway).
  bool out_values_through_procedures() const { return functions && named_arguments; }
  bool tagged_dollar_quotes = true;  // AS $orashift$ … $orashift$ (Redshift's pages show only $$, reasons above the head)
  bool nonatomic = false;         // CREATE PROCEDURE … NONATOMIC chosen per procedure
  bool dictionary_views = true;   // Oracle's dictionary views emulated in a support schema (dictionary_views.h)
  // The target's code checker (plpgsql_check) reads PERFORM 'PRAGMA:…' statements in a body.
  bool checker_pragmas = true;
  bool one_open_cursor = false;   // one explicit or implicit cursor open per session
  int max_in_args = 0, max_out_args = 0, max_variables = 0;  // 0: no limit checked
  size_t max_source_bytes = 0;
};

}  // namespace orashift::plsql
