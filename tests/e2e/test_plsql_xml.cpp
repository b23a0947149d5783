// XMLType in PL/SQL converted for PostgreSQL's xml type and compared with Oracle's documented
// results (XML DB Developer's Guide, "XMLType Operations": EXTRACT returns the matching nodes or
// NULL, EXISTSNODE 1 or 0, EXTRACTVALUE the text of one node; XMLType methods getStringVal,
// getNumberVal, getRootElement; PL/SQL Packages and Types Reference, "DBMS_XMLGEN": GETXMLTYPE
// returns <ROWSET><ROW><column>value</column></ROW></ROWSET>, NULL columns left out by default).
// DBMS_XMLGEN's query text runs as written, so the test's queries are valid on both databases.
#include "plsql_harness.h"
#include "require_env.h"

namespace {

const char* kXml = R"(
CREATE OR REPLACE FUNCTION xml_reads RETURN VARCHAR2 IS
  l_xml XMLTYPE := XMLTYPE('<a><b>1</b><c>x</c><c>y</c></a>');
  l_none XMLTYPE;
BEGIN
  l_none := l_xml.extract('/a/z');
  RETURN l_xml.extract('/a/c[2]/text()').getStringVal() || '|' ||
         EXTRACTVALUE(l_xml, '/a/b') || '|' ||
         l_xml.existsNode('/a/b') || l_xml.existsNode('/a/z') || '|' ||
         l_xml.getRootElement() || '|' ||
         NVL2(l_none, 'nodes', 'null') || '|' ||
         (XMLTYPE.CREATEXML('<n>42</n>').extract('/n/text()').getNumberVal() + 1) || '|' ||
         l_xml.extract('/a/c').getStringVal();
END;
/
CREATE OR REPLACE FUNCTION xmlgen_rows(p_query VARCHAR2) RETURN VARCHAR2 IS
  l_doc XMLTYPE := DBMS_XMLGEN.GETXMLTYPE(p_query);
  l_name VARCHAR2(100);
BEGIN
  IF l_doc IS NULL THEN
    RETURN 'no rows';
  END IF;
  SELECT extract(l_doc, '/*/*/*').getRootElement() INTO l_name FROM dual;
  RETURN l_doc.getRootElement() || '/' || l_name || '=' || l_doc.extract('/ROWSET/ROW[1]/*[1]/text()').getStringVal()
         || ' rows ' || EXTRACTVALUE(l_doc, 'count(/ROWSET/ROW)');
END;
/
)";

}  // namespace

TEST(PlsqlXml, XmlTypeMethodsAndDbmsXmlgenAsOracleDocumentsThem) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("plsql_xml", kXml);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("SELECT xml_reads()"), "y|1|10|a|null|43|<c>x</c><c>y</c>");
  EXPECT_EQ(s("SELECT xmlgen_rows('SELECT 7 AS \"Total\" UNION ALL SELECT 8')"), "ROWSET/Total=7 rows 2");
  // A column alias that is not an XML name is escaped as SQL/XML says (both databases follow it).
  EXPECT_EQ(s("SELECT xmlgen_rows('SELECT 1 AS \"a b\"')"), "ROWSET/a_x0020_b=1 rows 1");
  EXPECT_EQ(s("SELECT xmlgen_rows('SELECT 1 WHERE 1 = 0')"), "no rows");
}
