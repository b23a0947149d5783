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
    return p;
  }();
  switch (dialect) {
    case Dialect::Postgres: return &postgres;
    case Dialect::DuckDb: return &duckdb;
    case Dialect::Redshift: return nullptr;  // issue 15: the Redshift profile of the same walk
  }
  return nullptr;
}

}  // namespace orashift
