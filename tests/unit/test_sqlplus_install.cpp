// SQL*Plus install-script semantics (issue 17): which file `@`, `@@` and START run, the default
// suffix, CONNECT / ALTER SESSION switching the schema, PL/SQL units without their `/`, SET
// SQLBLANKLINES; and the oracle-files source reading a multi-file install layout through them.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "endpoints/oracle_files/oracle_files_source.h"
#include "endpoints/oracle_files/script_graph.h"
#include "sql/parser.h"
#include "sql/script.h"
#include "sql/sqlplus_path.h"

using namespace orashift;
namespace fs = std::filesystem;

namespace {

const fs::path kLayout = fs::path(ORASHIFT_SOURCE_DIR) / "tests/data/install_layout";

std::vector<std::string> statements(const sql::Script& s) {
  std::vector<std::string> out;
  for (const auto& st : s.statements) out.emplace_back(st.span.text());
  return out;
}

}  // namespace

TEST(SqlplusPath, FileNameRules) {
  EXPECT_EQ(sql::sqlplus_script_file_name("setup"), "setup.sql");            // SUFFIX
  EXPECT_EQ(sql::sqlplus_script_file_name("schema/orders.tab;"), "schema/orders.tab");
  EXPECT_EQ(sql::sqlplus_script_file_name("'my dir/x' arg1"), "my dir/x.sql");
  EXPECT_EQ(sql::sqlplus_script_file_name("pkg/api.pkb  &1 &2"), "pkg/api.pkb");
  EXPECT_EQ(sql::sqlplus_script_file_name("../up/.hidden"), "../up/.hidden.sql");
  EXPECT_EQ(sql::sqlplus_script_file_name(""), "");
}

TEST(SqlplusPath, AtIsRelativeToTheStartFolderDoubleAtToTheCaller) {
  const fs::path schema = kLayout / "schema";
  // @@orders.con from schema/orders.tab: schema/orders.con.
  auto nested = sql::resolve_sqlplus_script("orders.con", true, schema, kLayout);
  ASSERT_TRUE(nested);
  EXPECT_EQ(nested->filename(), "orders.con");
  // @schema/orders.tab from anywhere: the start folder.
  auto run = sql::resolve_sqlplus_script("schema/orders.tab", false, kLayout / "pkg", kLayout);
  ASSERT_TRUE(run);
  EXPECT_EQ(run->lexically_relative(kLayout).generic_string(), "schema/orders.tab");
  // Case differences (scripts written on Windows) still find the file.
  EXPECT_TRUE(sql::resolve_sqlplus_script("SCHEMA/Orders.TAB", false, kLayout, kLayout));
  EXPECT_FALSE(sql::resolve_sqlplus_script("schema/nothing.tab", false, kLayout, kLayout));
}

TEST(SqlplusPath, ConnectSchema) {
  EXPECT_EQ(sql::sqlplus_connect_schema("shop/&pw@//host/pdb"), "SHOP");
  EXPECT_EQ(sql::sqlplus_connect_schema("hr@xe"), "HR");
  EXPECT_EQ(sql::sqlplus_connect_schema("\"MixedCase\"/pw"), "MixedCase");
  EXPECT_EQ(sql::sqlplus_connect_schema("sys/x@db AS SYSDBA"), "SYS");
  EXPECT_EQ(sql::sqlplus_connect_schema("/ as sysdba"), "SYS");
  EXPECT_EQ(sql::sqlplus_connect_schema("&user/&pw"), "");
}

TEST(SqlplusPath, CodeExtensionsInInstallOrder) {
  for (const char* f : {"a.sql", "a.tab", "a.vw", "a.pks", "a.pkb", "a.pkg", "a.pck", "a.pls", "a.prc", "a.fnc",
                        "a.trg", "a.typ", "a.seq", "a.ddl", "a.con", "a.ind", "A.PKB"})
    EXPECT_TRUE(sql::is_code_file(f)) << f;
  EXPECT_FALSE(sql::is_code_file("a.ctl"));
  EXPECT_FALSE(sql::is_code_file("a.csv"));
  EXPECT_LT(sql::code_file_extension_rank("a.seq"), sql::code_file_extension_rank("a.tab"));
  EXPECT_LT(sql::code_file_extension_rank("a.tab"), sql::code_file_extension_rank("a.vw"));
  EXPECT_LT(sql::code_file_extension_rank("a.pks"), sql::code_file_extension_rank("a.pkb"));
  EXPECT_LT(sql::code_file_extension_rank("a.pkb"), sql::code_file_extension_rank("a.trg"));
}

TEST(SqlplusScript, UnitWithoutSlashEndsAtItsEndBeforeCreateOrQuery) {
  SourceFile f("t.pkb",
               "CREATE OR REPLACE PACKAGE BODY k AS\n  PROCEDURE p IS\n  BEGIN\n    IF 1 = 1 THEN\n      NULL;\n"
               "    END IF;\n    SELECT CASE WHEN 1 = 1 THEN 1 END INTO x FROM dual;\n  END p;\nEND k;\n"
               "CREATE TABLE t (a NUMBER);\n"
               "CREATE PROCEDURE q IS\nBEGIN\n  FOR r IN (SELECT 1 FROM dual) LOOP\n    NULL;\n  END LOOP;\nEND;\n"
               "SELECT 1 FROM dual;\n"
               "BEGIN\n  NULL;\nEND;\n"
               "INSERT INTO t VALUES (1);\n");
  sql::Script s = sql::split_script(f);
  auto st = statements(s);
  ASSERT_EQ(st.size(), 6u) << st.back();
  EXPECT_TRUE(s.statements[0].plsql);
  EXPECT_TRUE(s.statements[0].ended_at_end);
  EXPECT_EQ(st[0].substr(st[0].size() - 6), "END k;");
  EXPECT_EQ(st[1], "CREATE TABLE t (a NUMBER)");
  EXPECT_TRUE(s.statements[2].ended_at_end);
  EXPECT_EQ(st[2].substr(st[2].size() - 4), "END;");
  EXPECT_EQ(st[3], "SELECT 1 FROM dual");
  EXPECT_TRUE(s.statements[4].ended_at_end);
  EXPECT_EQ(st[5], "INSERT INTO t VALUES (1)");
  // Each gets a located warning and parses.
  Diagnostics d;
  sql::ParsedScript ps = sql::parse_script(f, d);
  size_t warnings = 0;
  for (const auto& x : d.items())
    if (x.code == sql::kUnitNotClosed) ++warnings;
  EXPECT_EQ(warnings, 3u);
  EXPECT_EQ(d.error_count(), 0u);
  for (const auto& x : d.items())
    if (x.code == sql::kUnitNotClosed) {
      EXPECT_NE(x.render().find("t.pkb:9:"), std::string::npos) << x.render();  // at `END k;`
      break;
    }
}

TEST(SqlplusScript, DeclarationsAndNestedBlocksDoNotEndTheUnit) {
  // A query or block after a `;` that is still inside the unit keeps it whole.
  SourceFile f("t.sql",
               "DECLARE\n  x NUMBER;\nBEGIN\n  BEGIN\n    NULL;\n  END;\nSELECT 1 INTO x FROM dual;\nEND;\n/\n"
               "CREATE PROCEDURE p IS\n  y NUMBER;\nBEGIN\n  NULL;\nEND;\n/\n"
               // a nested function's END, then the routine's own BEGIN on the next line
               "CREATE PROCEDURE q IS\n  FUNCTION f RETURN NUMBER IS\n  BEGIN\n    RETURN 1;\n  END;\nBEGIN\n  NULL;\nEND;\n/\n"
               "DECLARE\n  PROCEDURE r IS\n  BEGIN\n    NULL;\n  END;\nBEGIN\n  r;\nEND;\n/\n");
  auto st = statements(sql::split_script(f));
  ASSERT_EQ(st.size(), 4u);
  EXPECT_EQ(st[0].substr(st[0].size() - 4), "END;");
}

TEST(SqlplusScript, SqlBlankLinesOnKeepsBlankLinesInsideStatements) {
  const char* text = "INSERT INTO t\n\nSELECT * FROM u;\n";
  // Without SET SQLBLANKLINES ON, SQL*Plus ends the INSERT at the blank line (without running
  // it) and the SELECT is a statement of its own.
  SourceFile plain("t.sql", text);
  sql::Script p = sql::split_script(plain);
  ASSERT_EQ(p.statements.size(), 2u);
  EXPECT_FALSE(p.statements[0].terminated);
  SourceFile on("t.sql", std::string("SET SQLBLANKLINES ON\n") + text);
  auto st = statements(sql::split_script(on));
  ASSERT_EQ(st.size(), 1u);
  EXPECT_EQ(st[0], "INSERT INTO t\n\nSELECT * FROM u");
}

TEST(ScriptGraphInstall, FollowsAnyExtensionSubfoldersAndSchemas) {
  ScriptGraph g = build_script_graph(kLayout.string());
  EXPECT_EQ(g.mains(), (std::vector<std::string>{"install.sql"}));
  auto reached = g.reachable_from({"install.sql"});
  EXPECT_EQ(reached, (std::vector<std::string>{"install.sql", "setup.sql", "schema/customers.tab", "schema/orders.tab",
                                               "schema/orders.con", "schema/order_seq.seq", "views/order_totals.vw",
                                               "pkg/order_api.pks", "pkg/order_api.pkb", "data/populate.sql",
                                               "data/more_orders.sql", "schema/audit_log.tab"}));
  EXPECT_TRUE(g.unresolved.empty());
  auto schemas = g.start_schemas({"install.sql"});
  EXPECT_EQ(schemas["setup.sql"], "");
  EXPECT_EQ(schemas["schema/orders.con"], "SHOP");
  EXPECT_EQ(schemas["pkg/order_api.pkb"], "SHOP");
  EXPECT_EQ(schemas["schema/audit_log.tab"], "SHOP_AUDIT");
}

TEST(ScriptGraphInstall, OracleFilesSourceCatalogCarriesTheSchemas) {
  OracleFilesOptions o;
  o.dir = kLayout.string();
  OracleFilesSource src(o);
  const Catalog& c = src.catalog();
  ASSERT_EQ(c.tables.size(), 4u);
  std::map<std::string, std::string> schema_of;
  for (const auto& t : c.tables) schema_of[t.name] = t.schema;
  EXPECT_EQ(schema_of, (std::map<std::string, std::string>{
                           {"INSTALL_CONFIG", ""}, {"CUSTOMERS", "SHOP"}, {"ORDERS", "SHOP"}, {"AUDIT_LOG", "SHOP_AUDIT"}}));
  ASSERT_EQ(c.sequences.size(), 1u);
  EXPECT_EQ(c.sequences[0].schema, "SHOP");
  // The foreign key from orders.con (run with @@ from schema/) reached the table.
  const Table* orders = c.find_table("ORDERS");
  ASSERT_TRUE(orders);
  bool fk = false;
  for (const auto& k : orders->constraints) fk |= k.kind == ConstraintKind::ForeignKey;
  EXPECT_TRUE(fk);
  // The view, the package and the function after the package body without '/' are all read.
  std::vector<std::string> kinds;
  for (const auto& u : c.unmodelled) kinds.push_back(u.kind);
  auto has = [&](const std::string& k) { return std::count(kinds.begin(), kinds.end(), k); };
  EXPECT_EQ(has("CREATE VIEW"), 1);
  EXPECT_EQ(has("CREATE PACKAGE"), 1);
  EXPECT_EQ(has("CREATE PACKAGE BODY"), 1);
  EXPECT_EQ(has("CREATE FUNCTION"), 1);
  size_t not_closed = 0;
  for (const auto& d : src.diagnostics().items()) {
    EXPECT_NE(d.severity, Severity::Error) << d.render();
    if (d.code == sql::kUnitNotClosed) {
      ++not_closed;
      EXPECT_TRUE(d.render().find("order_api.pkb:8:1:") != std::string::npos || d.render().find("order_api.pkb:15:1:") != std::string::npos) << d.render();
    }
  }
  EXPECT_EQ(not_closed, 2u);  // the package body, and the function before the SELECT
}

TEST(ScriptGraphInstall, StartWithOfASequenceIsNotAStartCommand) {
  auto events = scan_sqlplus_script("CREATE SEQUENCE s\n START WITH 3300\n NOCACHE;\nSTART x.tab\nsta y\n");
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].script.display(), "x.tab");
  EXPECT_EQ(events[1].script.display(), "y");
}
