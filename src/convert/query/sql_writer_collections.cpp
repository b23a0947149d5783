// Oracle's collection conditions and operators on nested tables and VARRAYs (SQL Language
// Reference, "Multiset Conditions" and "Multiset Operators"), which reach the writer from PL/SQL,
// where collections are arrays (docs/plsql.md). PostgreSQL has the array operations they need;
// Redshift has no arrays and DuckDB's lists are not what the PL/SQL walk produces, so there they
// stay items.
#include "convert/query/sql_writer.h"

namespace orashift::rewrite {

using namespace sql::ast;

std::optional<std::string> SqlWriter::collection_test(const IsNullExpr& n, const std::string& test) {
  if (!postgres() || test != "EMPTY") return std::nullopt;
  // IS [NOT] EMPTY: NULL for a NULL collection, as cardinality(NULL) compared is.
  return "(cardinality(" + expr(*n.operand) + ") " + (n.negated ? "> 0)" : "= 0)");
}

std::optional<std::string> SqlWriter::collection_operator(const BinaryExpr& b) {
  if (!postgres()) return std::nullopt;
  std::string l = expr(*b.lhs), r = expr(*b.rhs);
  bool distinct = upper(b.quantifier) == "DISTINCT";
  // A NULL operand makes the multiset operators NULL (PostgreSQL's || would return the other one).
  auto guarded = [&](const std::string& value) {
    return "(CASE WHEN " + l + " IS NULL OR " + r + " IS NULL THEN NULL ELSE " + value + " END)";
  };
  switch (b.op) {
    case BinaryOp::MemberOf: return "(" + l + " = ANY (" + r + "))";
    case BinaryOp::NotMemberOf: return "(NOT (" + l + " = ANY (" + r + ")))";
    case BinaryOp::MultisetUnion:
      return guarded(distinct ? "ARRAY(SELECT DISTINCT unnest(" + l + " || " + r + "))" : "(" + l + " || " + r + ")");
    case BinaryOp::MultisetExcept:
    case BinaryOp::MultisetIntersect: {
      // Oracle's default is ALL: multiplicities count, as in EXCEPT ALL / INTERSECT ALL.
      std::string op = b.op == BinaryOp::MultisetExcept ? " EXCEPT " : " INTERSECT ";
      return guarded("ARRAY(SELECT unnest(" + l + ")" + op + (distinct ? "" : "ALL ") + "SELECT unnest(" + r + "))");
    }
    default: return std::nullopt;  // SUBMULTISET OF compares multiplicities: no array operator does
  }
}

}  // namespace orashift::rewrite
