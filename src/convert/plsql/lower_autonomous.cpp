// PRAGMA AUTONOMOUS_TRANSACTION on PostgreSQL, which has no autonomous transactions: the body is
// created as name$autonomous and the routine under its own name runs it on a second connection to
// the same database through the dblink extension, so the body's COMMIT and ROLLBACK are its own
// and a caller's ROLLBACK does not undo them — what Oracle's pragma gives ("AUTONOMOUS_TRANSACTION
// Pragma", PL/SQL Language Reference). The arguments travel as literals (quote_nullable) cast to
// the parameter types; a function's result comes back as the body procedure's INOUT argument.
#include <algorithm>

#include "convert/plsql/codes.h"
#include "convert/plsql/lowerer.h"
#include "convert/plsql/plsql_support.h"
#include "common/naming.h"
#include "convert/query/sql_writer.h"

namespace orashift::plsql {

namespace ast = sql::ast;
using rewrite::upper;

bool Lowerer::autonomous_on_dblink(const ast::PlSubprogram& s) const {
  if (dialect() != Dialect::Postgres || !s.body || trigger_ || constructor_) return false;
  bool pragma = false;
  for (const auto& d : s.body->decls)
    if (d->kind == ast::PlDeclKind::Pragma && upper(static_cast<const ast::PlPragma&>(*d).name.text) == "AUTONOMOUS_TRANSACTION")
      pragma = true;
  if (!pragma) return false;
  // A function's OUT parameters are flagged anyway (parameter_list); a procedure's come back as
  // the CALL's result row.
  if (s.is_function)
    for (const auto& p : s.params)
      if (upper(p.mode).find("OUT") != std::string::npos) return false;
  return true;
}

std::string Lowerer::autonomous_routines(const ast::PlSubprogram& s, const std::string& full, const std::string& display,
                                         const std::string& head, const std::string& body,
                                         const std::vector<std::pair<std::string, std::string>>& captured) {
  res_.uses_dblink = true;
  size_t dot = full.find("\".\"");
  std::string prefix = dot == std::string::npos ? "" : full.substr(0, dot + 2);  // "schema".
  std::string body_name = prefix + quote_ident(target_name(routine_target_) + "$autonomous");
  std::string body_head = head;
  body_head.replace(body_head.find(full + "("), full.size(), body_name);
  // The wrapper: the routine's own parameters as parameter_list declares them (a member's SELF
  // first, INOUT for a procedure), the arguments as literals; an OUT parameter gets NULL. The
  // values that come back — OUT and IN OUT parameters, a function's result — are the CALL's row.
  struct Param {
    std::string name, type, mode, default_sql;
  };
  std::vector<Param> list;
  if (!method_type_.empty() && !static_method_)
    list.push_back({quote_ident("self"), object_type_info(method_type_).sql, s.is_function ? "" : "INOUT", ""});
  for (const auto& p : s.params) {
    if (!method_type_.empty() && upper(std::string(p.name.text)) == "SELF") continue;
    std::string mode = upper(p.mode);
    mode.erase(std::remove(mode.begin(), mode.end(), ' '), mode.end());
    TypeInfo t = resolve_type(p.type);
    list.push_back({quote_ident(target_name(norm(p.name))), t.sql.empty() ? "text" : t.sql,
                    mode == "OUT" || mode == "INOUT" ? mode : "", p.default_value ? expr(*p.default_value) : ""});
  }
  std::string params, args, columns, targets, values;
  size_t returned = 0;
  // Defaults on the last parameters only, as parameter_list writes them (it raised the item).
  size_t last_plain = 0;
  for (size_t i = 0; i < list.size(); ++i)
    if (list[i].default_sql.empty()) last_plain = i + 1;
  for (size_t i = 0; i < list.size(); ++i) {
    const Param& p = list[i];
    params += (params.empty() ? "" : ", ") + (p.mode.empty() ? "" : p.mode + " ") + p.name + " " + p.type;
    if (!p.default_sql.empty() && i >= last_plain) params += " DEFAULT " + p.default_sql;
    std::string literal = p.mode == "OUT" ? quote_literal("NULL::" + p.type) : "quote_nullable(" + p.name + ") || '::" + p.type + "'";
    args += std::string(args.empty() ? "" : " || ', ' || ") + literal;
    if (p.mode.empty()) continue;
    std::string c = "c" + std::to_string(++returned);
    columns += (columns.empty() ? "" : ", ") + c + " " + p.type;
    values += std::string(values.empty() ? "" : ", ") + "t." + c;
    // Assigned one by one from a record: SELECT … INTO a composite variable would spread a
    // composite column over its fields.
    targets += "  " + p.name + " := r." + c + ";\n";
  }
  // The captured names follow the body's own parameters (and a function's INOUT result).
  std::string captured_args;
  for (const auto& [name, type] : captured) {
    params += (params.empty() ? "" : ", ") + name + " " + type;
    captured_args += " || ', ' || quote_nullable(" + name + ") || '::" + type + "'";
  }
  std::string conn = std::string(kAutonomousConnectionFunction) + "()";
  std::string call_args = args.empty() ? "" : " || " + args;
  if (!s.is_function && !captured.empty()) {
    call_args += captured_args;
    if (args.empty()) call_args.erase(0, std::string(" || ', '").size());  // the first argument: no comma
  }
  std::string wrapper;
  if (s.is_function) {
    TypeInfo rt = resolve_type(*s.return_type);
    std::string list_sql = call_args + std::string(args.empty() ? "" : " || ', '") + " || 'NULL'" + captured_args;
    wrapper = "CREATE OR REPLACE FUNCTION " + full + "(" + params + ")\nRETURNS " + rt.sql + "\nLANGUAGE plpgsql\nAS " +
              "$orashift$\nDECLARE\n  r " + rt.sql + ";\nBEGIN\n  SELECT t.r INTO r FROM dblink(" + conn + ", 'CALL ' || " +
              quote_literal(body_name) + " || '('" + list_sql + " || ')') AS t(r " + rt.sql +
              ");\n  RETURN r;\nEND\n$orashift$;\n";
  } else if (!columns.empty()) {
    wrapper = "CREATE OR REPLACE PROCEDURE " + full + "(" + params + ")\nLANGUAGE plpgsql\nAS $orashift$\nDECLARE\n  r record;\nBEGIN\n" +
              "  SELECT " + values + " INTO r FROM dblink(" + conn + ", 'CALL ' || " + quote_literal(body_name) +
              " || '('" + call_args + " || ')') AS t(" + columns + ");\n" + targets + "END\n$orashift$;\n";
  } else {
    wrapper = "CREATE OR REPLACE PROCEDURE " + full + "(" + params + ")\nLANGUAGE plpgsql\nAS $orashift$\nBEGIN\n" +
              "  PERFORM dblink_exec(" + conn + ", 'CALL ' || " + quote_literal(body_name) + " || '('" +
              call_args + " || ')');\nEND\n$orashift$;\n";
  }
  item(plsql_codes::kBehaviour,
       "PRAGMA AUTONOMOUS_TRANSACTION: " + display + " runs its body (" + body_name +
           ") on a second connection through the dblink extension, so its COMMIT is its own and a caller's ROLLBACK does "
           "not undo it, as in Oracle; the connection is the setting orashift.autonomous_connection, else this "
           "database on the server's socket as the current user (a superuser, or a password in the setting)",
       s.span);
  return routine_text(body_head, body, "") + wrapper;
}

}  // namespace orashift::plsql
