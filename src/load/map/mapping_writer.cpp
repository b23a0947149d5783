#include "load/map/mapping_writer.h"

#include "common/naming.h"
#include "load/copy_text.h"
#include "load/map/value_convert.h"

namespace orashift {

Batch empty_batch_for(const std::vector<LoadColumn>& columns) {
  Batch b;
  b.columns.resize(columns.size());
  for (size_t c = 0; c < columns.size(); ++c) {
    b.columns[c].kind = columns[c].kind;
    b.columns[c].scale = columns[c].scale;
  }
  return b;
}

MappingWriter::MappingWriter(std::string table, const TableRoute& route, std::unique_ptr<TableWriter> inner,
                             ErrorPolicyGuard* policy)
    : table_(std::move(table)), route_(route), inner_(std::move(inner)), policy_(policy),
      out_(empty_batch_for(route.target_columns)), raw_cut_(empty_batch_for(route.target_columns)),
      identity_(is_identity(route)) {}

// Every target column is the source column at the same place, of the same kind and scale, with
// nothing to fill or turn into NULL, and nothing to cut but LOBs over the limit (limited LOB
// mode, the default): map() copies each value as it is unless a LOB is too long.
bool MappingWriter::is_identity(const TableRoute& route) {
  if (route.empty_as_null || route.outputs.size() != route.source_columns.size() ||
      route.target_columns.size() != route.outputs.size())
    return false;
  for (size_t i = 0; i < route.outputs.size(); ++i) {
    const ColumnOutput& o = route.outputs[i];
    const LoadColumn &from = route.source_columns[i], &to = route.target_columns[i];
    if (o.source != static_cast<int>(i) || o.expression || o.lob_as_null || o.char_limit ||
        from.kind != to.kind || (from.kind == ValueKind::Decimal && from.scale != to.scale))
      return false;
  }
  return true;
}

namespace {

// The longest prefix of `s` of at most `limit` bytes that does not split a UTF-8 character.
size_t utf8_cut(std::string_view s, size_t limit) {
  size_t n = std::min(limit, s.size());
  while (n > 0 && n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return n;
}

// Bytes of the first `chars` UTF-8 characters of `s` (all of it when it has fewer).
size_t utf8_prefix_chars(std::string_view s, uint64_t chars) {
  uint64_t seen = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (seen++ == chars) return i;
  }
  return s.size();
}

}  // namespace

void MappingWriter::map(const Batch& in, Batch& out, RejectSink& rejects, const std::string& source) {
  out.clear();
  struct Cut {
    size_t column;
    uint64_t original, kept;
    const char* limit;
  };
  std::vector<Cut> cuts;
  for (size_t row = 0; row < in.rows(); ++row) {
    std::string reason;
    size_t done = 0;
    cuts.clear();
    for (; done < route_.outputs.size(); ++done) {
      const ColumnOutput& o = route_.outputs[done];
      ColumnVector& dst = out.columns[done];
      bool ok = true;
      std::string why;
      if (o.lob_as_null) {
        dst.append_null();
      } else if (o.source >= 0) {
        const ColumnVector& src = in.columns[static_cast<size_t>(o.source)];
        if (o.lob_limit_bytes && !src.is_null(row) && (src.kind == ValueKind::Text || src.kind == ValueKind::Bytes) &&
            src.text(row).size() > o.lob_limit_bytes) {
          std::string_view v = src.text(row);
          size_t keep = src.kind == ValueKind::Text ? utf8_cut(v, o.lob_limit_bytes) : o.lob_limit_bytes;
          cuts.push_back({done, v.size(), keep, "LOB size limit"});
          ok = append_parsed(dst, v.substr(0, keep), &why);
        } else {
          ok = append_converted(src, row, dst, &why);
        }
      } else if (o.expression) {
        if (auto col = o.expression->single_column()) {
          ok = append_converted(in.columns[*col], row, dst, &why);
        } else if (!o.expression->eval_text(in, row, scratch_)) {
          dst.append_null();
        } else {
          ok = append_parsed(dst, scratch_, &why);
        }
      } else {
        dst.append_null();
      }
      if (!ok) {
        reason = "column " + target_name(o.name) + ": " + why;
        break;
      }
      if (o.char_limit && dst.kind == ValueKind::Text && !dst.is_null(dst.size() - 1)) {
        std::string_view v = dst.text(dst.size() - 1);
        size_t keep = utf8_prefix_chars(v, o.char_limit);
        if (keep < v.size()) {
          std::string cut(v.substr(0, keep));
          uint64_t original = v.size();
          dst.pop_back();
          dst.append_text(cut);
          cuts.push_back({done, original, keep, "length of the rule's string type"});
        }
      }
      if (route_.empty_as_null && dst.kind == ValueKind::Text && !dst.is_null(dst.size() - 1) &&
          dst.text(dst.size() - 1).empty()) {
        dst.pop_back();
        dst.append_null();
      }
    }
    auto undo = [&](size_t columns) {
      for (size_t c = 0; c < columns; ++c) out.columns[c].pop_back();
    };
    auto make_reject = [&](std::string why) { return batch_row_reject(table_, source, in, row, std::move(why)); };
    if (done < route_.outputs.size()) {
      undo(done);
      rejects.reject(make_reject(std::move(reason)));
      continue;
    }
    bool keep = true;
    for (const Cut& c : cuts) {
      if (!policy_) continue;
      Truncation t{source, row < in.source_lines.size() ? in.source_lines[row] : 0,
                   target_name(route_.outputs[c.column].name), c.original, c.kept, c.limit};
      if (!policy_->truncated(table_, t, make_reject(""))) {
        keep = false;
        break;
      }
    }
    if (!keep) {
      undo(route_.outputs.size());
      continue;
    }
    out.source_lines.push_back(row < in.source_lines.size() ? in.source_lines[row] : 0);
  }
}

bool MappingWriter::lob_over_limit(const Batch& batch) const {
  if (batch.raw.format) {
    for (size_t i = 0; i < route_.outputs.size() && i < batch.raw.widest.size(); ++i)
      if (over_lob_limit(i, batch.raw.widest[i])) return true;
    return false;
  }
  for (size_t i = 0; i < route_.outputs.size(); ++i) {
    const ColumnVector& c = batch.columns[i];
    if (!over_lob_limit(i, INT64_MAX)) continue;  // no limit, or not a LOB
    for (size_t row = 0; row < batch.rows(); ++row)
      if (!c.is_null(row) && over_lob_limit(i, static_cast<int64_t>(c.text(row).size()))) return true;
  }
  return false;
}

uint64_t MappingWriter::write(const Batch& batch, RejectSink& rejects, const std::string& source) {
  if (identity_ && !lob_over_limit(batch)) return inner_->write(batch, rejects, source);  // no copy of every value
  if (batch.raw.format) {  // identity_: takes_raw() allows nothing else
    const Batch& cut = raw_cut(batch, source);
    return cut.rows() ? inner_->write(cut, rejects, source) : 0;
  }
  map(batch, out_, rejects, source);
  if (out_.rows() == 0) return 0;
  return inner_->write(out_, rejects, source);
}

bool MappingWriter::over_lob_limit(size_t column, int64_t size) const {
  const uint64_t limit = route_.outputs[column].lob_limit_bytes;
  const ValueKind kind = route_.source_columns[column].kind;
  return limit && (kind == ValueKind::Text || kind == ValueKind::Bytes) && size > static_cast<int64_t>(limit);
}

const Batch& MappingWriter::raw_cut(const Batch& batch, const std::string& source) {
  const RawRowFormat& format = *batch.raw.format;
  raw_cut_.clear();
  raw_cut_.raw.format = &format;
  std::string row_bytes, next;
  for (size_t row = 0; row < batch.rows(); ++row) {
    const uint64_t line = row < batch.source_lines.size() ? batch.source_lines[row] : 0;
    row_bytes.assign(batch.raw.row(row));
    bool keep = true;
    for (size_t c = 0; c < route_.outputs.size() && keep; ++c) {
      if (!over_lob_limit(c, batch.raw.widest.empty() ? INT64_MAX : batch.raw.widest[c])) continue;  // no LOB over here
      const std::optional<std::string_view> value = format.value(row_bytes, c);
      if (!value || !over_lob_limit(c, static_cast<int64_t>(value->size()))) continue;
      const std::string_view v = *value;
      const uint64_t limit = route_.outputs[c].lob_limit_bytes;
      const size_t kept = route_.source_columns[c].kind == ValueKind::Text ? utf8_cut(v, limit) : limit;
      Truncation t{source, line, target_name(route_.outputs[c].name), v.size(), kept, "LOB size limit"};
      next.clear();
      format.append_replaced(next, row_bytes, c, v.substr(0, kept));
      row_bytes.swap(next);
      if (policy_) keep = policy_->truncated(table_, t, batch_row_reject(table_, source, batch, row, ""));
    }
    if (!keep) continue;
    raw_cut_.raw.bytes += row_bytes;
    raw_cut_.raw.ends.push_back(static_cast<uint32_t>(raw_cut_.raw.bytes.size()));
    raw_cut_.source_lines.push_back(line);
  }
  return raw_cut_;
}

}  // namespace orashift
