#pragma once
// Oracle's XMLType operations written with PostgreSQL's xml type and its XPath 1.0 functions
// (libxml2), which evaluate the same XPath as Oracle's EXTRACT / EXISTSNODE / EXTRACTVALUE
// ("XMLType Operations", XML DB Developer's Guide). Arguments are target SQL text.
#include <optional>
#include <string>
#include <vector>

namespace orashift::rewrite {

// EXTRACT(x, path) / x.extract(path): the matched nodes as one XML value, NULL when none match.
inline std::string xml_extract(const std::string& x, const std::string& path) {
  return "(SELECT xmlagg(orashift_node) FROM unnest(xpath(" + path + ", (" + x + ")::xml)) AS orashift_node)";
}

// EXISTSNODE(x, path) / x.existsNode(path): 1 when a node matches, else 0.
inline std::string xml_exists(const std::string& x, const std::string& path) {
  return "(CASE WHEN xpath_exists(" + path + ", (" + x + ")::xml) THEN 1 ELSE 0 END)";
}

// EXTRACTVALUE(x, path): the text of the matched node; NULL (Oracle's empty string) when none.
inline std::string xml_value(const std::string& x, const std::string& path) {
  return "NULLIF((xpath('string(' || " + path + " || ')', (" + x + ")::xml))[1]::text, '')";
}

// XMLTYPE(text) and XMLTYPE.CREATEXML(text): a well-formed document, as Oracle requires.
inline std::string xml_parse(const std::string& text) { return "XMLPARSE(DOCUMENT (" + text + "))"; }

// An XMLType member function (upper-case name) on `x`: the value, and whether it is XML again
// (EXTRACT) so that a further method applies; nullopt for a method not converted.
struct XmlMethod {
  std::string sql;
  bool xml = false;
};
inline std::optional<XmlMethod> xml_method(const std::string& x, const std::string& method, const std::vector<std::string>& args) {
  if ((method == "GETSTRINGVAL" || method == "GETCLOBVAL") && args.empty()) return XmlMethod{"(" + x + ")::text"};
  if (method == "GETNUMBERVAL" && args.empty()) return XmlMethod{"((" + x + ")::text)::numeric"};
  // The first element's name: EXTRACT's result may be several elements (a fragment), which
  // PostgreSQL's xpath() does not take, so the name is read off the text.
  if (method == "GETROOTELEMENT" && args.empty())
    return XmlMethod{"substring((" + x + ")::text FROM '<([^[:space:]/>?!][^[:space:]/>]*)')"};
  if (method == "EXTRACT" && args.size() == 1) return XmlMethod{xml_extract(x, args[0]), true};
  if (method == "EXISTSNODE" && args.size() == 1) return XmlMethod{xml_exists(x, args[0])};
  return std::nullopt;
}

}  // namespace orashift::rewrite
