#pragma once
// Logical records of a SQL*Loader data file: physical records (lines) joined as CONCATENATE n
// or CONTINUEIF says, before any field is split (Oracle Database Utilities, "Assembling Logical
// Records from Physical Records"). Without either clause a line is a record and nothing is
// copied. Each record carries the line number of its first physical record, so rejects point
// where a user starts reading.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "endpoints/oracle_files/control_file.h"
#include "endpoints/oracle_files/line_source.h"

namespace orashift {

class LogicalRecords {
public:
  // `lines` must outlive this; `first_line` is the line number of its first line.
  LogicalRecords(LineSource& lines, std::optional<CtlContinuation> rule, uint64_t first_line);

  // The next logical record (valid until the next call) and the line it starts on.
  bool next(std::string_view& record, uint64_t& line);

private:
  bool read_physical(std::string_view& line);
  bool continues(std::string_view physical) const;  // THIS / NEXT / LAST test
  void append_stripped(std::string_view physical);

  LineSource& lines_;
  std::optional<CtlContinuation> rule_;
  uint64_t next_line_;
  std::string record_;
  std::string pending_;      // NEXT: the physical record read ahead
  bool has_pending_ = false;
  uint64_t pending_line_ = 0;
};

}  // namespace orashift
