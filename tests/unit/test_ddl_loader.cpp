#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "convert/ddl_loader.h"
#include "convert/ddl_loader_reads.h"
#include "sql/parser.h"
#include "sql/sqlplus_path.h"
#include "require_env.h"

using namespace orashift;
namespace fs = std::filesystem;

namespace {

std::string sh_dir() {
  return std::string(ORASHIFT_SOURCE_DIR) + "/../shared/corpus/oracle-samples__db-sample-schemas/v21.1-legacy/sales_history";
}

std::string write_temp(const std::string& name, const std::string& text) {
  fs::path p = fs::temp_directory_path() / ("orashift_test_" + std::to_string(::getpid()) + "_" + name);
  std::ofstream(p, std::ios::binary) << text;
  return p.string();
}

std::string rendered(const Diagnostics& d) {
  std::string out;
  for (const auto& x : d.items()) out += x.render();
  return out;
}

}  // namespace

TEST(DdlLoader, BuildsCatalogFromScript) {
  std::string path = write_temp("cat.sql", R"(
SET ECHO OFF
CREATE TABLE sh.orders (
  id NUMBER(10) CONSTRAINT orders_pk PRIMARY KEY,
  "Note" VARCHAR2(20 CHAR) DEFAULT   'n/a',
  placed DATE NOT NULL,
  total NUMBER(*,2) CHECK (total >= 0) DISABLE
) PCTFREE 10 -- keep
  TABLESPACE users
PARTITION BY RANGE (placed) (
  PARTITION p2000 VALUES LESS THAN (DATE '2001-01-01') COMPRESS,
  PARTITION pmax VALUES LESS THAN (MAXVALUE));
CREATE TABLE lines (order_id NUMBER NOT NULL, n NUMBER);
ALTER TABLE lines ADD CONSTRAINT lines_fk FOREIGN KEY (order_id) REFERENCES sh.orders (id) DISABLE;
ALTER TABLE nowhere ADD CONSTRAINT x_pk PRIMARY KEY (a);
CREATE UNIQUE INDEX lines_ix ON lines (order_id, n DESC);
COMMENT ON TABLE sh.orders IS 'All orders';
COMMENT ON COLUMN orders."Note" IS 'free text';
GRANT SELECT ON lines TO public;
create table broken (a number(;
)");
  DdlLoad load = load_ddl({path});
  std::remove(path.c_str());
  EXPECT_EQ(load.statements, 9u);
  EXPECT_EQ(load.statements_failed, 1u);
  EXPECT_EQ(load.statements_ignored, 2u);  // the GRANT, and the ALTER on an unknown table
  ASSERT_EQ(load.catalog.tables.size(), 2u) << rendered(load.diagnostics);
  const Table& o = load.catalog.tables[0];
  EXPECT_EQ(o.schema, "SH");
  EXPECT_EQ(o.name, "ORDERS");
  EXPECT_EQ(o.comment, "All orders");
  ASSERT_EQ(o.columns.size(), 4u);
  EXPECT_EQ(o.columns[0].type.text(), "NUMBER(10)");
  EXPECT_EQ(o.columns[1].name, "Note");
  EXPECT_EQ(o.columns[1].type.text(), "VARCHAR2(20 CHAR)");
  EXPECT_EQ(o.columns[1].default_sql, "'n/a'");
  EXPECT_EQ(o.columns[1].comment, "free text");
  EXPECT_TRUE(o.columns[1].nullable);
  EXPECT_FALSE(o.columns[2].nullable);
  EXPECT_EQ(o.columns[3].type.text(), "NUMBER(*,2)");
  ASSERT_EQ(o.constraints.size(), 2u);
  EXPECT_EQ(o.constraints[0].kind, ConstraintKind::PrimaryKey);
  EXPECT_EQ(o.constraints[0].name, "ORDERS_PK");
  EXPECT_EQ(o.constraints[0].columns, std::vector<std::string>{"ID"});
  EXPECT_EQ(o.constraints[1].kind, ConstraintKind::Check);
  EXPECT_EQ(o.constraints[1].check_sql, "total >= 0");
  EXPECT_FALSE(o.constraints[1].enabled);
  EXPECT_FALSE(o.constraints[1].validated);
  EXPECT_EQ(o.physical_sql, "PCTFREE 10 TABLESPACE users");
  EXPECT_EQ(o.partitioning.method, "RANGE");
  EXPECT_EQ(o.partitioning.columns, std::vector<std::string>{"PLACED"});
  ASSERT_EQ(o.partitioning.partitions.size(), 2u);
  EXPECT_EQ(o.partitioning.partitions[0].name, "P2000");
  EXPECT_EQ(o.partitioning.partitions[0].bound_sql, "VALUES LESS THAN (DATE '2001-01-01')");
  EXPECT_EQ(o.partitioning.partitions[0].options_sql, "COMPRESS");
  const Table& l = load.catalog.tables[1];
  ASSERT_EQ(l.constraints.size(), 1u);
  EXPECT_EQ(l.constraints[0].kind, ConstraintKind::ForeignKey);
  EXPECT_EQ(l.constraints[0].ref_table, "ORDERS");
  EXPECT_FALSE(l.constraints[0].enabled);
  ASSERT_EQ(load.catalog.indexes.size(), 1u);
  EXPECT_TRUE(load.catalog.indexes[0].unique);
  EXPECT_EQ(load.catalog.indexes[0].columns, (std::vector<std::string>{"ORDER_ID", "N DESC"}));
  // One error for the broken statement (parsing comes first), one warning for the unknown table.
  ASSERT_EQ(load.diagnostics.items().size(), 2u) << rendered(load.diagnostics);
  EXPECT_EQ(load.diagnostics.items()[0].severity, Severity::Error);
  EXPECT_EQ(load.diagnostics.items()[0].span.line(), 20u);
  EXPECT_EQ(load.diagnostics.items()[0].span.column(), 31u);  // at the `;`: end of statement
  EXPECT_EQ(load.diagnostics.items()[1].severity, Severity::Warning);
  EXPECT_EQ(load.diagnostics.items()[1].span.line(), 15u);
}

TEST(DdlLoader, UnreadableFileIsADiagnostic) {
  DdlLoad load = load_ddl({"/nonexistent/dir/x.sql"});
  ASSERT_EQ(load.diagnostics.items().size(), 1u);
  EXPECT_EQ(load.diagnostics.items()[0].severity, Severity::Error);
  EXPECT_NE(load.diagnostics.items()[0].render().find("/nonexistent/dir/x.sql"), std::string::npos);
}

TEST(DdlLoader, OracleSalesHistorySchema) {
  std::string dir = sh_dir();
  if (!fs::exists(dir + "/csh_v3.sql")) ORASHIFT_SKIP_OR_FAIL() << "corpus not found at " << dir << " (see ../shared/corpus/README.md)";
  DdlLoad load = load_ddl({dir + "/csh_v3.sql", dir + "/sh_idx.sql", dir + "/sh_comnt.sql"});
  EXPECT_EQ(load.statements_failed, 0u) << rendered(load.diagnostics);
  EXPECT_EQ(load.diagnostics.error_count(), 0u) << rendered(load.diagnostics);
  const Catalog& c = load.catalog;
  ASSERT_EQ(c.tables.size(), 9u);
  for (const char* n : {"SALES", "COSTS", "TIMES", "PRODUCTS", "CHANNELS", "PROMOTIONS", "CUSTOMERS", "COUNTRIES",
                        "SUPPLEMENTARY_DEMOGRAPHICS"})
    EXPECT_NE(c.find_table(n), nullptr) << n;

  const Table* sales = c.find_table("SALES");
  ASSERT_NE(sales, nullptr);
  ASSERT_EQ(sales->columns.size(), 7u);
  EXPECT_EQ(sales->columns[5].name, "QUANTITY_SOLD");
  EXPECT_EQ(sales->columns[5].type.text(), "NUMBER(10,2)");
  EXPECT_FALSE(sales->columns[0].nullable);
  EXPECT_EQ(sales->physical_sql, "PCTFREE 5 NOLOGGING NOCOMPRESS");
  EXPECT_EQ(sales->partitioning.method, "RANGE");
  EXPECT_EQ(sales->partitioning.columns, std::vector<std::string>{"TIME_ID"});
  ASSERT_EQ(sales->partitioning.partitions.size(), 28u);
  EXPECT_EQ(sales->partitioning.partitions[0].name, "SALES_1995");
  EXPECT_EQ(sales->partitioning.partitions[0].bound_sql,
            "VALUES LESS THAN (TO_DATE('1996-01-01 00:00:00','SYYYY-MM-DD HH24:MI:SS','NLS_CALENDAR=GREGORIAN'))");
  EXPECT_EQ(sales->partitioning.partitions[0].options_sql, "COMPRESS");
  EXPECT_EQ(sales->partitioning.partitions[27].options_sql, "");

  // Foreign keys, all DISABLE NOVALIDATE in the SH scripts.
  size_t fks = 0;
  for (const auto& k : sales->constraints) {
    EXPECT_EQ(k.kind, ConstraintKind::ForeignKey);
    EXPECT_FALSE(k.enabled);
    EXPECT_FALSE(k.validated);
    ++fks;
  }
  EXPECT_EQ(fks, 5u);
  const Constraint* fk = nullptr;
  for (const auto& k : sales->constraints)
    if (k.name == "SALES_PROMO_FK") fk = &k;
  ASSERT_NE(fk, nullptr);
  EXPECT_EQ(fk->ref_table, "PROMOTIONS");
  EXPECT_EQ(fk->columns, std::vector<std::string>{"PROMO_ID"});
  for (const char* n : {"PROMOTIONS", "CUSTOMERS", "PRODUCTS", "TIMES", "CHANNELS", "COUNTRIES", "SUPPLEMENTARY_DEMOGRAPHICS"}) {
    const Constraint* pk = c.find_table(n)->primary_key();
    ASSERT_NE(pk, nullptr) << n;
    EXPECT_FALSE(pk->enabled) << n;
    EXPECT_FALSE(pk->validated) << n;
  }
  EXPECT_EQ(c.find_table("CUSTOMERS")->primary_key()->columns, std::vector<std::string>{"CUST_ID"});

  // sh_idx.sql: bitmap indexes, local on the partitioned fact tables.
  size_t bitmap = 0, local = 0;
  for (const auto& ix : c.indexes) {
    bitmap += ix.bitmap;
    local += ix.local;
  }
  EXPECT_GE(c.indexes.size(), 8u);
  EXPECT_GE(bitmap, 8u);
  EXPECT_EQ(local, 7u);
  EXPECT_EQ(c.indexes[0].name, "SALES_PROD_BIX");
  EXPECT_EQ(c.indexes[0].table, "SALES");
  EXPECT_EQ(c.indexes[0].columns, std::vector<std::string>{"PROD_ID"});

  // sh_comnt.sql
  const Table* times = c.find_table("TIMES");
  EXPECT_EQ(times->comment, "Time dimension table to support multiple hierarchies and materialized views");
  EXPECT_EQ(times->find_column("TIME_ID")->comment, "primary key; day date, finest granularity, CORRECT ORDER");
  EXPECT_FALSE(c.find_table("SALES")->comment.empty());
}

// Install scripts that create their tables from an anonymous block (guarded by a dictionary
// query so they can be run again), as OraOpenSource Logger's do.
TEST(DdlLoader, ReadsLiteralDdlRunByAnonymousBlocks) {
  auto load = load_ddl_texts({{"logger_logs.sql", R"(-- header
declare
  l_count pls_integer;
begin
  select count(1) into l_count from user_tables where table_name = 'LOGGER_LOGS';
  if l_count = 0 then
    execute immediate '
create table logger_logs(
  id number,
  lvl varchar2(10) default ''INFO'',
  note varchar2(30) default ''it''''s'',
  constraint logger_logs_pk primary key (id)
)
    ';
  end if;
  $if $$no_op $then
    null;
  $else
    execute immediate q'[create sequence logger_logs_seq start with 1]';
    execute immediate 'create index logger_logs_idx1 on logger_logs(lvl)';
  $end
  for c in (select 'extra' as name from dual) loop
    execute immediate 'alter table logger_logs add (' || c.name || ' clob)';
  end loop;
  execute immediate 'alter system set job_queue_processes = 2';
end;
/
)"}});
  ASSERT_EQ(load.catalog.tables.size(), 1u) << rendered(load.diagnostics);
  const Table& t = load.catalog.tables[0];
  EXPECT_EQ(t.name, "LOGGER_LOGS");
  ASSERT_EQ(t.columns.size(), 3u);
  EXPECT_EQ(t.columns[1].default_sql, "'INFO'");
  EXPECT_EQ(t.columns[2].default_sql, "'it''s'");
  EXPECT_EQ(t.columns[1].span.location(), "logger_logs.sql:10:3");  // the script's own line and column
  ASSERT_EQ(load.catalog.sequences.size(), 1u);  // the $ELSE branch Oracle compiles
  EXPECT_EQ(load.catalog.sequences[0].name, "LOGGER_LOGS_SEQ");
  ASSERT_EQ(load.catalog.indexes.size(), 1u);
  std::string diags = rendered(load.diagnostics);
  EXPECT_NE(diags.find("logger_logs.sql:23:5: warning [L0005]"), std::string::npos) << diags;
  EXPECT_NE(diags.find("[L0004]"), std::string::npos) << diags;
  EXPECT_EQ(load.statements_failed, 0u) << diags;
}

// DDL the block assembles from literals before running it (oos-utils' table scripts): the text
// the block gives the variable is read as DDL, laid out in the literal it starts from; a value that
// depends on the branch taken or on a loop is not guessed.
TEST(DdlLoader, ReadsDdlAssembledFromLiteralsInTheBlock) {
  auto load = load_ddl_texts({{"values.sql", R"(declare
  l_count pls_integer;
  l_table_name user_tables.table_name%type;
  l_sql varchar2(4000);
  l_other varchar2(100) := 'create table ';
begin
  l_table_name := lower('oos_util_values');
  select count(1) into l_count from user_tables where table_name = upper(l_table_name);
  if l_count = 0 then
    l_sql := 'create table %table_name% (
  cat varchar2(255) not null,
  name varchar2(255) not null,
  constraint %table_name%_uk1 unique (cat,name)
)';
    l_sql := replace(l_sql, '%table_name%', l_table_name);
  end if;
  if l_sql is not null then
    execute immediate l_sql;
  end if;
  if l_count = 1 then
    l_other := l_other || 'a_one (x number)';
  else
    l_other := l_other || 'a_two (x number)';
  end if;
  execute immediate l_other;
  for i in 1 .. l_count loop  -- a bound read from the database: the value after it is not known
    l_other := 'create table t' || i || ' (x number)';
  end loop;
  execute immediate l_other;
end;
/
)"}});
  ASSERT_EQ(load.catalog.tables.size(), 1u) << rendered(load.diagnostics);
  const Table& t = load.catalog.tables[0];
  EXPECT_EQ(t.name, "OOS_UTIL_VALUES");
  ASSERT_EQ(t.columns.size(), 2u);
  EXPECT_EQ(t.columns[1].name, "NAME");
  EXPECT_EQ(t.span.location(), "values.sql:10:15");  // in the literal the text starts from
  EXPECT_EQ(t.columns[1].span.location(), "values.sql:12:3");
  EXPECT_EQ(load.statements_failed, 0u) << rendered(load.diagnostics);
}

// Logger adds columns and constraints from records the block puts in an associative array and a
// FOR loop over it (source/tables/logger_prefs.sql, issue #127): the loop runs once per element
// as the script runs it, each statement read with that element's values.
TEST(DdlLoader, ReadsDdlBuiltFromRecordsOfACollectionInALoop) {
  auto load = load_ddl_texts({{"prefs.sql", R"(create table prefs (pref_name varchar2(255) not null,
  constraint prefs_pk primary key (pref_name));
declare
  type typ_tab_col is record (column_name varchar2(30), data_type varchar2(100));
  type typ_arr_tab_col is table of typ_tab_col index by pls_integer;
  l_count pls_integer;
  l_new_col typ_tab_col;
  l_new_cols typ_arr_tab_col;
begin
  l_new_col.column_name := 'PREF_TYPE';
  l_new_col.data_type := 'VARCHAR2(30)';
  l_new_cols(l_new_cols.count+1) := l_new_col;
  l_new_col.column_name := 'PREF_NOTE';
  l_new_col.data_type := 'VARCHAR2(200)';
  l_new_cols(l_new_cols.count+1) := l_new_col;
  for i in 1 .. l_new_cols.count loop
    select count(1) into l_count from user_tab_columns
     where table_name = 'PREFS' and column_name = l_new_cols(i).column_name;
    if l_count = 0 then
      execute immediate 'alter table prefs add (' || l_new_cols(i).column_name || ' ' || l_new_cols(i).data_type || ')';
      if lower(l_new_cols(i).column_name) = 'pref_type' then
        execute immediate q'!alter table prefs modify pref_type not null!';
      elsif l_new_cols(i).column_name = 'PREF_NOTE' then
        execute immediate 'create table notes (n number)';
      end if;
    end if;
  end loop;
end;
/
declare
  type typ_constraint is record (name varchar2(30), condition varchar(500));
  type typ_tab_constraint is table of typ_constraint index by pls_integer;
  l_constraint typ_constraint;
  l_constraints typ_tab_constraint;
  l_sql varchar2(500);
begin
  execute immediate 'alter table prefs drop constraint prefs_pk';
  l_constraint.name := 'PREFS_PK';
  l_constraint.condition := 'primary key (pref_type, pref_name)';
  l_constraints(l_constraints.count+1) := l_constraint;
  l_constraint.name := 'PREFS_CK1';
  l_constraint.condition := 'check (pref_type = upper(pref_type))';
  l_constraints(l_constraints.count+1) := l_constraint;
  for i in l_constraints.first .. l_constraints.last loop
    l_sql := 'alter table prefs add constraint %NAME% %CONDITION%';
    l_sql := replace(l_sql, '%NAME%', l_constraints(i).name);
    l_sql := replace(l_sql, '%CONDITION%', l_constraints(i).condition);
    execute immediate l_sql;
  end loop;
  for i in 1 .. 2 loop  -- may end early: not run as a script would, so nothing is read from it
    exit when l_sql is null;
    execute immediate 'create table early' || i || ' (x number)';
  end loop;
end;
/
)"}});
  std::string diags = rendered(load.diagnostics);
  ASSERT_EQ(load.catalog.tables.size(), 2u) << diags;  // PREFS, and NOTES created once (for PREF_NOTE)
  EXPECT_EQ(load.catalog.tables[1].name, "NOTES");
  EXPECT_EQ(diags.find("[L0003]"), std::string::npos) << diags;
  const Table& t = load.catalog.tables[0];
  ASSERT_EQ(t.columns.size(), 3u) << diags;
  EXPECT_FALSE(t.columns[1].nullable);  // MODIFY pref_type NOT NULL, run for that element only
  EXPECT_TRUE(t.columns[2].nullable);
  EXPECT_EQ(t.columns[1].name, "PREF_TYPE");
  EXPECT_EQ(t.columns[1].type.name, "VARCHAR2");
  EXPECT_EQ(t.columns[2].name, "PREF_NOTE");
  EXPECT_EQ(t.columns[2].type.length, 200u);
  EXPECT_EQ(t.columns[1].span.location(), "prefs.sql:20:49");  // the literal the statement starts from
  std::vector<std::string> constraints;
  for (const auto& c : t.constraints) constraints.push_back(c.name);
  EXPECT_EQ(constraints, (std::vector<std::string>{"PREFS_PK", "PREFS_CK1"})) << diags;
  ASSERT_FALSE(t.constraints.empty());
  EXPECT_EQ(t.constraints[0].columns, (std::vector<std::string>{"PREF_TYPE", "PREF_NAME"}));
  EXPECT_EQ(load.statements_failed, 0u) << diags;
}

// utPLSQL keeps the CREATE TABLE in a variable and completes it with a storage clause where it
// runs, falling back to another clause in the handler: the variable's literal and the literal
// joined to it are one statement, read once (the handler is the fallback of the block's DDL).
TEST(DdlLoader, ReadsDdlKeptInAVariableAndCompletedWithLiterals) {
  auto load = load_ddl_texts({{"ut_buffer.sql", R"(declare
  v_table_sql varchar2(32767);
  e_non_assm exception;
  pragma exception_init(e_non_assm, -43853);
begin
  v_table_sql := 'create table ut_buffer_tmp(
  output_id raw(32) not null,
  text clob,
  constraint ut_buffer_tmp_pk primary key(output_id)
) nologging initrans 100
';
  begin
    execute immediate
      v_table_sql || 'lob(text) store as securefile ut_text(retention none enable storage in row)';
  exception
    when e_non_assm then
      execute immediate
        v_table_sql || 'lob(text) store as basicfile ut_text(pctversion 0 enable storage in row)';
  end;
end;
/
declare
  v_sql varchar2(100) := 'create sequence ut_buffer_seq';
begin
  v_sql := dbms_assert.noop(v_sql);
  execute immediate v_sql;
end;
/
)"}});
  std::string diags = rendered(load.diagnostics);
  ASSERT_EQ(load.catalog.tables.size(), 1u) << diags;
  const Table& t = load.catalog.tables[0];
  EXPECT_EQ(t.name, "UT_BUFFER_TMP");
  ASSERT_EQ(t.columns.size(), 2u);
  EXPECT_EQ(t.columns[1].span.location(), "ut_buffer.sql:8:3");  // the variable's literal, where it is written
  EXPECT_EQ(diags.find("[L0003]"), std::string::npos) << diags;  // not created twice
  // A variable assigned something else than a literal holds text only known at run time.
  EXPECT_TRUE(load.catalog.sequences.empty()) << diags;
  EXPECT_EQ(load.statements_failed, 0u) << diags;
}

// load_ddl parses only the statements whose trees it reads (ddl_loader_reads_tree) and lists
// the others by kind and span. That changes nothing only if, for each statement it skips, the
// parser would have built a tree the loader ignores: no diagnostic, none of the kinds the catalog
// models, the same kind name. Checked here over every statement of the shared corpus.
TEST(DdlLoader, StatementsListedWithoutParsingWouldHaveNoTreeItReads) {
  fs::path root = fs::path(ORASHIFT_SOURCE_DIR) / ".." / "shared" / "corpus";
  if (!fs::exists(root)) ORASHIFT_SKIP_OR_FAIL() << "corpus not found at " << root.string();
  size_t skipped = 0, read = 0;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (!e.is_regular_file() || !sql::is_code_file(e.path())) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    SourceFile file(e.path().string(), buf.str());
    sql::Script script = sql::split_script(file);
    for (const auto& st : script.statements) {
      if (ddl_loader_reads_tree(script.tokens_of(st))) {
        ++read;
        continue;
      }
      ++skipped;
      Diagnostics diags;
      auto s = sql::parse_statement(script, st, diags);
      std::string where = st.span.location();
      EXPECT_TRUE(diags.items().empty()) << where << ": " << rendered(diags);
      EXPECT_EQ(s->kind_name, sql::statement_kind_name(script.tokens_of(st))) << where;
      EXPECT_EQ(s->span.begin, st.span.begin) << where;
      EXPECT_EQ(s->span.end, st.span.end) << where;
      using K = sql::ast::StmtKind;
      for (K k : {K::Invalid, K::CreateTable, K::CreateIndex, K::AlterTable, K::Comment, K::CreateSequence,
                  K::CreateSynonym})
        EXPECT_NE(s->kind, k) << where << ": " << s->kind_name;
    }
  }
  std::printf("statements listed without parsing: %zu, parsed: %zu\n", skipped, read);
  EXPECT_GT(skipped, 1000u);  // the data scripts' INSERT blocks and the PL/SQL units
  EXPECT_GT(read, 1000u);
}
