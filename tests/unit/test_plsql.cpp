// PL/SQL units into typed nodes: blocks, declarations, statements, units; printing them back
// and parsing the print gives the same print.
#include <gtest/gtest.h>

#include "sql/ast_plsql.h"
#include "sql/parser.h"
#include "sql/printer.h"

using namespace orashift;
using namespace orashift::sql;

namespace {

struct Parsed {
  std::unique_ptr<SourceFile> file;
  Diagnostics diags;
  ParsedScript script;
  const ast::Statement& stmt(size_t i = 0) const { return *script.statements.at(i); }
};

std::unique_ptr<Parsed> parse(std::string text) {
  auto p = std::make_unique<Parsed>();
  p->file = std::make_unique<SourceFile>("t.sql", std::move(text));
  p->script = parse_script(*p->file, p->diags);
  return p;
}

std::string why(const ast::Statement& s) {
  if (s.kind == ast::StmtKind::Other && static_cast<const ast::OtherStatement&>(s).unparsed)
    return static_cast<const ast::OtherStatement&>(s).unparsed->render();
  return "";
}

// Parses one unit, checks it is typed as `kind` and that print -> parse -> print is stable.
std::unique_ptr<Parsed> unit(const std::string& text, ast::StmtKind kind) {
  auto p = parse(text);
  EXPECT_EQ(p->script.statements.size(), 1u) << text;
  if (p->script.statements.size() != 1) return p;
  EXPECT_EQ(p->stmt().kind, kind) << why(p->stmt());
  EXPECT_TRUE(p->diags.empty());
  if (p->stmt().kind != kind) return p;
  std::string p1 = print_statement(p->stmt());
  auto again = parse(p1 + ";\n/\n");
  EXPECT_EQ(again->script.statements.size(), 1u) << p1;
  if (again->script.statements.size() == 1) {
    EXPECT_EQ(again->stmt().kind, kind) << p1 << "\n" << why(again->stmt());
    EXPECT_EQ(print_statement(again->stmt()), p1);
  }
  return p;
}

template <class T>
const T& as(const ast::Statement& s) { return static_cast<const T&>(s); }

}  // namespace

TEST(PlSql, AnonymousBlockDeclarationsAndStatements) {
  auto p = unit(R"(<<outer>>
declare
  c_max constant pls_integer := 10;
  v_name emp.ename%type;
  r_emp emp%rowtype;
  v_ok boolean not null default true;
  type t_rec is record (id number(10) not null := 0, name varchar2(30));
  type t_tab is table of t_rec index by pls_integer;
  type t_list is varray(5) of varchar2(10);
  type t_nt is table of number;
  type t_rc is ref cursor return emp%rowtype;
  subtype t_small is pls_integer range 0..9;
  rc sys_refcursor;
  e_custom exception;
  pragma exception_init(e_custom, -20001);
  cursor c_emp(p_dept number default 10) return emp%rowtype is select * from emp where deptno = p_dept;
  l_tab t_tab;
  procedure log(p_msg in varchar2);
  function twice(p in out nocopy number) return number is begin return p * 2; end twice;
  procedure log(p_msg in varchar2) is
    pragma autonomous_transaction;
  begin
    insert into log_t (msg) values (p_msg);
    commit;
  end;
begin
  v_name := 'x';
  l_tab(1).id := 5;
  if v_ok and c_max > 3 then null; elsif v_name is null then v_ok := false; else raise e_custom; end if;
  case v_name when 'a' then null; when 'b' then v_ok := true; else null; end case;
  case when c_max > 1 then null; end case;
  <<l1>> loop exit l1 when c_max > 0; continue when false; end loop l1;
  while v_ok loop v_ok := false; end loop;
  for i in reverse 1..c_max loop goto done; end loop;
  for r in c_emp(20) loop log(r.ename); end loop;
  for r in (select ename from emp) loop null; end loop;
  <<done>> null;
  select ename into v_name from emp where rownum = 1;
  select * bulk collect into l_tab from emp;
  update emp set sal = sal + 1 where empno = 1 returning sal into v_name;
  delete from emp where 1 = 0;
  forall i in 1..l_tab.count save exceptions insert into t values l_tab(i);
  forall i in indices of l_tab between 1 and 3 delete from t where id = l_tab(i).id;
  forall i in values of l_idx execute immediate 'delete t where id = :1' using l_tab(i).id;
  open c_emp(10);
  fetch c_emp bulk collect into l_tab limit 100;
  close c_emp;
  open rc for select * from emp;
  open rc for 'select * from emp where deptno = :d' using 10;
  execute immediate 'select count(*) from t where a = :a' into v_name using in out v_ok, 1;
  execute immediate 'update t set a = 1 returning a into :x' returning into v_name;
  if sql%rowcount = 0 and c_emp%isopen then rollback to savepoint s1; end if;
  savepoint s1;
  set transaction read only;
  commit work;
  dbms_output.put_line(twice(2));
  raise_application_error(-20001, 'boom');
  declare x number; begin x := 1; end;
exception
  when no_data_found or too_many_rows then null;
  when others then raise;
end outer;
/
)",
                ast::StmtKind::PlBlock);
  if (p->stmt().kind != ast::StmtKind::PlBlock) return;
  const auto& b = as<ast::PlAnonymousBlock>(p->stmt());
  ASSERT_EQ(b.labels.size(), 1u);
  EXPECT_TRUE(b.block.declare_keyword);
  EXPECT_GE(b.block.decls.size(), 18u);
  const auto& v = static_cast<const ast::PlVariable&>(*b.block.decls[1]);
  EXPECT_EQ(v.type.attribute, "type");
  EXPECT_EQ(v.type.name.parts.size(), 2u);
  std::string kinds;
  for (const auto& d : b.block.decls) kinds += std::to_string(static_cast<int>(d->kind));
  EXPECT_EQ(kinds, "000022222301540666");
  EXPECT_EQ(static_cast<const ast::PlTypeDecl&>(*b.block.decls[6]).def, ast::PlTypeDefKind::Varray);
  ASSERT_EQ(b.block.handlers.size(), 2u);
  EXPECT_EQ(b.block.handlers[0].exceptions.size(), 2u);
  EXPECT_EQ(b.block.body[0]->kind, ast::PlStmtKind::Assign);
  EXPECT_EQ(b.block.body[2]->kind, ast::PlStmtKind::If);
  ASSERT_TRUE(b.block.end_name);
}

TEST(PlSql, ProcedureFunctionAndCallSpec) {
  auto p = unit(R"(create or replace editionable procedure p_do(a in number, b out varchar2) authid definer as
  l number;
begin
  b := to_char(a);
  pipe_it;
end p_do;
/
)",
                ast::StmtKind::CreateSubprogram);
  unit(R"(create function f_rows(n number) return t_nt pipelined deterministic is
begin
  for i in 1..n loop pipe row (i); end loop;
  return;
end;
/
)",
       ast::StmtKind::CreateSubprogram);
  unit("create function f_java(s varchar2) return varchar2 as language java name 'X.f(java.lang.String)';\n/\n",
       ast::StmtKind::CreateSubprogram);
}

TEST(PlSql, PackageSpecAndBodyWithConditionalCompilation) {
  unit(R"(create or replace package pk authid current_user as
  pragma serially_reusable;
  g_x constant number := 1;
  $if dbms_db_version.ver_le_11 $then
    subtype t_s is varchar2(10);
  $elsif $$debug $then
    g_dbg boolean;
  $else
    g_y number;
  $end
  $error 'unsupported ' || $$plsql_unit $end
  function f(p number) return number;
  pragma restrict_references(f, wnds);
  procedure p;
end pk;
/
)",
       ast::StmtKind::CreatePackage);
  unit(R"(create or replace package body pk as
  function f(p number) return number
    $if not dbms_db_version.ver_le_10_2 $then result_cache $end
  is begin return p; end;
  procedure p is begin pragma inline(f, 'YES'); null; end p;
begin
  g_y := 0;
end pk;
/
)",
       ast::StmtKind::CreatePackage);
}

TEST(PlSql, Triggers) {
  unit(R"(create or replace trigger trg_bi before insert or update of sal on emp
referencing new as n old as o for each row when (n.sal > 0)
declare v number;
begin
  :n.sal := :o.sal + 1;
  if inserting then null; end if;
end;
/
)",
       ast::StmtKind::CreateTrigger);
  unit("create trigger trg_v instead of insert on v for each row begin insert into t values (:new.a); end;\n/\n",
       ast::StmtKind::CreateTrigger);
  auto s = unit("create or replace trigger trg_logon after logon on database begin null; end;\n/\n",
                ast::StmtKind::CreateTrigger);
  if (s->stmt().kind == ast::StmtKind::CreateTrigger) {
    EXPECT_TRUE(as<ast::CreateTrigger>(s->stmt()).system);
  }
  auto c = unit(R"(create or replace trigger trg_c for update of sal on emp compound trigger
  g_n pls_integer := 0;
  before statement is begin g_n := 0; end before statement;
  after each row is begin g_n := g_n + 1; end after each row;
  after statement is begin dbms_output.put_line(g_n); end after statement;
end trg_c;
/
)",
                ast::StmtKind::CreateTrigger);
  if (c->stmt().kind == ast::StmtKind::CreateTrigger) {
    EXPECT_TRUE(as<ast::CreateTrigger>(c->stmt()).compound);
    EXPECT_EQ(as<ast::CreateTrigger>(c->stmt()).timing_points.size(), 3u);
  }
}

TEST(PlSql, ObjectTypesAndBodies) {
  auto t = unit(R"(create or replace type t_shape force as object (
  id number,
  name varchar2(30),
  constructor function t_shape(id number) return self as result,
  member function area return number,
  static procedure reset,
  map member function sort_key return number,
  not final member procedure show(self in out nocopy t_shape)
) not final not instantiable;
/
)",
                ast::StmtKind::CreateType);
  if (t->stmt().kind == ast::StmtKind::CreateType) {
    EXPECT_EQ(as<ast::CreateType>(t->stmt()).attributes.size(), 2u);
    EXPECT_EQ(as<ast::CreateType>(t->stmt()).methods.size(), 5u);
  }
  unit("create type t_circle under t_shape (r number, overriding member function area return number);\n/\n",
       ast::StmtKind::CreateType);
  unit("create or replace type t_names as varray(10) of varchar2(30);\n/\n", ast::StmtKind::CreateType);
  unit("create or replace type t_nums is table of number not null;\n/\n", ast::StmtKind::CreateType);
  unit("create type t_fwd;\n/\n", ast::StmtKind::CreateType);
  unit(R"(create or replace type body t_shape as
  constructor function t_shape(id number) return self as result is begin self.id := id; return; end;
  member function area return number is begin return (self as t_base).area() + 0; end;
  order member function cmp(o t_shape) return integer is begin return case when id member of l then 1 else 0 end; end;
end;
/
)",
       ast::StmtKind::CreateTypeBody);
}

TEST(PlSql, UnreadableUnitStaysOtherWithOneReason) {
  // An unterminated IF: the unit stays recognised by its leading words, no error, reason kept.
  auto p = parse("create procedure p is begin if x then null; end;\n/\nbegin null; end;\n/\n");
  ASSERT_EQ(p->script.statements.size(), 2u);
  EXPECT_EQ(p->stmt(0).kind, ast::StmtKind::Other);
  EXPECT_EQ(p->stmt(0).kind_name, "CREATE PROCEDURE");
  EXPECT_FALSE(why(p->stmt(0)).empty());
  EXPECT_TRUE(p->diags.empty());
  EXPECT_EQ(p->stmt(1).kind, ast::StmtKind::PlBlock);
}

// Selectors after a call are parsed one by one (fields, argument lists, %attributes), so the
// converter can type a(i).f(j), w.sheets(s).rows(r)(c).value and f(x).m(y) step by step.
TEST(PlSql, SelectorsAfterACallAreParsed) {
  auto p = unit("begin\n  w.sheets(s).rows(r)(c + 1).value := a(i).list.count();\nend;\n/\n", ast::StmtKind::PlBlock);
  if (p->script.statements.size() != 1 || p->stmt().kind != ast::StmtKind::PlBlock) return;
  const auto& b = as<ast::PlAnonymousBlock>(p->stmt()).block;
  ASSERT_EQ(b.body.size(), 1u);
  ASSERT_EQ(b.body[0]->kind, ast::PlStmtKind::Assign);
  const auto& a = static_cast<const ast::PlAssign&>(*b.body[0]);
  ASSERT_EQ(a.target->kind, ast::ExprKind::Postfix);
  const auto& t = static_cast<const ast::PostfixExpr&>(*a.target);
  ASSERT_EQ(t.base->kind, ast::ExprKind::Call);
  ASSERT_EQ(t.selectors.size(), 4u);
  EXPECT_EQ(t.selectors[0].kind, ast::SelectorKind::Field);
  EXPECT_EQ(t.selectors[0].name.text, "rows");
  EXPECT_EQ(t.selectors[1].kind, ast::SelectorKind::Args);
  EXPECT_EQ(t.selectors[2].kind, ast::SelectorKind::Args);
  ASSERT_EQ(t.selectors[2].args.size(), 1u);
  EXPECT_EQ(t.selectors[2].args[0].value->kind, ast::ExprKind::Binary);
  EXPECT_EQ(t.selectors[3].name.text, "value");
  EXPECT_EQ(compact_text(t.suffix), ".rows(r)(c + 1).value");
  ASSERT_EQ(a.value->kind, ast::ExprKind::Postfix);
  const auto& v = static_cast<const ast::PostfixExpr&>(*a.value);
  ASSERT_EQ(v.selectors.size(), 3u);  // .list .count ()
  EXPECT_EQ(v.selectors[2].kind, ast::SelectorKind::Args);
  EXPECT_TRUE(v.selectors[2].args.empty());
}
