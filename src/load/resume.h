#pragma once
// Before a resumed load (TaskState::resuming()): makes the target hold exactly the rows of the
// segments the state file says are finished, so redoing the others cannot duplicate a row.
//
// Why delete-then-redo rather than one transaction per segment: batches must stay separate
// transactions (a dropped connection then costs one batch, retried, not a whole segment that
// would have to be read again from the source; and memory stays one batch per writer). A
// segment that was started but not finished may therefore have committed some batches; its
// rows are deleted on the target by the segment's own condition (target_where) before it is
// redone. A segment whose rows cannot be told apart on the target (a data file of a file
// source, a hash partition) makes its whole table reload: emptied, its finished segments
// forgotten.
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "load/endpoint.h"
#include "load/task_state.h"

namespace orashift {

struct ResumeOptions {
  // TargetTablePrepMode DO_NOTHING: the target is never dropped or truncated, so every table's
  // leftovers must be deleted here. Otherwise a table with no finished segment is simply
  // prepared again (dropped or truncated) like in a fresh load.
  bool prep_does_nothing = false;
  std::function<std::string(const std::string&)> target_table;  // catalog name -> quoted target name
  std::function<void(const std::string&)> log;
};

// `units` are the segments this run would load. Returns the tables that keep finished segments:
// their preparation (drop, truncate) must be skipped.
std::set<std::string> prepare_resume(TargetEndpoint& target, const std::vector<LoadUnit>& units, TaskState& state,
                                     const ResumeOptions& opt);

}  // namespace orashift
