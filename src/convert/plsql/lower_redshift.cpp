// Redshift's stored procedures: what the walk writes differently when the profile says the target
// is Redshift's restricted PL/pgSQL. Each rule cites its page of the Database Developer Guide
// (https://docs.aws.amazon.com/redshift/latest/dg/<page>.html), listed again in docs/redshift.md.
//
// Errors keep Oracle's identity in their message, because Redshift's RAISE cannot set a SQLSTATE
// and its handlers know only OTHERS: converted code raises 'ORA-20001: text', 'ORA-01403: no
// data found', 'OU1AB: User-Defined Exception (E)', and one OTHERS handler branches on SQLERRM
// (and on SQLSTATE for errors the engine itself raises).
#include <algorithm>

#include "common/naming.h"
#include "convert/plsql/codes.h"
#include "convert/plsql/lowerer.h"
#include "convert/query/sql_writer.h"
#include "sql/parser.h"

namespace orashift::plsql {

using rewrite::upper;

namespace {

// Oracle's error number of each predefined exception (PL/SQL Language Reference, "Predefined
// Exceptions") and the SQLSTATE the engine raises for the same error.
struct Predefined {
  const char* name;
  const char* ora;       // message prefix converted code raises: ORA-01403
  const char* sqlstate;  // the engine's own error, or nullptr
};
const Predefined* predefined(const std::string& n) {
  static const Predefined map[] = {
      {"NO_DATA_FOUND", "ORA-01403", nullptr},     {"TOO_MANY_ROWS", "ORA-01422", nullptr},
      {"DUP_VAL_ON_INDEX", "ORA-00001", "23505"},  {"ZERO_DIVIDE", "ORA-01476", "22012"},
      {"VALUE_ERROR", "ORA-06502", "22000"},       {"INVALID_NUMBER", "ORA-01722", "22P02"},
      {"INVALID_CURSOR", "ORA-01001", "24000"},    {"CURSOR_ALREADY_OPEN", "ORA-06511", "42P03"},
      {"CASE_NOT_FOUND", "ORA-06592", "20000"},    {"TIMEOUT_ON_RESOURCE", "ORA-00051", "55P03"},
      {"LOGIN_DENIED", "ORA-01017", "28000"},      {"STORAGE_ERROR", "ORA-06500", "53200"},
  };
  for (const auto& p : map)
    if (n == p.name) return &p;
  return nullptr;
}

bool is_sqlstate(const std::string& s) {
  return s.size() == 5 && std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || std::isupper(static_cast<unsigned char>(c)); }) &&
         s.rfind("OR", 0) != 0 && s.rfind("OU", 0) != 0 && s.rfind("OE", 0) != 0;
}

// Does a handler body end by propagating the error (RAISE, RAISE_APPLICATION_ERROR)?
bool propagates(const std::vector<ast::PlStmtPtr>& body) {
  if (body.empty()) return false;
  const ast::PlStmt& last = *body.back();
  if (last.kind == ast::PlStmtKind::Raise) return true;
  if (last.kind == ast::PlStmtKind::Call) {
    const ast::Expr& e = *static_cast<const ast::PlCall&>(last).call;
    if (e.kind == ast::ExprKind::Call) {
      auto& c = static_cast<const ast::CallExpr&>(e);
      return c.name.size() == 1 && upper(c.name[0].text) == "RAISE_APPLICATION_ERROR";
    }
  }
  return false;
}

}  // namespace

// A function Redshift can hold as a scalar SQL UDF (r_CREATE_FUNCTION, udf-creating-a-scalar-sql-udf):
// its body is RETURN of one expression over its IN parameters, without a query (a SQL UDF's
// SELECT has no FROM). UDF arguments have no defaults: callers write the omitted ones.
bool sql_udf_shape(const ast::PlSubprogram& s) {
  if (!s.is_function || !s.body || !s.body->decls.empty() || !s.body->handlers.empty() || s.body->body.size() != 1)
    return false;
  for (const auto& p : s.params)
    if (!upper(p.mode).empty() && upper(p.mode) != "IN") return false;
  const ast::PlStmt& r = *s.body->body[0];
  if (r.kind != ast::PlStmtKind::Return || !static_cast<const ast::PlReturn&>(r).value) return false;
  return upper(sql::compact_text(static_cast<const ast::PlReturn&>(r).value->span)).find("SELECT") == std::string::npos;
}

// CREATE FUNCTION name(types) RETURNS t {IMMUTABLE|STABLE|VOLATILE} AS $$ SELECT expr $$ LANGUAGE sql.
// Arguments are $1, $2… in the body; the volatility follows DETERMINISTIC and what the body calls.
std::string Lowerer::sql_udf(const ast::PlSubprogram& s, const std::string& full) {
  std::string types;
  for (size_t i = 0; i < s.params.size(); ++i) {
    TypeInfo t = resolve_type(s.params[i].type);
    if (!t.problem.empty()) item(plsql_codes::kNotConvertible, "parameter " + norm(s.params[i].name) + ": " + t.problem, s.params[i].type.span);
    types += (i ? ", " : "") + (t.sql.empty() ? std::string("varchar(65535)") : t.sql);
    Symbol sym;
    sym.kind = SymbolKind::Parameter;
    sym.ref = "$" + std::to_string(i + 1);
    sym.type = t;
    scope_.add(norm(s.params[i].name), sym);
  }
  TypeInfo rt = resolve_type(*s.return_type);
  if (!rt.problem.empty()) item(plsql_codes::kNotConvertible, "return type: " + rt.problem, s.return_type->span);
  std::string body = expr(*static_cast<const ast::PlReturn&>(*s.body->body[0]).value);
  std::string options = upper(sql::compact_text(s.options));
  std::string lower_body = body;
  std::transform(lower_body.begin(), lower_body.end(), lower_body.begin(), [](unsigned char c) { return std::tolower(c); });
  const char* volatility = "STABLE";
  std::string why = "reads no table and calls nothing volatile";
  if (options.find("DETERMINISTIC") != std::string::npos) {
    volatility = "IMMUTABLE";
    why = "DETERMINISTIC in Oracle";
  }
  for (const char* v : {"random(", "getdate(", "sysdate", "timeofday(", "clock_timestamp(", "nextval("})
    if (lower_body.find(v) != std::string::npos) {
      volatility = "VOLATILE";
      why = std::string("calls ") + v;
    }
  item(plsql_codes::kPattern,
       "function " + norm(s.name.name()) + " is one expression: a scalar SQL UDF (" + volatility + ", " + why +
           "); Redshift's convention is an f_ prefix for UDF names, the Oracle name is kept so callers need no change",
       s.span);
  return "-- orashift: scalar SQL UDF, " + std::string(volatility) + " (" + why + ")\nCREATE OR REPLACE FUNCTION " + full +
         "(" + types + ")\nRETURNS " + rt.sql + "\n" + volatility + "\nAS $$\n  SELECT " + body + "\n$$ LANGUAGE sql;\n";
}

// The condition a Redshift OTHERS handler tests for one Oracle exception name.
std::string Lowerer::exception_test(const ast::QualifiedName& n) const {
  std::string last = norm(n.parts.back());
  if (n.parts.size() == 1 || (n.parts.size() == 2 && norm(n.parts[0]) == "STANDARD"))
    if (const Predefined* p = predefined(last)) {
      std::vector<ast::Ident> ids(n.parts.begin(), n.parts.end());
      size_t used = 0;
      const Symbol* s = lookup_path(ids, used);
      if (!s || s->kind != SymbolKind::Exception) {
        std::string t = "SQLERRM LIKE '" + std::string(p->ora) + ":%'";
        if (p->sqlstate) t = "(" + t + " OR SQLSTATE = '" + p->sqlstate + "')";
        return t;
      }
    }
  std::string errcode;
  std::string cond = exception_condition(n, &errcode);
  if (cond == "OTHERS") return "TRUE";
  if (errcode.rfind("OR", 0) == 0) return "SQLERRM LIKE 'ORA-20" + errcode.substr(2) + ":%'";
  if (is_sqlstate(errcode)) return "(SQLSTATE = '" + errcode + "' OR SQLERRM LIKE '" + errcode + ":%')";
  return "SQLERRM LIKE '" + errcode + ":%'";
}

// The message RAISE e writes on Redshift: the code its handlers test first (see exception_test).
std::string Lowerer::exception_message(const ast::QualifiedName& n) const {
  std::string last = norm(n.parts.back());
  std::vector<ast::Ident> ids(n.parts.begin(), n.parts.end());
  size_t used = 0;
  const Symbol* s = lookup_path(ids, used);
  if (!(s && s->kind == SymbolKind::Exception))
    if (const Predefined* p = predefined(last)) {
      std::string words = last;
      std::replace(words.begin(), words.end(), '_', ' ');
      std::transform(words.begin(), words.end(), words.begin(), [](unsigned char c) { return std::tolower(c); });
      return std::string(p->ora) + ": " + words;
    }
  std::string errcode;
  std::string cond = exception_condition(n, &errcode);
  if (errcode.rfind("OR", 0) == 0) return "ORA-20" + errcode.substr(2) + ": " + last;
  if (errcode.empty()) return "";
  std::string display;
  for (const auto& p : n.parts) display += (display.empty() ? "" : ".") + norm(p);
  return errcode + ": User-Defined Exception (" + display + ")";
}

// Redshift (stored-procedure-trapping-errors): OTHERS is the only condition, so Oracle's handlers
// become one OTHERS handler whose IF chain tests each exception; an error no branch names is
// raised again. A handler that ends without raising continues after the error, which only a
// NONATOMIC procedure can do (the procedure records where, for the choice made in routine()).
void Lowerer::merged_handlers(const ast::PlBlock& b, PgBlock& out) {
  PgHandler ph;
  ph.condition = "OTHERS";
  ph.span = b.handlers.front().exceptions.empty() ? b.span : b.handlers.front().exceptions.front().span;
  PgStmt chain;
  chain.kind = PgKind::If;
  chain.span = ph.span;
  bool has_others = false;
  ++handler_depth_;
  for (const auto& h : b.handlers) {
    Span at = h.exceptions.empty() ? b.span : h.exceptions.front().span;
    if (!propagates(h.body) && !continuing_handler_) continuing_handler_ = at;
    bool others = false;
    std::string test;
    for (const auto& e : h.exceptions) {
      if (e.parts.size() == 1 && upper(e.parts[0].text) == "OTHERS") others = true;
      else test += (test.empty() ? "" : " OR ") + exception_test(e);
      if (e.parts.size() == 1 && upper(e.parts[0].text) == "TOO_MANY_ROWS")
        item(plsql_codes::kBehaviour,
             "handler for TOO_MANY_ROWS never runs on Redshift: SELECT INTO keeps the first row of several", e.span);
      if (e.parts.size() == 1 && upper(e.parts[0].text) == "DUP_VAL_ON_INDEX")
        item(plsql_codes::kBehaviour,
             "handler for DUP_VAL_ON_INDEX never runs on Redshift: unique constraints are not enforced", e.span);
    }
    PgBody body_out;
    body(h.body, body_out);
    if (others) {
      has_others = true;
      chain.has_else = true;
      chain.else_body = std::move(body_out);
    } else {
      chain.branches.emplace_back(test, std::move(body_out));
    }
  }
  --handler_depth_;
  if (chain.branches.empty()) {
    ph.body = std::move(chain.else_body);
  } else {
    if (!has_others) {
      chain.has_else = true;
      chain.else_body.push_back(PgStmt::simple("RAISE", ph.span));
    }
    ph.body.push_back(std::move(chain));
  }
  out.handlers.push_back(std::move(ph));
}

// A variable of the current block that holds a message before RAISE (whose arguments must be
// variables on Redshift), declared once per block.
std::string Lowerer::message_variable(Span span) { return local_variable("orashift_msg", "varchar(65535)", span); }

std::string Lowerer::local_variable(const std::string& name, const std::string& type, Span span) {
  std::string v = quote_ident(name);
  if (!current_block_) return v;
  for (const auto& d : current_block_->decls)
    if (d.text.rfind(v + " ", 0) == 0) return v;
  current_block_->decls.push_back({v + " " + type, span});
  return v;
}

// RAISE level 'prefix%' , value — with the value first put in a variable unless it is one.
void Lowerer::raise_value(const std::string& level, const std::string& prefix, const ast::Expr* value, PgBody& out, Span span) {
  std::string fmt = prefix;
  size_t pos = 0;
  while ((pos = fmt.find('%', pos)) != std::string::npos) fmt.insert(pos, "%"), pos += 2;
  if (value && value->kind == ast::ExprKind::Literal && !static_cast<const ast::LiteralExpr&>(*value).text.empty() &&
      static_cast<const ast::LiteralExpr&>(*value).text.front() == '\'') {
    std::string lit = rewrite::string_literal_value(static_cast<const ast::LiteralExpr&>(*value).text);
    for (size_t p = 0; (p = lit.find('%', p)) != std::string::npos; p += 2) lit.insert(p, "%");
    fmt += lit;
    value = nullptr;
  }
  if (!value) {
    out.push_back(PgStmt::simple("RAISE " + level + " " + quote_literal(fmt), span));
    return;
  }
  std::string text = expr(*value);
  bool variable = false;
  if (value->kind == ast::ExprKind::Name) {
    size_t used = 0;
    const Symbol* s = lookup_path(static_cast<const ast::NameExpr&>(*value).parts, used);
    variable = s && used == static_cast<const ast::NameExpr&>(*value).parts.size() &&
               (s->kind == SymbolKind::Variable || s->kind == SymbolKind::Parameter || s->kind == SymbolKind::Constant);
  }
  if (!variable) {
    std::string v = message_variable(span);
    out.push_back(PgStmt::simple(v + " := " + text, span));
    text = v;
  }
  out.push_back(PgStmt::simple("RAISE " + level + " " + quote_literal(fmt + "%") + ", " + text, span));
}

// EXECUTE without USING (c_PLpgSQL-statements, Dynamic SQL): each $n of the converted text is
// replaced by its value quoted with quote_literal (NULL as the word NULL), never concatenated raw.
std::string Lowerer::spliced_text(const std::string& converted, const std::vector<std::string>& args) const {
  std::string out, piece;
  bool in_string = false;
  auto flush = [&] {
    if (!piece.empty()) out += (out.empty() ? "" : " || ") + quote_literal(piece);
    piece.clear();
  };
  for (size_t i = 0; i < converted.size(); ++i) {
    char c = converted[i];
    if (c == '\'') in_string = !in_string;
    if (!in_string && c == '$' && i + 1 < converted.size() && std::isdigit(static_cast<unsigned char>(converted[i + 1]))) {
      size_t j = i + 1;
      while (j < converted.size() && std::isdigit(static_cast<unsigned char>(converted[j]))) ++j;
      size_t k = std::stoul(converted.substr(i + 1, j - i - 1));
      if (k >= 1 && k <= args.size()) {
        flush();
        out += (out.empty() ? "" : " || ") + std::string("COALESCE(quote_literal((") + args[k - 1] + ")::varchar(65535)), 'NULL')";
        i = j - 1;
        continue;
      }
    }
    piece.push_back(c);
  }
  flush();
  return out.empty() ? "''" : out;
}

// stored-procedure-constraints: at most 32 IN and 32 OUT arguments, 1,024 variables, 2 MB of source.
void Lowerer::check_limits(const ast::PlSubprogram& s, const std::string& text, const std::string& display) {
  const Profile& p = *env_.profile;
  int in = 0, out = 0;
  for (const auto& a : s.params) {
    std::string m = upper(a.mode);
    if (m.find("OUT") != std::string::npos) ++out;
    if (m.find("OUT") == std::string::npos || m.find("IN") != std::string::npos) ++in;
  }
  if (!result_param_.empty()) ++out;
  if (p.max_in_args && in > p.max_in_args)
    item(plsql_codes::kTargetLacks, display + " has " + std::to_string(in) + " input arguments; Redshift allows " +
                                        std::to_string(p.max_in_args) + " (stored-procedure-constraints)", s.span);
  if (p.max_out_args && out > p.max_out_args)
    item(plsql_codes::kTargetLacks, display + " has " + std::to_string(out) + " output arguments; Redshift allows " +
                                        std::to_string(p.max_out_args) + " (stored-procedure-constraints)", s.span);
  if (p.max_variables) {
    int vars = 0;
    for (size_t at = text.find("\nDECLARE\n"); at != std::string::npos; at = text.find("\nDECLARE\n", at + 1)) {
      size_t end = text.find("\nBEGIN", at);
      vars += static_cast<int>(std::count(text.begin() + static_cast<long>(at) + 9,
                                          text.begin() + static_cast<long>(end == std::string::npos ? text.size() : end), ';'));
    }
    if (vars > p.max_variables)
      item(plsql_codes::kTargetLacks, display + " declares " + std::to_string(vars) + " variables; Redshift allows " +
                                          std::to_string(p.max_variables) + " (stored-procedure-constraints)", s.span);
  }
  if (p.max_source_bytes && text.size() > p.max_source_bytes)
    item(plsql_codes::kTargetLacks, display + " is " + std::to_string(text.size()) + " bytes of source; Redshift allows 2 MB (stored-procedure-constraints)",
         s.span);
}

}  // namespace orashift::plsql
