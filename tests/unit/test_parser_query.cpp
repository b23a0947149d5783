// Queries, DML, CREATE VIEW/SEQUENCE/SYNONYM: the typed tree and its printed form.
#include <gtest/gtest.h>

#include "sql/parser.h"
#include "sql/printer.h"

using namespace orashift;
using namespace orashift::sql;

namespace {

struct One {
  std::unique_ptr<SourceFile> file;
  Diagnostics diags;
  ParsedScript script;
  const ast::Statement& stmt() const { return *script.statements.at(0); }
  std::string printed() const { return print_statement(stmt()); }
};

std::unique_ptr<One> parse1(std::string text) {
  auto p = std::make_unique<One>();
  p->file = std::make_unique<SourceFile>("q.sql", std::move(text) + "\n;\n");
  p->script = parse_script(*p->file, p->diags);
  return p;
}

template <class T>
const T& as(const ast::Statement& s) {
  return static_cast<const T&>(s);
}

const ast::SelectCore& core(const ast::Query& q) { return static_cast<const ast::SelectCore&>(*q.body); }

std::string why(const One& p) {
  std::string out;
  for (const auto& d : p.diags.items()) out += d.render();
  if (p.stmt().kind == ast::StmtKind::Other && as<ast::OtherStatement>(p.stmt()).unparsed)
    out += as<ast::OtherStatement>(p.stmt()).unparsed->render();
  return out;
}

}  // namespace

TEST(ParserQuery, SelectListFromJoinsWhere) {
  auto p = parse1("select /*+ full(e) */ distinct e.*, d.name dname, count(*) as \"N\" from hr.employees e "
                  "inner join departments d on d.id = e.dept_id left outer join loc l using (loc_id) "
                  "cross join dual natural join x, jobs j where e.job = j.id(+) and e.sal > any (select 1 from dual)");
  ASSERT_EQ(p->stmt().kind, ast::StmtKind::Select) << why(*p);
  const auto& s = core(*as<ast::SelectStmt>(p->stmt()).query);
  EXPECT_EQ(s.hint, "/*+ full(e) */");
  EXPECT_EQ(s.quantifier, "distinct");
  ASSERT_EQ(s.items.size(), 3u);
  EXPECT_EQ(s.items[0].expr->kind, ast::ExprKind::Star);
  EXPECT_EQ(s.items[1].alias->text, "dname");
  EXPECT_TRUE(s.items[2].as_keyword);
  ASSERT_EQ(s.from.size(), 2u);
  const auto& j = static_cast<const ast::Join&>(*s.from[0]);
  EXPECT_TRUE(j.natural);
  const auto& cross = static_cast<const ast::Join&>(*j.left);
  EXPECT_EQ(cross.type, ast::JoinType::Cross);
  const auto& left = static_cast<const ast::Join&>(*cross.left);
  EXPECT_EQ(left.type, ast::JoinType::Left);
  EXPECT_EQ(left.using_columns.size(), 1u);
  EXPECT_EQ(s.from[1]->alias->text, "j");
  EXPECT_EQ(p->printed(),
            "SELECT /*+ full(e) */ DISTINCT e.*, d.name dname, count(*) AS \"N\" FROM hr.employees e INNER JOIN "
            "departments d ON d.id = e.dept_id LEFT OUTER JOIN loc l USING (loc_id) CROSS JOIN dual NATURAL JOIN x, "
            "jobs j WHERE e.job = j.id(+) AND e.sal > ANY (SELECT 1 FROM dual)");
}

TEST(ParserQuery, HierarchyGroupingSetOpsFetch) {
  auto p = parse1("select level, sys_connect_by_path(name, '/') from emp start with mgr is null "
                  "connect by nocycle prior id = mgr order siblings by name");
  ASSERT_EQ(p->stmt().kind, ast::StmtKind::Select) << why(*p);
  const auto& q = *as<ast::SelectStmt>(p->stmt()).query;
  EXPECT_TRUE(core(q).nocycle);
  EXPECT_TRUE(q.order_siblings);
  EXPECT_EQ(static_cast<const ast::BinaryExpr&>(*core(q).connect_by).lhs->kind, ast::ExprKind::Unary);

  auto g = parse1("select a, b, sum(c) from t group by grouping sets ((a, b), a, ()), rollup (a, b), cube (c) "
                  "having sum(c) > 0 union all select 1, 2, 3 from dual minus (select 4, 5, 6 from dual) "
                  "order by 1 desc nulls first offset 5 rows fetch next 10 percent rows with ties");
  ASSERT_EQ(g->stmt().kind, ast::StmtKind::Select) << why(*g);
  const auto& q2 = *as<ast::SelectStmt>(g->stmt()).query;
  ASSERT_EQ(q2.body->kind, ast::QueryBodyKind::SetOp);
  EXPECT_EQ(static_cast<const ast::SetOp&>(*q2.body).op, ast::SetOpKind::Minus);
  EXPECT_TRUE(q2.fetch_percent);
  EXPECT_TRUE(q2.with_ties);
  EXPECT_EQ(g->printed(),
            "SELECT a, b, sum(c) FROM t GROUP BY GROUPING SETS ((a, b), a, ()), ROLLUP (a, b), CUBE (c) HAVING sum(c) "
            "> 0 UNION ALL SELECT 1, 2, 3 FROM dual MINUS (SELECT 4, 5, 6 FROM dual) ORDER BY 1 DESC NULLS FIRST "
            "OFFSET 5 ROWS FETCH NEXT 10 PERCENT ROWS WITH TIES");
}

TEST(ParserQuery, AnalyticKeepWithinGroupCaseCast) {
  auto p = parse1("select max(sal) keep (dense_rank last order by hired) over (partition by dept), "
                  "listagg(name, ',') within group (order by name), first_value(x) ignore nulls over w, "
                  "case when a = 1 then 'x' else 'y' end, case b when 2 then 3 end, "
                  "cast(d as date default null on conversion error, 'YYYY'), extract(month from d), "
                  "sum(x) over (order by d range between interval '1' day preceding and current row) "
                  "from t as of timestamp systimestamp - 1 sample block (10) seed (1) "
                  "for update of t.a skip locked");
  ASSERT_EQ(p->stmt().kind, ast::StmtKind::Select) << why(*p);
  const auto& q = *as<ast::SelectStmt>(p->stmt()).query;
  const auto& c0 = static_cast<const ast::CallExpr&>(*core(q).items[0].expr);
  EXPECT_EQ(c0.keep, "last");
  ASSERT_TRUE(c0.over);
  EXPECT_EQ(c0.over->partition_by.size(), 1u);
  const auto& cast = static_cast<const ast::CastExpr&>(*core(q).items[5].expr);
  EXPECT_TRUE(cast.default_on_error);
  EXPECT_EQ(cast.format.size(), 1u);
  const auto& t = static_cast<const ast::TableName&>(*core(q).from[0]);
  EXPECT_EQ(t.as_of, "timestamp");
  EXPECT_TRUE(t.sample_block);
  ASSERT_TRUE(q.for_update);
  EXPECT_EQ(q.for_update->wait, "skip");
  EXPECT_EQ(p->printed(),
            "SELECT max(sal) KEEP (DENSE_RANK LAST ORDER BY hired) OVER (PARTITION BY dept), listagg(name, ',') WITHIN "
            "GROUP (ORDER BY name), first_value(x) IGNORE NULLS OVER w, CASE WHEN a = 1 THEN 'x' ELSE 'y' END, CASE b "
            "WHEN 2 THEN 3 END, CAST(d AS date DEFAULT NULL ON CONVERSION ERROR, 'YYYY'), EXTRACT(MONTH FROM d), "
            "sum(x) OVER (ORDER BY d RANGE BETWEEN INTERVAL '1' day PRECEDING AND CURRENT ROW) FROM t AS OF TIMESTAMP "
            "systimestamp - 1 SAMPLE BLOCK (10) SEED (1) FOR UPDATE OF t.a SKIP LOCKED");
}

TEST(ParserQuery, WithRecursivePivotSubqueries) {
  auto p = parse1("with r (n, m) as (select 1, 2 from dual union all select n + 1, m from r where n < 5) "
                  "search depth first by n set ord, s as (select * from r) "
                  "select * from (select n, m from s) pivot (sum(m) for n in (1 as one, 2 as two)) p "
                  "where n in (select n from r) and (select max(n) from r) > 1");
  ASSERT_EQ(p->stmt().kind, ast::StmtKind::Select) << why(*p);
  const auto& q = *as<ast::SelectStmt>(p->stmt()).query;
  ASSERT_EQ(q.with.size(), 2u);
  EXPECT_EQ(q.with[0].columns.size(), 2u);
  EXPECT_EQ(q.with[0].search_cycle.text(), "search depth first by n set ord");
  const auto& from = *core(q).from[0];
  EXPECT_EQ(from.kind, ast::TableRefKind::Subquery);
  EXPECT_EQ(from.pivot.text(), "pivot (sum(m) for n in (1 as one, 2 as two))");
  EXPECT_EQ(from.alias->text, "p");
}

TEST(ParserQuery, Dml) {
  auto i = parse1("insert /*+ append */ into t (a, b) values (1, default) returning a into :x");
  ASSERT_EQ(i->stmt().kind, ast::StmtKind::Insert) << why(*i);
  EXPECT_EQ(as<ast::Insert>(i->stmt()).single.values.size(), 2u);
  EXPECT_TRUE(as<ast::Insert>(i->stmt()).returning);

  auto m = parse1("insert first when a > 1 then into t1 values (a) into t2 (x) values (b) else into t3 "
                  "select a, b from src");
  ASSERT_EQ(m->stmt().kind, ast::StmtKind::Insert) << why(*m);
  const auto& mi = as<ast::Insert>(m->stmt());
  EXPECT_EQ(mi.multi, "first");
  ASSERT_EQ(mi.whens.size(), 2u);
  EXPECT_EQ(mi.whens[0].targets.size(), 2u);
  EXPECT_FALSE(mi.whens[1].condition);
  EXPECT_EQ(m->printed(),
            "INSERT FIRST WHEN a > 1 THEN INTO t1 VALUES (a) INTO t2 (x) VALUES (b) ELSE INTO t3 SELECT a, b FROM src");

  auto u = parse1("update emp e set (sal, comm) = (select 1, 2 from dual), e.name = upper(e.name) where id = 1");
  ASSERT_EQ(u->stmt().kind, ast::StmtKind::Update) << why(*u);
  EXPECT_TRUE(as<ast::Update>(u->stmt()).sets[0].row_form);
  EXPECT_EQ(as<ast::Update>(u->stmt()).sets[0].columns.size(), 2u);

  auto d = parse1("delete from emp where id in (1, 2) log errors into err$ reject limit unlimited");
  ASSERT_EQ(d->stmt().kind, ast::StmtKind::Delete) << why(*d);
  EXPECT_EQ(as<ast::Delete>(d->stmt()).error_logging.text(), "log errors into err$ reject limit unlimited");

  auto g = parse1("merge into tgt t using (select * from src) s on (t.id = s.id) "
                  "when matched then update set t.v = s.v where s.v > 0 delete where s.gone = 1 "
                  "when not matched then insert (id, v) values (s.id, s.v) where s.v is not null");
  ASSERT_EQ(g->stmt().kind, ast::StmtKind::Merge) << why(*g);
  const auto& mg = as<ast::Merge>(g->stmt());
  ASSERT_TRUE(mg.matched && mg.not_matched);
  EXPECT_TRUE(mg.matched->delete_where);
  EXPECT_TRUE(mg.not_matched->where);
}

TEST(ParserQuery, ViewSequenceSynonym) {
  auto v = parse1("create or replace force editionable view hr.v (a, b) as select x, y from t with check option "
                  "constraint v_ck");
  ASSERT_EQ(v->stmt().kind, ast::StmtKind::CreateView) << why(*v);
  const auto& cv = as<ast::CreateView>(v->stmt());
  EXPECT_TRUE(cv.or_replace);
  EXPECT_EQ(cv.force, "force");
  EXPECT_EQ(cv.columns.size(), 2u);
  EXPECT_EQ(cv.with_option, "check option");
  EXPECT_EQ(cv.constraint->text, "v_ck");
  EXPECT_EQ(v->printed(),
            "CREATE OR REPLACE FORCE EDITIONABLE VIEW hr.v (a, b) AS SELECT x, y FROM t WITH CHECK OPTION CONSTRAINT "
            "v_ck");

  auto s = parse1("create sequence s increment by 1 start with -5 maxvalue 99 nocache cycle order scale extend");
  ASSERT_EQ(s->stmt().kind, ast::StmtKind::CreateSequence) << why(*s);
  EXPECT_EQ(as<ast::CreateSequence>(s->stmt()).options.size(), 7u);
  EXPECT_EQ(s->printed(), "CREATE SEQUENCE s INCREMENT BY 1 START WITH -5 MAXVALUE 99 NOCACHE CYCLE ORDER SCALE EXTEND");

  auto y = parse1("create or replace public synonym emp for hr.employees@remote.example");
  ASSERT_EQ(y->stmt().kind, ast::StmtKind::CreateSynonym) << why(*y);
  EXPECT_TRUE(as<ast::CreateSynonym>(y->stmt()).is_public);
  EXPECT_EQ(y->printed(), "CREATE OR REPLACE PUBLIC SYNONYM emp FOR hr.employees@remote.example");
}

TEST(ParserQuery, UnreadableModelledKindStaysOtherWithReason) {
  auto p = parse1("select * from t where a member b");  // MEMBER needs OF
  ASSERT_EQ(p->stmt().kind, ast::StmtKind::Other);
  EXPECT_TRUE(p->diags.empty());  // not an error: kept as before SELECT was modelled
  ASSERT_TRUE(as<ast::OtherStatement>(p->stmt()).unparsed);
  EXPECT_EQ(p->stmt().kind_name, "SELECT");
}

// XMLTABLE in FROM: its clauses beside the generic call (which the printer keeps as written); a
// text without XMLTABLE's form keeps the call only.
TEST(ParserQuery, XmlTableClauses) {
  auto p = parse1(
      "select x.r_id from xmltable(xmlnamespaces(default 'urn:m', 'urn:r' as \"r\"), '/w/s' passing by value d "
      "columns r_id varchar2(255) path '@r:id', n for ordinality, v number default 0) x");
  ASSERT_EQ(p->stmt().kind, ast::StmtKind::Select) << why(*p);
  const auto& f = static_cast<const ast::FunctionRef&>(*core(*as<ast::SelectStmt>(p->stmt()).query).from.at(0));
  ASSERT_TRUE(f.xmltable);
  const auto& x = *f.xmltable;
  ASSERT_EQ(x.namespaces.size(), 2u);
  EXPECT_FALSE(x.namespaces[0].prefix);
  EXPECT_EQ(x.namespaces[1].prefix->text, "\"r\"");
  EXPECT_EQ(x.row_path->span.text(), "'/w/s'");
  EXPECT_EQ(x.passing->span.text(), "d");
  ASSERT_EQ(x.columns.size(), 3u);
  EXPECT_EQ(x.columns[0].type->name, "VARCHAR2");
  EXPECT_EQ(x.columns[0].path->span.text(), "'@r:id'");
  EXPECT_TRUE(x.columns[1].ordinality);
  EXPECT_FALSE(x.columns[2].path);
  EXPECT_EQ(x.columns[2].default_value->span.text(), "0");
  EXPECT_NE(p->printed().find("xmlnamespaces"), std::string::npos) << p->printed();

  auto q = parse1("select * from xmltable('/a' passing d columns a varchar2(9) path '@a' bogus words)");
  ASSERT_EQ(q->stmt().kind, ast::StmtKind::Select) << why(*q);
  EXPECT_FALSE(static_cast<const ast::FunctionRef&>(*core(*as<ast::SelectStmt>(q->stmt()).query).from.at(0)).xmltable);
}
