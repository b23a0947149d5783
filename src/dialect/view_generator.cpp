#include "dialect/view_generator.h"

#include <map>
#include <memory>
#include <set>

#include "convert/dictionary_views.h"
#include "convert/sql_rewrite.h"
#include "dialect/commented_sql.h"
#include "dialect/plsql_profiles.h"
#include "common/naming.h"
#include "dialect/statement_finder.h"
#include "sql/parser.h"

namespace orashift {

namespace {

namespace ast = sql::ast;

struct ParsedView {
  size_t index = 0;               // in catalog.unmodelled
  bool materialized = false;
  std::string name;               // Oracle name, normalised
  std::vector<std::string> columns;
  ast::StatementPtr stmt;         // CreateView, or the SELECT of a materialized view
  const ast::Query* query = nullptr;
  std::string options;            // MV: text between the name and AS (refresh, build, query rewrite)
  std::set<std::string> words;    // identifiers of the statement, for dependencies
  std::string failure;            // why it could not be parsed
  std::string sql;                // converted statement
  bool convertible = true;
  std::string flag_code;          // when not convertible: the action item that says why
  Span span;
};

// The code a non-convertible view is listed under: its first High item (the blocking one), else its first.
std::string blocking_code(const ActionItems& items) {
  for (const auto& it : items.items())
    if (it.kind->severity == ItemSeverity::High) return it.kind->code;
  return items.items().empty() ? "OS4013" : std::string(items.items().front().kind->code);
}

bool word(const sql::Token& t, std::string_view w) {
  if (t.kind != sql::TokenKind::Identifier || t.text.size() != w.size()) return false;
  for (size_t i = 0; i < w.size(); ++i)
    if (std::toupper(static_cast<unsigned char>(t.text[i])) != w[i]) return false;
  return true;
}

void parse_view(ParsedView& v, StatementFinder& finder) {
  const sql::Script* script = nullptr;
  const sql::ScriptStatement* st = v.span.file ? finder.find(v.span, &script) : nullptr;
  if (!st) {
    v.failure = "statement not found in its file";
    return;
  }
  auto tokens = script->tokens_of(*st);
  for (const auto& t : tokens)
    if (t.kind == sql::TokenKind::Identifier || t.kind == sql::TokenKind::QuotedIdentifier)
      v.words.insert(normalize_identifier(t.text));
  Diagnostics diags;
  if (!v.materialized) {
    v.stmt = sql::parse_statement(*script, *st, diags);
    if (v.stmt && v.stmt->kind == ast::StmtKind::CreateView) {
      auto& cv = static_cast<const ast::CreateView&>(*v.stmt);
      v.name = normalize_identifier(cv.name.name().text);
      for (const auto& c : cv.columns) v.columns.push_back(normalize_identifier(c.text));
      v.query = cv.query.get();
      return;
    }
    v.failure = diags.items().empty() ? "the view is not in a form the parser models" : diags.items()[0].message;
    if (v.stmt && v.stmt->kind == ast::StmtKind::Other) {
      auto& o = static_cast<const ast::OtherStatement&>(*v.stmt);
      if (o.unparsed) v.failure = o.unparsed->message + " at " + o.unparsed->span.location();
    }
    return;
  }
  // CREATE MATERIALIZED VIEW name [(cols)] options AS query: the parser keeps it as text.
  size_t i = 0;
  while (i < tokens.size() && !word(tokens[i], "VIEW")) ++i;
  if (++i >= tokens.size()) {
    v.failure = "no view name";
    return;
  }
  while (i + 2 < tokens.size() && tokens[i + 1].kind == sql::TokenKind::Dot) i += 2;
  v.name = normalize_identifier(tokens[i].text);
  ++i;
  if (i < tokens.size() && tokens[i].kind == sql::TokenKind::LParen) {
    for (++i; i < tokens.size() && tokens[i].kind != sql::TokenKind::RParen; ++i)
      if (tokens[i].is_word()) v.columns.push_back(normalize_identifier(tokens[i].text));
    ++i;
  }
  size_t options_begin = i;
  int depth = 0;
  for (; i + 1 < tokens.size(); ++i) {
    if (tokens[i].kind == sql::TokenKind::LParen) ++depth;
    if (tokens[i].kind == sql::TokenKind::RParen) --depth;
    if (depth == 0 && word(tokens[i], "AS") &&
        (word(tokens[i + 1], "SELECT") || word(tokens[i + 1], "WITH") || tokens[i + 1].kind == sql::TokenKind::LParen))
      break;
  }
  if (i + 1 >= tokens.size()) {
    v.failure = "no AS SELECT";
    return;
  }
  if (i > options_begin) {
    Span opt{v.span.file, tokens[options_begin].span.begin, tokens[i - 1].span.end};
    v.options = sql::compact_text(opt);
  }
  auto rest = tokens.subspan(i + 1);
  Span whole{v.span.file, rest.front().span.begin, st->span.end};
  v.stmt = sql::parse_tokens(rest, false, whole, diags);
  if (v.stmt && v.stmt->kind == ast::StmtKind::Select) {
    v.query = static_cast<const ast::SelectStmt&>(*v.stmt).query.get();
    return;
  }
  v.failure = diags.items().empty() ? "the query is not in a form the parser models" : diags.items()[0].message;
}

std::string column_list(const std::vector<std::string>& cols) {
  if (cols.empty()) return "";
  std::string out = " (";
  for (size_t i = 0; i < cols.size(); ++i) out += (i ? ", " : "") + quote_ident(target_name(cols[i]));
  return out + ")";
}

// Redshift refuses these in a materialized view.
bool redshift_mv_allowed(const ast::Query& q, const std::string& sql) {
  if (!q.order_by.empty() || q.fetch_count || q.offset) return false;
  for (const char* w : {" LIMIT ", "WITH RECURSIVE", "GETDATE()", "SYSDATE", "CURRENT_USER", "ROW_NUMBER() OVER ()"})
    if (sql.find(w) != std::string::npos) return false;
  return true;
}

// A Redshift materialized view cannot reference a standard view (CREATE MATERIALIZED VIEW,
// "Limitations"): one that reads a view is created as a view itself, which can in turn make a
// materialized view reading it a view, so this repeats until nothing changes.
void materialized_views_reading_views(std::vector<ParsedView>& views, ActionItems& items) {
  const std::string mv = "CREATE MATERIALIZED VIEW ";
  auto plain_view = [&](const ParsedView& v) { return !v.materialized || v.sql.rfind(mv, 0) != 0; };
  for (bool changed = true; changed;) {
    changed = false;
    for (auto& v : views) {
      if (!v.convertible || v.sql.rfind(mv, 0) != 0) continue;
      for (const auto& read : views) {
        if (&read == &v || !plain_view(read) || !v.words.count(read.name)) continue;
        items.add("OS4011", "MATERIALIZED VIEW " + v.name,
                  "reads the view " + read.name + ", and a Redshift materialized view cannot reference a view: created as a view",
                  v.span, dialect_name(Dialect::Redshift));
        v.sql = "CREATE VIEW " + v.sql.substr(mv.size());
        changed = true;
        break;
      }
    }
  }
}

}  // namespace

std::set<std::string> source_view_names(const Catalog& catalog) {
  std::set<std::string> names;
  StatementFinder finder;
  for (const auto& u : catalog.unmodelled) {
    if ((u.kind != "CREATE VIEW" && u.kind != "CREATE MATERIALIZED VIEW") || !u.span.file) continue;
    const sql::Script* script = nullptr;
    const sql::ScriptStatement* st = finder.find(u.span, &script);
    if (!st) continue;
    auto tokens = script->tokens_of(*st);
    size_t i = 0;
    while (i < tokens.size() && !word(tokens[i], "VIEW")) ++i;
    if (++i >= tokens.size()) continue;
    while (i + 2 < tokens.size() && tokens[i + 1].kind == sql::TokenKind::Dot) i += 2;  // schema.view
    if (tokens[i].kind == sql::TokenKind::Identifier || tokens[i].kind == sql::TokenKind::QuotedIdentifier)
      names.insert(normalize_identifier(tokens[i].text));
  }
  return names;
}

std::vector<bool> generate_views(const Catalog& catalog, Dialect dialect, std::vector<ConvertedObject>& out,
                                 ActionItems& items,
                                 const CodeObjects* code) {
  std::vector<bool> handled(catalog.unmodelled.size(), false);
  std::vector<ParsedView> views;
  StatementFinder finder;
  for (size_t i = 0; i < catalog.unmodelled.size(); ++i) {
    const auto& u = catalog.unmodelled[i];
    if (u.kind != "CREATE VIEW" && u.kind != "CREATE MATERIALIZED VIEW") continue;
    ParsedView v;
    v.index = i;
    v.materialized = u.kind == "CREATE MATERIALIZED VIEW";
    v.span = u.span;
    parse_view(v, finder);
    handled[i] = true;
    views.push_back(std::move(v));
  }
  const char* target = dialect_name(dialect);
  std::set<std::string> names;
  for (const auto& v : views) names.insert(v.name);
  std::set<std::string> dictionary;  // emulated dictionary views the converted views read

  for (auto& v : views) {
    std::string object = (v.materialized ? "MATERIALIZED VIEW " : "VIEW ") + v.name;
    if (!v.query) {
      items.add("OS4013", object, "view not converted: " + v.failure, v.span, target);
      v.convertible = false;
      v.flag_code = "OS4013";
      v.sql = std::string(v.span.text()) + ";";
      continue;
    }
    RewriteContext ctx;
    ctx.catalog = &catalog;
    ctx.object = object;
    ctx.other_relations = &names;
    const plsql::Profile* profile = plsql_profile(dialect);
    ctx.dictionary_views = profile && profile->dictionary_views;
    if (code) {
      ctx.procedure_functions = &code->procedure_functions;
      ctx.converted_functions = &code->converted_functions;
    }
    RewriteResult r = convert_query(*v.query, dialect, ctx);
    merge_items(r, items);
    v.convertible = r.convertible;
    if (v.convertible) dictionary.insert(r.dictionary_views.begin(), r.dictionary_views.end());
    if (!v.convertible) v.flag_code = blocking_code(r.items);
    std::string name = quote_ident(target_name(v.name)) + column_list(v.columns);
    if (!v.materialized) {
      auto& cv = static_cast<const ast::CreateView&>(*v.stmt);
      if (!cv.force.empty() && (cv.force[0] == 'F' || cv.force[0] == 'f'))
        items.add("OS4010", object, "FORCE: the view is created after the objects it reads", v.span, target);
      if (!cv.with_option.empty())
        items.add("OS4010", object, "WITH " + std::string(cv.with_option) + " not reproduced",
                  v.span, target);
      if (cv.column_text.end > cv.column_text.begin || cv.options.end > cv.options.begin)
        items.add("OS4010", object, "view column constraints / object view options dropped", v.span, target);
      v.sql = "CREATE VIEW " + name + " AS\n" + r.sql + ";\n";
      continue;
    }
    if (!v.options.empty())
      items.add("OS4011", object, "materialized view options not kept: " + v.options, v.span, target);
    if (dialect == Dialect::DuckDb) {
      items.add("OS4011", object, "DuckDB has no materialized views: created as a table filled from the query", v.span,
                target);
      v.sql = "CREATE TABLE " + quote_ident(target_name(v.name)) + " AS\n" + r.sql + ";\n";
      if (!v.columns.empty()) v.sql = "CREATE TABLE " + name + " AS\n" + r.sql + ";\n";
    } else if (dialect == Dialect::Redshift && !redshift_mv_allowed(*v.query, r.sql)) {
      items.add("OS4011", object, "the query is not allowed in a Redshift materialized view: created as a view", v.span,
                target);
      v.sql = "CREATE VIEW " + name + " AS\n" + r.sql + ";\n";
    } else {
      v.sql = "CREATE MATERIALIZED VIEW " + name + " AS\n" + r.sql + ";\n";
    }
  }

  if (dialect == Dialect::Redshift) materialized_views_reading_views(views, items);

  // Dependency order: a view after every view whose name it mentions; source order otherwise.
  std::vector<size_t> order;
  std::vector<bool> placed(views.size(), false);
  while (order.size() < views.size()) {
    bool progress = false;
    for (size_t i = 0; i < views.size(); ++i) {
      if (placed[i]) continue;
      bool ready = true;
      for (size_t j = 0; j < views.size(); ++j)
        if (j != i && !placed[j] && views[i].words.count(views[j].name)) ready = false;
      if (!ready) continue;
      placed[i] = true;
      order.push_back(i);
      progress = true;
    }
    if (!progress)  // a cycle (or a view mentioning a column named like another view): keep source order
      for (size_t i = 0; i < views.size(); ++i)
        if (!placed[i]) placed[i] = true, order.push_back(i);
  }
  // The emulated dictionary views they read (dictionary_views.h), unless the code objects
  // already created them.
  for (const auto& d : dictionary) {
    ConvertedObject o;
    o.kind = "VIEW";
    o.name = std::string(kDictionarySchema) + "." + d;
    bool created = false;
    for (const auto& x : out) created |= x.kind == o.kind && x.name == o.name;
    if (created) continue;
    o.sql = dictionary_view_sql(d);
    o.phase = ApplyPhase::AfterLoad;
    out.push_back(std::move(o));
  }
  std::set<std::string> broken;
  for (size_t i : order) {
    auto& v = views[i];
    std::string object = (v.materialized ? "MATERIALIZED VIEW " : "VIEW ") + v.name;
    if (v.convertible)
      for (const auto& b : broken)
        if (v.words.count(b)) {
          items.add("OS4013", object, "reads " + b + ", which was not converted", v.span, target);
          v.convertible = false;
          v.flag_code = "OS4013";
          break;
        }
    if (!v.convertible) broken.insert(v.name);
    ConvertedObject o;
    o.kind = v.materialized ? "MATERIALIZED VIEW" : "VIEW";
    o.name = v.name;
    o.sql = v.convertible ? v.sql : commented(v.sql);
    o.phase = ApplyPhase::AfterLoad;  // materialized views and DuckDB's tables read the loaded data
    o.span = v.span;
    if (!v.convertible) o.flagged_code = v.flag_code;
    out.push_back(std::move(o));
  }
  return handled;
}

}  // namespace orashift
