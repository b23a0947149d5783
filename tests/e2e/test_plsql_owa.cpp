// The PL/SQL Web Toolkit converted for PostgreSQL, where the application plays the gateway's part
// (docs/plsql.md): it sets orashift.owa_cgi, calls the procedure, reads orashift.owa_page.
// Compared with Oracle Database PL/SQL Web Toolkit Reference (Oracle Fusion Middleware 11g,
// "The htp Package": htp.print / htp.p "generates the specified parameter as a string" followed
// by a new line, htp.prn without it; "The owa_util Package": mime_header "generates the
// Content-type line in the HTTP header", followed by the blank line when bclose_header is TRUE,
// http_header_close "generates a newline character to close the HTTP header", get_cgi_env
// "returns the value of the specified CGI environment variable", NULL when it is not set;
// htf.escape_sc replaces & " < > by their entities) and with what get_cgi_env does outside a
// gateway request: the CGI arrays are not initialised and it raises VALUE_ERROR (ORA-06502),
// which Logger's STATUS catches to print to DBMS_OUTPUT instead of the page.
#include "plsql_harness.h"
#include "require_env.h"

namespace {

const char* kWeb = R"(
CREATE OR REPLACE PROCEDURE web_page(p_name VARCHAR2) IS
BEGIN
  OWA_UTIL.MIME_HEADER('text/html', FALSE);
  HTP.P('X-Name: ' || p_name);
  OWA_UTIL.HTTP_HEADER_CLOSE;
  HTP.PRN('<p>');
  HTP.PRN(HTF.ESCAPE_SC(p_name));
  HTP.P('</p>');
  HTP.PRINT('host=' || OWA_UTIL.GET_CGI_ENV('http_host') || ' agent=' || NVL(OWA_UTIL.GET_CGI_ENV('HTTP_USER_AGENT'), '-'));
END;
/
CREATE OR REPLACE PROCEDURE text_page IS
BEGIN
  HTP.INIT;
  OWA_UTIL.MIME_HEADER(ccontent_type => 'text/plain', ccharset => 'ISO-8859-1');
  HTP.P('plain');
END;
/
CREATE OR REPLACE FUNCTION cgi_listing RETURN VARCHAR2 IS
  l_out VARCHAR2(4000);
BEGIN
  FOR i IN 1 .. NVL(OWA.NUM_CGI_VARS, 0) LOOP
    l_out := l_out || OWA.CGI_VAR_NAME(i) || '=' || OWA.CGI_VAR_VAL(i) || ';';
  END LOOP;
  RETURN NVL(OWA.NUM_CGI_VARS, -1) || ':' || l_out;
END;
/
CREATE OR REPLACE FUNCTION where_called RETURN VARCHAR2 IS
  dummy VARCHAR2(255);
BEGIN
  dummy := OWA_UTIL.GET_CGI_ENV('HTTP_HOST');
  RETURN 'HTTP ' || dummy;
EXCEPTION
  WHEN VALUE_ERROR THEN
    RETURN 'SQL*Plus';
END;
/
)";

}  // namespace

TEST(PlsqlOwa, PageAndCgiEnvironmentThroughTheApplicationAsGateway) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("owa", kWeb);
  e2e::expect_all_applied(u);
  // The emulation is stated once per unit that uses the toolkit.
  auto report = e2e::read_json(u.dir.parent_path() / "report" / "report.json");
  int stated = 0;
  for (const auto& it : report["action_items"])
    stated += it["code"] == "OS6002" && it["message"].get<std::string>().find("PL/SQL Web Toolkit") != std::string::npos;
  EXPECT_EQ(stated, 4);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  // Not a web request: no CGI environment, GET_CGI_ENV raises VALUE_ERROR.
  EXPECT_EQ(s("SELECT where_called()"), "SQL*Plus");
  EXPECT_EQ(s("SELECT cgi_listing()"), "-1:");  // OWA.NUM_CGI_VARS is NULL outside a request
  // The application as the gateway: the request's environment, the call, the page.
  s("SELECT set_config('orashift.owa_cgi', '{\"HTTP_HOST\": \"example.com\", \"REQUEST_IANA_CHARSET\": \"UTF-8\"}', false)");
  EXPECT_EQ(s("SELECT where_called()"), "HTTP example.com");
  // The CGI arrays over the same environment, in the order of the names.
  EXPECT_EQ(s("SELECT cgi_listing()"), "2:HTTP_HOST=example.com;REQUEST_IANA_CHARSET=UTF-8;");
  EXPECT_EQ(s("CALL web_page('a<b & \"c\"')"), "OK");
  EXPECT_EQ(s("SELECT current_setting('orashift.owa_page')"),
            "Content-type: text/html; charset=UTF-8\nX-Name: a<b & \"c\"\n\n<p>a&lt;b &amp; &quot;c&quot;</p>\n"
            "host=example.com agent=-\n");
  // HTP.INIT starts the page again; an explicit charset wins; the header closes by default.
  EXPECT_EQ(s("CALL text_page()"), "OK");
  EXPECT_EQ(s("SELECT current_setting('orashift.owa_page')"), "Content-type: text/plain; charset=ISO-8859-1\n\nplain\n");
}
