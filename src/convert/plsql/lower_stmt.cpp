// Statements: each PL/SQL statement lowered into the PL/pgSQL tree, Oracle's semantics kept
// (SELECT INTO raises as Oracle does, cursor attributes tracked per cursor, SQL%ROWCOUNT after
// every statement that sets it, handlers mapped to conditions with stable SQLSTATEs).
#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <set>
#include <utility>

#include "convert/plsql/codes.h"
#include "convert/plsql/lowerer.h"
#include "convert/plsql/plsql_support.h"
#include "convert/query/sql_writer.h"
#include "common/naming.h"
#include "sql/lexer.h"
#include "sql/parser.h"

namespace orashift::plsql {

using rewrite::upper;

namespace {

std::string q(const std::string& oracle_name) { return quote_ident(target_name(oracle_name)); }

bool contains_dml(const std::vector<ast::PlStmtPtr>& stmts) {
  for (const auto& s : stmts) {
    if (s->kind == ast::PlStmtKind::Sql) {
      auto k = static_cast<const ast::PlSql&>(*s).statement->kind;
      if (k == ast::StmtKind::Insert || k == ast::StmtKind::Update || k == ast::StmtKind::Delete ||
          k == ast::StmtKind::Merge)
        return true;
    }
    if (s->kind == ast::PlStmtKind::Forall || s->kind == ast::PlStmtKind::ExecuteImmediate) return true;
  }
  return false;
}

// The names of a dynamic statement's text: only its :placeholders, numbered in text order.
class DynamicBinds : public RoutineNames {
public:
  explicit DynamicBinds(const SourceFile& file) {
    for (const auto& t : sql::tokenize(file))
      if (t.kind == sql::TokenKind::Bind) order_[t.span.begin] = order_.size() + 1;
  }
  size_t count() const { return order_.size(); }
  std::optional<std::string> name(const ast::NameExpr&, rewrite::SqlWriter&) const override { return std::nullopt; }
  std::optional<std::string> call(const ast::CallExpr&, rewrite::SqlWriter&) const override { return std::nullopt; }
  std::optional<std::string> bind(const ast::BindExpr& b, rewrite::SqlWriter&) const override {
    auto it = order_.find(b.span.begin);
    if (it == order_.end() || b.substitution) return std::nullopt;
    return "$" + std::to_string(it->second);
  }
  std::optional<std::string> postfix(const ast::PostfixExpr&, rewrite::SqlWriter&) const override { return std::nullopt; }
  rewrite::ValueType value_type(const ast::Expr&) const override { return rewrite::ValueType::Unknown; }
  std::optional<std::string> into(const std::vector<ast::ExprPtr>&, bool, bool, Span, rewrite::SqlWriter&) const override {
    return std::nullopt;
  }

private:
  std::map<uint32_t, size_t> order_;
};

// The names of a dynamic PL/SQL block's expression: the block runs in a scope of its own, so it
// sees only what is global — pkg.v (a package variable or constant: its function), pkg.f(…) and
// f(…) (converted routines, or built-ins the writer knows). A name that resolves to none of these
// makes the conversion fail (`unresolved`), so the statement keeps its item.
class BlockNames : public DynamicBinds {
public:
  using NameFn = std::function<std::optional<std::string>(const ast::NameExpr&)>;
  using CallFn = std::function<std::optional<std::string>(const ast::CallExpr&, rewrite::SqlWriter&)>;
  BlockNames(const SourceFile& file, NameFn name, CallFn call) : DynamicBinds(file), name_(std::move(name)), call_(std::move(call)) {}
  std::optional<std::string> name(const ast::NameExpr& n, rewrite::SqlWriter&) const override {
    auto r = name_(n);
    unresolved_ = unresolved_ || !r;
    return r;
  }
  std::optional<std::string> call(const ast::CallExpr& c, rewrite::SqlWriter& w) const override {
    auto r = call_(c, w);
    if (!r && c.name.size() > 1) unresolved_ = true;  // pkg.f(…) that is no converted routine
    return r;
  }
  std::optional<std::string> postfix(const ast::PostfixExpr&, rewrite::SqlWriter&) const override {
    unresolved_ = true;
    return std::nullopt;
  }
  bool unresolved() const { return unresolved_; }

private:
  NameFn name_;
  CallFn call_;
  mutable bool unresolved_ = false;
};

// A dynamic statement the checker must leave to run time (Lowerer::deferred_check; `deferred`),
// in a block of its own that starts with the pragma turning plpgsql_check off: a pragma holds to the end of its
// group of statements, and the statement stays the last one before whatever reads its row count
// (GET DIAGNOSTICS, also FORALL's after the block). PERFORM of a text does nothing where
// plpgsql_check is absent (it sets FOUND, which no converted statement reads across another).
PgStmt unchecked(PgStmt statement, bool deferred) {
  if (!deferred) return statement;
  PgStmt b;
  b.kind = PgKind::Block;
  b.span = statement.span;
  b.block = std::make_shared<PgBlock>();
  b.block->body.push_back(PgStmt::simple("PERFORM 'PRAGMA:DISABLE:CHECK'", statement.span));
  b.block->body.push_back(std::move(statement));
  return b;
}

}  // namespace

void Lowerer::block(const ast::PlBlock& b, PgBlock& out) {
  PgBlock* saved = current_block_;
  current_block_ = &out;
  declarations(b.decls, out);
  const bool absence = catches_undefined_table(b);
  absence_handled_ += absence;
  body(b.body, out.body);
  absence_handled_ -= absence;
  handlers(b, out);
  current_block_ = saved;
}

// A handler for ORA-00942 (an exception of this unit or of a package declared with
// PRAGMA EXCEPTION_INIT(e, -942), or WHEN OTHERS testing SQLCODE against -942 in an IF): the
// code expects a table to be missing when it runs.
bool Lowerer::catches_undefined_table(const ast::PlBlock& b) const {
  constexpr long kTableOrViewDoesNotExist = -942;
  auto tests_sqlcode = [](const ast::PlHandler& h) {
    for (const auto& st : h.body) {
      if (st->kind != ast::PlStmtKind::If) continue;
      for (const auto& branch : static_cast<const ast::PlIf&>(*st).branches) {
        std::string c = upper(sql::compact_text(branch.condition->span));
        c.erase(std::remove(c.begin(), c.end(), ' '), c.end());
        if (c.find("SQLCODE") != std::string::npos && (c.find("-942") != std::string::npos || c.find("-00942") != std::string::npos))
          return true;
      }
    }
    return false;
  };
  for (const auto& h : b.handlers)
    for (const auto& e : h.exceptions) {
      if (e.parts.size() == 1 && norm(e.parts[0]) == "OTHERS") {
        if (tests_sqlcode(h)) return true;
        continue;
      }
      std::vector<ast::Ident> ids(e.parts.begin(), e.parts.end());
      size_t used = 0;
      const Symbol* s = lookup_path(ids, used);
      if (s && used == ids.size() && s->kind == SymbolKind::Exception) {
        if (s->oracle_code == kTableOrViewDoesNotExist) return true;
        continue;
      }
      if (e.parts.size() == 2)
        if (const PackageDecls* p = env_.registry->package(norm(e.parts[0]))) {
          auto code = p->exception_codes.find(norm(e.parts[1]));
          if (code != p->exception_codes.end() && code->second == kTableOrViewDoesNotExist) return true;
        }
    }
  return false;
}

void Lowerer::handlers(const ast::PlBlock& b, PgBlock& out) {
  if (b.handlers.empty()) return;
  if (!env_.profile->named_handlers) {
    item(plsql_codes::kBehaviour,
         "on Redshift entering a handler rolls back the whole transaction (no subtransactions): every change made "
         "before the error is undone, not only the failed statement's",
         b.handlers.front().exceptions.empty() ? b.span : b.handlers.front().exceptions.front().span);
    merged_handlers(b, out);
    return;
  }
  if (contains_dml(b.body))
    item(plsql_codes::kBehaviour,
         "a handled error rolls back every change of this block in PostgreSQL (a subtransaction); Oracle rolls back "
         "only the failed statement",
         b.handlers.front().exceptions.empty() ? b.span : b.handlers.front().exceptions.front().span);
  ++handler_depth_;
  for (const auto& h : b.handlers) {
    PgHandler ph;
    for (const auto& e : h.exceptions) ph.condition += (ph.condition.empty() ? "" : " OR ") + exception_condition(e, nullptr);
    ph.span = h.exceptions.empty() ? b.span : h.exceptions.front().span;
    body(h.body, ph.body);
    out.handlers.push_back(std::move(ph));
  }
  --handler_depth_;
}

void Lowerer::body(const std::vector<ast::PlStmtPtr>& stmts, PgBody& out, size_t from, size_t to) {
  to = std::min(to, stmts.size());
  size_t i = from;
  body_stack_.emplace_back(&stmts, &i);
  while (i < to) {
    // Consecutive assignments to parts of one package variable: one read and one write-back.
    if (size_t n = package_assignment_run(stmts, i, out)) {
      i += n;
      continue;
    }
    if (size_t n = dbms_sql_run(stmts, i, out)) {
      i += n;
      continue;
    }
    stmt(*stmts[i], out);
    ++i;
  }
  body_stack_.pop_back();
}

void Lowerer::after_sql(PgBody& out, Span span) {
  if (uses_sql_attributes_) out.push_back(PgStmt::simple("GET DIAGNOSTICS " + quote_ident("sql%rowcount") + " = ROW_COUNT", span));
}

void Lowerer::stmt(const ast::PlStmt& s, PgBody& out) {
  // A statement nested in another one is not part of its expression: its own SELF-changing calls.
  struct Restore {
    ArgCopies*& slot;
    ArgCopies* saved;
    ~Restore() { slot = saved; }
  } restore{self_calls_, std::exchange(self_calls_, nullptr)};
  // A label on any other statement only names a GOTO target, and every GOTO is flagged where it
  // stands: the label itself changes nothing and is left out (utPLSQL labels a statement before a
  // loop and closes the loop with that name, which Oracle accepts).
  switch (s.kind) {
    case ast::PlStmtKind::Null: out.push_back(PgStmt::simple("NULL", s.span)); return;
    case ast::PlStmtKind::Assign: {
      auto& a = static_cast<const ast::PlAssign&>(s);
      with_self_calls(a.value.get(), out, [&](PgBody& b) { assign(a, b); });
      return;
    }
    case ast::PlStmtKind::Call: {
      auto& c = static_cast<const ast::PlCall&>(s);
      with_self_calls(c.call.get(), out, [&](PgBody& b) { call_statement(c, b); });
      return;
    }
    case ast::PlStmtKind::If: {
      auto& i = static_cast<const ast::PlIf&>(s);
      PgStmt p;
      p.kind = PgKind::If;
      p.span = s.span;
      for (const auto& br : i.branches) {
        PgBody b;
        std::string c;
        if (&br == &i.branches.front())  // only the first condition is evaluated unconditionally
          with_self_calls(br.condition.get(), out, [&](PgBody&) { c = condition(*br.condition); });
        else
          c = condition(*br.condition);
        body(br.body, b);
        p.branches.emplace_back(c, std::move(b));
      }
      p.has_else = i.has_else;
      body(i.else_body, p.else_body);
      out.push_back(std::move(p));
      return;
    }
    case ast::PlStmtKind::Case: {
      auto& c = static_cast<const ast::PlCase&>(s);
      PgStmt p;
      p.kind = PgKind::Case;
      p.span = s.span;
      p.text = c.selector ? "CASE " + expr(*c.selector) : "CASE";
      for (const auto& w : c.whens) {
        PgBody b;
        std::string cond = expr(*w.condition);
        body(w.body, b);
        p.branches.emplace_back(cond, std::move(b));
      }
      p.has_else = c.has_else;  // without ELSE both raise case_not_found
      body(c.else_body, p.else_body);
      out.push_back(std::move(p));
      return;
    }
    case ast::PlStmtKind::Loop: loop(static_cast<const ast::PlLoop&>(s), out); return;
    case ast::PlStmtKind::Exit: {
      auto& e = static_cast<const ast::PlExit&>(s);
      std::string t = e.is_continue ? "CONTINUE" : "EXIT";
      if (e.label) t += " " + q(norm(*e.label));
      if (e.when) t += " WHEN " + condition(*e.when);
      out.push_back(PgStmt::simple(t, s.span));
      return;
    }
    case ast::PlStmtKind::Goto: {
      auto t = goto_tails_.find(norm(static_cast<const ast::PlGoto&>(s).label));
      if (t != goto_tails_.end()) {
        GotoTail tail = t->second;  // the tail's own lowering may not see itself (it has no GOTO)
        body(*tail.stmts, out, tail.from);
        out.push_back(PgStmt::simple("CONTINUE " + tail.loop_label, s.span));
        return;
      }
      item(plsql_codes::kNotConvertible, "GOTO " + std::string(static_cast<const ast::PlGoto&>(s).label.text) +
                                             ": restructure with loops, EXIT or IF",
           s.span);
      return;
    }
    case ast::PlStmtKind::Raise: raise(static_cast<const ast::PlRaise&>(s), out); return;
    case ast::PlStmtKind::Return: {
      auto& r = static_cast<const ast::PlReturn&>(s);
      if (trigger_) {
        if (r.value) item(plsql_codes::kNotConvertible, "RETURN with a value in a trigger", s.span);
        out.push_back(PgStmt::simple(trigger_->row && trigger_->before ? "RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END"
                                                                       : "RETURN NULL",
                                     s.span));
        return;
      }
      if (constructor_) {  // RETURN in a constructor returns SELF
        out.push_back(PgStmt::simple("RETURN " + quote_ident("self"), s.span));
        return;
      }
      if (procedure_return(r, out)) return;  // RETURN f(…) of a function that became a procedure
      with_self_calls(r.value.get(), out, [&](PgBody& b) {
        if (!result_param_.empty()) {  // a function that became a procedure: the INOUT argument carries it
          if (r.value) b.push_back(PgStmt::simple(result_param_ + " := " + expr(*r.value), s.span));
          b.push_back(PgStmt::simple("RETURN", s.span));
          return;
        }
        b.push_back(PgStmt::simple(r.value ? "RETURN " + expr(*r.value) : "RETURN", s.span));
      });
      return;
    }
    case ast::PlStmtKind::Sql:
      if (package_into(s, out) || boxed_into(s, out)) return;
      sql(static_cast<const ast::PlSql&>(s), out);
      return;
    case ast::PlStmtKind::Forall: forall(static_cast<const ast::PlForall&>(s), out); return;
    case ast::PlStmtKind::Open: open(static_cast<const ast::PlOpen&>(s), out); return;
    case ast::PlStmtKind::Fetch:
      if (package_into(s, out) || boxed_into(s, out)) return;
      fetch(static_cast<const ast::PlFetch&>(s), out);
      return;
    case ast::PlStmtKind::Close: {
      auto& c = static_cast<const ast::PlClose&>(s);
      std::string name = expr(*c.cursor);
      out.push_back(PgStmt::simple("CLOSE " + name, s.span));
      if (c.cursor->kind == ast::ExprKind::Name) {
        std::string n = norm(static_cast<const ast::NameExpr&>(*c.cursor).parts.back());
        const Symbol* sym = scope_.find(n);
        if (sym && sym->kind == SymbolKind::Cursor && sym->cursor)
          out.push_back(PgStmt::simple(quote_ident(target_name(n) + "%isopen") + " := FALSE", s.span));
      }
      return;
    }
    case ast::PlStmtKind::ExecuteImmediate:
      if (package_into(s, out) || boxed_into(s, out)) return;
      execute_immediate(static_cast<const ast::PlExecImmediate&>(s), out);
      return;
    case ast::PlStmtKind::PipeRow: {
      auto& p = static_cast<const ast::PlPipeRow&>(s);
      out.push_back(PgStmt::simple("RETURN NEXT " + expr(*p.row), s.span));
      return;
    }
    case ast::PlStmtKind::Block: {
      auto& b = static_cast<const ast::PlBlockStmt&>(s);
      PgStmt p;
      p.kind = PgKind::Block;
      p.span = s.span;
      p.block = std::make_shared<PgBlock>();
      if (!s.labels.empty()) p.block->label = q(norm(s.labels.front()));
      scope_.push(s.labels.empty() ? "" : norm(s.labels.front()));
      block(*b.block, *p.block);
      scope_.pop();
      out.push_back(std::move(p));
      return;
    }
    case ast::PlStmtKind::CondComp: {
      const auto& cc = static_cast<const ast::PlCondStmt&>(s).cc;
      std::string why = "no conditional compilation support";
      std::optional<int> branch = env_.cond ? env_.cond->choose(cc, unit_name(), why) : std::nullopt;
      if (branch && *branch < 0) return;  // no branch holds: Oracle compiles nothing here
      const ast::PlBlock* parsed = branch ? env_.cond->parse(cc.branches[static_cast<size_t>(*branch)].text, false, why) : nullptr;
      if (!parsed) {
        item(plsql_codes::kNotConvertible, "conditional compilation ($IF): " + why, s.span);
        return;
      }
      body(parsed->body, out);
      return;
    }
    case ast::PlStmtKind::Transaction: {
      auto& t = static_cast<const ast::PlTransaction&>(s);
      std::string verb = upper(t.verb);
      std::string rest = upper(sql::compact_text(t.rest));
      if (env_.profile->one_open_cursor && open_cursors_ > 0)
        item(plsql_codes::kTargetLacks,
             verb + " inside a cursor loop: on Redshift it closes the loop's cursor (stored-procedure-transaction-management); "
                    "commit after the loop or make the loop one set-based statement",
             s.span);
      if ((verb == "COMMIT" || verb == "ROLLBACK") && rest.find("TO") != 0 && rest.find("FORCE") == std::string::npos) {
        if (!in_procedure_ || trigger_) {
          item(plsql_codes::kTransaction, verb + " inside a function or trigger: PostgreSQL allows it only in a procedure", s.span);
          return;
        }
        item(plsql_codes::kBehaviour,
             verb + " in a procedure: works only when the procedure is called outside a transaction block (CALL at top "
                    "level, not from a function or inside BEGIN … COMMIT)",
             s.span);
        out.push_back(PgStmt::simple(verb, s.span));
        return;
      }
      item(plsql_codes::kTransaction, verb + " " + sql::compact_text(t.rest) + ": not available inside PL/pgSQL", s.span);
      return;
    }
    case ast::PlStmtKind::Pragma: return;  // PRAGMA INLINE: a compiler hint
  }
}

// target := value. Package variables are assigned through their setter; NEW.col in triggers.
std::string Lowerer::target_text(const ast::Expr& target, const std::string& value, Span span, bool* is_setter) const {
  *is_setter = false;
  if (target.kind == ast::ExprKind::Name) {
    auto& n = static_cast<const ast::NameExpr&>(target);
    size_t used = 0;
    const Symbol* s = lookup_path(n.parts, used);
    if (s && s->kind == SymbolKind::PackageVariable) {
      if (used != n.parts.size()) {
        item(plsql_codes::kNotConvertible, "assignment to a field of a package variable", span);
        return "";
      }
      *is_setter = true;
      return "PERFORM " + s->setter + "(" + value + ")";
    }
    if (s && (s->kind == SymbolKind::Constant || s->kind == SymbolKind::PackageConstant)) {
      item(plsql_codes::kNotConvertible, "assignment to a constant", span);
      return "";
    }
  }
  std::string target_written;
  if (target.kind == ast::ExprKind::Postfix) {
    // a(i).f := v, a(i).f(j) := v, w.sheets(s).rows(r)(c).value := v: PostgreSQL 14+ assigns
    // through subscripts and nested fields of a variable (a[i].f[j] := v).
    auto& p = static_cast<const ast::PostfixExpr&>(target);
    RewriteContext ctx = writer_context();
    RewriteResult r;
    rewrite::SqlWriter w(dialect(), ctx, r);
    auto chain = selector_chain(p, p.selectors.size(), true, w);
    absorb(r);
    if (!chain) {
      item(plsql_codes::kNotConvertible, "assignment to " + sql::compact_text(target.span), span);
      return "";
    }
    target_written = *chain;
  }
  std::string t = target_written;
  if (target.kind != ast::ExprKind::Postfix) {
    bool was = std::exchange(assignment_target_, true);
    t = expr(target);
    assignment_target_ = was;
  }
  // A package variable's element or field is read through its function: nothing to assign to.
  if (t.substr(0, t.find_first_of('[')).find("()") != std::string::npos) {
    item(plsql_codes::kNotConvertible,
         "assignment to an element or field of a package variable (" + sql::compact_text(target.span) +
             "): copy it to a local variable, change that and assign it back whole",
         span);
    return "";
  }
  // (a[i]).f := x is not assignable in PL/pgSQL: a[i].f is.
  if (t.size() > 2 && t[0] == '(' && t.find(")[") == std::string::npos && t.find(").") != std::string::npos) {
    size_t close = t.find(").");
    t = t.substr(1, close - 1) + t.substr(close + 1);
  }
  return t;
}

bool Lowerer::assign_value(const ast::Expr& target, const std::string& value, Span span, PgBody& out) const {
  bool setter = false;
  std::string t = target_text(target, value, span, &setter);
  if (t.empty()) return false;
  out.push_back(PgStmt::simple(setter ? t : t + " := " + value, span));
  return true;
}

void Lowerer::assign(const ast::PlAssign& a, PgBody& out) {
  if (procedure_assign(a, out)) return;
  // pkg_var(i) := v, pkg_var.f := v: through a local copy of the variable (lower_pkgvar_write.cpp).
  if (package_element_assign(a, out)) return;
  // x.items := v, x.items(i) := v on an attribute held as jsonb: through a local copy (lower_box.cpp).
  if (boxed_statement(*a.target, false, a.span, out, [&](PgBody& body) { assign(a, body); })) return;
  // v := x.items(i).m(…) on an element held as jsonb: through a local copy too, so that a member
  // function changing SELF can write the element back (lower_self_changes.cpp).
  if (member_call_on_element(*a.value) &&
      boxed_statement(*a.value, false, a.span, out, [&](PgBody& body) {
        ArgCopies* outer = std::exchange(self_calls_, nullptr);
        with_self_calls(a.value.get(), body, [&](PgBody& b) { assign(a, b); });
        self_calls_ = outer;
      }))
    return;
  if (map_assign(a, out)) return;
  assign_value(*a.target, assigned_value(*a.target, *a.value, expr(*a.value)), a.span, out);
}

// v := f(args) where f became a procedure (Redshift: more than one expression; PostgreSQL: it hands
// values back besides its result) → CALL f(args, v), its INOUT result written into v.
std::optional<Lowerer::ProcedureCall> Lowerer::procedure_function(const ast::Expr& value) const {
  std::vector<std::string> parts;
  const ast::CallExpr* call = nullptr;
  if (value.kind == ast::ExprKind::Call) {
    call = &static_cast<const ast::CallExpr&>(value);
    for (const auto& p : call->name) parts.push_back(norm(p));
  } else if (value.kind == ast::ExprKind::Name) {
    for (const auto& p : static_cast<const ast::NameExpr&>(value).parts) parts.push_back(norm(p));
  }
  const std::vector<RoutineDecl>* routines = parts.empty() ? nullptr : routines_for(parts);
  if (!routines || routines->empty()) return std::nullopt;
  // The overload the call runs decides (overloads may differ in how they are converted); an
  // expression calls a function.
  const RoutineDecl* r = nullptr;
  if (routines->size() == 1) r = &routines->front();
  else if (call) r = quiet_pick(*routines, *call);
  if (!r || !r->is_function() || !r->sub) return std::nullopt;
  // Redshift: every function that is more than one expression; PostgreSQL: a function that hands
  // values back besides its result (RoutineDecl::as_procedure).
  if (!r->as_procedure && (env_.profile->functions || sql_udf_shape(*r->sub))) return std::nullopt;
  return ProcedureCall{r, std::move(parts), call};
}

bool Lowerer::procedure_assign(const ast::PlAssign& a, PgBody& out) {
  std::optional<ProcedureCall> pc = procedure_function(*a.value);
  if (!pc) return false;
  bool setter = false;
  std::string t = target_text(*a.target, "", a.span, &setter);
  if (t.empty() || setter) return false;
  return procedure_call_into(*pc, t, a.span, out);
}

bool Lowerer::procedure_return(const ast::PlReturn& r, PgBody& out) {
  std::optional<ProcedureCall> pc = r.value ? procedure_function(*r.value) : std::nullopt;
  if (!pc || !current_block_ || !current_routine_ || !current_routine_->return_type) return false;
  // RETURN f(…): the value through a temporary of the returning routine's own result type.
  TypeInfo rt = resolve_type(*current_routine_->return_type);
  if (rt.sql.empty()) return false;
  std::string tmp = quote_ident("orashift_return" + std::to_string(temp_count_ + 1));
  if (!procedure_call_into(*pc, tmp, r.span, out)) return false;
  ++temp_count_;
  current_block_->decls.push_back({tmp + " " + rt.sql, r.span});
  if (!result_param_.empty()) {
    out.push_back(PgStmt::simple(result_param_ + " := " + tmp, r.span));
    out.push_back(PgStmt::simple("RETURN", r.span));
  } else {
    out.push_back(PgStmt::simple("RETURN " + tmp, r.span));
  }
  return true;
}

bool Lowerer::procedure_call_into(const ProcedureCall& pc, const std::string& t, Span span, PgBody& out) {
  RewriteContext ctx = writer_context();
  RewriteResult r;
  rewrite::SqlWriter w(dialect(), ctx, r);
  calling_as_procedure_ = true;
  ArgCopies copies;  // OUT arguments that go through a temporary (out_argument)
  std::optional<std::string> rc = routine_call(pc.parts, pc.call, true, span, &w, &copies);
  calling_as_procedure_ = false;
  absorb(r);
  if (!rc) return false;
  rc->pop_back();
  for (const auto& pre : copies.first) out.push_back(PgStmt::simple(pre, span));
  // The result parameter comes last; after named arguments it is named too. PostgreSQL writes an
  // INOUT argument back only into a variable of exactly the parameter's type (varchar(200) for
  // text is "not writable"): through a temporary of the result type, assigned after the call.
  std::string result = t;
  if (env_.profile->named_arguments) {
    const ast::PlSubprogram& f = *pc.callee->sub;
    TypeInfo rt = f.return_type ? resolve_type(*f.return_type) : TypeInfo{};
    std::string into = t;
    if (current_block_ && !rt.sql.empty()) {
      into = quote_ident("orashift_result" + std::to_string(++temp_count_));
      current_block_->decls.push_back({into + " " + rt.sql, span});
      copies.second.insert(copies.second.begin(), t + " := " + into);
    }
    result = quote_ident("orashift_result") + " => " + into;
  }
  out.push_back(PgStmt::simple("CALL " + *rc + (rc->back() == '(' ? "" : ", ") + result + ")", span));
  for (const auto& post : copies.second) out.push_back(PgStmt::simple(post, span));
  return true;
}

void Lowerer::call_statement(const ast::PlCall& c, PgBody& out) {
  if (runtime_hole_call(c, out)) return;            // a procedure named at run time (lower_dbms_sql.cpp)
  if (json_statement(c, out)) return;               // jo.put(k, v), ja.append(v) (lower_json.cpp)
  if (package_variable_statement(c, out)) return;  // pkg_var.EXTEND, pkg_var(i).p(…) (lower_pkgvar_write.cpp)
  if (boxed_statement(*c.call, true, c.span, out, [&](PgBody& body) { call_statement(c, body); }))
    return;  // x.items.EXTEND, x.items(i).p(…) on an attribute held as jsonb (lower_box.cpp)
  if (boxed_out_arguments(c, out)) return;  // p(x.items) with an OUT parameter (lower_box.cpp)
  if (collection_statement(c, out)) return;  // rec.list.EXTEND, a(i).p(…) (lower_selectors.cpp)
  const ast::Expr& e = *c.call;
  std::vector<std::string> parts;
  const ast::CallExpr* call = nullptr;
  if (e.kind == ast::ExprKind::Call) {
    call = &static_cast<const ast::CallExpr&>(e);
    for (const auto& p : call->name) parts.push_back(norm(p));
  } else if (e.kind == ast::ExprKind::Name) {
    for (const auto& p : static_cast<const ast::NameExpr&>(e).parts) parts.push_back(norm(p));
  } else {
    item(plsql_codes::kNotConvertible, "call " + sql::compact_text(e.span), e.span);
    return;
  }
  size_t n = call ? call->args.size() : 0;
  auto arg = [&](size_t i) { return expr(*call->args[i].value); };
  if (parts.size() == 3 && parts[0] == "SYS") parts.erase(parts.begin());  // SYS.DBMS_LOB.READ
  std::string last = parts.back();
  std::string first = parts.front();
  if (parts.size() == 1 && first == "RAISE_APPLICATION_ERROR" && n >= 2) {
    std::string code = arg(0);
    std::string state;
    std::string digits = code;
    digits.erase(std::remove(digits.begin(), digits.end(), ' '), digits.end());
    bool literal_code = digits.size() == 6 && digits.rfind("-20", 0) == 0 && std::all_of(digits.begin() + 1, digits.end(), ::isdigit);
    if (literal_code)
      state = "'OR" + digits.substr(3) + "'";
    else
      state = "'OR' || lpad((-(" + code + ") - 20000)::text, 3, '0')";
    const ast::Expr& m = *call->args[1].value;
    if (!env_.profile->raise_using) {
      // Redshift: the message carries Oracle's code (SQLERRM reads 'ORA-20001: text', as in Oracle).
      if (literal_code) {
        raise_value("EXCEPTION", "ORA" + digits + ": ", &m, out, c.span);
      } else {
        std::string v = message_variable(c.span);
        out.push_back(PgStmt::simple(v + " := 'ORA' || (" + code + ")::varchar(12) || ': ' || COALESCE(" + arg(1) + ", '')", c.span));
        out.push_back(PgStmt::simple("RAISE EXCEPTION '%', " + v, c.span));
      }
      return;
    }
    std::string msg = arg(1);
    if (m.kind != ast::ExprKind::Literal) msg = "COALESCE(" + msg + ", '')";
    out.push_back(PgStmt::simple("RAISE EXCEPTION USING ERRCODE = " + state + ", MESSAGE = " + msg, c.span));
    return;
  }
  if (parts.size() == 2 && first == "DBMS_OUTPUT" && dbms_output_statement(last, call, c.span, out)) return;
  if (parts.size() == 2 && first == "DBMS_OUTPUT" && !env_.orafce) {
    if (last == "PUT_LINE" || last == "PUT") {
      if (last == "PUT") item(plsql_codes::kBehaviour, "DBMS_OUTPUT.PUT → one notice per call (no line assembly)", c.span);
      if (!env_.profile->raise_using) {
        raise_value("INFO", "", n ? call->args[0].value.get() : nullptr, out, c.span);
        return;
      }
      out.push_back(PgStmt::simple("RAISE NOTICE '%', " + (n ? arg(0) : std::string("''")), c.span));
      return;
    }
    if (last == "NEW_LINE") {
      out.push_back(PgStmt::simple(env_.profile->raise_using ? "RAISE NOTICE ''" : "RAISE INFO ''", c.span));
      return;
    }
    if (last == "ENABLE" || last == "DISABLE") return;  // notices always reach the client
  }
  if (parts.size() == 2 && first == "DBMS_LOB" && dbms_lob_statement(last, call, c.span, out)) return;
  if (parts.size() == 2 && first == "DBMS_XMLGEN" && xmlgen_statement(last, call, c.span, out)) return;
  if (parts.size() == 2 && dbms_misc_statement(first, last, call, c.span, out)) return;
  if (parts.size() == 2 && owa_statement(first, last, call, c.span, out)) return;
  // DBMS_LOCK.SLEEP / DBMS_SESSION.SLEEP(seconds) and APEX_UTIL.PAUSE(p_seconds), which APEX
  // documents as the same pause of the session.
  if (parts.size() == 2 && n == 1 && env_.profile->perform &&
      (((first == "DBMS_LOCK" || first == "DBMS_SESSION") && last == "SLEEP") || (first == "APEX_UTIL" && last == "PAUSE"))) {
    out.push_back(PgStmt::simple("PERFORM pg_sleep(" + arg(0) + ")", c.span));
    return;
  }
  // Collection methods as statements: a.EXTEND, a.DELETE, a.TRIM.
  if (parts.size() >= 2) {
    std::vector<ast::Ident> ids(call ? call->name : static_cast<const ast::NameExpr&>(e).parts);
    ids.pop_back();
    size_t used = 0;
    const Symbol* s = lookup_path(ids, used);
    const TypeInfo* mt = s && s->kind != SymbolKind::Type ? path_type(*s, ids, used) : nullptr;
    if (mt && mt->shape == Shape::Map) {
      ast::NameExpr base;
      base.parts = ids;
      base.span = e.span;
      std::vector<std::string> args;
      for (size_t i = 0; i < n; ++i) args.push_back(arg(i));
      map_delete(*s, used == ids.size(), *mt, expr(base), last, args, c.span, out);
      return;
    }
    if (s && used == ids.size() && s->type.shape == Shape::Array) {
      ast::NameExpr base;
      base.parts = ids;
      base.span = e.span;
      std::string a = expr(base);
      if (last == "EXTEND") {
        std::string count = n ? arg(0) : "1";
        out.push_back(PgStmt::simple(a + " := " + a + " || array_fill(NULL::" + (s->type.element ? s->type.element->sql : "text") +
                                         ", ARRAY[" + count + "])",
                                     c.span));
        return;
      }
      if (last == "DELETE" && n == 0) {
        out.push_back(PgStmt::simple(a + " := '{}'", c.span));
        return;
      }
      if (last == "TRIM") {
        std::string count = n ? arg(0) : "1";
        out.push_back(PgStmt::simple(a + " := " + a + "[array_lower(" + a + ", 1):array_upper(" + a + ", 1) - " + count + "]", c.span));
        return;
      }
      item(plsql_codes::kCollection, "collection method " + last + (n ? "(…)" : "") + " (sparse collections are not emulated)", c.span);
      return;
    }
  }
  RewriteContext ctx = writer_context();
  RewriteResult r;
  rewrite::SqlWriter w(dialect(), ctx, r);
  if (auto b = builtin_package_call(parts, call, true, c.span, w)) {
    absorb(r);
    if (!env_.profile->perform)
      item(plsql_codes::kTargetLacks, first + "." + last + " as a statement: PERFORM is not among " + dialect_name(dialect()) +
                                          "'s PL/pgSQL statements",
           c.span);
    out.push_back(PgStmt::simple(b->rfind("PERFORM", 0) == 0 ? *b : "PERFORM " + *b, c.span));
    return;
  }
  ArgCopies copies;
  if (auto oc = object_call(call ? call->name : static_cast<const ast::NameExpr&>(e).parts, call, true, c.span, w, &copies)) {
    absorb(r);
    for (const auto& pre : copies.first) out.push_back(PgStmt::simple(pre, c.span));
    out.push_back(PgStmt::simple("CALL " + *oc, c.span));
    for (const auto& post : copies.second) out.push_back(PgStmt::simple(post, c.span));
    return;
  }
  if (auto rc = routine_call(parts, call, true, c.span, &w, &copies)) {
    absorb(r);
    for (const auto& pre : copies.first) out.push_back(PgStmt::simple(pre, c.span));
    out.push_back(PgStmt::simple("CALL " + *rc, c.span));
    for (const auto& post : copies.second) out.push_back(PgStmt::simple(post, c.span));
    return;
  }
  absorb(r);
  std::string full;
  for (const auto& p : parts) full += (full.empty() ? "" : ".") + p;
  item(plsql_codes::kNotConvertible, "call of " + full + ": no such procedure among the converted units", c.span);
}

void Lowerer::loop(const ast::PlLoop& l, PgBody& out) {
  PgStmt p;
  p.kind = PgKind::Loop;
  p.span = l.span;
  if (!l.labels.empty()) p.label = q(norm(l.labels.front()));
  scope_.push(l.labels.empty() ? "" : norm(l.labels.front()));
  switch (l.loop) {
    case ast::PlLoopKind::Basic: break;
    case ast::PlLoopKind::While: p.text = "WHILE " + condition(*l.condition); break;
    case ast::PlLoopKind::ForRange: {
      std::string lo = expr(*l.low), hi = expr(*l.high);
      // Oracle's REVERSE lo..hi counts down from hi; PL/pgSQL writes REVERSE hi..lo.
      p.text = "FOR " + q(norm(l.index)) + " IN " + (l.reverse ? "REVERSE " + hi + ".." + lo : lo + ".." + hi);
      Symbol s;
      s.kind = SymbolKind::LoopIndex;
      s.ref = q(norm(l.index));
      s.type.sql = "integer";
      s.type.value = rewrite::ValueType::Number;
      scope_.add(norm(l.index), s);
      break;
    }
    case ast::PlLoopKind::ForCursor: {
      std::string rec = norm(l.index);
      Symbol s;
      s.kind = SymbolKind::LoopRecord;
      s.ref = q(rec);
      s.type.shape = Shape::Row;
      s.type.sql = "record";
      const ast::Expr& c = *l.cursor;
      if (c.kind == ast::ExprKind::Subquery) {
        const ast::Query& loop_query = *static_cast<const ast::SubqueryExpr&>(c).query;
        std::string loop_sql = query(loop_query);
        p.text = "FOR " + q(rec) + " IN " + loop_sql;
        // SELECT VALUE(x) v …: one composite column. PostgreSQL gives the record that column
        // (r.v), but plpgsql_check 2.3 spreads the composite's fields over the record and reports
        // "record has no field v"; a second column keeps both reading it as the one column.
        if (loop_query.body->kind == ast::QueryBodyKind::Select) {
          auto& core = static_cast<const ast::SelectCore&>(*loop_query.body);
          if (core.items.size() == 1 && core.items[0].expr->kind == ast::ExprKind::Call &&
              upper(std::string(static_cast<const ast::CallExpr&>(*core.items[0].expr).name.back().text)) == "VALUE")
            p.text = "FOR " + q(rec) + " IN SELECT orashift_q.*, NULL::integer AS orashift_pad FROM (" + loop_sql +
                     ") AS orashift_q";
        }
        if (current_block_) {
          bool declared = false;  // another loop (or the user) declared it in this block already
          for (const auto& d : current_block_->decls) declared |= d.text.rfind(q(rec) + " ", 0) == 0;
          if (!declared) current_block_->decls.push_back({q(rec) + " record", l.span});
        }
      } else {
        // FOR r IN c(args): a bound cursor; PL/pgSQL declares r itself.
        std::vector<ast::Ident> ids;
        if (c.kind == ast::ExprKind::Name) ids = static_cast<const ast::NameExpr&>(c).parts;
        if (c.kind == ast::ExprKind::Call) ids = static_cast<const ast::CallExpr&>(c).name;
        const Symbol* cs = ids.size() == 1 ? scope_.find(norm(ids[0])) : nullptr;
        if (!cs || cs->kind != SymbolKind::Cursor || !cs->cursor) {
          item(plsql_codes::kNotConvertible, "cursor FOR loop over " + sql::compact_text(c.span) + " (not a cursor of this unit)", c.span);
        } else {
          std::string args;
          if (c.kind == ast::ExprKind::Call) {
            auto& call = static_cast<const ast::CallExpr&>(c);
            for (size_t i = 0; i < call.args.size(); ++i) {
              if (i) args += ", ";
              if (!call.args[i].name.empty()) args += q(normalize_identifier(call.args[i].name)) + " := ";
              args += expr(*call.args[i].value);
            }
          }
          p.text = "FOR " + q(rec) + " IN " + cs->ref + (c.kind == ast::ExprKind::Call ? "(" + args + ")" : "");
        }
      }
      scope_.add(rec, s);
      break;
    }
  }
  // Oracle 9i's CONTINUE: GOTO a label on the last statements of the loop body (<<next>> NULL;
  // END LOOP). Oracle allows no GOTO into a loop, so every GOTO to it is in this body before it.
  size_t tail = continue_tail(l);
  std::string tail_label;
  if (tail < l.body.size()) {
    if (p.label.empty()) p.label = q("orashift_loop" + std::to_string(++temp_count_));
    tail_label = norm(l.body[tail]->labels.front());
    goto_tails_[tail_label] = GotoTail{&l.body, tail, p.label};
  }
  bool cursor_loop = l.loop == ast::PlLoopKind::ForCursor;
  if (cursor_loop && env_.profile->one_open_cursor && open_cursors_ > 0)
    item(plsql_codes::kTargetLacks,
         "cursor loop inside a cursor loop: Redshift allows one open cursor per session, a FOR loop over a query "
         "counts as one (stored-procedure-constraints); join both queries into one loop",
         l.span);
  open_cursors_ += cursor_loop ? 1 : 0;
  body(l.body, p.body, 0, tail);
  if (!tail_label.empty()) {
    goto_tails_.erase(tail_label);
    body(l.body, p.body, tail);
  }
  open_cursors_ -= cursor_loop ? 1 : 0;
  scope_.pop();
  out.push_back(std::move(p));
}

// The index of a labelled tail of the loop body that a GOTO before it targets (see loop()):
// at most three plain statements (no GOTO, label, loop or block of their own, as they are written
// again at every GOTO); body.size() when there is none.
size_t Lowerer::continue_tail(const ast::PlLoop& l) const {
  const auto& b = l.body;
  for (size_t t = b.size() >= 3 ? b.size() - 3 : 0; t < b.size(); ++t) {
    if (b[t]->labels.empty()) continue;
    bool plain = true;
    for (size_t i = t; i < b.size() && plain; ++i) {
      auto k = b[i]->kind;
      plain = (i == t || b[i]->labels.empty()) &&
              (k == ast::PlStmtKind::Null || k == ast::PlStmtKind::Assign || k == ast::PlStmtKind::Call);
    }
    if (!plain) return b.size();
    std::string label = upper(std::string(b[t]->labels.front().text));
    auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || c == '#'; };
    for (size_t i = 0; i < t; ++i) {
      std::string text = upper(std::string(b[i]->span.text()));
      for (size_t at = text.find("GOTO"); at != std::string::npos; at = text.find("GOTO", at + 4)) {
        size_t name = text.find_first_not_of(" \t\r\n", at + 4);
        if (name == std::string::npos || text.compare(name, label.size(), label) != 0) continue;
        if (name + label.size() == text.size() || !word(text[name + label.size()])) return t;
      }
    }
    return b.size();
  }
  return b.size();
}

void Lowerer::sql(const ast::PlSql& s, PgBody& out) {
  const ast::Statement& st = *s.statement;
  if (st.kind == ast::StmtKind::Select) {
    auto& sel = static_cast<const ast::SelectStmt&>(st);
    if (sel.query->body->kind == ast::QueryBodyKind::Select &&
        static_cast<const ast::SelectCore&>(*sel.query->body).bulk_collect) {
      bulk_select(sel, out, s.span);
      return;
    }
    out.push_back(PgStmt::simple(sql_statement(st), s.span));
    after_sql(out, s.span);
    if (!env_.profile->select_into_strict && sel.query->body->kind == ast::QueryBodyKind::Select &&
        !static_cast<const ast::SelectCore&>(*sel.query->body).into.empty()) {
      // c_PLpgSQL-statements (SELECT INTO): no row leaves the targets NULL and sets FOUND false;
      // Oracle raises NO_DATA_FOUND, so the check is written out. Several rows: the first is kept.
      out.push_back(no_data_found_check("NOT FOUND", s.span));
      if (!warned_first_row_) {
        warned_first_row_ = true;
        item(plsql_codes::kBehaviour,
             "SELECT INTO on Redshift keeps the first of several rows where Oracle raises TOO_MANY_ROWS (no row still "
             "raises NO_DATA_FOUND: checked after each SELECT INTO)",
             s.span);
      }
    }
    return;
  }
  if (st.kind == ast::StmtKind::Insert || st.kind == ast::StmtKind::Update || st.kind == ast::StmtKind::Delete ||
      st.kind == ast::StmtKind::Merge) {
    const std::optional<ast::Returning>* ret = nullptr;
    if (st.kind == ast::StmtKind::Insert) ret = &static_cast<const ast::Insert&>(st).returning;
    if (st.kind == ast::StmtKind::Update) ret = &static_cast<const ast::Update&>(st).returning;
    if (st.kind == ast::StmtKind::Delete) ret = &static_cast<const ast::Delete&>(st).returning;
    if (ret && *ret && (*ret)->bulk_collect && env_.profile->arrays) {
      bulk_returning(st, **ret, out, s.span);
      return;
    }
    out.push_back(PgStmt::simple(sql_statement(st), s.span));
    after_sql(out, s.span);
    return;
  }
  if (st.kind == ast::StmtKind::Truncate) {
    if (env_.profile->one_open_cursor && open_cursors_ > 0)
      item(plsql_codes::kTargetLacks, "TRUNCATE inside a cursor loop: on Redshift it commits and closes the loop's cursor", s.span);
    out.push_back(PgStmt::simple(sql::compact_text(st.span), s.span));
    return;
  }
  std::string k = st.kind_name.empty() ? "statement" : st.kind_name;
  if (k == "LOCK TABLE" || k == "LOCK") {
    out.push_back(PgStmt::simple(sql::compact_text(st.span), s.span));
    item(plsql_codes::kBehaviour, "LOCK TABLE kept as written: check the lock mode names", s.span);
    return;
  }
  item(plsql_codes::kNotConvertible, k + " inside PL/SQL", s.span);
}

// SELECT .. BULK COLLECT INTO a, b FROM .. → one array_agg per target over the query.
// The columns `SELECT *` / `SELECT b.*` gives when its one row source is a WITH query of the
// statement or an inline view, whose select list (without a star of its own) or column list
// says how many; a table of the catalog by its columns. 0: not known.
static size_t star_columns(const ast::Query& q, const ast::SelectCore& core, const Catalog* catalog) {
  if (core.items.size() != 1 || core.from.size() != 1) return 0;
  auto count = [](const ast::Query& sub) -> size_t {
    if (sub.body->kind != ast::QueryBodyKind::Select) return 0;
    auto& c = static_cast<const ast::SelectCore&>(*sub.body);
    for (const auto& it : c.items)
      if (it.expr->kind == ast::ExprKind::Star) return 0;
    return c.items.size();
  };
  const ast::TableRef& from = *core.from[0];
  if (from.kind == ast::TableRefKind::Subquery) return count(*static_cast<const ast::SubqueryRef&>(from).query);
  if (from.kind != ast::TableRefKind::Table) return 0;
  auto& t = static_cast<const ast::TableName&>(from);
  std::string name = normalize_identifier(t.name.name().text);
  for (const auto& cte : q.with)
    if (normalize_identifier(cte.name.text) == name) return cte.columns.empty() ? count(*cte.query) : cte.columns.size();
  if (const Table* table = catalog ? catalog->find_table(name) : nullptr) return table->columns.size();
  return 0;
}

void Lowerer::bulk_select(const ast::SelectStmt& s, PgBody& out, Span span) {
  auto& core = static_cast<const ast::SelectCore&>(*s.query->body);
  size_t cols = core.items.size();
  for (const auto& it : core.items)
    if (it.expr->kind == ast::ExprKind::Star) cols = star_columns(*s.query, core, env_.catalog);
  if (cols == 0 || (core.into.size() != cols && core.into.size() != 1)) {
    item(plsql_codes::kCollection, "BULK COLLECT with SELECT * or a column count that differs from its targets", span);
    return;
  }
  suppress_into_ = true;
  std::string inner = query(*s.query);
  suppress_into_ = false;
  std::string aggs, targets;
  if (!bulk_aggregates(core.into, cols, span, aggs, targets)) return;
  out.push_back(PgStmt::simple("SELECT " + aggs + " INTO " + targets + " FROM (" + inner + ") AS orashift_bulk(" +
                                   bulk_columns(cols) + ")",
                               span));
  if (uses_sql_attributes_)
    out.push_back(PgStmt::simple(quote_ident("sql%rowcount") + " := COALESCE(cardinality(" + expr(*core.into[0]) + "), 0)", span));
}

// INSERT/UPDATE/DELETE … RETURNING a, b BULK COLLECT INTO x, y: the statement becomes a
// data-modifying WITH query and its rows are gathered as a bulk SELECT's are. Oracle gives empty
// collections when no row is affected (COALESCE to '{}'), and SQL%ROWCOUNT is the rows returned.
void Lowerer::bulk_returning(const ast::Statement& st, const ast::Returning& r, PgBody& out, Span span) {
  size_t cols = r.exprs.size();
  if (cols == 0 || (r.into.size() != cols && r.into.size() != 1)) {
    item(plsql_codes::kCollection, "RETURNING … BULK COLLECT with a column count that differs from its targets", span);
    return;
  }
  std::string aggs, targets;
  if (!bulk_aggregates(r.into, cols, span, aggs, targets)) return;
  suppress_into_ = true;
  std::string dml = sql_statement(st);
  suppress_into_ = false;
  std::string names = bulk_columns(cols);
  out.push_back(PgStmt::simple("WITH orashift_dml(" + names + ") AS (" + dml + ") SELECT " + aggs + " INTO " + targets +
                                   " FROM orashift_dml",
                               span));
  if (uses_sql_attributes_)
    out.push_back(PgStmt::simple(quote_ident("sql%rowcount") + " := COALESCE(cardinality(" + expr(*r.into[0]) + "), 0)", span));
}

std::string Lowerer::bulk_columns(size_t cols) {
  std::string names;
  for (size_t i = 0; i < cols; ++i) names += (i ? ", " : "") + std::string("c") + std::to_string(i + 1);
  return names;
}

// The aggregates over columns c1..cN that fill BULK COLLECT targets, and the targets: one array per
// column, or one collection of records built from all of them. False when the item was raised.
bool Lowerer::bulk_aggregates(const std::vector<ast::ExprPtr>& into, size_t cols, Span span, std::string& aggs,
                              std::string& targets) {
  if (bulk_into_map(into, span)) return false;
  if (into.size() == 1 && cols > 1) {
    // Into a collection of records: the element type's row built from the columns.
    const ast::Expr& t = *into[0];
    std::string elem = "record";
    if (t.kind == ast::ExprKind::Name) {
      size_t used = 0;
      if (const Symbol* sym = lookup_path(static_cast<const ast::NameExpr&>(t).parts, used); sym && sym->type.element)
        elem = sym->type.element->sql;
    }
    aggs = "COALESCE(array_agg(ROW(" + bulk_columns(cols) + ")::" + elem + "), '{}')";
    targets = expr(t);
    return true;
  }
  for (size_t i = 0; i < cols; ++i) {
    aggs += (i ? ", " : "") + std::string("COALESCE(array_agg(c") + std::to_string(i + 1) + "), '{}')";
    targets += (i ? ", " : "") + expr(*into[i]);
  }
  return true;
}

void Lowerer::raise(const ast::PlRaise& r, PgBody& out) {
  if (!r.exception) {
    if (!handler_depth_) item(plsql_codes::kNotConvertible, "RAISE without an exception outside a handler", r.span);
    out.push_back(PgStmt::simple("RAISE", r.span));
    return;
  }
  if (r.exception->kind != ast::ExprKind::Name) {
    item(plsql_codes::kNotConvertible, "RAISE " + sql::compact_text(r.exception->span), r.span);
    return;
  }
  auto& n = static_cast<const ast::NameExpr&>(*r.exception);
  ast::QualifiedName qn;
  qn.parts = n.parts;
  qn.span = n.span;
  if (!env_.profile->raise_using) {
    std::string msg = exception_message(qn);
    if (!msg.empty()) raise_value("EXCEPTION", msg, nullptr, out, r.span);
    return;
  }
  std::string errcode;
  std::string cond = exception_condition(qn, &errcode);
  std::string display;
  for (const auto& p : n.parts) display += (display.empty() ? "" : ".") + norm(p);
  if (!errcode.empty())
    out.push_back(PgStmt::simple("RAISE EXCEPTION USING ERRCODE = '" + errcode + "', MESSAGE = " +
                                     quote_literal(errcode.rfind("OU", 0) == 0 ? "User-Defined Exception (" + display + ")"
                                                                              : display),
                                 r.span));
  else if (cond != "OTHERS")
    out.push_back(PgStmt::simple("RAISE " + cond, r.span));
}

// EXECUTE IMMEDIATE: a literal text is converted like any statement; a computed one runs as
// written (an item says so). Oracle's :name placeholders become $1.. in order of appearance.
std::string Lowerer::dynamic_text(const ast::Expr& text, size_t binds, Span span, std::string* converted,
                                  std::string* deferred) const {
  if (deferred) deferred->clear();
  if (text.kind == ast::ExprKind::Literal) {
    auto& l = static_cast<const ast::LiteralExpr&>(text);
    std::string sqltext = rewrite::string_literal_value(l.text);
    SourceFile file(span.file ? span.file->path() : "<dynamic>", sqltext);
    Diagnostics diags;
    sql::ParsedScript parsed = sql::parse_script(file, diags);
    if (diags.error_count() == 0 && parsed.statements.size() == 1) {
      const ast::Statement& st = *parsed.statements[0];
      bool dml = st.kind == ast::StmtKind::Select || st.kind == ast::StmtKind::Insert || st.kind == ast::StmtKind::Update ||
                 st.kind == ast::StmtKind::Delete || st.kind == ast::StmtKind::Merge;
      // A table with its columns (not AS SELECT, OF type or a temporary table, whose meaning
      // differs) or a sequence: Oracle's types and options would fail on the target, so they
      // are converted as the schema's tables and sequences are.
      bool table = false, sequence = st.kind == ast::StmtKind::CreateSequence;
      if (st.kind == ast::StmtKind::CreateTable) {
        const auto& t = static_cast<const ast::CreateTable&>(st);
        table = !t.columns.empty() && !t.of_type && !t.global_temporary && !t.private_temporary;
      }
      if ((table || sequence) && binds == 0 && env_.schema_ddl)
        if (auto ddl = env_.schema_ddl(sqltext)) {
          const std::string what = std::string("dynamic CREATE ") + (table ? "TABLE" : "SEQUENCE");
          item(plsql_codes::kPattern,
               what + " converted as the schema's " + (table ? "tables are (types, keys, defaults" : "sequences are (bounds, options") +
                   " mapped to the target's)",
               span);
          // What converting it dropped or changed, as for the schema's own objects, said here.
          for (const auto& [code, message] : ddl->items) item(code.c_str(), what + ": " + message, span);
          if (converted) *converted = ddl->sql;
          return quote_literal(ddl->sql);
        }
      if (dml) {
        // Placeholders are bound by position (each occurrence its own), so :x → $n by where it
        // stands in the text, whatever order the writer prints things in.
        DynamicBinds placeholders(file);
        RewriteContext ctx;
        ctx.catalog = env_.catalog;
        ctx.object = object_;
        ctx.routine = &placeholders;
        ctx.other_relations = env_.views;
        RewriteResult r = convert_statement(st, dialect(), ctx);
        // Tables the code creates at run time, or expects may be missing: converted as if they
        // existed, and left to the run-time check, as Oracle leaves them.
        std::string why = r.convertible || !deferred ? "" : deferred_check(r.unknown_relations);
        if (!why.empty()) {
          std::set<std::string> known = r.unknown_relations;
          if (env_.views) known.insert(env_.views->begin(), env_.views->end());
          ctx.other_relations = &known;
          r = convert_statement(st, dialect(), ctx);
        }
        if (r.convertible && placeholders.count() == binds) {
          if (deferred) *deferred = why;
          if (converted) *converted = r.sql;
          return quote_literal(r.sql);
        }
      }
    }
    if (binds == 0) {
      item(plsql_codes::kDynamicSql, "dynamic statement kept as written: " + sqltext.substr(0, 80), span);
      return quote_literal(sqltext);
    }
  }
  if (binds > 0 && !env_.profile->execute_using) {
    item(plsql_codes::kTargetLacks,
         "dynamic SQL built at run time with USING binds: Redshift's EXECUTE has no USING; build the text with "
         "quote_literal() around each value",
         span);
    return expr(text);
  }
  if (binds > 0) {
    // Oracle binds dynamic SQL by position, so the k-th :placeholder of the text is $k: numbered
    // when the statement runs, by the support function (plsql_support.h).
    item(plsql_codes::kDynamicSql,
         "dynamic SQL built at run time with USING binds: executed as written, its :placeholders numbered $1… at run time",
         span);
    res_.needs_placeholders = true;
    return std::string(kPlaceholdersFunction) + "(" + expr(text) + ")";
  }
  item(plsql_codes::kDynamicSql, "dynamic SQL built at run time: " + sql::compact_text(text.span).substr(0, 80), span);
  return expr(text);
}

// Oracle checks a dynamic statement only when it runs, and code relies on that: it reads a table
// some unit creates at run time (EXECUTE IMMEDIATE 'CREATE TABLE …'), or one whose absence the
// enclosing block's handler expects (ORA-00942). plpgsql_check checks a literal EXECUTE as if it
// were static SQL and reports the missing table; the reason to leave such a statement to run time
// as Oracle does, or "" when some table it reads has neither excuse.
std::string Lowerer::deferred_check(const std::set<std::string>& unknown_relations) const {
  if (unknown_relations.empty()) return "";
  std::string names;
  bool all_created = true;
  for (const auto& t : unknown_relations) {
    names += (names.empty() ? "" : ", ") + t;
    all_created = all_created && env_.registry && env_.registry->runtime_tables.count(t);
  }
  if (all_created) return names + " is created at run time (EXECUTE IMMEDIATE 'CREATE TABLE …' in the converted code)";
  if (absence_handled_) return names + " may be missing, as the enclosing block's handler for ORA-00942 expects";
  return "";
}

// The text EXECUTE runs; on a target without USING (Redshift) a literal statement's binds are
// spliced into it (`spliced` says so, and then no USING clause follows).
std::string Lowerer::dynamic_statement(const ast::Expr& text, const std::vector<ast::CallArg>& using_args, Span span,
                                       bool* spliced, std::string* deferred) {
  std::string converted;
  std::string t = dynamic_text(text, using_args.size(), span, &converted, deferred);
  if (deferred && !deferred->empty())
    item(plsql_codes::kPattern,
         "dynamic statement checked when it runs, as in Oracle: " + *deferred +
             (env_.profile->checker_pragmas ? " (PERFORM 'PRAGMA:DISABLE:CHECK' in a block around it tells plpgsql_check so)" : ""),
         span);
  // The statement runs unchecked only where a checker reads the pragma.
  if (deferred && !env_.profile->checker_pragmas) deferred->clear();
  *spliced = !env_.profile->execute_using && !using_args.empty();
  if (*spliced && !converted.empty()) {
    std::vector<std::string> values;
    for (const auto& a : using_args) values.push_back(expr(*a.value));
    t = spliced_text(converted, values);
    item(plsql_codes::kPattern, "EXECUTE … USING on Redshift: the values are spliced into the text with quote_literal", span);
  }
  return t;
}

// IF <condition> THEN RAISE NO_DATA_FOUND (Redshift's SELECT INTO and EXECUTE … INTO do not raise).
PgStmt Lowerer::no_data_found_check(const std::string& condition, Span span) {
  PgStmt check;
  check.kind = PgKind::If;
  check.span = span;
  PgBody raise_body;
  raise_body.push_back(PgStmt::simple("RAISE EXCEPTION 'ORA-01403: no data found'", span));
  check.branches.emplace_back(condition, std::move(raise_body));
  return check;
}

// EXECUTE IMMEDIATE 'BEGIN :x := expr; END;' USING OUT x, IN a, …: PostgreSQL's EXECUTE gives
// values back only through INTO from a query, so the block becomes the query SELECT expr, its
// value going INTO x. Oracle binds a block's placeholders by name, each distinct name to the next
// USING argument ("EXECUTE IMMEDIATE Statement", PL/SQL Language Reference): with every name
// distinct and the assigned one first, that is the OUT argument first and the query's $1… the
// remaining arguments in order. The query text (empty when the form is another one);
// `out_arg` gets the OUT argument's position.
std::optional<std::string> Lowerer::dynamic_block_query(const ast::PlExecImmediate& e, size_t* out_arg) {
  if (e.text->kind != ast::ExprKind::Literal || !e.into.empty() || e.bulk_collect || e.using_args.empty()) return std::nullopt;
  for (size_t i = 1; i < e.using_args.size(); ++i)
    if (upper(e.using_args[i].name).find("OUT") != std::string::npos) return std::nullopt;
  std::string text = rewrite::string_literal_value(static_cast<const ast::LiteralExpr&>(*e.text).text);
  SourceFile block(e.span.file ? e.span.file->path() : "<dynamic>", text);
  std::vector<sql::Token> t;
  for (const auto& tok : sql::tokenize(block))
    if (tok.kind != sql::TokenKind::Comment && tok.kind != sql::TokenKind::End) t.push_back(tok);
  // BEGIN :x := expr ; END [;]
  size_t n = t.size();
  if (n > 0 && t[n - 1].kind == sql::TokenKind::Semicolon) --n;
  if (n < 7 || upper(std::string(t[0].text)) != "BEGIN" || t[1].kind != sql::TokenKind::Bind ||
      t[2].kind != sql::TokenKind::Assign || upper(std::string(t[n - 1].text)) != "END" || t[n - 2].kind != sql::TokenKind::Semicolon)
    return std::nullopt;
  std::set<std::string> names;
  for (size_t i = 1; i < n - 2; ++i) {
    if (t[i].kind == sql::TokenKind::Semicolon) return std::nullopt;  // more than one statement
    if (t[i].kind == sql::TokenKind::Bind && !names.insert(upper(std::string(t[i].text))).second) return std::nullopt;
  }
  if (names.size() != e.using_args.size()) return std::nullopt;
  std::string query = "SELECT " + text.substr(t[3].span.begin, t[n - 2].span.begin - t[3].span.begin) + " FROM dual";
  SourceFile file(block.path(), query);
  Diagnostics diags;
  sql::ParsedScript parsed = sql::parse_script(file, diags);
  if (diags.error_count() != 0 || parsed.statements.size() != 1 || parsed.statements[0]->kind != ast::StmtKind::Select)
    return std::nullopt;
  BlockNames placeholders(
      file,
      [&](const ast::NameExpr& n) -> std::optional<std::string> {
        size_t used = 0;
        const Symbol* s = n.parts.size() >= 2 ? lookup_path(n.parts, used) : nullptr;
        if (!s || used != n.parts.size() || (s->kind != SymbolKind::PackageVariable && s->kind != SymbolKind::PackageConstant))
          return std::nullopt;
        return s->ref;
      },
      [&](const ast::CallExpr& c, rewrite::SqlWriter& w) -> std::optional<std::string> {
        std::vector<std::string> parts;
        for (const auto& p : c.name) parts.push_back(norm(p));
        const std::vector<RoutineDecl>* routines = routines_for(parts);
        if (!routines || routines->empty()) return std::nullopt;
        return routine_call(parts, &c, false, e.span, &w, nullptr);
      });
  RewriteContext ctx;
  ctx.catalog = env_.catalog;
  ctx.object = object_;
  ctx.routine = &placeholders;
  RewriteResult r = convert_statement(*parsed.statements[0], dialect(), ctx);
  if (!r.convertible || placeholders.unresolved() || placeholders.count() + 1 != e.using_args.size()) return std::nullopt;
  *out_arg = 0;
  return quote_literal(r.sql);
}

void Lowerer::execute_immediate(const ast::PlExecImmediate& e, PgBody& out) {
  // A literal PL/SQL block without binds (Logger's 'begin dbms_output.enable(1000000); end;'):
  // its text is known, so it is converted and run in place as a nested block.
  if (e.text->kind == ast::ExprKind::Literal && e.using_args.empty() && e.into.empty() && e.returning_into.empty() &&
      env_.cond && env_.profile->raise_using) {
    std::string why;
    if (const ast::PlBlock* b = env_.cond->parse_literal_block(e.text->span, why)) {
      item(plsql_codes::kPattern,
           "EXECUTE IMMEDIATE of a literal PL/SQL block: converted and run in place as a nested block (its names "
           "resolve as the routine's would)",
           e.span);
      PgStmt p;
      p.kind = PgKind::Block;
      p.span = e.span;
      p.block = std::make_shared<PgBlock>();
      scope_.push("");
      block(*b, *p.block);
      scope_.pop();
      out.push_back(std::move(p));
      return;
    }
  }
  size_t out_arg = 0;
  bool has_out = false;
  for (const auto& a : e.using_args) has_out = has_out || upper(a.name).find("OUT") != std::string::npos;
  if (has_out && env_.profile->execute_using) {
    auto q = dynamic_block_query(e, &out_arg);
    // INTO needs a variable: a package variable (read through its function) keeps the item below.
    std::string into = q ? expr(*e.using_args[out_arg].value) : "";
    if (q && into.find("()") == std::string::npos) {
      std::string s = "EXECUTE " + *q + " INTO " + into;
      for (size_t i = 0, k = 0; i < e.using_args.size(); ++i)
        if (i != out_arg) s += (k++ ? ", " : " USING ") + expr(*e.using_args[i].value);
      item(plsql_codes::kPattern, "EXECUTE IMMEDIATE of a block :x := expression with USING OUT: run as the query SELECT expression INTO x",
           e.span);
      out.push_back(PgStmt::simple(s, e.span));  // a block is not a DML statement: SQL%ROWCOUNT stays
      return;
    }
  }
  // A block joined at run time around a procedure name, or a literal one with binds: in place.
  if (e.into.empty() && e.returning_into.empty() && !e.bulk_collect && dialect() == Dialect::Postgres &&
      (e.text->kind != ast::ExprKind::Literal || !e.using_args.empty())) {
    std::vector<RuntimeBind> binds;
    for (const auto& a : e.using_args) {
      std::string mode = upper(std::string(a.name));
      bool is_out = mode.find("OUT") != std::string::npos, is_in = mode.empty() || mode.find("IN") != std::string::npos;
      binds.push_back({"", is_in ? a.value.get() : nullptr, is_out ? a.value.get() : nullptr});
    }
    if (runtime_block(*e.text, binds, e.span, out)) {
      item(plsql_codes::kPattern,
           "EXECUTE IMMEDIATE of a PL/SQL block known here: converted and run in place as a nested block, each "
           "USING argument read and written where the block names its placeholder",
           e.span);
      return;
    }
  }
  bool splice = false;
  std::string deferred;
  std::string t = dynamic_statement(*e.text, e.using_args, e.span, &splice, &deferred);
  std::string s = "EXECUTE " + t;
  if (!e.into.empty()) {
    if (e.bulk_collect) return dynamic_bulk_collect(e, t, splice, !deferred.empty(), out);
    s += env_.profile->select_into_strict ? " INTO STRICT " : " INTO ";
    for (size_t i = 0; i < e.into.size(); ++i) s += (i ? ", " : "") + expr(*e.into[i]);
  }
  if (!e.returning_into.empty()) item(plsql_codes::kNotConvertible, "EXECUTE IMMEDIATE … RETURNING INTO", e.span);
  if (!e.using_args.empty() && !splice) {
    s += " USING ";
    for (size_t i = 0; i < e.using_args.size(); ++i) {
      std::string mode = upper(e.using_args[i].name);
      if (mode.find("OUT") != std::string::npos)
        item(plsql_codes::kNotConvertible,
             std::string("EXECUTE IMMEDIATE … USING ") + (mode.find("IN") != std::string::npos ? "IN OUT" : "OUT") + " " +
                 sql::compact_text(e.using_args[i].value->span) +
                 (e.text->kind == ast::ExprKind::Literal
                      ? ": PostgreSQL's EXECUTE returns values only through INTO; only a literal block "
                        "BEGIN :x := expression; END; is converted, its placeholders distinct, :x the first USING argument, "
                        "its names package variables, converted routines or built-ins"
                      : ": the PL/SQL block is built at run time, and PostgreSQL's EXECUTE returns values only through INTO "
                        "from a query; build a query instead (EXECUTE 'SELECT …' INTO x USING …)"),
             e.using_args[i].value->span);
      s += (i ? ", " : "") + expr(*e.using_args[i].value);
    }
  }
  out.push_back(unchecked(PgStmt::simple(s, e.span), !deferred.empty()));
  after_sql(out, e.span);
  if (!e.into.empty() && !env_.profile->select_into_strict) {
    // EXECUTE sets ROW_COUNT, not FOUND: no row is NO_DATA_FOUND as in Oracle.
    std::string n = local_variable("orashift_n", "bigint", e.span);
    out.push_back(PgStmt::simple("GET DIAGNOSTICS " + n + " = ROW_COUNT", e.span));
    out.push_back(no_data_found_check(n + " = 0", e.span));
  }
}

// EXECUTE IMMEDIATE q BULK COLLECT INTO a[, b…] USING …: the query's columns are not known here, so
// its rows are walked (FOR x[, y…] IN EXECUTE assigns them by position) and appended in order.
void Lowerer::dynamic_bulk_collect(const ast::PlExecImmediate& e, const std::string& text, bool splice, bool deferred,
                                   PgBody& out) {
  if (!current_block_) {
    item(plsql_codes::kCollection, "EXECUTE IMMEDIATE … BULK COLLECT INTO outside a block", e.span);
    return;
  }
  std::vector<std::string> targets, temps;
  for (const auto& t : e.into) {
    const Symbol* sym = nullptr;
    size_t used = 0;
    if (t->kind == ast::ExprKind::Name) sym = lookup_path(static_cast<const ast::NameExpr&>(*t).parts, used);
    bool plain = sym && used == static_cast<const ast::NameExpr&>(*t).parts.size() && sym->kind != SymbolKind::PackageVariable;
    if (!plain || sym->type.shape != Shape::Array || !sym->type.element || sym->type.element->sql.empty()) {
      item(plsql_codes::kCollection, "EXECUTE IMMEDIATE … BULK COLLECT INTO " + sql::compact_text(t->span) +
                                         " (a collection variable of this routine is needed)", t->span);
      return;
    }
    targets.push_back(expr(*t));
    std::string tmp = quote_ident("orashift_bulk" + std::to_string(++temp_count_));
    current_block_->decls.push_back({tmp + " " + sym->type.element->sql, e.span});
    temps.push_back(tmp);
  }
  std::string loop = "FOR ";
  for (size_t i = 0; i < temps.size(); ++i) loop += (i ? ", " : "") + temps[i];
  loop += " IN EXECUTE " + text;
  if (!e.using_args.empty() && !splice) {
    loop += " USING ";
    for (size_t i = 0; i < e.using_args.size(); ++i) {
      if (upper(e.using_args[i].name).find("OUT") != std::string::npos)
        item(plsql_codes::kNotConvertible, "EXECUTE IMMEDIATE … USING OUT argument", e.using_args[i].value->span);
      loop += (i ? ", " : "") + expr(*e.using_args[i].value);
    }
  }
  for (const auto& t : targets) out.push_back(PgStmt::simple(t + " := '{}'", e.span));
  PgStmt l;
  l.kind = PgKind::Loop;
  l.span = e.span;
  l.text = loop;
  for (size_t i = 0; i < targets.size(); ++i)
    l.body.push_back(PgStmt::simple(targets[i] + " := array_append(" + targets[i] + ", " + temps[i] + ")", e.span));
  out.push_back(unchecked(std::move(l), deferred));
  if (uses_sql_attributes_)
    out.push_back(PgStmt::simple(quote_ident("sql%rowcount") + " := COALESCE(cardinality(" + targets[0] + "), 0)", e.span));
}

void Lowerer::open(const ast::PlOpen& o, PgBody& out) {
  if (env_.profile->one_open_cursor && open_cursors_ > 0)
    item(plsql_codes::kTargetLacks,
         "OPEN inside a cursor loop: Redshift allows one open cursor per session (stored-procedure-constraints); "
         "make both one query",
         o.span);
  if (o.has_for) {
    std::string c = expr(*o.cursor);
    if (o.query) {
      out.push_back(PgStmt::simple("OPEN " + c + " FOR " + query(*o.query), o.span));
    } else {
      bool splice = false;
      std::string deferred;
      std::string t = dynamic_statement(*o.dynamic, o.using_args, o.span, &splice, &deferred);
      std::string s = "OPEN " + c + " FOR EXECUTE " + t;
      if (!o.using_args.empty() && !splice) {
        s += " USING ";
        for (size_t i = 0; i < o.using_args.size(); ++i) s += (i ? ", " : "") + expr(*o.using_args[i].value);
      }
      out.push_back(unchecked(PgStmt::simple(s, o.span), !deferred.empty()));
    }
    if (o.cursor->kind == ast::ExprKind::Name && static_cast<const ast::NameExpr&>(*o.cursor).parts.size() == 1) {
      std::string on = norm(static_cast<const ast::NameExpr&>(*o.cursor).parts[0]);
      if (cursor_variable(scope_.find(on))) {
        out.push_back(PgStmt::simple(quote_ident(target_name(on) + "%found") + " := NULL", o.span));
        out.push_back(PgStmt::simple(quote_ident(target_name(on) + "%rowcount") + " := 0", o.span));
      }
    }
    return;
  }
  std::vector<ast::Ident> ids;
  const ast::CallExpr* call = nullptr;
  if (o.cursor->kind == ast::ExprKind::Name) ids = static_cast<const ast::NameExpr&>(*o.cursor).parts;
  if (o.cursor->kind == ast::ExprKind::Call) {
    call = &static_cast<const ast::CallExpr&>(*o.cursor);
    ids = call->name;
  }
  const Symbol* cs = ids.size() == 1 ? scope_.find(norm(ids[0])) : nullptr;
  if (!cs || cs->kind != SymbolKind::Cursor || !cs->cursor) {
    item(plsql_codes::kNotConvertible, "OPEN " + sql::compact_text(o.cursor->span) + " (a cursor not declared in this unit)", o.span);
    return;
  }
  std::string args;
  if (call)
    for (size_t i = 0; i < call->args.size(); ++i) {
      if (i) args += ", ";
      if (!call->args[i].name.empty()) args += q(normalize_identifier(call->args[i].name)) + " := ";
      args += expr(*call->args[i].value);
    }
  std::string n = target_name(norm(ids[0]));
  out.push_back(PgStmt::simple("OPEN " + cs->ref + (call ? "(" + args + ")" : ""), o.span));
  out.push_back(PgStmt::simple(quote_ident(n + "%isopen") + " := TRUE", o.span));
  out.push_back(PgStmt::simple(quote_ident(n + "%rowcount") + " := 0", o.span));
}

void Lowerer::fetch(const ast::PlFetch& f, PgBody& out) {
  std::string c = expr(*f.cursor);
  if (f.bulk_collect) {
    // FETCH c BULK COLLECT INTO a [, b…] [LIMIT n]: rows appended one by one (at most n), the
    // row's i-th column to the i-th collection (PL/SQL Language Reference, "FETCH Statement":
    // "collection ... to which you want to fetch the values of the corresponding column").
    if (f.into.size() == 1 && bulk_into_map(f.into, f.span)) return;
    std::vector<std::string> targets, rows;
    for (const auto& t : f.into) {
      std::string elem;
      if (t->kind == ast::ExprKind::Name) {
        size_t used = 0;
        if (const Symbol* s = lookup_path(static_cast<const ast::NameExpr&>(*t).parts, used);
            s && s->type.element && (f.into.size() == 1 || s->type.shape == Shape::Array))
          elem = s->type.element->sql;
      }
      if (elem.empty() || !current_block_) {
        item(plsql_codes::kCollection,
             f.into.size() == 1 ? "FETCH … BULK COLLECT INTO a target whose element type is not known"
                                : "FETCH … BULK COLLECT INTO " + sql::compact_text(t->span) + ": not a collection variable whose element type is known",
             f.span);
        return;
      }
      targets.push_back(expr(*t));
      std::string row = quote_ident("orashift_row" + std::to_string(++loop_records_));
      current_block_->decls.push_back({row + " " + elem, f.span});
      rows.push_back(row);
    }
    const std::string& target = targets[0];
    PgStmt l;
    l.kind = PgKind::Loop;
    l.span = f.span;
    for (const auto& t : targets) out.push_back(PgStmt::simple(t + " := '{}'", f.span));
    if (f.limit) l.text = "WHILE COALESCE(cardinality(" + target + "), 0) < " + expr(*f.limit);
    std::string into;
    for (const auto& r : rows) into += (into.empty() ? "" : ", ") + r;
    l.body.push_back(PgStmt::simple("FETCH " + c + " INTO " + into, f.span));
    l.body.push_back(PgStmt::simple("EXIT WHEN NOT FOUND", f.span));
    for (size_t i = 0; i < targets.size(); ++i)
      l.body.push_back(PgStmt::simple(targets[i] + " := " + targets[i] + " || " + rows[i], f.span));
    out.push_back(std::move(l));
    if (f.cursor->kind == ast::ExprKind::Name) {
      std::string n = target_name(norm(static_cast<const ast::NameExpr&>(*f.cursor).parts.back()));
      const Symbol* cs = scope_.find(norm(static_cast<const ast::NameExpr&>(*f.cursor).parts.back()));
      if (cs && (cs->cursor || cursor_variable(cs))) {
        out.push_back(PgStmt::simple(quote_ident(n + "%rowcount") + " := " + quote_ident(n + "%rowcount") + " + COALESCE(cardinality(" + target + "), 0)", f.span));
        // With LIMIT, a batch smaller than the limit reached the end: %NOTFOUND is TRUE after it
        // although it fetched rows (the reason Oracle's examples test COUNT, not %NOTFOUND, first).
        std::string bound = f.limit ? "(" + expr(*f.limit) + ")" : std::string("0");
        out.push_back(PgStmt::simple(quote_ident(n + "%found") + " := COALESCE(cardinality(" + target + "), 0) " +
                                         (f.limit ? ">= " : "> ") + bound, f.span));
      }
    }
    return;
  }
  std::string s = "FETCH " + c + " INTO ";
  for (const auto& t : f.into)
    if (map_element(*t)) {
      item(plsql_codes::kCollection, "FETCH INTO an element of an associative array: fetch into a local first", t->span);
      return;
    }
  for (size_t i = 0; i < f.into.size(); ++i) s += (i ? ", " : "") + expr(*f.into[i]);
  out.push_back(PgStmt::simple(s, f.span));
  if (f.cursor->kind == ast::ExprKind::Name) {
    std::string on = norm(static_cast<const ast::NameExpr&>(*f.cursor).parts.back());
    const Symbol* cs = scope_.find(on);
    if (cs && ((cs->kind == SymbolKind::Cursor && cs->cursor) || cursor_variable(cs))) {
      std::string n = target_name(on);
      out.push_back(PgStmt::simple(quote_ident(n + "%found") + " := FOUND", f.span));
      out.push_back(PgStmt::simple(quote_ident(n + "%rowcount") + " := " + quote_ident(n + "%rowcount") + " + (CASE WHEN FOUND THEN 1 ELSE 0 END)", f.span));
    }
  }
}

// FORALL i IN lo..hi dml → a loop running the statement per element; SQL%ROWCOUNT summed.
void Lowerer::forall(const ast::PlForall& f, PgBody& out) {
  if (f.save_exceptions) item(plsql_codes::kNotConvertible, "FORALL … SAVE EXCEPTIONS (SQL%BULK_EXCEPTIONS)", f.span);
  if (!f.bounds_kind.empty()) {
    item(plsql_codes::kCollection, "FORALL … " + upper(f.bounds_kind) + " OF (sparse collections)", f.span);
    return;
  }
  PgStmt l;
  l.kind = PgKind::Loop;
  l.span = f.span;
  scope_.push();
  Symbol s;
  s.kind = SymbolKind::LoopIndex;
  s.ref = q(norm(f.index));
  s.type.sql = "integer";
  s.type.value = rewrite::ValueType::Number;
  scope_.add(norm(f.index), s);
  l.text = "FOR " + q(norm(f.index)) + " IN " + expr(*f.low) + ".." + expr(*f.high);
  bool saved = uses_sql_attributes_;
  uses_sql_attributes_ = false;
  stmt(*f.body, l.body);
  uses_sql_attributes_ = saved;
  if (saved) {
    std::string n = local_variable("orashift_n", "bigint", f.span);
    out.push_back(PgStmt::simple(quote_ident("sql%rowcount") + " := 0", f.span));
    l.body.push_back(PgStmt::simple("GET DIAGNOSTICS " + n + " = ROW_COUNT", f.span));
    l.body.push_back(PgStmt::simple(quote_ident("sql%rowcount") + " := " + quote_ident("sql%rowcount") + " + " + n, f.span));
  }
  scope_.pop();
  out.push_back(std::move(l));
}

// $IF inside an expression, settled as the statement-level $IF is (lower_stmt's CondComp case).
std::optional<int> Lowerer::conditional_branch(const std::vector<const ast::Expr*>& conditions, std::string& why) const {
  if (!env_.cond) return std::nullopt;
  return env_.cond->choose(conditions, unit_name(), why);
}

}  // namespace orashift::plsql
