// XMLType in PL/SQL on PostgreSQL: member functions on xml values (x.extract(p).getStringVal()),
// XMLTYPE.CREATEXML and DBMS_XMLGEN's one-call form (GETXMLTYPE / GETXML of a query's text).
// The SQL functions (EXTRACT, EXTRACTVALUE, EXISTSNODE, XMLTYPE()) are the SQL writer's
// (sql_writer_calls.cpp); both write through convert/query/xml_sql.h.
#include "convert/plsql/codes.h"
#include "convert/plsql/lowerer.h"
#include "convert/query/sql_writer.h"
#include "convert/query/xml_sql.h"

namespace orashift::plsql {

namespace {

// DBMS_XMLGEN.GETXMLTYPE(query) on PostgreSQL: query_to_xml's rows (NULL columns left out, as
// DBMS_XMLGEN's default DROP_NULLS) renamed to Oracle's <ROWSET><ROW>…; NULL for no row.
constexpr const char* kXmlgen = R"SQL((query text)
RETURNS xml
LANGUAGE plpgsql
AS $orashift$
DECLARE
  forest xml := query_to_xml(query, false, true, '');
BEGIN
  IF forest IS NULL OR forest::text = '' THEN
    RETURN NULL;
  END IF;
  RETURN (SELECT xmlelement(name "ROWSET",
                            xmlagg(xmlelement(name "ROW", (SELECT xmlagg(c) FROM unnest(xpath('/row/*', r)) AS c)) ORDER BY i))
            FROM unnest(xpath('/orashift/row', ('<orashift>' || forest::text || '</orashift>')::xml)) WITH ORDINALITY AS x(r, i));
END
$orashift$;
)SQL";

}  // namespace

std::string xmlgen_helper_sql(const std::string& name) { return name == "orashift_xmlgen" ? kXmlgen : ""; }

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
    if (!m) {
      item(plsql_codes::kNotConvertible, "XMLType method " + norm(s.name) + " has no PostgreSQL rendering", p.span);
      return std::nullopt;
    }
    text = m->sql;
    xml = m->xml;
  }
  return text;
}

std::optional<std::string> Lowerer::xmlgen_call(const std::string& fn, const ast::CallExpr* c, Span span,
                                                rewrite::SqlWriter& w) const {
  if (dialect() != Dialect::Postgres || !c || c->args.size() != 1 || !c->args[0].name.empty()) return std::nullopt;
  if (fn != "GETXMLTYPE" && fn != "GETXML") return std::nullopt;
  // A NUMBER argument is a context handle (NEWCONTEXT): not converted.
  if (oracle_family_of(*c->args[0].value) == "NUMBER") return std::nullopt;
  item(plsql_codes::kDynamicSql,
       "DBMS_XMLGEN." + fn + " runs its query text as written on PostgreSQL (not converted from Oracle SQL); column "
       "elements are named as PostgreSQL names the columns (unquoted names in lower case)",
       span);
  std::string x = helper_call("orashift_xmlgen", "(" + w.expr(*c->args[0].value) + ")::text");
  // GETXML's CLOB starts with the XML declaration (Oracle also indents it: whitespace differs).
  return fn == "GETXML" ? "('<?xml version=\"1.0\"?>' || chr(10) || (" + x + ")::text)" : x;
}

}  // namespace orashift::plsql
