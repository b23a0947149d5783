#include "dialect/code_generator.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <unordered_set>

#include "convert/dictionary_views.h"
#include "convert/plsql/builtin_support.h"
#include "convert/plsql/codes.h"
#include "convert/plsql/lowerer.h"
#include "convert/plsql/overloads.h"
#include "convert/plsql/plsql_support.h"
#include "dialect/commented_sql.h"
#include "dialect/dynamic_ddl.h"
#include "common/naming.h"
#include "dialect/plsql_profiles.h"
#include "dialect/statement_finder.h"
#include "dialect/view_generator.h"
#include "dialect/view_rows.h"
#include "sql/lexer.h"
#include "sql/parser.h"

namespace orashift {

namespace {

// The quoted names a unit's SQL text holds, read once: `"x"` anywhere, and `"x".` as a qualifier
// that is not itself qualified. The dependency rounds below asked std::string::find of every
// unit's text for every missing type and schema, round after round, and the type ordering of
// every type's text for every other type: a tenth of utPLSQL's conversion. Every '"' starts a
// candidate up to the next '"', so a name without a quote of its own is found exactly where
// find() would find it; a name with one ("a""b") is looked up in the text itself.
class QuotedNames {
public:
  void add(const std::string& sql) {
    texts_.push_back(&sql);
    for (size_t p = sql.find('"'); p != std::string::npos; p = sql.find('"', p + 1)) {
      size_t q = sql.find('"', p + 1);
      if (q == std::string::npos) break;
      anywhere_.insert(sql.substr(p, q - p + 1));
      if (q + 1 < sql.size() && sql[q + 1] == '.' && (p == 0 || (sql[p - 1] != '.' && sql[p - 1] != '"')))
        qualifiers_.insert(sql.substr(p, q - p + 2));
    }
  }
  // `quoted` ("x") occurs in a text.
  bool names(const std::string& quoted) const {
    if (!plain(quoted)) {
      for (const std::string* t : texts_)
        if (t->find(quoted) != std::string::npos) return true;
      return false;
    }
    return anywhere_.count(quoted) > 0;
  }
  // `quoted` followed by '.' occurs in a text, not preceded by '.' or '"'.
  bool qualifies(const std::string& quoted) const {
    const std::string prefix = quoted + ".";
    if (!plain(quoted)) {
      for (const std::string* t : texts_)
        for (size_t at = t->find(prefix); at != std::string::npos; at = t->find(prefix, at + 1))
          if (at == 0 || ((*t)[at - 1] != '.' && (*t)[at - 1] != '"')) return true;
      return false;
    }
    return qualifiers_.count(prefix) > 0;
  }

private:
  static bool plain(const std::string& quoted) {
    return quoted.size() >= 2 && quoted.front() == '"' && quoted.back() == '"' &&
           quoted.find('"', 1) == quoted.size() - 1;
  }
  std::vector<const std::string*> texts_;
  std::unordered_set<std::string> anywhere_, qualifiers_;
};

namespace ast = sql::ast;

bool is_unit_kind(const std::string& k) {
  for (const char* u : {"CREATE PROCEDURE", "CREATE FUNCTION", "CREATE PACKAGE", "CREATE PACKAGE BODY", "CREATE TRIGGER",
                        "CREATE TYPE", "CREATE TYPE BODY"})
    if (k == u) return true;
  return false;
}

struct Unit {
  size_t index = 0;
  std::string kind;  // PROCEDURE, FUNCTION, PACKAGE, PACKAGE BODY, TRIGGER, TYPE, TYPE BODY
  std::string name;
  Span span;
  ast::StatementPtr stmt;
  std::string failure;
};

std::string unit_name(const ast::Statement& s) {
  switch (s.kind) {
    case ast::StmtKind::CreateSubprogram: return plsql::norm(static_cast<const ast::CreateSubprogram&>(s).sub.name.name());
    case ast::StmtKind::CreatePackage: return plsql::norm(static_cast<const ast::CreatePackage&>(s).name.name());
    case ast::StmtKind::CreateTrigger: return plsql::norm(static_cast<const ast::CreateTrigger&>(s).name.name());
    case ast::StmtKind::CreateType: return plsql::norm(static_cast<const ast::CreateType&>(s).name.name());
    case ast::StmtKind::CreateTypeBody: return plsql::norm(static_cast<const ast::CreateTypeBody&>(s).name.name());
    default: return "";
  }
}

void parse_unit(Unit& u, StatementFinder& finder) {
  const sql::Script* script = nullptr;
  const sql::ScriptStatement* st = u.span.file ? finder.find(u.span, &script) : nullptr;
  if (!st) {
    u.failure = "statement not found in its file";
    return;
  }
  Diagnostics diags;
  u.stmt = sql::parse_statement(*script, *st, diags);
  if (u.stmt && (u.stmt->kind == ast::StmtKind::Other || u.stmt->kind == ast::StmtKind::Invalid)) {
    auto* o = u.stmt->kind == ast::StmtKind::Other ? static_cast<const ast::OtherStatement*>(u.stmt.get()) : nullptr;
    u.failure = o && o->unparsed ? o->unparsed->message + " at " + o->unparsed->span.location()
                                 : diags.items().empty() ? "not in a form the parser models" : diags.items()[0].message;
    u.stmt.reset();
    return;
  }
  u.name = unit_name(*u.stmt);
}

}  // namespace

CodeObjects generate_code_objects(const Catalog& catalog, const ConvertOptions& options, ActionItems& items,
                                  std::vector<bool>& handled) {
  CodeObjects out;
  const plsql::Profile* profile = plsql_profile(options.dialect);
  if (!profile) return out;
  const char* target = dialect_name(options.dialect);
  StatementFinder finder;
  std::vector<Unit> units;
  plsql::Environment env;
  for (size_t i = 0; i < catalog.unmodelled.size(); ++i) {
    const auto& m = catalog.unmodelled[i];
    if (m.kind == "ALTER TRIGGER") {
      // ALTER TRIGGER [s.]t DISABLE: the trigger is created disabled; ENABLE/COMPILE: nothing to do.
      SourceFile f("<alter>", std::string(m.span.text()));
      auto toks = sql::tokenize(f);
      std::string name, action;
      for (size_t k = 2; k < toks.size() && toks[k].is_word(); ++k) {
        if (k + 1 < toks.size() && toks[k + 1].kind == sql::TokenKind::Dot) {
          ++k;
          continue;
        }
        if (name.empty()) name = normalize_identifier(toks[k].text);
        else if (action.empty()) action = normalize_identifier(toks[k].text);
      }
      if (action == "DISABLE") env.disabled_triggers.insert(name);
      if (action == "DISABLE" || action == "ENABLE" || action == "COMPILE") handled[i] = true;
      continue;
    }
    if (!is_unit_kind(m.kind)) continue;
    handled[i] = true;
    Unit u;
    u.index = i;
    u.kind = m.kind.substr(7);
    u.span = m.span;
    parse_unit(u, finder);
    units.push_back(std::move(u));
  }
  plsql::CondCompiler cond;
  env.cond = &cond;
  plsql::Registry registry;
  registry.cond = &cond;
  for (const auto& u : units)
    if (u.stmt) registry.add(*u.stmt);
  plsql::name_merged_overloads(registry, options.dialect, options.types);
  if (profile->out_values_through_procedures()) plsql::mark_out_param_functions(registry);
  std::set<std::string> signatures;
  if (!profile->functions) {
    // A function with a body that is not one expression (the spec's declaration has none).
    auto becomes_procedure = [](const std::vector<plsql::RoutineDecl>& list) {
      bool body = false, udf = false;
      for (const auto& r : list)
        if (r.is_function() && r.sub->body) body = true, udf |= plsql::sql_udf_shape(*r.sub);
      return body && !udf;
    };
    for (const auto& [name, list] : registry.routines)
      if (becomes_procedure(list)) out.procedure_functions.insert(name);
    for (const auto& [pkg, decls] : registry.packages)
      for (const auto& [name, list] : decls.routines)
        if (becomes_procedure(list)) out.procedure_functions.insert(pkg + "." + name);
  }
  env.catalog = &catalog;
  std::set<std::string> views = source_view_names(catalog);
  env.views = &views;
  std::map<std::string, Table> view_rows = source_view_rows(catalog);
  env.view_rows = &view_rows;
  env.registry = &registry;
  env.profile = profile;
  env.types = options.types;
  env.signatures = &signatures;
  env.orafce = options.code.orafce && options.dialect == Dialect::Postgres;
  env.schema_ddl = [dialect = options.dialect, types = options.types](const std::string& text) {
    return dynamic_ddl(text, dialect, types);
  };

  struct Placed {
    int order;
    size_t unit;
    ConvertedObject object;
    bool after_views = false;
  };
  // CREATE OR REPLACE TYPE t twice (install scripts of two releases): the later one is t.
  std::map<std::string, size_t> last_type;
  for (size_t n = 0; n < units.size(); ++n)
    if (units[n].stmt && units[n].stmt->kind == ast::StmtKind::CreateType &&
        static_cast<const ast::CreateType&>(*units[n].stmt).def != ast::TypeDefKind::Incomplete)
      last_type[units[n].name] = n;
  struct Converted {
    size_t unit;
    std::string object;
    plsql::UnitResult res;
  };
  std::vector<Converted> converted;
  for (size_t n = 0; n < units.size(); ++n) {
    Unit& u = units[n];
    std::string object = u.kind + " " + u.name;
    if (!u.stmt) {
      items.add(plsql_codes::kNotConvertible, u.kind, u.kind + " not converted: " + u.failure, u.span, target);
      out.flagged.push_back({u.kind, u.name, u.span, plsql_codes::kNotConvertible});
      continue;
    }
    if (!profile->plpgsql) {
      items.add(plsql_codes::kTargetLacks, object, std::string(target) + " has no stored procedures, triggers or packages",
                u.span, target);
      out.flagged.push_back({u.kind, u.name, u.span, plsql_codes::kTargetLacks});
      continue;
    }
    if (u.stmt->kind == ast::StmtKind::CreateType && last_type.count(u.name) && last_type[u.name] != n) {
      items.add(plsql_codes::kPattern, object,
                "defined again at " + units[last_type[u.name]].span.location() + ": the later definition is converted", u.span,
                target);
      continue;
    }
    Converted c{n, object, {}};
    std::string package = u.stmt->kind == ast::StmtKind::CreatePackage ? u.name : "";
    plsql::Lowerer lower(env, object, package, c.res);
    switch (u.stmt->kind) {
      case ast::StmtKind::CreateSubprogram: lower.standalone(static_cast<const ast::CreateSubprogram&>(*u.stmt)); break;
      case ast::StmtKind::CreatePackage: {
        auto& p = static_cast<const ast::CreatePackage&>(*u.stmt);
        if (p.body)
          lower.package_body(p);
        else
          lower.package_spec(p);
        break;
      }
      case ast::StmtKind::CreateTrigger: lower.trigger(static_cast<const ast::CreateTrigger&>(*u.stmt)); break;
      case ast::StmtKind::CreateType: lower.object_type(static_cast<const ast::CreateType&>(*u.stmt)); break;
      case ast::StmtKind::CreateTypeBody: lower.type_body(static_cast<const ast::CreateTypeBody&>(*u.stmt)); break;
      default: break;
    }
    converted.push_back(std::move(c));
  }
  std::vector<QuotedNames> quoted(converted.size());
  for (size_t k = 0; k < converted.size(); ++k)
    for (const auto& o : converted[k].res.objects) quoted[k].add(o.sql);
  // A unit that names a type another unit did not create is not created either (OS6009), until
  // nothing changes: a TABLE OF t, a routine with a parameter of type t.
  for (bool changed = true; changed;) {
    changed = false;
    // A package body whose specification is not applied is not applied either.
    for (auto& body : converted) {
      if (body.res.blocked || units[body.unit].kind != "PACKAGE BODY") continue;
      for (const auto& spec : converted)
        if (spec.res.blocked && units[spec.unit].kind == "PACKAGE" && units[spec.unit].name == units[body.unit].name) {
          body.res.items.add(plsql_codes::kDependency, body.object, "its specification PACKAGE " + units[spec.unit].name +
                                                                        " was not converted",
                             units[body.unit].span, target);
          body.res.blocked = true;
          body.res.block_code = plsql_codes::kDependency;
          changed = true;
        }
    }
    std::vector<std::string> missing;
    for (const auto& c : converted)
      if (c.res.blocked && units[c.unit].stmt->kind == ast::StmtKind::CreateType) missing.push_back(units[c.unit].name);
    // Routines in a schema that was not filled (a package body or type body not applied): a unit
    // calling "pkg".f is not applied either.
    std::vector<std::string> missing_schemas;
    for (const auto& c : converted)
      if (c.res.blocked && (units[c.unit].kind == "PACKAGE BODY" || units[c.unit].kind == "TYPE BODY" ||
                            units[c.unit].kind == "PACKAGE"))
        missing_schemas.push_back(units[c.unit].name);
    for (size_t k = 0; k < converted.size(); ++k) {
      Converted& c = converted[k];
      if (c.res.blocked) continue;
      for (const auto& m : missing_schemas) {
        if (m == units[c.unit].name) continue;
        if (!quoted[k].qualifies(quote_ident(target_name(m)))) continue;
        c.res.items.add(plsql_codes::kDependency, c.object, "calls into " + m + ", which was not converted", units[c.unit].span,
                        target);
        c.res.blocked = true;
        c.res.block_code = plsql_codes::kDependency;
        changed = true;
        break;
      }
    }
    for (size_t k = 0; k < converted.size(); ++k) {
      Converted& c = converted[k];
      if (c.res.blocked) continue;
      for (const auto& m : missing) {
        if (!quoted[k].names(quote_ident(target_name(m)))) continue;
        c.res.items.add(plsql_codes::kDependency, c.object, "uses type " + m + ", which was not converted",
                        units[c.unit].span, target);
        c.res.blocked = true;
        c.res.block_code = plsql_codes::kDependency;
        changed = true;
        break;
      }
    }
  }
  for (const auto& c : converted) {
    if (c.res.blocked) continue;
    const Unit& u = units[c.unit];
    auto add = [&](const std::string& name, const std::vector<plsql::RoutineDecl>& list) {
      for (const auto& r : list)
        if (r.is_function() && r.sub->body && (profile->functions || plsql::sql_udf_shape(*r.sub)))
          out.converted_functions.insert(name);
    };
    if (u.kind == "FUNCTION")
      if (auto it = registry.routines.find(u.name); it != registry.routines.end()) add(u.name, it->second);
    if (u.kind == "PACKAGE BODY")
      if (const plsql::PackageDecls* p = registry.package(u.name))
        for (const auto& [name, list] : p->routines) add(u.name + "." + name, list);
  }
  std::vector<Placed> placed;
  // Support objects (extensions, helper functions) once, first, when an applied unit needs them.
  auto support = [&](bool plsql::UnitResult::*needs, const char* kind, const char* name, std::string sql) {
    for (const auto& c : converted)
      if (!c.res.blocked && c.res.*needs) {
        ConvertedObject object;
        object.kind = kind;
        object.name = name;
        object.sql = std::move(sql);
        object.phase = ApplyPhase::AfterLoad;
        placed.push_back({0, 0, std::move(object)});
        return;
      }
  };
  support(&plsql::UnitResult::needs_placeholders, "FUNCTION", "ORASHIFT_PLACEHOLDERS", plsql::placeholders_function_sql());
  support(&plsql::UnitResult::needs_map_support, "FUNCTION", "ORASHIFT_MAP_GET", plsql::map_get_function_sql());
  support(&plsql::UnitResult::uses_dblink, "EXTENSION", "DBLINK",
          "CREATE EXTENSION IF NOT EXISTS dblink;\n" + plsql::autonomous_connection_function_sql());
  support(&plsql::UnitResult::uses_pgcrypto, "EXTENSION", "PGCRYPTO", "CREATE EXTENSION IF NOT EXISTS pgcrypto;\n");
  support(&plsql::UnitResult::uses_orafce, "EXTENSION", "ORAFCE", "CREATE EXTENSION IF NOT EXISTS orafce;\n");
  support(&plsql::UnitResult::uses_xml2, "EXTENSION", "XML2", "CREATE EXTENSION IF NOT EXISTS xml2;\n");
  {
    // The built-in packages' support functions (builtin_support.h), each once, by name.
    std::set<std::string> helpers;
    for (const auto& c : converted)
      if (!c.res.blocked) helpers.insert(c.res.helpers.begin(), c.res.helpers.end());
    for (const auto& h : helpers) {
      ConvertedObject object;
      object.kind = "FUNCTION";
      object.name = h;
      std::transform(object.name.begin(), object.name.end(), object.name.begin(), [](unsigned char ch) { return std::toupper(ch); });
      object.sql = plsql::builtin_helper_sql(h);
      object.phase = ApplyPhase::AfterLoad;
      placed.push_back({0, 0, std::move(object)});
    }
    // The emulated dictionary views the applied units read (dictionary_views.h), each once.
    std::set<std::string> dictionary;
    for (const auto& c : converted)
      if (!c.res.blocked) dictionary.insert(c.res.dictionary_views.begin(), c.res.dictionary_views.end());
    for (const auto& v : dictionary) {
      ConvertedObject object;
      object.kind = "VIEW";
      object.name = std::string(kDictionarySchema) + "." + v;
      object.sql = dictionary_view_sql(v);
      object.phase = ApplyPhase::AfterLoad;
      placed.push_back({0, 0, std::move(object)});
    }
  }
  for (auto& c : converted) {
    Unit& u = units[c.unit];
    plsql::UnitResult& res = c.res;
    // A unit blocked by a medium item of an embedded query (an unknown function) still gets an
    // error-level item saying that the unit is not applied and why.
    if (res.blocked) {
      const ActionItem* cause = nullptr;
      bool high = false;
      for (const auto& it : res.items.items()) {
        high |= it.kind->severity >= ItemSeverity::High;
        if (!cause && it.kind->code == res.block_code) cause = &it;
      }
      // The item that broke an embedded query when the lowering kept it; else the first of the code.
      const bool known = !res.block_message.empty();
      if (!high)
        res.items.add(plsql_codes::kNotConvertible, c.object,
                      "not applied: " + (known   ? res.block_message
                                         : cause ? cause->message
                                                 : std::string("a statement could not be converted")),
                      known ? res.block_span : cause ? cause->span : u.span, target);
    }
    for (const auto& it : res.items.items()) items.add(it.kind->code, it.object, it.message, cond.original(it.span), it.target);
    if (res.blocked && res.objects.empty()) out.flagged.push_back({u.kind, u.name, u.span, res.block_code});
    if (!res.blocked && res.objects.empty() && !(u.stmt->kind == ast::StmtKind::CreateType &&
                                                 static_cast<const ast::CreateType&>(*u.stmt).def == ast::TypeDefKind::Incomplete))
      out.flagged.push_back({u.kind, u.name, u.span, plsql_codes::kNotConvertible});
    // A package's or type body's schema says what it stands for, so that the emulated
    // USER_OBJECTS lists it as Oracle does (dictionary_views.h).
    bool marked = !profile->dictionary_views || (u.kind != "PACKAGE" && u.kind != "PACKAGE BODY" && u.kind != "TYPE BODY");
    for (auto& o : res.objects) {
      if (!marked && o.sql.rfind("CREATE SCHEMA IF NOT EXISTS ", 0) == 0) {
        o.sql += dictionary_schema_comment(target_name(u.name), u.kind);
        marked = true;
      }
      ConvertedObject co;
      co.kind = o.kind;
      co.name = o.name;
      co.sql = res.blocked ? commented(o.sql) : o.sql;
      co.phase = ApplyPhase::AfterLoad;
      co.span = cond.original(o.span);
      if (res.blocked) co.flagged_code = res.block_code;
      co.unit = c.object;
      placed.push_back({o.order, c.unit, std::move(co), res.reads_view_rows && o.order != 0});
    }
  }
  std::stable_sort(placed.begin(), placed.end(), [](const Placed& a, const Placed& b) { return a.order < b.order; });
  // Types after the types they use (a TABLE OF t after t), whatever the files' order.
  size_t types_end = 0;
  while (types_end < placed.size() && placed[types_end].order == 0) ++types_end;
  std::vector<Placed> ordered;
  std::vector<bool> done(types_end, false);
  std::vector<QuotedNames> type_text(types_end);
  std::vector<std::string> type_name(types_end);
  for (size_t i = 0; i < types_end; ++i) {
    type_text[i].add(placed[i].object.sql);
    type_name[i] = quote_ident(target_name(placed[i].object.name));
  }
  while (ordered.size() < types_end) {
    bool progress = false;
    for (size_t i = 0; i < types_end; ++i) {
      if (done[i]) continue;
      bool ready = true;
      for (size_t j = 0; j < types_end && ready; ++j)
        if (j != i && !done[j] && type_text[i].names(type_name[j]) &&
            placed[i].object.sql.rfind("CREATE TYPE " + type_name[j] + " ", 0) != 0)
          ready = false;
      if (!ready) continue;
      done[i] = true;
      ordered.push_back(std::move(placed[i]));
      progress = true;
    }
    if (!progress)
      for (size_t i = 0; i < types_end; ++i)
        if (!done[i]) done[i] = true, ordered.push_back(std::move(placed[i]));
  }
  for (size_t i = 0; i < types_end; ++i) placed[i] = std::move(ordered[i]);
  for (auto& p : placed)
    (p.order == 3 ? out.triggers : p.after_views ? out.after_views : out.before_views).push_back(std::move(p.object));
  return out;
}

}  // namespace orashift
