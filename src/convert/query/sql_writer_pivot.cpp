// PIVOT → conditional aggregation, UNPIVOT → UNION ALL. FROM src PIVOT (f(x) [AS a], … FOR c IN (v1 AS n1, …))
// becomes FROM (SELECT <src columns not in f or c>, f(CASE WHEN c = v1 THEN x END) AS n1, …
// FROM src GROUP BY <those columns>): the same rows and columns as Oracle's. The query is built
// as Oracle text and converted like any other, so its functions get the target's spelling. Forms
// it does not take (PIVOT XML, several FOR columns, values without aliases when several
// aggregates need combined names, a source whose columns are unknown) stay action items.
#include <memory>

#include "common/naming.h"

#include "convert/query/sql_writer.h"
#include "sql/lexer.h"
#include "sql/parser.h"

namespace orashift::rewrite {

using namespace sql::ast;

namespace {

using sql::Token;
using sql::TokenKind;

// Splits tokens [b, e) at top-level commas into their source texts.
std::vector<std::pair<size_t, size_t>> split_commas(const std::vector<Token>& t, size_t b, size_t e) {
  std::vector<std::pair<size_t, size_t>> out;
  int depth = 0;
  size_t start = b;
  for (size_t i = b; i < e; ++i) {
    if (t[i].kind == TokenKind::LParen) ++depth;
    if (t[i].kind == TokenKind::RParen) --depth;
    if (depth == 0 && t[i].kind == TokenKind::Comma) {
      out.push_back({start, i});
      start = i + 1;
    }
  }
  if (start < e) out.push_back({start, e});
  return out;
}

std::string text_of(const std::vector<Token>& t, size_t b, size_t e) {
  return std::string(t[b].span.file->text().substr(t[b].span.begin, t[e - 1].span.end - t[b].span.begin));
}

// `expr [AS] alias`: the alias when the last token is a name after the expression.
std::string split_alias(const std::vector<Token>& t, size_t b, size_t& e) {
  if (e - b >= 2 && t[e - 1].is_word() && (t[e - 2].kind == TokenKind::RParen || upper(t[e - 2].text) == "AS" ||
                                           t[e - 2].kind == TokenKind::String || t[e - 2].kind == TokenKind::Number)) {
    std::string alias(t[e - 1].text);
    --e;
    if (upper(t[e - 1].text) == "AS") --e;
    return alias;
  }
  return "";
}

}  // namespace

bool SqlWriter::source_columns(const TableRef& t, std::vector<std::string>& cols, std::string& source, std::string& why) {
  if (t.kind == TableRefKind::Subquery) {
    const Query& q = *static_cast<const SubqueryRef&>(t).query;
    source = "(" + std::string(q.span.text()) + ")";
    if (q.body->kind != QueryBodyKind::Select) return why = "source is a set operation", false;
    for (const auto& it : static_cast<const SelectCore&>(*q.body).items) {
      if (it.alias)
        cols.push_back(std::string(it.alias->text));
      else if (it.expr->kind == ExprKind::Name)
        cols.push_back(std::string(static_cast<const NameExpr&>(*it.expr).parts.back().text));
      else
        return why = "a source column without a name", false;
    }
    return true;
  }
  if (t.kind == TableRefKind::Table) {
    const auto& n = static_cast<const TableName&>(t);
    source = std::string(n.name.span.text());
    const Table* table = ctx_.catalog ? ctx_.catalog->find_table(normalize_identifier(n.name.name().text)) : nullptr;
    if (!table) return why = "the source table's columns are unknown", false;
    for (const auto& c : table->columns) cols.push_back(c.name);
    return true;
  }
  return why = "unsupported source", false;
}

// UNPIVOT [INCLUDE|EXCLUDE NULLS] (v FOR n IN (c1 [AS 'x'], ...)) → one SELECT per column, UNION ALL.
std::optional<std::string> SqlWriter::unpivot(const TableRef& t, const std::vector<Token>& tk) {
  auto fail = [&](const std::string& why) -> std::optional<std::string> {
    item("OS4006", "UNPIVOT not rewritten (" + why + "): rewrite as UNION ALL", t.pivot);
    return std::nullopt;
  };
  size_t i = 1;
  bool include_nulls = false;
  if (i + 1 < tk.size() && (upper(tk[i].text) == "INCLUDE" || upper(tk[i].text) == "EXCLUDE")) {
    include_nulls = upper(tk[i].text) == "INCLUDE";
    i += 2;
  }
  if (i + 6 >= tk.size() || tk[i].kind != TokenKind::LParen || !tk[i + 1].is_word() || upper(tk[i + 2].text) != "FOR" ||
      !tk[i + 3].is_word() || upper(tk[i + 4].text) != "IN" || tk[i + 5].kind != TokenKind::LParen)
    return fail("several value or name columns");
  std::string val(tk[i + 1].text), name(tk[i + 3].text);
  std::vector<std::string> cols;
  std::string source, why;
  if (!source_columns(t, cols, source, why)) return fail(why);
  auto items = split_commas(tk, i + 6, tk.size() - 2);
  std::set<std::string> unpivoted;
  std::vector<std::pair<std::string, std::string>> pairs;  // (column, name literal)
  for (auto [b, e] : items) {
    if (!tk[b].is_word()) return fail("a column list in IN");
    std::string lit = e - b >= 3 && upper(tk[b + 1].text) == "AS" ? text_of(tk, b + 2, e)
                                                                  : quote_literal(normalize_identifier(tk[b].text));
    pairs.push_back({std::string(tk[b].text), lit});
    unpivoted.insert(normalize_identifier(tk[b].text));
  }
  std::string others;
  for (const auto& c : cols)
    if (!unpivoted.count(normalize_identifier(c))) others += c + ", ";
  std::string oracle;
  for (const auto& [col, lit] : pairs) {
    if (!oracle.empty()) oracle += " UNION ALL ";
    oracle += "SELECT " + others + lit + " " + name + ", " + col + " " + val + " FROM " + source;
    if (!include_nulls) oracle += " WHERE " + col + " IS NOT NULL";
  }
  return converted_from(oracle, t, "orashift_unpivot");
}

// Converts Oracle text built for `t` and names it; items land on the clause's span.
std::optional<std::string> SqlWriter::converted_from(const std::string& oracle, const TableRef& t, const char* alias_base) {
  SourceFile built("<rewrite>", oracle);
  Diagnostics diags;
  sql::ParsedScript ps = sql::parse_script(built, diags);
  if (diags.error_count() || ps.statements.size() != 1 || ps.statements[0]->kind != StmtKind::Select) {
    item("OS4006", "the rewritten query does not parse", t.pivot);
    return std::nullopt;
  }
  RewriteResult sub;
  SqlWriter w(d_, ctx_, sub);
  std::string sql = w.query(*static_cast<const SelectStmt&>(*ps.statements[0]).query);
  for (const auto& i : sub.items.items()) item(i.kind->code, i.message, t.pivot, false);
  if (!sub.convertible) res_.convertible = false;
  res_.dictionary_views.insert(sub.dictionary_views.begin(), sub.dictionary_views.end());
  std::string alias = t.alias ? ident(*t.alias) : "\"" + std::string(alias_base) + std::to_string(++subquery_count_) + "\"";
  return "(" + sql + ") " + alias;
}

std::optional<std::string> SqlWriter::pivot(const TableRef& t) {
  auto fail = [&](const std::string& why) -> std::optional<std::string> {
    item("OS4006", "PIVOT not rewritten (" + why + "): rewrite as CASE aggregation", t.pivot);
    return std::nullopt;
  };
  SourceFile file("<pivot>", std::string(t.pivot.text()));
  std::vector<Token> tk = sql::tokenize(file);
  if (!tk.empty() && tk.back().kind == TokenKind::End) tk.pop_back();
  if (!tk.empty() && upper(tk[0].text) == "UNPIVOT") return unpivot(t, tk);
  if (tk.size() < 8 || upper(tk[0].text) != "PIVOT" || tk[1].kind != TokenKind::LParen) return fail("PIVOT XML");
  size_t for_at = 0;
  int depth = 0;
  for (size_t i = 1; i < tk.size(); ++i) {
    if (tk[i].kind == TokenKind::LParen) ++depth;
    if (tk[i].kind == TokenKind::RParen) --depth;
    if (depth == 1 && upper(tk[i].text) == "FOR") {
      for_at = i;
      break;
    }
  }
  if (!for_at || for_at + 4 >= tk.size() || !tk[for_at + 1].is_word() || upper(tk[for_at + 2].text) != "IN" ||
      tk[for_at + 3].kind != TokenKind::LParen)
    return fail("several FOR columns");
  std::string for_col(tk[for_at + 1].text);
  size_t in_end = tk.size() - 2;  // the IN list's ')' then PIVOT's ')'
  auto aggs = split_commas(tk, 2, for_at);
  auto vals = split_commas(tk, for_at + 4, in_end);
  std::vector<std::string> cols;
  std::string source, why;
  if (!source_columns(t, cols, source, why)) return fail(why);
  std::set<std::string> used{normalize_identifier(for_col)};
  for (auto [b, e] : aggs)
    for (size_t i = b; i < e; ++i)
      if (tk[i].is_word()) used.insert(normalize_identifier(tk[i].text));
  std::string group;
  for (const auto& c : cols)
    if (!used.count(normalize_identifier(c))) group += (group.empty() ? "" : ", ") + c;
  std::string select = group;
  for (auto [vb, ve] : vals) {
    std::string valias = split_alias(tk, vb, ve);
    std::string value = text_of(tk, vb, ve);
    if (valias.empty()) return fail("an IN value without an alias");
    for (auto [ab, ae] : aggs) {
      std::string aalias = split_alias(tk, ab, ae);
      if (aggs.size() > 1 && aalias.empty()) return fail("several aggregates without aliases");
      // f(x) → f(CASE WHEN c = v THEN x END); COUNT(*) counts the matching rows.
      size_t open = ab + 1;
      if (open >= ae || tk[open].kind != TokenKind::LParen || tk[ae - 1].kind != TokenKind::RParen)
        return fail("an aggregate that is not f(x)");
      std::string fn(tk[ab].text);
      std::string inner = open + 1 < ae - 1 ? text_of(tk, open + 1, ae - 1) : "";
      if (inner == "*") inner = "1";
      std::string name = aalias.empty() ? valias : valias + "_" + aalias;
      select += (select.empty() ? "" : ", ") + fn + "(CASE WHEN " + for_col + " = " + value + " THEN " + inner +
                " END) " + name;
    }
  }
  std::string oracle = "SELECT " + select + " FROM " + source + (group.empty() ? "" : " GROUP BY " + group);
  return converted_from(oracle, t, "orashift_pivot");
}

}  // namespace orashift::rewrite
