#pragma once
// The PL/SQL walk: binds every name of a unit to its declaration (scope.h, registry.h), lowers
// statements into the PL/pgSQL tree (target_tree.h) and answers the query writer's questions
// about the routine's names (RoutineNames), so embedded SQL goes through the same rewriter as
// views. One Lowerer converts one unit; lower_unit.cpp assembles the CREATE statements.
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "assess/action_item.h"
#include "catalog/catalog.h"
#include "convert/plsql/pl_type.h"
#include "convert/plsql/profile.h"
#include "convert/plsql/registry.h"
#include "convert/plsql/schema_ddl.h"
#include "convert/plsql/scope.h"
#include "convert/plsql/target_tree.h"
#include "convert/sql_rewrite.h"

namespace orashift::rewrite {
struct XmlMethod;  // convert/query/xml_sql.h
}  // namespace orashift::rewrite

namespace orashift::plsql {

namespace ast = sql::ast;

// One converted object of a unit (a unit may give several: a package gives a schema, state
// functions and one function per routine; a trigger a function and the trigger).
struct UnitObject {
  std::string kind;   // TYPE, PACKAGE, FUNCTION, PROCEDURE, TRIGGER
  std::string name;   // Oracle name (PKG.F for package members)
  std::string sql;    // complete statement(s), each ending in ';'
  Span span;
  int order = 0;      // 0 types, 1 package state, 2 routines, 3 triggers
};

struct UnitResult {
  std::vector<UnitObject> objects;
  ActionItems items;
  bool blocked = false;     // an error-level item: the unit is not applied
  bool needs_placeholders = false;  // uses the support function of plsql_support.h
  bool needs_map_support = false;   // reads associative-array elements (kMapGetFunction)
  bool uses_orafce = false;         // calls the orafce extension's packages
  bool uses_dblink = false;         // an autonomous routine runs its body through dblink
  bool uses_pgcrypto = false;       // DBMS_CRYPTO.HASH with SHA-1 / MD4 calls pgcrypto's digest()
  bool uses_xml2 = false;           // XMLType.transform calls xml2's xslt_process (lower_xml.cpp)
  std::set<std::string> helpers;    // support functions of builtin_support.h the unit calls
  std::set<std::string> dictionary_views;  // emulated dictionary views read (dictionary_views.h)
  bool reads_view_rows = false;     // declares a view's %ROWTYPE: created after the views
  std::string block_code;   // the first blocking item's code
  std::string block_message;  // … its message and place, when it is not an item of its own level (an embedded query's)
  Span block_span;
};

struct Environment {
  std::set<std::string>* signatures = nullptr;  // target routine signatures already created (overloads)
  std::set<std::string> disabled_triggers;       // ALTER TRIGGER t DISABLE in the source scripts
  CondCompiler* cond = nullptr;                  // settles $IF … $END
  const Catalog* catalog = nullptr;
  const std::set<std::string>* views = nullptr;  // the source's views (Oracle names): queries may read them
  const std::map<std::string, Table>* view_rows = nullptr;  // their rows, for v%ROWTYPE (dialect/view_rows.h)
  const Registry* registry = nullptr;
  const Profile* profile = nullptr;
  TypeMappingSettings types;
  bool orafce = false;  // built-in packages as calls into the orafce extension (PostgreSQL)
  // An Oracle CREATE TABLE's or CREATE SEQUENCE's target statements, converted as the schema's
  // tables and sequences are (dialect/dynamic_ddl.h); nothing when it does not convert.
  SchemaDdlConverter schema_ddl;
};

// Trigger facts the body needs (:NEW/:OLD and their REFERENCING names, row vs statement).
struct TriggerContext {
  std::string new_name = "NEW", old_name = "OLD";  // Oracle names (REFERENCING NEW AS n)
  bool row = false;
  bool before = false;
  const Table* table = nullptr;
  bool when_clause = false;  // converting WHEN (..): NEW and OLD are named without a colon
};

// The name path at the root of a written expression: v(i) → v, v.f(i) → v.f, a(i).f(j) → a,
// x.list → x; nullptr when the root is not a name (lower_pkgvar_write.cpp).
const std::vector<ast::Ident>* root_path(const ast::Expr& e);
// The INTO targets of SELECT/FETCH/EXECUTE IMMEDIATE … INTO (`bulk`: BULK COLLECT INTO too).
const std::vector<ast::ExprPtr>* into_targets(const ast::PlStmt& s, bool bulk);
// The parameter of method `m` (SELF not counted) that argument `position` of a call binds
// (lower_object.cpp); nullptr when none does.
const ast::PlParam* method_param(const ast::PlSubprogram& m, size_t position, const ast::CallArg& arg);

class Lowerer : public RoutineNames {
public:
  Lowerer(const Environment& env, std::string object, std::string package, UnitResult& result);

  // ---- units (lower_unit.cpp)
  void standalone(const ast::CreateSubprogram& u);
  void package_spec(const ast::CreatePackage& u);
  void package_body(const ast::CreatePackage& u);
  void trigger(const ast::CreateTrigger& u);
  void object_type(const ast::CreateType& u);
  void type_body(const ast::CreateTypeBody& u);

  // ---- RoutineNames (lower_names.cpp)
  std::optional<std::string> name(const ast::NameExpr& n, rewrite::SqlWriter& w) const override;
  std::optional<std::string> call(const ast::CallExpr& c, rewrite::SqlWriter& w) const override;
  std::optional<std::string> bind(const ast::BindExpr& b, rewrite::SqlWriter& w) const override;
  std::optional<std::string> postfix(const ast::PostfixExpr& p, rewrite::SqlWriter& w) const override;
  rewrite::ValueType value_type(const ast::Expr& e) const override;
  std::optional<std::string> constant_string(const ast::Expr& e) const override;
  std::optional<std::string> runtime_format_model(const std::string& mask_sql, bool parsing) const override;
  bool support_function(const char* name) const override;
  std::optional<int> conditional_branch(const std::vector<const ast::Expr*>& conditions, std::string& why) const override;
  // ---- member functions that change SELF (lower_self_changes.cpp)
  bool self_changing(const std::string& type, const ast::PlSubprogram& spec) const;
  std::optional<std::string> self_changing_call(const std::string& routine, const std::string& self_text, const TypeInfo& self_type,
                                                const ast::PlSubprogram& m, const std::string& args, Span span) const;
  void with_self_calls(const ast::Expr* e, PgBody& out, const std::function<void(PgBody&)>& lower);
  static bool member_call_on_element(const ast::Expr& e);
  std::optional<std::string> folded_string(const ast::Expr& e, const std::string& package, int depth) const;
  std::optional<std::string> into(const std::vector<ast::ExprPtr>& targets, bool bulk, bool strict, Span where,
                                  rewrite::SqlWriter& w) const override;
  std::optional<CollectionRows> collection_rows(const ast::Expr& collection) const override;  // lower_selectors.cpp
  std::optional<UserType> user_type(const ast::DataType& t) const override;
                    // lower_selectors.cpp
  std::optional<std::string> is_test(const ast::IsNullExpr& e, const std::string& test,
                                     rewrite::SqlWriter& w) const override;  // lower_hierarchy.cpp

private:
  friend class UnitWriter;
  // ---- items
  void item(const char* code, const std::string& message, Span span) const;
  Dialect dialect() const { return env_.profile->dialect; }

  // ---- expressions and SQL (lower_names.cpp)
  std::string expr(const ast::Expr& e) const;             // through the query writer
  void absorb(const RewriteResult& r) const;              // the writer's items become the unit's
  RewriteContext writer_context() const;                  // the query writer's context inside this unit
  std::string sql_statement(const ast::Statement& s) const;
  std::string query(const ast::Query& q) const;
  std::string condition(const ast::Expr& e) const { return expr(e); }
  const Symbol* lookup_path(const std::vector<ast::Ident>& parts, size_t& used) const;
  // Statements to run before and after a CALL (OUT arguments passed through temporaries).
  using ArgCopies = std::pair<std::vector<std::string>, std::vector<std::string>>;
  std::optional<std::string> routine_call(const std::vector<std::string>& parts, const ast::CallExpr* c,
                                          bool as_statement, Span span, rewrite::SqlWriter* w,
                                          ArgCopies* copies = nullptr) const;
  const std::vector<RoutineDecl>* routines_for(const std::vector<std::string>& parts) const;
  std::string out_argument(const ast::Expr& arg, const std::string& a, const ast::PlParam& p, Span span, ArgCopies& copies) const;
  // ---- overloads the target merged (lower_overloads.cpp)
  // The overload a call runs when the target cannot tell some of them apart; nullptr when the
  // target resolves the call itself, or (with `failed`, an item made) when nothing settles it.
  const RoutineDecl* quiet_pick(const std::vector<RoutineDecl>& routines, const ast::CallExpr& c) const;
  const RoutineDecl* pick_overload(const std::vector<RoutineDecl>& routines, const ast::CallExpr* c, bool as_statement,
                                   Span span, bool& failed, bool any = false) const;  // any: also overloads the target tells apart
  std::string oracle_family_of(const ast::Expr& e) const;  // "" when unknown
  std::string value_family(const ast::Expr& e) const override { return oracle_family_of(e); }
  std::string declared_type(const ast::Expr& e) const override;
  std::string param_family(const ast::PlType& t) const;
  // An IN argument converted to its parameter's type as Oracle converts it implicitly
  // (lower_call_args.cpp); `written` is the argument as the writer printed it.
  std::string implicit_argument(const ast::Expr& arg, const ast::PlType& param, std::string written) const;
  std::string raw_conversion(const ast::Expr& arg, const std::string& from, const std::string& to, const char* what,
                             std::string written) const;
  std::string assigned_value(const ast::Expr& target, const ast::Expr& value, std::string written) const;
  std::string raw_operand(const ast::Expr& e, rewrite::SqlWriter& w) const;  // lower_utl.cpp
  std::optional<std::string> character_builtin_of_raw(const std::string& f, const ast::CallExpr& c, rewrite::SqlWriter& w) const;
  std::optional<std::string> builtin_package_call(const std::vector<std::string>& parts, const ast::CallExpr* c,
                                                  bool as_statement, Span span, rewrite::SqlWriter& w) const;
  std::string args_text(const ast::CallExpr& c, rewrite::SqlWriter& w) const;
  // ---- PRAGMA AUTONOMOUS_TRANSACTION through dblink (lower_autonomous.cpp)
  bool autonomous_on_dblink(const ast::PlSubprogram& s) const;  // the pragma, and the target can
  // The body as full$autonomous and, under the routine's own name, a routine that runs it on a
  // second connection; `head` is the body's CREATE line with the routine's own name.
  // `captured`: a nested subprogram's trailing parameters (add_captured_parameters, already in
  // `head`) as quoted name and type, passed on to the body after its own.
  std::string autonomous_routines(const ast::PlSubprogram& s, const std::string& full, const std::string& display,
                                  const std::string& head, const std::string& body,
                                  const std::vector<std::pair<std::string, std::string>>& captured = {});
  // ---- DBMS_LOB (lower_dbms_lob.cpp): readers in expressions, writers as statements (true: done)
  std::optional<std::string> dbms_lob_function(const std::string& fn, const ast::CallExpr* c, Span span,
                                               rewrite::SqlWriter& w) const;
  bool dbms_lob_statement(const std::string& fn, const ast::CallExpr* call, Span span, PgBody& out);
  std::optional<std::string> dbms_lob_constant(const std::string& name, Span span) const;
  // ---- built-in packages with a PostgreSQL rendering: UTL_RAW / UTL_URL / UTL_ENCODE / UTL_I18N
  // (lower_utl.cpp), DBMS_ASSERT (lower_dbms_assert.cpp), DBMS_CRYPTO / DBMS_UTILITY / DBMS_DB_VERSION
  // (lower_dbms_misc.cpp). nullopt: not converted here (the caller makes the item).
  std::optional<std::string> utl_call(const std::string& pkg, const std::string& fn, const ast::CallExpr* c, Span span,
                                      rewrite::SqlWriter& w) const;
  std::optional<std::string> dbms_assert_call(const std::string& fn, const ast::CallExpr* c, rewrite::SqlWriter& w) const;
  std::optional<std::string> dbms_misc_call(const std::string& pkg, const std::string& fn, const ast::CallExpr* c, Span span,
                                            rewrite::SqlWriter& w) const;
  bool dbms_misc_statement(const std::string& pkg, const std::string& fn, const ast::CallExpr* call, Span span, PgBody& out);
  // ---- PL/SQL Web Toolkit: HTP, OWA_UTIL (lower_owa.cpp)
  bool owa_statement(const std::string& pkg, const std::string& fn, const ast::CallExpr* call, Span span, PgBody& out);
  std::optional<std::string> owa_call(const std::string& pkg, const std::string& fn, const ast::CallExpr* c, Span span,
                                      rewrite::SqlWriter& w) const;
  void owa_note(const std::string& what, Span span) const;
  // ---- Oracle's JSON object types on jsonb (lower_json.cpp)
  std::string json_kind(const ast::Expr& e) const;  // JSON_OBJECT_T… for a JSON value, "" otherwise
  std::optional<std::string> json_construct(const ast::CallExpr& c, rewrite::SqlWriter& w) const;
  std::optional<std::string> json_method(const std::string& base, const std::string& kind, const std::string& method,
                                         const std::vector<const ast::Expr*>& args, Span span, rewrite::SqlWriter& w) const;
  std::optional<std::string> json_member(const std::vector<ast::Ident>& name, const ast::CallExpr* c, Span span,
                                         rewrite::SqlWriter& w) const;
  std::optional<std::string> json_postfix(const ast::PostfixExpr& p, rewrite::SqlWriter& w) const;
  bool json_statement(const ast::PlCall& call, PgBody& out);
  std::optional<std::string> json_shared(const std::string& var) const;
  void json_note(Span span) const;
  mutable bool json_noted_ = false;
  Span routine_span_{};  // the routine being lowered (json_shared reads its text)
  // ---- XMLType (lower_xml.cpp)
  bool xml_valued(const ast::Expr& e) const;
  std::optional<std::string> xml_member_call(const ast::CallExpr& c, rewrite::SqlWriter& w) const;
  std::optional<std::string> xml_postfix(const ast::PostfixExpr& p, rewrite::SqlWriter& w) const;
  std::optional<std::string> xml_sequence(const ast::CallExpr& c, rewrite::SqlWriter& w) const;
  bool xml_sequence_call(const ast::Expr& e) const;
  void xml_method_needs(const rewrite::XmlMethod& m, Span span) const;
  std::optional<std::string> xmlgen_call(const std::string& fn, const ast::CallExpr* c, Span span, rewrite::SqlWriter& w) const;
  std::optional<std::string> dbms_lock_call(const std::string& fn, const ast::CallExpr* c, rewrite::SqlWriter& w) const;  // lower_dbms_lock.cpp
  bool dbms_lock_statement(const std::string& fn, const ast::CallExpr* call, Span span, PgBody& out);
  std::optional<std::string> named_user_constructor(const std::string& type, const ast::CreateType& decl, const ast::CallExpr& c,
                                                    rewrite::SqlWriter& w) const;
  bool xmlgen_statement(const std::string& fn, const ast::CallExpr* call, Span span, PgBody& out);  // lower_xmlgen.cpp
  std::optional<std::string> named_default_constructor(const std::vector<ast::Ident>& ids, const ast::CallExpr& c,
                                                       bool as_statement, rewrite::SqlWriter& w) const;  // lower_object.cpp
  // COMMENT ON TYPE|DOMAIN t: what USER_TYPES reads of the Oracle type (lower_object.cpp).
  std::string type_comment(const ast::CreateType& u, const char* object) const;
  bool dbms_output_statement(const std::string& fn, const ast::CallExpr* call, Span span, PgBody& out);  // lower_dbms_output.cpp
  bool session_context_statement(const std::string& fn, const ast::CallExpr* call, Span span, PgBody& out);
  // "helper"(args): the support function, recorded as needed by the unit.
  std::string helper_call(const char* name, const std::string& args) const;
  std::string cursor_attribute(const std::string& cursor, const std::string& attr, Span span) const;
  std::string sqlcode_text() const;

  // ---- typed selector chains (lower_selectors.cpp)
  std::optional<TypeInfo> type_of(const ast::Expr& e, bool* set_returning = nullptr) const;
  std::optional<TypeInfo> path_type(const std::vector<ast::Ident>& ids, size_t skip_last) const;
  std::optional<TypeInfo> call_type(const std::vector<ast::Ident>& ids, size_t nargs, bool* set_returning) const;
  std::optional<std::string> collection_method(const std::string& array, const std::string& method,
                                               const std::vector<std::string>& args) const;
  std::optional<std::string> selector_chain(const ast::PostfixExpr& p, size_t count, bool assign, rewrite::SqlWriter& w,
                                            std::optional<TypeInfo>* type = nullptr) const;
  bool collection_statement(const ast::PlCall& c, PgBody& out);

  // ---- declarations (lower_decl.cpp)
  TypeInfo resolve_type(const ast::PlType& t) const;
  TypeInfo resolve_type_as_declared(const ast::PlType& t) const;
  // `emit`: the declaring unit is the one being converted, so its composite type is created here.
  TypeInfo resolve_type_decl(const ast::PlTypeDecl& d, const std::string& owner, bool emit = true);
  void declarations(const std::vector<ast::PlDeclPtr>& decls, PgBlock& block);
  void declarations(const std::vector<const ast::PlDecl*>& decls, PgBlock& block);
  std::vector<const ast::PlDecl*> expanded(const std::vector<ast::PlDeclPtr>& decls) const;
  std::string unit_name() const;
  void declare_variable(const ast::PlVariable& v, PgBlock& block);
  void declare_cursor(const ast::PlCursorDecl& c, PgBlock& block);
  void cursor_variable_attributes(const std::string& name, PgBlock& block, Span span) const;
  static bool cursor_variable(const Symbol* s);  // a variable or parameter of a REF CURSOR type
  void declare_type(const ast::PlDecl& d, const std::string& owner, bool emit, bool report);
  void declare_exception(const std::string& name, const std::string& qualified, Span span);
  void pragma(const ast::PlPragma& p);
  std::string exception_condition(const ast::QualifiedName& n, std::string* errcode) const;
  void add_package_frame(const PackageDecls& p, const ast::CreatePackage* converting);
  // The first parameter whose default the target keeps: defaults only on the last parameters, and
  // none that would let `s` take the calls of an overload with fewer parameters.
  size_t defaults_kept_from(const ast::PlSubprogram& s, const std::vector<RoutineDecl>* overloads) const;
  // The parameters as CREATE writes them; `signature` gets them without defaults (overload checks).
  std::string parameter_list(const ast::PlSubprogram& s, bool for_function, std::string& signature);

  // ---- statements (lower_stmt.cpp)
  void block(const ast::PlBlock& b, PgBlock& out);
  void body(const std::vector<ast::PlStmtPtr>& stmts, PgBody& out, size_t from = 0, size_t to = SIZE_MAX);
  size_t continue_tail(const ast::PlLoop& l) const;
  void stmt(const ast::PlStmt& s, PgBody& out);
  void assign(const ast::PlAssign& a, PgBody& out);
  bool procedure_assign(const ast::PlAssign& a, PgBody& out);
  // RETURN f(…) where f became a procedure: CALL it into a temporary, then return that.
  bool procedure_return(const ast::PlReturn& r, PgBody& out);
  // A call of a function that became a procedure: the overload it runs, its name, its arguments.
  struct ProcedureCall {
    const RoutineDecl* callee;
    std::vector<std::string> parts;
    const ast::CallExpr* call;  // null for a name without parentheses
  };
  std::optional<ProcedureCall> procedure_function(const ast::Expr& value) const;
  // CALL f(…, orashift_result => t) for such a call.
  bool procedure_call_into(const ProcedureCall& pc, const std::string& t, Span span, PgBody& out);
  void call_statement(const ast::PlCall& c, PgBody& out);
  void loop(const ast::PlLoop& l, PgBody& out);
  void sql(const ast::PlSql& s, PgBody& out);
  void bulk_select(const ast::SelectStmt& s, PgBody& out, Span span);
  void bulk_returning(const ast::Statement& st, const ast::Returning& r, PgBody& out, Span span);
  bool bulk_aggregates(const std::vector<ast::ExprPtr>& into, size_t cols, Span span, std::string& aggs, std::string& targets);
  static std::string bulk_columns(size_t cols);
  void execute_immediate(const ast::PlExecImmediate& e, PgBody& out);
  void dynamic_bulk_collect(const ast::PlExecImmediate& e, const std::string& text, bool splice, bool deferred, PgBody& out);
  void open(const ast::PlOpen& o, PgBody& out);
  void fetch(const ast::PlFetch& f, PgBody& out);
  void raise(const ast::PlRaise& r, PgBody& out);
  void forall(const ast::PlForall& f, PgBody& out);
  void handlers(const ast::PlBlock& b, PgBlock& out);
  void after_sql(PgBody& out, Span span);
  std::string target_text(const ast::Expr& target, const std::string& value, Span span, bool* is_setter) const;
  // target := value (a package variable through its setter); false when the target cannot be written (an item says why).
  bool assign_value(const ast::Expr& target, const std::string& value, Span span, PgBody& out) const;
  // `deferred` (may be null): why the checker must leave the statement to run time ("" if it need not; deferred_check).
  std::string dynamic_text(const ast::Expr& text, size_t binds, Span span, std::string* converted = nullptr,
                           std::string* deferred = nullptr) const;
  std::string dynamic_statement(const ast::Expr& text, const std::vector<ast::CallArg>& using_args, Span span, bool* spliced,
                                std::string* deferred = nullptr);
  std::string deferred_check(const std::set<std::string>& unknown_relations) const;
  bool catches_undefined_table(const ast::PlBlock& b) const;
  PgStmt no_data_found_check(const std::string& condition, Span span);
  std::optional<std::string> dynamic_block_query(const ast::PlExecImmediate& e, size_t* out_arg);

  // ---- writing part of a package variable through a local temporary (lower_pkgvar_write.cpp)
  const Symbol* written_package_variable(const ast::Expr& e, bool drop_last, size_t* used) const;
  std::string package_variable_temporary(const Symbol& s, Span span);
  void through_package_temporary(const Symbol& s, Span span, PgBody& out, const std::function<void(PgBody&)>& lower);
  const Symbol* element_assign_root(const ast::PlAssign& a) const;
  bool package_element_assign(const ast::PlAssign& a, PgBody& out);
  size_t package_assignment_run(const std::vector<ast::PlStmtPtr>& stmts, size_t i, PgBody& out);

  // ---- PL/SQL blocks run at run time, converted in place (lower_dbms_sql.cpp)
  struct RuntimeBind {
    std::string name;                // normalized, without ':'
    const ast::Expr* in = nullptr;   // the value bound
    const ast::Expr* out = nullptr;  // the variable read back (VARIABLE_VALUE, USING OUT)
  };
  // The value of the one assignment to local `variable` that reaches the statement being lowered,
  // when the statements between only read it; null otherwise.
  const ast::Expr* reaching_assignment(const std::string& variable) const;
  // The text a dynamic statement runs: `text` itself, or for a local variable its reaching
  // assignment (nullptr when there is none).
  const ast::Expr* known_text(const ast::Expr& text) const;
  std::optional<std::string> dbms_sql_call_value(const std::string& fn, const ast::CallExpr* c) const;
  bool dbms_sql_close(const ast::CallExpr* c, Span span, PgBody& out);
  size_t dbms_sql_run(const std::vector<ast::PlStmtPtr>& stmts, size_t i, PgBody& out);  // statements consumed
  bool dbms_sql_statement_run(const ast::Expr& text, const std::vector<RuntimeBind>& binds, const ast::Expr& count,
                              Span span, PgBody& out);
  bool dbms_sql_query_run(const std::string& cursor, const ast::Expr& text, const std::vector<RuntimeBind>& binds,
                          const ast::Expr& count, Span span, PgBody& out);
  std::optional<std::string> dbms_sql_text(const ast::Expr& text, const std::vector<RuntimeBind>& binds, bool query, Span span);
  bool dbms_sql_column_value(const ast::CallExpr* c, Span span, PgBody& out);
  // `text` run as a block in place; binds without names are USING's, bound by position.
  bool runtime_block(const ast::Expr& text, std::vector<RuntimeBind> binds, Span span, PgBody& out);
  bool runtime_hole_call(const ast::PlCall& c, PgBody& out);
  std::optional<std::string> runtime_bind(const ast::BindExpr& b) const;
  bool package_variable_statement(const ast::PlCall& c, PgBody& out);
  bool package_into(const ast::PlStmt& s, PgBody& out);
  void into_statement(const ast::PlStmt& s, PgBody& out);
  bool package_lob_argument(const ast::PlCall& c, PgBody& out);

  // ---- associative arrays as jsonb objects (lower_map.cpp)
  const TypeInfo* path_type(const Symbol& s, const std::vector<ast::Ident>& parts, size_t used) const;
  bool map_element(const ast::Expr& e) const;  // m(k) or m(k).f of a map: not an INTO or FETCH target
  bool map_element_lossy(const TypeInfo& map, Span span) const;
  std::string map_read(const TypeInfo& map, const std::string& base, const std::string& key) const;
  std::optional<std::string> map_method(const TypeInfo& map, const std::string& base, const std::string& method,
                                        const std::vector<std::string>& args, Span span) const;
  std::string map_after_delete(const TypeInfo& map, const std::string& base, const std::vector<std::string>& args) const;
  void map_store(const Symbol& s, bool whole_symbol, const std::string& base, const std::string& value, Span span,
                 PgBody& out) const;
  bool map_assign(const ast::PlAssign& a, PgBody& out);
  static std::string map_stored_key(const TypeInfo& map, const std::string& key);
  // A place inside a map at any depth (lower_map_path.cpp): m(k), m(k).f, m(k).lines(l).f, a(i).m(k).
  struct MapPlace {
    const Symbol* symbol = nullptr;     // the variable the outermost map is in
    bool whole_symbol = false;          // the outermost map is that variable itself
    std::string write_base, read_base;  // the outermost map, as an assignment target and as a value
    std::vector<std::string> keys;      // jsonb keys from it down to the place (stored keys, field names)
    TypeInfo type;                      // what is at the place
    std::string read;                   // its value (a missing key raises no_data_found, as in Oracle)
  };
  // nullopt: not a place inside a map, or (`flagged`) one that is not emulated, with its item.
  std::optional<MapPlace> map_place(const ast::Expr& target, bool* flagged) const;
  std::optional<MapPlace> map_place(const ast::CallExpr& c, const ast::PostfixExpr* p, size_t count, bool* flagged) const;
  std::string map_place_update(const MapPlace& place, const std::string& value) const;
  void map_place_method(const MapPlace& place, const std::string& method, const std::vector<std::string>& args, Span span,
                        PgBody& out) const;
  bool bulk_into_map(const std::vector<ast::ExprPtr>& targets, Span span) const;
  void map_delete(const Symbol& s, bool whole_symbol, const TypeInfo& map, const std::string& base, const std::string& method,
                  const std::vector<std::string>& args, Span span, PgBody& out);

  // ---- Redshift's stored procedures (lower_redshift.cpp)
  std::string sql_udf(const ast::PlSubprogram& s, const std::string& full);
  std::string exception_test(const ast::QualifiedName& n) const;
  std::string exception_message(const ast::QualifiedName& n) const;
  void merged_handlers(const ast::PlBlock& b, PgBlock& out);
  std::string message_variable(Span span);
  std::string local_variable(const std::string& name, const std::string& type, Span span);
  void raise_value(const std::string& level, const std::string& prefix, const ast::Expr* value, PgBody& out, Span span);
  std::string spliced_text(const std::string& converted, const std::vector<std::string>& args) const;
  void check_limits(const ast::PlSubprogram& s, const std::string& text, const std::string& display);
  std::string routine_text(const std::string& head, const std::string& body, const std::string& comment = "") const;

  // ---- object types' methods (lower_object.cpp)
  struct MethodRef {
    std::string type;                      // the type (or supertype) that declares it
    const ast::PlSubprogram* sub = nullptr;
    size_t depth = 0;
  };
  TypeInfo object_type_info(const std::string& name) const;
  // `call_args`: the call's arguments, to pick among overloads of one count (lower_method_overloads.cpp).
  // `function`: only functions (an expression) or only procedures (a call statement), as Oracle
  // tells `x.m()` the function from `x.m();` the procedure of one name and parameters.
  std::optional<MethodRef> find_method(const std::string& type, const std::string& name, size_t args, bool want_static,
                                       const std::vector<const ast::Expr*>* call_args = nullptr,
                                       std::optional<bool> function = std::nullopt) const;
  // ---- methods overloaded on types the target merges (lower_method_overloads.cpp)
  const ast::PlSubprogram* spec_method(const std::string& type, const ast::PlSubprogram& m) const;
  std::string method_name(const std::string& type, const ast::PlSubprogram& m) const;  // target form, unquoted
  const ast::PlSubprogram* pick_method(const std::vector<const ast::PlSubprogram*>& candidates,
                                       const std::vector<const ast::Expr*>& args) const;
  // The implementation of method `m` an instance of type `d` runs (d's own or the nearest supertype's).
  std::optional<MethodRef> implementation(const std::string& d, const MethodRef& m) const;
  bool object_of(const std::vector<ast::Ident>& ids, rewrite::SqlWriter& w, std::string& text, TypeInfo& type) const;
  std::optional<std::string> object_call(const std::vector<ast::Ident>& ids, const ast::CallExpr* c, bool as_statement,
                                         Span span, rewrite::SqlWriter& w, ArgCopies* copies = nullptr) const;
  void add_self_symbols();
  bool has_body(const std::string& type, const ast::PlSubprogram& spec) const;

  // ---- type hierarchies: one composite per hierarchy, a type tag, dynamic dispatch (lower_hierarchy.cpp)
  struct HierarchyAttr {
    std::string owner, name;  // the declaring type and the attribute, Oracle names
    TypeInfo type;
    std::string column;  // quoted
  };
  struct Hierarchy {
    std::string root;
    std::vector<HierarchyAttr> attrs;
    bool building = true;
    bool usable = false;  // false: the old layout (a composite per type, static dispatch), `why` says why
    std::string why;
  };
  // The hierarchy `type` belongs to when it is emulated as one composite, else nullptr.
  const Hierarchy* hierarchy_of(const std::string& type) const;
  std::optional<TypeInfo> hierarchy_type_info(const std::string& name, bool expand_boxed = true) const;
  void hierarchy_type(const ast::CreateType& u);  // CREATE TYPE / DOMAIN / ALTER TYPE ADD ATTRIBUTE
  std::string default_constructor(const std::string& type) const;  // "T"."t$new"
  // The routine a member call runs: the method's own, or the dispatcher that picks the override of
  // the object's run-time type. `static_call`: (SELF AS T).m — the named type's method itself.
  std::string method_routine(const std::string& static_type, const MethodRef& m, const std::string& name, bool static_call,
                             Span span) const;
  void dispatchers(const std::string& type, bool with_body);
  std::optional<std::string> type_test(const ast::Expr& operand, const std::string& test, rewrite::SqlWriter& w) const;
  std::optional<std::string> treat_target(const ast::CallExpr& c) const;
  std::optional<TypeInfo> as_type_of(const ast::ListExpr& l) const;
  std::optional<std::string> treat(const ast::CallExpr& c, rewrite::SqlWriter& w) const;
  // ---- attributes a hierarchy's composite holds as jsonb (lower_box.cpp)
  bool holds_hierarchy(const ast::PlType& attribute, const std::string& root) const;
  std::string boxing_problem(const TypeInfo& t) const;  // "" when `t` can be held as jsonb
  TypeInfo boxed_type(const ast::PlType& attribute) const;
  TypeInfo boxed_complete(const TypeInfo& t) const;
  mutable std::deque<TypeInfo> boxed_types_;  // completed types a name path points into (stable addresses)
  std::string unbox(const std::string& stored, const TypeInfo& t) const;  // the jsonb read as `t`
  static std::string box(const std::string& value);                        // `t` stored as jsonb
  std::string boxed_read(const std::string& stored, const TypeInfo& t, bool writing, Span span) const;
  bool boxed_statement(const ast::Expr& e, bool drop_last, Span span, PgBody& out, const std::function<void(PgBody&)>& lower);
  bool boxed_into(const ast::PlStmt& s, PgBody& out);
  bool boxed_out_arguments(const ast::PlCall& c, PgBody& out);
  void boxed_out_argument(const ast::PlSubprogram& m, size_t position, const ast::CallArg& arg, Span span) const;
  void boxed_out_item(const ast::Expr& arg, Span span) const;
  mutable size_t boxed_reads_ = 0;  // boxed places read so far: an OUT argument must not be one

  // ---- routines (lower_unit.cpp)
  std::string routine(const ast::PlSubprogram& s, const std::string& schema, const std::string& display,
                      const std::string& target_name_override = "");
  void nested_subprogram(const ast::PlSubprogram& s);
  std::string nested_autonomous(const ast::PlSubprogram& s, const std::string& name, const std::string& full,
                                const std::map<std::string, Symbol>& captured, const std::set<std::string>& callee_writes);
  std::string add_captured_parameters(const ast::PlSubprogram& s, const std::string& name, const std::string& full,
                                      std::string sql, const std::map<std::string, Symbol>& captured,
                                      const std::set<std::string>& callee_writes);
  std::string routine_body(const ast::PlSubprogram& s);
  void hoist_nested(const ast::PlBlock& b, const std::string& schema);

  const Environment& env_;
  std::string object_;   // action items' object, "PROCEDURE P"
  std::string package_;  // Oracle package name when converting a package member
  UnitResult& res_;
  mutable Scope scope_;
  std::vector<std::string> aux_types_;  // CREATE TYPE statements the unit needs first
  std::set<std::string> declared_types_;
  std::optional<TriggerContext> trigger_;
  bool in_function_ = false;
  bool in_procedure_ = false;
  int handler_depth_ = 0;
  mutable std::map<std::string, long> unmapped_codes_;  // SQLSTATE → ORA code of EXCEPTION_INITs with no PostgreSQL error
  int absence_handled_ = 0;  // blocks being lowered whose handlers catch ORA-00942 (table or view does not exist)
  bool uses_sql_attributes_ = false;
  mutable bool suppress_into_ = false;
  mutable bool owa_noted_ = false;  // the unit's item on the Web Toolkit emulation was raised
  PgBlock* current_block_ = nullptr;  // where implicit declarations (loop records) go
  int loop_records_ = 0;
  mutable int temp_count_ = 0;
  // GOTO a label that opens the last statements of a loop body: those statements, then CONTINUE
  // the loop (continue_tail). Keyed by the label's normalized name.
  struct GotoTail {
    const std::vector<ast::PlStmtPtr>* stmts = nullptr;
    size_t from = 0;
    std::string loop_label;
  };
  std::map<std::string, GotoTail> goto_tails_;
  // The statement lists being lowered, innermost last, each with the index of its statement.
  std::vector<std::pair<const std::vector<ast::PlStmtPtr>*, const size_t*>> body_stack_;
  std::map<std::string, std::string> runtime_holes_;  // placeholder (upper) → the name computed at run time
  std::map<std::string, std::string> runtime_binds_;  // :bind (normalized) → the variable or value it stands for
  std::map<std::string, std::string> dbms_sql_queries_;  // DBMS_SQL cursor variable (upper) → its refcursor
  int foreign_frames_ = 0;
  // object_type_info by type name: an object type's attributes are SQL types, the same wherever
  // the unit names the type, and a type body asks for its own type at every method and call.
  mutable std::map<std::string, TypeInfo> object_types_;
  mutable std::map<std::string, std::shared_ptr<Hierarchy>> hierarchies_;  // by root
  mutable std::map<std::string, Symbol> foreign_symbols_;  // other packages' variables, by PKG.NAME  // other packages' frames pushed to resolve their types
  std::string routine_schema_;            // schema of the routine being converted ("" = default)
  std::string routine_target_;            // its target name, the prefix of hoisted nested subprograms
  size_t routine_frame_ = 0;              // scope depth where its parameters start
  std::map<std::string, std::vector<RoutineDecl>> local_routines_;  // nested subprograms, hoisted
  // Captured variables that the nested subprograms called from the one being lowered write (INOUT).
  mutable std::set<std::string> captured_writes_;
  // Redshift
  std::string result_param_;             // a function converted to a procedure: its INOUT result
  const ast::PlSubprogram* current_routine_ = nullptr;  // the routine whose body is being lowered
  bool params_have_default_ = false;  // the last parameter_list wrote a DEFAULT
  std::optional<Span> continuing_handler_;  // a handler that continues after an error (→ NONATOMIC)
  int open_cursors_ = 0;                 // cursor loops around the statement being lowered
  bool warned_first_row_ = false;
  mutable bool calling_as_procedure_ = false;
  mutable ArgCopies* self_calls_ = nullptr;                    // statements a SELF-changing call needs before its statement
  mutable std::map<std::string, bool> self_changing_;          // by method family
  bool autonomous_routine_ = false;  // converting a routine whose PRAGMA AUTONOMOUS_TRANSACTION runs through dblink
  // An autonomous nested subprogram: its routines are written by nested_subprogram once the
  // enclosing routine's names it reads are known (they travel through dblink too).
  struct DeferredAutonomous {
    std::string display, head, body;
  };
  std::optional<DeferredAutonomous> deferred_autonomous_;
  bool force_procedure_ = false;  // the routine being lowered is a nested function that writes its enclosing routine's names
  bool writes_enclosing(const ast::PlSubprogram& s) const;
  // a type body's method being converted
  std::string method_type_;              // its type (Oracle name); "" outside methods
  bool constructor_ = false, static_method_ = false;
  mutable bool standard_call_ = false;
  mutable bool assignment_target_ = false;  // writing an assignment's target: r.f.g stays a path (lower_names.cpp)  // writing STANDARD.f: f is the built-in (lower_names.cpp)
  bool nested_routine_ = false;
  // Cursors of a package body that each member using them declares as its own (the member opens
  // and closes them within one call): the declarations, lowered once in the package's scope.
  std::vector<std::pair<std::string, std::vector<PgDecl>>> package_cursors_;
  std::string package_cursor_problem(const ast::CreatePackage& u, const std::string& name) const;  // lowering a nested subprogram (hoisted): it reads SELF as a captured name  // v := f(…) written as CALL f(…, v)
};

// The Oracle type family a JSON object type's method returns ("" when not one of them; lower_json.cpp).
std::string json_result_family(const std::string& method);

// A method's SELF parameter, its parameters besides SELF, STATIC (lower_object.cpp).
// True when the routine's text may change SELF (an attribute or SELF assigned, SELF passed to a
// member procedure in the converted text); errs towards "may" (lower_unit.cpp).
bool self_may_change(Span routine, const TypeInfo& self, const std::string& converted);
bool is_self_param(const ast::PlParam& p);
size_t own_params(const ast::PlSubprogram& s);
bool is_static(const ast::PlSubprogram& s);
// The Oracle parameter types without SELF, and the kind: how a body's method finds its spec
// (lower_method_overloads.cpp).
std::string method_signature(const ast::PlSubprogram& s);

// CREATE … head, then LANGUAGE plpgsql and the body in dollar quotes.
std::string plpgsql_function(const std::string& head, const std::string& body);

// orafce's packages (--plsql-extension orafce): does it provide PKG.FN?
bool orafce_provides(const std::string& pkg, const std::string& fn);
std::string lower_ident(const std::string& oracle_name);

// A function Redshift can hold as a scalar SQL UDF: RETURN of one expression, no query.
bool sql_udf_shape(const ast::PlSubprogram& s);
// A function with OUT or IN OUT parameters: PostgreSQL would return those as its result, so on
// PostgreSQL it is a procedure with INOUT "orashift_result" (RoutineDecl::as_procedure).
bool function_with_out_params(const ast::PlSubprogram& s);
// Marks those functions of the registry as procedures (PostgreSQL); methods keep their item.
void mark_out_param_functions(Registry& registry);

}  // namespace orashift::plsql
