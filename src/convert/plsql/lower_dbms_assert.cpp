// DBMS_ASSERT on PostgreSQL (Oracle Database PL/SQL Packages and Types Reference 19c,
// "DBMS_ASSERT"): the checks are support functions (builtin_support.h) that return the input
// unchanged or raise the package's exceptions, INVALID_SCHEMA_NAME (ORA-44001) …
// INVALID_QUALIFIED_SQL_NAME (ORA-44004), under SQLSTATEs that its handlers here catch.
#include "convert/plsql/builtin_args.h"
#include "convert/plsql/lowerer.h"

namespace orashift::plsql {

namespace ast = sql::ast;

std::optional<std::string> Lowerer::dbms_assert_call(const std::string& fn, const ast::CallExpr* c,
                                                     rewrite::SqlWriter& w) const {
  if (dialect() != Dialect::Postgres || !c) return std::nullopt;
  if (fn == "ENQUOTE_NAME") {
    auto a = builtin_args(c, {"STR", "CAPITALIZE"});
    if (!a || !(*a)[0]) return std::nullopt;
    return helper_call("orashift_assert_enquote_name",
                       w.expr(*(*a)[0]) + ", " + ((*a)[1] ? w.expr(*(*a)[1]) : std::string("true")));
  }
  static const std::pair<const char*, const char*> checks[] = {
      {"ENQUOTE_LITERAL", "orashift_assert_enquote_literal"},
      {"SIMPLE_SQL_NAME", "orashift_assert_simple_sql_name"},
      {"QUALIFIED_SQL_NAME", "orashift_assert_qualified_sql_name"},
      {"SCHEMA_NAME", "orashift_assert_schema_name"},
      {"SQL_OBJECT_NAME", "orashift_assert_sql_object_name"},
  };
  auto a = builtin_args(c, {"STR"});
  if (!a || !(*a)[0]) return std::nullopt;
  if (fn == "NOOP") return w.expr(*(*a)[0]);
  for (const auto& [name, helper] : checks)
    if (fn == name) return helper_call(helper, w.expr(*(*a)[0]));
  return std::nullopt;
}

}  // namespace orashift::plsql
