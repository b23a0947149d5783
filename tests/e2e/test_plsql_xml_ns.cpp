// XMLType with Oracle's namespace argument, TABLE(XMLSEQUENCE(…)) in FROM and DBMS_XMLGEN's
// context API, converted for PostgreSQL and compared with Oracle's documented results:
// - XML DB Developer's Guide, "EXTRACT (XML)", "EXISTSNODE", "EXTRACTVALUE": namespace_string
//   'xmlns:p="uri" …' maps the path's prefixes, xmlns="uri" is the default namespace of its
//   unprefixed element names (attribute names have none); EXTRACTVALUE returns the text itself
//   (x&y, not x&amp;y); XMLType.transform applies an XSLT 1.0 stylesheet.
// - SQL Language Reference, "XMLTABLE": XMLNAMESPACES(DEFAULT uri) is the namespace of the
//   paths' unprefixed element names; a column without PATH reads the element of its (upper-case)
//   name; FOR ORDINALITY numbers the rows.
// - SQL Language Reference, "XMLSEQUENCE": a varray of the nodes, one row each in TABLE(…);
//   "VALUE": the row's element.
// - PL/SQL Packages and Types Reference, "DBMS_XMLGEN": an unquoted column N is the element N;
//   GETXML's CLOB is
//   <?xml version="1.0"?> then <ROWSET>, one <ROW> a row, one space of indent a level;
//   SETROWTAG renames ROW; SETNULLHANDLING DROP_NULLS (0) leaves a NULL column out, NULL_ATTR (1)
//   writes <C xsi:nil = "true"/> with xmlns:xsi on the rowset, EMPTY_TAG (2) writes <C/>;
//   SETSKIPROWS skips rows before generating, SETMAXROWS caps them, and the next GETXML goes on
//   after the rows already fetched (RESTARTQUERY starts again); GETNUMROWSPROCESSED counts the
//   rows written, not the skipped ones; SETBINDVALUE binds :name (ORA-01008 when one is unbound);
//   NEWCONTEXT(cursor) reads the cursor's rows, each GETXML the next ones.
#include <fstream>

#include "plsql_harness.h"
#include "require_env.h"

namespace {

const char* kXmlNs = R"(
CREATE OR REPLACE FUNCTION xml_ns_reads RETURN VARCHAR2 IS
  l_xml XMLTYPE := XMLTYPE('<r xmlns="urn:d" xmlns:t="urn:t"><a id="1"><b>x&amp;y</b><t:c>y</t:c></a><a id="2"><b>z</b></a></r>');
  l_ns VARCHAR2(100) := 'xmlns="urn:d" xmlns:t="urn:t"';
BEGIN
  RETURN l_xml.extract('/r/a[@id="2"]/b/text()', l_ns).getStringVal() || '|' ||
         l_xml.existsNode('//t:c', 'xmlns:t="urn:t"') || l_xml.existsNode('/r/a') || l_xml.existsNode('/r/a', l_ns) ||
         l_xml.existsNode('/r/a[b and @id = 2 * 1]/attribute::id', l_ns) || '|' ||
         EXTRACTVALUE(l_xml, '/r/a[1]/b', l_ns) || '|' || EXTRACTVALUE(l_xml, '/r/a[1]/t:c', l_ns) || '|' ||
         l_xml.extract('//t:c', 'xmlns:t="urn:t"').getStringVal() || '|' ||
         NVL2(l_xml.extract('/r/a[1]/t:c', 'xmlns:t="urn:t"'), 'nodes', 'null');
END;
/
CREATE OR REPLACE FUNCTION xml_rows(p_doc VARCHAR2, p_path VARCHAR2, p_ns VARCHAR2) RETURN VARCHAR2 IS
  l_xml XMLTYPE := XMLTYPE(p_doc);
  l_out VARCHAR2(4000);
BEGIN
  FOR r IN (SELECT extractValue(value(t), '*/@id', p_ns) AS id, extractValue(value(t), '*/b', p_ns) AS b
              FROM table(xmlsequence(l_xml.extract(p_path, p_ns))) t) LOOP
    l_out := l_out || '[' || r.id || '=' || r.b || ']';
  END LOOP;
  SELECT l_out || count(*) INTO l_out FROM table(xmlsequence(extract(l_xml, p_path, p_ns))) t WHERE t.column_value IS NOT NULL;
  RETURN l_out;
END;
/
CREATE OR REPLACE FUNCTION xml_transform(p_doc VARCHAR2, p_text NUMBER) RETURN VARCHAR2 IS
  l_xsl XMLTYPE := XMLTYPE('<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">' ||
    CASE WHEN p_text = 1 THEN '<xsl:output method="text"/>' END ||
    '<xsl:template match="/"><list><xsl:for-each select="r/a"><item n="{@id}"><xsl:value-of select="b"/></item>' ||
    '</xsl:for-each></list></xsl:template></xsl:stylesheet>');
BEGIN
  RETURN XMLTYPE(p_doc).transform(l_xsl).getStringVal();
END;
/
CREATE OR REPLACE FUNCTION xml_table_rows(p_doc VARCHAR2) RETURN VARCHAR2 IS
  l_xml XMLTYPE := XMLTYPE(p_doc);
  l_out VARCHAR2(4000);
BEGIN
  FOR r IN (SELECT x.r_id, x.sheetid, x.name, x.state, x.n
              FROM xmltable(xmlnamespaces(default 'urn:main', 'urn:rel' AS "r"),
                            '/workbook/sheets/sheet' passing l_xml
                            columns r_id varchar2(255) path '@r:id',
                                    sheetid number path '@sheetId',
                                    name varchar2(31) path 'title',
                                    state varchar2(10) path '@state',
                                    n for ordinality) x
             WHERE x.r_id IS NOT NULL) LOOP
    l_out := l_out || '[' || r.n || ':' || r.r_id || ',' || r.sheetid || ',' || NVL(r.name, '~') || ',' || NVL(r.state, '~') || ']';
  END LOOP;
  SELECT l_out || '|' || listagg(item, ',') WITHIN GROUP (ORDER BY item) INTO l_out
    FROM xmltable('/list/row' passing XMLTYPE('<list><row><ITEM>b</ITEM></row><row><item>x</item><ITEM>a</ITEM></row></list>')
                  columns item varchar2(10)) t;
  RETURN l_out;
END;
/
CREATE OR REPLACE FUNCTION xmlgen_ctx(p_sql VARCHAR2, p_nulls NUMBER, p_max NUMBER, p_skip NUMBER, p_row VARCHAR2) RETURN CLOB IS
  l_ctx dbms_xmlgen.ctxhandle;
  l_xml CLOB;
  l_n NUMBER;
BEGIN
  l_ctx := dbms_xmlgen.newcontext(p_sql);
  dbms_xmlgen.setnullhandling(l_ctx, p_nulls);
  dbms_xmlgen.setbindvalue(l_ctx, 'lo', '2');
  dbms_xmlgen.setrowtag(l_ctx, p_row);
  IF p_max IS NOT NULL THEN
    dbms_xmlgen.setmaxrows(l_ctx, p_max);
  END IF;
  IF p_skip IS NOT NULL THEN
    dbms_xmlgen.setskiprows(l_ctx, p_skip);
  END IF;
  l_xml := dbms_xmlgen.getxml(l_ctx, dbms_xmlgen.none);
  l_n := dbms_xmlgen.getnumrowsprocessed(l_ctx);
  dbms_xmlgen.closecontext(l_ctx);
  RETURN l_n || ':' || l_xml;
END;
/
CREATE OR REPLACE FUNCTION xmlgen_pages(p_sql VARCHAR2) RETURN VARCHAR2 IS
  l_ctx dbms_xmlgen.ctxhandle := dbms_xmlgen.newcontext(p_sql);
  l_doc XMLTYPE;
  l_out VARCHAR2(4000);
BEGIN
  dbms_xmlgen.setmaxrows(l_ctx, 2);
  dbms_xmlgen.setrowsettag(l_ctx, 'PAGE');
  dbms_xmlgen.setnullhandling(l_ctx, dbms_xmlgen.empty_tag);
  LOOP
    l_doc := dbms_xmlgen.getxmltype(l_ctx);
    EXIT WHEN dbms_xmlgen.getnumrowsprocessed(l_ctx) = 0;
    l_out := l_out || l_doc.getRootElement() || dbms_xmlgen.getnumrowsprocessed(l_ctx) || '=' ||
             l_doc.extract('/PAGE/ROW/N/text()').getStringVal() || ';';
  END LOOP;
  dbms_xmlgen.restartquery(l_ctx);
  l_doc := dbms_xmlgen.getxmltype(l_ctx, dbms_xmlgen.none);
  l_out := l_out || 'again ' || l_doc.extract('/PAGE/ROW[2]').getStringVal();
  dbms_xmlgen.closecontext(l_ctx);
  RETURN l_out;
END;
/
CREATE OR REPLACE FUNCTION xmlgen_cursor(p_rc SYS_REFCURSOR) RETURN CLOB IS
  l_ctx dbms_xmlgen.ctxhandle := dbms_xmlgen.newcontext(p_rc);
  l_xml CLOB;
  l_n NUMBER;
BEGIN
  dbms_xmlgen.setnullhandling(l_ctx, dbms_xmlgen.null_attr);
  dbms_xmlgen.setskiprows(l_ctx, 1);
  dbms_xmlgen.setmaxrows(l_ctx, 2);
  l_xml := dbms_xmlgen.getxml(l_ctx);
  l_n := dbms_xmlgen.getnumrowsprocessed(l_ctx);
  l_xml := l_xml || dbms_xmlgen.getxml(l_ctx);
  l_n := l_n || dbms_xmlgen.getnumrowsprocessed(l_ctx);
  dbms_xmlgen.closecontext(l_ctx);
  RETURN l_n || ':' || l_xml;
END;
/
CREATE OR REPLACE FUNCTION xmlgen_cursor_rows RETURN CLOB IS
  l_rc SYS_REFCURSOR;
BEGIN
  OPEN l_rc FOR
    SELECT n, CASE WHEN n = 2 THEN NULL ELSE 'v' || n END AS "Val"
      FROM (SELECT 1 AS n FROM dual UNION ALL SELECT 2 FROM dual UNION ALL SELECT 3 FROM dual UNION ALL SELECT 4 FROM dual)
     ORDER BY n;
  RETURN xmlgen_cursor(l_rc);
END;
/
)";

}  // namespace

TEST(PlsqlXml, NamespaceArgumentsAndXmlSequenceAsOracleDocumentsThem) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("plsql_xml_ns", kXmlNs);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  // Unprefixed /r/a without the namespace argument matches nothing: the elements are in urn:d.
  // Unprefixed /r without xmlns="urn:d" in the argument is no element of the document: NULL.
  EXPECT_EQ(s("SELECT xml_ns_reads()"), "z|1011|x&y|y|<t:c xmlns:t=\"urn:t\">y</t:c>|null");
  const char* doc = "'<r xmlns=\"urn:d\"><a id=\"1\"><b>x</b></a><q><a id=\"2\"><b>1 &lt; 2</b></a></q></r>'";
  EXPECT_EQ(s(std::string("SELECT xml_rows(") + doc + ", '//a', 'xmlns=\"urn:d\"')"), "[1=x][2=1 < 2]2");
  EXPECT_EQ(s(std::string("SELECT xml_rows(") + doc + ", '/r/q/a', 'xmlns=''urn:d''')"), "[2=1 < 2]1");
  // transform: the result document (XML DB Developer's Guide, "XSL Transformation"); a text
  // output method gives the text.
  const char* plain = "'<r><a id=\"1\"><b>x</b></a><a id=\"2\"><b>z</b></a></r>'";
  EXPECT_EQ(s(std::string("SELECT xml_transform(") + plain + ", 0)"), "<list><item n=\"1\">x</item><item n=\"2\">z</item></list>");
  EXPECT_EQ(s(std::string("SELECT xml_transform(") + plain + ", 1)"), "xz");
  // XMLTABLE with XMLNAMESPACES(DEFAULT …): unprefixed names in the default namespace, attribute
  // names in none; an empty element is NULL (Oracle's empty VARCHAR2); FOR ORDINALITY counts rows.
  EXPECT_EQ(s("SELECT xml_table_rows('<workbook xmlns=\"urn:main\" xmlns:r=\"urn:rel\"><sheets>"
              "<sheet r:id=\"rId1\" sheetId=\"1\"><title>One</title></sheet>"
              "<sheet r:id=\"rId2\" sheetId=\"2\" state=\"hidden\"><title/></sheet><sheet sheetId=\"3\"/></sheets></workbook>')"),
            "[1:rId1,1,One,~][2:rId2,2,~,hidden]|a,b");
  // No node: no row, as TABLE() of an empty varray.
  EXPECT_EQ(s(std::string("SELECT xml_rows(") + doc + ", '//a', NULL)"), "0");
}

TEST(PlsqlXml, DbmsXmlgenContextAsOracleDocumentsIt) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("plsql_xmlgen_ctx", kXmlNs);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  // Both databases run this query text (the values differ only in the bind).
  const std::string q =
      "'SELECT n, CASE WHEN n = 3 THEN NULL ELSE ''v'' || n END AS \"Val\" FROM (SELECT 1 AS n FROM dual UNION ALL "
      "SELECT 2 FROM dual UNION ALL SELECT 3 FROM dual UNION ALL SELECT 4 FROM dual) x WHERE n >= :lo AND '':lo'' = '':lo'' "
      "ORDER BY n'";
  s("CREATE VIEW dual AS SELECT 'X'::varchar(1) AS dummy");
  EXPECT_EQ(s("SELECT xmlgen_ctx(" + q + ", 0, NULL, NULL, 'EMP')"),
            "3:<?xml version=\"1.0\"?>\n<ROWSET>\n <EMP>\n  <N>2</N>\n  <Val>v2</Val>\n </EMP>\n <EMP>\n  <N>3</N>\n </EMP>\n"
            " <EMP>\n  <N>4</N>\n  <Val>v4</Val>\n </EMP>\n</ROWSET>\n");
  EXPECT_EQ(s("SELECT xmlgen_ctx(" + q + ", 1, 1, 1, 'ROW')"),
            "1:<?xml version=\"1.0\"?>\n<ROWSET xmlns:xsi = \"http://www.w3.org/2001/XMLSchema-instance\">\n <ROW>\n"
            "  <N>3</N>\n  <Val xsi:nil = \"true\"/>\n </ROW>\n</ROWSET>\n");
  EXPECT_EQ(s("SELECT xmlgen_ctx(" + q + ", 2, NULL, 2, 'ROW')"),
            "1:<?xml version=\"1.0\"?>\n<ROWSET>\n <ROW>\n  <N>4</N>\n  <Val>v4</Val>\n </ROW>\n</ROWSET>\n");
  // A NULL row tag leaves the row element out.
  EXPECT_EQ(s("SELECT xmlgen_ctx(" + q + ", 0, 1, NULL, NULL)"),
            "1:<?xml version=\"1.0\"?>\n<ROWSET>\n <N>2</N>\n <Val>v2</Val>\n</ROWSET>\n");
  // No row: GETXML returns NULL and no row was processed.
  EXPECT_EQ(s("SELECT xmlgen_ctx('SELECT 1 AS n FROM dual WHERE :lo IS NULL', 0, NULL, NULL, 'ROW')"), "0:");
  // A bind the query has and SETBINDVALUE did not set: ORA-01008; a value is a literal, never SQL.
  EXPECT_NE(s("SELECT xmlgen_ctx('SELECT 1 AS n FROM dual WHERE :hi IS NULL', 0, NULL, NULL, 'ROW')").find("ORA-01008"),
            std::string::npos);
  EXPECT_EQ(s("SELECT xmlgen_ctx('SELECT :lo || '' OR 1=1'' AS n FROM dual', 0, NULL, NULL, 'ROW')"),
            "1:<?xml version=\"1.0\"?>\n<ROWSET>\n <ROW>\n  <N>2 OR 1=1</N>\n </ROW>\n</ROWSET>\n");
  // Pages of SETMAXROWS rows, each GETXML after the last; RESTARTQUERY starts again.
  EXPECT_EQ(s("SELECT xmlgen_pages('SELECT n, CASE WHEN n = 4 THEN NULL END AS e FROM (SELECT 1 AS n FROM dual UNION ALL "
              "SELECT 2 FROM dual UNION ALL SELECT 3 FROM dual UNION ALL SELECT 4 FROM dual) x ORDER BY n')"),
            "PAGE2=12;PAGE2=34;again <ROW><N>2</N><E/></ROW>");
  // A cursor's context: the first GETXML skips one row and writes two, the next skips the fourth.
  EXPECT_EQ(s("SELECT xmlgen_cursor_rows()"),
            "20:<?xml version=\"1.0\"?>\n<ROWSET xmlns:xsi = \"http://www.w3.org/2001/XMLSchema-instance\">\n <ROW>\n"
            "  <N>2</N>\n  <Val xsi:nil = \"true\"/>\n </ROW>\n <ROW>\n  <N>3</N>\n  <Val>v3</Val>\n </ROW>\n</ROWSET>\n");
}

// What is not converted is an error-level item at the construct: XMLSEQUENCE of a document (not
// EXTRACT's nodes), GETXML with a DTD.
TEST(PlsqlXml, UnconvertedXmlConstructsAreItemsAtTheirPlace) {
  const char* src = R"(CREATE OR REPLACE FUNCTION xml_flagged(p_xml XMLTYPE, p_rc SYS_REFCURSOR) RETURN NUMBER IS
  l_n NUMBER;
  l_ctx dbms_xmlgen.ctxhandle;
BEGIN
  SELECT count(*) INTO l_n FROM table(xmlsequence(p_xml)) t;
  l_ctx := dbms_xmlgen.newcontext(p_rc);
  RETURN l_n + length(dbms_xmlgen.getxml(l_ctx, 1));
END;
/
)";
  auto dir = e2e::temp_dir("plsql-xml-flagged");
  std::filesystem::create_directories(dir / "src");
  std::ofstream(dir / "src" / "install.sql", std::ios::binary) << src;
  auto c = e2e::run_orashift({"convert", "--source", "oracle-files:" + (dir / "src").string(), "--target", "postgres",
                              "--out", (dir / "out").string()});
  auto report = e2e::read_json(dir / "out" / "report" / "report.json");
  std::set<std::string> at;
  for (const auto& i : report["action_items"])
    if (i["code"] == "OS6001" && i["severity"] != "low" && i["severity"] != "medium")
      at.insert(std::to_string(i["location"]["line"].get<int>()) + ":" + std::to_string(i["location"]["column"].get<int>()));
  EXPECT_EQ(at, (std::set<std::string>{"5:39", "7:23"})) << report["action_items"].dump(1);
  auto manifest = e2e::read_json(dir / "out" / "postgres" / "manifest.json");
  EXPECT_NE(manifest["flagged"].dump().find("XML_FLAGGED"), std::string::npos) << c.output;
}

// The corpus's JSON_UTIL_PKG (alexandria-plsql-utils) end to end: DBMS_XMLGEN's context over a
// query text and over a cursor, then transform with its XML-to-JSON stylesheet. Oracle's result
// for these rows: {"ROWSET":[{"A":1,"Bb":"x\"y"},{"A":2,"Bb":null}]} (EMPTY_TAG null handling,
// unquoted alias A upper case).
TEST(PlsqlXml, CorpusJsonUtilPkgTurnsRowsIntoJson) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  std::filesystem::path ora = e2e::corpus_dir() + "/mortenbra__alexandria-plsql-utils";
  if (!std::filesystem::exists(ora / "ora" / "json_util_pkg.pkb")) ORASHIFT_SKIP_OR_FAIL() << "corpus not found at " << ora;
  auto read = [](const std::filesystem::path& p) {
    std::ifstream f(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(f), {});
  };
  std::string src = "create type t_str_array as table of varchar2(4000);\n/\n" + read(ora / "ora" / "json_util_pkg.pks") +
                    "\n" + read(ora / "ora" / "json_util_pkg.pkb") + "\n";
  auto u = e2e::convert_and_apply("json_util", src);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  const std::string rows = "{\"ROWSET\":[{\"A\":1,\"Bb\":\"x\\\"y\"},{\"A\":2,\"Bb\":null}]}";
  EXPECT_EQ(s("SELECT json_util_pkg.sql_to_json('SELECT 1 AS a, ''x\"y'' AS \"Bb\" UNION ALL SELECT 2, NULL')"), rows);
  EXPECT_EQ(s("SELECT json_util_pkg.sql_to_json('SELECT :n AS a', ARRAY['N'], ARRAY['7'])"),
            "{\"ROWSET\":{\"ROW\":{\"A\":7}}}");  // the stylesheet writes one row as an object
  s("BEGIN");
  s("DECLARE c CURSOR FOR SELECT 1 AS a, 'x\"y' AS \"Bb\" UNION ALL SELECT 2, NULL");
  EXPECT_EQ(s("SELECT json_util_pkg.ref_cursor_to_json('c')"), rows);
  s("COMMIT");
}
