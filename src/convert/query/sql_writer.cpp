#include "convert/query/sql_writer.h"

#include <algorithm>
#include <utility>

#include "common/naming.h"
#include "convert/dictionary_views.h"
#include "dialect/sql_literal.h"
#include "sql/parser.h"
#include "common/ascii.h"
#include "sql/printer.h"

namespace orashift::rewrite {

using namespace sql::ast;

std::string upper(std::string_view s) { return ascii_upper(s); }

std::string string_literal_value(std::string_view t) {
  if (!t.empty() && (t[0] == 'N' || t[0] == 'n') && t.size() > 1 && (t[1] == '\'' || t[1] == 'q' || t[1] == 'Q'))
    t.remove_prefix(1);
  if (t.size() >= 5 && (t[0] == 'q' || t[0] == 'Q') && t[1] == '\'') return std::string(t.substr(3, t.size() - 5));
  std::string out;
  if (t.size() < 2) return out;
  for (size_t i = 1; i + 1 < t.size(); ++i) {
    out.push_back(t[i]);
    if (t[i] == '\'' && t[i + 1] == '\'') ++i;
  }
  return out;
}

void SqlWriter::item(std::string_view code, const std::string& message, Span span, bool breaks) {
  res_.items.add(code, ctx_.object, message, span, dialect_name(d_));
  if (breaks && !res_.first_breaking) res_.first_breaking = res_.items.items().size() - 1;
  if (breaks) res_.convertible = false;
}

std::string SqlWriter::ident(const Ident& i) { return quote_ident(target_name(normalize_identifier(i.text))); }

std::string SqlWriter::text_type() const { return redshift() ? "VARCHAR(MAX)" : postgres() ? "TEXT" : "VARCHAR"; }

std::string SqlWriter::exprs(const std::vector<ExprPtr>& v) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + expr(*v[i]);
  return out;
}

std::string SqlWriter::order_items(const std::vector<OrderItem>& v) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) out += ", ";
    out += expr(*v[i].expr);
    if (v[i].asc) out += " ASC";
    if (v[i].desc) out += " DESC";
    if (!v[i].nulls.empty()) {
      out += " NULLS " + upper(v[i].nulls);
    } else if (duckdb()) {
      // Oracle sorts NULLs as the highest value; DuckDB puts them last in both directions.
      out += v[i].desc ? " NULLS FIRST" : " NULLS LAST";
    }
  }
  return out;
}

std::string SqlWriter::window(const WindowSpec& w) {
  std::string out = " OVER ";
  if (w.name && w.partition_by.empty() && w.order_by.empty() && w.frame_unit.empty()) return out + ident(*w.name);
  out += "(";
  std::string inner;
  if (w.name) inner += ident(*w.name);
  if (!w.partition_by.empty()) inner += (inner.empty() ? "" : " ") + std::string("PARTITION BY ") + exprs(w.partition_by);
  if (!w.order_by.empty()) inner += (inner.empty() ? "" : " ") + std::string("ORDER BY ") + order_items(w.order_by);
  if (!w.frame_unit.empty()) {
    auto bound = [&](const FrameBound& b) -> std::string {
      switch (b.kind) {
        case FrameBoundKind::UnboundedPreceding: return "UNBOUNDED PRECEDING";
        case FrameBoundKind::UnboundedFollowing: return "UNBOUNDED FOLLOWING";
        case FrameBoundKind::CurrentRow: return "CURRENT ROW";
        case FrameBoundKind::Preceding: return expr(*b.offset) + " PRECEDING";
        case FrameBoundKind::Following: return expr(*b.offset) + " FOLLOWING";
      }
      return "";
    };
    inner += " " + upper(w.frame_unit) + " ";
    inner += w.frame_between ? "BETWEEN " + bound(w.frame_start) + " AND " + bound(w.frame_end) : bound(w.frame_start);
    if (w.exclude.end > w.exclude.begin) inner += " " + sql::compact_text(w.exclude);
    if (redshift() && upper(w.frame_unit) != "ROWS")
      item("OS4013", "window frame " + upper(w.frame_unit) + ": Redshift supports ROWS frames only", w.exclude.file ? w.exclude : Span{});
  }
  return out + inner + ")";
}

// ------------------------------------------------------------------ names and types

const Column* SqlWriter::resolve_column(const NameExpr& n) const {
  if (n.parts.empty() || n.parts.size() > 3) return nullptr;
  std::string col = normalize_identifier(n.parts.back().text);
  if (n.parts.size() == 1) {
    for (auto s = scopes_.rbegin(); s != scopes_.rend(); ++s)
      for (const auto& e : *s)
        if (e.table)
          if (const Column* c = e.table->find_column(col)) return c;
    if (ctx_.table) return ctx_.table->find_column(col);
    return nullptr;
  }
  std::string q = normalize_identifier(n.parts[n.parts.size() - 2].text);
  for (auto s = scopes_.rbegin(); s != scopes_.rend(); ++s)
    for (const auto& e : *s)
      if (e.name == q) return e.table ? e.table->find_column(col) : nullptr;
  return nullptr;
}

ValueType value_type_of(const OracleType& t) {
  const std::string& n = t.name;
  if (n == "DATE" || n.rfind("TIMESTAMP", 0) == 0) return ValueType::Date;
  if (n == "NUMBER" || n == "INTEGER" || n == "INT" || n == "SMALLINT" || n == "FLOAT" || n == "DECIMAL" ||
      n == "NUMERIC" || n == "BINARY_FLOAT" || n == "BINARY_DOUBLE" || n == "REAL" || n == "DOUBLE PRECISION")
    return ValueType::Number;
  if (n == "VARCHAR2" || n == "VARCHAR" || n == "CHAR" || n == "NCHAR" || n == "NVARCHAR2" || n == "CLOB" ||
      n == "NCLOB" || n == "LONG")
    return ValueType::Text;
  if (n == "INTERVAL") return ValueType::Interval;
  return ValueType::Unknown;
}

ValueType SqlWriter::type_of(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Literal: {
      auto& l = static_cast<const LiteralExpr&>(e);
      switch (l.literal) {
        case LiteralKind::Number: return ValueType::Number;
        case LiteralKind::String:
        case LiteralKind::NationalString: return ValueType::Text;
        case LiteralKind::Date:
        case LiteralKind::Timestamp: return ValueType::Date;
        case LiteralKind::Interval: return ValueType::Interval;
        default: return ValueType::Unknown;
      }
    }
    case ExprKind::Name: {
      auto& n = static_cast<const NameExpr&>(e);
      if (ctx_.routine && !resolve_column(n) && !names_from_item(n)) {
        ValueType t = ctx_.routine->value_type(e);
        if (t != ValueType::Unknown) return t;
      }
      if (n.parts.size() == 1 && !n.parts[0].quoted()) {
        std::string w = upper(n.parts[0].text);
        if (w == "SYSDATE" || w == "SYSTIMESTAMP" || w == "CURRENT_DATE" || w == "CURRENT_TIMESTAMP" ||
            w == "LOCALTIMESTAMP")
          return ValueType::Date;
        if (w == "ROWNUM" || w == "LEVEL") return ValueType::Number;
      }
      if (const Column* c = resolve_column(n)) return value_type_of(c->type);
      return ValueType::Unknown;
    }
    case ExprKind::List: {
      auto& l = static_cast<const ListExpr&>(e);
      return l.items.size() == 1 ? type_of(*l.items[0]) : ValueType::Unknown;
    }
    case ExprKind::Unary: {
      auto& u = static_cast<const UnaryExpr&>(e);
      return u.op == UnaryOp::Neg || u.op == UnaryOp::Plus ? type_of(*u.operand) : ValueType::Unknown;
    }
    case ExprKind::Binary: {
      auto& b = static_cast<const BinaryExpr&>(e);
      if (b.op == BinaryOp::Concat) return ValueType::Text;
      ValueType l = type_of(*b.lhs), r = type_of(*b.rhs);
      // Arithmetic converts character operands to NUMBER (Oracle's implicit conversion).
      if (l == ValueType::Text) l = ValueType::Number;
      if (r == ValueType::Text) r = ValueType::Number;
      if (b.op == BinaryOp::Add) {
        if (l == ValueType::Date || r == ValueType::Date) return ValueType::Date;
        if (l == ValueType::Number && r == ValueType::Number) return ValueType::Number;
      }
      if (b.op == BinaryOp::Sub) {
        // DATE - DATE is a number of days; with a TIMESTAMP on either side, an INTERVAL DAY TO SECOND.
        if (l == ValueType::Date && r == ValueType::Date)
          return oracle_timestamp(*b.lhs) || oracle_timestamp(*b.rhs) ? ValueType::Interval : ValueType::Number;
        if (l == ValueType::Date) return ValueType::Date;
        if (l == ValueType::Number && r == ValueType::Number) return ValueType::Number;
      }
      if ((b.op == BinaryOp::Mul || b.op == BinaryOp::Div) && (l == ValueType::Interval || r == ValueType::Interval))
        return ValueType::Interval;  // an interval scaled by a number
      if (b.op == BinaryOp::Mul || b.op == BinaryOp::Div) return ValueType::Number;
      return ValueType::Unknown;
    }
    case ExprKind::Cast: {
      auto& c = static_cast<const CastExpr&>(e);
      OracleType t;
      t.name = c.type->name;
      return value_type_of(t);
    }
    case ExprKind::Extract: return ValueType::Number;
    case ExprKind::Bind:
    case ExprKind::Postfix: return ctx_.routine ? ctx_.routine->value_type(e) : ValueType::Unknown;
    case ExprKind::Call: {
      auto& c = static_cast<const CallExpr&>(e);
      if (ctx_.routine) {
        ValueType t = ctx_.routine->value_type(e);
        if (t != ValueType::Unknown) return t;
      }
      if (c.name.size() != 1) return ValueType::Unknown;
      std::string f = upper(c.name[0].text);
      for (const char* n : {"TO_DATE", "TO_TIMESTAMP", "ADD_MONTHS", "LAST_DAY", "NEXT_DAY", "SYSDATE", "NEW_TIME"})
        if (f == n) return ValueType::Date;
      for (const char* n : {"TO_CHAR", "SUBSTR", "UPPER", "LOWER", "INITCAP", "TRIM", "LTRIM", "RTRIM", "LPAD", "RPAD",
                            "REPLACE", "LISTAGG", "CONCAT", "SYS_CONNECT_BY_PATH", "TRANSLATE", "CHR"})
        if (f == n) return ValueType::Text;
      for (const char* n : {"NUMTODSINTERVAL", "NUMTOYMINTERVAL", "TO_DSINTERVAL", "TO_YMINTERVAL"})
        if (f == n) return ValueType::Interval;
      for (const char* n : {"TO_NUMBER", "LENGTH", "INSTR", "MONTHS_BETWEEN", "COUNT", "SUM", "AVG", "ABS", "MOD",
                            "FLOOR", "CEIL", "ROW_NUMBER", "RANK", "DENSE_RANK", "BITAND", "BIN_TO_NUM", "POWER",
                            "SQRT", "SIGN", "EXP", "LN", "LOG", "REMAINDER", "ASCII", "LENGTHB", "VSIZE", "REGEXP_COUNT",
                            "REGEXP_INSTR"})
        if (f == n) return ValueType::Number;
      if ((f == "TRUNC" || f == "ROUND") && !c.args.empty()) return type_of(*c.args[0].value);
      if ((f == "NVL" || f == "COALESCE" || f == "GREATEST" || f == "LEAST" || f == "MIN" || f == "MAX") && !c.args.empty())
        return type_of(*c.args[0].value);
      return ValueType::Unknown;
    }
    case ExprKind::Case: {
      auto& c = static_cast<const CaseExpr&>(e);
      for (const auto& w : c.whens) {
        ValueType t = type_of(*w.second);
        if (t != ValueType::Unknown) return t;
      }
      return c.else_value ? type_of(*c.else_value) : ValueType::Unknown;
    }
    default: return ValueType::Unknown;
  }
}

// ------------------------------------------------------------------ expressions

std::string SqlWriter::literal(const LiteralExpr& l) {
  switch (l.literal) {
    case LiteralKind::Null: return "NULL";
    case LiteralKind::String:
    case LiteralKind::NationalString: {
      std::string v = string_literal_value(l.text);
      return v.empty() ? "NULL" : quote_literal(v, d_);  // Oracle: '' IS NULL
    }
    case LiteralKind::Number: {
      std::string t(l.text);
      if (!t.empty() && (t.back() == 'f' || t.back() == 'F' || t.back() == 'd' || t.back() == 'D')) t.pop_back();
      return t;
    }
    case LiteralKind::Date: return "TIMESTAMP " + quote_literal(string_literal_value(l.text), d_);  // DATE maps to TIMESTAMP
    case LiteralKind::Timestamp: return "TIMESTAMP " + quote_literal(string_literal_value(l.text), d_);
    case LiteralKind::Interval: {
      std::string q = upper(l.qualifier);
      std::string v = string_literal_value(l.text);
      // INTERVAL '5' DAY → INTERVAL '5 day' is understood by all three targets.
      if (q.find(" TO ") == std::string::npos && q.find('(') == std::string::npos) {
        std::string unit = q;
        for (char& c : unit) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return "INTERVAL " + quote_literal(v + " " + unit, d_);
      }
      if (q.rfind("DAY", 0) == 0 && q.find("TO SECOND") != std::string::npos) return "INTERVAL " + quote_literal(v, d_);
      item("OS4013", "INTERVAL literal with qualifier " + q, l.span);
      return "INTERVAL " + quote_literal(v, d_);
    }
    case LiteralKind::Boolean: return upper(l.text);
  }
  return std::string(l.text);
}

bool SqlWriter::is_rownum(const Expr& e) const {
  if (e.kind == ExprKind::List) {
    auto& l = static_cast<const ListExpr&>(e);
    return l.items.size() == 1 && is_rownum(*l.items[0]);
  }
  if (e.kind != ExprKind::Name) return false;
  auto& n = static_cast<const NameExpr&>(e);
  return n.parts.size() == 1 && !n.parts[0].quoted() && upper(n.parts[0].text) == "ROWNUM";
}

bool SqlWriter::names_from_item(const NameExpr& n) const {
  if (n.parts.size() < 2) return false;
  std::string q = normalize_identifier(n.parts[n.parts.size() - 2].text);
  for (const auto& s : scopes_)
    for (const auto& e : s)
      if (e.name == q) return true;
  return false;
}

std::string SqlWriter::name(const NameExpr& n) {
  if (!n.dblink.empty()) item("OS5018", "remote object " + sql::compact_text(n.span), n.span);
  if (ctx_.routine && !resolve_column(n) && !names_from_item(n))
    if (auto s = ctx_.routine->name(n, *this)) return *s;
  // No Oracle identifier starts with $: what the routine did not settle ($$PLSQL_UNIT is) is
  // conditional compilation inside an expression ($IF … $END), settled so far only around
  // statements and declarations.
  if (!n.parts.empty() && !n.parts[0].text.empty() && n.parts[0].text[0] == '$') {
    item("OS4013", "conditional compilation inside an expression (" + std::string(n.parts[0].text) +
                       "): settle it by hand or move the $IF around the whole statement",
         n.span);
    return sql::compact_text(n.span);
  }
  // ROWID → PostgreSQL's ctid, the row version's physical address: it locates the row as Oracle's
  // ROWID does between a read and a later UPDATE/DELETE, but an UPDATE gives the row a new ctid
  // (and VACUUM FULL or CLUSTER all rows), where Oracle's ROWID stays.
  if (postgres() && is_rowid(n) && !(n.parts.size() == 1 && resolve_column(n))) {
    item("OS4012", "ROWID → ctid: the row's physical address, as ROWID; it changes when the row is updated or the "
                   "table rewritten (VACUUM FULL, CLUSTER), where Oracle's ROWID stays",
         n.span, false);
    return n.parts.size() == 2 ? ident(n.parts[0]) + ".ctid" : std::string("ctid");
  }
  if (n.parts.size() == 1 && !n.parts[0].quoted() && !resolve_column(n)) {
    std::string w = upper(n.parts[0].text);
    // In PL/SQL each evaluation reads the clock (l_start := SYSTIMESTAMP; …; SYSTIMESTAMP - l_start
    // times the work between) and a SQL statement reads it once; PostgreSQL's CURRENT_TIMESTAMP
    // and LOCALTIMESTAMP stay at the transaction's start. So a routine reads clock_timestamp(),
    // and its SQL statements read it through a subquery: evaluated once per statement (an
    // InitPlan), which also leaves `created > SYSDATE - 1` an index condition (a volatile call in
    // WHERE would not be). PL/SQL expressions cannot hold a subquery everywhere (CALL arguments,
    // parameter defaults). A query outside PL/SQL (a view) keeps the statement's time.
    if (postgres() && ctx_.routine) {
      const std::string open = in_statement_ ? "(SELECT " : "", close = in_statement_ ? ")" : "";
      if (w == "SYSDATE" || w == "CURRENT_DATE") return open + "date_trunc('second', clock_timestamp()::timestamp)" + close;
      if (w == "SYSTIMESTAMP" || w == "CURRENT_TIMESTAMP") return open + "clock_timestamp()" + close;
      if (w == "LOCALTIMESTAMP") return open + "clock_timestamp()::timestamp" + close;
    }
    if (w == "SYSDATE" || w == "CURRENT_DATE")  // Oracle DATE: date and time to the second, session time
      return redshift() ? "GETDATE()" : duckdb() ? "CAST(date_trunc('second', current_localtimestamp()) AS TIMESTAMP)"
                                                 : "LOCALTIMESTAMP(0)";
    if (w == "SYSTIMESTAMP" || w == "CURRENT_TIMESTAMP") return redshift() ? "SYSDATE" : "CURRENT_TIMESTAMP";
    if (w == "LOCALTIMESTAMP") return duckdb() ? "current_localtimestamp()" : "LOCALTIMESTAMP";
    if (w == "TRUE" || w == "FALSE") return w;  // 23ai BOOLEAN literals: the targets have them too
    if (w == "USER") return "CURRENT_USER";
    if (w == "ROWNUM" && rownum_numbers_) return "ROW_NUMBER() OVER ()";
    if (w == "ROWNUM") {
      item("OS4001", "ROWNUM used where it cannot become LIMIT; printed as ROW_NUMBER() OVER (), numbered before any "
                     "ORDER BY like Oracle, but filters on it need rewriting",
           n.span);
      return "ROW_NUMBER() OVER ()";
    }
    if (w == "LEVEL" && tree_ && tree_->final_select) return tree_->level_col;
    if (w == "LEVEL" && tree_ && tree_->in_recursive) return "(" + tree_->prior_alias + ".\"orashift_level\" + 1)";
    if (w == "LEVEL" || w == "CONNECT_BY_ISLEAF" || w == "CONNECT_BY_ISCYCLE") {
      item("OS4002", w + " outside a convertible CONNECT BY", n.span);
      return w;
    }
    if (w == "ROWID" || w == "UID") {
      item("OS4013", w + " has no equivalent on the target", n.span);
      return w;
    }
  }
  // seq.NEXTVAL / schema.seq.CURRVAL
  if (n.parts.size() >= 2 && !n.parts.back().quoted()) {
    std::string w = upper(n.parts.back().text);
    if (w == "NEXTVAL" || w == "CURRVAL") {
      std::string seq = target_name(normalize_identifier(n.parts[n.parts.size() - 2].text));
      if (redshift()) {
        item("OS4005", "sequence " + seq + "." + w + ": Redshift has no sequences (use an IDENTITY column)", n.span);
        return "NULL";
      }
      return (w == "NEXTVAL" ? "nextval(" : "currval(") + quote_literal(quote_ident(seq), d_) + ")";
    }
  }
  std::string out;
  // Tables lose their schema on the target (the DDL generator creates them unqualified): t.c, not s.t.c.
  size_t first = n.parts.size() == 3 ? 1 : 0;
  if (tree_ && n.parts.size() <= 2) {
    // Inside CONNECT BY: PRIOR x is the previous level (the recursive CTE), x the row joined to it.
    if (tree_->in_recursive) {
      std::string col = ident(n.parts.back());
      if (n.outer_join) item("OS4009", "(+) inside CONNECT BY", n.span);
      return (tree_->in_prior ? tree_->prior_alias : tree_->ref) + "." + col;
    }
  }
  if (n.parts.size() >= 3 && !n.parts[0].quoted()) {
    // alias.column.attribute (an object column of a row source in FROM, SQL Language Reference
    // "Object Access Expressions"), not schema.table.column: PostgreSQL selects a composite's
    // field from a parenthesized column, (alias.column).attribute.
    std::string alias = normalize_identifier(n.parts[0].text);
    std::vector<ScopeEntry> order_scope;
    if (order_from_)
      for (const auto& f : order_from_->from) collect_scope(*f, order_scope);
    std::vector<const std::vector<ScopeEntry>*> visible = {&order_scope};
    for (auto s = scopes_.rbegin(); s != scopes_.rend(); ++s) visible.push_back(&*s);
    for (const auto* s : visible)
      for (const auto& e : *s)
        if (e.name == alias) {
          out = "(" + ident(n.parts[0]) + "." + ident(n.parts[1]) + ")";
          for (size_t i = 2; i < n.parts.size(); ++i) out += "." + ident(n.parts[i]);
          return out;
        }
  }
  for (size_t i = first; i < n.parts.size(); ++i) out += (i > first ? "." : "") + ident(n.parts[i]);
  return out;
}

std::string SqlWriter::unary(const UnaryExpr& u) {
  switch (u.op) {
    case UnaryOp::Neg: {
      std::string s = expr(*u.operand);
      return (!s.empty() && (s[0] == '-' || s[0] == '+')) ? "- " + s : "-" + s;
    }
    case UnaryOp::Plus: return expr(*u.operand);
    case UnaryOp::Not: return "NOT " + expr(*u.operand);
    case UnaryOp::Exists: return "EXISTS " + expr(*u.operand);
    case UnaryOp::Prior: {
      if (tree_ && tree_->in_recursive) {
        tree_->in_prior = true;
        std::string s = expr(*u.operand);
        tree_->in_prior = false;
        return s;
      }
      item("OS4002", "PRIOR outside a convertible CONNECT BY", u.span);
      return "PRIOR " + expr(*u.operand);
    }
    case UnaryOp::ConnectByRoot: {
      if (tree_ && tree_->final_select) {
        std::string name = "\"orashift_root" + std::to_string(tree_->extra_names.size() + 1) + "\"";
        TreeState* t = tree_;
        tree_ = nullptr;  // the operand is printed as a column of the row
        std::string anchor = expr(*u.operand);
        tree_ = t;
        t->extra_cols.push_back({anchor, t->prior_alias + "." + name});
        t->extra_names.push_back(name);
        return t->ref + "." + name;
      }
      item("OS4002", "CONNECT_BY_ROOT outside a convertible CONNECT BY", u.span);
      return "CONNECT_BY_ROOT " + expr(*u.operand);
    }
  }
  return "";
}

std::string SqlWriter::concat(const BinaryExpr& b) {
  // Flatten a || b || c; Oracle treats NULL as '' here, so NULL must not null the result.
  std::vector<const Expr*> parts;
  std::vector<const Expr*> stack{&b};
  while (!stack.empty()) {
    const Expr* e = stack.back();
    stack.pop_back();
    if (e->kind == ExprKind::Binary && static_cast<const BinaryExpr*>(e)->op == BinaryOp::Concat) {
      auto* x = static_cast<const BinaryExpr*>(e);
      stack.push_back(x->rhs.get());
      stack.push_back(x->lhs.get());
    } else {
      parts.push_back(e);
    }
  }
  // '' and NULL parts add nothing (Oracle: NULL is '' here).
  std::vector<const Expr*> kept;
  for (const Expr* p : parts) {
    bool null_literal = p->kind == ExprKind::Literal &&
                        (static_cast<const LiteralExpr*>(p)->literal == LiteralKind::Null ||
                         (static_cast<const LiteralExpr*>(p)->literal == LiteralKind::String &&
                          string_literal_value(static_cast<const LiteralExpr*>(p)->text).empty()));
    if (!null_literal) kept.push_back(p);
  }
  if (kept.empty()) return "NULL";
  parts = kept;
  bool never_empty = false;
  for (const Expr* p : parts)
    if (p->kind == ExprKind::Literal && static_cast<const LiteralExpr*>(p)->literal == LiteralKind::String &&
        !string_literal_value(static_cast<const LiteralExpr*>(p)->text).empty())
      never_empty = true;
  std::string out;
  if (redshift()) {
    // Redshift's || and CONCAT return NULL for a NULL operand.
    for (size_t i = 0; i < parts.size(); ++i) {
      const Expr* p = parts[i];
      std::string s = concat_part(*p);
      bool literal = p->kind == ExprKind::Literal && static_cast<const LiteralExpr*>(p)->literal == LiteralKind::String &&
                     s != "NULL";
      if (!literal) s = type_of(*p) == ValueType::Text ? "COALESCE(" + s + ", '')"
                                                        : "COALESCE(CAST(" + s + " AS VARCHAR(MAX)), '')";
      out += (i ? " || " : "") + s;
    }
    out = "(" + out + ")";
  } else {
    // PostgreSQL and DuckDB CONCAT skip NULLs.
    out = "CONCAT(";
    for (size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + concat_part(*parts[i]);
    out += ")";
  }
  // Oracle's result is NULL when every part is NULL or empty.
  return never_empty ? out : "NULLIF(" + out + ", '')";
}

std::string SqlWriter::date_arith(const BinaryExpr& b, ValueType lt, ValueType rt, const std::string& l,
                                  const std::string& r) {
  // TIMESTAMP - TIMESTAMP (or DATE) is an INTERVAL DAY TO SECOND, as the targets' minus is
  // (Redshift too: its INTERVAL DAY TO SECOND type holds it, Database Developer Guide, "Interval
  // data types and literals").
  if (b.op == BinaryOp::Sub && lt == ValueType::Date && rt == ValueType::Date &&
      (oracle_timestamp(*b.lhs) || oracle_timestamp(*b.rhs)))
    return "(" + l + " - " + r + ")";
  if (b.op == BinaryOp::Sub && lt == ValueType::Date && rt == ValueType::Date) {
    // DATE - DATE is a number of days (with a fraction for the time of day).
    if (redshift()) return "(DATEDIFF(second, " + r + ", " + l + ") / 86400.0)";
    // PostgreSQL's numeric division keeps 16 decimals (2.0000000000000000 where Oracle prints 2):
    // trim_scale keeps the value and drops the trailing zeros.
    if (postgres()) return "trim_scale((EXTRACT(EPOCH FROM " + l + ") - EXTRACT(EPOCH FROM " + r + ")) / 86400)";
    return "((EXTRACT(EPOCH FROM " + l + ") - EXTRACT(EPOCH FROM " + r + ")) / 86400)";
  }
  if (lt == ValueType::Date && (rt == ValueType::Number || rt == ValueType::Unknown)) {
    if (rt == ValueType::Unknown)
      item("OS4008", "the type of '" + sql::compact_text(b.rhs->span) + "' is unknown; assumed a number of days",
           b.rhs->span, false);
    const char* op = b.op == BinaryOp::Add ? " + " : " - ";
    // DuckDB: microseconds, not an interval. Its n * INTERVAL '1 day' takes integers only, and
    // DuckDB 1.4 treats the constant intervals 30 days and 1 month as the same expression (it
    // compares intervals normalised), so `d + 30 days` and `d + 1 month` in one select collapsed.
    if (duckdb()) return "make_timestamp(epoch_us(" + l + ")" + op + "CAST(ROUND((" + r + ") * 86400000000) AS BIGINT))";
    // Redshift: DATEADD takes whole units; Oracle DATE arithmetic is exact to the second.
    if (redshift())
      return "DATEADD(second, " + std::string(b.op == BinaryOp::Add ? "" : "-") + "CAST(ROUND((" + r +
             ") * 86400) AS INTEGER), " + l + ")";
    return "(" + l + op + "(" + r + ") * INTERVAL '1 day')";
  }
  if (b.op == BinaryOp::Add && rt == ValueType::Date && lt == ValueType::Number) {
    if (duckdb()) return "make_timestamp(epoch_us(" + r + ") + CAST(ROUND((" + l + ") * 86400000000) AS BIGINT))";
    if (redshift()) return "DATEADD(second, CAST(ROUND((" + l + ") * 86400) AS INTEGER), " + r + ")";
    return "(" + r + " + (" + l + ") * INTERVAL '1 day')";
  }
  return l + (b.op == BinaryOp::Add ? " + " : " - ") + r;  // DATE ± INTERVAL is the same on the targets
}

std::string SqlWriter::binary(const BinaryExpr& b) {
  if (b.op == BinaryOp::Concat) return concat(b);
  bool arithmetic = b.op == BinaryOp::Add || b.op == BinaryOp::Sub || b.op == BinaryOp::Mul ||
                    b.op == BinaryOp::Div || b.op == BinaryOp::Mod || b.op == BinaryOp::Power;
  bool comparison = b.quantifier.empty() && (b.op == BinaryOp::Eq || b.op == BinaryOp::Ne || b.op == BinaryOp::Lt ||
                                             b.op == BinaryOp::Le || b.op == BinaryOp::Gt || b.op == BinaryOp::Ge);
  if (arithmetic) {
    // Oracle's arithmetic converts a character operand to NUMBER (also next to a DATE: d + '1').
    ValueType lt = type_of(*b.lhs), rt = type_of(*b.rhs);
    std::string l = lt == ValueType::Text ? converted(*b.lhs, ValueType::Number) : expr(*b.lhs);
    std::string r = rt == ValueType::Text ? converted(*b.rhs, ValueType::Number) : expr(*b.rhs);
    if (lt == ValueType::Text) lt = ValueType::Number;
    if (rt == ValueType::Text) rt = ValueType::Number;
    if ((b.op == BinaryOp::Add || b.op == BinaryOp::Sub) && (lt == ValueType::Date || rt == ValueType::Date))
      return date_arith(b, lt, rt, l, r);
    const char* op = b.op == BinaryOp::Power ? "^" : b.op == BinaryOp::Mod ? "%" : binary_op_text(b.op);
    return l + " " + op + " " + r;
  }
  if (b.op >= BinaryOp::MemberOf) {
    if (auto converted = collection_operator(b)) return *converted;
    item("OS4013", std::string("collection operator ") + binary_op_text(b.op), b.span);
    return expr(*b.lhs) + " " + binary_op_text(b.op) + " " + expr(*b.rhs);
  }
  const char* op = b.op == BinaryOp::Ne ? "<>" : binary_op_text(b.op);
  if (comparison) {
    // A character value compared with a number or a date is converted to it (Oracle's rule).
    ValueType lt = type_of(*b.lhs), rt = type_of(*b.rhs);
    return compared(*b.lhs, rt) + " " + op + " " + compared(*b.rhs, lt);
  }
  std::string out = expr(*b.lhs) + " " + op + " ";
  if (!b.quantifier.empty()) out += upper(b.quantifier) + " ";
  return out + expr(*b.rhs);
}

// CAST to a type of the routine's: a collection built by COLLECT (an aggregate: NULLs ignored, as
// every aggregate but COUNT(*) does — SQL Language Reference, "Aggregate Functions"; no rows give
// an empty collection) or by MULTISET(subquery) (its rows in order; several columns make the
// element object), else a cast to the type's target form. An associative array is never NULL in
// Oracle: CAST(NULL AS it) is an empty one; other casts to it stay an item.
std::optional<std::string> SqlWriter::user_type_cast(const CastExpr& c, const RoutineNames::UserType& t) {
  const Expr& op = *c.operand;
  bool null = op.kind == ExprKind::Literal && static_cast<const LiteralExpr&>(op).literal == LiteralKind::Null;
  if (t.map) return null ? std::optional<std::string>("'{}'::jsonb") : std::nullopt;
  const CallExpr* call = op.kind == ExprKind::Call ? &static_cast<const CallExpr&>(op) : nullptr;
  std::string fn = call && call->name.size() == 1 && !call->over ? upper(call->name[0].text) : std::string();
  if (t.collection && fn == "COLLECT" && call->args.size() == 1) {
    std::string x = expr(*call->args[0].value);
    std::string agg = "array_agg(" + std::string(call->set_quantifier.empty() ? "" : "DISTINCT ") + x;
    if (!call->arg_order_by.empty()) agg += " ORDER BY " + order_items(call->arg_order_by);
    agg += ")";
    if (!t.element_row) agg += " FILTER (WHERE " + x + " IS NOT NULL)";
    return "COALESCE(" + agg + ", '{}')::" + t.sql;
  }
  if (t.collection && fn == "MULTISET" && call->args.size() == 1 && call->args[0].value->kind == ExprKind::Subquery) {
    auto& q = static_cast<const SubqueryExpr&>(*call->args[0].value);
    std::string sub = expr(q);  // "(SELECT …)"
    const Query* body = q.query.get();
    size_t columns = body && body->body && body->body->kind == QueryBodyKind::Select
                         ? static_cast<const SelectCore&>(*body->body).items.size() : 1;
    if (columns > 1 && t.element_row) return "ARRAY(SELECT ROW(orashift_row.*)::" + t.element_sql + " FROM " + sub + " AS orashift_row)::" + t.sql;
    return "ARRAY" + sub + "::" + t.sql;
  }
  return "CAST(" + expr(op) + " AS " + t.sql + ")";
}

Column typed_column(const std::string& name, const DataType& t) {
  Column col;
  col.name = name;
  col.type.name = t.name;
  col.type.precision = t.precision;
  col.type.scale = t.scale;
  col.type.length = t.length;
  col.type.char_semantics = t.char_semantics;
  col.type.suffix = t.suffix;
  return col;
}

std::string SqlWriter::cast(const CastExpr& c) {
  Column col = typed_column("CAST", *c.type);
  if (c.type->user_type && ctx_.routine)
    if (auto t = ctx_.routine->user_type(*c.type))
      if (auto out = user_type_cast(c, *t)) return *out;
  if (c.type->user_type) item("OS4013", "CAST to user-defined type " + c.type->name, c.span);
  ActionItems ignored;  // precision notes belong to columns, not to expressions
  MappedType m = map_type(col, ctx_.object, d_, TypeMappingSettings{}, &ignored);
  if (c.default_on_error || !c.format.empty())
    item("OS4013", "CAST ... DEFAULT ON CONVERSION ERROR / format arguments", c.span);
  return "CAST(" + expr(*c.operand) + " AS " + m.sql + ")";
}

std::string SqlWriter::expr(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Literal: return literal(static_cast<const LiteralExpr&>(e));
    case ExprKind::Name: return name(static_cast<const NameExpr&>(e));
    case ExprKind::Star: {
      auto& s = static_cast<const StarExpr&>(e);
      if (s.qualifier.empty()) return "*";
      return ident(s.qualifier.back()) + ".*";
    }
    case ExprKind::Bind: {
      auto& b = static_cast<const BindExpr&>(e);
      if (ctx_.routine)
        if (auto s = ctx_.routine->bind(b, *this)) return *s;
      item("OS4013", std::string(b.substitution ? "SQL*Plus substitution " : "bind variable ") + std::string(b.text) +
                         " in a schema object",
           e.span);
      return std::string(b.text);
    }
    case ExprKind::Unary: return unary(static_cast<const UnaryExpr&>(e));
    case ExprKind::Binary: return binary(static_cast<const BinaryExpr&>(e));
    case ExprKind::IsNull: {
      auto& n = static_cast<const IsNullExpr&>(e);
      std::string test = upper(sql::compact_text(n.test));
      if (auto converted = collection_test(n, test)) return *converted;
      if (test != "NULL" && ctx_.routine)
        if (auto converted = ctx_.routine->is_test(n, test, *this)) return *converted;
      if (test != "NULL") item("OS4013", "IS " + test + " test", e.span);
      return expr(*n.operand) + (n.negated ? " IS NOT " : " IS ") + test;
    }
    case ExprKind::Like: {
      auto& l = static_cast<const LikeExpr&>(e);
      if (upper(l.op) != "LIKE") item("OS4013", upper(l.op) + " has no equivalent", e.span);
      std::string pattern = expr(*l.pattern);
      // Oracle's LIKE has no escape character unless ESCAPE names one; Redshift's LIKE escapes with
      // a backslash by default, so a literal pattern's backslashes are doubled to stay literal.
      if (redshift() && !l.escape && l.pattern->kind == ExprKind::Literal) {
        auto& lit = static_cast<const LiteralExpr&>(*l.pattern);
        std::string value = string_literal_value(lit.text);
        bool text = lit.literal == LiteralKind::String || lit.literal == LiteralKind::NationalString;
        if (text && value.find('\\') != std::string::npos) {
          std::string doubled;
          for (char ch : value) doubled += ch == '\\' ? std::string("\\\\") : std::string(1, ch);
          pattern = quote_literal(doubled, d_);
        }
      }
      // A number or DATE on the left is matched as Oracle's TO_CHAR text (empno LIKE '75%').
      std::string out = as_text(*l.lhs) + (l.negated ? " NOT LIKE " : " LIKE ") + pattern;
      if (l.escape) out += " ESCAPE " + expr(*l.escape);
      return out;
    }
    case ExprKind::In: return in_list(static_cast<const InExpr&>(e));
    case ExprKind::Between: return between(static_cast<const BetweenExpr&>(e));
    case ExprKind::Call: return call(static_cast<const CallExpr&>(e));
    case ExprKind::Case: {
      auto& c = static_cast<const CaseExpr&>(e);
      std::string out = "CASE";
      if (c.operand) out += " " + expr(*c.operand);
      for (const auto& [w, t] : c.whens) out += " WHEN " + expr(*w) + " THEN " + expr(*t);
      if (c.else_value) out += " ELSE " + expr(*c.else_value);
      return out + " END";
    }
    case ExprKind::Subquery: return "(" + query(*static_cast<const SubqueryExpr&>(e).query) + ")";
    case ExprKind::List: {
      auto& l = static_cast<const ListExpr&>(e);
      if (l.as_type) item("OS4013", "(x AS type) treat expression", e.span);
      return "(" + exprs(l.items) + ")";
    }
    case ExprKind::Raw:
      item("OS4013", "construct kept as text: " + sql::compact_text(e.span).substr(0, 80), e.span);
      return sql::compact_text(e.span);
    case ExprKind::Cast: return cast(static_cast<const CastExpr&>(e));
    case ExprKind::Extract: {
      auto& x = static_cast<const ExtractExpr&>(e);
      std::string f = upper(x.field);
      if (f.rfind("TIMEZONE", 0) == 0) item("OS4013", "EXTRACT(" + f + ")", e.span);
      // EXTRACT(DAY|HOUR|MINUTE|SECOND FROM (a - b)) of two datetimes: Oracle takes no number here
      // (SQL Language Reference, EXTRACT (datetime)), so a - b is TIMESTAMP - TIMESTAMP, an
      // INTERVAL DAY TO SECOND ("Datetime/Interval Arithmetic"), not DATE - DATE in days: the
      // targets' own timestamp subtraction is that interval.
      const Expr* op = x.operand.get();
      while (op->kind == ExprKind::List && static_cast<const ListExpr*>(op)->items.size() == 1 &&
             !static_cast<const ListExpr*>(op)->as_type)
        op = static_cast<const ListExpr*>(op)->items[0].get();
      const bool of_difference = op->kind == ExprKind::Binary && static_cast<const BinaryExpr&>(*op).op == BinaryOp::Sub &&
                                 type_of(*static_cast<const BinaryExpr&>(*op).lhs) == ValueType::Date &&
                                 type_of(*static_cast<const BinaryExpr&>(*op).rhs) == ValueType::Date;
      // Redshift's EXTRACT of an interval is an INTEGER (EXTRACT function, "Return type"): the
      // fraction of a second Oracle returns is dropped.
      if (f == "SECOND" && redshift() && (of_difference || type_of(*op) == ValueType::Interval))
        item("OS6002", "EXTRACT(SECOND FROM interval) is a whole number on Redshift: the fraction of a second is dropped",
             e.span, false);
      if ((f == "DAY" || f == "HOUR" || f == "MINUTE" || f == "SECOND") && of_difference) {
        auto& b = static_cast<const BinaryExpr&>(*op);
        return "EXTRACT(" + f + " FROM (" + expr(*b.lhs) + " - " + expr(*b.rhs) + "))";
      }
      return "EXTRACT(" + f + " FROM " + expr(*x.operand) + ")";
    }
    case ExprKind::Grouping: {
      auto& g = static_cast<const GroupingExpr&>(e);
      const char* w = g.grouping == GroupingKind::Rollup ? "ROLLUP (" : g.grouping == GroupingKind::Cube ? "CUBE (" : "GROUPING SETS (";
      return w + exprs(g.items) + ")";
    }
    case ExprKind::Postfix:
      if (ctx_.routine)
        if (auto s = ctx_.routine->postfix(static_cast<const PostfixExpr&>(e), *this)) return *s;
      item("OS4013", "PL/SQL selector " + sql::compact_text(e.span), e.span);
      return sql::compact_text(e.span);
  }
  return "";
}

// ------------------------------------------------------------------ queries

void SqlWriter::collect_scope(const TableRef& t, std::vector<ScopeEntry>& out) const {
  switch (t.kind) {
    case TableRefKind::Table: {
      auto& n = static_cast<const TableName&>(t);
      ScopeEntry e;
      std::string table = normalize_identifier(n.name.name().text);
      e.name = t.alias ? normalize_identifier(t.alias->text) : table;
      if (ctx_.catalog) e.table = ctx_.catalog->find_table(table);
      if (!e.table && ctx_.dictionary_views) e.table = dictionary_view(table);
      out.push_back(e);
      return;
    }
    case TableRefKind::Join: {
      auto& j = static_cast<const Join&>(t);
      collect_scope(*j.left, out);
      collect_scope(*j.right, out);
      return;
    }
    case TableRefKind::Paren: collect_scope(*static_cast<const ParenRef&>(t).inner, out); return;
    case TableRefKind::Function:
      if (const CollectionRef* c = collection_ref(t)) {
        // The collection's rows as a table of their own, so that COLUMN_VALUE and the attributes
        // resolve as columns (Oracle resolves columns before the routine's variables).
        auto rows = std::make_shared<Table>();
        for (const auto& [name, type] : c->rows.columns) {
          Column col;
          col.name = name;
          col.type.name = type == ValueType::Number ? "NUMBER" : type == ValueType::Text ? "VARCHAR2"
                          : type == ValueType::Date ? "DATE" : type == ValueType::Interval ? "INTERVAL" : "";
          rows->columns.push_back(std::move(col));
        }
        ScopeEntry e;
        e.name = t.alias ? normalize_identifier(t.alias->text) : std::string();
        e.table = rows.get();
        e.rows = std::move(rows);
        out.push_back(std::move(e));
        return;
      }
      [[fallthrough]];
    default:
      if (t.alias) out.push_back({normalize_identifier(t.alias->text), nullptr});
      return;
  }
}

void SqlWriter::push_scope(const SelectCore& s) {
  std::vector<ScopeEntry> scope;
  for (const auto& f : s.from) collect_scope(*f, scope);
  scopes_.push_back(std::move(scope));
}

std::string SqlWriter::table_ref(const TableRef& t) {
  std::string out;
  if (t.pivot.end > t.pivot.begin && (upper(sql::compact_text(t.pivot)).rfind("PIVOT", 0) == 0 || upper(sql::compact_text(t.pivot)).rfind("UNPIVOT", 0) == 0) &&
      (t.kind == TableRefKind::Subquery || t.kind == TableRefKind::Table)) {
    if (auto p = pivot(t)) return *p;
    return sql::compact_text(t.span);
  }
  switch (t.kind) {
    case TableRefKind::Table: {
      auto& n = static_cast<const TableName&>(t);
      out = ident(n.name.name());
      if (!n.name.dblink.empty()) item("OS5018", "remote table " + sql::compact_text(n.name.span), n.span);
      if (n.partition_ext.end > n.partition_ext.begin || n.versions.end > n.versions.begin || !n.as_of.empty() ||
          n.sample_percent)
        item("OS4013", "partition extension / flashback / SAMPLE clause on " + sql::compact_text(n.name.span), n.span);
      std::string rel = normalize_identifier(n.name.name().text);
      if (rel == "DUAL" && n.name.parts.size() <= 2 && !(ctx_.catalog && ctx_.catalog->find_table(rel))) {
        // DUAL where it cannot be left out (a join, CONNECT BY's recursion): its one row, one
        // column DUMMY 'X', as a derived table under the name the query uses.
        out = "(SELECT CAST('X' AS VARCHAR(1)) AS \"dummy\")";
        if (!t.alias) out += " \"dual\"";
        break;
      }
      if (!cte_defining_.empty() && rel == cte_defining_) cte_self_reference_ = true;
      bool known = rel == "DUAL" || std::find(cte_names_.begin(), cte_names_.end(), rel) != cte_names_.end() ||
                   (ctx_.other_relations && ctx_.other_relations->count(rel));
      if (!known && ctx_.catalog && !ctx_.catalog->find_table(rel) && ctx_.dictionary_views && dictionary_view(rel) &&
          (n.name.parts.size() == 1 || (n.name.parts.size() == 2 && normalize_identifier(n.name.parts[0].text) == "SYS"))) {
        // An Oracle dictionary view: read from its emulation (dictionary_views.h).
        out = dictionary_view_ref(rel);
        res_.dictionary_views.insert(rel);
        item("OS4017", rel + " is emulated from pg_catalog: " + dictionary_view_difference(rel), n.name.span, false);
        known = true;
      }
      if (!known && ctx_.catalog && !ctx_.catalog->find_table(rel)) {
        res_.unknown_relations.insert(rel);
        item("OS4013", "reads " + sql::compact_text(n.name.span) + ", which is not in the converted schema (another "
                       "schema, a dictionary view or an object not converted): convert it first or rewrite the query",
             n.name.span);
      }
      break;
    }
    case TableRefKind::Subquery: {
      auto& s = static_cast<const SubqueryRef&>(t);
      out = std::string(s.lateral ? "LATERAL " : "") + "(" + query(*s.query) + ")";
      if (!s.with_option.empty()) item("OS4010", "subquery restriction " + upper(s.with_option) + " dropped", s.span, false);
      break;
    }
    case TableRefKind::Function:
      if (auto c = collection_table(t)) return *c;
      if (auto x = xml_table(t)) return *x;
      if (auto r = xquery_range_table(t)) return *r;
      item("OS4013", "table function in FROM: " + sql::compact_text(t.span).substr(0, 60), t.span);
      return sql::compact_text(t.span);
    case TableRefKind::Join: {
      auto& j = static_cast<const Join&>(t);
      if (j.left_partition.end > j.left_partition.begin || j.right_partition.end > j.right_partition.begin)
        item("OS4009", "partitioned outer join", j.span);
      out = table_ref(*j.left);
      std::string kw;
      switch (j.type) {
        case JoinType::Inner: kw = "JOIN"; break;
        case JoinType::Left: kw = "LEFT JOIN"; break;
        case JoinType::Right: kw = "RIGHT JOIN"; break;
        case JoinType::Full: kw = "FULL JOIN"; break;
        case JoinType::Cross: kw = "CROSS JOIN"; break;
        case JoinType::CrossApply: kw = "CROSS JOIN LATERAL"; break;
        case JoinType::OuterApply: kw = "LEFT JOIN LATERAL"; break;
      }
      if ((j.type == JoinType::CrossApply || j.type == JoinType::OuterApply) && redshift())
        item("OS4013", "CROSS/OUTER APPLY: Redshift has no LATERAL join", j.span);
      out += std::string(j.natural ? " NATURAL " : " ") + kw + " " + table_ref(*j.right);
      if (j.on) {
        out += " ON " + expr(*j.on);
      } else if (!j.using_columns.empty()) {
        out += " USING (";
        for (size_t i = 0; i < j.using_columns.size(); ++i) out += (i ? ", " : "") + ident(j.using_columns[i]);
        out += ")";
      } else if (j.type == JoinType::OuterApply) {
        out += " ON TRUE";
      }
      break;
    }
    case TableRefKind::Paren: out = "(" + table_ref(*static_cast<const ParenRef&>(t).inner) + ")"; break;
  }
  if (t.pivot.end > t.pivot.begin)
    item("OS4006", "PIVOT/UNPIVOT/MATCH_RECOGNIZE: rewrite as CASE aggregation (PIVOT) or UNION ALL (UNPIVOT)", t.pivot);
  if (t.alias)
    out += " " + ident(*t.alias);
  else if (t.kind == TableRefKind::Subquery)  // PostgreSQL before 16 and Redshift need a derived-table alias
    out += " \"orashift_sub" + std::to_string(++subquery_count_) + "\"";
  return out;
}

static bool is_dual(const TableRef& t) {
  if (t.kind != TableRefKind::Table) return false;
  auto& n = static_cast<const TableName&>(t);
  return n.name.parts.size() <= 2 && normalize_identifier(n.name.name().text) == "DUAL";
}

std::string SqlWriter::plain_from(const SelectCore& s) {
  std::string out;
  for (const auto& f : s.from) {
    if (is_dual(*f)) continue;  // FROM DUAL: the targets select without FROM
    out += (out.empty() ? "" : ", ") + table_ref(*f);
  }
  return out;
}

std::string SqlWriter::select_items(const SelectCore& s) {
  std::string out;
  for (size_t i = 0; i < s.items.size(); ++i) {
    const auto& it = s.items[i];
    // SELECT ROWNUM: numbered as rows come, before any ORDER BY, as in Oracle.
    bool numbering = s.group_by.empty() && !tree_;
    // ROWNUM inside a select item (ROWNUM + offset) is the same numbering.
    bool was = std::exchange(rownum_numbers_, numbering);
    out += (i ? ", " : "") + (numbering && is_rownum(*it.expr) ? std::string("ROW_NUMBER() OVER ()") : expr(*it.expr));
    rownum_numbers_ = was;
    if (it.alias) out += " AS " + ident(*it.alias);
    else if (postgres() && is_rowid(*it.expr)) out += " AS " + quote_ident(target_name("ROWID"));  // r.rowid of a loop record
  }
  return out;
}

// ROWID or alias.ROWID: the pseudocolumn (a column of that name in the row source wins).
bool SqlWriter::is_rowid(const Expr& e) const {
  if (e.kind != ExprKind::Name) return false;
  auto& n = static_cast<const NameExpr&>(e);
  return n.parts.size() <= 2 && !n.parts.back().quoted() && upper(n.parts.back().text) == "ROWID";
}

static void conjuncts_of(const Expr& e, std::vector<const Expr*>& out) {
  if (e.kind == ExprKind::Binary && static_cast<const BinaryExpr&>(e).op == BinaryOp::And) {
    auto& b = static_cast<const BinaryExpr&>(e);
    conjuncts_of(*b.lhs, out);
    conjuncts_of(*b.rhs, out);
    return;
  }
  out.push_back(&e);
}

std::string SqlWriter::select(const SelectCore& s, std::string* limit_out) {
  // A query inside a select item has its own WHERE, where ROWNUM filters.
  struct Restore {
    bool& flag;
    bool was;
    ~Restore() { flag = was; }
  } restore{rownum_numbers_, std::exchange(rownum_numbers_, false)};
  if (s.connect_by) return hierarchical(s);
  push_scope(s);
  std::string out = "SELECT ";
  std::string q = upper(s.quantifier);
  if (q == "DISTINCT" || q == "UNIQUE") out += "DISTINCT ";
  std::string into;
  if (!s.into.empty()) {
    if (!ctx_.routine)
      item("OS4013", "SELECT INTO belongs to PL/SQL", s.span);
    else if (auto i = ctx_.routine->into(s.into, s.bulk_collect, true, s.span, *this))
      into = *i;
  }
  if (s.start_with) item("OS4002", "START WITH without CONNECT BY", s.start_with->span);
  if (s.model.end > s.model.begin) item("OS4006", "MODEL clause", s.model);

  std::vector<const Expr*> conj;
  if (s.where) conjuncts_of(*s.where, conj);
  std::set<const Expr*> consumed;
  std::string limit;
  for (const Expr* c : conj)
    if (auto l = rownum_limit(*c)) {
      bool grouped = !s.group_by.empty() || s.having || q == "DISTINCT" || q == "UNIQUE";
      if (grouped || !limit_out) {
        item("OS4001", "ROWNUM limit on a grouped/DISTINCT query or in a set operation: Oracle limits the rows "
                       "before grouping; rewrite with a subquery",
             c->span);
      } else {
        consumed.insert(c);
        limit = limit.empty() ? *l : "LEAST(" + limit + ", " + *l + ")";
      }
    }
  FromPlan plan;
  bool planned = outer_join_plan(s, conj, plan);
  for (const Expr* c : plan.consumed) consumed.insert(c);
  out += select_items(s) + into;
  // SELECT * FROM (SELECT .. ORDER BY ..) WHERE ROWNUM <= n: the inner query takes the LIMIT too,
  // so the first n rows of its order are the ones kept (Oracle's top-n idiom).
  if (!limit.empty() && s.from.size() == 1 && s.from[0]->kind == TableRefKind::Subquery &&
      !static_cast<const SubqueryRef&>(*s.from[0]).query->order_by.empty())
    inner_limit_ = limit;
  std::string from = planned ? plan.from : plain_from(s);
  inner_limit_.clear();
  if (!from.empty()) out += " FROM " + from;
  std::string where;
  for (const Expr* c : conj)
    if (!consumed.count(c)) where += (where.empty() ? "" : " AND ") + expr(*c);
  if (!where.empty()) out += " WHERE " + where;
  if (!s.group_by.empty()) out += " GROUP BY " + exprs(s.group_by);
  if (s.having) out += " HAVING " + expr(*s.having);
  scopes_.pop_back();
  if (limit_out) *limit_out = limit;
  return out;
}

std::string SqlWriter::body(const QueryBody& b, bool direct, std::string* limit_out) {
  switch (b.kind) {
    case QueryBodyKind::Select: {
      std::string limit;
      std::string s = select(static_cast<const SelectCore&>(b), &limit);
      if (limit.empty()) return s;
      if (direct && limit_out) {
        *limit_out = limit;
        return s;
      }
      return "(" + s + " LIMIT " + limit + ")";
    }
    case QueryBodyKind::SetOp: {
      auto& s = static_cast<const SetOp&>(b);
      const char* op = "";
      switch (s.op) {
        case SetOpKind::Union: op = " UNION "; break;
        case SetOpKind::UnionAll: op = " UNION ALL "; break;
        case SetOpKind::Intersect: op = " INTERSECT "; break;
        case SetOpKind::Minus:
        case SetOpKind::Except: op = " EXCEPT "; break;
      }
      return body(*s.lhs, false, nullptr) + op + body(*s.rhs, false, nullptr);
    }
    case QueryBodyKind::Paren: return "(" + query(*static_cast<const ParenQuery&>(b).query) + ")";
  }
  return "";
}

std::string SqlWriter::query(const Query& q) {
  std::string pushed_limit = std::move(inner_limit_);
  inner_limit_.clear();
  std::vector<std::string> ctes;
  auto* saved_ctes = ctes_;
  bool saved_rec = ctes_recursive_;
  ctes_ = &ctes;
  ctes_recursive_ = false;
  if (q.with_plsql.end > q.with_plsql.begin) item("OS4013", "WITH FUNCTION (PL/SQL in a query)", q.with_plsql);
  for (const auto& c : q.with) {
    std::string def = ident(c.name);
    if (!c.columns.empty()) {
      def += " (";
      for (size_t i = 0; i < c.columns.size(); ++i) def += (i ? ", " : "") + ident(c.columns[i]);
      def += ")";
    }
    std::string saved_def = cte_defining_;
    cte_defining_ = normalize_identifier(c.name.text);
    cte_names_.push_back(cte_defining_);
    cte_self_reference_ = false;
    def += " AS (" + query(*c.query) + ")";
    if (cte_self_reference_) ctes_recursive_ = true;
    cte_defining_ = saved_def;
    if (c.search_cycle.end > c.search_cycle.begin) item("OS4003", "SEARCH/CYCLE clause of a recursive WITH", c.search_cycle);
    ctes.push_back(def);
  }
  std::string limit;
  size_t cte_scope = cte_names_.size() - q.with.size();
  bool hierarchical_body = q.body->kind == QueryBodyKind::Select && static_cast<const SelectCore&>(*q.body).connect_by;
  std::string out = body(*q.body, true, &limit);
  if (q.order_siblings)  // the rows are right, their order is not reproduced
    item("OS4003", "ORDER SIBLINGS BY is not reproduced: order by a sibling path column instead", q.span,
         !hierarchical_body);
  if (!q.order_by.empty()) {
    if (!limit.empty()) {
      item("OS4001", "ROWNUM and ORDER BY in the same query block: Oracle numbers the rows before sorting them",
           q.span);
    }
    if (!q.order_siblings) {
      // ORDER BY alias.column.attribute: the aliases of the query's own FROM (name(), which
      // collects them only when it meets such a name).
      auto saved = order_from_;
      order_from_ = q.body->kind == QueryBodyKind::Select ? static_cast<const SelectCore*>(q.body.get()) : nullptr;
      out += " ORDER BY " + order_items(q.order_by);
      order_from_ = saved;
    }
  }
  if (limit.empty() && !q.fetch_count && !q.offset) limit = pushed_limit;
  if (!limit.empty()) out += " LIMIT " + limit;
  if (q.fetch_count || q.offset) {
    if (q.fetch_percent || (q.with_ties && !postgres()))
      item("OS4013", "FETCH FIRST ... PERCENT / WITH TIES", q.span);
    if (q.with_ties && postgres()) {
      if (q.offset) out += " OFFSET " + expr(*q.offset) + " ROWS";
      out += " FETCH FIRST " + expr(*q.fetch_count) + " ROWS WITH TIES";
    } else {
      if (q.fetch_count) out += " LIMIT " + expr(*q.fetch_count);
      if (q.offset) out += " OFFSET " + expr(*q.offset);
    }
  }
  if (q.for_update) item("OS4013", "FOR UPDATE in a converted query", q.span);
  cte_names_.resize(cte_scope);
  ctes_ = saved_ctes;
  bool rec = ctes_recursive_;
  ctes_recursive_ = saved_rec;
  if (ctes.empty()) return out;
  std::string with = rec ? "WITH RECURSIVE " : "WITH ";
  for (size_t i = 0; i < ctes.size(); ++i) with += (i ? ", " : "") + ctes[i];
  return with + " " + out;
}

}  // namespace orashift::rewrite
