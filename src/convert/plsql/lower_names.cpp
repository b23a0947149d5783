// Names inside a unit: what the query writer asks the routine (variables, record fields,
// package state, collections, cursor attributes, :NEW/:OLD, calls of other units and of the
// built-in packages), and the helpers that send expressions and SQL through the writer.
#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "convert/plsql/builtin_support.h"
#include "convert/plsql/codes.h"
#include "convert/plsql/lowerer.h"
#include "convert/plsql/overloads.h"
#include "convert/query/sql_writer.h"
#include "convert/query/xml_sql.h"
#include "common/naming.h"
#include "sql/parser.h"

namespace orashift::plsql {

using rewrite::upper;
using rewrite::ValueType;

namespace {

std::string q(const std::string& oracle_name) { return quote_ident(target_name(oracle_name)); }

// A postfix selector chain as its parts: ".a.b" → [a, b] (fields), "%ROWCOUNT" → ["%ROWCOUNT"].
std::vector<std::string> selector_parts(std::string_view text) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    if (c == '.' || c == '%') {
      size_t j = i + 1;
      while (j < text.size() && (text[j] == ' ')) ++j;
      size_t k = j;
      if (k < text.size() && text[k] == '"') {
        k = text.find('"', k + 1);
        k = k == std::string_view::npos ? text.size() : k + 1;
      } else {
        while (k < text.size() && (std::isalnum(static_cast<unsigned char>(text[k])) || text[k] == '_' ||
                                   text[k] == '$' || text[k] == '#'))
          ++k;
      }
      std::string part(text.substr(j, k - j));
      out.push_back(c == '%' ? "%" + upper(part) : normalize_identifier(part));
      i = k;
      continue;
    }
    out.push_back(std::string(text.substr(i)));  // (i) and anything else: not modelled
    break;
  }
  return out;
}

}  // namespace

Lowerer::Lowerer(const Environment& env, std::string object, std::string package, UnitResult& result)
    : env_(env), object_(std::move(object)), package_(std::move(package)), res_(result) {
  scope_.push();
}

void Lowerer::item(const char* code, const std::string& message, Span span) const {
  res_.items.add(code, object_, message, span, dialect_name(dialect()));
  const ActionItemKind* k = find_action_item_kind(code);
  if (k && k->severity >= ItemSeverity::High && !res_.blocked) {
    res_.blocked = true;
    res_.block_code = code;
  }
}

static void take_items(const RewriteResult& r, UnitResult& res) {
  res.dictionary_views.insert(r.dictionary_views.begin(), r.dictionary_views.end());
  for (const auto& i : r.items.items()) {
    res.items.add(i.kind->code, i.object, i.message, i.span, i.target);
  }
  if (!r.convertible && !res.blocked) {
    res.blocked = true;
    if (r.first_breaking && *r.first_breaking < r.items.items().size()) {  // the item that broke it, not a note before it
      const auto& i = r.items.items()[*r.first_breaking];
      res.block_code = i.kind->code;
      res.block_message = i.message;
      res.block_span = i.span;
      return;
    }
    for (const auto& i : r.items.items())
      if (i.kind->severity >= ItemSeverity::Medium) {
        res.block_code = i.kind->code;
        break;
      }
    if (res.block_code.empty()) res.block_code = r.items.items().empty() ? "OS4013" : r.items.items()[0].kind->code;
  }
}

static RewriteContext context_for(const Lowerer* self, const Environment& env, const std::string& object) {
  RewriteContext ctx;
  ctx.catalog = env.catalog;
  ctx.object = object;
  ctx.routine = self;
  ctx.dictionary_views = env.profile->dictionary_views;
  ctx.other_relations = env.views;
  return ctx;
}

void Lowerer::absorb(const RewriteResult& r) const { take_items(r, res_); }

RewriteContext Lowerer::writer_context() const { return context_for(this, env_, object_); }

std::string Lowerer::expr(const ast::Expr& e) const {
  RewriteResult r = convert_expression(e, dialect(), context_for(this, env_, object_));
  take_items(r, res_);
  return r.sql;
}

std::string Lowerer::sql_statement(const ast::Statement& s) const {
  RewriteResult r = convert_statement(s, dialect(), context_for(this, env_, object_));
  take_items(r, res_);
  return r.sql;
}

std::string Lowerer::query(const ast::Query& qy) const {
  RewriteResult r = convert_query(qy, dialect(), context_for(this, env_, object_));
  take_items(r, res_);
  return r.sql;
}

std::string Lowerer::sqlcode_text() const {
  if (handler_depth_ == 0) return "0";
  if (!env_.profile->raise_using)
    // Redshift: converted code raises with Oracle's code first in the message (lower_redshift.cpp).
    return "(CASE WHEN SQLERRM LIKE 'ORA-01403:%' THEN 100 WHEN SQLERRM ~ '^ORA-[0-9]{5}:' THEN -(substr(SQLERRM, 5, 5)::integer) "
           "WHEN SQLERRM ~ '^O[UE][0-9A-Z]{3}:' THEN 1 WHEN SQLSTATE = '22012' THEN -1476 WHEN SQLSTATE = '22P02' THEN -1722 "
           "WHEN SQLSTATE = '23502' THEN -1400 ELSE -6502 END)";
  // Oracle's numbers for the conditions the converter maps (docs/plsql.md), user-defined 1.
  std::string call = helper_call("orashift_sqlcode", "SQLSTATE, SQLERRM");
  // An EXCEPTION_INIT code with no PostgreSQL counterpart has a SQLSTATE of its own ('OE' + a
  // hash): the codes this unit and the source's packages declare, back to their number.
  std::map<std::string, long> own = unmapped_codes_;
  own.insert(env_.registry->unmapped_exception_codes.begin(), env_.registry->unmapped_exception_codes.end());
  if (own.empty()) return call;
  std::string cases;
  for (const auto& [state, code] : own) cases += " WHEN '" + state + "' THEN " + std::to_string(code);
  return "(CASE SQLSTATE" + cases + " ELSE " + call + " END)";
}

// The symbol the leading parts name (`used` = how many parts it took: v, label.v, proc.p, pkg.v).
const Symbol* Lowerer::lookup_path(const std::vector<ast::Ident>& parts, size_t& used) const {
  std::string first = norm(parts[0]);
  if (parts.size() >= 2) {
    std::string second = norm(parts[1]);
    if (scope_.has_label(first))
      if (const Symbol* s = scope_.find_in(first, second)) {
        used = 2;
        return s;
      }
    if (!scope_.find(first))
      if (const PackageDecls* p = env_.registry->package(first)) {
        // pkg.v from another unit (or the package's own qualified name): its package frame symbol.
        if (first == package_)
          if (const Symbol* s = scope_.find(second)) {
            used = 2;
            return s;
          }
        auto v = p->variables.find(second);
        if (v != p->variables.end()) {
          // Another package's variable: its symbol made once per unit (a map keeps its address).
          std::string key = first + "." + second;
          auto known = foreign_symbols_.find(key);
          if (known == foreign_symbols_.end()) {
            Symbol s;
            s.kind = v->second->constant ? SymbolKind::PackageConstant : SymbolKind::PackageVariable;
            if (v->second->constant) s.value = v->second->default_value.get();
            s.ref = q(first) + "." + q(second) + "()";
            s.setter = q(first) + "." + quote_ident(target_name(second) + "$set");
            if (foreign_frames_ < 3) {
              // Typed as its package declares it (a type of its own package, unqualified there).
              auto self = const_cast<Lowerer*>(this);
              ++self->foreign_frames_;
              self->add_package_frame(*p, nullptr);
              s.type = resolve_type(v->second->type);
              scope_.pop();
              --self->foreign_frames_;
            } else {
              s.type = resolve_type(v->second->type);
            }
            known = foreign_symbols_.emplace(key, std::move(s)).first;
          }
          used = 2;
          return &known->second;
        }
      }
  }
  if (const Symbol* s = scope_.find(first)) {
    used = 1;
    return s;
  }
  return nullptr;
}

std::string Lowerer::cursor_attribute(const std::string& cursor, const std::string& attr, Span span) const {
  std::string c = target_name(cursor);
  if (cursor == "SQL") {
    if (attr == "%ROWCOUNT") return quote_ident("sql%rowcount");
    if (attr == "%FOUND") return "(" + quote_ident("sql%rowcount") + " > 0)";
    if (attr == "%NOTFOUND") return "(" + quote_ident("sql%rowcount") + " = 0)";
    if (attr == "%ISOPEN") return "FALSE";
    item(plsql_codes::kNotConvertible, "SQL" + attr + " (FORALL attributes) is not converted", span);
    return "NULL";
  }
  if (attr == "%FOUND") return quote_ident(c + "%found");
  if (attr == "%NOTFOUND") return "(NOT " + quote_ident(c + "%found") + ")";
  if (attr == "%ROWCOUNT") return quote_ident(c + "%rowcount");
  if (attr == "%ISOPEN" && cursor_variable(scope_.find(cursor))) {
    // A cursor variable is open while the server holds its portal (the variable keeps the name).
    if (dialect() == Dialect::Postgres)
      return "COALESCE((" + quote_ident(c) + ")::text IN (SELECT name FROM pg_catalog.pg_cursors), FALSE)";
    item(plsql_codes::kTargetLacks, "%ISOPEN of a cursor variable: " + std::string(dialect_name(dialect())) +
                                        " has no view of open cursors here; keep a flag beside the variable", span);
    return "NULL";
  }
  if (attr == "%ISOPEN") return quote_ident(c + "%isopen");
  item(plsql_codes::kNotConvertible, "cursor attribute " + attr, span);
  return "NULL";
}

std::optional<std::string> Lowerer::name(const ast::NameExpr& n, rewrite::SqlWriter& w) const {
  if (n.parts.empty()) return std::nullopt;
  if (auto j = json_member(n.parts, nullptr, n.span, w)) return j;  // jo.get_keys, arr.get_size
  std::string first = norm(n.parts[0]);
  if (n.parts.size() == 1 && first.rfind("$$", 0) == 0) {
    // Inquiry directives ("Conditional Compilation", PL/SQL Language Reference): $$PLSQL_UNIT is
    // the unit's name (a package's or type's for its members), $$PLSQL_LINE the line; one that
    // nobody set is NULL, as cond_comp.cpp reads them.
    if (first == "$$PLSQL_UNIT") {
      std::string unit = package_.empty() ? object_.substr(object_.rfind(' ') + 1) : package_;
      return quote_literal(unit.substr(0, unit.find('.')));
    }
    if (first == "$$PLSQL_LINE" && n.span.file) return std::to_string(n.span.file->line_of(n.span.begin));
    if (first == "$$PLSQL_UNIT_OWNER") return "upper(current_user)";
    return std::string("NULL");
  }
  if (n.parts.size() == 1) {
    if (first == "SQLCODE") return sqlcode_text();
    if (first == "SQLERRM") return handler_depth_ ? "SQLERRM" : "'ORA-0000: normal, successful completion'";
    if (trigger_) {
      if (first == "INSERTING") return "(TG_OP = 'INSERT')";
      if (first == "UPDATING") return "(TG_OP = 'UPDATE')";
      if (first == "DELETING") return "(TG_OP = 'DELETE')";
    }
    if (first == "TRUE" || first == "FALSE") return first;
    if (dialect() == Dialect::Postgres && !scope_.find(first)) {
      // Event attribute functions ("Event Attribute Functions", PL/SQL Language Reference): the
      // session's facts where PostgreSQL has them; the event's own (object, event name) exist only
      // inside a system trigger, which is not converted (OS6001 on it): NULL, as Oracle returns
      // outside one.
      if (first == "ORA_LOGIN_USER") return std::string("upper(session_user)");
      if (first == "ORA_DATABASE_NAME") return std::string("upper(current_database())");
      static const std::set<std::string> event_only = {"ORA_DICT_OBJ_OWNER", "ORA_DICT_OBJ_NAME", "ORA_DICT_OBJ_TYPE",
                                                       "ORA_SYSEVENT", "ORA_DICT_OBJ_OWNER_LIST", "ORA_DICT_OBJ_NAME_LIST"};
      if (event_only.count(first)) {
        item(plsql_codes::kBehaviour,
             first + " outside a system trigger is NULL (as in Oracle); a PostgreSQL event trigger calling this code must "
                     "pass pg_event_trigger_ddl_commands()'s values instead",
             n.span);
        return std::string("NULL::text");
      }
    }
  }
  if (trigger_ && trigger_->when_clause && n.parts.size() >= 2 &&
      (first == trigger_->new_name || first == trigger_->old_name)) {
    // WHEN (new.x > 0): the trigger's WHEN clause names the rows without a colon.
    std::string out = first == trigger_->new_name ? "NEW" : "OLD";
    for (size_t i = 1; i < n.parts.size(); ++i) out += "." + q(norm(n.parts[i]));
    return out;
  }
  size_t used = 0;
  const Symbol* s = lookup_path(n.parts, used);
  // obj.m / SELF.m / m inside a method: a member function without arguments.
  if ((!s || used < n.parts.size()) && (n.parts.size() >= 2 || !method_type_.empty())) {
    bool field = false;
    if (s) {
      const TypeInfo* t = &s->type;
      for (size_t i = used; i < n.parts.size() && t; ++i) {
        const Field* f = t->field(norm(n.parts[i]));
        t = f ? &f->type : nullptr;
      }
      field = t != nullptr;
    }
    if (!field)
      if (auto o = object_call(n.parts, nullptr, false, n.span, w)) return o;
  }
  if (!s) {
    // f / pkg.f without parentheses: a call of a function without arguments.
    std::vector<std::string> parts;
    for (const auto& p : n.parts) parts.push_back(norm(p));
    bool local = parts.size() == 1 && local_routines_.count(parts[0]);
    if (local || env_.registry->routines_named(parts, package_)) return routine_call(parts, nullptr, false, n.span, &w);
    if (parts.size() >= 2 && parts.front() == "SYS") parts.erase(parts.begin());
    if (parts.size() == 2 && parts[0] == "DBMS_LOB") return dbms_lob_constant(parts[1], n.span);
    // Another built-in package's constant or argument-less function (UTL_TCP.CRLF, DBMS_SQL.NATIVE):
    // converted where known, else an item, never a column of a table named after the package.
    if (parts.size() == 2 && !scope_.find(parts[0]))
      if (auto b = builtin_package_call(parts, nullptr, false, n.span, w)) return b;
    return std::nullopt;
  }
  if (s->kind == SymbolKind::Exception || s->kind == SymbolKind::Type) return std::nullopt;
  std::string out = s->ref;
  const TypeInfo* t = &s->type;
  if (t->boxed) {  // an attribute held as jsonb, named bare in a method
    out = boxed_read(out, *t, assignment_target_, n.span);
    t = &boxed_types_.emplace_back(boxed_complete(*t));
  }
  for (size_t i = used; i < n.parts.size(); ++i) {
    std::string part = norm(n.parts[i]);
    if (t->shape == Shape::Map) return map_method(*t, out, part, {}, n.span).value_or(out);
    if (t->shape == Shape::Array) {
      if (part == "COUNT") return "COALESCE(cardinality(" + out + "), 0)";
      if (part == "FIRST") return "(CASE WHEN cardinality(" + out + ") > 0 THEN array_lower(" + out + ", 1) END)";
      if (part == "LAST") return "(CASE WHEN cardinality(" + out + ") > 0 THEN array_upper(" + out + ", 1) END)";
      if (part == "LIMIT") return "NULL";
      item(plsql_codes::kCollection, "collection method " + part + " in an expression", n.span);
      return out;
    }
    if (t->shape == Shape::Row || s->kind == SymbolKind::LoopRecord) {
      const Field* f = t->field(part);
      // r.f.g in an expression is (r.f).g: PostgreSQL reads a.b.c as table.column.field. An
      // assignment target keeps a.b.c, which PL/pgSQL assigns through.
      // An attribute named bare in a method is already "self"."a": its field is ("self"."a").f.
      bool wrap = out.find('(') != std::string::npos || ((i > used || out.find("\".\"") != std::string::npos) && !assignment_target_);
      out = (wrap ? "(" + out + ")" : out) + "." + (f ? f->ref() : q(part));
      if (!f) {
        if (!t->fields.empty() && t->sql != "record")
          item(plsql_codes::kNotConvertible, "no field " + part + " in " + sql::compact_text(n.span), n.span);
        static const TypeInfo unknown;
        t = &unknown;
        continue;
      }
      t = &f->type;
      if (t->boxed) {
        out = boxed_read(out, *t, assignment_target_, n.span);
        t = &boxed_types_.emplace_back(boxed_complete(*t));
      }
      continue;
    }
    return std::nullopt;  // v.x on a scalar: not the routine's (e.g. a table alias named like a variable)
  }
  return out;
}

// An OUT argument `a` (the argument `arg` printed) that PostgreSQL cannot write as it is — a
// variable of another SQL type than the parameter (CALL writes only a variable of the
// parameter's own type), a package variable (read through its function) — goes through a
// temporary of the parameter's type: copied in before the call (IN OUT) and back after it, as
// Oracle copies OUT values back when the call returns; so does an element of a collection.
// Returns what to pass.
std::string Lowerer::out_argument(const ast::Expr& arg, const std::string& a, const ast::PlParam& p, Span span,
                                  ArgCopies& copies) const {
  if (current_block_ && arg.kind == ast::ExprKind::Call && !a.empty() && a.back() == ']') {
    // An element of a collection, a(i): PostgreSQL's CALL writes only a variable or a field
    // ("argument is not writable"), so the element goes through a temporary as well.
    auto& c = static_cast<const ast::CallExpr&>(arg);
    std::vector<ast::Ident> ids(c.name.begin(), c.name.end());
    size_t used = 0;
    const Symbol* sym = lookup_path(ids, used);
    if (!sym || used != ids.size() || sym->type.shape != Shape::Array || !sym->type.element) return a;
    TypeInfo pt = resolve_type(p.type);
    std::string tmp = quote_ident("orashift_arg" + std::to_string(++temp_count_));
    current_block_->decls.push_back({tmp + " " + (pt.sql.empty() ? sym->type.element->sql : pt.sql), span});
    if (upper(std::string(p.mode)).find("IN") != std::string::npos) copies.first.push_back(tmp + " := " + a);
    copies.second.push_back(a + " := " + tmp);
    return tmp;
  }
  if (!current_block_ || arg.kind != ast::ExprKind::Name) return a;
  auto& n = static_cast<const ast::NameExpr&>(arg);
  size_t used = 0;
  const Symbol* sym = lookup_path(n.parts, used);
  TypeInfo pt = resolve_type(p.type);
  bool state = sym && sym->kind == SymbolKind::PackageVariable && !sym->setter.empty();
  if (state && pt.sql.empty()) pt.sql = sym->type.sql;
  if (!sym || used != n.parts.size() || pt.sql.empty() || (sym->type.sql == pt.sql && !state)) return a;
  std::string tmp = quote_ident("orashift_arg" + std::to_string(++temp_count_));
  current_block_->decls.push_back({tmp + " " + pt.sql, span});
  if (upper(std::string(p.mode)).find("IN") != std::string::npos) copies.first.push_back(tmp + " := " + a);
  copies.second.push_back(state ? "PERFORM " + sym->setter + "(" + tmp + ")" : a + " := " + tmp);
  return tmp;
}

std::string Lowerer::args_text(const ast::CallExpr& c, rewrite::SqlWriter& w) const {
  std::string out;
  for (size_t i = 0; i < c.args.size(); ++i) {
    const auto& a = c.args[i];
    if (i) out += ", ";
    if (!a.name.empty()) out += q(normalize_identifier(a.name)) + " => ";
    out += w.expr(*a.value);
  }
  return out;
}

const std::vector<RoutineDecl>* Lowerer::routines_for(const std::vector<std::string>& parts) const {
  if (parts.size() == 1) {
    auto it = local_routines_.find(parts[0]);
    if (it != local_routines_.end()) return &it->second;
  }
  return env_.registry->routines_named(parts, package_);
}

std::optional<std::string> Lowerer::routine_call(const std::vector<std::string>& parts, const ast::CallExpr* c,
                                                 bool as_statement, Span span, rewrite::SqlWriter* w,
                                                 ArgCopies* copies) const {
  const std::vector<RoutineDecl>* routines = routines_for(parts);
  if (!routines || routines->empty()) return std::nullopt;
  const std::vector<RoutineDecl>* overloads = routines;
  std::vector<RoutineDecl> picked;
  bool unsettled = false;
  if (const RoutineDecl* one = pick_overload(*routines, c, as_statement, span, unsettled)) {
    picked.push_back(*one);
    routines = &picked;
  }
  // A procedure and a function of one name: a statement calls the procedure, an expression the
  // function (PL/SQL allows nothing else); v := f(…) written as a CALL is an expression.
  if (routines->size() > 1 && !unsettled) {
    std::vector<RoutineDecl> kind;
    for (const auto& x : *routines)
      if (x.is_function() == (!as_statement || calling_as_procedure_)) kind.push_back(x);
    if (kind.size() == 1) {
      picked = std::move(kind);
      routines = &picked;
    }
  }
  // Overloads the target tells apart by itself, converted differently (one a procedure with an
  // INOUT result, another a plain function): the one the call runs decides how it is written.
  if (routines->size() > 1 && !unsettled && c && (!as_statement || calling_as_procedure_)) {
    bool mixed = false;
    for (const auto& x : *routines) mixed |= x.as_procedure != routines->front().as_procedure;
    if (mixed)
      if (const RoutineDecl* one = quiet_pick(*routines, *c)) {
        picked = {*one};
        routines = &picked;
      }
  }
  if (unsettled) {  // flagged at the call (pick_overload): written as Oracle names it, never applied
    const RoutineDecl& any = routines->front();
    return (any.package.empty() ? "" : q(any.package) + ".") + q(any.name) + "(" + (c && w ? args_text(*c, *w) : std::string()) + ")";
  }
  const RoutineDecl& r = routines->front();
  bool any_function = false, any_procedure = false;
  for (const auto& x : *routines) (x.is_function() ? any_function : any_procedure) = true;
  if (!as_statement && !any_function) {
    item(plsql_codes::kNotConvertible, "procedure " + r.name + " used as a function", span);
    return std::nullopt;
  }
  if (!as_statement && !env_.profile->functions && r.sub && !sql_udf_shape(*r.sub)) {
    item(plsql_codes::kTargetLacks,
         "function " + r.name + " is a procedure on " + dialect_name(dialect()) +
             " (its body is more than one expression): an expression cannot call it; assign it on its own (v := " + r.name +
             "(…)) so that it becomes a CALL",
         span);
    return std::nullopt;
  }
  if (!as_statement && r.as_procedure) {
    item(plsql_codes::kNotConvertible,
         "function " + r.name + " hands values back besides its result (OUT parameters, or variables of its enclosing "
         "routine), so it is a procedure returning its value through INOUT orashift_result: only an assignment v := " +
             r.name + "(…) calls it",
         span);
    return std::nullopt;
  }
  if (as_statement && !any_procedure && !calling_as_procedure_) {
    item(plsql_codes::kNotConvertible, "function " + r.name + " called as a statement", span);
    return std::nullopt;
  }
  std::string fn = r.package.empty() ? q(r.name) : q(r.package) + "." + q(r.name);
  if (!r.target.empty()) fn = r.target;
  std::string args;
  // Named notation → positional when the callee is known and no parameter is skipped; then an
  // OUT/IN OUT argument that is not a variable of exactly the parameter's type goes through a
  // temporary of that type (PostgreSQL cannot write back through a cast, e.g. text → varchar(30)).
  // A target without parameter defaults (Redshift): the caller writes the omitted ones (below) —
  // those that read the same anywhere (literals, built-in constants); a default naming something
  // of the callee's own scope (a package constant) would be read in the caller's and is flagged.
  auto context_free = [&](const ast::Expr& d) {
    const ast::Expr* e = &d;
    while (e->kind == ast::ExprKind::Unary) e = static_cast<const ast::UnaryExpr&>(*e).operand.get();
    if (e->kind == ast::ExprKind::Literal) return true;
    if (e->kind != ast::ExprKind::Name || static_cast<const ast::NameExpr&>(*e).parts.size() != 1) return false;
    static const std::set<std::string> builtins = {"TRUE",         "FALSE",         "NULL", "SYSDATE", "SYSTIMESTAMP",
                                                   "CURRENT_DATE", "CURRENT_TIMESTAMP", "USER"};
    return builtins.count(norm(static_cast<const ast::NameExpr&>(*e).parts[0])) > 0;
  };
  auto check_default = [&](const ast::Expr& d) {
    if (!env_.profile->parameter_defaults && !context_free(d))
      item(plsql_codes::kNotConvertible,
           "call of " + r.name + " omits an argument whose default (" + sql::compact_text(d.span) + ") names something of " +
               r.name + "'s own scope, and " + dialect_name(dialect()) + " has no parameter defaults: write the argument",
           span);
  };
  std::vector<const ast::Expr*> ordered;
  if (c && w && routines->size() == 1)
    if (auto slot = argument_slots(*r.sub, c)) {
      // The target keeps defaults on the last parameters only, and not where an overload with
      // fewer parameters would take the same call (parameter_list drops the others): a call
      // omitting such a parameter gets its default written here, when it is a literal.
      size_t last_plain = defaults_kept_from(*r.sub, overloads);
      size_t last = 0;
      for (size_t k = 0; k < slot->size(); ++k)
        if ((*slot)[k]) last = k + 1;
      if (last > 0) last = std::max(last, last_plain);
      bool skipped = false;
      for (size_t k = 0; k < last; ++k) {
        if ((*slot)[k]) continue;
        // Without parameter defaults on the target any default is written by the caller.
        const ast::Expr* d = k < last_plain || !env_.profile->parameter_defaults ? r.sub->params[k].default_value.get() : nullptr;
        bool constant = d && (!env_.profile->parameter_defaults || d->kind == ast::ExprKind::Literal ||
                              (d->kind == ast::ExprKind::Name && static_cast<const ast::NameExpr&>(*d).parts.size() == 1 &&
                               (norm(static_cast<const ast::NameExpr&>(*d).parts[0]) == "TRUE" ||
                                norm(static_cast<const ast::NameExpr&>(*d).parts[0]) == "FALSE")));
        if (constant) {
          check_default(*d);
          (*slot)[k] = d;
        } else {
          skipped = true;
        }
      }
      if (!skipped) ordered.assign(slot->begin(), slot->begin() + static_cast<long>(last));
    }
  std::vector<const ast::Expr*> omitted;  // trailing defaults the caller writes (no parameter defaults)
  const bool no_arguments = !c || c->args.empty();
  if ((!ordered.empty() || no_arguments) && !env_.profile->parameter_defaults && r.sub && routines->size() == 1)
    for (size_t k = ordered.size(); k < r.sub->params.size() && r.sub->params[k].default_value; ++k)
      omitted.push_back(r.sub->params[k].default_value.get());
  if (ordered.empty() && c && w) args = args_text(*c, *w);
  if (!ordered.empty()) {
    const auto& params = r.sub->params;
    for (size_t k = 0; k < ordered.size(); ++k) {
      size_t reads = boxed_reads_;
      std::string a = w->expr(*ordered[k]);
      std::string mode = upper(params[k].mode);
      if (mode.find("OUT") != std::string::npos && boxed_reads_ != reads) boxed_out_item(*ordered[k], span);
      if (mode.find("OUT") == std::string::npos) a = implicit_argument(*ordered[k], params[k].type, a);
      if (as_statement && copies && mode.find("OUT") != std::string::npos) a = out_argument(*ordered[k], a, params[k], span, *copies);
      args += (k ? ", " : "") + a;
    }
  }
  if (w)
    for (const ast::Expr* d : omitted) {
      check_default(*d);
      args += (args.empty() ? "" : ", ") + w->expr(*d);
    }
  // A hoisted nested subprogram: the enclosing routine's variables it reads, by name.
  for (const auto& c : r.captured) {
    const Symbol* sym = scope_.find(c.oracle_name);
    if (!sym || sym->ref != c.param) {
      item(plsql_codes::kNotConvertible,
           "call of " + r.name + ": it reads " + c.oracle_name + " of its enclosing routine, which is hidden or not visible here",
           span);
      continue;
    }
    if (c.inout) captured_writes_.insert(c.oracle_name);  // the caller writes it too (through the callee)
    args += (args.empty() ? "" : ", ") + c.param + " => " + sym->ref;
  }
  return fn + "(" + args + ")";
}

// The packages and routines the orafce extension provides (orafce 4, as Debian ships it for
// PostgreSQL 15), called as written when --plsql-extension orafce is chosen.
bool orafce_provides(const std::string& pkg, const std::string& fn) {
  static const std::map<std::string, std::set<std::string>> provided = {
      {"DBMS_OUTPUT", {"DISABLE", "ENABLE", "GET_LINE", "GET_LINES", "NEW_LINE", "PUT", "PUT_LINE"}},
      {"DBMS_RANDOM", {"INITIALIZE", "NORMAL", "RANDOM", "SEED", "STRING", "TERMINATE", "VALUE"}},
      {"DBMS_UTILITY", {"FORMAT_CALL_STACK", "GET_TIME"}},
      {"DBMS_ASSERT", {"ENQUOTE_LITERAL", "ENQUOTE_NAME", "NOOP", "OBJECT_NAME", "QUALIFIED_SQL_NAME", "SCHEMA_NAME",
                       "SIMPLE_SQL_NAME"}},
      {"DBMS_PIPE", {"CREATE_PIPE", "NEXT_ITEM_TYPE", "PACK_MESSAGE", "PURGE", "RECEIVE_MESSAGE", "REMOVE_PIPE",
                     "RESET_BUFFER", "SEND_MESSAGE", "UNIQUE_SESSION_NAME"}},
      {"DBMS_ALERT", {"REGISTER", "REMOVE", "REMOVEALL", "SET_DEFAULTS", "SIGNAL", "WAITANY", "WAITONE"}},
      {"UTL_FILE", {"FCLOSE", "FCLOSE_ALL", "FCOPY", "FFLUSH", "FGETATTR", "FOPEN", "FREMOVE", "FRENAME", "GET_LINE",
                    "IS_OPEN", "NEW_LINE", "PUT", "PUT_LINE", "PUTF"}},
  };
  auto it = provided.find(pkg);
  return it != provided.end() && it->second.count(fn);
}

namespace {

// What to use instead, for the packages that stay an item: ": <replacement>", or "".
std::string builtin_hint(const std::string& pkg) {
  static const std::map<std::string, const char*> hints = {
      {"UTL_HTTP", "call the service from the application (or an HTTP extension such as pgsql-http)"},
      {"UTL_FILE", "--plsql-extension orafce (files under utl_file.utl_file_dir), or COPY / pg_read_file"},
      {"UTL_SMTP", "send mail from the application"},
      {"UTL_MAIL", "send mail from the application"},
      {"APEX_MAIL", "send mail from the application"},
      {"UTL_TCP", "open the connection from the application"},
      {"HTP", "the PL/SQL Web Toolkit has no counterpart: render pages in the application tier"},
      {"HTF", "the PL/SQL Web Toolkit has no counterpart: render pages in the application tier"},
      {"OWA_UTIL", "the PL/SQL Web Toolkit has no counterpart: render pages in the application tier"},
      {"OWA", "the PL/SQL Web Toolkit has no counterpart: render pages in the application tier"},
      {"DBMS_SQL", "EXECUTE … USING, or OPEN c FOR EXECUTE, for dynamic SQL"},
      {"DBMS_XMLDOM", "xpath(), XMLTABLE and xmlelement() on the xml type"},
      {"DBMS_XMLPARSER", "xmlparse() and xpath() on the xml type"},
      {"DBMS_XSLPROCESSOR", "transform in the application (no XSLT in the database)"},
      {"DBMS_XMLGEN", "query_to_xml() / xmlagg()"},
      {"DBMS_XMLSTORE", "XMLTABLE in an INSERT … SELECT"},
      {"DBMS_XDB", "the XML DB repository has no counterpart: keep the documents in a table"},
      {"DBMS_SCHEDULER", "schedule with pg_cron or an external scheduler"},
      {"DBMS_JOB", "schedule with pg_cron or an external scheduler"},
      {"UTL_COMPRESS", "compress in the application (PostgreSQL has no deflate/gzip function)"},
      {"DBMS_PIPE", "--plsql-extension orafce, or LISTEN / NOTIFY"},
      {"DBMS_ALERT", "--plsql-extension orafce, or LISTEN / NOTIFY"},
      {"DBMS_LOCK", "pg_advisory_lock / pg_advisory_unlock"},
      {"DBMS_AQ", "a queue table read with SELECT … FOR UPDATE SKIP LOCKED, or LISTEN / NOTIFY"},
      {"DBMS_STATS", "ANALYZE"},
      {"DBMS_METADATA", "pg_get_*def() functions or pg_dump"}};
  auto it = hints.find(pkg);
  if (it != hints.end()) return std::string(": ") + it->second;
  if (pkg.rfind("APEX_", 0) == 0) return ": APEX has no counterpart on the target: move the logic to the application";
  return "";
}

}  // namespace

std::string lower_ident(const std::string& oracle_name) {
  std::string out = oracle_name;
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::optional<std::string> Lowerer::builtin_package_call(const std::vector<std::string>& parts, const ast::CallExpr* c,
                                                         bool as_statement, Span span, rewrite::SqlWriter& w) const {
  if (parts.size() != 2) return std::nullopt;
  const std::string& pkg = parts[0];
  const std::string& fn = parts[1];
  auto arg = [&](size_t i) { return c && i < c->args.size() ? w.expr(*c->args[i].value) : std::string("NULL"); };
  size_t n = c ? c->args.size() : 0;
  if (env_.orafce && orafce_provides(pkg, fn)) {
    res_.uses_orafce = true;
    std::string call = lower_ident(pkg) + "." + lower_ident(fn) + "(" + (c ? args_text(*c, w) : std::string()) + ")";
    return as_statement ? "PERFORM " + call : call;
  }
  if (pkg == "DBMS_RANDOM") {
    // Oracle's VALUE is a NUMBER (ROUND(v, n) must find numeric, not double precision).
    if (fn == "VALUE" && n == 0) return "random()::numeric";
    if (fn == "VALUE" && n == 2) return "(" + arg(0) + " + random()::numeric * (" + arg(1) + " - " + arg(0) + "))";
    if (fn == "RANDOM") return "(floor(random() * 4294967296) - 2147483648)::integer";
    if (fn == "NORMAL") return "(sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()))";
    if (fn == "SEED" || fn == "INITIALIZE") return as_statement ? std::optional<std::string>("PERFORM setseed(0.5)") : std::nullopt;
  }
  if (pkg == "DBMS_UTILITY") {
    if (fn == "GET_TIME") return "(extract(epoch FROM clock_timestamp()) * 100)::bigint";
    if (fn == "FORMAT_ERROR_STACK") {
      item(plsql_codes::kBehaviour, "DBMS_UTILITY.FORMAT_ERROR_STACK → SQLERRM (the message, without the ORA- stack)", span);
      return handler_depth_ ? "SQLERRM" : "NULL";
    }
    if (fn == "FORMAT_ERROR_BACKTRACE" || fn == "FORMAT_CALL_STACK") {
      item(plsql_codes::kBehaviour, "DBMS_UTILITY." + fn + " → NULL: read PG_EXCEPTION_CONTEXT with GET STACKED DIAGNOSTICS instead", span);
      return "NULL::text";
    }
  }
  // LOBs are text and bytea on the target: DBMS_LOB's readers and UTL_RAW are string functions.
  if (pkg == "DBMS_LOB" && !as_statement)
    if (auto f = dbms_lob_function(fn, c, span, w)) return f;
  if (pkg == "UTL_RAW") {
    // RAW operands given character data are converted as HEXTORAW (raw_operand).
    auto raw = [&](size_t i) { return dialect() == Dialect::Postgres ? raw_operand(*c->args[i].value, w) : arg(i); };
    if (fn == "CAST_TO_RAW" && n == 1) return "convert_to(" + arg(0) + ", 'UTF8')";
    if (fn == "CAST_TO_VARCHAR2" && n == 1) return "convert_from(" + raw(0) + ", 'UTF8')";
    if (fn == "LENGTH" && n == 1) return "length(" + raw(0) + ")";
    // Positions are BINARY_INTEGER (a NUMBER argument converted, rounded); bytea's substr takes integer.
    // A negative position counts back from the end (UTL_RAW, "SUBSTR Function").
    if (fn == "SUBSTR" && (n == 2 || n == 3)) {
      std::string r = raw(0), p = "(" + arg(1) + ")::integer";
      if (c->args[1].value->kind != ast::ExprKind::Literal || sql::compact_text(c->args[1].value->span)[0] == '-')
        p = "CASE WHEN " + p + " < 0 THEN length(" + r + ") + " + p + " + 1 ELSE " + p + " END";
      return "substr(" + r + ", " + p + (n == 3 ? ", (" + arg(2) + ")::integer" : std::string()) + ")";
    }
    if (fn == "CONCAT" && n >= 1) {
      std::string out;
      for (size_t i = 0; i < n; ++i) out += (i ? " || " : "") + std::string("COALESCE(") + raw(i) + ", ''::bytea)";
      return "(" + out + ")";
    }
  }
  if (pkg == "UTL_RAW" && dialect() == Dialect::Postgres) {
    // BINARY_INTEGER ↔ 4 bytes, big-endian (Oracle's default endianness argument, 1).
    if (fn == "CAST_FROM_BINARY_INTEGER" && n == 1) return "int4send((" + arg(0) + ")::integer)";
    if (fn == "CAST_TO_BINARY_INTEGER" && n == 1) return "('x' || lpad(encode(" + arg(0) + ", 'hex'), 8, '0'))::bit(32)::integer";
  }
  if (pkg == "DBMS_XMLGEN" && fn == "CONVERT" && (n == 1 || n == 2) && !as_statement) {
    // ENTITY_ENCODE (the default, 0) escapes the five XML entities; ENTITY_DECODE (1) reverses it.
    std::string mode = n == 2 ? upper(sql::compact_text(c->args[1].value->span)) : "0";
    bool decode = mode == "1" || mode.find("ENTITY_DECODE") != std::string::npos;
    bool encode = mode == "0" || mode.find("ENTITY_ENCODE") != std::string::npos;
    if (encode)
      return "replace(replace(replace(replace(replace(" + arg(0) +
             ", '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '\"', '&quot;'), '''', '&apos;')";
    if (decode)
      return "replace(replace(replace(replace(replace(" + arg(0) +
             ", '&lt;', '<'), '&gt;', '>'), '&quot;', '\"'), '&apos;', ''''), '&amp;', '&')";
  }
  if (dialect() == Dialect::Postgres && pkg == "DBMS_CRYPTO" && fn == "HASH" && n == 2 && !as_statement) {
    // HASH(src, typ) → RAW: a CLOB is hashed as its UTF-8 bytes (the database character set).
    std::string typ = upper(sql::compact_text(c->args[1].value->span));
    if (typ.rfind("SYS.", 0) == 0) typ = typ.substr(4);
    static const std::map<std::string, std::string> algorithms = {
        {"DBMS_CRYPTO.HASH_MD4", "md4"},       {"1", "md4"},
        {"DBMS_CRYPTO.HASH_MD5", "md5"},       {"2", "md5"},    {"DBMS_CRYPTO.HASH_SH1", "sha1"},     {"3", "sha1"},
        {"DBMS_CRYPTO.HASH_SH256", "sha256"}, {"4", "sha256"}, {"DBMS_CRYPTO.HASH_SH384", "sha384"}, {"5", "sha384"},
        {"DBMS_CRYPTO.HASH_SH512", "sha512"}, {"6", "sha512"}};
    std::string family = oracle_family_of(*c->args[0].value);
    auto it = algorithms.find(typ);
    bool text = family == "CLOB" || family == "VARCHAR2" || family == "CHAR", bytes = family == "BLOB" || family == "RAW";
    if (it != algorithms.end() && (text || bytes)) {
      std::string src = text ? "convert_to(" + arg(0) + ", 'UTF8')" : arg(0);
      if (it->second == "md4") return helper_call("orashift_md4", src);
      if (it->second == "md5") return "decode(md5(" + src + "), 'hex')";
      if (it->second == "sha1") {
        res_.uses_pgcrypto = true;
        return "digest(" + src + ", 'sha1')";
      }
      return it->second + "(" + src + ")";
    }
    bool literal = typ.rfind("DBMS_CRYPTO.", 0) == 0 || typ.find_first_not_of("0123456789") == std::string::npos;
    if (it == algorithms.end() && !literal && (text || bytes)) {
      // The algorithm in a variable: pgcrypto's digest() takes its name, chosen at run time
      // (MD4 through the support function: OpenSSL 3 keeps it out of pgcrypto's reach).
      res_.uses_pgcrypto = true;
      std::string src = text ? "convert_to(" + arg(0) + ", 'UTF8')" : arg(0);
      return "CASE WHEN (" + arg(1) + ")::integer = 1 THEN " + helper_call("orashift_md4", src) + " ELSE digest(" + src +
             ", CASE (" + arg(1) +
             ")::integer WHEN 2 THEN 'md5' WHEN 3 THEN 'sha1' WHEN 4 THEN 'sha256' WHEN 5 THEN 'sha384' "
             "WHEN 6 THEN 'sha512' END) END";
    }
  }
  if (dialect() == Dialect::Postgres && pkg == "DBMS_UTILITY" && fn == "GET_HASH_VALUE" && n == 3 && !as_statement) {
    item(plsql_codes::kBehaviour,
         "DBMS_UTILITY.GET_HASH_VALUE → hashtext() in the same range: the values differ from Oracle's (stored hash "
         "values must be recomputed)",
         span);
    return "((" + arg(1) + ") + mod(abs(hashtext(" + arg(0) + ")::bigint), (" + arg(2) + ")::bigint))";
  }
  if (dialect() == Dialect::Postgres) {
    // Session instrumentation: the client identifier, action and client info in settings of the
    // session (SYS_CONTEXT('USERENV', …) reads them), the module in application_name, which
    // pg_stat_activity shows as V$SESSION shows MODULE.
    auto setting = [&](const char* name, const std::string& v) {
      return std::string("set_config('") + name + "', COALESCE(" + v + ", ''), false)";
    };
    if (pkg == "DBMS_SESSION" && fn == "SET_IDENTIFIER" && n == 1) return setting("orashift.client_identifier", arg(0));
    if (pkg == "DBMS_SESSION" && fn == "CLEAR_IDENTIFIER" && n == 0) return setting("orashift.client_identifier", "NULL");
    if (pkg == "DBMS_APPLICATION_INFO") {
      if (fn == "SET_MODULE" && n == 2)
        return setting("application_name", "left(" + arg(0) + ", 63)") + " || " + setting("orashift.action", arg(1));
      if (fn == "SET_ACTION" && n == 1) return setting("orashift.action", arg(0));
      if (fn == "SET_CLIENT_INFO" && n == 1) return setting("orashift.client_info", arg(0));
    }
  }
  if (!as_statement) {
    // Packages converted in files of their own (lower_utl.cpp, lower_dbms_assert.cpp, lower_dbms_misc.cpp).
    if (pkg.rfind("UTL_", 0) == 0)
      if (auto u = utl_call(pkg, fn, c, span, w)) return u;
    if (pkg == "DBMS_ASSERT")
      if (auto a = dbms_assert_call(fn, c, w)) return a;
    if (pkg == "DBMS_CRYPTO" || pkg == "DBMS_UTILITY" || pkg == "DBMS_DB_VERSION" || pkg == "DBMS_RANDOM" || pkg == "DBMS_LOCK" ||
        pkg == "DBMS_TRANSACTION" || pkg == "DBMS_SQL" || pkg == "DBMS_FLASHBACK")
      if (auto m = dbms_misc_call(pkg, fn, c, span, w)) return m;
  }
  if (pkg == "DBMS_XMLGEN" && !as_statement)
    if (auto x = xmlgen_call(fn, c, span, w)) return x;
  if ((pkg == "OWA_UTIL" || pkg == "OWA") && !as_statement)
    if (auto o = owa_call(pkg, fn, c, span, w)) return o;
  if (pkg == "XMLTYPE" && fn == "CREATEXML" && c && c->args.size() == 1 && dialect() == Dialect::Postgres)
    return rewrite::xml_parse(w.expr(*c->args[0].value));
  if (pkg == "DBMS_OUTPUT" && !as_statement) return std::nullopt;
  if (pkg == "HTF" && fn == "ESCAPE_SC" && n == 1 && !as_statement && dialect() == Dialect::Postgres)
    // PL/SQL Web Toolkit, HTF.ESCAPE_SC: & " < > as their HTML entities (' and / unchanged).
    return "replace(replace(replace(replace(" + arg(0) + ", '&', '&amp;'), '\"', '&quot;'), '<', '&lt;'), '>', '&gt;')";
  if (pkg.rfind("DBMS_", 0) == 0 || pkg.rfind("UTL_", 0) == 0 || pkg == "APEX_UTIL" || pkg == "OWA_UTIL" || pkg == "HTP" ||
      pkg == "HTF" || pkg == "SYS") {
    item(plsql_codes::kBuiltinPackage, pkg + "." + fn + " has no " + dialect_name(dialect()) + " equivalent" + builtin_hint(pkg),
         span);
    return pkg + "." + fn + "(" + (c ? args_text(*c, w) : std::string()) + ")";
  }
  return std::nullopt;
}

std::optional<std::string> Lowerer::call(const ast::CallExpr& c, rewrite::SqlWriter& w) const {
  if (c.name.empty()) return std::nullopt;
  // STANDARD.f written as f below: the SQL built-in, even where a routine of the unit is named f.
  if (std::exchange(standard_call_, false)) return std::nullopt;
  if (auto j = json_construct(c, w)) return j;
  if (auto j = json_member(c.name, &c, c.span, w)) return j;
  if (auto t = treat(c, w)) return t;
  std::vector<std::string> parts;
  for (const auto& p : c.name) parts.push_back(norm(p));
  if (auto o = object_call(c.name, &c, false, c.span, w)) return o;
  if (auto x = xml_member_call(c, w)) return x;
  if (xml_sequence_call(c)) return xml_sequence(c, w);
  // A collection element: a(i), rec.list(i), pkg.tab(i).
  {
    std::vector<ast::Ident> ids(c.name.begin(), c.name.end());
    size_t used = 0;
    const Symbol* s = lookup_path(ids, used);
    if (s && s->kind != SymbolKind::Exception && s->kind != SymbolKind::Type && s->kind != SymbolKind::Cursor) {
      ast::NameExpr path;
      path.parts = ids;
      path.span = c.span;
      // a.EXISTS(i) / a.DELETE etc. name a method after the collection.
      std::string last = parts.back();
      if (used < parts.size() && (last == "EXISTS" || last == "PRIOR" || last == "NEXT")) {
        path.parts.pop_back();
        auto base = name(path, w);
        if (!base || c.args.size() != 1) return std::nullopt;
        std::string i = w.expr(*c.args[0].value);
        if (const TypeInfo* mt = path_type(*s, path.parts, used); mt && mt->shape == Shape::Map)
          return map_method(*mt, *base, last, {i}, c.span);
        if (last == "EXISTS")
          return "COALESCE(" + i + " BETWEEN array_lower(" + *base + ", 1) AND array_upper(" + *base + ", 1), FALSE)";
        if (last == "NEXT") return "(CASE WHEN " + i + " < array_upper(" + *base + ", 1) THEN " + i + " + 1 END)";
        return "(CASE WHEN " + i + " > array_lower(" + *base + ", 1) THEN " + i + " - 1 END)";
      }
      auto base = name(path, w);
      if (!base) return std::nullopt;
      if (c.args.size() != 1) return std::nullopt;
      const TypeInfo* t = &s->type;
      if (t->string_keys) item(plsql_codes::kCollection, "associative array indexed by strings: " + parts[0], c.span);
      if (const TypeInfo* mt = path_type(*s, ids, used); mt && mt->shape == Shape::Map) {
        map_element_lossy(*mt, c.span);
        return map_read(*mt, *base, w.expr(*c.args[0].value));
      }
      // A package variable reads through its function: ("pkg"."v"())[i], as PostgreSQL needs.
      std::string b = !base->empty() && base->back() == ')' ? "(" + *base + ")" : *base;
      return b + "[" + w.expr(*c.args[0].value) + "]";
    }
  }
  if (parts.size() >= 3 && parts[0] == "SYS" && !env_.registry->package("SYS")) parts.erase(parts.begin());
  if (parts.size() == 2 && parts[0] == "STANDARD") {
    // STANDARD.f is the SQL built-in f (Oracle's STANDARD package declares them): written as f.
    auto& name = const_cast<std::vector<ast::Ident>&>(c.name);
    std::vector<ast::Ident> written = name;
    name.assign(written.end() - 1, written.end());
    standard_call_ = true;
    std::string out = w.expr(c);
    standard_call_ = false;
    name = std::move(written);
    return out;
  }
  if (auto b = builtin_package_call(parts, &c, false, c.span, w)) return b;
  if (parts.size() == 1 && dialect() == Dialect::Postgres)
    if (auto r = character_builtin_of_raw(parts[0], c, w)) return r;
  if (parts.size() == 1 && (parts[0] == "RAISE_APPLICATION_ERROR")) {
    item(plsql_codes::kNotConvertible, "RAISE_APPLICATION_ERROR in an expression", c.span);
    return std::nullopt;
  }
  if (parts.size() == 1 && parts[0] == "SQLERRM" && !c.args.empty()) {
    item(plsql_codes::kBehaviour, "SQLERRM(code): the message of another code is not available; printed as the code", c.span);
    return "('ORA' || " + w.expr(*c.args[0].value) + "::text)";
  }
  if (trigger_ && parts.size() == 1 && parts[0] == "UPDATING" && c.args.size() == 1) {
    std::string col;
    if (c.args[0].value->kind == ast::ExprKind::Literal)
      col = rewrite::string_literal_value(static_cast<const ast::LiteralExpr&>(*c.args[0].value).text);
    item(plsql_codes::kBehaviour, "UPDATING('" + col + "') → the column's value changed (Oracle: named in the SET list)", c.span);
    return "(TG_OP = 'UPDATE' AND NEW." + q(normalize_identifier(col)) + " IS DISTINCT FROM OLD." +
           q(normalize_identifier(col)) + ")";
  }
  return routine_call(parts, &c, false, c.span, &w);
}

// A character function given RAW data (TO_NUMBER(raw, 'XX'), LENGTH(raw), SUBSTR(raw, …)): Oracle
// converts the RAW to VARCHAR2 first (RAWTOHEX); PostgreSQL's bytea has no such cast. Written
// with the RAW arguments wrapped in RAWTOHEX on the same node, put back afterwards.
std::optional<std::string> Lowerer::character_builtin_of_raw(const std::string& f, const ast::CallExpr& c,
                                                             rewrite::SqlWriter& w) const {
  static const std::set<std::string> character = {"TO_NUMBER", "LENGTH", "SUBSTR", "INSTR", "LPAD", "RPAD", "UPPER",
                                                  "LOWER", "LTRIM", "RTRIM", "REPLACE", "TRANSLATE"};
  if (!character.count(f) || routines_for({f})) return std::nullopt;
  std::vector<size_t> raw;
  for (size_t i = 0; i < c.args.size(); ++i)
    if (c.args[i].name.empty() && oracle_family_of(*c.args[i].value) == "RAW") raw.push_back(i);
  if (raw.empty()) return std::nullopt;
  auto& args = const_cast<std::vector<ast::CallArg>&>(c.args);
  for (size_t i : raw) {
    auto hex = std::make_unique<ast::CallExpr>();
    hex->name.push_back(ast::Ident{});
    hex->name.back().text = "RAWTOHEX";
    hex->span = args[i].value->span;
    hex->args.emplace_back();
    hex->args.back().value = std::move(args[i].value);
    args[i].value = std::move(hex);
  }
  std::string out = w.expr(c);
  for (size_t i : raw) {
    auto& hex = static_cast<ast::CallExpr&>(*args[i].value);
    ast::ExprPtr inner = std::move(hex.args.back().value);
    args[i].value = std::move(inner);
  }
  return out;
}

std::optional<std::string> Lowerer::bind(const ast::BindExpr& b, rewrite::SqlWriter& w) const {
  (void)w;
  if (auto r = runtime_bind(b)) return r;
  if (!trigger_ || b.substitution) return std::nullopt;
  std::string n = normalize_identifier(std::string_view(b.text).substr(1));
  if (n == trigger_->new_name) return "NEW";
  if (n == trigger_->old_name) return "OLD";
  return std::nullopt;
}

std::optional<std::string> Lowerer::postfix(const ast::PostfixExpr& p, rewrite::SqlWriter& w) const {
  auto parts = selector_parts(sql::compact_text(p.suffix));
  if (parts.empty()) return std::nullopt;
  // cursor%ATTR and SQL%ATTR
  if (parts.size() == 1 && parts[0][0] == '%' && p.base->kind == ast::ExprKind::Name) {
    auto& n = static_cast<const ast::NameExpr&>(*p.base);
    std::string c = norm(n.parts.back());
    if (n.parts.size() == 1 && c == "SQL") return cursor_attribute("SQL", parts[0], p.span);
    if (n.parts.size() == 1) {
      const Symbol* s = scope_.find(c);
      if (s && (s->kind == SymbolKind::Cursor || s->type.shape == Shape::Cursor))
        return cursor_attribute(c, parts[0], p.span);
    }
    return std::nullopt;
  }
  if (auto x = xml_postfix(p, w)) return x;
  if (auto j = json_postfix(p, w)) return j;
  // a(i).f, a(i).f(j), f(x).m(y), :NEW.col: the typed chain (lower_selectors.cpp).
  return selector_chain(p, p.selectors.size(), false, w);
}

std::optional<std::string> Lowerer::constant_string(const ast::Expr& e) const { return folded_string(e, "", 0); }

std::optional<std::string> Lowerer::runtime_format_model(const std::string& mask_sql, bool parsing) const {
  if (dialect() != Dialect::Postgres) return std::nullopt;
  return helper_call("orashift_format_model", "(" + mask_sql + ")::text, " + (parsing ? "true" : "false"));
}

// A string literal, a constant holding one, or `||` of such (gc_ts := gc_date || ':FF'); a name
// in a constant's value is looked up in the constant's package (`package`) when not in scope.
std::optional<std::string> Lowerer::folded_string(const ast::Expr& e, const std::string& package, int depth) const {
  if (depth > 8) return std::nullopt;
  if (e.kind == ast::ExprKind::Literal) {
    auto& l = static_cast<const ast::LiteralExpr&>(e);
    if (l.literal != ast::LiteralKind::String) return std::nullopt;
    return rewrite::string_literal_value(l.text);
  }
  if (e.kind == ast::ExprKind::Binary && static_cast<const ast::BinaryExpr&>(e).op == ast::BinaryOp::Concat) {
    auto& b = static_cast<const ast::BinaryExpr&>(e);
    auto l = folded_string(*b.lhs, package, depth + 1), r = folded_string(*b.rhs, package, depth + 1);
    if (!l || !r) return std::nullopt;
    return *l + *r;
  }
  if (e.kind != ast::ExprKind::Name) return std::nullopt;
  std::vector<ast::Ident> parts = static_cast<const ast::NameExpr&>(e).parts;
  size_t used = 0;
  const Symbol* s = lookup_path(parts, used);
  std::string owner = parts.size() == 2 ? norm(parts[0]) : package;
  if ((!s || used != parts.size()) && !package.empty() && parts.size() == 1) {
    ast::Ident pkg = parts[0];
    pkg.text = package;
    parts.insert(parts.begin(), pkg);
    s = lookup_path(parts, used);
    owner = package;
  }
  if (!s || !s->value || used != parts.size() ||
      (s->kind != SymbolKind::Constant && s->kind != SymbolKind::PackageConstant))
    return std::nullopt;
  return folded_string(*s->value, owner, depth + 1);
}

ValueType Lowerer::value_type(const ast::Expr& e) const {
  if (e.kind == ast::ExprKind::Name) {
    auto& n = static_cast<const ast::NameExpr&>(e);
    size_t used = 0;
    const Symbol* s = lookup_path(n.parts, used);
    if (!s) return ValueType::Unknown;
    const TypeInfo* t = &s->type;
    for (size_t i = used; i < n.parts.size() && t; ++i) {
      const Field* f = t->field(norm(n.parts[i]));
      t = f ? &f->type : nullptr;
    }
    return t ? t->value : ValueType::Unknown;
  }
  if (e.kind == ast::ExprKind::Postfix && trigger_ && trigger_->table) {
    auto& p = static_cast<const ast::PostfixExpr&>(e);
    if (p.base->kind == ast::ExprKind::Bind) {
      auto parts = selector_parts(sql::compact_text(p.suffix));
      if (parts.size() == 1)
        if (const Column* c = trigger_->table->find_column(parts[0])) return rewrite::value_type_of(c->type);
    }
  }
  if (e.kind == ast::ExprKind::Call) {
    auto& c = static_cast<const ast::CallExpr&>(e);
    std::vector<ast::Ident> ids(c.name.begin(), c.name.end());
    size_t used = 0;
    if (const Symbol* s = lookup_path(ids, used))
      if (const TypeInfo* t = path_type(*s, ids, used);
          t && (t->shape == Shape::Array || t->shape == Shape::Map) && t->element)
        return t->element->value;
  }
  if (e.kind == ast::ExprKind::Call || e.kind == ast::ExprKind::Postfix)
    if (auto t = type_of(e)) return t->value;  // rec.list(i), a(i).f, f(x).m
  return ValueType::Unknown;
}

std::optional<std::string> Lowerer::into(const std::vector<ast::ExprPtr>& targets, bool bulk, bool strict, Span where,
                                         rewrite::SqlWriter& w) const {
  if (suppress_into_) return std::string();
  if (bulk) {
    item(plsql_codes::kCollection, "BULK COLLECT INTO here (RETURNING or a nested query) is not converted", where);
    return std::nullopt;
  }
  std::string out = strict && env_.profile->select_into_strict ? " INTO STRICT " : " INTO ";
  for (size_t i = 0; i < targets.size(); ++i) {
    const ast::Expr& t = *targets[i];
    if (t.kind == ast::ExprKind::Name) {
      auto& n = static_cast<const ast::NameExpr&>(t);
      size_t used = 0;
      const Symbol* s = lookup_path(n.parts, used);
      if (s && (s->kind == SymbolKind::PackageVariable || s->kind == SymbolKind::PackageConstant)) {
        item(plsql_codes::kNotConvertible, "INTO a package variable (" + sql::compact_text(t.span) + "): select into a local first",
             t.span);
        return std::nullopt;
      }
    }
    if (map_element(t)) {
      item(plsql_codes::kCollection, "INTO an element of an associative array (" + sql::compact_text(t.span) + "): select into a local first",
           t.span);
      return std::nullopt;
    }
    // PL/pgSQL's INTO takes variables and record fields, not array elements (a[i]).
    std::string written = w.expr(t);
    if (written.find('[') != std::string::npos) {
      item(plsql_codes::kCollection, "INTO an element of a collection (" + sql::compact_text(t.span) + "): select into a local first",
           t.span);
      return std::nullopt;
    }
    out += (i ? ", " : "") + written;
  }
  return out;
}

}  // namespace orashift::plsql
