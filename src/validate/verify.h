#pragma once
// The walkthrough's verification: row counts per table on both sides, and the sales check —
// count and sum of AMOUNT_SOLD per channel (SALES joined to CHANNELS) computed from the source
// files and by the target's own SQL.
#include <string>
#include <vector>

#include "load/endpoint.h"
#include "load/executor.h"

namespace orashift {

struct CountCheck {
  std::string table;
  uint64_t source_rows = 0;   // rows the source delivered and the loader accepted
  int64_t target_rows = -1;   // COUNT(*) on the target, -1 if the query failed
  std::string error;
  bool ok() const { return error.empty() && target_rows >= 0 && static_cast<uint64_t>(target_rows) == source_rows; }
};

struct ChannelRow {
  std::string channel;
  uint64_t sales = 0;
  std::string amount;  // exact decimal text
};

struct ChannelCheck {
  bool applicable = false;
  std::string skipped_reason;
  std::vector<ChannelRow> source, target;
  std::string error;
  bool ok() const;
};

struct Verification {
  std::vector<CountCheck> counts;
  ChannelCheck channels;
  bool ok() const;
};

Verification verify_load(const SourceEndpoint& source, TargetEndpoint& target, const std::vector<LoadUnit>& units,
                         const LoadReport& load);

std::string format_verification(const Verification& v);

}  // namespace orashift
