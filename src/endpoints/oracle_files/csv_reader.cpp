#include "endpoints/oracle_files/csv_reader.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <optional>

#include "endpoints/oracle_files/column_convert.h"
#include "endpoints/oracle_files/line_source.h"

namespace orashift {

namespace {

std::string upper(std::string_view s) {
  std::string u(s);
  for (char& c : u) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return u;
}

enum class Split { Ok, Incomplete, Bad };

// Splits one CSV record (RFC 4180). Quoted fields may hold commas, doubled quotes and line
// breaks; Incomplete means a quote is still open at the end (the record continues on the next
// line). Views point into `rec` or, for fields with "" escapes, into `unescaped`.
Split split_record(std::string_view rec, std::vector<std::string_view>& out, std::string& unescaped, std::string& error) {
  out.clear();
  unescaped.clear();
  unescaped.reserve(rec.size());  // views into it must stay valid
  size_t i = 0, n = rec.size();
  for (;;) {
    if (i < n && rec[i] == '"') {
      size_t start = ++i;
      bool doubled = false;
      for (;;) {
        size_t q = rec.find('"', i);
        if (q == std::string_view::npos) return Split::Incomplete;
        if (q + 1 < n && rec[q + 1] == '"') {
          doubled = true;
          i = q + 2;
          continue;
        }
        if (doubled) {
          size_t b = unescaped.size();
          for (size_t k = start; k < q; ++k) {
            unescaped.push_back(rec[k]);
            if (rec[k] == '"') ++k;
          }
          out.push_back(std::string_view(unescaped).substr(b));
        } else {
          out.push_back(rec.substr(start, q - start));
        }
        i = q + 1;
        break;
      }
      if (i < n && rec[i] != ',') {
        error = "field " + std::to_string(out.size()) + ": text after the closing quote";
        return Split::Bad;
      }
    } else {
      size_t e = rec.find(',', i);
      if (e == std::string_view::npos) e = n;
      std::string_view v = rec.substr(i, e - i);
      if (v.find('"') != std::string_view::npos) {
        error = "field " + std::to_string(out.size() + 1) + ": quote inside an unquoted field";
        return Split::Bad;
      }
      out.push_back(v);
      i = e;
    }
    if (i >= n) return Split::Ok;
    ++i;  // the comma
  }
}

bool column_not_null(const Table& table, const Column& col) {
  if (!col.nullable) return true;
  for (const auto& k : table.constraints) {
    if (!k.enabled || (k.kind != ConstraintKind::PrimaryKey && k.kind != ConstraintKind::NotNull)) continue;
    if (std::find(k.columns.begin(), k.columns.end(), col.name) != k.columns.end()) return true;
  }
  return false;
}

}  // namespace

std::string csv_table_for(const std::string& file_name, const Catalog& catalog, std::string& error) {
  std::string stem = std::filesystem::path(file_name).stem().string();
  for (const auto& t : catalog.tables)
    if (t.name == stem) return t.name;
  std::vector<std::string> hits;
  for (const auto& t : catalog.tables)
    if (upper(t.name) == upper(stem)) hits.push_back(t.name);
  if (hits.size() > 1) error = file_name + " matches several tables ignoring case: " + hits[0] + ", " + hits[1];
  return hits.size() == 1 ? hits[0] : std::string();
}

struct CsvReader::Impl {
  std::string path, table;
  RejectSink* rejects = nullptr;
  std::unique_ptr<LineSource> lines;
  std::vector<ColumnTarget> targets;
  std::vector<int> source_field;  // per target column: header index, -1 = not in the file (NULL)
  size_t header_fields = 0;
  std::optional<DateMask> date_mask, ts_mask;
  uint64_t next_line = 1, read = 0, filtered = 0, rejected = 0;
  std::string record, unescaped, error, scratch;
  std::vector<std::string_view> fields;
  bool done = false;

  void reject(uint64_t line, std::string reason) {
    ++rejected;
    rejects->reject(Reject{table, path, line, path + ":" + std::to_string(line) + ": " + reason, record});
  }
  // The next logical record (quoted line breaks joined with LF); false at the end of the file.
  bool next_record(uint64_t& first_line, Split& state) {
    std::string_view line;
    if (!lines->next(line)) return false;
    first_line = next_line++;
    record.assign(line);
    for (;;) {
      state = split_record(record, fields, unescaped, error);
      if (state != Split::Incomplete) return true;
      if (!lines->next(line)) {
        error = "a quoted field is not closed before the end of the file";
        state = Split::Bad;
        return true;
      }
      ++next_line;
      record.push_back('\n');
      record.append(line);
    }
  }
};

std::unique_ptr<CsvReader> CsvReader::create(const std::string& path, const Table& table,
                                             const std::vector<LoadColumn>& columns, const CsvOptions& options,
                                             RejectSink& rejects, std::string& error) {
  auto m = std::make_unique<Impl>();
  m->path = path;
  m->table = table.name;
  m->rejects = &rejects;
  std::string why;
  m->date_mask = DateMask::compile(options.date_format, &why);
  if (!m->date_mask) {
    error = "CSV date format '" + options.date_format + "': " + why;
    return nullptr;
  }
  m->ts_mask = DateMask::compile(options.timestamp_format, &why);
  if (!m->ts_mask) {
    error = "CSV timestamp format '" + options.timestamp_format + "': " + why;
    return nullptr;
  }
  std::string open_error;
  m->lines = std::make_unique<LineSource>(path, 0, options.chunk_bytes, open_error);
  if (!open_error.empty()) {
    error = path + ": " + open_error;
    return nullptr;
  }
  uint64_t first = 0;
  Split state;
  if (!m->next_record(first, state)) {
    error = path + ":1: the file is empty; a header record naming the columns is required";
    return nullptr;
  }
  if (state == Split::Bad) {
    error = path + ":1: header: " + m->error;
    return nullptr;
  }
  // The header, with a UTF-8 byte order mark dropped.
  std::vector<const Column*> header;
  for (size_t i = 0; i < m->fields.size(); ++i) {
    std::string_view h = m->fields[i];
    if (i == 0 && h.substr(0, 3) == "\xEF\xBB\xBF") h.remove_prefix(3);
    while (!h.empty() && (h.front() == ' ' || h.front() == '\t')) h.remove_prefix(1);
    while (!h.empty() && (h.back() == ' ' || h.back() == '\t')) h.remove_suffix(1);
    const Column* col = table.find_column(h);
    if (!col)
      for (const auto& c : table.columns)
        if (upper(c.name) == upper(h)) col = &c;
    if (!col) {
      error = path + ":1: header field " + std::to_string(i + 1) + " '" + std::string(h) + "' is not a column of table " + table.name;
      return nullptr;
    }
    if (std::find(header.begin(), header.end(), col) != header.end()) {
      error = path + ":1: column " + col->name + " appears twice in the header";
      return nullptr;
    }
    header.push_back(col);
  }
  m->header_fields = header.size();
  for (const LoadColumn& lc : columns) {
    const Column* col = lc.column ? lc.column : table.find_column(lc.name);
    LoadColumn with = lc;
    with.column = col;
    const DateMask* mask = nullptr;
    if (col && lc.kind == ValueKind::Timestamp) mask = col->type.name == "DATE" ? &*m->date_mask : &*m->ts_mask;
    m->targets.push_back(make_column_target(with, col && column_not_null(table, *col), mask));
    int fi = -1;
    for (size_t i = 0; i < header.size(); ++i)
      if (header[i]->name == lc.name) fi = static_cast<int>(i);
    m->source_field.push_back(fi);
  }
  return std::unique_ptr<CsvReader>(new CsvReader(std::move(m)));
}

CsvReader::CsvReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CsvReader::~CsvReader() = default;
uint64_t CsvReader::rows_read() const { return impl_->read; }
uint64_t CsvReader::rows_filtered() const { return impl_->filtered; }
uint64_t CsvReader::rows_rejected() const { return impl_->rejected; }
uint64_t CsvReader::bytes_read() const { return impl_->lines->bytes_read(); }
uint64_t CsvReader::bytes_total() const { return impl_->lines->bytes_total(); }

bool CsvReader::next(Batch& batch, size_t max_rows) {
  Impl& m = *impl_;
  start_batch(batch, m.targets);
  if (m.done) return false;
  while (batch.rows() < max_rows) {
    uint64_t line = 0;
    Split state;
    if (!m.next_record(line, state)) {
      m.done = true;
      break;
    }
    ++m.read;
    if (m.record.empty()) {  // a blank line holds no record
      ++m.filtered;
      continue;
    }
    if (state == Split::Bad) {
      m.reject(line, m.error);
      continue;
    }
    if (m.fields.size() != m.header_fields) {
      m.reject(line, "the record has " + std::to_string(m.fields.size()) + " fields; the header has " +
                         std::to_string(m.header_fields));
      continue;
    }
    bool ok = true;
    for (size_t c = 0; c < m.targets.size() && ok; ++c) {
      int fi = m.source_field[c];
      FieldValue v = fi >= 0 ? FieldValue::of_text(m.fields[fi]) : FieldValue::null();  // '' is NULL
      if (!append_converted(m.targets[c], v, batch.columns[c], m.error, m.scratch)) {
        for (size_t k = 0; k < c; ++k) batch.columns[k].pop_back();
        m.reject(line, m.error);
        ok = false;
      }
    }
    if (ok) batch.source_lines.push_back(line);
  }
  return batch.rows() > 0 || !m.done;
}

}  // namespace orashift
