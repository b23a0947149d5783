// Whether a unit writes a globally accessed application context: DBMS_SESSION.SET_CONTEXT with a
// client identifier, or CLEAR_CONTEXT of one (the argument only means something for a context
// created ACCESSED GLOBALLY; Logger's LOGGER does both). The namespace itself is often computed
// (Logger names it after the schema), so the call, not the CREATE CONTEXT, tells. Read before
// any body is converted, so that every unit reading a context (SYS_CONTEXT) also looks in the
// global store (lower_dbms_misc.cpp).
#include "convert/plsql/registry.h"
#include "convert/plsql/stmt_walk.h"

namespace orashift::plsql {

namespace ast = sql::ast;

namespace {

bool global_write(const ast::CallExpr& c) {
  std::vector<std::string> name;
  for (const auto& p : c.name) name.push_back(norm(p));
  if (name.size() == 3 && name[0] == "SYS") name.erase(name.begin());
  if (name.size() != 2 || name[0] != "DBMS_SESSION") return false;
  // SET_CONTEXT(namespace, attribute, value, username, client_id); CLEAR_CONTEXT(namespace, client_id, attribute)
  // (client_identifier in the reference)
  const std::string client = name[1] == "SET_CONTEXT" ? "CLIENT_ID" : name[1] == "CLEAR_CONTEXT" ? "CLIENT_IDENTIFIER" : "";
  const size_t position = name[1] == "SET_CONTEXT" ? 4 : 1;
  if (client.empty()) return false;
  for (size_t i = 0; i < c.args.size(); ++i) {
    std::string arg(c.args[i].name);
    for (char& ch : arg) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    if (arg.empty() ? i == position : arg == client || arg == "CLIENT_ID") return true;
  }
  return false;
}

}  // namespace

bool writes_global_context(const ast::Statement& unit) {
  bool found = false;
  walk_unit(unit, [&](const ast::CallExpr& c) { found = found || global_write(c); }, [](const ast::PlStmt&) {});
  return found;
}

}  // namespace orashift::plsql
