#pragma once
// Which SQL*Plus scripts in a folder run which (@, @@, START), the way an installer's main
// script drives the others. Lets the oracle-files source read the scripts a real install runs
// (sh_main.sql → csh_v3, lsh_v3, psh_v3) and not the stale ones lying beside them (sh_cre.sql),
// whatever the called files are named (`@schema/orders.tab;`, `@@pkg/api.pkb`, `@setup`): the
// names follow SQL*Plus's rules (sql/sqlplus_path.h). The session's schema is followed along
// (CONNECT, ALTER SESSION SET CURRENT_SCHEMA), so each script knows the schema it starts in.
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "endpoints/oracle_files/sqlplus_script.h"

namespace orashift {

struct ScriptGraph {
  // Script names are paths relative to the folder, '/'-separated ("schema/orders.tab").
  std::vector<std::string> scripts;                           // the folder's *.sql files, sorted: candidate mains
  std::map<std::string, std::vector<ScriptEvent>> events;     // per script read (candidates and every file reached)
  std::map<std::string, std::vector<std::string>> callees;    // per script, in call order
  std::set<std::string> run_by_others;
  struct Unresolved {
    std::string script;  // the caller
    uint32_t line = 0;
    std::string name;    // as written, variables shown as &name.
  };
  std::vector<Unresolved> unresolved;  // @ / @@ / START whose file is not in the folder

  // Scripts that run others and that no other script runs.
  std::vector<std::string> mains() const;
  // Scripts reached from `roots`, each once, in the order SQL*Plus runs them (a caller before its
  // callees).
  std::vector<std::string> reachable_from(const std::vector<std::string>& roots) const;
  // For each script reached from `roots`: the schema in effect when SQL*Plus starts it ("" = the
  // connecting user's, not named by the scripts). A CONNECT in a called script holds for the rest
  // of its caller too, as in SQL*Plus, where the session is one.
  std::map<std::string, std::string> start_schemas(const std::vector<std::string>& roots) const;
};

ScriptGraph build_script_graph(const std::string& dir);

}  // namespace orashift
