// DBMS_SQL ("DBMS_SQL", PL/SQL Packages and Types Reference) and PL/SQL blocks run at run time:
//  - DBMS_SQL's straight-line run on one cursor: PARSE(c, text), its BIND_VARIABLEs, [DEFINE_COLUMNs,]
//    EXECUTE, [VARIABLE_VALUEs,] [CLOSE_CURSOR], in one statement list. On a PL/SQL block (utPLSQL's
//    ut_executable) the block is converted in place; on DML or DDL it is EXECUTE … USING; on a
//    query a refcursor that FETCH_ROWS and COLUMN_VALUE read. OPEN_CURSOR / IS_OPEN /
//    CLOSE_CURSOR elsewhere number a cursor.
//  - EXECUTE IMMEDIATE of a block whose text is joined from literals and, at a statement's place,
//    a name computed at run time (`'begin ' || p || '; end;'`, the dynamic dispatch idiom): that
//    statement becomes EXECUTE 'CALL ' || name || '()'.
// The text is parsed here, so it must be known: a literal, or a variable whose one assignment
// before the run is such a concatenation (known_text). Binds are by name: each :x of the block reads
// and writes the variable bound to it, so an OUT bind is written as the block assigns it (Oracle
// copies it back when the block ends: a caller that handles the block's error sees the change).
#include "convert/install_block_ddl.h"
#include "convert/plsql/builtin_args.h"
#include "convert/plsql/codes.h"
#include "convert/plsql/cond_comp.h"
#include "convert/plsql/lowerer.h"
#include "convert/plsql/text_scan.h"
#include "convert/query/sql_writer.h"
#include "common/naming.h"
#include "sql/lexer.h"
#include "sql/parser.h"

namespace orashift::plsql {

namespace {

// `s` is the statement `[SYS.]DBMS_SQL.fn(…)`; its call in *call.
const ast::CallExpr* dbms_sql_call(const ast::Expr* e, const char* fn) {
  if (!e || e->kind != ast::ExprKind::Call) return nullptr;
  const auto& c = static_cast<const ast::CallExpr&>(*e);
  size_t n = c.name.size();
  if (n < 2 || n > 3 || (n == 3 && rewrite::upper(std::string(c.name[0].text)) != "SYS")) return nullptr;
  if (rewrite::upper(std::string(c.name[n - 2].text)) != "DBMS_SQL" || rewrite::upper(std::string(c.name[n - 1].text)) != fn)
    return nullptr;
  return &c;
}

const ast::CallExpr* dbms_sql_statement(const ast::PlStmt& s, const char* fn) {
  if (s.kind != ast::PlStmtKind::Call) return nullptr;
  return dbms_sql_call(static_cast<const ast::PlCall&>(s).call.get(), fn);
}

// The cursor argument as written, upper case: the run's calls must all name the same one.
std::string cursor_name(const ast::Expr* e) {
  if (!e || e->kind != ast::ExprKind::Name) return "";
  return rewrite::upper(sql::compact_text(e->span));
}

std::string bind_key(std::string name) {
  if (!name.empty() && name[0] == ':') name.erase(0, 1);
  return normalize_identifier(name);
}

// `name` (upper case) occurs in `text` only as an operand of ||: the statement reads the variable
// and cannot change it (a bare argument could be an OUT parameter).
bool only_concatenated(std::string text, const std::string& name) {
  bool quoted = false;  // string literals' contents are not names
  for (char& c : text) {
    if (c == '\'') quoted = !quoted;
    else if (quoted) c = ' ';
    else c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  for (size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + 1)) {
    if (!whole_name_at(text, at, name)) continue;
    size_t l = at == 0 ? std::string::npos : text.find_last_not_of(' ', at - 1);
    size_t r = text.find_first_not_of(' ', at + name.size());
    bool left = l != std::string::npos && l >= 1 && text.compare(l - 1, 2, "||") == 0;
    bool right = r != std::string::npos && text.compare(r, 2, "||") == 0;
    if (!left && !right) return false;
  }
  return true;
}

void flatten_concat(const ast::Expr& e, std::vector<const ast::Expr*>& out) {
  if (e.kind == ast::ExprKind::Binary && static_cast<const ast::BinaryExpr&>(e).op == ast::BinaryOp::Concat) {
    const auto& b = static_cast<const ast::BinaryExpr&>(e);
    flatten_concat(*b.lhs, out);
    flatten_concat(*b.rhs, out);
    return;
  }
  out.push_back(&e);
}

// A name may stand where a statement does: whitespace or statement punctuation around it.
bool separates(char c) { return std::isspace(static_cast<unsigned char>(c)) || c == ';'; }

}  // namespace

const ast::Expr* Lowerer::reaching_assignment(const std::string& variable) const {
  for (size_t level = body_stack_.size(); level-- > 0;) {
    const auto& [stmts, at] = body_stack_[level];
    for (size_t j = *at; j-- > 0;) {
      const ast::PlStmt& s = *(*stmts)[j];
      if (s.kind == ast::PlStmtKind::Assign) {
        const auto& a = static_cast<const ast::PlAssign&>(s);
        if (a.target->kind == ast::ExprKind::Name && static_cast<const ast::NameExpr&>(*a.target).parts.size() == 1 &&
            norm(static_cast<const ast::NameExpr&>(*a.target).parts[0]) == variable)
          return a.value.get();
      }
      if (!only_concatenated(sql::compact_text(s.span), variable)) return nullptr;
    }
  }
  return nullptr;
}

const ast::Expr* Lowerer::known_text(const ast::Expr& text) const {
  if (text.kind != ast::ExprKind::Name || static_cast<const ast::NameExpr&>(text).parts.size() != 1) return &text;
  std::string v = norm(static_cast<const ast::NameExpr&>(text).parts[0]);
  const Symbol* s = scope_.find(v);
  return s && s->kind == SymbolKind::Variable ? reaching_assignment(v) : nullptr;
}

std::optional<std::string> Lowerer::dbms_sql_call_value(const std::string& fn, const ast::CallExpr* c) const {
  if (dialect() != Dialect::Postgres) return std::nullopt;
  if (fn == "NATIVE" || fn == "V7") return "1";  // language flags: PARSE's third argument
  if (fn == "FETCH_ROWS" && c && c->args.size() == 1)
    if (auto q = dbms_sql_queries_.find(cursor_name(c->args[0].value.get())); q != dbms_sql_queries_.end())
      return helper_call("orashift_dbms_sql_fetch", q->second + ", " + quote_literal(target_name(q->first)));
  if (fn == "OPEN_CURSOR" && (!c || c->args.empty())) return "1";
  if (fn == "IS_OPEN" && c && c->args.size() == 1) return "(" + expr(*c->args[0].value) + " IS NOT NULL)";
  return std::nullopt;
}

bool Lowerer::dbms_sql_close(const ast::CallExpr* c, Span span, PgBody& out) {
  if (dialect() != Dialect::Postgres || !c || c->args.size() != 1) return false;
  if (auto q = dbms_sql_queries_.find(cursor_name(c->args[0].value.get())); q != dbms_sql_queries_.end())
    out.push_back(PgStmt::simple("PERFORM " + helper_call("orashift_dbms_sql_close", q->second), span));
  return assign_value(*c->args[0].value, "NULL", span, out);  // CLOSE_CURSOR sets its IN OUT argument to NULL
}

// COLUMN_VALUE(c, position, v) of a query run by DBMS_SQL: the fetched row's value, as v's type.
bool Lowerer::dbms_sql_column_value(const ast::CallExpr* c, Span span, PgBody& out) {
  auto a = builtin_args(c, {"C", "POSITION", "VALUE"});
  if (!a || !(*a)[0] || !(*a)[1] || !(*a)[2]) return false;
  auto q = dbms_sql_queries_.find(cursor_name((*a)[0]));
  auto type = type_of(*(*a)[2]);
  std::string pos = sql::compact_text((*a)[1]->span);
  if (q == dbms_sql_queries_.end() || !type || type->sql.empty() || type->shape != Shape::Scalar ||
      pos.find_first_not_of("0123456789") != std::string::npos || pos.empty() || pos == "0")
    return false;
  std::string value = "(current_setting(" + quote_literal("orashift.dbms_sql_" + target_name(q->first)) +
                      ")::json ->> " + std::to_string(std::stoi(pos) - 1) + ")::" + type->sql;
  return assign_value(*(*a)[2], value, span, out);
}

size_t Lowerer::dbms_sql_run(const std::vector<ast::PlStmtPtr>& stmts, size_t i, PgBody& out) {
  const ast::CallExpr* parse = dbms_sql_statement(*stmts[i], "PARSE");
  if (!parse || dialect() != Dialect::Postgres) return 0;
  auto a = builtin_args(parse, {"C", "STATEMENT", "LANGUAGE_FLAG"});
  if (!a || !(*a)[0] || !(*a)[1]) return 0;
  std::string cursor = cursor_name((*a)[0]);
  if (cursor.empty()) return 0;
  std::vector<RuntimeBind> binds;
  size_t j = i + 1;
  for (; j < stmts.size(); ++j) {
    const ast::CallExpr* b = dbms_sql_statement(*stmts[j], "BIND_VARIABLE");
    if (!b) break;
    auto ba = builtin_args(b, {"C", "NAME", "VALUE", "OUT_VALUE_SIZE"});
    auto name = ba ? string_literal((*ba)[1]) : std::nullopt;
    if (!name || !(*ba)[2] || cursor_name((*ba)[0]) != cursor) return 0;
    binds.push_back({bind_key(*name), (*ba)[2], nullptr});
  }
  // DEFINE_COLUMN(c, position, v[, size]): a query's columns, read later with COLUMN_VALUE.
  size_t defined = 0;
  for (; j < stmts.size(); ++j) {
    const ast::CallExpr* d = dbms_sql_statement(*stmts[j], "DEFINE_COLUMN");
    if (!d) break;
    auto da = builtin_args(d, {"C", "POSITION", "COLUMN", "COLUMN_SIZE"});
    if (!da || cursor_name((*da)[0]) != cursor) return 0;
    ++defined;
  }
  // n := DBMS_SQL.EXECUTE(c): the value is undefined for a block (Oracle documents the count for DML only).
  if (j >= stmts.size() || stmts[j]->kind != ast::PlStmtKind::Assign) return 0;
  const auto& exec = static_cast<const ast::PlAssign&>(*stmts[j]);
  const ast::CallExpr* e = dbms_sql_call(exec.value.get(), "EXECUTE");
  if (!e || e->args.size() != 1 || cursor_name(e->args[0].value.get()) != cursor) return 0;
  for (++j; j < stmts.size(); ++j) {
    const ast::CallExpr* v = dbms_sql_statement(*stmts[j], "VARIABLE_VALUE");
    if (!v) break;
    auto va = builtin_args(v, {"C", "NAME", "VALUE"});
    auto name = va ? string_literal((*va)[1]) : std::nullopt;
    if (!name || !(*va)[2] || cursor_name((*va)[0]) != cursor) return 0;
    auto bound = std::find_if(binds.begin(), binds.end(), [&](const RuntimeBind& r) { return r.name == bind_key(*name); });
    if (bound == binds.end() || bound->out) return 0;  // Oracle: ORA-01006, the name was not bound
    bound->out = (*va)[2];
  }
  const ast::CallExpr* close = j < stmts.size() ? dbms_sql_statement(*stmts[j], "CLOSE_CURSOR") : nullptr;
  if (close && (close->args.size() != 1 || cursor_name(close->args[0].value.get()) != cursor)) close = nullptr;
  if (defined > 0) {  // a query: its rows are fetched later (FETCH_ROWS, COLUMN_VALUE)
    if (!dbms_sql_query_run(cursor, *(*a)[1], binds, *exec.target, parse->span, out)) return 0;
    return j - i;
  }
  PgBody after;
  if (close && !dbms_sql_close(close, close->span, after)) return 0;
  if (!runtime_block(*(*a)[1], binds, parse->span, out)) {
    if (!dbms_sql_statement_run(*(*a)[1], binds, *exec.target, parse->span, out)) return 0;
    for (auto& s : after) out.push_back(std::move(s));
    return j - i + (close ? 1 : 0);
  }
  if (!assign_value(*exec.target, "0", exec.span, out)) return 0;
  item(plsql_codes::kPattern,
       "DBMS_SQL run of a PL/SQL block (PARSE, BIND_VARIABLE, EXECUTE, VARIABLE_VALUE): converted and run in place as a "
       "nested block, each bind the variable bound to it",
       parse->span);
  for (auto& s : after) out.push_back(std::move(s));
  return j - i + (close ? 1 : 0);
}

// DBMS_SQL's run on a SQL statement other than a query (DML, DDL): EXECUTE text USING the bound
// values, one per placeholder occurrence in the order they stand (DBMS_SQL binds by name; a
// name written twice takes its value twice), and EXECUTE's result, "the number of rows
// processed" for INSERT, UPDATE, DELETE and MERGE, from ROW_COUNT. The text must be a literal (or
// the one assignment reaching the run); a query (DEFINE_COLUMN, FETCH_ROWS) and VARIABLE_VALUE of
// a RETURNING bind are not converted here.
bool Lowerer::dbms_sql_statement_run(const ast::Expr& text, const std::vector<RuntimeBind>& binds, const ast::Expr& count,
                                     Span span, PgBody& out) {
  auto run = dbms_sql_text(text, binds, false, span);
  if (!run) return false;
  out.push_back(PgStmt::simple("EXECUTE " + *run, span));
  std::string n = local_variable("orashift_n", "bigint", span);
  out.push_back(PgStmt::simple("GET DIAGNOSTICS " + n + " = ROW_COUNT", span));
  if (!assign_value(count, n, span, out)) return false;
  item(plsql_codes::kPattern,
       "DBMS_SQL run of a SQL statement (PARSE, BIND_VARIABLE, EXECUTE): EXECUTE … USING the bound values in the order "
       "the placeholders stand, EXECUTE's count from ROW_COUNT",
       span);
  return true;
}

// A query run by DBMS_SQL (PARSE, DEFINE_COLUMN, EXECUTE; then FETCH_ROWS, COLUMN_VALUE, CLOSE_CURSOR):
// a refcursor opened FOR EXECUTE; FETCH_ROWS fetches a row into a session setting as a JSON
// array (orashift_dbms_sql_fetch) and COLUMN_VALUE reads its position back as the variable's type.
bool Lowerer::dbms_sql_query_run(const std::string& cursor, const ast::Expr& text, const std::vector<RuntimeBind>& binds,
                                 const ast::Expr& count, Span span, PgBody& out) {
  auto run = dbms_sql_text(text, binds, true, span);
  if (!run) return false;
  std::string rc = local_variable("orashift_dbms_sql_" + target_name(cursor), "refcursor", span);
  out.push_back(PgStmt::simple("OPEN " + rc + " FOR EXECUTE " + *run, span));
  if (!assign_value(count, "0", span, out)) return false;  // EXECUTE's value is undefined for a query
  dbms_sql_queries_[cursor] = rc;
  item(plsql_codes::kBehaviour,
       "DBMS_SQL query (DEFINE_COLUMN, FETCH_ROWS, COLUMN_VALUE): a refcursor opened FOR EXECUTE; each fetched row is "
       "kept as JSON text in a session setting and COLUMN_VALUE reads its value back as the variable's type (values "
       "pass through their JSON text: a DATE as ISO text, a number exactly)",
       span);
  return true;
}

// The statement text and its USING list (" USING a, b"), or nullopt when the text is not a
// literal (or the one assignment reaching the run), does not parse, is (not) a query as `query`
// asks, or its placeholders and the binds do not match.
std::optional<std::string> Lowerer::dbms_sql_text(const ast::Expr& text, const std::vector<RuntimeBind>& binds, bool query,
                                                  Span span) {
  const ast::Expr* literal = known_text(text);
  if (!literal || literal->kind != ast::ExprKind::Literal) return std::nullopt;
  for (const auto& b : binds)
    if (b.out || !b.in) return std::nullopt;
  std::string value = rewrite::string_literal_value(static_cast<const ast::LiteralExpr&>(*literal).text);
  SourceFile file("<dbms_sql>", value);
  Diagnostics diags;
  sql::ParsedScript parsed = sql::parse_script(file, diags);
  if (diags.error_count() != 0 || parsed.statements.size() != 1 || (parsed.statements[0]->kind == ast::StmtKind::Select) != query)
    return std::nullopt;
  std::vector<std::string> values;
  std::set<std::string> used;
  for (const auto& t : sql::tokenize(file)) {
    if (t.kind != sql::TokenKind::Bind) continue;
    std::string name = bind_key(std::string(t.text));
    auto bound = std::find_if(binds.begin(), binds.end(), [&](const RuntimeBind& b) { return b.name == name; });
    if (bound == binds.end()) return std::nullopt;  // Oracle: ORA-01008, not all variables bound
    values.push_back(expr(*bound->in));
    used.insert(name);
  }
  if (used.size() != binds.size()) return std::nullopt;  // Oracle: ORA-01006 at BIND_VARIABLE
  std::string s = dynamic_text(*literal, values.size(), span);
  for (size_t k = 0; k < values.size(); ++k) s += (k ? ", " : " USING ") + values[k];
  return s;
}

bool Lowerer::runtime_block(const ast::Expr& text, std::vector<RuntimeBind> binds, Span span, PgBody& out) {
  if (!env_.cond || !env_.profile->raise_using) return false;
  const ast::Expr* joined = known_text(text);
  if (!joined) return false;
  // The pieces: literals at their own offsets, whitespace (CHR(10)) as the blanks between them,
  // and names computed at run time, each written into the blanks it leaves as a placeholder.
  std::vector<const ast::Expr*> operands;
  flatten_concat(*joined, operands);
  std::vector<Span> literals;
  std::vector<std::pair<size_t, const ast::Expr*>> holes;  // operand index, expression
  std::string joined_text;                                 // the pieces' values, holes as "\x01"
  for (size_t k = 0; k < operands.size(); ++k) {
    const ast::Expr& o = *operands[k];
    if (o.span.file != span.file) return false;
    if (o.kind == ast::ExprKind::Literal) {
      auto v = string_literal(&o);
      if (!v || static_cast<const ast::LiteralExpr&>(o).literal != ast::LiteralKind::String) return false;
      literals.push_back(o.span);
      joined_text += *v;
      continue;
    }
    if (auto folded = constant_string(o)) {
      if (folded->find_first_not_of(" \t\r\n") != std::string::npos) return false;  // text not at its own offsets
      joined_text += ' ';
      continue;
    }
    if (o.kind == ast::ExprKind::Call) {  // CHR(10), CHR(13), CHR(9), CHR(32)
      const auto& c = static_cast<const ast::CallExpr&>(o);
      if (c.name.size() == 1 && norm(c.name[0]) == "CHR" && c.args.size() == 1) {
        auto code = sql::compact_text(c.args[0].value->span);
        if (code == "10" || code == "13" || code == "9" || code == "32") {
          joined_text += ' ';
          continue;
        }
      }
    }
    if (k == 0 || k + 1 == operands.size()) return false;
    holes.emplace_back(k, &o);
    joined_text += '\x01';
  }
  if (literals.empty()) return false;
  // Pieces written apart must not have been one token joined: `'ab' || 'c'` is not "ab c".
  for (size_t k = 1; k < joined_text.size(); ++k) {
    char l = joined_text[k - 1], r = joined_text[k];
    if (r == '\x01' && !separates(l)) return false;
    if (l == '\x01' && !separates(r)) return false;
  }
  for (size_t k = 0; k + 1 < operands.size(); ++k)
    if (operands[k]->kind == ast::ExprKind::Literal && operands[k + 1]->kind == ast::ExprKind::Literal) {
      auto l = string_literal(operands[k]), r = string_literal(operands[k + 1]);
      if (!l->empty() && !r->empty() && name_char(l->back()) && name_char(r->front())) return false;
    }
  std::unique_ptr<SourceFile> copy = literals_as_file(literals);
  if (!copy) return false;
  std::string blank = copy->text();
  if (rewrite::upper(blank).find("OS$") != std::string::npos) return false;
  std::map<std::string, std::string> hole_text;
  for (size_t h = 0; h < holes.size(); ++h) {
    std::string name = "os$" + std::to_string(h + 1);
    size_t from = operands[holes[h].first - 1]->span.end, to = operands[holes[h].first + 1]->span.begin;
    size_t run = 0, at = std::string::npos;
    for (size_t p = from; p < to && at == std::string::npos; ++p) {
      run = blank[p] == ' ' ? run + 1 : 0;
      if (run == name.size() + 2) at = p - name.size();
    }
    if (at == std::string::npos) return false;
    blank.replace(at, name.size(), name);
    hole_text[rewrite::upper(name)] = "";
  }
  auto file = std::make_unique<SourceFile>(copy->path(), blank);
  // Each placeholder stands alone between statement boundaries, and every :bind is bound.
  std::vector<sql::Token> toks = sql::tokenize(*file);
  std::set<std::string> used_binds;
  std::vector<std::string> bind_order;  // distinct names by first use: how EXECUTE IMMEDIATE binds a block's USING
  for (size_t t = 0; t < toks.size(); ++t) {
    std::string up = rewrite::upper(std::string(toks[t].text));
    if (toks[t].kind == sql::TokenKind::Bind && used_binds.insert(bind_key(std::string(toks[t].text))).second)
      bind_order.push_back(bind_key(std::string(toks[t].text)));
    if (!hole_text.count(up)) continue;
    bool before = t > 0 && (toks[t - 1].kind == sql::TokenKind::Semicolon || toks[t - 1].kw == sql::Kw::BEGIN ||
                            toks[t - 1].kw == sql::Kw::THEN || toks[t - 1].kw == sql::Kw::ELSE ||
                            rewrite::upper(std::string(toks[t - 1].text)) == "LOOP");
    if (!before || t + 1 >= toks.size() || toks[t + 1].kind != sql::TokenKind::Semicolon) return false;
  }
  if (!binds.empty() && binds[0].name.empty()) {  // by position
    if (binds.size() != bind_order.size()) return false;
    for (size_t k = 0; k < binds.size(); ++k) binds[k].name = bind_order[k];
  }
  std::map<std::string, std::string> bind_text;
  for (const auto& b : binds) {
    if (!used_binds.count(b.name)) return false;  // Oracle: ORA-01006 at BIND_VARIABLE
    bool setter = false;
    if (b.out) {
      std::string target = target_text(*b.out, "", span, &setter);
      if (target.empty() || setter) return false;
      bind_text[b.name] = target;
    } else if (b.in && (b.in->kind == ast::ExprKind::Name || b.in->kind == ast::ExprKind::Literal)) {
      bind_text[b.name] = expr(*b.in);  // read where the block reads it: a name or a constant reads the same
    } else {
      return false;
    }
  }
  for (const auto& u : used_binds)
    if (!bind_text.count(u)) return false;
  std::string why;
  const ast::PlBlock* parsed = env_.cond->parse_block_copy(std::move(file), span.file, why);
  if (!parsed) return false;
  // Each name is resolved before the block runs, as Oracle compiles the block at PARSE: a name
  // that is no procedure fails there (ORA-06550), not inside the block's own handlers.
  for (size_t h = 0; h < holes.size(); ++h) {
    std::string v = local_variable("orashift_call" + std::to_string(h + 1), "text", span);
    out.push_back(PgStmt::simple(v + " := " + helper_call("orashift_call_name", expr(*holes[h].second)), span));
    hole_text["OS$" + std::to_string(h + 1)] = v;
  }
  // IN binds are set before the block (an IN OUT one is the variable VARIABLE_VALUE reads).
  for (const auto& b : binds)
    if (b.out && b.in && b.in != b.out && !assign_value(*b.out, expr(*b.in), span, out)) return false;
  if (!holes.empty())
    item(plsql_codes::kBehaviour,
         "the PL/SQL block is joined at run time around a procedure name (" + sql::compact_text(holes[0].second->span) +
             "): that statement runs EXECUTE 'CALL ' || name || '()' — the name must be a converted procedure, written "
             "package.procedure (an owner in front is dropped: each package is a schema of its own); one that is none "
             "raises ORA-06550 before the block runs, as Oracle's PARSE does",
         holes[0].second->span);
  PgStmt p;
  p.kind = PgKind::Block;
  p.span = span;
  p.block = std::make_shared<PgBlock>();
  auto saved_holes = std::exchange(runtime_holes_, hole_text);
  auto saved_binds = std::exchange(runtime_binds_, bind_text);
  scope_.push("");
  block(*parsed, *p.block);
  scope_.pop();
  runtime_holes_ = std::move(saved_holes);
  runtime_binds_ = std::move(saved_binds);
  out.push_back(std::move(p));
  return true;
}

bool Lowerer::runtime_hole_call(const ast::PlCall& c, PgBody& out) {
  if (runtime_holes_.empty() || c.call->kind != ast::ExprKind::Name) return false;
  const auto& n = static_cast<const ast::NameExpr&>(*c.call);
  if (n.parts.size() != 1) return false;
  auto it = runtime_holes_.find(rewrite::upper(std::string(n.parts[0].text)));
  if (it == runtime_holes_.end()) return false;
  out.push_back(PgStmt::simple("EXECUTE 'CALL ' || " + it->second + " || '()'", c.span));
  return true;
}

std::optional<std::string> Lowerer::runtime_bind(const ast::BindExpr& b) const {
  if (runtime_binds_.empty()) return std::nullopt;
  auto it = runtime_binds_.find(bind_key(std::string(b.text)));
  if (it == runtime_binds_.end()) return std::nullopt;
  return it->second;
}

std::string dbms_sql_helper_sql(const std::string& name) {
  // FETCH_ROWS: the next row of a query's refcursor kept as a JSON array in the session setting
  // orashift.dbms_sql_<cursor> (columns in order, duplicates kept: json_each of row_to_json).
  if (name == "orashift_dbms_sql_fetch")
    return R"SQL((rc refcursor, slot text)
RETURNS integer
LANGUAGE plpgsql
AS $orashift$
DECLARE
  r record;
BEGIN
  FETCH rc INTO r;
  IF NOT FOUND THEN
    RETURN 0;
  END IF;
  PERFORM set_config('orashift.dbms_sql_' || slot,
                     (SELECT json_agg(e.value ORDER BY e.n)::text FROM json_each(row_to_json(r)) WITH ORDINALITY AS e(key, value, n)),
                     false);
  RETURN 1;
END
$orashift$;
)SQL";
  if (name == "orashift_dbms_sql_close")
    return R"SQL((rc refcursor)
RETURNS void
LANGUAGE plpgsql
AS $orashift$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_cursors WHERE pg_cursors.name = rc::text) THEN
    EXECUTE format('CLOSE %I', rc::text);
  END IF;
END
$orashift$;
)SQL";
  if (name != "orashift_call_name") return "";
  // Oracle's name of a procedure (OWNER.PACKAGE.PROCEDURE, PACKAGE.PROCEDURE, PROCEDURE; quoted
  // parts keep their case) as PostgreSQL's: each package is a schema, so an owner before a
  // package is dropped; unquoted parts fold to lower case as orashift names them. A name that
  // is no procedure raises ORA-06550 as Oracle's compilation of the block does (class 42, so a
  // handler for -6550 catches it).
  return R"SQL((name text)
RETURNS text
LANGUAGE plpgsql STABLE
AS $orashift$
DECLARE
  parts text[] := ARRAY[]::text[];
  part text;
BEGIN
  FOREACH part IN ARRAY string_to_array(name, '.') LOOP
    part := btrim(part);
    parts := parts || CASE WHEN part LIKE '"%"' THEN substr(part, 2, length(part) - 2) ELSE lower(part) END;
  END LOOP;
  IF cardinality(parts) = 3 THEN
    parts := parts[2:3];
  END IF;
  IF cardinality(parts) NOT BETWEEN 1 AND 2 OR '' = ANY (parts) THEN
    RAISE EXCEPTION USING ERRCODE = 'invalid_name', MESSAGE = format('ORA-06550: %s is not a procedure name', name);
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                 WHERE p.prokind = 'p' AND p.proname = parts[cardinality(parts)]
                   AND CASE WHEN cardinality(parts) = 2 THEN n.nspname = parts[1] ELSE pg_function_is_visible(p.oid) END) THEN
    RAISE EXCEPTION USING ERRCODE = 'undefined_function', MESSAGE = format('ORA-06550: PLS-00302: %s must be declared', name);
  END IF;
  RETURN (SELECT string_agg(quote_ident(p), '.' ORDER BY o) FROM unnest(parts) WITH ORDINALITY AS u(p, o));
END
$orashift$;
)SQL";
}

}  // namespace orashift::plsql
