// Oracle's collection conditions and operators on nested tables and VARRAYs (SQL Language
// Reference, "Multiset Conditions" and "Multiset Operators"), which reach the writer from PL/SQL,
// where collections are arrays (docs/plsql.md). PostgreSQL has the array operations they need;
// Redshift has no arrays and DuckDB's lists are not what the PL/SQL walk produces, so there they
// stay items.
#include <regex>

#include "common/naming.h"
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

// TABLE(collection) in FROM inside a routine (SQL Language Reference, "TABLE Collection
// Expressions"): the rows of a nested table or VARRAY, one per element; a scalar element is the
// pseudocolumn COLUMN_VALUE, an object's attributes are columns. PostgreSQL's unnest gives the
// elements in order, and a composite element's attributes are its columns, so the FROM item is
// unnest(x) AS alias(Oracle's column names). The routine says whether it knows the type.
const SqlWriter::CollectionRef* SqlWriter::collection_ref(const TableRef& t) const {
  if (t.kind != TableRefKind::Function || !ctx_.routine) return nullptr;
  auto known = collection_refs_.find(&t);
  if (known != collection_refs_.end()) return known->second ? &*known->second : nullptr;
  std::optional<CollectionRef> ref;
  auto& f = static_cast<const FunctionRef&>(t);
  const CallExpr* c = f.call && f.call->kind == ExprKind::Call ? &static_cast<const CallExpr&>(*f.call) : nullptr;
  if (c && !f.outer_join && c->name.size() == 1 && upper(c->name[0].text) == "TABLE" && c->args.size() == 1 &&
      c->args[0].value && c->args[0].name.empty())
    if (auto rows = ctx_.routine->collection_rows(*c->args[0].value); rows && !rows->columns.empty()) {
      ref.emplace();
      ref->rows = std::move(*rows);
      ref->alias = t.alias ? quote_ident(target_name(normalize_identifier(t.alias->text))) : quote_ident("orashift_coll" + std::to_string(collection_refs_.size() + 1));
    }
  auto at = collection_refs_.emplace(&t, std::move(ref)).first;
  return at->second ? &*at->second : nullptr;
}

std::optional<std::string> SqlWriter::collection_table(const TableRef& t) {
  const CollectionRef* c = collection_ref(t);
  if (!c) return std::nullopt;
  auto& call = static_cast<const CallExpr&>(*static_cast<const FunctionRef&>(t).call);
  std::string rows = expr(*call.args[0].value);
  std::string columns;
  for (const auto& col : c->rows.columns) columns += (columns.empty() ? "" : ", ") + quote_ident(target_name(col.first));
  return (c->rows.set_returning ? rows : "unnest(" + rows + ")") + " AS " + c->alias + "(" + columns + ")";
}

// XMLTABLE('m to n') in FROM, the XQuery range Oracle code uses as a row generator (XML DB
// Developer's Guide, "XMLTABLE SQL/XML Function": one row per item of the sequence, the item in
// COLUMN_VALUE): PostgreSQL's generate_series gives the same rows in the same order.
std::optional<std::string> SqlWriter::xquery_range_table(const TableRef& t) const {
  if (!postgres()) return std::nullopt;
  auto& f = static_cast<const FunctionRef&>(t);
  if (!f.call || f.call->kind != ExprKind::Call) return std::nullopt;
  auto& c = static_cast<const CallExpr&>(*f.call);
  std::string text;
  if (c.name.size() != 1 || upper(c.name[0].text) != "XMLTABLE" || c.args.size() != 1 ||
      !is_string_literal(*c.args[0].value, &text))
    return std::nullopt;
  static const std::regex range(R"(^\s*(-?[0-9]+)\s+to\s+(-?[0-9]+)\s*$)");
  std::smatch m;
  if (!std::regex_match(text, m, range)) return std::nullopt;
  std::string alias = t.alias ? quote_ident(target_name(normalize_identifier(t.alias->text))) : "\"orashift_range\"";
  return "generate_series(" + m[1].str() + ", " + m[2].str() + ") AS " + alias + "(\"column_value\")";
}

}  // namespace orashift::rewrite
