#include "endpoints/oracle_files/logical_records.h"

namespace orashift {

LogicalRecords::LogicalRecords(LineSource& lines, std::optional<CtlContinuation> rule, uint64_t first_line)
    : lines_(lines), rule_(std::move(rule)), next_line_(first_line) {}

bool LogicalRecords::read_physical(std::string_view& line) {
  if (!lines_.next(line)) return false;
  ++next_line_;
  return true;
}

// THIS / NEXT compare bytes start..end of the physical record with the string exactly; bytes
// the record does not have never match. LAST compares the last nonblank byte.
bool LogicalRecords::continues(std::string_view p) const {
  const CtlContinuation& c = *rule_;
  bool equal;
  if (c.kind == CtlContinuation::Kind::Last) {
    size_t e = p.find_last_not_of(" \t");
    equal = e != std::string_view::npos && p[e] == c.value[0];
  } else {
    size_t b = static_cast<size_t>(c.start - 1), n = static_cast<size_t>(c.end - c.start + 1);
    equal = p.size() >= b + n && p.compare(b, n, c.value) == 0;
  }
  return equal != c.not_equal;
}

// Without PRESERVE, THIS and NEXT remove the continuation bytes from every physical record of
// the logical record (also from the one that ends it, or starts it for NEXT), so positions in
// the field list count as if they were not there. LAST never removes anything: its byte's
// position varies from record to record (docs/sources.md, "Logical records").
void LogicalRecords::append_stripped(std::string_view p) {
  const CtlContinuation& c = *rule_;
  if (c.preserve || c.kind == CtlContinuation::Kind::Last || c.kind == CtlContinuation::Kind::Concatenate) {
    record_.append(p);
    return;
  }
  size_t b = static_cast<size_t>(c.start - 1), e = static_cast<size_t>(c.end);
  if (b >= p.size()) {
    record_.append(p);
    return;
  }
  record_.append(p.substr(0, b));
  if (e < p.size()) record_.append(p.substr(e));
}

bool LogicalRecords::next(std::string_view& record, uint64_t& line) {
  std::string_view p;
  if (!rule_) {
    line = next_line_;
    return read_physical(record);
  }
  const CtlContinuation& c = *rule_;
  record_.clear();
  switch (c.kind) {
    case CtlContinuation::Kind::Concatenate: {
      line = next_line_;
      int n = 0;
      while (n < c.count && read_physical(p)) {
        record_.append(p);
        ++n;
      }
      if (n == 0) return false;
      break;
    }
    case CtlContinuation::Kind::This:
    case CtlContinuation::Kind::Last: {
      line = next_line_;
      if (!read_physical(p)) return false;
      for (;;) {
        bool more = continues(p);
        append_stripped(p);
        if (!more || !read_physical(p)) break;  // a continued last record just ends at the end of the file
      }
      break;
    }
    case CtlContinuation::Kind::Next: {
      if (has_pending_) {
        line = pending_line_;
        has_pending_ = false;
        append_stripped(pending_);
      } else {
        line = next_line_;
        if (!read_physical(p)) return false;
        append_stripped(p);
      }
      while (read_physical(p)) {
        if (continues(p)) {
          append_stripped(p);
          continue;
        }
        pending_.assign(p);  // the next logical record's first physical record
        pending_line_ = next_line_ - 1;
        has_pending_ = true;
        break;
      }
      break;
    }
  }
  record = record_;
  return true;
}

}  // namespace orashift
