#include "dialect/plsql_profiles.h"

namespace orashift {

const plsql::Profile* plsql_profile(Dialect dialect) {
  static const plsql::Profile postgres = [] {
    plsql::Profile p;
    p.dialect = Dialect::Postgres;
    return p;
  }();
  static const plsql::Profile duckdb = [] {
    plsql::Profile p;
    p.dialect = Dialect::DuckDb;
    p.plpgsql = false;
    p.dictionary_views = false;
    return p;
  }();
  // Redshift: stored procedures in a restricted PL/pgSQL and scalar SQL UDFs. Each flag follows a
  // page of the Database Developer Guide, listed in docs/redshift.md ("Stored procedures").
  static const plsql::Profile redshift = [] {
    plsql::Profile p;
    p.dialect = Dialect::Redshift;
    p.functions = false;           // r_CREATE_FUNCTION: SQL and Python UDFs only
    p.triggers = false;            // no CREATE TRIGGER
    p.select_into_strict = false;  // c_PLpgSQL-statements: SELECT INTO keeps the first row, never raises
    p.named_handlers = false;      // stored-procedure-trapping-errors: OTHERS is the only condition
    p.execute_using = false;       // c_PLpgSQL-statements (Dynamic SQL): EXECUTE command-string only
    p.sequences = false;           // no CREATE SEQUENCE / nextval
    p.session_settings = false;    // no custom session variables for package state
    p.raise_using = false;         // c_PLpgSQL-statements (RAISE): level 'format' [, variable …]
    p.composite_types = false;     // no CREATE TYPE
    p.arrays = false;              // no array types
    p.jsonb_maps = false;          // SUPER, not jsonb: no associative-array emulation
    p.perform = false;
    p.checker_pragmas = false;     // no plpgsql_check on Redshift (and no PERFORM)
    p.directives = false;
    p.tagged_dollar_quotes = false;
    p.named_arguments = false;
    p.parameter_defaults = false;
    p.nonatomic = true;            // stored-procedure-transaction-management: NONATOMIC mode
    p.one_open_cursor = true;      // stored-procedure-constraints
    p.dictionary_views = false;    // its catalog is not PostgreSQL 15's: no emulated Oracle dictionary
    p.max_in_args = 32;            // stored-procedure-constraints
    p.max_out_args = 32;
    p.max_variables = 1024;
    p.max_source_bytes = 2 * 1024 * 1024;
    return p;
  }();
  switch (dialect) {
    case Dialect::Postgres: return &postgres;
    case Dialect::DuckDb: return &duckdb;
    case Dialect::Redshift: return &redshift;
  }
  return nullptr;
}

}  // namespace orashift
