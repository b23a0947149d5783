// DML: INSERT (single, and Oracle's multi-table INSERT ALL / INSERT FIRST) and MERGE.
//
// INSERT ALL has no target equivalent: each INTO becomes INSERT INTO t (cols) SELECT values
// FROM (source) WHERE its condition; INSERT FIRST adds "and no earlier condition held". The
// source query then runs once per INTO (volatile functions in it are evaluated each time).
// MERGE maps onto the SQL-standard MERGE of PostgreSQL 15+ and DuckDB 1.4: Oracle's
// UPDATE ... WHERE c becomes WHEN MATCHED AND c; DELETE WHERE (applied after the update to the
// updated rows) has no equivalent. Redshift's MERGE takes a table as its source, one matched and
// one not-matched clause, and no extra conditions.
#include "convert/query/sql_writer.h"
#include "sql/parser.h"

namespace orashift::rewrite {

using namespace sql::ast;

std::string SqlWriter::statement(const Statement& s) {
  in_statement_ = true;  // a whole SQL statement: it reads the clock once (SqlWriter::name)
  switch (s.kind) {
    case StmtKind::Select: return query(*static_cast<const SelectStmt&>(s).query);
    case StmtKind::Insert: return insert(static_cast<const Insert&>(s));
    case StmtKind::Merge: return merge(static_cast<const Merge&>(s));
    case StmtKind::Update: return update(static_cast<const Update&>(s));
    case StmtKind::Delete: return delete_stmt(static_cast<const Delete&>(s));
    default:
      item("OS4013", s.kind_name + " is not converted by the SQL rewriter", s.span);
      return sql::compact_text(s.span);
  }
}

std::string SqlWriter::set_clauses(const std::vector<SetClause>& sets) {
  std::string out;
  for (const auto& c : sets) {
    if (c.row_form) {
      item("OS4013", "SET (a, b) = (subquery)", c.value->span);
      continue;
    }
    // The targets name SET columns without a qualifier.
    auto& n = static_cast<const NameExpr&>(*c.columns[0]);
    std::string col = c.columns[0]->kind == ExprKind::Name ? ident(n.parts.back()) : expr(*c.columns[0]);
    // The value is converted to the column's type as Oracle does.
    ValueType type = c.columns[0]->kind == ExprKind::Name ? type_of(*c.columns[0]) : ValueType::Unknown;
    out += (out.empty() ? "" : ", ") + col + " = " + assigned(*c.value, type);
  }
  return out;
}

// Oracle lets the columns be qualified (MERGE … INSERT (ci.client_id, …), Logger's set_level);
// the targets take the column name alone.
static std::string column_names(SqlWriter& w, const std::vector<Ident>& cols) {
  if (cols.empty()) return "";
  std::string out = " (";
  for (size_t i = 0; i < cols.size(); ++i) {
    Ident col = cols[i];
    const size_t dot = col.text.rfind('.');
    if (dot != std::string_view::npos && col.text.find('"') == std::string_view::npos) col.text = col.text.substr(dot + 1);
    out += (i ? ", " : "") + w.ident(col);
  }
  return out + ")";
}

// INSERT's target: PostgreSQL writes its alias after AS (INSERT INTO t AS s); Redshift and DuckDB
// take none, and Oracle lets nothing in the statement but RETURNING name it.
std::string SqlWriter::insert_target(const TableRef& t) {
  std::string out = table_ref(t);
  if (!t.alias) return out;
  std::string alias = " " + ident(*t.alias);
  if (out.size() < alias.size() || out.compare(out.size() - alias.size(), alias.size(), alias) != 0) return out;
  out.resize(out.size() - alias.size());
  return postgres() ? out + " AS" + alias : out;
}

std::string SqlWriter::insert(const Insert& s) {
  if (s.error_logging.end > s.error_logging.begin) item("OS4013", "LOG ERRORS clause", s.error_logging);
  if (s.multi.empty()) {
    std::string out = "INSERT INTO " + insert_target(*s.single.table) + column_names(*this, s.single.columns);
    if (s.single.has_values) {
      if (!s.single.values_parens) {
        // VALUES rec (PL/SQL): the record's fields in column order.
        if (ctx_.routine) return out + " SELECT (" + expr(*s.single.values[0]) + ").*" + returning(s.returning, s.span);
        item("OS4013", "VALUES of a PL/SQL record", s.single.span);
      }
      // Oracle converts each value to its column's type ('01-JAN-20' into a DATE column).
      const Table* into = target_table(*s.single.table);
      out += " VALUES (" + row_values(into, s.single.columns, s.single.values) + ")";
      for (const auto& row : s.single.more_rows)  // 23ai: every target has it
        out += ", (" + row_values(into, s.single.columns, row) + ")";
      return out + returning(s.returning, s.span);
    }
    return out + " " + query(*s.query) + returning(s.returning, s.span);
  }
  if (s.returning) item("OS4013", "RETURNING INTO on a multi-table INSERT", s.span);
  if (!s.query) {
    item("OS4013", "INSERT ALL without a source query", s.span);
    return sql::compact_text(s.span);
  }
  std::string source = "(" + query(*s.query) + ") \"orashift_src\"";
  bool first = upper(s.multi) == "FIRST";
  std::string out, earlier;  // earlier: the conditions of the WHEN clauses before this one
  for (const auto& w : s.whens) {
    std::string cond = w.condition ? expr(*w.condition) : std::string();
    std::string none_before = earlier.empty() ? "" : "NOT COALESCE(" + earlier + ", FALSE)";
    std::string where;
    if (!w.condition && s.conditional)
      where = none_before;  // ELSE: no WHEN held
    else if (!cond.empty())
      where = first && !none_before.empty() ? "(" + cond + ") AND " + none_before : cond;
    for (const auto& t : w.targets) {
      out += "INSERT INTO " + insert_target(*t.table) + column_names(*this, t.columns) + " SELECT " +
             (t.has_values ? row_values(target_table(*t.table), t.columns, t.values) : std::string("*")) + " FROM " +
             source;
      if (!where.empty()) out += " WHERE " + where;
      out += ";\n";
    }
    if (!cond.empty()) earlier += (earlier.empty() ? "" : " OR ") + std::string("(") + cond + ")";
  }
  if (!out.empty()) out.erase(out.size() - 2);  // the caller adds the final ';'
  return out;
}

std::string SqlWriter::merge(const Merge& s) {
  if (s.error_logging.end > s.error_logging.begin) item("OS4013", "LOG ERRORS clause", s.error_logging);
  std::vector<ScopeEntry> scope;
  collect_scope(*s.target, scope);
  collect_scope(*s.source, scope);
  scopes_.push_back(scope);
  std::string out = "MERGE INTO " + table_ref(*s.target) + " USING " + table_ref(*s.source) + " ON " + expr(*s.on);
  if (redshift()) {
    if (s.source->kind != TableRefKind::Table)
      item("OS4013", "Redshift's MERGE takes a table as its source: stage the query into a table first", s.source->span);
    if (!s.matched || !s.not_matched || (s.matched && s.matched->where) || (s.not_matched && s.not_matched->where))
      item("OS4013", "Redshift's MERGE needs one WHEN MATCHED and one WHEN NOT MATCHED clause without conditions", s.span);
  }
  auto matched = [&] {
    if (!s.matched) return;
    const auto& m = *s.matched;
    if (m.delete_where)
      item("OS4013", "MERGE ... DELETE WHERE (Oracle deletes updated rows that then meet the condition)", m.delete_where->span);
    out += " WHEN MATCHED" + (m.where ? " AND " + expr(*m.where) : std::string()) + " THEN UPDATE SET " + set_clauses(m.sets);
  };
  auto not_matched = [&] {
    if (!s.not_matched) return;
    const auto& n = *s.not_matched;
    out += " WHEN NOT MATCHED" + (n.where ? " AND " + expr(*n.where) : std::string()) + " THEN INSERT" +
           column_names(*this, n.columns) + " VALUES (" + row_values(target_table(*s.target), n.columns, n.values) + ")";
  };
  if (s.matched_first) {
    matched();
    not_matched();
  } else {
    not_matched();
    matched();
  }
  scopes_.pop_back();
  return out;
}

std::string SqlWriter::returning(const std::optional<Returning>& r, Span where) {
  if (!r) return "";
  if (!ctx_.routine) {
    item("OS4013", "RETURNING INTO belongs to PL/SQL", where);
    return "";
  }
  if (redshift()) {
    // Redshift's INSERT, UPDATE and DELETE have no RETURNING clause ("DELETE", "UPDATE", "INSERT"
    // in the Database Developer Guide: the syntax ends at WHERE / VALUES / the query).
    item("OS4013", "RETURNING INTO: Redshift's INSERT, UPDATE and DELETE return no rows; read the values with a "
                   "SELECT on the statement's key before or after it",
         where);
    return "";
  }
  std::string out = " RETURNING " + exprs(r->exprs);
  if (auto i = ctx_.routine->into(r->into, r->bulk_collect, false, where, *this)) return out + *i;
  return out;
}

// UPDATE/DELETE on an inline view of one table whose columns are the table's own (Oracle's
// key-preserved view, "DELETE", SQL Language Reference): PostgreSQL's DML names a table, so the
// table takes the view's alias and the view's rows are picked by ctid. nullopt: another shape
// (the subquery is written as it is, and PostgreSQL refuses it on apply).
std::optional<std::string> SqlWriter::dml_view_target(const TableRef& t, std::string& rows) {
  if (t.kind != TableRefKind::Subquery || !postgres()) return std::nullopt;
  const Query& q = *static_cast<const SubqueryRef&>(t).query;
  if (!q.with.empty() || q.offset || q.fetch_count || q.for_update || q.body->kind != QueryBodyKind::Select)
    return std::nullopt;
  auto& core = static_cast<const SelectCore&>(*q.body);
  if (core.from.size() != 1 || core.from[0]->kind != TableRefKind::Table || core.start_with || core.connect_by ||
      !core.group_by.empty() || core.having || core.model.end > core.model.begin ||
      (!core.quantifier.empty() && upper(std::string(core.quantifier)) != "ALL"))
    return std::nullopt;
  if (core.where && upper(sql::compact_text(core.where->span)).find("ROWNUM") != std::string::npos) return std::nullopt;
  for (const auto& it : core.items) {
    if (it.expr->kind == ExprKind::Star) continue;
    if (it.expr->kind != ExprKind::Name) return std::nullopt;
    auto& n = static_cast<const NameExpr&>(*it.expr);
    if (it.alias && normalize_identifier(it.alias->text) != normalize_identifier(n.parts.back().text)) return std::nullopt;
  }
  auto& base = static_cast<const TableName&>(*core.from[0]);
  std::string table = ident(base.name.name());
  std::string alias = t.alias ? ident(*t.alias) : table;
  std::string inner_alias = base.alias ? ident(*base.alias) : table;
  push_scope(core);
  std::string inner = "SELECT " + inner_alias + ".ctid FROM " + table_ref(base);
  if (core.where) inner += " WHERE " + expr(*core.where);
  scopes_.pop_back();
  rows = alias + ".ctid IN (" + inner + ")";
  return table + (t.alias ? " AS " + alias : std::string());
}

// " WHERE …" of an UPDATE/DELETE: the view's rows (dml_view_target; "" for a table) and the
// statement's own condition.
std::string SqlWriter::dml_where(const std::string& view_rows, const Expr* where) {
  if (view_rows.empty()) return where ? " WHERE " + expr(*where) : std::string();
  return " WHERE " + view_rows + (where ? " AND (" + expr(*where) + ")" : std::string());
}

std::string SqlWriter::update(const Update& s) {
  if (s.error_logging.end > s.error_logging.begin) item("OS4013", "LOG ERRORS clause", s.error_logging);
  std::vector<ScopeEntry> scope;
  collect_scope(*s.target, scope);
  scopes_.push_back(scope);
  std::string rows;
  auto view = dml_view_target(*s.target, rows);
  std::string out = "UPDATE " + (view ? *view : table_ref(*s.target)) + " SET " + set_clauses(s.sets);
  out += dml_where(rows, s.where.get());
  out += returning(s.returning, s.span);
  scopes_.pop_back();
  return out;
}

std::string SqlWriter::delete_stmt(const Delete& s) {
  if (s.error_logging.end > s.error_logging.begin) item("OS4013", "LOG ERRORS clause", s.error_logging);
  std::vector<ScopeEntry> scope;
  collect_scope(*s.target, scope);
  scopes_.push_back(scope);
  std::string rows;
  auto view = dml_view_target(*s.target, rows);
  std::string out = "DELETE FROM " + (view ? *view : table_ref(*s.target));
  out += dml_where(rows, s.where.get());
  out += returning(s.returning, s.span);
  scopes_.pop_back();
  return out;
}

}  // namespace orashift::rewrite
