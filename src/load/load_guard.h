#pragma once
// The hooks through which the executor asks the error-policy layer (error_policy.h) what to do:
// every reject of a table passes through its data sink (which may suspend the table or stop
// the task), readers and writers stop once a table is stopped, and table-level errors are
// reported. Kept abstract so the executor does not depend on DMS's settings.
#include <string>

#include "load/endpoint.h"

namespace orashift {

class LoadGuard {
public:
  virtual ~LoadGuard() = default;
  // The sink rejects of `table` go to; it records them in `reject_file` and applies the
  // data error policy. Stable for the whole load.
  virtual RejectSink& data_sink(const std::string& table, RejectSink& reject_file) = 0;
  // Why `table` must not load further rows (suspended, or the task stopped); "" to go on.
  virtual std::string stop_reason(const std::string& table) const = 0;
  // Rows read but not loaded because the table stopped: recorded in `reject_file` with the
  // stop reason, so they are still accounted for (and can be reloaded).
  virtual void not_loaded(const std::string& table, const Batch& batch, RejectSink& reject_file,
                          const std::string& source) = 0;
  // An error of the table itself (cannot open, write or finish): the table error policy.
  virtual void table_error(const std::string& table, const std::string& message) = 0;
};

}  // namespace orashift
