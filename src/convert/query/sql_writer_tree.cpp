// CONNECT BY → WITH RECURSIVE.
//
//   SELECT e.ename, LEVEL FROM emp e START WITH mgr IS NULL CONNECT BY PRIOR empno = mgr
// becomes
//   WITH RECURSIVE "orashift_tree1" ("empno", ..., "orashift_level") AS (
//     SELECT "e"."empno", ..., 1 FROM "emp" "e" WHERE "mgr" IS NULL
//     UNION ALL
//     SELECT "e"."empno", ..., "orashift_prior"."orashift_level" + 1
//     FROM "emp" "e" JOIN "orashift_tree1" "orashift_prior" ON "orashift_prior"."empno" = "e"."mgr")
//   SELECT "e"."ename", "e"."orashift_level" FROM "orashift_tree1" "e"
// The tree takes the table's alias, so the select list, WHERE (applied after the hierarchy, as in
// Oracle) and ORDER BY read it unchanged. SYS_CONNECT_BY_PATH and CONNECT_BY_ROOT become extra
// columns carried down the recursion. Redshift also runs WITH RECURSIVE (it needs the column
// list, which the catalog gives); it has no CONNECT BY of its own, so none is used.
#include "convert/query/sql_writer.h"
#include "common/naming.h"
#include "sql/parser.h"

namespace orashift::rewrite {

using namespace sql::ast;

std::string SqlWriter::hierarchical(const SelectCore& s) {
  if (s.from.size() != 1 || s.from[0]->kind != TableRefKind::Table || !ctes_) {
    item("OS4002", "CONNECT BY over a join, a subquery or several tables: rewrite as WITH RECURSIVE by hand",
         s.connect_by->span);
    return "/* CONNECT BY not converted */ SELECT " + select_items(s);
  }
  if (s.nocycle)
    item("OS4003", "CONNECT BY NOCYCLE: the recursive query does not stop at cycles; add a path check", s.connect_by->span);
  if (s.model.end > s.model.begin) item("OS4006", "MODEL clause", s.model);
  const auto& tn = static_cast<const TableName&>(*s.from[0]);
  push_scope(s);
  const Table* table = scopes_.back().empty() ? nullptr : scopes_.back()[0].table;
  std::string ref = tn.alias ? ident(*tn.alias) : ident(tn.name.name());
  std::string cte = "\"orashift_tree" + std::to_string(++tree_count_) + "\"";
  TreeState t;
  t.ref = ref;
  t.prior_alias = "\"orashift_prior\"";
  t.level_col = ref + ".\"orashift_level\"";
  TreeState* saved = tree_;
  tree_ = &t;

  // The outer select over the tree first: it decides which extra columns the tree carries.
  t.final_select = true;
  std::string q = upper(s.quantifier);
  std::string out = std::string("SELECT ") + (q == "DISTINCT" || q == "UNIQUE" ? "DISTINCT " : "") + select_items(s);
  out += " FROM " + cte + " " + ref;
  if (s.where) out += " WHERE " + expr(*s.where);
  if (!s.group_by.empty()) out += " GROUP BY " + exprs(s.group_by);
  if (s.having) out += " HAVING " + expr(*s.having);
  t.final_select = false;

  tree_ = nullptr;
  std::string start = s.start_with ? expr(*s.start_with) : std::string();
  tree_ = &t;
  t.in_recursive = true;
  std::string join = expr(*s.connect_by);
  t.in_recursive = false;
  tree_ = saved;

  // FROM DUAL CONNECT BY LEVEL <= n (a row generator): DUAL's one row as a derived table.
  std::string table_sql = table_ref(tn);
  std::string cols, names;
  if (table) {
    for (const auto& c : table->columns) {
      std::string n = quote_ident(target_name(c.name));
      cols += (cols.empty() ? "" : ", ") + ref + "." + n;
      names += (names.empty() ? "" : ", ") + n;
    }
  } else {
    cols = ref + ".*";
    if (redshift())
      item("OS4002", "table " + sql::compact_text(tn.name.span) + " is not in the converted schema: Redshift's WITH RECURSIVE needs its column list",
           tn.span);
  }
  std::string anchor = "SELECT " + cols + ", 1";
  std::string rec = "SELECT " + cols + ", " + t.prior_alias + ".\"orashift_level\" + 1";
  for (size_t i = 0; i < t.extra_cols.size(); ++i) {
    anchor += ", " + t.extra_cols[i].first;
    rec += ", " + t.extra_cols[i].second;
  }
  anchor += " FROM " + table_sql + (start.empty() ? "" : " WHERE " + start);
  rec += " FROM " + table_sql + " JOIN " + cte + " " + t.prior_alias + " ON " + join;
  std::string def = cte;
  if (table) {
    def += " (" + names + ", \"orashift_level\"";
    for (const auto& n : t.extra_names) def += ", " + n;
    def += ")";
  } else {
    // Without a column list the extra columns need names in the anchor.
    anchor = "SELECT " + cols + ", 1 AS \"orashift_level\"";
    for (size_t i = 0; i < t.extra_cols.size(); ++i) anchor += ", " + t.extra_cols[i].first + " AS " + t.extra_names[i];
    anchor += " FROM " + table_sql + (start.empty() ? "" : " WHERE " + start);
  }
  ctes_->push_back(def + " AS (" + anchor + " UNION ALL " + rec + ")");
  ctes_recursive_ = true;
  scopes_.pop_back();
  return out;
}

}  // namespace orashift::rewrite
