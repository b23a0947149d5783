#pragma once
// Views and materialized views → target DDL, through the SQL rewriter (convert/sql_rewrite.h).
// The catalog keeps them as unmodelled statements (kind "CREATE VIEW" / "CREATE MATERIALIZED
// VIEW"); they are parsed again from their source span here. Decisions (docs/sql-rewrites.md):
//   view              → CREATE VIEW on every target; FORCE / WITH CHECK OPTION / READ ONLY: OS4010
//   materialized view → PostgreSQL MATERIALIZED VIEW; Redshift MATERIALIZED VIEW when the query
//                       allows one (no LIMIT, ORDER BY, recursion, volatile functions), else a
//                       view; DuckDB a table created from the query. Refresh options: OS4011.
// Objects come out in dependency order (a view after the views it reads), after the tables.
// A view whose query cannot be converted is written commented out, so an apply script does not
// fail on it; views that read it are commented out too, with an item saying why.
#include <set>
#include <vector>

#include "dialect/code_generator.h"
#include "dialect/ddl_generator.h"

namespace orashift {

// Appends the converted views to `out`; returns, parallel to catalog.unmodelled, whether each
// statement was handled here (the others stay OS9001/OS9003 work for the DDL generator).
// `procedure_functions`: functions a query cannot call on the target (code_generator.h).
// The names (Oracle's, normalised) of the views and materialized views the source creates: code
// objects may read them, as views read each other.
std::set<std::string> source_view_names(const Catalog& catalog);

std::vector<bool> generate_views(const Catalog& catalog, Dialect dialect, std::vector<ConvertedObject>& out,
                                 ActionItems& items, const CodeObjects* code = nullptr);

}  // namespace orashift
