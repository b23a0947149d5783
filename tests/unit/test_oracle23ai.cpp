// Oracle Database 23ai syntax (issue 17) over tests/data/oracle23ai: IF [NOT] EXISTS, BOOLEAN
// columns and literals, DEFAULT ON NULL FOR INSERT AND UPDATE, JSON and VECTOR columns,
// annotations, domains, SELECT without FROM, GROUP BY alias and position, and multi-row VALUES
// loaded as one record per row.
#include <gtest/gtest.h>

#include <filesystem>

#include "convert/ddl_loader.h"
#include "endpoints/oracle_files/insert_reader.h"
#include "endpoints/oracle_files/oracle_files_source.h"
#include "reader_test_util.h"
#include "sql/ast_stmt.h"
#include "sql/parser.h"
#include "sql/printer.h"

using namespace orashift;
namespace fs = std::filesystem;

namespace {

const fs::path k23ai = fs::path(ORASHIFT_SOURCE_DIR) / "tests/data/oracle23ai";

}  // namespace

TEST(Oracle23ai, TablesParseWithTheNew23aiClauses) {
  OracleFilesOptions o;
  o.dir = k23ai.string();
  OracleFilesSource src(o);
  for (const auto& d : src.diagnostics().items()) EXPECT_NE(d.severity, Severity::Error) << d.render();
  const Catalog& c = src.catalog();
  const Table* tasks = c.find_table("TASKS");
  ASSERT_TRUE(tasks);
  EXPECT_EQ(tasks->columns.size(), 6u);
  EXPECT_EQ(tasks->find_column("DONE")->type.name, "BOOLEAN");
  EXPECT_EQ(tasks->find_column("DONE")->default_sql, "FALSE");
  EXPECT_TRUE(tasks->find_column("PRIORITY")->default_on_null);
  EXPECT_TRUE(tasks->find_column("PRIORITY")->default_on_null_update);
  EXPECT_EQ(tasks->find_column("DETAILS")->type.name, "JSON");
  EXPECT_EQ(tasks->find_column("EMBEDDING")->type.name, "VECTOR");
  EXPECT_EQ(tasks->annotations, "ANNOTATIONS (owner 'planning', display 'Tasks')");
  EXPECT_TRUE(tasks->physical_sql.empty()) << tasks->physical_sql;
  const Table* people = c.find_table("PEOPLE");
  ASSERT_TRUE(people);
  EXPECT_EQ(people->find_column("EMAIL")->domain, "email_d");
  EXPECT_EQ(people->find_column("ACTIVE")->type.name, "BOOL");
  // IF NOT EXISTS on CREATE SEQUENCE and CREATE [UNIQUE] INDEX: the names are the objects'.
  ASSERT_EQ(c.sequences.size(), 1u);
  EXPECT_EQ(c.sequences[0].name, "TASK_SEQ");
  ASSERT_EQ(c.indexes.size(), 2u);
  EXPECT_EQ(c.indexes[0].name, "TASKS_TITLE_IX");
  EXPECT_EQ(c.indexes[1].name, "PEOPLE_EMAIL_UX");
}

TEST(Oracle23ai, MultiRowValuesRoundTripAndCount) {
  SourceFile f("t.sql", "INSERT INTO t (a, b) VALUES (1, 'x'), (2, 'y'),\n (3, 'z');");
  Diagnostics d;
  auto ps = sql::parse_script(f, d);
  ASSERT_EQ(ps.statements.size(), 1u);
  ASSERT_EQ(ps.statements[0]->kind, sql::ast::StmtKind::Insert) << d.items().front().render();
  const auto& ins = static_cast<const sql::ast::Insert&>(*ps.statements[0]);
  EXPECT_EQ(ins.single.values.size(), 2u);
  ASSERT_EQ(ins.single.more_rows.size(), 2u);
  ASSERT_EQ(ins.single.row_spans.size(), 3u);
  EXPECT_EQ(ins.single.row_spans[2].text(), "(3, 'z')");
  EXPECT_EQ(sql::print_statement(ins), "INSERT INTO t (a, b) VALUES (1, 'x'), (2, 'y'), (3, 'z')");
}

TEST(Oracle23ai, MultiRowValuesLoadOneRecordPerRow) {
  OracleFilesOptions o;
  o.dir = k23ai.string();
  OracleFilesSource src(o);
  auto est = src.row_estimates();
  EXPECT_EQ(est["TASKS"], 5u);
  EXPECT_EQ(est["PEOPLE"], 2u);
  const Table& tasks = *src.catalog().find_table("TASKS");
  orashift::testing::CollectRejects sink;
  std::vector<LoadColumn> cols;
  for (const auto& lc : load_columns_for(tasks))
    if (lc.name == "TASK_ID" || lc.name == "TITLE" || lc.name == "DONE" || lc.name == "PRIORITY") cols.push_back(lc);
  InsertReader reader({(k23ai / "data.sql").string()}, src.catalog(), tasks, cols, sink);
  auto rows = orashift::testing::drain(reader);
  // DEFAULT ON NULL … 3 replaces the explicit NULL of row 2; row 4 has a NULL title.
  EXPECT_EQ(rows, (std::vector<std::string>{"1|write tests|true|1", "2|review|false|3", "3|ship|false|2",
                                            "5|retro|NULL|5"}));
  ASSERT_EQ(sink.rejects.size(), 1u);
  EXPECT_EQ(sink.rejects[0].line, 5u);  // the row's own line
  EXPECT_EQ(sink.rejects[0].record, "(4, NULL, FALSE, 2)");
  EXPECT_NE(sink.rejects[0].reason.find("ORA-01400"), std::string::npos) << sink.rejects[0].reason;
  EXPECT_EQ(reader.rows_read(), 5u);
}
