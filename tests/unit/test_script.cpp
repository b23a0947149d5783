#include <gtest/gtest.h>

#include "sql/script.h"

using namespace orashift;
using namespace orashift::sql;

namespace {

std::vector<std::string> statements(const Script& s) {
  std::vector<std::string> out;
  for (const auto& st : s.statements) out.emplace_back(st.span.text());
  return out;
}

}  // namespace

TEST(Script, SplitsSqlAtSemicolonsOutsideStringsAndComments) {
  SourceFile f("t.sql", "select ';' from dual; -- a ; comment\ninsert into t values (1) /* ; */;\n");
  Script s = split_script(f);
  auto st = statements(s);
  ASSERT_EQ(st.size(), 2u);
  EXPECT_EQ(st[0], "select ';' from dual");
  EXPECT_EQ(st[1], "insert into t values (1)");
  EXPECT_FALSE(s.statements[0].plsql);
  EXPECT_EQ(s.comments.size(), 2u);
}

TEST(Script, PlsqlUnitsEndAtSlashLine) {
  SourceFile f("t.sql",
               "create or replace editionable procedure p as\nbegin\n  null;\nend;\n/\n"
               "create table t (a number);\n/\n"
               "begin\n  x := 1 / 2;\nend;\n  /  \n"
               "create or replace package body k is end k;\n/\n");
  Script s = split_script(f);
  auto st = statements(s);
  ASSERT_EQ(st.size(), 4u);
  EXPECT_TRUE(s.statements[0].plsql);
  EXPECT_EQ(st[0], "create or replace editionable procedure p as\nbegin\n  null;\nend;");
  EXPECT_FALSE(s.statements[1].plsql);  // the `/` after it re-runs it: skipped
  EXPECT_EQ(st[2], "begin\n  x := 1 / 2;\nend;");
  EXPECT_TRUE(s.statements[3].plsql);
  EXPECT_EQ(st[3], "create or replace package body k is end k;");
}

TEST(Script, SqlTerminatedBySlashAlone) {
  SourceFile f("t.sql", "create table t (a number)\n/\nselect 1 from dual;");
  auto st = statements(split_script(f));
  ASSERT_EQ(st.size(), 2u);
  EXPECT_EQ(st[0], "create table t (a number)");
}

TEST(Script, SqlPlusCommandsAreNotStatements) {
  SourceFile f("t.sql",
               "SET ECHO ON\nRem it's a remark with a quote\nPROMPT Creating -\n  tables\n@@other.sql\n@/abs/x.sql\n"
               "define x = 1\nwhenever sqlerror exit\nset transaction read only;\nspool off\n"
               "exec dbms_output.put_line('x');\nprompt ----------\ncreate table t (a int);\nEXIT\n");
  Script s = split_script(f);
  auto st = statements(s);
  ASSERT_EQ(st.size(), 2u);
  EXPECT_EQ(st[0], "set transaction read only");
  EXPECT_EQ(st[1], "create table t (a int)");
  ASSERT_EQ(s.commands.size(), 11u);
  EXPECT_EQ(s.commands[0].kind, SqlPlusCommandKind::Set);
  EXPECT_EQ(s.commands[1].kind, SqlPlusCommandKind::Remark);
  EXPECT_EQ(s.commands[2].kind, SqlPlusCommandKind::Prompt);
  EXPECT_EQ(s.commands[2].argument, "Creating -\n  tables");  // ` -` continues the line
  EXPECT_EQ(s.commands[3].kind, SqlPlusCommandKind::RunNested);
  EXPECT_EQ(s.commands[3].argument, "other.sql");
  EXPECT_EQ(s.commands[4].kind, SqlPlusCommandKind::Run);
  EXPECT_EQ(s.commands[4].argument, "/abs/x.sql");
  EXPECT_EQ(s.commands[5].kind, SqlPlusCommandKind::Define);
  EXPECT_EQ(s.commands[6].kind, SqlPlusCommandKind::Whenever);
  EXPECT_EQ(s.commands[7].kind, SqlPlusCommandKind::Spool);
  EXPECT_EQ(s.commands[8].kind, SqlPlusCommandKind::Execute);
  EXPECT_EQ(s.commands[9].kind, SqlPlusCommandKind::Prompt);  // `-----` is not a continuation
  EXPECT_EQ(s.commands.back().kind, SqlPlusCommandKind::Exit);
}

TEST(Script, CrlfLineEndings) {
  SourceFile f("t.sql", "REM x\r\ncreate or replace function f return number is\r\nbegin return 1; end;\r\n/\r\n"
                        "select 1 from dual;\r\n/\r\nprompt done\r\n");
  Script s = split_script(f);
  auto st = statements(s);
  ASSERT_EQ(st.size(), 2u);
  EXPECT_EQ(st[0], "create or replace function f return number is\r\nbegin return 1; end;");
  EXPECT_EQ(st[1], "select 1 from dual");
  EXPECT_EQ(s.commands.size(), 2u);
  EXPECT_EQ(s.commands[1].argument, "done");
  EXPECT_EQ(s.statements[1].span.line(), 5u);
}

TEST(Script, UnterminatedLastStatement) {
  SourceFile f("t.sql", "select 1 from dual");
  Script s = split_script(f);
  ASSERT_EQ(s.statements.size(), 1u);
  EXPECT_FALSE(s.statements[0].terminated);
}

TEST(Script, HintsKeptOnlyAfterDmlVerbs) {
  SourceFile f("t.sql", "select /*+ parallel */ a from t /*+ not a hint */;");
  Script s = split_script(f);
  auto toks = s.tokens_of(s.statements[0]);
  ASSERT_EQ(toks.size(), 5u);
  EXPECT_EQ(toks[1].kind, TokenKind::Hint);
  EXPECT_EQ(s.comments.size(), 1u);
}

TEST(Script, BlankLineEndsSqlOnlyBeforeANewStatement) {
  SourceFile f("t.sql", "COMMENT ON TABLE r\nIS 'x'\n\nCOMMENT ON COLUMN r.a IS 'y';\n"
                        "create table t (\n  a number,\n\n  b number);\n");
  Script s = split_script(f);
  auto st = statements(s);
  ASSERT_EQ(st.size(), 3u);
  EXPECT_EQ(st[0], "COMMENT ON TABLE r\nIS 'x'");
  EXPECT_FALSE(s.statements[0].terminated);
  EXPECT_EQ(st[1], "COMMENT ON COLUMN r.a IS 'y'");
  EXPECT_EQ(st[2], "create table t (\n  a number,\n\n  b number)");
}

TEST(Script, ContinuationWithoutSpaceBeforeHyphen) {
  SourceFile f("t.sql", "EXECUTE p( -\n  a => 1,-\n  b => 2);\nselect 1 from dual;\n");
  Script s = split_script(f);
  ASSERT_EQ(s.commands.size(), 1u);
  EXPECT_EQ(s.commands[0].kind, SqlPlusCommandKind::Execute);
  ASSERT_EQ(s.statements.size(), 1u);
}
