#pragma once
// Oracle's XMLType operations written with PostgreSQL's xml type and its XPath 1.0 functions
// (libxml2), which evaluate the same XPath as Oracle's EXTRACT / EXISTSNODE / EXTRACTVALUE
// ("XMLType Operations", XML DB Developer's Guide). Arguments are target SQL text.
//
// Oracle's optional namespace argument ('xmlns:a="uri1" xmlns="uri2"') goes through the support
// function orashift_xpath (lower_xml.cpp), which turns the declarations into xpath()'s namespace
// array and, for a default namespace (which PostgreSQL's xpath has not), gives it a prefix and
// puts that prefix on the path's unprefixed element names. `ns` empty: no namespace argument.
// A caller that passes `ns` must have the routine create orashift_xpath (XmlMethod::helper).
#include <optional>
#include <string>
#include <vector>

namespace orashift::rewrite {

inline constexpr const char* kXpathHelper = "orashift_xpath";
// orashift_xpath_default(path, uri): `path` with the prefix orashift_default on its unprefixed
// element names (orashift_xpath calls it; XMLTABLE with XMLNAMESPACES(DEFAULT uri) too).
inline constexpr const char* kXpathDefaultHelper = "orashift_xpath_default";

// The nodes `path` selects in `x`, as xml[] in document order.
inline std::string xml_nodes(const std::string& x, const std::string& path, const std::string& ns = "") {
  if (ns.empty()) return "xpath(" + path + ", (" + x + ")::xml)";
  return std::string("\"") + kXpathHelper + "\"((" + path + ")::text, (" + x + ")::xml, (" + ns + ")::text)";
}

// EXTRACT(x, path) / x.extract(path): the matched nodes as one XML value, NULL when none match.
inline std::string xml_extract(const std::string& x, const std::string& path, const std::string& ns = "") {
  return "(SELECT xmlagg(orashift_node) FROM unnest(" + xml_nodes(x, path, ns) + ") AS orashift_node)";
}

// EXISTSNODE(x, path) / x.existsNode(path): 1 when a node matches, else 0.
inline std::string xml_exists(const std::string& x, const std::string& path, const std::string& ns = "") {
  if (ns.empty()) return "(CASE WHEN xpath_exists(" + path + ", (" + x + ")::xml) THEN 1 ELSE 0 END)";
  return "(CASE WHEN cardinality(" + xml_nodes(x, path, ns) + ") > 0 THEN 1 ELSE 0 END)";
}

// EXTRACTVALUE(x, path): the text of the matched node; NULL (Oracle's empty string) when none.
// PostgreSQL returns a string result escaped as XML text (&amp; &lt; &gt; &#x0d;); Oracle returns
// the text itself, so the escapes are undone (&amp; last, so that a text "&lt;" stays itself).
inline std::string xml_value(const std::string& x, const std::string& path, const std::string& ns = "") {
  std::string s = "(" + xml_nodes(x, "'string(' || " + path + " || ')'", ns) + ")[1]::text";
  return "NULLIF(replace(replace(replace(replace(" + s +
         ", '&lt;', '<'), '&gt;', '>'), '&#x0d;', chr(13)), '&amp;', '&'), '')";
}

// XMLTYPE(text) and XMLTYPE.CREATEXML(text): a well-formed document, as Oracle requires.
inline std::string xml_parse(const std::string& text) { return "XMLPARSE(DOCUMENT (" + text + "))"; }

// An XMLType member function (upper-case name) on `x`: the value, and whether it is XML again
// (EXTRACT) so that a further method applies; nullopt for a method not converted. `helper`: the
// value calls orashift_xpath (a namespace argument); `xslt`: it calls xml2's xslt_process.
struct XmlMethod {
  std::string sql;
  bool xml = false;
  bool helper = false;
  bool xslt = false;
};
inline std::optional<XmlMethod> xml_method(const std::string& x, const std::string& method, const std::vector<std::string>& args) {
  if ((method == "GETSTRINGVAL" || method == "GETCLOBVAL") && args.empty()) return XmlMethod{"(" + x + ")::text"};
  if (method == "GETNUMBERVAL" && args.empty()) return XmlMethod{"((" + x + ")::text)::numeric"};
  // The first element's name: EXTRACT's result may be several elements (a fragment), which
  // PostgreSQL's xpath() does not take, so the name is read off the text.
  if (method == "GETROOTELEMENT" && args.empty())
    return XmlMethod{"substring((" + x + ")::text FROM '<([^[:space:]/>?!][^[:space:]/>]*)')"};
  // transform(xsl): the XSLT 1.0 result (libxslt, through xml2's xslt_process, as Oracle's XSLT
  // 1.0 processor) as xml content, without the XML declaration and the final line end libxslt
  // writes around an XML result (a text result has neither).
  if (method == "TRANSFORM" && args.size() == 1)
    return XmlMethod{"(SELECT (CASE WHEN orashift_out ~ '^<\\?xml' THEN regexp_replace(substring(orashift_out FROM "
                     "'^<\\?xml[^>]*\\?>\\n?(.*)$'), '\\n$', '') ELSE orashift_out END)::xml FROM xslt_process((" +
                         x + ")::text, (" + args[0] + ")::text) AS orashift_out)",
                     true, false, true};
  std::string ns = args.size() == 2 ? args[1] : "";
  if (method == "EXTRACT" && (args.size() == 1 || args.size() == 2)) return XmlMethod{xml_extract(x, args[0], ns), true, !ns.empty()};
  if (method == "EXISTSNODE" && (args.size() == 1 || args.size() == 2))
    return XmlMethod{xml_exists(x, args[0], ns), false, !ns.empty()};
  return std::nullopt;
}

}  // namespace orashift::rewrite
