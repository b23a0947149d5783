#include "sql/printer.h"

#include "sql/ast_admin.h"
#include "sql/parser.h"

namespace orashift::sql {

namespace {

using namespace ast;

// Text kept as a span (raw clauses) prints compacted, so reprinting it is stable.
std::string raw(Span s) { return compact_text(s); }
bool has(Span s) { return s.end > s.begin; }

class Printer {
public:
  std::string out;

  void put(std::string_view s) {
    if (s.empty()) return;
    if (!out.empty() && out.back() != ' ' && out.back() != '(' && s.front() != ')' && s.front() != ',' &&
        s.front() != '.' && !(out.back() == '.'))
      out.push_back(' ');
    out.append(s);
  }
  void glue(std::string_view s) { out.append(s); }  // no space before

  void ident(const Ident& i) { put(i.text); }
  void idents(const std::vector<Ident>& v, std::string_view sep = ".") {
    for (size_t i = 0; i < v.size(); ++i) {
      if (i) glue(sep);
      if (i && sep == ".")
        glue(v[i].text);
      else
        put(v[i].text);
    }
  }
  void ident_list(const std::vector<Ident>& v) {
    put("(");
    for (size_t i = 0; i < v.size(); ++i) {
      if (i) glue(",");
      put(v[i].text);
    }
    glue(")");
  }
  void qname(const QualifiedName& q) {
    idents(q.parts);
    if (!q.dblink.empty()) {
      glue("@");
      glue(q.dblink[0].text);
      for (size_t i = 1; i < q.dblink.size(); ++i) {
        glue(".");
        glue(q.dblink[i].text);
      }
    }
  }

  void exprs(const std::vector<ExprPtr>& v) {
    for (size_t i = 0; i < v.size(); ++i) {
      if (i) glue(",");
      expr(*v[i]);
    }
  }

  void order_items(const std::vector<OrderItem>& v) {
    for (size_t i = 0; i < v.size(); ++i) {
      if (i) glue(",");
      expr(*v[i].expr);
      if (v[i].asc) put("ASC");
      if (v[i].desc) put("DESC");
      if (!v[i].nulls.empty()) {
        put("NULLS");
        put(upper(v[i].nulls));
      }
    }
  }

  static std::string upper(std::string_view s) {
    std::string o(s);
    for (char& c : o)
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return o;
  }

  void frame_bound(const FrameBound& b) {
    switch (b.kind) {
      case FrameBoundKind::UnboundedPreceding: put("UNBOUNDED PRECEDING"); break;
      case FrameBoundKind::UnboundedFollowing: put("UNBOUNDED FOLLOWING"); break;
      case FrameBoundKind::CurrentRow: put("CURRENT ROW"); break;
      case FrameBoundKind::Preceding: expr(*b.offset); put("PRECEDING"); break;
      case FrameBoundKind::Following: expr(*b.offset); put("FOLLOWING"); break;
    }
  }

  void window(const WindowSpec& w) {
    put("OVER");
    bool bare = w.name && w.partition_by.empty() && w.order_by.empty() && w.frame_unit.empty();
    if (bare) {
      ident(*w.name);
      return;
    }
    put("(");
    if (w.name) ident(*w.name);
    if (!w.partition_by.empty()) {
      put("PARTITION BY");
      exprs(w.partition_by);
    }
    if (!w.order_by.empty()) {
      put("ORDER BY");
      order_items(w.order_by);
    }
    if (!w.frame_unit.empty()) {
      put(upper(w.frame_unit));
      if (w.frame_between) {
        put("BETWEEN");
        frame_bound(w.frame_start);
        put("AND");
        frame_bound(w.frame_end);
      } else {
        frame_bound(w.frame_start);
      }
      if (has(w.exclude)) put(raw(w.exclude));
    }
    glue(")");
  }

  void call(const CallExpr& c) {
    idents(c.name);
    glue("(");
    if (c.trim_from && c.args.size() >= 2) {  // TRIM(LEADING [c] FROM s)
      put(static_cast<const NameExpr&>(*c.args[0].value).parts[0].text);  // the mode word as written
      if (c.args.size() == 3) expr(*c.args[1].value);
      put("FROM");
      expr(*c.args.back().value);
      glue(")");
      return;
    }
    if (!c.set_quantifier.empty()) put(upper(c.set_quantifier));
    if (c.star) glue("*");
    for (size_t i = 0; i < c.args.size(); ++i) {
      if (i) glue(",");
      const CallArg& a = c.args[i];
      if (!a.name.empty()) {
        put(a.name);
        put("=>");
      }
      if (a.value->kind == ExprKind::Subquery && a.bare_query)
        query(*static_cast<const SubqueryExpr&>(*a.value).query);  // CURSOR(SELECT ..) as written
      else
        expr(*a.value);
      if (i + 1 == c.args.size() && !c.arg_order_by.empty()) {
        put("ORDER BY");
        order_items(c.arg_order_by);
      }
      if (has(a.tail)) put(raw(a.tail));
    }
    glue(")");
    if (!c.keep.empty()) {
      put("KEEP (DENSE_RANK");
      put(upper(c.keep));
      put("ORDER BY");
      order_items(c.keep_order_by);
      glue(")");
    }
    if (c.has_within_group) {
      put("WITHIN GROUP (ORDER BY");
      order_items(c.within_group);
      glue(")");
    }
    if (!c.nulls_treatment.empty()) {
      put(upper(c.nulls_treatment));
      put("NULLS");
    }
    if (c.over) window(*c.over);
  }

  void expr(const Expr& e) {
    switch (e.kind) {
      case ExprKind::Literal: {
        auto& l = static_cast<const LiteralExpr&>(e);
        if (l.literal == LiteralKind::Date) put("DATE");
        if (l.literal == LiteralKind::Timestamp) put("TIMESTAMP");
        if (l.literal == LiteralKind::Interval) put("INTERVAL");
        put(l.literal == LiteralKind::Null ? std::string_view("NULL") : l.text);
        if (!l.qualifier.empty()) put(compact(l.qualifier));
        return;
      }
      case ExprKind::Name: {
        auto& n = static_cast<const NameExpr&>(e);
        idents(n.parts);
        if (!n.dblink.empty()) {
          glue("@");
          glue(n.dblink[0].text);
          for (size_t i = 1; i < n.dblink.size(); ++i) {
            glue(".");
            glue(n.dblink[i].text);
          }
        }
        if (n.outer_join) glue("(+)");
        return;
      }
      case ExprKind::Star: {
        auto& s = static_cast<const StarExpr&>(e);
        if (s.qualifier.empty()) {
          put("*");
        } else {
          idents(s.qualifier);
          glue(".*");
        }
        return;
      }
      case ExprKind::Bind: put(static_cast<const BindExpr&>(e).text); return;
      case ExprKind::Unary: {
        auto& u = static_cast<const UnaryExpr&>(e);
        switch (u.op) {
          case UnaryOp::Neg: put("-"); break;
          case UnaryOp::Plus: put("+"); break;
          case UnaryOp::Not: put("NOT"); break;
          case UnaryOp::Prior: put("PRIOR"); break;
          case UnaryOp::ConnectByRoot: put("CONNECT_BY_ROOT"); break;
          case UnaryOp::Exists: put("EXISTS"); break;
        }
        if (u.op == UnaryOp::Neg || u.op == UnaryOp::Plus) {
          // "- -1" must not become "--1" (a comment)
          std::string inner = sub(*u.operand);
          if (!inner.empty() && (inner[0] == '-' || inner[0] == '+')) out.push_back(' ');
          glue(inner);
        } else {
          expr(*u.operand);
        }
        return;
      }
      case ExprKind::Binary: {
        auto& b = static_cast<const BinaryExpr&>(e);
        expr(*b.lhs);
        put(binary_op_text(b.op));
        if (!b.quantifier.empty()) put(upper(b.quantifier));
        expr(*b.rhs);
        return;
      }
      case ExprKind::IsNull: {
        auto& n = static_cast<const IsNullExpr&>(e);
        expr(*n.operand);
        put("IS");
        if (n.negated) put("NOT");
        put(raw(n.test));
        return;
      }
      case ExprKind::Like: {
        auto& l = static_cast<const LikeExpr&>(e);
        expr(*l.lhs);
        if (l.negated) put("NOT");
        put(upper(l.op));
        expr(*l.pattern);
        if (l.escape) {
          put("ESCAPE");
          expr(*l.escape);
        }
        return;
      }
      case ExprKind::In: {
        auto& n = static_cast<const InExpr&>(e);
        expr(*n.lhs);
        if (n.negated) put("NOT");
        put("IN (");
        if (n.list.size() == 1 && n.list[0]->kind == ExprKind::Subquery)
          query(*static_cast<const SubqueryExpr&>(*n.list[0]).query);
        else
          exprs(n.list);
        glue(")");
        return;
      }
      case ExprKind::Between: {
        auto& b = static_cast<const BetweenExpr&>(e);
        expr(*b.operand);
        if (b.negated) put("NOT");
        put("BETWEEN");
        expr(*b.low);
        put("AND");
        expr(*b.high);
        return;
      }
      case ExprKind::Call: call(static_cast<const CallExpr&>(e)); return;
      case ExprKind::Case: {
        auto& c = static_cast<const CaseExpr&>(e);
        put("CASE");
        if (c.operand) expr(*c.operand);
        for (const auto& [w, t] : c.whens) {
          put("WHEN");
          expr(*w);
          put("THEN");
          expr(*t);
        }
        if (c.else_value) {
          put("ELSE");
          expr(*c.else_value);
        }
        put("END");
        return;
      }
      case ExprKind::Subquery: {
        // Operands of IN / call arguments print their own parentheses.
        put("(");
        query(*static_cast<const SubqueryExpr&>(e).query);
        glue(")");
        return;
      }
      case ExprKind::List: {
        auto& l = static_cast<const ListExpr&>(e);
        put("(");
        exprs(l.items);
        if (l.as_type) {
          put("AS");
          qname(*l.as_type);
        }
        glue(")");
        return;
      }
      case ExprKind::Raw: put(raw(e.span)); return;
      case ExprKind::Cast: {
        auto& c = static_cast<const CastExpr&>(e);
        put("CAST(");
        expr(*c.operand);
        put("AS");
        put(print_data_type(*c.type));
        if (c.default_on_error) {
          put("DEFAULT");
          expr(*c.default_on_error);
          put("ON CONVERSION ERROR");
        }
        for (const auto& f : c.format) {
          glue(",");
          expr(*f);
        }
        glue(")");
        return;
      }
      case ExprKind::Extract: {
        auto& x = static_cast<const ExtractExpr&>(e);
        put("EXTRACT(");
        glue(upper(x.field));
        put("FROM");
        expr(*x.operand);
        glue(")");
        return;
      }
      case ExprKind::Grouping: {
        auto& g = static_cast<const GroupingExpr&>(e);
        put(g.grouping == GroupingKind::Rollup ? "ROLLUP (" : g.grouping == GroupingKind::Cube ? "CUBE (" : "GROUPING SETS (");
        exprs(g.items);
        glue(")");
        return;
      }
      case ExprKind::Postfix: {
        auto& p = static_cast<const PostfixExpr&>(e);
        expr(*p.base);
        glue(raw(p.suffix));
        return;
      }
    }
  }

  // An argument that is a bare subquery prints without the extra parentheses of SubqueryExpr.
  std::string sub(const Expr& e) {
    Printer p;
    p.expr(e);
    return p.out;
  }

  static std::string compact(std::string_view s) {
    std::string o;
    for (char c : s) {
      bool blank = c == ' ' || c == '\t' || c == '\n' || c == '\r';
      if (blank) {
        if (!o.empty() && o.back() != ' ') o.push_back(' ');
      } else {
        o.push_back(c);
      }
    }
    while (!o.empty() && o.back() == ' ') o.pop_back();
    return o;
  }

  // ------------------------------------------------------------ queries

  void table_ref(const TableRef& t) {
    switch (t.kind) {
      case TableRefKind::Table: {
        auto& n = static_cast<const TableName&>(t);
        qname(n.name);
        if (has(n.partition_ext)) put(raw(n.partition_ext));
        if (has(n.versions)) put(raw(n.versions));
        if (!n.as_of.empty()) {
          put("AS OF");
          put(upper(n.as_of));
          expr(*n.as_of_expr);
        }
        if (n.sample_percent) {
          put("SAMPLE");
          if (n.sample_block) put("BLOCK");
          put("(");
          expr(*n.sample_percent);
          glue(")");
          if (n.sample_seed) {
            put("SEED (");
            expr(*n.sample_seed);
            glue(")");
          }
        }
        break;
      }
      case TableRefKind::Subquery: {
        auto& s = static_cast<const SubqueryRef&>(t);
        if (s.lateral) put("LATERAL");
        put("(");
        query(*s.query);
        if (!s.with_option.empty()) put(compact(s.with_option));
        glue(")");
        break;
      }
      case TableRefKind::Function: {
        auto& f = static_cast<const FunctionRef&>(t);
        expr(*f.call);
        if (f.outer_join) glue("(+)");
        break;
      }
      case TableRefKind::Join: {
        auto& j = static_cast<const Join&>(t);
        table_ref(*j.left);
        if (has(j.left_partition)) put(raw(j.left_partition));
        if (j.natural) put("NATURAL");
        switch (j.type) {
          case JoinType::Inner: put(j.inner_keyword ? "INNER JOIN" : "JOIN"); break;
          case JoinType::Left: put(j.outer_keyword ? "LEFT OUTER JOIN" : "LEFT JOIN"); break;
          case JoinType::Right: put(j.outer_keyword ? "RIGHT OUTER JOIN" : "RIGHT JOIN"); break;
          case JoinType::Full: put(j.outer_keyword ? "FULL OUTER JOIN" : "FULL JOIN"); break;
          case JoinType::Cross: put("CROSS JOIN"); break;
          case JoinType::CrossApply: put("CROSS APPLY"); break;
          case JoinType::OuterApply: put("OUTER APPLY"); break;
        }
        table_ref(*j.right);
        if (has(j.right_partition)) put(raw(j.right_partition));
        if (j.on) {
          put("ON");
          expr(*j.on);
        } else if (!j.using_columns.empty()) {
          put("USING");
          ident_list(j.using_columns);
        }
        break;
      }
      case TableRefKind::Paren: {
        put("(");
        table_ref(*static_cast<const ParenRef&>(t).inner);
        glue(")");
        break;
      }
    }
    if (has(t.pivot)) put(raw(t.pivot));
    if (t.alias) ident(*t.alias);
  }

  void body(const QueryBody& b) {
    switch (b.kind) {
      case QueryBodyKind::Select: select(static_cast<const SelectCore&>(b)); return;
      case QueryBodyKind::SetOp: {
        auto& s = static_cast<const SetOp&>(b);
        body(*s.lhs);
        switch (s.op) {
          case SetOpKind::Union: put("UNION"); break;
          case SetOpKind::UnionAll: put("UNION ALL"); break;
          case SetOpKind::Intersect: put("INTERSECT"); break;
          case SetOpKind::Minus: put("MINUS"); break;
          case SetOpKind::Except: put("EXCEPT"); break;
        }
        body(*s.rhs);
        return;
      }
      case QueryBodyKind::Paren:
        put("(");
        query(*static_cast<const ParenQuery&>(b).query);
        glue(")");
        return;
    }
  }

  void select(const SelectCore& s) {
    put("SELECT");
    if (!s.hint.empty()) put(s.hint);
    if (!s.quantifier.empty()) put(upper(s.quantifier));
    for (size_t i = 0; i < s.items.size(); ++i) {
      if (i) glue(",");
      expr(*s.items[i].expr);
      if (s.items[i].as_keyword) put("AS");
      if (s.items[i].alias) ident(*s.items[i].alias);
    }
    if (s.bulk_collect) put("BULK COLLECT");
    if (!s.into.empty()) {
      put("INTO");
      exprs(s.into);
    }
    if (!s.from.empty()) {
      put("FROM");
      for (size_t i = 0; i < s.from.size(); ++i) {
        if (i) glue(",");
        table_ref(*s.from[i]);
      }
    }
    if (s.where) {
      put("WHERE");
      expr(*s.where);
    }
    auto start = [&] {
      if (!s.start_with) return;
      put("START WITH");
      expr(*s.start_with);
    };
    if (s.start_with_first) start();
    if (s.connect_by) {
      put("CONNECT BY");
      if (s.nocycle) put("NOCYCLE");
      expr(*s.connect_by);
    }
    if (!s.start_with_first) start();
    if (!s.group_by.empty()) {
      put("GROUP BY");
      exprs(s.group_by);
    }
    if (s.having) {
      put("HAVING");
      expr(*s.having);
    }
    if (has(s.model)) put(raw(s.model));
  }

  void query(const Query& q) {
    if (!q.with.empty()) {
      put("WITH");
      for (size_t i = 0; i < q.with.size(); ++i) {
        if (i) glue(",");
        const CommonTable& c = q.with[i];
        ident(c.name);
        if (!c.columns.empty()) ident_list(c.columns);
        put("AS (");
        query(*c.query);
        glue(")");
        if (has(c.search_cycle)) put(raw(c.search_cycle));
      }
    }
    body(*q.body);
    if (!q.order_by.empty()) {
      put(q.order_siblings ? "ORDER SIBLINGS BY" : "ORDER BY");
      order_items(q.order_by);
    }
    if (q.offset) {
      put("OFFSET");
      expr(*q.offset);
      put(upper(q.offset_rows));
    }
    if (!q.fetch_first.empty()) {
      put("FETCH");
      put(upper(q.fetch_first));
      if (q.fetch_count) expr(*q.fetch_count);
      if (q.fetch_percent) put("PERCENT");
      put(upper(q.fetch_rows));
      put(q.with_ties ? "WITH TIES" : "ONLY");
    }
    if (q.for_update) {
      put("FOR UPDATE");
      if (!q.for_update->columns.empty()) {
        put("OF");
        exprs(q.for_update->columns);
      }
      if (!q.for_update->wait.empty()) {
        std::string w = upper(q.for_update->wait);
        put(w == "SKIP" ? "SKIP LOCKED" : w);
        if (q.for_update->wait_seconds) expr(*q.for_update->wait_seconds);
      }
    }
  }

  // ------------------------------------------------------------ statements

  void returning(const std::optional<Returning>& r) {
    if (!r) return;
    put(upper(r->keyword));
    exprs(r->exprs);
    if (r->bulk_collect) put("BULK COLLECT");
    put("INTO");
    exprs(r->into);
  }

  void insert_target(const InsertTarget& t) {
    put("INTO");
    table_ref(*t.table);
    if (!t.columns.empty()) ident_list(t.columns);
    if (t.has_values) {
      put("VALUES");
      if (t.values_parens) {
        put("(");
        exprs(t.values);
        glue(")");
        for (const auto& row : t.more_rows) {  // 23ai: VALUES (..), (..)
          glue(",");
          put("(");
          exprs(row);
          glue(")");
        }
      } else {
        exprs(t.values);
      }
    }
  }

  void sets(const std::vector<SetClause>& v) {
    put("SET");
    for (size_t i = 0; i < v.size(); ++i) {
      if (i) glue(",");
      if (v[i].row_form) {
        put("(");
        exprs(v[i].columns);
        glue(")");
      } else {
        expr(*v[i].columns[0]);
      }
      put("=");
      expr(*v[i].value);
    }
  }

  // ------------------------------------------------------------ table DDL parts

  // Tokens of a clause kept as text (USING INDEX …, ENCRYPT …, identity options).
  void clause(const Span& span) {
    if (std::string t = compact_text(span); !t.empty()) put(t);
  }

  void constraint_state(const ConstraintState& st) {
    if (st.rely) put("RELY");
    if (st.deferrable) put("DEFERRABLE");
    if (st.initially_deferred) put("INITIALLY DEFERRED");
    clause(st.using_index);
    if (st.enable) put(*st.enable ? "ENABLE" : "DISABLE");
    if (st.validate) put(*st.validate ? "VALIDATE" : "NOVALIDATE");
    clause(st.exceptions);
  }

  // Out-of-line (table) constraints name their columns; inline (column) ones do not.
  void constraint(const ConstraintDef& c) {
    if (c.name) {
      put("CONSTRAINT");
      ident(*c.name);
    }
    switch (c.type) {
      case ConstraintType::NotNull: put("NOT NULL"); break;
      case ConstraintType::Null: put("NULL"); break;
      case ConstraintType::PrimaryKey: put("PRIMARY KEY"); break;
      case ConstraintType::Unique: put("UNIQUE"); break;
      case ConstraintType::ForeignKey:
        if (!c.columns.empty()) put("FOREIGN KEY");
        break;
      case ConstraintType::Check:
        put("CHECK (");
        expr(*c.check);
        glue(")");
        break;
    }
    if (!c.columns.empty()) ident_list(c.columns);
    if (c.ref_table) {
      put("REFERENCES");
      qname(*c.ref_table);
      if (!c.ref_columns.empty()) ident_list(c.ref_columns);
      if (!c.on_delete.empty()) {
        put("ON DELETE");
        put(upper(compact(c.on_delete)));
      }
    }
    constraint_state(c.state);
  }

  // Oracle's order: type, COLLATE / SORT / VISIBLE, DEFAULT or identity or virtual, ENCRYPT,
  // then the inline constraints.
  void column(const ColumnDef& c) {
    ident(c.name);
    if (c.type) put(print_data_type(*c.type));
    auto is_encrypt = [](const Span& x) {
      std::string t = upper(compact_text(x));
      return t.rfind("ENCRYPT", 0) == 0;
    };
    for (const Span& x : c.extras)
      if (!is_encrypt(x)) clause(x);
    if (c.default_value) {
      put(c.default_on_null ? (c.default_on_null_update ? "DEFAULT ON NULL FOR INSERT AND UPDATE" : "DEFAULT ON NULL")
                            : "DEFAULT");
      expr(*c.default_value);
    }
    clause(c.identity);
    if (c.virtual_expr) {
      put("GENERATED ALWAYS AS (");
      expr(*c.virtual_expr);
      glue(") VIRTUAL");
    }
    for (const Span& x : c.extras)
      if (is_encrypt(x)) clause(x);
    for (const auto& k : c.constraints) constraint(k);
  }

  template <typename T, typename F>
  void add_list(const std::vector<T>& items, F&& one) {
    put("ADD");
    if (items.size() == 1) {
      one(items[0]);
      return;
    }
    put("(");
    for (size_t i = 0; i < items.size(); ++i) {
      if (i) glue(",");
      one(items[i]);
    }
    glue(")");
  }

  void partitioning(const PartitionSpec& p) {
    put("PARTITION BY");
    put(p.method);
    if (p.method != "SYSTEM") ident_list(p.columns);
    if (p.interval) {
      put("INTERVAL (");
      expr(*p.interval);
      glue(")");
    }
    if (p.hash_count) put("PARTITIONS " + std::to_string(*p.hash_count));
    clause(p.extra);
    clause(p.subpartition);
    if (p.partitions.empty()) return;
    put("(");
    for (size_t i = 0; i < p.partitions.size(); ++i) {
      const PartitionDef& d = p.partitions[i];
      if (i) glue(",");
      put("PARTITION");
      if (d.name) ident(*d.name);
      if (!d.bound_kind.empty()) {
        put(d.bound_kind == "LESS THAN" ? "VALUES LESS THAN (" : "VALUES (");
        exprs(d.bounds);
        glue(")");
      }
      clause(d.options);
    }
    glue(")");
  }

  void statement(const Statement& s) {
    switch (s.kind) {
      case StmtKind::Select: query(*static_cast<const SelectStmt&>(s).query); return;
      case StmtKind::Insert: {
        auto& i = static_cast<const Insert&>(s);
        put("INSERT");
        if (!i.hint.empty()) put(i.hint);
        if (!i.multi.empty()) {
          put(upper(i.multi));
          for (const auto& w : i.whens) {
            if (i.conditional) {
              if (w.condition) {
                put("WHEN");
                expr(*w.condition);
                put("THEN");
              } else {
                put("ELSE");
              }
            }
            for (const auto& t : w.targets) insert_target(t);
          }
        } else {
          insert_target(i.single);
        }
        if (i.query) query(*i.query);
        returning(i.returning);
        if (has(i.error_logging)) put(raw(i.error_logging));
        return;
      }
      case StmtKind::Update: {
        auto& u = static_cast<const Update&>(s);
        put("UPDATE");
        if (!u.hint.empty()) put(u.hint);
        table_ref(*u.target);
        sets(u.sets);
        if (u.where) {
          put("WHERE");
          expr(*u.where);
        }
        returning(u.returning);
        if (has(u.error_logging)) put(raw(u.error_logging));
        return;
      }
      case StmtKind::Delete: {
        auto& d = static_cast<const Delete&>(s);
        put("DELETE");
        if (!d.hint.empty()) put(d.hint);
        if (d.from_keyword) put("FROM");
        table_ref(*d.target);
        if (d.where) {
          put("WHERE");
          expr(*d.where);
        }
        returning(d.returning);
        if (has(d.error_logging)) put(raw(d.error_logging));
        return;
      }
      case StmtKind::Merge: {
        auto& m = static_cast<const Merge&>(s);
        put("MERGE");
        if (!m.hint.empty()) put(m.hint);
        put("INTO");
        table_ref(*m.target);
        put("USING");
        table_ref(*m.source);
        put("ON");
        expr(*m.on);
        auto matched = [&] {
          if (!m.matched) return;
          put("WHEN MATCHED THEN UPDATE");
          sets(m.matched->sets);
          if (m.matched->where) {
            put("WHERE");
            expr(*m.matched->where);
          }
          if (m.matched->delete_where) {
            put("DELETE WHERE");
            expr(*m.matched->delete_where);
          }
        };
        auto not_matched = [&] {
          if (!m.not_matched) return;
          put("WHEN NOT MATCHED THEN INSERT");
          if (!m.not_matched->columns.empty()) ident_list(m.not_matched->columns);
          put("VALUES (");
          exprs(m.not_matched->values);
          glue(")");
          if (m.not_matched->where) {
            put("WHERE");
            expr(*m.not_matched->where);
          }
        };
        if (m.matched_first) {
          matched();
          not_matched();
        } else {
          not_matched();
          matched();
        }
        if (has(m.error_logging)) put(raw(m.error_logging));
        return;
      }
      case StmtKind::CreateView: {
        auto& v = static_cast<const CreateView&>(s);
        put(v.or_replace ? "CREATE OR REPLACE" : "CREATE");
        if (!v.force.empty()) put(upper(compact(v.force)));
        if (!v.edition.empty()) put(upper(compact(v.edition)));
        put("VIEW");
        qname(v.name);
        if (!v.columns.empty()) ident_list(v.columns);
        if (has(v.column_text)) put(raw(v.column_text));
        if (has(v.options)) put(raw(v.options));
        put("AS");
        query(*v.query);
        if (!v.with_option.empty()) {
          put("WITH");
          put(upper(compact(v.with_option)));
        }
        if (v.constraint) {
          put("CONSTRAINT");
          ident(*v.constraint);
        }
        return;
      }
      case StmtKind::CreateSequence: {
        auto& q = static_cast<const CreateSequence&>(s);
        put("CREATE SEQUENCE");
        qname(q.name);
        for (const auto& o : q.options) {
          put(upper(compact(o.name)));
          if (o.value) expr(*o.value);
        }
        return;
      }
      case StmtKind::CreateSynonym: {
        auto& y = static_cast<const CreateSynonym&>(s);
        put(y.or_replace ? "CREATE OR REPLACE" : "CREATE");
        if (!y.edition.empty()) put(upper(compact(y.edition)));
        if (!y.substituted_modifier.empty()) {
          put(y.substituted_modifier);
          glue(" ");  // its terminating '.' belongs to the variable, not to a qualified name
        }
        if (y.is_public) put("PUBLIC");
        put("SYNONYM");
        qname(y.name);
        put("FOR");
        qname(y.target);
        return;
      }
      case StmtKind::Grant: {
        auto& g = static_cast<const Grant&>(s);
        put(g.revoke ? "REVOKE" : "GRANT");
        for (size_t i = 0; i < g.privileges.size(); ++i) {
          if (i) glue(",");
          for (auto w : g.privileges[i].words) put(upper(w));
          if (!g.privileges[i].columns.empty()) ident_list(g.privileges[i].columns);
        }
        if (g.object) {
          put("ON");
          for (auto w : g.object_kind) put(upper(w));
          qname(*g.object);
        }
        put(g.revoke ? "FROM" : "TO");
        idents(g.grantees, ", ");
        for (size_t i = 0; i < g.options.size(); ++i) {  // a password (IDENTIFIED BY x) or quoted name as written
          std::string_view w = g.options[i];
          bool password = i >= 2 && upper(g.options[i - 2]) == "IDENTIFIED" && upper(g.options[i - 1]) == "BY";
          put(password || (!w.empty() && w.front() == '"') ? std::string(w) : upper(w));
        }
        return;
      }
      case StmtKind::Drop: {
        auto& d = static_cast<const Drop&>(s);
        put("DROP");
        if (d.is_public) put("PUBLIC");
        for (auto w : d.object_kind) put(upper(w));
        if (d.if_exists) put("IF EXISTS");
        qname(d.name);
        for (auto w : d.options) put(!w.empty() && w.front() == '"' ? std::string(w) : upper(w));
        return;
      }
      case StmtKind::Transaction: {
        auto& t = static_cast<const Transaction&>(s);
        put(upper(t.verb));
        if (t.work) put("WORK");
        if (t.savepoint) {
          if (upper(t.verb) == "ROLLBACK") put(t.to_savepoint_word ? "TO SAVEPOINT" : "TO");
          ident(*t.savepoint);
        }
        if (!t.comment.empty()) {
          put("COMMENT");
          put(t.comment);
        }
        return;
      }
      case StmtKind::AlterSession: {
        auto& a = static_cast<const AlterSession&>(s);
        put("ALTER SESSION SET");
        for (const auto& p : a.parameters) {
          ident(p.name);
          put("=");
          put(p.value);
        }
        return;
      }
      case StmtKind::Truncate: {
        auto& t = static_cast<const Truncate&>(s);
        put("TRUNCATE");
        put(upper(t.object_kind));
        qname(t.name);
        for (auto w : t.options) put(upper(w));
        return;
      }
      case StmtKind::CreateIndex: {
        auto& ix = static_cast<const CreateIndex&>(s);
        put("CREATE");
        if (ix.unique) put("UNIQUE");
        if (ix.bitmap) put("BITMAP");
        if (ix.multivalue) put("MULTIVALUE");
        put("INDEX");
        qname(ix.name);
        put("ON");
        if (ix.on_cluster) put("CLUSTER");
        qname(ix.table);
        if (ix.table_alias) ident(*ix.table_alias);
        if (!ix.on_cluster) {
          put("(");
          for (size_t i = 0; i < ix.columns.size(); ++i) {
            if (i) glue(",");
            expr(*ix.columns[i].expr);
            if (ix.columns[i].descending) put("DESC");
          }
          glue(")");
        }
        clause(ix.options);
        return;
      }
      case StmtKind::CreateTable: {
        auto& t = static_cast<const CreateTable&>(s);
        put("CREATE");
        if (t.global_temporary) put("GLOBAL TEMPORARY");
        if (t.private_temporary) put("PRIVATE TEMPORARY");
        clause(t.modifiers);
        put("TABLE");
        if (t.if_not_exists) put("IF NOT EXISTS");
        qname(t.name);
        if (t.of_type) {
          put("OF");
          qname(*t.of_type);
        }
        if (!t.columns.empty() || !t.constraints.empty()) {
          put("(");
          bool first = true;
          for (const auto& c : t.columns) {
            if (!first) glue(",");
            first = false;
            column(c);
          }
          for (const auto& c : t.constraints) {  // after the columns: Oracle takes either order
            if (!first) glue(",");
            first = false;
            constraint(c);
          }
          glue(")");
        }
        // Properties (kept as their tokens) and the partitioning clause, in the order written.
        bool partitioned = false;
        for (const auto& p : t.properties) {
          if (t.partitioning && !partitioned && t.partitioning->span.begin < p.span.begin) {
            partitioning(*t.partitioning);
            partitioned = true;
          }
          clause(p.span);
        }
        if (t.partitioning && !partitioned) partitioning(*t.partitioning);
        return;
      }
      case StmtKind::AlterTable: {
        auto& a = static_cast<const AlterTable&>(s);
        put("ALTER TABLE");
        qname(a.name);
        for (const auto& act : a.actions) {
          switch (act.kind) {
            case AlterActionKind::AddConstraint:
              add_list(act.constraints, [&](const ConstraintDef& c) { constraint(c); });
              break;
            case AlterActionKind::AddColumns: add_list(act.columns, [&](const ColumnDef& c) { column(c); }); break;
            case AlterActionKind::DropConstraint:
            case AlterActionKind::Nullability:
            case AlterActionKind::Other: clause(act.span); break;  // MODIFY, DROP, RENAME…: kept as text
          }
        }
        return;
      }
      case StmtKind::Comment: {
        auto& c = static_cast<const CommentOn&>(s);
        put("COMMENT ON");
        put(upper(compact(c.object_kind)));
        qname(c.target);
        put("IS");
        std::string lit = "'";  // the text was unescaped (q'[…]' too): written back in plain quotes
        for (char ch : c.text) lit += ch == '\'' ? std::string("''") : std::string(1, ch);
        put(lit + "'");
        return;
      }
      case StmtKind::CreateDirectory: {
        auto& d = static_cast<const CreateDirectory&>(s);
        put(d.or_replace ? "CREATE OR REPLACE DIRECTORY" : "CREATE DIRECTORY");
        ident(d.name);
        put("AS");
        put(d.path);
        return;
      }
      case StmtKind::User: {
        auto& u = static_cast<const User&>(s);
        put(u.alter ? "ALTER USER" : "CREATE USER");
        ident(u.name);
        for (const auto& c : u.clauses)
          for (size_t i = 0; i < c.words.size(); ++i) {
            if (c.words[i] == "," || c.words[i] == "=") glue(std::string(c.words[i]) + " ");
            else put(c.words[i]);  // as written: passwords and names keep their case
          }
        return;
      }
      case StmtKind::CreateDimension: {
        auto& d = static_cast<const CreateDimension&>(s);
        put(d.or_replace ? "CREATE OR REPLACE DIMENSION" : "CREATE DIMENSION");
        qname(d.name);
        auto columns = [&](const std::vector<QualifiedName>& cols, bool paren) {
          if (paren) put("(");
          for (size_t i = 0; i < cols.size(); ++i) {
            if (i) glue(",");
            qname(cols[i]);
          }
          if (paren) glue(")");
        };
        size_t l = 0, h = 0, a = 0;
        for (char k : d.order) {
          if (k == 'L') {
            const auto& lv = d.levels[l++];
            put("LEVEL");
            ident(lv.name);
            put("IS");
            columns(lv.columns, lv.parenthesized);
            if (lv.skip_when_null) put("SKIP WHEN NULL");
          } else if (k == 'H') {
            const auto& hi = d.hierarchies[h++];
            put("HIERARCHY");
            ident(hi.name);
            put("(");
            for (size_t i = 0; i < hi.levels.size(); ++i) {
              if (i) put("CHILD OF");
              ident(hi.levels[i]);
            }
            for (const auto& jk : hi.join_keys) {
              put("JOIN KEY");
              columns(jk.columns, jk.parenthesized);
              put("REFERENCES");
              ident(jk.level);
            }
            glue(")");
          } else {
            const auto& at = d.attributes[a++];
            put("ATTRIBUTE");
            if (at.name) {
              ident(*at.name);
              put("LEVEL");
            }
            ident(at.level);
            put("DETERMINES");
            columns(at.columns, at.parenthesized);
          }
        }
        return;
      }
      case StmtKind::PlBlock:
      case StmtKind::CreateSubprogram:
      case StmtKind::CreatePackage:
      case StmtKind::CreateTrigger:
      case StmtKind::CreateType:
      case StmtKind::CreateTypeBody: put(print_plsql_unit(s)); return;
      default: put(raw(s.span)); return;
    }
  }
};

}  // namespace

bool printed_from_tree(const ast::Statement& s) {
  switch (s.kind) {
    case StmtKind::Select:
    case StmtKind::Insert:
    case StmtKind::Update:
    case StmtKind::Delete:
    case StmtKind::Merge:
    case StmtKind::CreateView:
    case StmtKind::CreateSequence:
    case StmtKind::CreateSynonym:
    case StmtKind::PlBlock:
    case StmtKind::CreateSubprogram:
    case StmtKind::CreatePackage:
    case StmtKind::CreateTrigger:
    case StmtKind::CreateType:
    case StmtKind::CreateTypeBody:
    case StmtKind::Grant:
    case StmtKind::Drop:
    case StmtKind::Transaction:
    case StmtKind::AlterSession:
    case StmtKind::Truncate:
    case StmtKind::CreateDirectory:
    case StmtKind::Comment:
    case StmtKind::CreateIndex:
    case StmtKind::AlterTable:
    case StmtKind::CreateTable:
    case StmtKind::User:
    case StmtKind::CreateDimension: return true;
    default: return false;
  }
}

std::string print_statement(const ast::Statement& s) {
  Printer p;
  p.statement(s);
  return std::move(p.out);
}

std::string print_expr(const ast::Expr& e) {
  Printer p;
  p.expr(e);
  return std::move(p.out);
}

std::string print_query(const ast::Query& q) {
  Printer p;
  p.query(q);
  return std::move(p.out);
}

std::string print_data_type(const ast::DataType& t) { return compact_text(t.span); }

}  // namespace orashift::sql
