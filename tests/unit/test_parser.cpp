#include <gtest/gtest.h>

#include <map>

#include "sql/ast_admin.h"
#include "sql/printer.h"

#include "sql/parser.h"

using namespace orashift;
using namespace orashift::sql;

namespace {

struct Parsed {
  std::unique_ptr<SourceFile> file;
  Diagnostics diags;
  ParsedScript script;
};

std::unique_ptr<Parsed> parse(std::string text) {
  auto p = std::make_unique<Parsed>();
  p->file = std::make_unique<SourceFile>("t.sql", std::move(text));
  p->script = parse_script(*p->file, p->diags);
  return p;
}

template <class T>
const T& as(const ast::StatementPtr& s) {
  return static_cast<const T&>(*s);
}

std::string errors(const Diagnostics& d) {
  std::string out;
  for (const auto& x : d.items()) out += x.render();
  return out;
}

}  // namespace

TEST(Parser, CreateTableColumnsAndTypes) {
  auto p = parse(R"(CREATE GLOBAL TEMPORARY TABLE sh."Sales" (
    id NUMBER(10) CONSTRAINT sales_pk PRIMARY KEY,
    amount NUMBER(*,2) DEFAULT 0 NOT NULL,
    f FLOAT(63), bf BINARY_FLOAT, bd BINARY_DOUBLE,
    name VARCHAR2(40 CHAR) NOT NULL, code VARCHAR2(10 BYTE), c CHAR(1), nc NCHAR(2), nv NVARCHAR2(30),
    d DATE DEFAULT SYSDATE, ts TIMESTAMP(6) WITH LOCAL TIME ZONE, tz TIMESTAMP WITH TIME ZONE,
    iym INTERVAL YEAR(2) TO MONTH, ids INTERVAL DAY(3) TO SECOND(6),
    r RAW(16), l LONG, lr LONG RAW, cl CLOB, ncl NCLOB, bl BLOB, bfl BFILE, rid ROWID, urid UROWID(100),
    x XMLTYPE, sx SYS.XMLTYPE, geo MDSYS.SDO_GEOMETRY,
    status VARCHAR2(1) DEFAULT 'A' CONSTRAINT st_ck CHECK (status IN ('A', 'I')) DISABLE,
    cust_id NUMBER REFERENCES customers (cust_id) ON DELETE SET NULL,
    email VARCHAR2(50) UNIQUE
  ) ON COMMIT PRESERVE ROWS;)");
  ASSERT_EQ(p->diags.items().size(), 0u) << errors(p->diags);
  ASSERT_EQ(p->script.statements.size(), 1u);
  const auto& t = as<ast::CreateTable>(p->script.statements[0]);
  EXPECT_TRUE(t.global_temporary);
  ASSERT_EQ(t.name.parts.size(), 2u);
  EXPECT_EQ(t.name.schema()->text, "sh");
  EXPECT_EQ(t.name.name().text, "\"Sales\"");
  ASSERT_EQ(t.columns.size(), 30u);
  const auto& id = t.columns[0];
  EXPECT_EQ(id.type->name, "NUMBER");
  EXPECT_EQ(*id.type->precision, 10);
  ASSERT_EQ(id.constraints.size(), 1u);
  EXPECT_EQ(id.constraints[0].type, ast::ConstraintType::PrimaryKey);
  EXPECT_EQ(id.constraints[0].name->text, "sales_pk");
  EXPECT_TRUE(t.columns[1].type->star_precision);
  EXPECT_EQ(*t.columns[1].type->scale, 2);
  EXPECT_EQ(t.columns[1].default_value->span.text(), "0");
  EXPECT_EQ(t.columns[1].constraints[0].type, ast::ConstraintType::NotNull);
  EXPECT_EQ(t.columns[2].type->name, "FLOAT");
  EXPECT_EQ(*t.columns[5].type->length, 40);
  EXPECT_TRUE(t.columns[5].type->char_semantics);
  EXPECT_TRUE(t.columns[6].type->byte_semantics);
  EXPECT_EQ(t.columns[11].type->suffix, "WITH LOCAL TIME ZONE");
  EXPECT_EQ(*t.columns[11].type->precision, 6);
  EXPECT_EQ(t.columns[12].type->suffix, "WITH TIME ZONE");
  EXPECT_EQ(t.columns[13].type->name, "INTERVAL");
  EXPECT_EQ(t.columns[13].type->suffix, "YEAR(2) TO MONTH");
  EXPECT_EQ(t.columns[14].type->suffix, "DAY(3) TO SECOND(6)");
  EXPECT_EQ(t.columns[16].type->name, "LONG");
  EXPECT_EQ(t.columns[17].type->name, "LONG RAW");
  EXPECT_EQ(t.columns[23].type->name, "UROWID");
  EXPECT_EQ(t.columns[24].type->name, "XMLTYPE");
  EXPECT_EQ(t.columns[25].type->name, "XMLTYPE");
  EXPECT_EQ(t.columns[26].type->name, "MDSYS.SDO_GEOMETRY");
  const auto& status = t.columns[27];
  EXPECT_EQ(status.default_value->span.text(), "'A'");
  ASSERT_EQ(status.constraints.size(), 1u);
  EXPECT_EQ(status.constraints[0].type, ast::ConstraintType::Check);
  EXPECT_EQ(status.constraints[0].check->kind, ast::ExprKind::In);
  EXPECT_EQ(*status.constraints[0].state.enable, false);
  const auto& fk = t.columns[28].constraints[0];
  EXPECT_EQ(fk.type, ast::ConstraintType::ForeignKey);
  EXPECT_EQ(fk.ref_table->name().text, "customers");
  EXPECT_EQ(fk.on_delete, "SET NULL");
  EXPECT_EQ(t.columns[29].constraints[0].type, ast::ConstraintType::Unique);
  ASSERT_EQ(t.properties.size(), 1u);
  EXPECT_EQ(t.properties[0].kind, ast::PropertyKind::OnCommit);
}

TEST(Parser, OutOfLineConstraintsAndStates) {
  auto p = parse(R"(create table t (a number, b number, c varchar2(10),
    constraint t_pk primary key (a, b) using index tablespace idx enable validate,
    constraint t_uk unique (c) deferrable initially deferred rely,
    constraint t_fk foreign key (b) references s.p (id) on delete cascade disable novalidate,
    check (a > 0 and b between 1 and 10) novalidate);)");
  ASSERT_EQ(p->diags.items().size(), 0u) << errors(p->diags);
  const auto& t = as<ast::CreateTable>(p->script.statements[0]);
  ASSERT_EQ(t.constraints.size(), 4u);
  EXPECT_EQ(t.constraints[0].columns.size(), 2u);
  EXPECT_EQ(t.constraints[0].state.using_index.text(), "using index tablespace idx");
  EXPECT_TRUE(*t.constraints[0].state.enable);
  EXPECT_TRUE(t.constraints[1].state.deferrable);
  EXPECT_TRUE(t.constraints[1].state.initially_deferred);
  EXPECT_TRUE(t.constraints[1].state.rely);
  EXPECT_EQ(t.constraints[2].ref_table->schema()->text, "s");
  EXPECT_EQ(t.constraints[2].on_delete, "cascade");
  EXPECT_FALSE(*t.constraints[2].state.enable);
  EXPECT_FALSE(*t.constraints[2].state.validate);
  EXPECT_FALSE(t.constraints[3].name.has_value());
  EXPECT_EQ(t.constraints[3].check->kind, ast::ExprKind::Binary);
}

TEST(Parser, PhysicalPropertiesKnownAndUnknown) {
  auto p = parse(R"(CREATE TABLE t (a NUMBER, b CLOB)
    PCTFREE 5 PCTUSED 40 INITRANS 2 MAXTRANS 255
    STORAGE (INITIAL 64K NEXT 1M MAXEXTENTS UNLIMITED)
    TABLESPACE users LOGGING NOCOMPRESS COMPRESS FOR OLTP CACHE PARALLEL 4
    LOB (b) STORE AS SECUREFILE b_seg (TABLESPACE lobs ENABLE STORAGE IN ROW CHUNK 8192)
    ENABLE ROW MOVEMENT SEGMENT CREATION IMMEDIATE
    SOME_FUTURE_CLAUSE (x => 1, y (2)) MONITORING;)");
  ASSERT_EQ(p->diags.items().size(), 0u) << errors(p->diags);
  const auto& t = as<ast::CreateTable>(p->script.statements[0]);
  std::vector<ast::PropertyKind> kinds;
  for (const auto& x : t.properties) kinds.push_back(x.kind);
  using K = ast::PropertyKind;
  std::vector<K> want = {K::Pctfree, K::Pctused,  K::Initrans, K::Maxtrans,    K::Storage,
                         K::Tablespace, K::Logging, K::Nocompress, K::Compress, K::Cache,
                         K::Parallel, K::Lob,      K::RowMovement, K::SegmentCreation, K::Other, K::Other};
  EXPECT_EQ(kinds.size(), want.size());
  for (size_t i = 0; i < std::min(want.size(), kinds.size()); ++i) EXPECT_EQ(kinds[i], want[i]) << i << t.properties[i].span.text();
  EXPECT_EQ(t.properties[0].value, "5");
  EXPECT_EQ(t.properties[5].value, "users");
  EXPECT_EQ(t.properties[8].span.text(), "COMPRESS FOR OLTP");
  EXPECT_EQ(t.properties[14].span.text(), "SOME_FUTURE_CLAUSE (x => 1, y (2))");
}

TEST(Parser, OrganizationIndexAndExternal) {
  auto p = parse(R"(create table iot (k number primary key, v varchar2(10)) organization index overflow tablespace x;
create table ext (a varchar2(10)) organization external (type oracle_loader default directory d
  access parameters (records delimited by newline fields terminated by ',') location ('a.csv')) reject limit unlimited;)");
  ASSERT_EQ(p->diags.items().size(), 0u) << errors(p->diags);
  const auto& iot = as<ast::CreateTable>(p->script.statements[0]);
  EXPECT_EQ(iot.properties[0].kind, ast::PropertyKind::Organization);
  EXPECT_EQ(iot.properties[0].value, "index");
  const auto& ext = as<ast::CreateTable>(p->script.statements[1]);
  ASSERT_EQ(ext.properties.size(), 1u);
  EXPECT_EQ(ext.properties[0].value, "external");
}

TEST(Parser, RangeListHashAndIntervalPartitioning) {
  auto p = parse(R"(
create table r (id number, d date) partition by range (d) interval (numtoyminterval(1, 'MONTH'))
  (partition p0 values less than (TO_DATE('2000-01-01','YYYY-MM-DD','NLS_CALENDAR=GREGORIAN')) compress,
   partition pmax values less than (maxvalue) tablespace t2);
create table l (region varchar2(10)) partition by list (region)
  (partition pe values ('EU', 'UK'), partition pd values (default));
create table h (id number) partition by hash (id) partitions 8 store in (ts1, ts2);
create table c (id number, d date) partition by range (d) subpartition by hash (id) subpartitions 4
  (partition p1 values less than (date '2001-01-01') (subpartition s1, subpartition s2));
)");
  ASSERT_EQ(p->diags.items().size(), 0u) << errors(p->diags);
  const auto& r = as<ast::CreateTable>(p->script.statements[0]);
  ASSERT_TRUE(r.partitioning);
  EXPECT_EQ(r.partitioning->method, "RANGE");
  ASSERT_TRUE(r.partitioning->interval);
  EXPECT_EQ(r.partitioning->interval->kind, ast::ExprKind::Call);
  ASSERT_EQ(r.partitioning->partitions.size(), 2u);
  const auto& p0 = r.partitioning->partitions[0];
  EXPECT_EQ(p0.name->text, "p0");
  EXPECT_EQ(p0.bound_kind, "LESS THAN");
  ASSERT_EQ(p0.bounds.size(), 1u);
  const auto& call = static_cast<const ast::CallExpr&>(*p0.bounds[0]);
  EXPECT_EQ(call.name[0].text, "TO_DATE");
  EXPECT_EQ(call.args.size(), 3u);
  EXPECT_EQ(p0.options.text(), "compress");
  EXPECT_EQ(r.partitioning->partitions[1].options.text(), "tablespace t2");
  const auto& l = as<ast::CreateTable>(p->script.statements[1]);
  EXPECT_EQ(l.partitioning->method, "LIST");
  EXPECT_EQ(l.partitioning->partitions[0].bounds.size(), 2u);
  EXPECT_EQ(l.partitioning->partitions[1].bound.text(), "values (default)");
  const auto& h = as<ast::CreateTable>(p->script.statements[2]);
  EXPECT_EQ(*h.partitioning->hash_count, 8);
  EXPECT_TRUE(h.partitioning->partitions.empty());
  const auto& c = as<ast::CreateTable>(p->script.statements[3]);
  EXPECT_EQ(c.partitioning->subpartition.text(), "subpartition by hash (id) subpartitions 4");
  EXPECT_EQ(c.partitioning->partitions[0].options.text(), "(subpartition s1, subpartition s2)");
}

TEST(Parser, Expressions) {
  auto p = parse(R"(create table e (
    a number default -1 + 2 * 3 ** 2,
    b varchar2(100) default 'x' || to_char(sysdate, 'YYYY') || q'[it's]',
    c date default DATE '2020-01-01',
    d timestamp default TIMESTAMP '2020-01-01 10:00:00',
    e interval day to second default INTERVAL '1 02:00:00' DAY TO SECOND,
    f number default seq.nextval,
    g number check (g is not null and g not between 1 and 2 or g not like 'a%' escape '\' or g not in (1, 2)),
    h number default case when 1 = 1 then 2 else 3 end,
    i number check (i = any (select x from y) or exists (select 1 from dual) or (i, i) in ((1, 2))),
    j number default nvl(:bind, &subst),
    k number generated always as (a + f) virtual,
    l number generated by default on null as identity (start with 1 increment by 1)
  );)");
  ASSERT_EQ(p->diags.items().size(), 0u) << errors(p->diags);
  const auto& t = as<ast::CreateTable>(p->script.statements[0]);
  const auto& a = static_cast<const ast::BinaryExpr&>(*t.columns[0].default_value);
  EXPECT_EQ(a.op, ast::BinaryOp::Add);
  EXPECT_EQ(a.lhs->kind, ast::ExprKind::Unary);
  const auto& mul = static_cast<const ast::BinaryExpr&>(*a.rhs);
  EXPECT_EQ(mul.op, ast::BinaryOp::Mul);
  EXPECT_EQ(static_cast<const ast::BinaryExpr&>(*mul.rhs).op, ast::BinaryOp::Power);
  const auto& b = static_cast<const ast::BinaryExpr&>(*t.columns[1].default_value);
  EXPECT_EQ(b.op, ast::BinaryOp::Concat);
  EXPECT_EQ(b.span.text(), "'x' || to_char(sysdate, 'YYYY') || q'[it's]'");
  EXPECT_EQ(static_cast<const ast::LiteralExpr&>(*t.columns[2].default_value).literal, ast::LiteralKind::Date);
  EXPECT_EQ(static_cast<const ast::LiteralExpr&>(*t.columns[3].default_value).literal, ast::LiteralKind::Timestamp);
  const auto& iv = static_cast<const ast::LiteralExpr&>(*t.columns[4].default_value);
  EXPECT_EQ(iv.literal, ast::LiteralKind::Interval);
  EXPECT_EQ(iv.qualifier, "DAY TO SECOND");
  const auto& seq = static_cast<const ast::NameExpr&>(*t.columns[5].default_value);
  EXPECT_EQ(seq.parts.size(), 2u);
  const auto& g = static_cast<const ast::BinaryExpr&>(*t.columns[6].constraints[0].check);
  EXPECT_EQ(g.op, ast::BinaryOp::Or);  // AND binds tighter than OR
  EXPECT_EQ(t.columns[7].default_value->kind, ast::ExprKind::Case);
  EXPECT_TRUE(t.columns[10].virtual_expr);
  EXPECT_TRUE(t.columns[10].type);
  EXPECT_EQ(t.columns[11].identity.text(), "generated by default on null as identity (start with 1 increment by 1)");
}

TEST(Parser, OuterJoinAndCallTails) {
  auto p = parse("create table x (a number check (a = b.c(+)), d varchar2(10) default cast(1 as varchar2(10)),"
                 " e number default extract(year from sysdate));");
  ASSERT_EQ(p->diags.items().size(), 0u) << errors(p->diags);
  const auto& t = as<ast::CreateTable>(p->script.statements[0]);
  const auto& eq = static_cast<const ast::BinaryExpr&>(*t.columns[0].constraints[0].check);
  EXPECT_TRUE(static_cast<const ast::NameExpr&>(*eq.rhs).outer_join);
  ASSERT_EQ(t.columns[1].default_value->kind, ast::ExprKind::Cast);
  const auto& cast = static_cast<const ast::CastExpr&>(*t.columns[1].default_value);
  EXPECT_EQ(cast.type->name, "VARCHAR2");
  EXPECT_EQ(*cast.type->length, 10);
  ASSERT_EQ(t.columns[2].default_value->kind, ast::ExprKind::Extract);
  EXPECT_EQ(static_cast<const ast::ExtractExpr&>(*t.columns[2].default_value).field, "year");
}

TEST(Parser, CreateIndex) {
  auto p = parse(R"(CREATE BITMAP INDEX sales_prod_bix ON sales (prod_id) LOCAL NOLOGGING COMPUTE STATISTICS;
create unique index sh.ix2 on sh.t (upper(name) desc, id asc) tablespace x global partition by hash (id) partitions 4;
create index ix3 on t(a);)");
  ASSERT_EQ(p->diags.items().size(), 0u) << errors(p->diags);
  const auto& a = as<ast::CreateIndex>(p->script.statements[0]);
  EXPECT_TRUE(a.bitmap);
  EXPECT_TRUE(a.local);
  EXPECT_EQ(a.table.name().text, "sales");
  EXPECT_EQ(a.options.text(), "LOCAL NOLOGGING COMPUTE STATISTICS");
  const auto& b = as<ast::CreateIndex>(p->script.statements[1]);
  EXPECT_TRUE(b.unique);
  EXPECT_TRUE(b.global);
  ASSERT_EQ(b.columns.size(), 2u);
  EXPECT_TRUE(b.columns[0].descending);
  EXPECT_EQ(b.columns[0].expr->kind, ast::ExprKind::Call);
}

TEST(Parser, AlterTableAndComment) {
  auto p = parse(R"(ALTER TABLE sales ADD CONSTRAINT sales_promo_fk FOREIGN KEY (promo_id) REFERENCES promotions (promo_id) DISABLE NOVALIDATE;
alter table t add (constraint a_pk primary key (a), unique (b));
alter table t add (x number default 0 not null, y date);
alter table t add z varchar2(5);
alter table t modify (x number(5));
alter table t drop column y;
COMMENT ON TABLE times IS 'Time dimension';
COMMENT ON COLUMN sh.times.time_id IS 'primary key; day''s date';
comment on materialized view mv is 'x';)");
  ASSERT_EQ(p->diags.items().size(), 0u) << errors(p->diags);
  auto& s = p->script.statements;
  ASSERT_EQ(s.size(), 9u);
  const auto& a0 = as<ast::AlterTable>(s[0]);
  ASSERT_EQ(a0.actions.size(), 1u);
  EXPECT_EQ(a0.actions[0].kind, ast::AlterActionKind::AddConstraint);
  EXPECT_EQ(a0.actions[0].constraints[0].type, ast::ConstraintType::ForeignKey);
  EXPECT_FALSE(*a0.actions[0].constraints[0].state.enable);
  EXPECT_EQ(as<ast::AlterTable>(s[1]).actions[0].constraints.size(), 2u);
  EXPECT_EQ(as<ast::AlterTable>(s[2]).actions[0].columns.size(), 2u);
  EXPECT_EQ(as<ast::AlterTable>(s[3]).actions[0].kind, ast::AlterActionKind::AddColumns);
  EXPECT_EQ(as<ast::AlterTable>(s[4]).actions[0].kind, ast::AlterActionKind::Other);
  EXPECT_EQ(as<ast::AlterTable>(s[5]).actions[0].span.text(), "drop column y");
  const auto& c0 = as<ast::CommentOn>(s[6]);
  EXPECT_EQ(c0.object_kind, "TABLE");
  EXPECT_EQ(c0.text, "Time dimension");
  const auto& c1 = as<ast::CommentOn>(s[7]);
  EXPECT_EQ(c1.target.parts.size(), 3u);
  EXPECT_EQ(c1.text, "primary key; day's date");
  EXPECT_EQ(as<ast::CommentOn>(s[8]).object_kind, "materialized view");
}

TEST(Parser, OtherStatementsAreExplicitNodes) {
  auto p = parse(R"(create materialized view mv as select 1 from dual;
create or replace editionable package body p is begin null; end;
/
grant select on t to u;
drop table t cascade constraints purge;
begin null; end;
/
truncate table t;)");
  ASSERT_EQ(p->diags.items().size(), 0u) << errors(p->diags);
  std::vector<std::string> kinds;
  // PL/SQL units (test_plsql.cpp), GRANT and DROP are typed now; the rest stay explicit Other nodes.
  std::map<std::string, ast::StmtKind> typed = {{"CREATE PACKAGE BODY", ast::StmtKind::CreatePackage},
                                                {"PL/SQL BLOCK", ast::StmtKind::PlBlock},
                                                {"GRANT", ast::StmtKind::Grant},
                                                {"DROP TABLE", ast::StmtKind::Drop},
                                                {"TRUNCATE", ast::StmtKind::Truncate}};
  for (auto& s : p->script.statements) {
    EXPECT_EQ(s->kind, typed.count(s->kind_name) ? typed[s->kind_name] : ast::StmtKind::Other) << s->kind_name;
    kinds.push_back(s->kind_name);
  }
  std::vector<std::string> want = {"CREATE MATERIALIZED VIEW", "CREATE PACKAGE BODY", "GRANT", "DROP TABLE",
                                   "PL/SQL BLOCK", "TRUNCATE"};
  EXPECT_EQ(kinds, want);
}

TEST(Parser, ModelledKindsAreTypedNodesWithTheirKindNames) {
  auto p = parse(R"(create or replace force view v as select * from t;
create sequence s start with 1;
create public synonym x for y;
insert into t values (1);
select 1 from dual;
with q as (select 1 from dual) select * from q;
update t set a = 1;
delete t;
merge into t using s on (t.a = s.a) when matched then update set t.b = s.b;)");
  ASSERT_EQ(p->diags.items().size(), 0u) << errors(p->diags);
  std::vector<std::string> kinds;
  std::vector<ast::StmtKind> want_kinds = {ast::StmtKind::CreateView, ast::StmtKind::CreateSequence,
                                           ast::StmtKind::CreateSynonym, ast::StmtKind::Insert, ast::StmtKind::Select,
                                           ast::StmtKind::Select, ast::StmtKind::Update, ast::StmtKind::Delete,
                                           ast::StmtKind::Merge};
  ASSERT_EQ(p->script.statements.size(), want_kinds.size());
  for (size_t i = 0; i < want_kinds.size(); ++i) {
    EXPECT_EQ(p->script.statements[i]->kind, want_kinds[i]) << i;
    kinds.push_back(p->script.statements[i]->kind_name);
  }
  std::vector<std::string> want = {"CREATE VIEW", "CREATE SEQUENCE", "CREATE SYNONYM", "INSERT", "SELECT",
                                   "SELECT", "UPDATE", "DELETE", "MERGE"};
  EXPECT_EQ(kinds, want);
}

TEST(Parser, OneErrorPerBadStatementAndParsingResumes) {
  auto p = parse("create table a (x number);\n"
                 "create table b (\n  x number,\n  y varchar2(10) default ,\n  z date);\n"
                 "create table c (x number(5,));\n"
                 "frobnicate the database;\n"
                 "create table d (x number) pctfree 5);\n"
                 "create table e (s varchar2(5) default 'unterminated);\n");
  auto& s = p->script.statements;
  ASSERT_EQ(s.size(), 6u);  // the unterminated string runs to the end of file, as in SQL*Plus
  EXPECT_EQ(s[0]->kind, ast::StmtKind::CreateTable);
  for (size_t i = 1; i < s.size(); ++i) EXPECT_EQ(s[i]->kind, ast::StmtKind::Invalid) << i;
  const auto& d = p->diags.items();
  ASSERT_EQ(d.size(), 5u) << errors(p->diags);
  EXPECT_EQ(d[0].code, "P0001");
  EXPECT_EQ(d[0].span.line(), 4u);
  EXPECT_EQ(d[0].span.column(), 26u);
  EXPECT_EQ(d[0].message, "expected an expression, found ','");
  EXPECT_EQ(d[0].render(),
            "t.sql:4:26: error [P0001] expected an expression, found ','\n"
            "  y varchar2(10) default ,\n"
            "                         ^\n");
  EXPECT_EQ(d[1].span.line(), 6u);
  EXPECT_EQ(d[1].message, "expected a scale, found ')'");
  EXPECT_EQ(d[2].code, "P0002");
  EXPECT_EQ(d[2].span.line(), 7u);
  EXPECT_EQ(d[3].message, "expected a table property or end of statement, found ')'");
  EXPECT_EQ(d[4].code, "P0003");
  EXPECT_EQ(d[4].message, "unterminated string literal");
}

TEST(Parser, MissingCloseParenPointsAtEnd) {
  auto p = parse("create table t (a number,\n b date;\nselect 1 from dual;");
  ASSERT_EQ(p->diags.items().size(), 1u);
  EXPECT_EQ(p->diags.items()[0].message, "expected ',' or ')' after a column definition, found end of statement");
  EXPECT_EQ(p->diags.items()[0].span.line(), 2u);
  EXPECT_EQ(p->script.statements[1]->kind, ast::StmtKind::Select);
}

TEST(Parser, IsTestsBeyondNull) {
  auto p = parse("create table j (d varchar2(4000) check (d is json), n binary_double check (n is not nan and n > 0));");
  ASSERT_EQ(p->diags.items().size(), 0u) << errors(p->diags);
  const auto& t = as<ast::CreateTable>(p->script.statements[0]);
  const auto& is = static_cast<const ast::IsNullExpr&>(*t.columns[0].constraints[0].check);
  EXPECT_EQ(is.test.text(), "json");
  const auto& a = static_cast<const ast::BinaryExpr&>(*t.columns[1].constraints[0].check);
  EXPECT_EQ(a.op, ast::BinaryOp::And);
  EXPECT_TRUE(static_cast<const ast::IsNullExpr&>(*a.lhs).negated);
}

TEST(Parser, CompactText) {
  SourceFile f("t.sql", "VALUES LESS THAN\n     (TO_DATE('a  b', -- c\n 'x'))");
  EXPECT_EQ(compact_text(Span{&f, 0, static_cast<uint32_t>(f.text().size())}), "VALUES LESS THAN (TO_DATE('a  b', 'x'))");
}

TEST(Parser, GrantRevokeAndDropParts) {
  auto p = parse(R"(grant select, update (salary, bonus) on hr.employees to clerk, public with grant option;
GRANT CREATE ANY TABLE, dba TO admin WITH ADMIN OPTION;
grant read on directory data_dir to &&app_user;
revoke all on t from u cascade constraints;
drop public synonym emp_syn;
DROP MATERIALIZED VIEW LOG ON sales;
drop type body t_body;
drop table log cascade constraints purge;
drop user "Mixed" cascade;)");
  ASSERT_EQ(p->diags.items().size(), 0u) << errors(p->diags);
  ASSERT_EQ(p->script.statements.size(), 9u);
  auto& g = static_cast<const ast::Grant&>(*p->script.statements[0]);
  ASSERT_EQ(g.kind, ast::StmtKind::Grant);
  ASSERT_EQ(g.privileges.size(), 2u);
  EXPECT_EQ(g.privileges[1].words.at(0), "update");
  EXPECT_EQ(g.privileges[1].columns.size(), 2u);
  ASSERT_TRUE(g.object);
  EXPECT_EQ(g.object->name().text, "employees");
  EXPECT_EQ(g.grantees.size(), 2u);
  EXPECT_EQ(g.options.size(), 3u);  // WITH GRANT OPTION
  auto& sys = static_cast<const ast::Grant&>(*p->script.statements[1]);
  EXPECT_FALSE(sys.object);
  EXPECT_EQ(sys.privileges[0].words.size(), 3u);  // CREATE ANY TABLE
  auto& dir = static_cast<const ast::Grant&>(*p->script.statements[2]);
  EXPECT_EQ(dir.object_kind.size(), 1u);  // DIRECTORY
  EXPECT_TRUE(static_cast<const ast::Grant&>(*p->script.statements[3]).revoke);
  auto& syn = static_cast<const ast::Drop&>(*p->script.statements[4]);
  EXPECT_TRUE(syn.is_public);
  auto& log = static_cast<const ast::Drop&>(*p->script.statements[5]);
  EXPECT_EQ(log.object_kind.size(), 4u);  // MATERIALIZED VIEW LOG ON
  EXPECT_EQ(log.name.name().text, "sales");
  auto& body = static_cast<const ast::Drop&>(*p->script.statements[6]);
  EXPECT_EQ(body.object_kind.size(), 2u);  // TYPE BODY
  auto& tab = static_cast<const ast::Drop&>(*p->script.statements[7]);
  EXPECT_EQ(tab.name.name().text, "log");  // a kind word as the name
  EXPECT_EQ(tab.options.size(), 3u);
  // Printed from the tree and read back the same.
  std::vector<std::string> printed;
  for (auto& s : p->script.statements) printed.push_back(sql::print_statement(*s));
  EXPECT_EQ(printed[0], "GRANT SELECT, UPDATE (salary, bonus) ON hr.employees TO clerk, public WITH GRANT OPTION");
  EXPECT_EQ(printed[5], "DROP MATERIALIZED VIEW LOG ON sales");
  EXPECT_EQ(printed[8], "DROP USER \"Mixed\" CASCADE");
  for (const auto& text : printed) {
    auto again = parse(text + ";");
    ASSERT_EQ(again->script.statements.size(), 1u) << text;
    EXPECT_EQ(sql::print_statement(*again->script.statements[0]), text);
  }
}

TEST(Parser, TransactionSessionTruncateDirectory) {
  auto p = parse(R"(commit;
COMMIT WORK COMMENT 'nightly';
savepoint before_load;
rollback to savepoint before_load;
alter session set nls_date_format = 'YYYY-MM-DD' current_schema = &&owner;
truncate table sales drop storage;
create or replace directory data_dir as '/u01/data';)");
  ASSERT_EQ(p->diags.items().size(), 0u) << errors(p->diags);
  ASSERT_EQ(p->script.statements.size(), 7u);
  std::vector<ast::StmtKind> kinds;
  for (auto& s : p->script.statements) kinds.push_back(s->kind);
  using K = ast::StmtKind;
  EXPECT_EQ(kinds, (std::vector<K>{K::Transaction, K::Transaction, K::Transaction, K::Transaction, K::AlterSession,
                                   K::Truncate, K::CreateDirectory}));
  auto& rb = static_cast<const ast::Transaction&>(*p->script.statements[3]);
  ASSERT_TRUE(rb.savepoint);
  EXPECT_EQ(rb.savepoint->text, "before_load");
  auto& as = static_cast<const ast::AlterSession&>(*p->script.statements[4]);
  ASSERT_EQ(as.parameters.size(), 2u);
  EXPECT_EQ(as.parameters[1].value, "&&owner");
  auto& dir = static_cast<const ast::CreateDirectory&>(*p->script.statements[6]);
  EXPECT_EQ(dir.path, "'/u01/data'");
  std::vector<std::string> printed;
  for (auto& s : p->script.statements) printed.push_back(sql::print_statement(*s));
  EXPECT_EQ(printed[1], "COMMIT WORK COMMENT 'nightly'");
  EXPECT_EQ(printed[3], "ROLLBACK TO SAVEPOINT before_load");
  EXPECT_EQ(printed[4], "ALTER SESSION SET nls_date_format = 'YYYY-MM-DD' current_schema = &&owner");
  for (const auto& text : printed) {
    auto again = parse(text + ";");
    ASSERT_EQ(again->script.statements.size(), 1u) << text;
    EXPECT_EQ(sql::print_statement(*again->script.statements[0]), text);
  }
  // Not the grammar: left as an explicit Other node with the reason, not an error.
  auto bad = parse("alter session set;");
  EXPECT_EQ(bad->script.statements.at(0)->kind, ast::StmtKind::Other);
}

TEST(Parser, UsersDimensionsAndSubstitutedModifiers) {
  auto p = parse(R"(CREATE USER hr IDENTIFIED BY "&pass" DEFAULT TABLESPACE &tbs QUOTA UNLIMITED ON &tbs;
alter user app identified by default_is_a_password account unlock;
CREATE DIMENSION times_dim
  LEVEL day IS times.time_id
  LEVEL month IS (times.calendar_month_desc) SKIP WHEN NULL
  LEVEL year IS times.calendar_year
  HIERARCHY cal_rollup (day CHILD OF month CHILD OF year)
  HIERARCHY geo (city CHILD OF country JOIN KEY (customers.country_id) REFERENCES country)
  ATTRIBUTE day DETERMINES (day_name, day_number_in_week)
  ATTRIBUTE mname LEVEL month DETERMINES times.calendar_month_name;
create &action_type. synonym &ut3_user.ut for &&ut3_owner..ut;)");
  ASSERT_EQ(p->diags.items().size(), 0u) << errors(p->diags);
  ASSERT_EQ(p->script.statements.size(), 4u);
  auto& u = static_cast<const ast::User&>(*p->script.statements[0]);
  ASSERT_EQ(u.kind, ast::StmtKind::User);
  EXPECT_EQ(u.name.text, "hr");
  ASSERT_EQ(u.clauses.size(), 3u);  // IDENTIFIED, DEFAULT TABLESPACE, QUOTA
  auto& a = static_cast<const ast::User&>(*p->script.statements[1]);
  EXPECT_TRUE(a.alter);
  EXPECT_EQ(a.clauses.size(), 2u);  // the password spelled like a clause keyword stays a value
  auto& d = static_cast<const ast::CreateDimension&>(*p->script.statements[2]);
  ASSERT_EQ(d.kind, ast::StmtKind::CreateDimension);
  EXPECT_EQ(d.levels.size(), 3u);
  EXPECT_TRUE(d.levels[1].skip_when_null);
  ASSERT_EQ(d.hierarchies.size(), 2u);
  EXPECT_EQ(d.hierarchies[0].levels.size(), 3u);
  EXPECT_EQ(d.hierarchies[1].join_keys.size(), 1u);
  ASSERT_EQ(d.attributes.size(), 2u);
  EXPECT_TRUE(d.attributes[1].name.has_value());
  auto& syn = static_cast<const ast::CreateSynonym&>(*p->script.statements[3]);
  EXPECT_EQ(syn.kind, ast::StmtKind::CreateSynonym);
  EXPECT_EQ(syn.substituted_modifier, "&action_type.");
  for (auto& s : p->script.statements) {
    std::string text = sql::print_statement(*s);
    auto again = parse(text + ";");
    ASSERT_EQ(again->script.statements.size(), 1u) << text;
    EXPECT_EQ(sql::print_statement(*again->script.statements[0]), text);
  }
}
