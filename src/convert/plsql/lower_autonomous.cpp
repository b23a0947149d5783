// PRAGMA AUTONOMOUS_TRANSACTION on PostgreSQL, which has no autonomous transactions: the body is
// created as name$autonomous and the routine under its own name runs it on a second connection to
// the same database through the dblink extension, so the body's COMMIT and ROLLBACK are its own
// and a caller's ROLLBACK does not undo them — what Oracle's pragma gives ("AUTONOMOUS_TRANSACTION
// Pragma", PL/SQL Language Reference). The arguments travel as literals (quote_nullable) cast to
// the parameter types; a function's result comes back as the body procedure's INOUT argument.
#include "convert/plsql/codes.h"
#include "convert/plsql/lowerer.h"
#include "convert/plsql/plsql_support.h"
#include "common/naming.h"
#include "convert/query/sql_writer.h"

namespace orashift::plsql {

namespace ast = sql::ast;
using rewrite::upper;

bool Lowerer::autonomous_on_dblink(const ast::PlSubprogram& s) const {
  if (dialect() != Dialect::Postgres || !s.body || trigger_ || !method_type_.empty()) return false;
  bool pragma = false;
  for (const auto& d : s.body->decls)
    if (d->kind == ast::PlDeclKind::Pragma && upper(static_cast<const ast::PlPragma&>(*d).name.text) == "AUTONOMOUS_TRANSACTION")
      pragma = true;
  if (!pragma) return false;
  // OUT and IN OUT values cannot come back over dblink (a function's result can).
  for (const auto& p : s.params)
    if (upper(p.mode).find("OUT") != std::string::npos) return false;
  return true;
}

std::string Lowerer::autonomous_routines(const ast::PlSubprogram& s, const std::string& full, const std::string& display,
                                         const std::string& head, const std::string& body) {
  res_.uses_dblink = true;
  size_t dot = full.find("\".\"");
  std::string prefix = dot == std::string::npos ? "" : full.substr(0, dot + 2);  // "schema".
  std::string body_name = prefix + quote_ident(target_name(routine_target_) + "$autonomous");
  std::string body_head = head;
  body_head.replace(body_head.find(full + "("), full.size(), body_name);
  // The wrapper: the routine's own parameters (with their defaults), the arguments as literals.
  std::string params, args;
  for (const auto& p : s.params) {
    TypeInfo t = resolve_type(p.type);
    std::string name = quote_ident(target_name(norm(p.name)));
    std::string type = t.sql.empty() ? "text" : t.sql;
    params += (params.empty() ? "" : ", ") + name + " " + type;
    if (p.default_value) params += " DEFAULT " + expr(*p.default_value);
    args += std::string(args.empty() ? "" : " || ', ' || ") + "quote_nullable(" + name + ") || '::" + type + "'";
  }
  std::string conn = std::string(kAutonomousConnectionFunction) + "()";
  std::string call_args = args.empty() ? "" : " || " + args;
  std::string wrapper;
  if (s.is_function) {
    TypeInfo rt = resolve_type(*s.return_type);
    std::string list = call_args + std::string(args.empty() ? "" : " || ', '") + " || 'NULL'";
    wrapper = "CREATE OR REPLACE FUNCTION " + full + "(" + params + ")\nRETURNS " + rt.sql + "\nLANGUAGE plpgsql\nAS " +
              "$orashift$\nDECLARE\n  r " + rt.sql + ";\nBEGIN\n  SELECT t.r INTO r FROM dblink(" + conn + ", 'CALL ' || " +
              quote_literal(body_name) + " || '('" + list + " || ')') AS t(r " + rt.sql +
              ");\n  RETURN r;\nEND\n$orashift$;\n";
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
