// Units: a standalone routine → CREATE FUNCTION/PROCEDURE; a package → a schema, its state
// (variables as session settings behind getter/setter functions, initialised on first use by
// the package's init block) and one routine per member; a DML trigger → a trigger function and
// CREATE TRIGGER (a key-from-sequence trigger → a column DEFAULT); an object type → a composite
// type, a collection type → a domain over an array. docs/plsql.md states each decision.
#include <algorithm>
#include <cctype>
#include <map>
#include <regex>

#include "convert/plsql/codes.h"
#include "convert/plsql/emit.h"
#include "convert/plsql/lowerer.h"
#include "convert/plsql/text_scan.h"
#include "convert/query/sql_writer.h"
#include "common/naming.h"
#include "sql/lexer.h"
#include "sql/parser.h"

namespace orashift::plsql {

using rewrite::upper;

namespace {

constexpr const char* kQuote = "$orashift$";

std::string q(const std::string& oracle_name) { return quote_ident(target_name(oracle_name)); }

std::string setting_part(const std::string& oracle_name) {
  std::string out;
  for (char c : target_name(oracle_name)) out.push_back(std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : '_');
  return out;
}

std::string setting_name(const std::string& package, const std::string& var) {
  return "orashift." + setting_part(package) + "__" + setting_part(var);
}

bool mentions_sql_attribute(Span s) {
  std::string t = upper(s.text());
  return t.find("SQL%") != std::string::npos || t.find("SQL %") != std::string::npos;
}

// A package constant: a function returning its value (on Redshift a SQL UDF).
std::string constant_function(const Symbol& s, const std::string& type, const std::string& value, Dialect d) {
  if (d == Dialect::Redshift)
    return "CREATE OR REPLACE FUNCTION " + s.ref.substr(0, s.ref.size() - 2) + "()\nRETURNS " + type +
           "\nIMMUTABLE\nAS $$\n  SELECT " + value + "\n$$ LANGUAGE sql;\n";
  return plpgsql_function("CREATE OR REPLACE FUNCTION " + s.ref.substr(0, s.ref.size() - 2) + "()\nRETURNS " + type,
                          "BEGIN\n  RETURN " + value + ";\nEND\n");
}

// A package variable: its getter and setter over the session setting that holds it.
std::string variable_functions(const std::string& pkg, const std::string& var, const Symbol& s, const std::string& type) {
  std::string setting = quote_literal(setting_name(pkg, var));
  std::string init = q(pkg) + "." + quote_ident("orashift$init");
  return plpgsql_function("CREATE OR REPLACE FUNCTION " + s.ref.substr(0, s.ref.size() - 2) + "()\nRETURNS " + type,
                          "BEGIN\n  PERFORM " + init + "();\n  RETURN NULLIF(current_setting(" + setting + ", true), '')::" +
                              type + ";\nEND\n") +
         plpgsql_function("CREATE OR REPLACE FUNCTION " + s.setter + "(value " + type + ")\nRETURNS void",
                          "BEGIN\n  PERFORM " + init + "();\n  PERFORM set_config(" + setting +
                              ", COALESCE(value::text, ''), false);\nEND\n");
}

}  // namespace

std::string plpgsql_function(const std::string& head, const std::string& body) {
  return head + "\nLANGUAGE plpgsql\nAS " + kQuote + "\n" + body + kQuote + ";\n";
}

namespace {

// The first statements of a package's init function: run once per session.
std::string init_prologue(const std::string& pkg) {
  std::string flag = quote_literal(setting_name(pkg, "orashift$init"));
  return "BEGIN\n  IF current_setting(" + flag + ", true) = 'y' THEN\n    RETURN;\n  END IF;\n  PERFORM set_config(" + flag +
         ", 'y', false);\n";
}

// A variable's default, stored as the package's initial state.
std::string initial_value(const std::string& pkg, const std::string& var, const std::string& value) {
  return "  PERFORM set_config(" + quote_literal(setting_name(pkg, var)) + ", COALESCE((" + value + ")::text, ''), false);\n";
}

// How many times `word` occurs in the text as a whole identifier, preceded by `before` (a keyword
// such as "OPEN", "" for any occurrence).
size_t count_words(Span span, const std::string& word, const std::string& before) {
  std::string text = upper_text(span.text());
  std::string n;
  for (char c : word) n += (c == '$' || c == '#') ? std::string("\\") + c : std::string(1, c);
  std::regex re((before.empty() ? std::string("(^|[^A-Z0-9_$#.])") : "\\b" + before + "\\s+") + n + "(?![A-Z0-9_$#])");
  return static_cast<size_t>(std::distance(std::sregex_iterator(text.begin(), text.end(), re), std::sregex_iterator()));
}

}  // namespace

// Why a cursor of the package body cannot become a cursor of each member using it ("" when it
// can): each member that names it opens and closes it as often (or only loops over it with FOR),
// never asks %ISOPEN (which would see another call's state in Oracle), and the initialisation
// section does not use it.
std::string Lowerer::package_cursor_problem(const ast::CreatePackage& u, const std::string& name) const {
  for (const auto& st : u.block.body)
    if (count_words(st->span, name, "") > 0) return "the initialisation section uses it";
  for (const ast::PlDecl* d : expanded(u.block.decls)) {
    if (d->kind != ast::PlDeclKind::Subprogram) continue;
    auto& s = static_cast<const ast::PlSubprogramDecl&>(*d).sub;
    if (!s.body || count_words(s.body->span, name, "") == 0) continue;
    std::string text = upper_text(s.body->span.text());
    if (text.find(name + "%ISOPEN") != std::string::npos) return "a member reads " + name + "%ISOPEN";
    size_t opens = count_words(s.body->span, name, "OPEN"), closes = count_words(s.body->span, name, "CLOSE");
    if (opens != closes) return "member " + norm(s.name.name()) + " does not close it as often as it opens it";
    if (opens == 0 && count_words(s.body->span, name, "IN") == 0)
      return "member " + norm(s.name.name()) + " uses it without opening it";
  }
  return "";  // (no member using it: nothing reads its state, and no member declares it)
}

std::string Lowerer::routine_body(const ast::PlSubprogram& s) {
  PgBlock b;
  Span enclosing = std::exchange(routine_span_, s.span);
  const ast::PlSubprogram* enclosing_routine = std::exchange(current_routine_, &s);
  auto enclosing_queries = std::exchange(dbms_sql_queries_, {});  // DBMS_SQL cursors are the routine's own
  uses_sql_attributes_ = s.body && mentions_sql_attribute(s.body->span);
  if (uses_sql_attributes_) b.decls.push_back({quote_ident("sql%rowcount") + " integer := 0", s.span});
  if (constructor_) b.decls.push_back({quote_ident("self") + " " + object_type_info(method_type_).sql, s.span});
  for (const auto& p : s.params)
    if (cursor_variable(scope_.find(norm(p.name)))) cursor_variable_attributes(norm(p.name), b, p.name.span);
  if (!nested_routine_)
    for (const auto& [name, decls] : package_cursors_)
      if (count_words(s.body->span, name, "") > 0) b.decls.insert(b.decls.end(), decls.begin(), decls.end());
  block(*s.body, b);
  routine_span_ = enclosing;
  current_routine_ = enclosing_routine;
  dbms_sql_queries_ = std::move(enclosing_queries);
  if (const Hierarchy* h = constructor_ ? hierarchy_of(method_type_) : nullptr; h && h->usable)
    b.body.insert(b.body.begin(), PgStmt::simple("self.\"orashift_type\" := " + quote_literal(method_type_), s.span));
  Emitter e;
  if (env_.profile->directives) e.line(0, "#variable_conflict use_column");
  e.block(b, 0);
  return e.text();
}

namespace {

// True when the routine's text (upper case) may change `oracle_name`: an assignment to it (or to
// an element or field of it: x :=, x(i) :=, x.f :=, x(i).f :=), an INTO naming it within one
// statement, or a collection method that resizes it (x.EXTEND, x.DELETE, x.TRIM). Read from the
// text, so it errs towards "may write". A scan, not regular expressions: asked for every
// attribute of every method's type, std::regex dominated the conversion's time.
bool may_write_text(const std::string& text, const std::string& oracle_name) {
  const size_t size = text.size();
  for (size_t at = text.find(oracle_name); at != std::string::npos; at = text.find(oracle_name, at + 1)) {
    if (!whole_name_at(text, at, oracle_name)) continue;
    size_t p = skip_space(text, at + oracle_name.size());
    if (p < size && text[p] == '.') {
      size_t q = skip_space(text, p + 1), e = q;
      while (e < size && name_char(text[e])) ++e;
      std::string_view word(text.data() + q, e - q);
      if (word == "EXTEND" || word == "DELETE" || word == "TRIM") return true;
    }
    if (p < size && text[p] == '(') {  // x(…) within one statement
      int depth = 0;
      size_t q = p;
      for (; q < size && text[q] != ';'; ++q)
        if (text[q] == '(') ++depth;
        else if (text[q] == ')' && --depth == 0) break;
      if (q >= size || text[q] != ')') continue;
      p = skip_space(text, q + 1);
    }
    while (p < size && text[p] == '.') {  // .f.g
      size_t q = skip_space(text, p + 1), e = q;
      while (e < size && name_char(text[e])) ++e;
      if (e == q) break;
      p = skip_space(text, e);
    }
    if (text.compare(p, 2, ":=") == 0) return true;
  }
  // INTO naming it — SELECT … INTO, FETCH … INTO, RETURNING … INTO — but not the table of an
  // INSERT INTO or MERGE INTO (INSERT INTO log VALUES (x) reads x).
  for (size_t at = text.find("INTO"); at != std::string::npos; at = text.find("INTO", at + 1)) {
    if ((at > 0 && name_char(text[at - 1])) || (at + 4 < size && name_char(text[at + 4]))) continue;
    size_t end = std::min(text.find(';', at), size);
    bool named = false;
    for (size_t n = text.find(oracle_name, at + 4); n != std::string::npos && n < end && !named;
         n = text.find(oracle_name, n + 1))
      named = whole_name_at(text, n, oracle_name);
    if (!named) continue;
    size_t stop = at;
    while (stop > 0 && std::isspace(static_cast<unsigned char>(text[stop - 1]))) --stop;
    size_t begin = stop;
    while (begin > 0 && (std::isalnum(static_cast<unsigned char>(text[begin - 1])) || text[begin - 1] == '_')) --begin;
    std::string before = text.substr(begin, stop - begin);
    if (before != "INSERT" && before != "MERGE" && before != "ALL" && before != "FIRST" && before != "THEN" && before != "ELSE")
      return true;
  }
  return false;
}

bool may_write(Span routine, const std::string& oracle_name) { return may_write_text(upper_text(routine.text()), oracle_name); }

// SELF of the enclosing method may change in a nested subprogram: an attribute assigned (`a :=`,
// `SELF.a :=`, INTO a) or SELF passed to a member procedure (a CALL line with "self" in it).
}  // namespace

bool self_may_change(Span routine, const TypeInfo& self, const std::string& converted) {
  std::string text = upper_text(routine.text());
  if (may_write_text(text, "SELF")) return true;
  for (const auto& f : self.fields)
    if (may_write_text(text, f.name)) return true;
  size_t at = 0;
  while ((at = converted.find("CALL ", at)) != std::string::npos) {
    size_t eol = converted.find('\n', at);
    if (converted.substr(at, eol == std::string::npos ? std::string::npos : eol - at).find("\"self\"") != std::string::npos)
      return true;
    at += 5;
  }
  return false;
}

namespace {

// "CREATE OR REPLACE FUNCTION name(a t, b t)…" → the offset of the parameter list's ')'.
size_t parameter_list_end(const std::string& sql, const std::string& full) {
  size_t at = sql.find(full + "(");
  if (at == std::string::npos) return std::string::npos;
  int depth = 0;
  for (size_t i = at + full.size(); i < sql.size(); ++i) {
    if (sql[i] == '(') ++depth;
    if (sql[i] == ')' && --depth == 0) return i;
  }
  return std::string::npos;
}

}  // namespace

// CREATE OR REPLACE FUNCTION/PROCEDURE schema.name(params) … for a routine with a body.
// A nested subprogram becomes a routine of its own beside the enclosing one ("outer$inner"),
// created before it. The enclosing routine's variables, constants and parameters it reads become
// trailing parameters of the same name that every call passes by name (INOUT when a procedure
// writes one, so the write reaches the caller's variable; a function that writes one is an item).
void Lowerer::nested_subprogram(const ast::PlSubprogram& s) {
  std::string name = norm(s.name.name());
  std::string hoisted = target_name(routine_target_) + "$" + target_name(name);
  std::string full = (routine_schema_.empty() ? "" : q(routine_schema_) + ".") + quote_ident(hoisted);
  auto& list = local_routines_[name];
  bool known = false;
  for (const auto& r : list) known |= r.sub->params.size() == s.params.size() && r.sub->is_function == s.is_function;
  if (!known) list.push_back({routine_schema_, name, &s, full});
  if (!s.body) return;  // a forward declaration
  for (auto& r : list)
    if (r.sub->params.size() == s.params.size() && r.sub->is_function == s.is_function) r.sub = &s;
  // Lower it with the enclosing routine's frames hidden, its own state saved.
  bool f = in_function_, p = in_procedure_, a = uses_sql_attributes_;
  PgBlock* blk = current_block_;
  int h = handler_depth_;
  std::string schema = routine_schema_, target = routine_target_, result = result_param_;
  std::optional<Span> continuing = continuing_handler_;
  size_t frame = routine_frame_;
  // Inside a method the nested subprogram is no method of its own: it has no SELF parameter and
  // reads the enclosing method's SELF (or an attribute) as a captured name.
  // A nested function that writes the enclosing routine's variables (or SELF): a procedure with
  // INOUT "orashift_result", so that the writes come back as INOUT parameters (PostgreSQL;
  // Redshift's functions are procedures anyway and pass no captured names). Asked before the
  // enclosing frames are hidden: a lookup in them would count as a capture.
  bool as_procedure = s.is_function && env_.profile->out_values_through_procedures() &&
                      (function_with_out_params(s) || writes_enclosing(s));
  bool nested = nested_routine_, ctor = constructor_, stat = static_method_;
  bool has_self = !method_type_.empty() && !static_method_;
  nested_routine_ = true, constructor_ = false, static_method_ = true;
  scope_.hide(routine_frame_, scope_.depth());
  handler_depth_ = 0;
  std::set<std::string> enclosing_writes = std::move(captured_writes_);
  captured_writes_.clear();
  force_procedure_ = as_procedure;
  std::string sql = routine(s, routine_schema_, object_ + "." + name, hoisted);
  force_procedure_ = false;
  for (auto& r : local_routines_[name])  // not `list`: routine() restores local_routines_ (a new map)
    if (r.sub == &s) r.as_procedure = as_procedure;
  std::set<std::string> callee_writes = std::move(captured_writes_);
  captured_writes_ = std::move(enclosing_writes);
  std::vector<std::string> hits = scope_.hidden_hits();
  std::map<std::string, Symbol> captured = scope_.captured();
  scope_.unhide();
  nested_routine_ = nested, constructor_ = ctor, static_method_ = stat;
  // A method called on the implied SELF (m(…) inside the method's nested subprogram) is written
  // with "self" without a lookup: SELF is captured then too.
  if (has_self && !captured.count("SELF") && sql.find(quote_ident("self")) != std::string::npos)
    if (const Symbol* self = scope_.find("SELF"); self && self->ref == quote_ident("self")) captured.emplace("SELF", *self);
  in_function_ = f, in_procedure_ = p, uses_sql_attributes_ = a, current_block_ = blk, handler_depth_ = h;
  routine_schema_ = schema, routine_target_ = target, routine_frame_ = frame;
  result_param_ = result, continuing_handler_ = continuing;
  if (!captured.empty() && !env_.profile->named_arguments)
    for (const auto& c : captured) hits.push_back(c.first);
  if (!hits.empty())
    item(plsql_codes::kNotConvertible,
         "nested subprogram " + name + " reads " + hits.front() + " of its enclosing routine: pass it as a parameter", s.span);
  else if (!captured.empty() && !sql.empty() && !deferred_autonomous_)
    sql = add_captured_parameters(s, name, full, sql, captured, callee_writes);
  if (deferred_autonomous_) sql = nested_autonomous(s, name, full, hits.empty() ? captured : decltype(captured){}, callee_writes);
  res_.objects.push_back({s.is_function ? "FUNCTION" : "PROCEDURE", (package_.empty() ? "" : package_ + ".") + hoisted, sql,
                          s.span, 2});
}

bool function_with_out_params(const ast::PlSubprogram& s) {
  if (!s.is_function) return false;
  for (const auto& p : s.params)
    if (upper(std::string(p.mode)).find("OUT") != std::string::npos) return true;
  return false;
}

void mark_out_param_functions(Registry& registry) {
  auto mark = [](std::vector<RoutineDecl>& list) {
    for (auto& r : list)
      if (r.sub && function_with_out_params(*r.sub)) r.as_procedure = true;
  };
  for (auto& [name, list] : registry.routines) mark(list);
  for (auto& [pkg, decls] : registry.packages)
    for (auto& [name, list] : decls.routines) mark(list);
}

// Does nested subprogram `s` assign a variable, parameter or SELF of the routine it is nested in
// (hidden frames [routine_frame_, depth) while it is lowered)? Read from the text like may_write,
// a name of its own (parameter or declaration) shadowing the enclosing one.
bool Lowerer::writes_enclosing(const ast::PlSubprogram& s) const {
  if (!s.body) return false;
  std::set<std::string> own;
  for (const auto& p : s.params) own.insert(norm(p.name));
  for (const auto& d : s.body->decls)
    if (d->kind == ast::PlDeclKind::Variable) own.insert(norm(static_cast<const ast::PlVariable&>(*d).name));
  // Most enclosing names do not occur in the nested body at all: one upper-cased copy of it
  // rules them out, and may_write_text reads the same copy for the rest.
  std::string text = upper_text(s.body->span.text());
  for (const auto& n : scope_.names_in(routine_frame_, scope_.depth())) {
    if (own.count(n) || (n != "SELF" && text.find(n) == std::string::npos)) continue;
    const Symbol* sym = scope_.find(n);
    if (!sym || (sym->kind != SymbolKind::Variable && sym->kind != SymbolKind::Parameter)) continue;
    if (n == "SELF" ? self_may_change(s.body->span, sym->type, "") : may_write_text(text, n)) return true;
  }
  return false;
}

// An autonomous nested subprogram: the enclosing routine's names it reads are parameters of its
// body and of the routine that runs the body through dblink, passed as literals like its own.
// One it writes would have to come back from the second connection: an item.
std::string Lowerer::nested_autonomous(const ast::PlSubprogram& s, const std::string& name, const std::string& full,
                                       const std::map<std::string, Symbol>& captured,
                                       const std::set<std::string>& callee_writes) {
  DeferredAutonomous d = std::move(*deferred_autonomous_);
  deferred_autonomous_.reset();
  std::string head = captured.empty() ? d.head : add_captured_parameters(s, name, full, d.head, captured, callee_writes);
  std::vector<std::pair<std::string, std::string>> passed;
  for (const auto& r : local_routines_[name]) {
    if (r.sub != &s) continue;
    for (const auto& c : r.captured) {
      if (c.inout)
        item(plsql_codes::kNotConvertible,
             "autonomous nested procedure " + name + " changes " + c.oracle_name +
                 " of its enclosing routine: its body runs on a second connection, which cannot write it back",
             s.span);
      passed.emplace_back(c.param, captured.at(c.oracle_name).type.sql);
    }
  }
  // As while it was lowered: no SELF of its own, named outer$inner (nested_subprogram).
  bool stat = static_method_;
  std::string target = routine_target_;
  static_method_ = true;
  routine_target_ = target_name(routine_target_) + "$" + target_name(name);
  std::string sql = autonomous_routines(s, full, d.display, head, d.body, passed);
  static_method_ = stat;
  routine_target_ = target;
  return sql;
}

std::string Lowerer::add_captured_parameters(const ast::PlSubprogram& s, const std::string& name, const std::string& full,
                                             std::string sql, const std::map<std::string, Symbol>& captured,
                                             const std::set<std::string>& callee_writes) {
  size_t close = parameter_list_end(sql, full);
  if (close == std::string::npos) return sql;
  bool defaults = false;
  for (const auto& p : s.params) defaults |= p.default_value != nullptr;
  std::string extra;
  std::vector<RoutineDecl::Captured> names;
  bool function_returns_writes = false;  // lowered as a procedure (nested_subprogram)
  for (const auto& r : local_routines_[name]) function_returns_writes |= r.sub == &s && r.as_procedure;
  for (const auto& [oracle_name, sym] : captured) {
    bool writes = may_write(s.span, oracle_name) || callee_writes.count(oracle_name);
    if (oracle_name == "SELF") writes |= self_may_change(s.span, sym.type, sql);
    if (writes && s.is_function && !function_returns_writes) {
      item(plsql_codes::kNotConvertible,
           "nested function " + name + " may change " + oracle_name +
               " of its enclosing routine: a function cannot write it back (make it a procedure with an OUT parameter)",
           s.span);
      return sql;
    }
    if (writes)
      item(plsql_codes::kBehaviour,
           std::string(s.is_function ? "nested function " : "nested procedure ") + name + " changes " + oracle_name +
               " of its enclosing routine through an INOUT parameter: the change reaches the caller when the procedure "
               "returns, not when it raises an error",
           s.span);
    bool inout = writes && sym.kind != SymbolKind::Constant;
    extra += (extra.empty() ? "" : ", ") + std::string(inout ? "INOUT " : "") + sym.ref + " " + sym.type.sql +
             (defaults ? " DEFAULT NULL" : "");
    names.push_back({oracle_name, sym.ref, inout});
  }
  bool empty_list = sql[close - 1] == '(';
  sql.insert(close, (empty_list ? "" : ", ") + extra);
  for (auto& r : local_routines_[name])
    if (r.sub == &s) r.captured = names;
  return sql;
}

std::string Lowerer::routine(const ast::PlSubprogram& s, const std::string& schema, const std::string& display,
                             const std::string& target_name_override) {
  std::string name = norm(s.name.name());
  routine_schema_ = schema;
  routine_target_ = target_name_override.empty() ? name : target_name_override;
  routine_frame_ = scope_.depth();
  auto enclosing_locals = local_routines_;  // nested subprograms are visible inside this routine only
  if (!s.body) {
    item(plsql_codes::kNotConvertible, "routine " + display + " has no PL/SQL body (" + sql::compact_text(s.external) + ")", s.span);
    return "";
  }
  if ((s.constructor || s.method_kind.end > s.method_kind.begin) && method_type_.empty())
    item(plsql_codes::kObjectType, "object type method " + display, s.span);
  std::string options = upper(sql::compact_text(s.options));
  scope_.push(name);
  std::string full = (schema.empty() ? "" : q(schema) + ".") +
                     (target_name_override.empty() ? q(name) : quote_ident(target_name_override));
  // Redshift has no PL/pgSQL functions: one expression → a SQL UDF, any other body → a procedure
  // whose INOUT argument carries the result.
  if (!env_.profile->functions && sql_udf_shape(s)) {
    std::string udf = sql_udf(s, full);
    scope_.pop();
    local_routines_ = std::move(enclosing_locals);
    return udf;
  }
  // PRAGMA AUTONOMOUS_TRANSACTION on PostgreSQL: the body runs on a connection of its own through
  // dblink (lower_autonomous.cpp); a function's body is then a procedure (it may COMMIT).
  bool autonomous = autonomous_on_dblink(s);
  autonomous_routine_ = autonomous;
  // A member function that changes SELF IN OUT: a procedure too (lower_self_changes.cpp).
  const ast::PlSubprogram* spec = method_type_.empty() || nested_routine_ ? nullptr : spec_method(method_type_, s);
  bool changes_self = spec && self_changing(method_type_, *spec);
  bool forced = std::exchange(force_procedure_, false);  // this routine only, not its own nested ones
  // A function with OUT parameters (PostgreSQL): a procedure, its OUT parameters and its value
  // INOUT (mark_out_param_functions marks its calls); a method's keep their item.
  forced |= env_.profile->out_values_through_procedures() && method_type_.empty() && function_with_out_params(s);
  bool as_procedure = s.is_function && (!env_.profile->functions || autonomous || changes_self || forced);
  in_function_ = s.is_function && !as_procedure;
  in_procedure_ = !in_function_;
  std::string signature;
  std::string params = parameter_list(s, in_function_, signature);
  if (!method_type_.empty() && !nested_routine_) add_self_symbols();
  std::string head;
  result_param_.clear();
  continuing_handler_.reset();
  if (s.is_function) {
    TypeInfo rt = constructor_ ? object_type_info(method_type_) : resolve_type(*s.return_type);
    if (!rt.problem.empty()) item(plsql_codes::kNotConvertible, "return type: " + rt.problem, s.return_type->span);
    std::string returns = rt.sql;
    if (as_procedure) {
      result_param_ = quote_ident("orashift_result");
      params += (params.empty() ? "" : ", ") + std::string("INOUT ") + result_param_ + " " + rt.sql;
      // After a parameter with a default every input parameter needs one (PostgreSQL); calls
      // always pass the result, so this one is never used.
      if (params_have_default_) params += " DEFAULT NULL";
      head = "CREATE OR REPLACE PROCEDURE " + full + "(" + params + ")";
      if (!autonomous && !changes_self && !forced)
        item(plsql_codes::kBehaviour,
             "function " + display + " is more than one expression: on Redshift a procedure whose last argument (INOUT "
             "orashift_result) returns the value; queries cannot call it (each such call is flagged where it is)",
             s.span);
    }
    if (options.find("PIPELINED") != std::string::npos) {
      if (rt.shape != Shape::Array || !rt.element)
        item(plsql_codes::kNotConvertible, "PIPELINED function whose return type is not a known collection", s.return_type->span);
      else
        returns = "SETOF " + rt.element->sql;
    }
    if (!as_procedure) head = "CREATE OR REPLACE FUNCTION " + full + "(" + params + ")\nRETURNS " + returns;
  } else {
    head = "CREATE OR REPLACE PROCEDURE " + full + "(" + params + ")";
  }
  if (options.find("RESULT_CACHE") != std::string::npos)
    item(plsql_codes::kBehaviour, "RESULT_CACHE dropped: PostgreSQL does not cache function results", s.options);
  // Two Oracle overloads can map to one PostgreSQL signature (VARCHAR2 and CHAR are both text).
  // PostgreSQL's identity of a routine is its input arguments' types: INOUT x t and x t are one.
  std::string sig = full + "(" + signature + ")";
  for (size_t at = sig.find("INOUT "); at != std::string::npos; at = sig.find("INOUT ")) sig.erase(at, 6);
  if (env_.signatures && !env_.signatures->insert(sig).second)
    item(plsql_codes::kNotConvertible, "overload " + display + " has the same PostgreSQL signature as another: " + sig, s.span);
  std::string body = routine_body(s);
  scope_.pop();
  local_routines_ = std::move(enclosing_locals);
  std::string comment;
  if (env_.profile->nonatomic) {
    // stored-procedure-transaction-management / stored-procedure-trapping-errors: in the default
    // mode an error rolls back the transaction even when a handler catches it, and the error is
    // raised again after the handler; only NONATOMIC continues after a handled error.
    if (continuing_handler_) {
      head += " NONATOMIC";
      std::string at = continuing_handler_->file ? "line " + std::to_string(continuing_handler_->file->line_of(continuing_handler_->begin))
                                                 : std::string("its handler");
      comment = "-- orashift: NONATOMIC: the handler at " + at +
                " continues after an error, which only a NONATOMIC procedure does on Redshift\n";
      item(plsql_codes::kBehaviour,
           display + " is NONATOMIC (its handler continues after an error): each statement commits on its own, so a "
                     "caller's ROLLBACK does not undo it",
           *continuing_handler_);
    } else {
      comment = "-- orashift: default (atomic) transaction mode: no handler continues after an error\n";
    }
    check_limits(s, body, display);
  }
  result_param_.clear();
  autonomous_routine_ = false;
  if (autonomous && nested_routine_) {
    deferred_autonomous_ = DeferredAutonomous{display, head, body};
    return routine_text(head, body, "");  // replaced by nested_subprogram
  }
  if (autonomous) return autonomous_routines(s, full, display, head, body);
  return routine_text(head, body, comment);
}

std::string Lowerer::routine_text(const std::string& head, const std::string& body, const std::string& comment) const {
  if (!env_.profile->tagged_dollar_quotes) return comment + head + "\nAS $$\n" + body + "$$ LANGUAGE plpgsql;\n";
  return plpgsql_function(head, body);
}

void Lowerer::standalone(const ast::CreateSubprogram& u) {
  std::string name = norm(u.sub.name.name());
  std::string sql = routine(u.sub, "", name);
  std::string pre;
  for (const auto& t : aux_types_) pre += t;
  if (!pre.empty()) res_.objects.push_back({"TYPE", name + " TYPES", pre, u.span, 0});
  res_.objects.push_back({u.sub.is_function ? "FUNCTION" : "PROCEDURE", name, sql, u.span, 2});
}

void Lowerer::package_spec(const ast::CreatePackage& u) {
  std::string pkg = norm(u.name.name());
  const PackageDecls* decls = env_.registry->package(pkg);
  std::string sql = "CREATE SCHEMA IF NOT EXISTS " + q(pkg) + ";\n";
  add_package_frame(*decls, &u);
  for (const ast::PlDecl* d : expanded(u.block.decls)) {
    if (d->kind == ast::PlDeclKind::Cursor)
      item(plsql_codes::kNotConvertible, "cursor declared in a package specification", d->span);
    if (d->kind == ast::PlDeclKind::Type) {
      const Symbol* s = scope_.find(norm(static_cast<const ast::PlTypeDecl&>(*d).name));
      if (s && !s->type.problem.empty())
        item(plsql_codes::kNotConvertible, "type " + norm(static_cast<const ast::PlTypeDecl&>(*d).name) + ": " + s->type.problem,
             d->span);
      if (s && s->type.string_keys)
        item(plsql_codes::kCollection, "associative array indexed by strings: type " + norm(static_cast<const ast::PlTypeDecl&>(*d).name),
             d->span);
    }
  }
  res_.objects.push_back({"PACKAGE", pkg, sql, u.span, 1});
  std::string types;
  for (const auto& t : aux_types_) types += t;
  // With the types (order 0), so that a body's package state and routines that use them come after
  // them whatever the order of the files (Logger's logger.pkb is read before logger.pks).
  if (!types.empty())
    res_.objects.push_back({"TYPE", pkg + " TYPES", "CREATE SCHEMA IF NOT EXISTS " + q(pkg) + ";\n" + types, u.span, 0});
  // Without a body the spec's variables still need their state functions.
  std::string state;
  for (const ast::PlDecl* d : expanded(u.block.decls)) {
    if (d->kind != ast::PlDeclKind::Variable) continue;
    auto& v = static_cast<const ast::PlVariable&>(*d);
    const Symbol* s = scope_.find(norm(v.name));
    if (!s) continue;
    std::string type = s->type.sql.empty() ? "text" : s->type.sql;
    if (s->type.shape == Shape::Cursor) {
      item(plsql_codes::kNotConvertible, "package variable " + norm(v.name) + " of a cursor type", v.span);
      continue;
    }
    if (v.constant) {
      state += constant_function(*s, type, v.default_value ? expr(*v.default_value) : "NULL", dialect());
      continue;
    }
    if (!env_.profile->session_settings) {
      item(plsql_codes::kTargetLacks, "package variable " + norm(v.name) + ": " + dialect_name(dialect()) +
                                          " has no session state for packages (keep it in a table or pass it as an argument)",
           v.span);
      continue;
    }
    state += variable_functions(pkg, norm(v.name), *s, type);
  }
  if (env_.profile->session_settings) {
    // The body (when it converts) replaces this init function with one that also runs its
    // initialisation section; without a body, or with a body that is not applied, this one serves.
    std::string init_body = init_prologue(pkg);
    for (const ast::PlDecl* d : expanded(u.block.decls)) {
      if (d->kind != ast::PlDeclKind::Variable) continue;
      auto& v = static_cast<const ast::PlVariable&>(*d);
      if (v.constant || !v.default_value) continue;
      init_body += initial_value(pkg, norm(v.name), expr(*v.default_value));
    }
    init_body += "END\n";
    state = plpgsql_function("CREATE OR REPLACE FUNCTION " + q(pkg) + "." + quote_ident("orashift$init") + "()\nRETURNS void",
                             init_body) +
            state;
  }
  if (!state.empty()) res_.objects.push_back({"PACKAGE STATE", pkg, state, u.span, 1});
}

void Lowerer::package_body(const ast::CreatePackage& u) {
  std::string pkg = norm(u.name.name());
  package_cursors_.clear();
  const PackageDecls* decls = env_.registry->package(pkg);
  add_package_frame(*decls, &u);
  std::string state;
  std::string init_body = (env_.profile->directives ? "#variable_conflict use_column\n" : "") + init_prologue(pkg);
  // Defaults of every package variable (spec first, in declaration order, as Oracle elaborates).
  for (const auto* unit : {decls->spec, decls->body}) {
    if (!unit) continue;
    for (const ast::PlDecl* d : expanded(unit->block.decls)) {
      if (d->kind == ast::PlDeclKind::Cursor && unit == decls->body) {
        auto& c = static_cast<const ast::PlCursorDecl&>(*d);
        std::string why = c.query ? package_cursor_problem(u, norm(c.name)) : "a cursor specification";
        if (!why.empty()) {
          item(plsql_codes::kNotConvertible,
               "cursor declared at package level (package cursors keep their state across calls): " + why, d->span);
        } else {
          // Lowered here, where only the package's names are visible, as Oracle resolves them.
          PgBlock scratch;
          declare_cursor(c, scratch);
          package_cursors_.push_back({norm(c.name), std::move(scratch.decls)});
          item(plsql_codes::kBehaviour,
               "package cursor " + norm(c.name) +
                   " is declared in each member that uses it: every member opens and closes it within one call, as "
                   "here; one that raises while it is open leaves Oracle's cursor open (a later OPEN raises "
                   "CURSOR_ALREADY_OPEN), the converted one is closed with the call",
               d->span);
        }
      }
      if (d->kind == ast::PlDeclKind::Subprogram && unit == decls->body) {
        // members are converted below
      }
      if (d->kind != ast::PlDeclKind::Variable) continue;
      auto& v = static_cast<const ast::PlVariable&>(*d);
      const Symbol* s = scope_.find(norm(v.name));
      if (!s) continue;
      if (!s->type.problem.empty())
        item(plsql_codes::kNotConvertible, "package variable " + norm(v.name) + ": " + s->type.problem, v.type.span);
      if (s->type.string_keys)
        item(plsql_codes::kCollection, "associative array indexed by strings: package variable " + norm(v.name), v.type.span);
      if (v.constant || !v.default_value) {
        if (unit == decls->body && v.constant)
          state += constant_function(*s, s->type.sql.empty() ? "text" : s->type.sql,
                                     v.default_value ? expr(*v.default_value) : std::string("NULL"), dialect());
        if (!(unit == decls->body && !v.constant)) continue;
      }
      if (!env_.profile->session_settings) {
        if (unit == decls->body)
          item(plsql_codes::kTargetLacks, "package variable " + norm(v.name) + ": " + dialect_name(dialect()) +
                                              " has no session state for packages (keep it in a table or pass it as an argument)",
               v.span);
        continue;
      }
      if (v.default_value) init_body += initial_value(pkg, norm(v.name), expr(*v.default_value));
      if (unit == decls->body && !v.constant)
        state += variable_functions(pkg, norm(v.name), *s, s->type.sql.empty() ? "text" : s->type.sql);
    }
  }
  // The initialisation section runs once per session, on first use of the package.
  if (!env_.profile->session_settings && u.block.has_begin && !u.block.body.empty())
    item(plsql_codes::kTargetLacks, "package initialisation section: " + std::string(dialect_name(dialect())) +
                                        " has no per-session package state; run it as a procedure the caller calls first",
         u.span);
  else if (u.block.has_begin && !u.block.body.empty()) {
    PgBlock b;
    in_procedure_ = false;
    in_function_ = true;
    uses_sql_attributes_ = mentions_sql_attribute(u.block.span);
    if (uses_sql_attributes_) b.decls.push_back({quote_ident("sql%rowcount") + " integer := 0", u.span});
    PgBlock* saved = current_block_;
    current_block_ = &b;
    body(u.block.body, b.body);
    current_block_ = saved;
    if (!u.block.handlers.empty()) item(plsql_codes::kNotConvertible, "exception handlers in a package initialisation section", u.span);
    Emitter e;
    e.block(b, 1);
    init_body += e.text().empty() ? "" : e.text().substr(0, e.text().size() - 1) + ";\n";
  }
  init_body += "END\n";
  if (env_.profile->session_settings)
    state = plpgsql_function("CREATE OR REPLACE FUNCTION " + q(pkg) + "." + quote_ident("orashift$init") + "()\nRETURNS void",
                             init_body) +
            state;
  std::string types;
  for (const auto& t : aux_types_) types += t;
  aux_types_.clear();
  // The body's types live in the package's schema, which they may be the first to need.
  if (!types.empty())
    res_.objects.push_back({"TYPE", pkg + " BODY TYPES", "CREATE SCHEMA IF NOT EXISTS " + q(pkg) + ";\n" + types, u.span, 1});
  res_.objects.push_back({"PACKAGE STATE", pkg + " BODY", "CREATE SCHEMA IF NOT EXISTS " + q(pkg) + ";\n" + state, u.span, 1});
  for (const ast::PlDecl* d : expanded(u.block.decls)) {
    if (d->kind == ast::PlDeclKind::CondComp)
      item(plsql_codes::kNotConvertible, "conditional compilation ($IF) around package members not settled", d->span);
    if (d->kind != ast::PlDeclKind::Subprogram) continue;
    auto& s = static_cast<const ast::PlSubprogramDecl&>(*d).sub;
    if (!s.body) continue;  // a forward declaration
    std::string name = norm(s.name.name());
    // An overload the target cannot tell from an earlier one has a name of its own (overloads.h).
    std::string own_name;
    if (const PackageDecls* decls = env_.registry->package(pkg))
      if (auto it = decls->routines.find(name); it != decls->routines.end())
        for (const auto& r : it->second)
          if (r.sub == &s) own_name = r.overload_name;
    std::string sql = routine(s, pkg, pkg + "." + name, own_name);
    std::string pre;
    for (const auto& t : aux_types_) pre += t;
    aux_types_.clear();
    if (!pre.empty()) res_.objects.push_back({"TYPE", pkg + "." + name + " TYPES", pre, s.span, 1});
    res_.objects.push_back({s.is_function ? "FUNCTION" : "PROCEDURE", pkg + "." + name, sql, s.span, 2});
  }
}

namespace {

// The event text of a DML trigger: INSERT OR UPDATE OF a, b OR DELETE ON t REFERENCING … FOR EACH ROW …
struct TriggerEvent {
  std::vector<std::string> events;  // target text per event: INSERT, UPDATE OF "a", DELETE
  std::string table;                // Oracle table name
  bool row = false;
  std::string new_name = "NEW", old_name = "OLD";
  std::string unsupported;          // a clause with no target meaning
  bool disabled = false;            // created DISABLE
  std::string when_text;            // WHEN (condition) as written
};

TriggerEvent parse_event(Span span) {
  TriggerEvent ev;
  SourceFile file("<trigger>", std::string(span.text()));
  auto toks = sql::tokenize(file);
  size_t i = 0;
  auto word = [&](size_t k) { return k < toks.size() && toks[k].is_word() ? upper(toks[k].text) : std::string(); };
  while (i < toks.size() && toks[i].kind != sql::TokenKind::End) {
    std::string w = word(i);
    if (w == "INSERT" || w == "DELETE" || w == "TRUNCATE") {
      ev.events.push_back(w);
      ++i;
    } else if (w == "UPDATE") {
      std::string e = "UPDATE";
      ++i;
      if (word(i) == "OF") {
        ++i;
        std::string cols;
        while (i < toks.size() && toks[i].is_word() && word(i) != "OR" && word(i) != "ON") {
          cols += (cols.empty() ? "" : ", ") + q(normalize_identifier(toks[i].text));
          ++i;
          if (i < toks.size() && toks[i].kind == sql::TokenKind::Comma) ++i;
        }
        e += " OF " + cols;
      }
      ev.events.push_back(e);
    } else if (w == "OR") {
      ++i;
    } else if (w == "ON") {
      ++i;
      std::string name;
      while (i < toks.size() && toks[i].is_word()) {
        name = normalize_identifier(toks[i].text);
        if (i + 1 < toks.size() && toks[i + 1].kind == sql::TokenKind::Dot) i += 2;
        else {
          ++i;
          break;
        }
      }
      ev.table = name;
    } else if (w == "REFERENCING") {
      ++i;
      while (word(i) == "NEW" || word(i) == "OLD" || word(i) == "PARENT") {
        std::string which = word(i);
        ++i;
        if (word(i) == "AS") ++i;
        std::string alias = i < toks.size() ? normalize_identifier(toks[i].text) : which;
        ++i;
        if (which == "NEW") ev.new_name = alias;
        if (which == "OLD") ev.old_name = alias;
      }
    } else if (w == "FOR") {
      if (word(i + 1) == "EACH" && word(i + 2) == "ROW") ev.row = true;
      i += 3;
    } else if (w == "FOLLOWS" || w == "PRECEDES") {
      ++i;
      while (i < toks.size() && (toks[i].is_word() || toks[i].kind == sql::TokenKind::Dot || toks[i].kind == sql::TokenKind::Comma) &&
             word(i) != "ENABLE" && word(i) != "DISABLE" && word(i) != "WHEN")
        ++i;
    } else if (w == "ENABLE" || w == "EDITIONABLE" || w == "FORWARD" || w == "CROSSEDITION") {
      ++i;
    } else if (w == "DISABLE") {
      ev.disabled = true;
      ++i;
    } else if (w == "WHEN") {
      // WHEN (condition): the rest of the event text (the parser keeps it there).
      ev.when_text = std::string(span.text().substr(toks[i].span.end));
      break;
    } else {
      if (ev.unsupported.empty()) ev.unsupported = sql::compact_text(toks[i].span);
      ++i;
    }
  }
  return ev;
}

// :NEW.col := seq.NEXTVAL / SELECT seq.NEXTVAL INTO :NEW.col FROM DUAL, optionally under
// IF :NEW.col IS NULL: the sequence and column, or nothing.
struct KeyFill {
  std::string sequence, column;
  bool conditional = false;
};

bool nextval_of(const ast::Expr& e, std::string& seq) {
  if (e.kind != ast::ExprKind::Name) return false;
  auto& n = static_cast<const ast::NameExpr&>(e);
  if (n.parts.size() < 2 || upper(n.parts.back().text) != "NEXTVAL") return false;
  seq = normalize_identifier(n.parts[n.parts.size() - 2].text);
  return true;
}

bool new_column(const ast::Expr& e, const std::string& new_name, std::string& col) {
  if (e.kind != ast::ExprKind::Postfix) return false;
  auto& p = static_cast<const ast::PostfixExpr&>(e);
  if (p.base->kind != ast::ExprKind::Bind) return false;
  std::string b = normalize_identifier(std::string_view(static_cast<const ast::BindExpr&>(*p.base).text).substr(1));
  std::string suffix = sql::compact_text(p.suffix);
  if (b != new_name || suffix.size() < 2 || suffix[0] != '.' || suffix.find('.', 1) != std::string::npos) return false;
  col = normalize_identifier(suffix.substr(1));
  return true;
}

std::optional<KeyFill> key_fill(const std::vector<ast::PlStmtPtr>& body, const std::string& new_name, bool nested = false) {
  std::vector<const ast::PlStmt*> stmts;
  for (const auto& s : body)
    if (s->kind != ast::PlStmtKind::Null) stmts.push_back(s.get());
  if (stmts.size() != 1) return std::nullopt;
  const ast::PlStmt& s = *stmts[0];
  KeyFill k;
  if (s.kind == ast::PlStmtKind::Assign) {
    auto& a = static_cast<const ast::PlAssign&>(s);
    if (new_column(*a.target, new_name, k.column) && nextval_of(*a.value, k.sequence)) return k;
  }
  if (s.kind == ast::PlStmtKind::Sql) {
    auto& st = *static_cast<const ast::PlSql&>(s).statement;
    if (st.kind == ast::StmtKind::Select) {
      auto& qy = *static_cast<const ast::SelectStmt&>(st).query;
      if (qy.body->kind == ast::QueryBodyKind::Select) {
        auto& core = static_cast<const ast::SelectCore&>(*qy.body);
        if (core.items.size() == 1 && core.into.size() == 1 && !core.where && core.from.size() == 1 &&
            upper(sql::compact_text(core.from[0]->span)) == "DUAL" && nextval_of(*core.items[0].expr, k.sequence) &&
            new_column(*core.into[0], new_name, k.column))
          return k;
      }
    }
  }
  if (s.kind == ast::PlStmtKind::If && !nested) {
    auto& i = static_cast<const ast::PlIf&>(s);
    if (i.branches.size() != 1 || i.has_else) return std::nullopt;
    const ast::Expr& c = *i.branches[0].condition;
    if (c.kind != ast::ExprKind::IsNull) return std::nullopt;
    auto& isn = static_cast<const ast::IsNullExpr&>(c);
    std::string col;
    if (isn.negated || upper(sql::compact_text(isn.test)) != "NULL" || !new_column(*isn.operand, new_name, col))
      return std::nullopt;
    auto inner = key_fill(i.branches[0].body, new_name, true);
    if (!inner || inner->column != col) return std::nullopt;
    inner->conditional = true;
    return inner;
  }
  return std::nullopt;
}

}  // namespace

void Lowerer::trigger(const ast::CreateTrigger& u) {
  std::string name = norm(u.name.name());
  if (u.compound) {
    item(plsql_codes::kNotConvertible, "compound trigger: split it into one trigger per timing point", u.span);
    return;
  }
  if (u.system) {
    item(plsql_codes::kNotConvertible, "system trigger (ON DATABASE / ON SCHEMA): use a PostgreSQL event trigger or login hook",
         u.span);
    return;
  }
  if (!u.block) {
    item(plsql_codes::kNotConvertible, "trigger with a CALL body", u.span);
    return;
  }
  if (!env_.profile->triggers) {
    // Redshift has no triggers: the item names the design that replaces this one.
    TriggerEvent ev = parse_event(u.event);
    std::string advice = "run its logic in the load (an UPDATE after each load) or in the application";
    if (auto k = key_fill(u.block->body, ev.new_name))
      advice = "make " + ev.table + "." + k->column + " an IDENTITY column (or load the keys as the source has them)";
    else if (u.block->body.size() == 1 && u.block->body[0]->kind == ast::PlStmtKind::Assign &&
             upper(sql::compact_text(u.block->body[0]->span)).find("SYSDATE") != std::string::npos)
      advice = "give the column DEFAULT GETDATE() for inserts and set it in the load's UPDATEs";
    item(plsql_codes::kTargetLacks, "trigger " + name + ": " + dialect_name(dialect()) + " has no triggers; " + advice, u.span);
    return;
  }
  std::string timing = upper(sql::compact_text(u.timing));
  TriggerEvent ev = parse_event(u.event);
  if (!ev.unsupported.empty()) item(plsql_codes::kBehaviour, "trigger clause " + ev.unsupported + " not reproduced", u.event);
  if (ev.events.empty() || ev.table.empty()) {
    item(plsql_codes::kNotConvertible, "trigger event not understood: " + sql::compact_text(u.event), u.event);
    return;
  }
  TriggerContext tc;
  tc.new_name = ev.new_name;
  tc.old_name = ev.old_name;
  tc.row = ev.row;
  tc.before = timing == "BEFORE" || timing == "INSTEAD OF";
  tc.table = env_.catalog ? env_.catalog->find_table(ev.table) : nullptr;
  trigger_ = tc;
  std::string events;
  for (const auto& e : ev.events) events += (events.empty() ? "" : " OR ") + e;
  // The recognised idiom: a BEFORE INSERT row trigger that only fills the key from a sequence.
  if (timing == "BEFORE" && ev.row && events == "INSERT" && u.block->decls.empty() && u.block->handlers.empty() && !u.when)
    if (auto k = key_fill(u.block->body, ev.new_name)) {
      std::string sql = "ALTER TABLE " + q(ev.table) + " ALTER COLUMN " + q(k->column) + " SET DEFAULT nextval(" +
                        quote_literal(q(k->sequence)) + ");\n";
      item(plsql_codes::kPattern,
           "trigger " + name + " fills " + ev.table + "." + k->column + " from sequence " + k->sequence +
               ": converted to a column DEFAULT, trigger not created" +
               (k->conditional ? "" : " (Oracle replaced explicit values too; the DEFAULT keeps them)"),
           u.span);
      res_.objects.push_back({"TRIGGER", name, sql, u.span, 3});
      trigger_.reset();
      return;
    }
  if (!env_.catalog || !tc.table)
    item(plsql_codes::kDependency, "trigger " + name + " is on " + ev.table + ", which is not among the converted tables", u.event);
  if (timing == "INSTEAD OF" && !ev.row) ev.row = true;  // Oracle's INSTEAD OF triggers are row triggers
  PgBlock outer;
  uses_sql_attributes_ = mentions_sql_attribute(u.block->span);
  if (uses_sql_attributes_) outer.decls.push_back({quote_ident("sql%rowcount") + " integer := 0", u.span});
  PgStmt inner;
  inner.kind = PgKind::Block;
  inner.span = u.block->span;
  inner.block = std::make_shared<PgBlock>();
  in_procedure_ = false;
  in_function_ = true;
  scope_.push(name);
  current_block_ = &outer;
  block(*u.block, *inner.block);
  scope_.pop();
  outer.body.push_back(std::move(inner));
  outer.body.push_back(PgStmt::simple(tc.row && tc.before ? "RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END"
                                                          : "RETURN NULL",
                                      u.span));
  Emitter e;
  e.line(0, "#variable_conflict use_column");
  e.block(outer, 0);
  std::string fn = quote_ident(target_name(name) + "$trigger");
  std::string sql = plpgsql_function("CREATE OR REPLACE FUNCTION " + fn + "()\nRETURNS trigger", e.text());
  std::string when;
  if (u.when) {
    if (!ev.row) item(plsql_codes::kNotConvertible, "WHEN on a statement trigger", u.when->span);
    when = "\nWHEN (" + expr(*u.when) + ")";
  } else if (!ev.when_text.empty()) {
    RewriteContext ctx = writer_context();
    trigger_->when_clause = true;
    RewriteResult r = convert_expression_text(ev.when_text, u.event, dialect(), ctx);
    trigger_->when_clause = false;
    absorb(r);
    when = "\nWHEN (" + r.sql + ")";
  }
  std::string pg_timing = timing == "INSTEAD OF" ? "INSTEAD OF" : timing;
  sql += "CREATE OR REPLACE TRIGGER " + q(name) + " " + pg_timing + " " + events + " ON " + q(ev.table) +
         (ev.row ? " FOR EACH ROW" : " FOR EACH STATEMENT") + when + "\nEXECUTE FUNCTION " + fn + "();\n";
  if (env_.disabled_triggers.count(name) || ev.disabled) {
    sql += "ALTER TABLE " + q(ev.table) + " DISABLE TRIGGER " + q(name) + ";\n";
    item(plsql_codes::kPattern, "trigger " + name + " is disabled in the source: created disabled", u.span);
  }
  trigger_.reset();
  res_.objects.push_back({"TRIGGER", name, sql, u.span, 3});
}

void Lowerer::object_type(const ast::CreateType& u) {
  std::string name = norm(u.name.name());
  if (u.def != ast::TypeDefKind::Incomplete && !env_.profile->composite_types) {
    item(plsql_codes::kTargetLacks, "type " + name + ": " + dialect_name(dialect()) +
                                        " has no CREATE TYPE (no composite or array types); keep the attributes as columns",
         u.span);
    return;
  }
  switch (u.def) {
    case ast::TypeDefKind::Incomplete: return;  // a forward declaration: the full one follows
    case ast::TypeDefKind::Under: {
      if (const Hierarchy* h = hierarchy_of(name); h && h->usable) return hierarchy_type(u);
      // A subtype: a composite of its own with the supertypes' attributes first (as Oracle's
      // default constructor lists them), then its own. No substitutability: a supertype variable
      // cannot hold it.
      bool complete = true;
      auto chain = env_.registry->type_chain(name, &complete);
      if (!complete || chain.size() < 2) {
        item(plsql_codes::kDependency, "type " + name + " UNDER " + sql::compact_text(u.supertype.span) +
                                           ": the supertype is not among the converted units",
             u.supertype.span);
        return;
      }
      std::string cols;
      for (const ast::CreateType* t : chain)
        for (const auto& a : t->attributes) {
          TypeInfo ti = resolve_type(a.type);
          if (!ti.problem.empty()) item(plsql_codes::kNotConvertible, "attribute " + norm(a.name) + ": " + ti.problem, a.type.span);
          cols += (cols.empty() ? "" : ", ") + q(norm(a.name)) + " " + (ti.sql.empty() ? "text" : ti.sql);
        }
      item(plsql_codes::kBehaviour,
           "type " + name + " UNDER " + sql::compact_text(u.supertype.span) +
               ": a composite type with the supertypes' attributes first; a variable of a supertype cannot hold it "
               "(no substitutability) and methods are not inherited dynamically" +
               (hierarchy_of(name) ? " — " + hierarchy_of(name)->why : std::string()),
           u.supertype.span);
      if (cols.empty()) {
        item(plsql_codes::kObjectType, "type " + name + " has no attributes (a composite type needs one)", u.span);
        return;
      }
      res_.objects.push_back({"TYPE", name, "CREATE TYPE " + q(name) + " AS (" + cols + ");\n" + type_comment(u, "TYPE"), u.span, 0});
      return;
    }
    case ast::TypeDefKind::Other:
      item(plsql_codes::kObjectType, "type " + name + ": " + sql::compact_text(u.other).substr(0, 60), u.span);
      return;
    case ast::TypeDefKind::Table:
    case ast::TypeDefKind::Varray: {
      TypeInfo e = resolve_type(u.element);
      if (!e.problem.empty()) {
        item(plsql_codes::kNotConvertible, "collection type " + name + ": " + e.problem, u.element.span);
        return;
      }
      if (e.shape == Shape::Array) {
        item(plsql_codes::kCollection, "collection type " + name + " of a collection", u.element.span);
        return;
      }
      res_.objects.push_back({"TYPE", name, "CREATE DOMAIN " + q(name) + " AS " + e.sql + "[];\n" + type_comment(u, "DOMAIN"), u.span, 0});
      return;
    }
    case ast::TypeDefKind::Object: {
      if (const Hierarchy* h = hierarchy_of(name); h && h->usable) return hierarchy_type(u);
      std::string cols;
      for (const auto& a : u.attributes) {
        TypeInfo t = resolve_type(a.type);
        if (!t.problem.empty()) item(plsql_codes::kNotConvertible, "attribute " + norm(a.name) + ": " + t.problem, a.type.span);
        cols += (cols.empty() ? "" : ", ") + q(norm(a.name)) + " " + (t.sql.empty() ? "text" : t.sql);
      }
      if (!u.methods.empty())
        item(plsql_codes::kBehaviour,
             "type " + name + " declares " + std::to_string(u.methods.size()) +
                 " method(s): the composite type holds the attributes; methods come with the type body",
             u.methods.front().span);
      res_.objects.push_back({"TYPE", name, "CREATE TYPE " + q(name) + " AS (" + cols + ");\n" + type_comment(u, "TYPE"), u.span, 0});
      return;
    }
  }
}


}  // namespace orashift::plsql
