// XMLType in PL/SQL on PostgreSQL: member functions on xml values (x.extract(p).getStringVal()),
// XMLTYPE.CREATEXML, Oracle's namespace argument (orashift_xpath), TABLE(XMLSEQUENCE(…)) and
// transform. DBMS_XMLGEN is lower_xmlgen.cpp's. The SQL functions (EXTRACT, EXTRACTVALUE,
// EXISTSNODE, XMLTYPE()) are the SQL writer's (sql_writer_calls.cpp); both write through
// convert/query/xml_sql.h.
#include "convert/plsql/codes.h"
#include "convert/plsql/lowerer.h"
#include "convert/query/sql_writer.h"
#include "convert/query/xml_sql.h"

namespace orashift::plsql {

namespace {

// orashift_xpath(path, doc, ns): xpath() with Oracle's namespace argument (XML DB Developer's
// Guide, "EXTRACT (XML)" / "EXISTSNODE": namespace_string 'xmlns:p="uri" …', where xmlns="uri"
// sets the default namespace of the path's unprefixed element names). The declarations become
// xpath()'s namespace array; PostgreSQL's xpath() takes prefixed names only, so a default
// namespace gets the prefix orashift_default and the path goes through orashift_xpath_default.
constexpr const char* kXpath = R"SQL((path text, doc xml, ns text)
RETURNS xml[]
LANGUAGE plpgsql IMMUTABLE
AS $orashift$
DECLARE
  decl text[];
  nsa text[] := '{}';
  dflt text;
BEGIN
  FOR decl IN SELECT regexp_matches(COALESCE(ns, ''), '(?:^|\s)xmlns(?::([^\s=]+))?\s*=\s*(?:"([^"]*)"|''([^'']*)'')', 'g') LOOP
    IF decl[1] IS NULL THEN
      dflt := COALESCE(decl[2], decl[3]);
    ELSE
      nsa := nsa || ARRAY[ARRAY[decl[1], COALESCE(decl[2], decl[3])]];
    END IF;
  END LOOP;
  IF dflt IS NULL THEN
    RETURN xpath(path, doc, nsa);
  END IF;
  RETURN xpath("orashift_xpath_default"(path, dflt), doc, nsa || ARRAY[ARRAY['orashift_default', dflt]]);
END
$orashift$;
)SQL";

// orashift_xpath_default(path, uri): the path with the prefix orashift_default on its unprefixed
// element name tests, read with XPath 1.0's lexical rules (section 3.7): a name followed by '('
// is a function or node type, by '::' an axis; after an operand (name, literal, number, ')',
// ']', '.', '*') a name is an operator (and, or, div, mod) and '*' is multiplication; attribute
// names (@a, attribute::a) have no default namespace. A NULL uri leaves the path as it is.
constexpr const char* kXpathDefault = R"SQL((path text, uri text)
RETURNS text
LANGUAGE plpgsql IMMUTABLE
AS $orashift$
DECLARE
  p text := '';
  i integer := 1;
  n integer := length(path);
  ch text;
  tok text;
  ahead text;
  operand boolean := false;
  attr boolean := false;
BEGIN
  IF uri IS NULL OR path IS NULL THEN
    RETURN path;
  END IF;
  WHILE i <= n LOOP
    ch := substr(path, i, 1);
    tok := ch;
    IF ch IN ('"', '''') THEN
      tok := ch || COALESCE(substring(substr(path, i + 1) FROM '^[^' || ch || ']*' || ch), substr(path, i + 1));
      operand := true;
    ELSIF ch ~ '^[[:alpha:]_]$' THEN
      tok := substring(substr(path, i) FROM '^[[:alpha:]_][[:alnum:]_.-]*');
      ahead := ltrim(substr(path, i + length(tok)));
      IF substr(path, i + length(tok), 1) = ':' AND substr(path, i + length(tok), 2) <> '::' THEN
        tok := tok || COALESCE(substring(substr(path, i + length(tok)) FROM '^:(?:\*|[[:alpha:]_][[:alnum:]_.-]*)'), '');
        operand := true;
        attr := false;
      ELSIF operand THEN
        operand := false;              -- and, or, div, mod
      ELSIF left(ahead, 1) = '(' THEN
        NULL;                          -- a function or node type test
      ELSIF left(ahead, 2) = '::' THEN
        attr := tok IN ('attribute', 'namespace');
      ELSE
        operand := true;
        IF NOT attr THEN
          p := p || 'orashift_default:' || tok;
          i := i + length(tok);
          CONTINUE;
        END IF;
        attr := false;
      END IF;
    ELSIF ch ~ '^[0-9]$' OR (ch = '.' AND substr(path, i + 1, 1) ~ '^[0-9]$') THEN
      tok := substring(substr(path, i) FROM '^[0-9]*\.?[0-9]*');
      operand := true;
    ELSIF ch = '.' THEN
      tok := CASE WHEN substr(path, i, 2) = '..' THEN '..' ELSE '.' END;
      operand := true;
    ELSIF ch = '$' THEN
      tok := '$' || COALESCE(substring(substr(path, i + 1) FROM '^[[:alpha:]_][[:alnum:]_.:-]*'), '');
      operand := true;
    ELSIF ch = '*' THEN
      IF NOT operand THEN
        attr := false;
      END IF;
      operand := NOT operand;
    ELSIF ch IN (')', ']') THEN
      operand := true;
    ELSIF ch ~ '^\s$' THEN
      NULL;
    ELSIF substr(path, i, 2) = '::' THEN
      tok := '::';
      operand := false;
    ELSE
      IF ch = '@' THEN
        attr := true;
      END IF;
      operand := false;
    END IF;
    p := p || tok;
    i := i + length(tok);
  END LOOP;
  RETURN p;
END
$orashift$;
)SQL";

}  // namespace

std::string xml_helper_sql(const std::string& name) {
  if (name == rewrite::kXpathHelper) return kXpath;
  if (name == rewrite::kXpathDefaultHelper) return kXpathDefault;
  return "";
}

bool Lowerer::support_function(const char* name) const {
  if (dialect() != Dialect::Postgres) return false;
  // SYS_CONTEXT looks in the global store only when some unit writes one (global_context_scan.cpp).
  if (std::string(name) == "orashift_context_value" && !(env_.registry && env_.registry->global_contexts)) return false;
  res_.helpers.insert(name);
  // orashift_xpath calls orashift_xpath_default.
  if (std::string(name) == rewrite::kXpathHelper) res_.helpers.insert(rewrite::kXpathDefaultHelper);
  return true;
}

// What a converted method needs beside it: orashift_xpath, or the xml2 extension for transform.
void Lowerer::xml_method_needs(const rewrite::XmlMethod& m, Span span) const {
  if (m.helper) support_function(rewrite::kXpathHelper);
  if (!m.xslt) return;
  res_.uses_xml2 = true;
  item(plsql_codes::kBehaviour,
       "XMLType.transform runs xml2's xslt_process (libxslt, XSLT 1.0 as Oracle's; CREATE EXTENSION xml2 is applied "
       "first): a text result (xsl:output method=\"text\") must be well-formed XML content (no bare & or <) to be an "
       "xml value on PostgreSQL",
       span);
}

bool Lowerer::xml_valued(const ast::Expr& e) const {
  if (e.kind == ast::ExprKind::Name) {
    auto& n = static_cast<const ast::NameExpr&>(e);
    auto t = path_type(n.parts, 0);
    return t && t->sql == "xml";
  }
  if (e.kind == ast::ExprKind::Call) {
    auto& c = static_cast<const ast::CallExpr&>(e);
    std::vector<std::string> parts;
    for (const auto& p : c.name) parts.push_back(norm(p));
    if (parts.size() == 1) return (parts[0] == "XMLTYPE" && c.args.size() == 1) || (parts[0] == "EXTRACT" && c.args.size() == 2);
    if (parts.size() == 2 && parts[0] == "XMLTYPE") return parts[1] == "CREATEXML";
    if (parts.size() == 2 && parts[0] == "DBMS_XMLGEN") return parts[1] == "GETXMLTYPE";
    // x.extract(p) on an xml variable
    std::vector<ast::Ident> prefix(c.name.begin(), c.name.end() - 1);
    auto t = path_type(prefix, 0);
    if (t && t->sql == "xml") return parts.back() == "EXTRACT";
  }
  // A function or method returning XMLTYPE (obj.get_xml()).
  if (e.kind == ast::ExprKind::Call || e.kind == ast::ExprKind::Postfix) {
    auto t = type_of(e);
    return t && t->sql == "xml";
  }
  return false;
}

std::optional<std::string> Lowerer::xml_member_call(const ast::CallExpr& c, rewrite::SqlWriter& w) const {
  if (dialect() != Dialect::Postgres || c.name.size() < 2) return std::nullopt;
  std::vector<ast::Ident> prefix(c.name.begin(), c.name.end() - 1);
  auto t = path_type(prefix, 0);
  if (!t || t->sql != "xml") return std::nullopt;
  ast::NameExpr base;
  base.parts = prefix;
  base.span = c.span;
  auto x = name(base, w);
  if (!x) return std::nullopt;
  std::vector<std::string> args;
  for (const auto& a : c.args) args.push_back(w.expr(*a.value));
  auto m = rewrite::xml_method(*x, norm(c.name.back()), args);
  if (m) xml_method_needs(*m, c.span);
  if (!m) {
    item(plsql_codes::kNotConvertible, "XMLType method " + norm(c.name.back()) + " has no PostgreSQL rendering", c.span);
    return std::nullopt;
  }
  return m->sql;
}

std::optional<std::string> Lowerer::xml_postfix(const ast::PostfixExpr& p, rewrite::SqlWriter& w) const {
  if (dialect() != Dialect::Postgres || !xml_valued(*p.base)) return std::nullopt;
  std::string text = w.expr(*p.base);
  bool xml = true;
  for (size_t i = 0; i < p.selectors.size(); ++i) {
    const ast::Selector& s = p.selectors[i];
    if (s.kind != ast::SelectorKind::Field || !xml) return std::nullopt;
    std::vector<std::string> args;
    if (i + 1 < p.selectors.size() && p.selectors[i + 1].kind == ast::SelectorKind::Args)
      for (const auto& a : p.selectors[++i].args) args.push_back(w.expr(*a.value));
    auto m = rewrite::xml_method(text, norm(s.name), args);
    if (m) xml_method_needs(*m, p.span);
    if (!m) {
      item(plsql_codes::kNotConvertible, "XMLType method " + norm(s.name) + " has no PostgreSQL rendering", p.span);
      return std::nullopt;
    }
    text = m->sql;
    xml = m->xml;
  }
  return text;
}

// XMLSEQUENCE(x.extract(path[, ns])) / XMLSEQUENCE(EXTRACT(x, path[, ns])): the varray of the
// nodes EXTRACT matched, in document order (SQL Language Reference, "XMLSEQUENCE"; XML DB
// Developer's Guide, "XMLSEQUENCE SQL Function"): xpath()'s xml[]. TABLE(XMLSEQUENCE(…)) in FROM
// is then unnest(…) AS t(column_value) (collection_rows), VALUE(t) its element.
std::optional<std::string> Lowerer::xml_sequence(const ast::CallExpr& c, rewrite::SqlWriter& w) const {
  if (dialect() != Dialect::Postgres || c.name.size() != 1 || norm(c.name[0]) != "XMLSEQUENCE") return std::nullopt;
  const ast::CallExpr* e = nullptr;
  if (c.args.size() == 1 && c.args[0].name.empty() && c.args[0].value->kind == ast::ExprKind::Call)
    e = &static_cast<const ast::CallExpr&>(*c.args[0].value);
  std::vector<std::string> args;
  if (e)
    for (const auto& a : e->args) args.push_back(a.name.empty() ? w.expr(*a.value) : std::string());
  std::optional<std::string> x;
  if (e && e->name.size() == 1 && norm(e->name[0]) == "EXTRACT" && (args.size() == 2 || args.size() == 3)) {
    x = args[0];
    args.erase(args.begin());
  } else if (e && e->name.size() >= 2 && norm(e->name.back()) == "EXTRACT" && (args.size() == 1 || args.size() == 2)) {
    std::vector<ast::Ident> prefix(e->name.begin(), e->name.end() - 1);
    auto t = path_type(prefix, 0);
    ast::NameExpr base;
    base.parts = prefix;
    base.span = e->span;
    if (t && t->sql == "xml") x = name(base, w);
  }
  bool named = false;
  for (const auto& a : args) named = named || a.empty();
  if (!x || named) {
    item(plsql_codes::kNotConvertible,
         "XMLSEQUENCE is converted for EXTRACT's nodes only (XMLSEQUENCE(x.extract(path))), not for an XMLType "
         "document or a cursor: select the nodes with x.extract(path) or rewrite the query with xpath()",
         c.span);
    return std::nullopt;
  }
  std::string ns = args.size() == 2 ? args[1] : "";
  if (!ns.empty()) support_function(rewrite::kXpathHelper);
  return rewrite::xml_nodes(*x, args[0], ns);
}

bool Lowerer::xml_sequence_call(const ast::Expr& e) const {
  if (dialect() != Dialect::Postgres || e.kind != ast::ExprKind::Call) return false;
  auto& c = static_cast<const ast::CallExpr&>(e);
  return c.name.size() == 1 && norm(c.name[0]) == "XMLSEQUENCE";
}

}  // namespace orashift::plsql
