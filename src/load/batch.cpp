#include "load/batch.h"

namespace orashift {

const char* value_kind_name(ValueKind k) {
  switch (k) {
    case ValueKind::Int64: return "int64";
    case ValueKind::Decimal: return "decimal";
    case ValueKind::Double: return "double";
    case ValueKind::Text: return "text";
    case ValueKind::Timestamp: return "timestamp";
    case ValueKind::Bytes: return "bytes";
  }
  return "?";
}

// Each kind keeps only its own vector; NULLs still take a slot so rows stay aligned.
void ColumnVector::append_null() {
  valid.push_back(0);
  switch (kind) {
    case ValueKind::Int64:
    case ValueKind::Timestamp: ints.push_back(0); break;
    case ValueKind::Decimal: decimals.push_back(0); break;
    case ValueKind::Double: doubles.push_back(0); break;
    case ValueKind::Text:
    case ValueKind::Bytes: ends.push_back(static_cast<uint32_t>(bytes.size())); break;
  }
}
void ColumnVector::pop_back() {
  if (valid.empty()) return;
  valid.pop_back();
  switch (kind) {
    case ValueKind::Int64:
    case ValueKind::Timestamp: ints.pop_back(); break;
    case ValueKind::Decimal: decimals.pop_back(); break;
    case ValueKind::Double: doubles.pop_back(); break;
    case ValueKind::Text:
    case ValueKind::Bytes:
      ends.pop_back();
      bytes.resize(ends.empty() ? 0 : ends.back());
      break;
  }
}
void ColumnVector::clear() {
  valid.clear();
  ints.clear();
  decimals.clear();
  doubles.clear();
  ends.clear();
  bytes.clear();
}
size_t ColumnVector::memory_bytes() const {
  return valid.capacity() + ints.capacity() * 8 + decimals.capacity() * 16 + doubles.capacity() * 8 +
         ends.capacity() * 4 + bytes.capacity();
}

size_t ColumnVector::data_bytes() const {
  return valid.size() + ints.size() * 8 + decimals.size() * 16 + doubles.size() * 8 + ends.size() * 4 + bytes.size();
}

template <typename T>
static void compact(std::vector<T>& v, const std::vector<uint8_t>& keep) {
  size_t out = 0;
  for (size_t i = 0; i < v.size(); ++i)
    if (keep[i]) v[out++] = v[i];
  v.resize(out);
}

void ColumnVector::retain(const std::vector<uint8_t>& keep) {
  if (kind == ValueKind::Text || kind == ValueKind::Bytes) {
    std::string packed;
    std::vector<uint32_t> new_ends;
    for (size_t i = 0; i < valid.size(); ++i) {
      if (!keep[i]) continue;
      packed.append(text(i));
      new_ends.push_back(static_cast<uint32_t>(packed.size()));
    }
    bytes = std::move(packed);
    ends = std::move(new_ends);
  }
  compact(ints, keep);
  compact(decimals, keep);
  compact(doubles, keep);
  compact(valid, keep);  // last: text(i) above reads the old layout
}

size_t Batch::retain(const std::vector<uint8_t>& keep) {
  size_t before = rows();
  for (auto& c : columns) c.retain(keep);
  compact(source_lines, keep);
  return before - rows();
}

size_t Batch::memory_bytes() const {
  size_t n = source_lines.capacity() * 8 + raw.bytes.capacity() + raw.ends.capacity() * 4;
  for (const auto& c : columns) n += c.memory_bytes();
  return n;
}
size_t Batch::data_bytes() const {
  size_t n = source_lines.size() * 8 + raw.bytes.size() + raw.ends.size() * 4;
  for (const auto& c : columns) n += c.data_bytes();
  return n;
}
void Batch::clear() {
  for (auto& c : columns) c.clear();
  source_lines.clear();
  raw.bytes.clear();
  raw.ends.clear();  // raw.format stays: the reader that set it fills the batch again
  raw.widest.clear();
}

}  // namespace orashift
