// XMLTABLE in FROM on PostgreSQL (SQL Language Reference, "XMLTABLE"; PostgreSQL's XMLTABLE takes
// the same clauses with XPath 1.0, which Oracle's simple XQuery row and column paths are).
// What differs is written around it:
// - XMLNAMESPACES(DEFAULT 'uri'): PostgreSQL has no default namespace (it raises "DEFAULT
//   namespace is not supported"), so the URI gets the prefix orashift_default and the row and
//   column paths go through orashift_xpath_default (lower_xml.cpp), which puts that prefix on
//   their unprefixed element names; it needs a routine to create the function (else OS4013).
// - A column without PATH reads the element named as Oracle names the column (upper case
//   unless quoted): its PATH is written.
// - An empty element is '' in PostgreSQL's text column and NULL in Oracle's VARCHAR2: the text
//   columns are read through NULLIF(…, '') in a LATERAL subquery under the query's alias.
#include "common/naming.h"
#include "convert/query/sql_writer.h"
#include "convert/query/xml_sql.h"
#include "convert/type_mapping.h"
#include "dialect/sql_literal.h"

namespace orashift::rewrite {

using namespace sql::ast;

std::optional<std::string> SqlWriter::xml_table(const TableRef& t) {
  if (t.kind != TableRefKind::Function || !postgres()) return std::nullopt;
  const auto& f = static_cast<const FunctionRef&>(t);
  const XmlTableSpec* x = f.xmltable.get();
  if (!x || !x->passing || f.outer_join || x->columns.empty()) return std::nullopt;
  std::string default_uri, namespaces;
  for (const auto& ns : x->namespaces) {
    std::string uri = expr(*ns.uri);
    if (!ns.prefix) {
      if (!default_uri.empty() || !ctx_.routine || !ctx_.routine->support_function(kXpathDefaultHelper)) return std::nullopt;
      default_uri = uri;
      uri += " AS orashift_default";
    } else {
      uri += " AS " + ident(*ns.prefix);
    }
    namespaces += (namespaces.empty() ? "" : ", ") + uri;
  }
  auto path = [&](const std::string& p) {
    return default_uri.empty() ? p : std::string("\"") + kXpathDefaultHelper + "\"(" + p + ", " + default_uri + ")";
  };
  std::string columns, outer;
  for (const auto& c : x->columns) {
    std::string name = quote_ident(target_name(normalize_identifier(c.name.text)));
    std::string col = name;
    if (c.ordinality) {
      col += " FOR ORDINALITY";
      outer += (outer.empty() ? "" : ", ") + std::string("orashift_x.") + name;
    } else {
      Column typed = typed_column(normalize_identifier(c.name.text), *c.type);
      if (c.type->user_type && upper(c.type->name) != "XMLTYPE") return std::nullopt;
      ActionItems ignored;  // precision notes belong to table columns
      MappedType m = map_type(typed, ctx_.object, d_, TypeMappingSettings{}, &ignored);
      std::string p = c.path ? expr(*c.path) : quote_literal(normalize_identifier(c.name.text), d_);
      col += " " + m.sql + " PATH " + path(p);
      if (c.default_value) col += " DEFAULT " + expr(*c.default_value);
      std::string sql = upper(m.sql);
      bool text = sql.rfind("VARCHAR", 0) == 0 || sql.rfind("TEXT", 0) == 0 || sql.rfind("CHAR", 0) == 0 ||
                  sql.rfind("BPCHAR", 0) == 0;
      outer += (outer.empty() ? "" : ", ") +
               (text ? "NULLIF(orashift_x." + name + ", '') AS " + name : std::string("orashift_x.") + name);
    }
    columns += (columns.empty() ? "" : ", ") + col;
  }
  std::string xt = "XMLTABLE(" + (namespaces.empty() ? std::string() : "XMLNAMESPACES(" + namespaces + "), ") +
                   path(expr(*x->row_path)) + " PASSING ((" + expr(*x->passing) + ")::xml) COLUMNS " + columns + ")";
  std::string alias = t.alias ? ident(*t.alias) : quote_ident("orashift_xmltable");
  return "LATERAL (SELECT " + outer + " FROM " + xt + " AS orashift_x) AS " + alias;
}

}  // namespace orashift::rewrite
