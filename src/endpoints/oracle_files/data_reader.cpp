#include "endpoints/oracle_files/data_reader.h"

#include <chrono>
#include <cstring>

#include "endpoints/oracle_files/column_convert.h"
#include "endpoints/oracle_files/line_source.h"

namespace orashift {

namespace {

// SQL*Loader's maximum length of a delimited field without an explicit length (CHAR(255)).
constexpr size_t kDefaultMaxFieldLength = 255;

bool whitespace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
bool all_blank(std::string_view s) {
  for (char c : s)
    if (!whitespace(c)) return false;
  return true;
}

// SQL*Loader compares a field with a string after padding the shorter one with blanks.
bool pad_equal(std::string_view a, std::string_view b) {
  if (a.size() < b.size()) std::swap(a, b);
  if (a.compare(0, b.size(), b) != 0) return false;
  for (size_t i = b.size(); i < a.size(); ++i)
    if (a[i] != ' ') return false;
  return true;
}

size_t find_delimiter(std::string_view rec, std::string_view d, size_t from) {
  if (from >= rec.size()) return std::string_view::npos;
  if (d.size() == 1) {
    const void* p = std::memchr(rec.data() + from, d[0], rec.size() - from);
    return p ? static_cast<size_t>(static_cast<const char*>(p) - rec.data()) : std::string_view::npos;
  }
  return rec.find(d, from);
}

struct CondPlan {
  struct Cmp {
    int field = -1;
    int start = 0, end = 0;
    bool not_equal = false, blanks = false;
    std::string value;
  };
  std::vector<Cmp> all;
};

struct FieldPlan {
  const CtlField* def = nullptr;
  bool has_term = false, has_encl = false, preserve = false;
  CtlTerminator term;
  CtlEnclosure encl;
  size_t max_len = kDefaultMaxFieldLength;
  std::optional<SqlExpr> expr;
  std::optional<CondPlan> nullif, defaultif;
  std::string scratch;  // RECNUM / SEQUENCE text, unescaped values
};

enum class Charset { Utf8, Latin1 };

}  // namespace

struct DelimitedReader::Impl {
  std::string table;
  DataSource source;
  RejectSink* rejects = nullptr;
  std::unique_ptr<LineSource> lines;
  std::vector<FieldPlan> fields;
  std::vector<ColumnTarget> targets;
  std::vector<int> target_field;  // ctl field feeding each target column, -1 = none (NULL)
  std::optional<CondPlan> when;
  bool trailing_nullcols = false;
  uint64_t skip = 0;
  Charset charset = Charset::Utf8;
  Micros now = 0;
  bool any_expr = false;

  uint64_t next_line = 1, read = 0, filtered = 0, rejected = 0;
  std::vector<FieldValue> raw, vals;
  std::string unescape, transcoded, convert_scratch, error;
  bool done = false;

  bool process(std::string_view rec, uint64_t line, Batch& batch);
  bool scan(std::string_view rec, size_t& missing);
  bool condition(const CondPlan& c, std::string_view rec) const;
  void reject(uint64_t line, std::string_view rec, std::string reason) {
    ++rejected;
    rejects->reject(Reject{table, source.path, line, std::move(reason), std::string(rec)});
  }
};

// ---- plan ------------------------------------------------------------------------------

static bool plan_condition(const CtlCondition& c, const IntoTable& into, const ControlFile& ctl, Diagnostics& diags,
                           CondPlan& out) {
  bool ok = true;
  for (const auto& cmp : c.all) {
    CondPlan::Cmp p;
    p.start = cmp.start;
    p.end = cmp.end;
    p.not_equal = cmp.not_equal;
    p.blanks = cmp.blanks;
    p.value = cmp.value;
    if (!cmp.field.empty()) {
      for (size_t i = 0; i < into.fields.size(); ++i)
        if (into.fields[i].name == cmp.field) p.field = static_cast<int>(i);
      if (p.field < 0) {
        diags.error("LDR005", "condition refers to " + cmp.field + ", which is not a field of the control file", c.span);
        ok = false;
      }
    }
    out.all.push_back(std::move(p));
  }
  (void)ctl;
  return ok;
}

static bool column_not_null(const Table& table, const Column& col) {
  if (!col.nullable) return true;
  for (const auto& k : table.constraints) {
    if (!k.enabled) continue;
    if (k.kind != ConstraintKind::PrimaryKey && k.kind != ConstraintKind::NotNull) continue;
    for (const auto& c : k.columns)
      if (c == col.name) return true;
  }
  return false;
}

std::unique_ptr<DelimitedReader> DelimitedReader::create(const ControlFile& ctl, const Table& table,
                                                         const std::vector<LoadColumn>& columns, DataSource source,
                                                         RejectSink& rejects, Diagnostics& diags) {
  size_t errors_before = diags.error_count();
  for (const auto& d : ctl.diagnostics.items()) diags.add(d);
  Span file_span{ctl.source.get(), 0, 0};
  if (ctl.tables.size() != 1) {
    if (ctl.tables.empty()) diags.error("LDR006", "control file has no INTO TABLE clause", file_span);
    return nullptr;
  }
  const IntoTable& into = ctl.tables.front();
  auto impl = std::make_unique<Impl>();
  impl->table = table.name;
  impl->rejects = &rejects;
  impl->trailing_nullcols = into.trailing_nullcols;
  impl->skip = static_cast<uint64_t>(ctl.skip) + static_cast<uint64_t>(into.skip);
  impl->now = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch()).count();

  const std::string& cs = ctl.characterset;
  if (cs.empty() || cs == "UTF8" || cs == "AL32UTF8" || cs == "US7ASCII") impl->charset = Charset::Utf8;
  else if (cs == "WE8ISO8859P1" || cs == "WE8MSWIN1252" || cs == "WE8ISO8859P15") impl->charset = Charset::Latin1;
  else diags.error("LDR002", "not supported: CHARACTERSET " + cs + " (UTF8, AL32UTF8, US7ASCII, WE8ISO8859P1 and WE8MSWIN1252 are)", file_span);

  if (into.when) {
    CondPlan c;
    if (plan_condition(*into.when, into, ctl, diags, c)) impl->when = std::move(c);
  }
  for (const CtlField& f : into.fields) {
    FieldPlan fp;
    fp.def = &f;
    if (f.terminator) fp.term = *f.terminator, fp.has_term = true;
    else if (into.terminator) fp.term = *into.terminator, fp.has_term = true;
    if (f.enclosure) fp.encl = *f.enclosure, fp.has_encl = true;
    else if (into.enclosure) fp.encl = *into.enclosure, fp.has_encl = true;
    fp.preserve = f.preserve_blanks.value_or(ctl.preserve_blanks);
    if (f.length) fp.max_len = static_cast<size_t>(*f.length);
    if (f.reads_data() && !fp.has_term && !fp.has_encl && f.position_end == 0)
      diags.error("LDR002", "not supported: field " + f.name + " has neither a terminator nor a POSITION(start:end)", f.span);
    if (!f.filler && !table.find_column(f.name))
      diags.error("LDR007", "field " + f.name + " is not a column of table " + table.name, f.span);
    if (f.nullif) {
      CondPlan c;
      if (plan_condition(*f.nullif, into, ctl, diags, c)) fp.nullif = std::move(c);
    }
    if (f.defaultif) {
      CondPlan c;
      if (plan_condition(*f.defaultif, into, ctl, diags, c)) fp.defaultif = std::move(c);
    }
    if (f.expr) {
      fp.expr = *f.expr;
      impl->any_expr = true;
      for_each_bind(*fp.expr, [&](SqlExpr& b) {
        for (size_t i = 0; i < into.fields.size(); ++i)
          if (into.fields[i].name == b.name) b.bind_index = static_cast<int>(i);
        if (b.bind_index < 0) {
          Span at = f.sql_span;
          at.begin += 1 + b.offset;
          diags.error("LDR003", "field " + f.name + ": bind variable :" + b.name + " is not a field of the control file", at);
        }
      });
    }
    impl->fields.push_back(std::move(fp));
  }
  for (const LoadColumn& lc : columns) {
    const Column* col = lc.column ? lc.column : table.find_column(lc.name);
    int fi = -1;
    for (size_t i = 0; i < into.fields.size(); ++i)
      if (!into.fields[i].filler && into.fields[i].name == lc.name) fi = static_cast<int>(i);
    const DateMask* mask = nullptr;
    if (fi >= 0 && into.fields[fi].date_mask) mask = &*into.fields[fi].date_mask;
    LoadColumn with_col = lc;
    with_col.column = col;
    impl->targets.push_back(make_column_target(with_col, col && column_not_null(table, *col), mask));
    impl->target_field.push_back(fi);
  }
  if (diags.error_count() > errors_before) return nullptr;

  std::string open_error;
  if (source.text) impl->lines = std::make_unique<LineSource>(*source.text, source.offset);
  else impl->lines = std::make_unique<LineSource>(source.path, source.offset, source.chunk_bytes, open_error, source.end);
  if (!open_error.empty()) {
    diags.error("LDR004", source.path + ": " + open_error, file_span);
    return nullptr;
  }
  impl->next_line = source.first_line;
  impl->source = std::move(source);
  impl->raw.resize(impl->fields.size());
  impl->vals.resize(impl->fields.size());
  return std::unique_ptr<DelimitedReader>(new DelimitedReader(std::move(impl)));
}

DelimitedReader::DelimitedReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
DelimitedReader::~DelimitedReader() = default;
uint64_t DelimitedReader::rows_read() const { return impl_->read; }
uint64_t DelimitedReader::rows_filtered() const { return impl_->filtered; }
uint64_t DelimitedReader::rows_rejected() const { return impl_->rejected; }
uint64_t DelimitedReader::bytes_read() const { return impl_->lines->bytes_read(); }
uint64_t DelimitedReader::bytes_total() const { return impl_->lines->bytes_total(); }

// ---- records ---------------------------------------------------------------------------

bool DelimitedReader::next(Batch& batch, size_t max_rows) {
  Impl& m = *impl_;
  start_batch(batch, m.targets);
  if (m.done) return false;
  std::string_view line;
  while (batch.rows() < max_rows) {
    if (!m.lines->next(line)) {
      m.done = true;
      break;
    }
    ++m.read;
    uint64_t no = m.next_line++;
    if (m.skip) {
      --m.skip;
      ++m.filtered;
      continue;
    }
    m.process(line, no, batch);
  }
  return batch.rows() > 0 || !m.done;
}

// Splits the record into raw field values. False with `error` set when the record is
// malformed; `missing` is the first field the record ran out before (== fields.size() if none).
bool DelimitedReader::Impl::scan(std::string_view rec, size_t& missing) {
  const size_t n = rec.size();
  size_t pos = 0;
  missing = fields.size();
  unescape.clear();
  unescape.reserve(n);  // views into it must survive the whole record
  for (size_t i = 0; i < fields.size(); ++i) {
    FieldPlan& f = fields[i];
    const CtlField& d = *f.def;
    raw[i] = FieldValue::null();
    if (!d.reads_data()) continue;
    if (d.position_start > 0) {
      pos = static_cast<size_t>(d.position_start - 1);
      if (pos >= n) continue;  // an absolute position past the end is NULL, never an error
      if (d.position_end > 0) {
        size_t e = std::min(n, static_cast<size_t>(d.position_end));
        std::string_view v = rec.substr(pos, e - pos);
        if (!f.preserve)  // fixed-size fields lose trailing blanks (LDRTRIM)
          while (!v.empty() && whitespace(v.back())) v.remove_suffix(1);
        raw[i] = f.preserve || !all_blank(v) ? FieldValue::of_text(v) : FieldValue::null();
        pos = e;
        continue;
      }
    }
    if (missing < fields.size()) continue;
    size_t q = pos;
    while (q < n && (rec[q] == ' ' || rec[q] == '\t')) ++q;
    if (f.has_term && f.term.whitespace) pos = q;
    if (pos >= n) {
      missing = i;
      continue;
    }
    std::string_view value;
    bool enclosed = false;
    if (f.has_encl && q < n && rec[q] == f.encl.open[0] && rec.compare(q, f.encl.open.size(), f.encl.open) == 0) {
      const std::string& close = f.encl.close;
      size_t start = q + f.encl.open.size(), at = start;
      bool doubled = false;
      size_t end;
      for (;;) {
        end = find_delimiter(rec, close, at);
        if (end == std::string_view::npos) {
          error = "column " + d.name + ": second enclosure string not present";
          return false;
        }
        size_t after = end + close.size();
        if (after < n && rec[after] == close[0] && rec.compare(after, close.size(), close) == 0) {  // doubled: literal
          doubled = true;
          at = end + 2 * close.size();
          continue;
        }
        break;
      }
      if (doubled) {
        size_t b = unescape.size();
        for (size_t k = start; k < end;) {
          if (rec.compare(k, close.size(), close) == 0) {
            unescape.append(close);
            k += 2 * close.size();
          } else {
            unescape.push_back(rec[k++]);
          }
        }
        value = std::string_view(unescape).substr(b);
      } else {
        value = rec.substr(start, end - start);
      }
      enclosed = true;
      pos = end + close.size();
      while (pos < n && (rec[pos] == ' ' || rec[pos] == '\t')) ++pos;
      if (f.has_term && !f.term.whitespace && pos < n) {
        if (rec.compare(pos, f.term.text.size(), f.term.text) != 0) {
          error = "column " + d.name + ": no terminator found after TERMINATED and ENCLOSED field";
          return false;
        }
        pos += f.term.text.size();
      }
    } else if (f.has_encl && !f.encl.optional) {
      error = "column " + d.name + ": initial enclosure character not found";
      return false;
    } else {
      // LDRTRIM: leading blanks go only when an optional enclosure was possible but absent.
      if (f.has_encl && !f.preserve) pos = q;
      size_t start = pos, end;
      if (f.has_term && f.term.whitespace) {
        end = start;
        while (end < n && !whitespace(rec[end])) ++end;
        pos = end;
        while (pos < n && whitespace(rec[pos])) ++pos;
      } else {
        size_t t = find_delimiter(rec, f.term.text, start);
        end = t == std::string_view::npos ? n : t;
        pos = t == std::string_view::npos ? n : t + f.term.text.size();
      }
      value = rec.substr(start, end - start);
    }
    if (value.size() > f.max_len) {
      error = "column " + d.name + ": Field in data file exceeds maximum length (" + std::to_string(value.size()) +
              " bytes, maximum " + std::to_string(f.max_len) + (d.length ? ")" : "; declare it CHAR(n) in the control file)");
      return false;
    }
    // A field of blanks is NULL unless it was enclosed or blanks are preserved.
    if (enclosed || f.preserve || !all_blank(value)) {
      raw[i] = FieldValue::of_text(value);
      raw[i].enclosed = enclosed;
    }
  }
  return true;
}

bool DelimitedReader::Impl::condition(const CondPlan& c, std::string_view rec) const {
  for (const auto& cmp : c.all) {
    std::string_view v;
    if (cmp.field >= 0) {
      const FieldValue& fv = raw[cmp.field];
      if (fv.kind == FieldValue::Kind::Text) v = fv.text;
    } else {
      size_t b = static_cast<size_t>(cmp.start - 1);
      v = b < rec.size() ? rec.substr(b, static_cast<size_t>(cmp.end - cmp.start + 1)) : std::string_view();
    }
    bool eq = cmp.blanks ? all_blank(v) : pad_equal(v, cmp.value);
    if (eq == cmp.not_equal) return false;
  }
  return true;
}

static void latin1_to_utf8(std::string_view in, std::string& out) {
  out.clear();
  for (char ch : in) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      out.push_back(ch);
    } else {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
}

bool DelimitedReader::Impl::process(std::string_view line, uint64_t no, Batch& batch) {
  std::string_view rec = line;
  if (charset == Charset::Latin1) {
    latin1_to_utf8(line, transcoded);
    rec = transcoded;
  }
  if (rec.empty()) {  // blank lines carry no fields: discarded like an all-NULL record
    ++filtered;
    return false;
  }
  size_t missing;
  if (!scan(rec, missing)) {
    reject(no, line, error);
    return false;
  }
  if (missing < fields.size() && !trailing_nullcols) {
    reject(no, line, "column " + fields[missing].def->name +
                         ": Column not found before end of logical record (use TRAILING NULLCOLS)");
    return false;
  }
  for (size_t i = 0; i < fields.size(); ++i) {
    FieldPlan& f = fields[i];
    switch (f.def->type) {
      case CtlFieldType::Constant: raw[i] = FieldValue::of_text(f.def->constant); break;
      case CtlFieldType::Recnum:
        f.scratch = std::to_string(read);
        raw[i] = FieldValue::of_text(f.scratch);
        break;
      case CtlFieldType::Sequence:
        f.scratch = std::to_string(f.def->sequence_start + static_cast<int64_t>(read - 1) * f.def->sequence_step);
        raw[i] = FieldValue::of_text(f.scratch);
        break;
      case CtlFieldType::Sysdate:
        raw[i] = FieldValue{};
        raw[i].kind = FieldValue::Kind::Time;
        raw[i].time = now;
        break;
      default: break;
    }
  }
  if (when && !condition(*when, rec)) {
    ++filtered;
    return false;
  }
  vals = raw;
  for (size_t i = 0; i < fields.size(); ++i) {
    FieldPlan& f = fields[i];
    if (f.nullif && condition(*f.nullif, rec)) vals[i] = FieldValue::null();
    else if (f.defaultif && condition(*f.defaultif, rec))
      vals[i] = f.def->numeric_external() ? FieldValue::of_text("0") : FieldValue::null();
  }
  // SQL strings see the field values after NULLIF/DEFAULTIF, before any other SQL string.
  if (any_expr) {
    raw = vals;
    for (size_t i = 0; i < fields.size(); ++i) {
      if (!fields[i].expr) continue;
      if (!eval_sql(*fields[i].expr, raw.data(), now, vals[i], error)) {
        reject(no, line, "column " + fields[i].def->name + ": " + error);
        return false;
      }
    }
  }
  bool all_null = true;
  for (size_t i = 0; i < fields.size() && all_null; ++i)
    if (!fields[i].def->filler && vals[i].kind != FieldValue::Kind::Null) all_null = false;
  if (all_null) {  // SQL*Loader discards records whose columns are all NULL
    ++filtered;
    return false;
  }
  for (size_t c = 0; c < targets.size(); ++c) {
    int fi = target_field[c];
    const FieldValue& v = fi >= 0 ? vals[fi] : FieldValue{};
    if (!append_converted(targets[c], v, batch.columns[c], error, convert_scratch)) {
      for (size_t k = 0; k < c; ++k) batch.columns[k].pop_back();
      reject(no, line, error);
      return false;
    }
  }
  batch.source_lines.push_back(no);
  return true;
}

}  // namespace orashift
