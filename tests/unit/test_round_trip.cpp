// Round trip over the corpus: every statement that parses into typed nodes prints as Oracle SQL,
// parse(print(x)) prints the same text again (stability), and parse(print(x)) is the same tree as
// parse(x) (fidelity: compared through ast_dump.h, which reads the nodes, not the printer).
// Failures are listed with both texts, or with the first differing tree path and both values.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "ast_dump.h"
#include "sql/parser.h"
#include "sql/printer.h"
#include "require_env.h"

using namespace orashift;
using namespace orashift::sql;
namespace fs = std::filesystem;

namespace {

// Parses printed text alone; empty when it is not one typed statement.
std::string reprint(const std::string& text, std::string& why) {
  SourceFile f("printed.sql", text + ";\n");
  Diagnostics d;
  ParsedScript ps = parse_script(f, d);
  if (ps.statements.size() != 1) {
    why = std::to_string(ps.statements.size()) + " statements";
    return {};
  }
  const auto& s = *ps.statements[0];
  if (!printed_from_tree(s)) {
    if (s.kind == ast::StmtKind::Other && static_cast<const ast::OtherStatement&>(s).unparsed)
      why = static_cast<const ast::OtherStatement&>(s).unparsed->render();
    else if (!d.empty())
      why = d.items()[0].render();
    else
      why = "not a typed statement";
    return {};
  }
  return print_statement(s);
}

// One statement parsed, printed from its tree (as `out`, when given), and printed the same
// after re-parsing.
struct PrintCase {
  const char* in;
  const char* out;
};
void expect_printed_as(const char* in, const char* out) {
  SourceFile f("t.sql", std::string(in) + ";\n");
  Diagnostics d;
  ParsedScript ps = parse_script(f, d);
  ASSERT_EQ(ps.statements.size(), 1u) << in;
  ASSERT_TRUE(printed_from_tree(*ps.statements[0])) << in;
  std::string p1 = print_statement(*ps.statements[0]), why;
  if (out) {
    EXPECT_EQ(p1, out);
  }
  EXPECT_EQ(reprint(p1, why), p1) << why;
}

// Letters and symbols of SQL text without blanks, upper-cased: for comparing a printed statement
// with the one written.
std::string squeezed(std::string_view text) {
  std::string out;
  for (char c : text)
    if (!std::isspace(static_cast<unsigned char>(c))) out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  return out;
}

// Table DDL is printed from nodes that keep some clauses as text; the printed statement must
// say what was written, token for token (only ADD ( one item ) loses its parentheses).
bool printed_as_written(const ast::Statement& s, const std::string& printed) {
  std::string written = squeezed(compact_text(s.span)), out = squeezed(printed);
  if (written == out) return true;
  size_t add = written.find("ADD(");
  if (s.kind != ast::StmtKind::AlterTable || add == std::string::npos || written.back() != ')') return false;
  written.erase(add + 3, 1);
  written.pop_back();
  return written == out;
}

fs::path corpus_root() { return fs::path(ORASHIFT_SOURCE_DIR) / ".." / "shared" / "corpus"; }

// Calls `each(file, statement)` for every typed statement of every corpus file `orashift parse`
// reads (its extensions: src/cli/cmd_parse.cpp).
template <class Each>
void for_each_typed_corpus_statement(Each each) {
  const std::vector<std::string> exts = {".sql", ".pks", ".pkb", ".pls", ".plb", ".tps", ".tpb", ".trg", ".fnc", ".prc", ".vw", ".plsql"};
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(corpus_root())) {
    if (!e.is_regular_file()) continue;
    std::string ext = e.path().extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (std::find(exts.begin(), exts.end(), ext) != exts.end()) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());  // the first difference reported is the same on every run
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    SourceFile file(fs::relative(path, corpus_root()).string(), buf.str());
    Diagnostics diags;
    ParsedScript ps = parse_script(file, diags);
    for (const auto& s : ps.statements)
      if (printed_from_tree(*s)) each(file, *s);
  }
}

// The first line where two tree dumps part ("path = value" each), or "" when they are equal.
std::string first_difference(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  size_t k = 0;
  while (k < a.size() && k < b.size() && a[k] == b[k]) ++k;
  if (k == a.size() && k == b.size()) return {};
  return "\n    source:  " + (k < a.size() ? a[k] : std::string("(end of tree)")) +
         "\n    printed: " + (k < b.size() ? b[k] : std::string("(end of tree)"));
}

}  // namespace

// The dump reads every clause: dropping one from a statement changes it.
TEST(RoundTrip, TreeDumpSeesEveryClause) {
  auto dump = [](const char* sql) {
    auto f = std::make_unique<SourceFile>("t.sql", std::string(sql) + ";\n");
    Diagnostics d;
    ParsedScript ps = parse_script(*f, d);
    EXPECT_EQ(ps.statements.size(), 1u) << sql;
    return test::dump_tree(*ps.statements.at(0));
  };
  auto with = dump("select a, b from t where x = 1 order by a");
  EXPECT_EQ(with, dump("SELECT  a,b\nFROM t -- comment\n WHERE x=1 ORDER BY a"));
  EXPECT_NE(with, dump("select a, b from t order by a"));
  EXPECT_NE(with, dump("select a, b from t where x = 2 order by a"));
  EXPECT_NE(with, dump("select a, b from t where x = 1 order by a desc"));
  EXPECT_NE(dump("create table t (a number(5))"), dump("create table t (a number(6))"));
  EXPECT_NE(dump("begin x := 1; end"), dump("begin x := 1; y := 2; end"));
}

TEST(RoundTrip, PrintParsePrintIsStable) {
  const char* cases[] = {
      "select a, b as \"B\", t.*, count(*) over (partition by a order by b desc nulls last rows between unbounded "
      "preceding and current row) n from t, u where t.x = u.y(+) and exists (select 1 from v) order by 1",
      "with r (n) as (select 1 from dual union all select n + 1 from r where n < 3) select * from r",
      "select cast(x as varchar2(10)), extract(year from d), - -1 from t left outer join u using (k) cross join w",
      "insert all into a values (1) into b (x) values (2) select * from dual",
      "update t set (a, b) = (select 1, 2 from dual) where c = 1 returning a into :x",
      "select xmlconcat((select 1 from dual), (select 2 from dual)) from t where a member of b and c not member of d",
      "select x multiset union all y, set(z) from xmltable(xmlnamespaces(default 'urn:x'), '/a' passing d)",
      "begin l := (self as t_base).f(1) + sql%rowcount + t(i).c; end",
  };
  for (const char* c : cases) expect_printed_as(c, nullptr);
}

TEST(RoundTrip, WholeCorpus) {
  if (!fs::exists(corpus_root())) ORASHIFT_SKIP_OR_FAIL() << "corpus not found at " << corpus_root().string();
  size_t checked = 0, ddl_checked = 0;
  std::vector<std::string> failures, unfaithful;
  for_each_typed_corpus_statement([&](const SourceFile& file, const ast::Statement& st) {
    const ast::Statement* s = &st;
    ++checked;
    std::string p1 = print_statement(*s), why;
    if (s->kind == ast::StmtKind::CreateTable || s->kind == ast::StmtKind::AlterTable ||
        s->kind == ast::StmtKind::CreateIndex || s->kind == ast::StmtKind::Comment) {
      ++ddl_checked;
      if (!printed_as_written(*s, p1))
        unfaithful.push_back(file.path() + ":" + std::to_string(s->span.line()) + ": printed as " + p1.substr(0, 300));
    }
    std::string p2 = reprint(p1, why);
    if (p2 != p1) {
      // Show where they part: PL/SQL units print long.
      size_t k = 0;
      while (k < p1.size() && k < p2.size() && p1[k] == p2[k]) ++k;
      size_t from = k > 200 ? k - 200 : 0;
      if (std::getenv("ORASHIFT_ROUND_TRIP_FULL")) from = 0;
      failures.push_back(file.path() + ":" + std::to_string(s->span.line()) + ": differ at " + std::to_string(k) +
                         "\n  first:  " + p1.substr(from, std::getenv("ORASHIFT_ROUND_TRIP_FULL") ? std::string::npos : 400) + "\n  second: " + p2.substr(from, 400) + "\n  " + why +
                         "\n");
    }
  });
  std::printf("round trip: %zu typed statements checked, %zu differ\n", checked, failures.size());
  for (size_t i = 0; i < failures.size() && i < 40; ++i) std::printf("%s", failures[i].c_str());
  EXPECT_GT(checked, 0u);
  EXPECT_TRUE(failures.empty());
  std::printf("table DDL printed as written: %zu checked, %zu not\n", ddl_checked, unfaithful.size());
  for (size_t i = 0; i < unfaithful.size() && i < 20; ++i) std::printf("%s\n", unfaithful[i].c_str());
  EXPECT_TRUE(unfaithful.empty());
}

// COMMENT is printed from its node: the object kind, the name and the unescaped text quoted
// again (q'[…]' becomes plain quotes with '' for a quote), so it reads back the same.
TEST(RoundTrip, CommentPrintedFromItsNode) {
  const PrintCase cases[] = {
      {"comment on column hr.employees.last_name is q'[it's the \"last\" name]'",
       "COMMENT ON COLUMN hr.employees.last_name IS 'it''s the \"last\" name'"},
      {"COMMENT ON materialized   view sales_mv IS ''", "COMMENT ON MATERIALIZED VIEW sales_mv IS ''"},
      {"comment on table \"Mixed\" is 'two\nlines'", "COMMENT ON TABLE \"Mixed\" IS 'two\nlines'"},
  };
  for (const auto& c : cases) expect_printed_as(c.in, c.out);
}

// CREATE INDEX from its node: every flag the parser reads comes back, options as their tokens.
TEST(RoundTrip, CreateIndexPrintedFromItsNode) {
  const PrintCase cases[] = {
      {"create unique index hr.emp_ix on hr.employees (upper(last_name), hire_date desc) tablespace users -- why\n"
       "  compute statistics",
       "CREATE UNIQUE INDEX hr.emp_ix ON hr.employees (upper(last_name), hire_date DESC) tablespace users compute statistics"},
      {"create bitmap index s_bjix on sales s (c.cust_city) from sales s, customers c where s.cust_id = c.cust_id local",
       "CREATE BITMAP INDEX s_bjix ON sales s (c.cust_city) from sales s, customers c where s.cust_id = c.cust_id local"},
      {"create multivalue index mv_ix on docs d (d.doc.tags.string())", "CREATE MULTIVALUE INDEX mv_ix ON docs d (d.doc.tags.string())"},
      {"create index c_ix on cluster personnel", "CREATE INDEX c_ix ON CLUSTER personnel"},
  };
  for (const auto& c : cases) expect_printed_as(c.in, c.out);
}

// ALTER TABLE from its node: added columns (type, DEFAULT, identity, virtual, ENCRYPT after
// the default as Oracle orders it, inline constraints) and constraints (with their state);
// actions the tree does not model (MODIFY, DROP, …) as their tokens.
TEST(RoundTrip, AlterTablePrintedFromItsNode) {
  const PrintCase cases[] = {
      {"alter table t add (a number(5) default 0 encrypt using 'AES256' not null constraint a_ck check (a >= 0), "
       "b varchar2(10 char) invisible, c generated always as (a * 2) virtual, d number generated by default as identity)",
       "ALTER TABLE t ADD (a number(5) DEFAULT 0 encrypt using 'AES256' NOT NULL CONSTRAINT a_ck CHECK (a >= 0), "
       "b varchar2(10 char) invisible, c GENERATED ALWAYS AS (a * 2) VIRTUAL, d number generated by default as identity)"},
      {"alter table o add constraint o_fk foreign key (c_id) references c (id) on delete set null "
       "deferrable initially deferred using index tablespace x enable novalidate",
       "ALTER TABLE o ADD CONSTRAINT o_fk FOREIGN KEY (c_id) REFERENCES c (id) ON DELETE SET NULL DEFERRABLE "
       "INITIALLY DEFERRED using index tablespace x ENABLE NOVALIDATE"},
      {"alter table t modify (x not null) drop column y", "ALTER TABLE t modify (x not null) drop column y"},
  };
  for (const auto& c : cases) expect_printed_as(c.in, c.out);
}

// CREATE TABLE from its node: columns, then table constraints, then properties and the
// partitioning clause in the order written (properties as their tokens).
TEST(RoundTrip, CreateTablePrintedFromItsNode) {
  const PrintCase cases[] = {
      {"create table s (id number(10) constraint s_pk primary key, d date default sysdate not null, "
       "constraint s_ck check (id > 0)) tablespace users pctfree 5 partition by range (d) interval "
       "(numtoyminterval(1, 'MONTH')) (partition p0 values less than (date '2000-01-01'), partition p1 values less "
       "than (maxvalue) compress) enable row movement",
       "CREATE TABLE s (id number(10) CONSTRAINT s_pk PRIMARY KEY, d date DEFAULT sysdate NOT NULL, "
       "CONSTRAINT s_ck CHECK (id > 0)) tablespace users pctfree 5 PARTITION BY RANGE (d) INTERVAL "
       "(numtoyminterval(1, 'MONTH')) (PARTITION p0 VALUES LESS THAN (DATE '2000-01-01'), PARTITION p1 VALUES LESS "
       "THAN (maxvalue) compress) enable row movement"},
      {"create global temporary table g (a int) on commit preserve rows",
       "CREATE GLOBAL TEMPORARY TABLE g (a int) on commit preserve rows"},
      {"create table h (k number) partition by hash (k) partitions 4 store in (ts1, ts2)",
       "CREATE TABLE h (k number) PARTITION BY HASH (k) PARTITIONS 4 store in (ts1, ts2)"},
      {"create table c as select * from t", "CREATE TABLE c as select * from t"},
  };
  for (const auto& c : cases) expect_printed_as(c.in, c.out);
}

// Fidelity over the corpus: parse(print(parse(x))) is the same tree as parse(x), positions and
// comments aside. WholeCorpus above only proves the printed text is stable; a printer that left
// out a WHERE clause would pass it, not this.
TEST(RoundTrip, WholeCorpusSameTree) {
  if (!fs::exists(corpus_root())) ORASHIFT_SKIP_OR_FAIL() << "corpus not found at " << corpus_root().string();
  size_t checked = 0;
  std::vector<std::string> failures;
  for_each_typed_corpus_statement([&](const SourceFile& file, const ast::Statement& s) {
    ++checked;
    std::string printed = print_statement(s);
    SourceFile again("printed.sql", printed + ";\n");
    Diagnostics d;
    ParsedScript ps = parse_script(again, d);
    std::string diff;
    if (ps.statements.size() != 1 || !printed_from_tree(*ps.statements[0]))
      diff = "\n    printed text is not one typed statement: " + printed.substr(0, 300);
    else
      diff = first_difference(test::dump_tree(s), test::dump_tree(*ps.statements[0]));
    if (!diff.empty()) failures.push_back(file.path() + ":" + std::to_string(s.span.line()) + ": tree differs at" + diff);
  });
  std::printf("same tree: %zu typed statements checked, %zu differ\n", checked, failures.size());
  for (size_t i = 0; i < failures.size() && i < 20; ++i) std::printf("%s\n", failures[i].c_str());
  EXPECT_GT(checked, 9000u);
  EXPECT_TRUE(failures.empty());
}
