#pragma once
// Which SQL*Plus scripts in a folder run which (@, @@, START), the way an installer's main
// script drives the others. Lets the oracle-files source read the scripts a real install runs
// (sh_main.sql → csh_v3, lsh_v3, psh_v3) and not the stale ones lying beside them (sh_cre.sql).
#include <map>
#include <set>
#include <string>
#include <vector>

#include "endpoints/oracle_files/sqlplus_script.h"

namespace orashift {

struct ScriptGraph {
  std::vector<std::string> scripts;                           // *.sql file names, sorted
  std::map<std::string, std::vector<ScriptEvent>> events;     // per script
  std::map<std::string, std::vector<std::string>> callees;    // per script, in call order
  std::set<std::string> run_by_others;

  // Scripts that run others and that no other script runs.
  std::vector<std::string> mains() const;
  // Scripts reached from `roots`, each once, a caller before its callees.
  std::vector<std::string> reachable_from(const std::vector<std::string>& roots) const;
};

ScriptGraph build_script_graph(const std::string& dir);

}  // namespace orashift
