#include "load/resume.h"

#include <fmt/format.h>

#include <map>

namespace orashift {

std::set<std::string> prepare_resume(TargetEndpoint& target, const std::vector<LoadUnit>& units, TaskState& state,
                                     const ResumeOptions& opt) {
  auto say = [&](const std::string& s) {
    if (opt.log) opt.log(s);
  };
  std::map<std::string, std::vector<const LoadUnit*>> by_table;
  for (const auto& u : units) by_table[u.table].push_back(&u);
  std::set<std::string> kept;
  if (!state.resuming()) return kept;
  for (const auto& [table, segs] : by_table) {
    size_t finished = 0;
    for (const LoadUnit* u : segs) finished += state.finished(*u) != nullptr;
    // Without a finished segment the table is dropped or truncated like in a fresh load.
    if (finished == 0 && !opt.prep_does_nothing) {
      if (!state.records(table).empty()) state.reset_table(table);
      continue;
    }
    // Rows on the target that no finished segment of this run accounts for: unfinished
    // segments, and finished ones this run defines differently (the segments changed).
    std::vector<std::string> conditions;
    bool whole = false;
    for (const SegmentRecord& r : state.records(table)) {
      bool current = false;
      for (const LoadUnit* u : segs) current |= u->segment == r.segment && r.same_rows(*u) && r.done;
      if (current) continue;
      if (r.segment.empty() || r.target_where.empty()) whole = true;
      else conditions.push_back(r.target_where);
    }
    const std::string name = opt.target_table(table);
    if (whole) {
      state.reset_table(table);
      if (!opt.prep_does_nothing) {
        say(fmt::format("table {}: an unfinished piece cannot be told apart on the target; the table is reloaded whole",
                        table));
        continue;  // prepared (dropped or truncated) like in a fresh load
      }
      say(fmt::format("table {}: an unfinished piece cannot be told apart on the target; deleting all its rows and "
                      "reloading it whole", table));
      target.execute("DELETE FROM " + name);
      continue;
    }
    for (const auto& c : conditions) {
      say(fmt::format("table {}: deleting the rows of an unfinished segment before redoing it (WHERE {})", table, c));
      target.execute("DELETE FROM " + name + " WHERE " + c);
    }
    if (finished) {
      kept.insert(table);
      say(fmt::format("table {}: {} of {} segments finished earlier are kept", table, finished, segs.size()));
    }
  }
  return kept;
}

}  // namespace orashift
