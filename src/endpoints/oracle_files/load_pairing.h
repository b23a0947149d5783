#pragma once
// Which data file goes with which SQL*Loader control file in a directory. The rules, in the
// order they decide (docs/sources.md, "Pairing"):
//   1. a SQL*Plus loader script in the directory (HOST/!/$ sqlldr control=… data=…) says which
//      control files run and with which data; its DEFINEs are applied and arguments it only
//      receives are bound by matching the files present. Control files it does not run are
//      skipped. As sqlldr does, data= replaces the control file's first INFILE.
//   2. otherwise a control file's own INFILE names (relative to its directory);
//   3. otherwise the data file with the control file's stem: X.ctl ↔ X.dat.
// A named data file that does not exist gives a pair with `missing` set and a reason.
#include <memory>
#include <string>
#include <vector>

#include "common/diagnostic.h"
#include "endpoints/oracle_files/control_file.h"

namespace orashift {

struct LoadPair {
  std::string control;        // path of the control file
  std::string data;           // path of the data file (== control when the data follows BEGINDATA)
  bool missing = false;
  std::string missing_reason;
  std::string origin;         // why this pairing: "lsh_v3.sql:108", "INFILE", "same name"
  std::shared_ptr<const ControlFile> ctl;
};

struct SkippedFile {
  std::string path;
  std::string reason;         // e.g. "not referenced by the load script lsh_v3.sql"
};

struct Pairing {
  std::vector<LoadPair> pairs;
  std::vector<SkippedFile> skipped;       // control files (and loader scripts) not used
  std::vector<std::string> loader_scripts;  // every *.sql that runs sqlldr (excluded from DDL)
  std::vector<std::string> warnings;      // e.g. a control file named by a script that is absent
};

Pairing pair_load_files(const std::string& dir);

}  // namespace orashift
