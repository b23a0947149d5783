#include "endpoints/oracle_files/data_reader.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <map>

#include <nlohmann/json.hpp>

#include "endpoints/oracle_files/column_convert.h"
#include "endpoints/oracle_files/line_source.h"
#include "endpoints/oracle_files/logical_records.h"

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

inline size_t find_delimiter(std::string_view rec, std::string_view d, size_t from) {
  if (from >= rec.size()) return std::string_view::npos;
  if (d.size() == 1) {
    // Most fields are a few bytes long (keys, codes, amounts): look at the first 16 bytes here
    // before paying for a call to memchr.
    const char c = d[0];
    const size_t stop = std::min(rec.size(), from + 16);
    for (size_t i = from; i < stop; ++i)
      if (rec[i] == c) return i;
    if (stop == rec.size()) return std::string_view::npos;
    const void* p = std::memchr(rec.data() + stop, c, rec.size() - stop);
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
  int parent = -1;      // index of the COLUMN OBJECT this is an attribute of
  bool has_term = false, has_encl = false, preserve = false;
  CtlTerminator term;
  CtlEnclosure encl;
  size_t max_len = kDefaultMaxFieldLength;
  std::optional<SqlExpr> expr;
  std::optional<CondPlan> nullif, defaultif;
  int lob_name = -1;                   // LOBFILE(field): the field holding the file name
  int bfile_dir = -1, bfile_name = -1; // BFILE(dir, name) fields
  bool target_bytes = false;           // the column is binary: a LOB's bytes go as hex
  bool reads_data = false;             // def->reads_data(), asked once per field, not per record
  std::string scratch;  // RECNUM / SEQUENCE text, unescaped values, LOB contents, object text
};

// One INTO TABLE clause: its fields with COLUMN OBJECT attributes flattened after their object.
struct ClausePlan {
  const IntoTable* into = nullptr;
  std::vector<FieldPlan> fields;
  std::optional<CondPlan> when;
  bool when_reads_fields = false;
  std::vector<FieldValue> raw;
  std::string unescape;  // doubled enclosures undone; raw values may point into it
  std::string error;     // why the last scan failed
  size_t failed = 0;     // field the last scan failed at
  size_t missing = 0;    // first field the record ran out before
  bool scanned_ok = false;
};

void flatten(const std::vector<CtlField>& in, int parent, std::vector<FieldPlan>& out) {
  for (const CtlField& f : in) {
    FieldPlan fp;
    fp.def = &f;
    fp.parent = parent;
    out.push_back(std::move(fp));
    if (f.column_object) flatten(f.attributes, static_cast<int>(out.size()) - 1, out);
  }
}

int field_index(const ClausePlan& c, std::string_view name) {
  for (size_t i = 0; i < c.fields.size(); ++i)
    if (c.fields[i].def->name == name) return static_cast<int>(i);
  return -1;
}

// Counts of one cause of values not loaded, with the first occurrence.
struct Note {
  uint64_t count = 0;
  std::string first;
};

enum class Charset { Utf8, Latin1 };

}  // namespace

struct DelimitedReader::Impl {
  std::string table;
  DataSource source;
  std::string control_dir, data_dir;
  RejectSink* rejects = nullptr;
  std::unique_ptr<LineSource> lines;
  std::unique_ptr<LogicalRecords> records;
  std::vector<ClausePlan> clauses;  // every INTO TABLE clause: routing needs them all
  size_t self = 0;                  // the clause this reader loads
  std::vector<ColumnTarget> targets;
  std::vector<int> target_field;  // field of clause `self` feeding each target column, -1 = none (NULL)
  bool trailing_nullcols = false;
  uint64_t skip = 0;
  Charset charset = Charset::Utf8;
  Micros now = 0;
  bool any_expr = false, any_lob = false, any_object = false;
  // Per-record passes only some control files need: generated values (CONSTANT, RECNUM,
  // SEQUENCE, SYSDATE) and fields NULLIF / DEFAULTIF / not loaded.
  bool any_generated = false, any_field_rule = false;

  uint64_t read = 0, filtered = 0, rejected = 0, record_no = 0;
  std::vector<FieldValue> vals;
  std::string transcoded, convert_scratch, error;
  std::map<std::string, Note> notes;
  bool done = false;

  ClausePlan& own() { return clauses[self]; }
  bool process(std::string_view rec, uint64_t line, Batch& batch);
  bool scan(ClausePlan& c, std::string_view rec, size_t start, size_t& end);
  bool takes(ClausePlan& c, std::string_view rec) const;
  bool condition(const CondPlan& c, const ClausePlan& clause, std::string_view rec) const;
  bool fill_lobs(uint64_t line);
  bool compose_objects(std::string& why);
  std::string resolve(std::string_view name) const;
  void note(const std::string& cause, uint64_t line, const std::string& detail) {
    Note& n = notes[cause];
    if (n.count++ == 0) n.first = source.path + ":" + std::to_string(line) + ": " + detail;
  }
  void reject(uint64_t line, std::string_view rec, std::string reason) {
    ++rejected;
    rejects->reject(Reject{table, source.path, line, std::move(reason), std::string(rec)});
  }
};

// ---- plan ------------------------------------------------------------------------------

static bool plan_condition(const CtlCondition& c, const ClausePlan& clause, Diagnostics& diags, CondPlan& out,
                           bool* reads_fields = nullptr) {
  bool ok = true;
  for (const auto& cmp : c.all) {
    CondPlan::Cmp p;
    p.start = cmp.start;
    p.end = cmp.end;
    p.not_equal = cmp.not_equal;
    p.blanks = cmp.blanks;
    p.value = cmp.value;
    if (!cmp.field.empty()) {
      p.field = field_index(clause, cmp.field);
      if (reads_fields) *reads_fields = true;
      if (p.field < 0) {
        diags.error("LDR005", "condition refers to " + cmp.field + ", which is not a field of the control file", c.span);
        ok = false;
      }
    }
    out.all.push_back(std::move(p));
  }
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

// The plan of one clause's fields: delimiters inherited from FIELDS, conditions, binds, the
// fields LOBFILE / BFILE name. Errors go to `diags` (only the loaded clause reports them).
static void plan_clause(const ControlFile& ctl, const IntoTable& into, ClausePlan& c, Diagnostics& diags) {
  c.into = &into;
  flatten(into.fields, -1, c.fields);
  c.raw.resize(c.fields.size());
  if (into.when) {
    CondPlan w;
    if (plan_condition(*into.when, c, diags, w, &c.when_reads_fields)) c.when = std::move(w);
  }
  for (FieldPlan& fp : c.fields) {
    const CtlField& f = *fp.def;
    if (f.terminator) fp.term = *f.terminator, fp.has_term = true;
    else if (into.terminator && !f.lobfile) fp.term = *into.terminator, fp.has_term = true;
    if (f.enclosure) fp.encl = *f.enclosure, fp.has_encl = true;
    else if (into.enclosure && !f.lobfile) fp.encl = *into.enclosure, fp.has_encl = true;
    fp.preserve = f.preserve_blanks.value_or(ctl.preserve_blanks);
    fp.reads_data = f.reads_data();
    if (f.length) fp.max_len = static_cast<size_t>(*f.length);
    if (f.collection) fp.max_len = SIZE_MAX;  // skipped whole, whatever its length
    if (f.reads_data() && !fp.has_term && !fp.has_encl && f.position_end == 0)
      diags.error("LDR002", "not supported: field " + f.name + " has neither a terminator nor a POSITION(start:end)", f.span);
    auto ref_field = [&](const CtlFileRef& r, const char* what) {
      if (r.is_constant()) return -1;
      int k = field_index(c, r.field);
      if (k < 0) diags.error("LDR005", "field " + f.name + ": " + what + " refers to " + r.field + ", which is not a field of the control file", f.span);
      return k;
    };
    if (f.lobfile) fp.lob_name = ref_field(f.lobfile->file, "LOBFILE");
    if (f.bfile_dir) {
      fp.bfile_dir = ref_field(*f.bfile_dir, "BFILE");
      fp.bfile_name = ref_field(*f.bfile_name, "BFILE");
    }
    if (f.nullif) {
      CondPlan cp;
      if (plan_condition(*f.nullif, c, diags, cp)) fp.nullif = std::move(cp);
    }
    if (f.defaultif) {
      CondPlan cp;
      if (plan_condition(*f.defaultif, c, diags, cp)) fp.defaultif = std::move(cp);
    }
    if (f.expr) {
      fp.expr = *f.expr;
      for_each_bind(*fp.expr, [&](SqlExpr& b) {
        b.bind_index = field_index(c, b.name);
        if (b.bind_index < 0) {
          Span at = f.sql_span;
          at.begin += 1 + b.offset;
          diags.error("LDR003", "field " + f.name + ": bind variable :" + b.name + " is not a field of the control file", at);
        }
      });
    }
  }
}

std::unique_ptr<DelimitedReader> DelimitedReader::create(const ControlFile& ctl, const Table& table,
                                                         const std::vector<LoadColumn>& columns, DataSource source,
                                                         RejectSink& rejects, Diagnostics& diags, size_t clause) {
  size_t errors_before = diags.error_count();
  for (const auto& d : ctl.diagnostics.items()) diags.add(d);
  Span file_span{ctl.source.get(), 0, 0};
  if (clause >= ctl.tables.size()) {
    if (ctl.tables.empty()) diags.error("LDR006", "control file has no INTO TABLE clause", file_span);
    return nullptr;
  }
  const IntoTable& into = ctl.tables[clause];
  auto impl = std::make_unique<Impl>();
  impl->table = table.name;
  impl->rejects = &rejects;
  impl->self = clause;
  impl->trailing_nullcols = into.trailing_nullcols;
  // OPTIONS (SKIP=n) skips logical records of the file: counted once, by the first clause.
  impl->skip = static_cast<uint64_t>(ctl.skip) + static_cast<uint64_t>(into.skip);
  impl->now = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  impl->control_dir = std::filesystem::path(ctl.path).parent_path().string();
  impl->data_dir = std::filesystem::path(source.path).parent_path().string();

  const std::string& cs = ctl.characterset;
  if (cs.empty() || cs == "UTF8" || cs == "AL32UTF8" || cs == "US7ASCII") impl->charset = Charset::Utf8;
  else if (cs == "WE8ISO8859P1" || cs == "WE8MSWIN1252" || cs == "WE8ISO8859P15") impl->charset = Charset::Latin1;
  else diags.error("LDR002", "not supported: CHARACTERSET " + cs + " (UTF8, AL32UTF8, US7ASCII, WE8ISO8859P1 and WE8MSWIN1252 are)", file_span);

  for (const CtlField& f : into.fields)
    if (!f.filler && !table.find_column(f.name))
      diags.error("LDR007", "field " + f.name + " is not a column of table " + table.name, f.span);
  // Every clause is planned (routing evaluates them all); only this one's problems are reported.
  impl->clauses.resize(ctl.tables.size());
  for (size_t k = 0; k < ctl.tables.size(); ++k) {
    Diagnostics other;
    plan_clause(ctl, ctl.tables[k], impl->clauses[k], k == clause ? diags : other);
  }
  ClausePlan& own = impl->own();
  if (!into.sid_field.empty())
    diags.add({Severity::Warning, "LDR018",
               "INTO TABLE " + into.name + " SID(" + into.sid_field +
                   "): the rows load as a table of their own; their link to the parent row's nested table column is not kept",
               into.span});
  for (const FieldPlan& fp : own.fields) {
    const CtlField& f = *fp.def;
    if (!f.not_loaded.empty())
      diags.add({Severity::Warning, "LDR018", "field " + f.name + " not loaded (" + (fp.parent < 0 ? "column NULL" : "attribute left out") + "): " + f.not_loaded, f.span});
    if (f.expr) impl->any_expr = true;
    if (f.type == CtlFieldType::Constant || f.type == CtlFieldType::Recnum || f.type == CtlFieldType::Sequence ||
        f.type == CtlFieldType::Sysdate)
      impl->any_generated = true;
    if (!f.not_loaded.empty() || fp.nullif || fp.defaultif) impl->any_field_rule = true;
    if (f.lobfile || f.bfile_dir) impl->any_lob = true;
    if (f.column_object) impl->any_object = true;
  }
  for (const LoadColumn& lc : columns) {
    const Column* col = lc.column ? lc.column : table.find_column(lc.name);
    int fi = -1;
    for (size_t i = 0; i < own.fields.size(); ++i)
      if (own.fields[i].parent < 0 && !own.fields[i].def->filler && own.fields[i].def->name == lc.name) fi = static_cast<int>(i);
    const DateMask* mask = nullptr;
    if (fi >= 0 && own.fields[fi].def->date_mask) mask = &*own.fields[fi].def->date_mask;
    if (fi >= 0) own.fields[fi].target_bytes = lc.kind == ValueKind::Bytes;
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
  impl->records = std::make_unique<LogicalRecords>(*impl->lines, ctl.continuation, source.first_line);
  impl->source = std::move(source);
  impl->vals.resize(own.fields.size());
  return std::unique_ptr<DelimitedReader>(new DelimitedReader(std::move(impl)));
}

DelimitedReader::DelimitedReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
DelimitedReader::~DelimitedReader() = default;
uint64_t DelimitedReader::rows_read() const { return impl_->read; }
uint64_t DelimitedReader::rows_filtered() const { return impl_->filtered; }
uint64_t DelimitedReader::rows_rejected() const { return impl_->rejected; }
uint64_t DelimitedReader::bytes_read() const { return impl_->lines->bytes_read(); }
uint64_t DelimitedReader::bytes_total() const { return impl_->lines->bytes_total(); }

std::vector<std::string> DelimitedReader::notes() const {
  std::vector<std::string> out;
  for (const auto& [cause, n] : impl_->notes)
    out.push_back(cause + ": " + std::to_string(n.count) + " row(s); first at " + n.first);
  return out;
}

// ---- records ---------------------------------------------------------------------------

bool DelimitedReader::next(Batch& batch, size_t max_rows) {
  Impl& m = *impl_;
  start_batch(batch, m.targets);
  if (m.done) return false;
  std::string_view rec;
  uint64_t no = 0;
  const bool counts_unrouted = m.self == 0;  // records no clause takes, SKIP, blank lines
  while (batch.rows() < max_rows) {
    if (!m.records->next(rec, no)) {
      m.done = true;
      break;
    }
    ++m.record_no;
    if (m.skip) {
      --m.skip;
      if (counts_unrouted) ++m.read, ++m.filtered;
      continue;
    }
    m.process(rec, no, batch);
  }
  return batch.rows() > 0 || !m.done;
}

bool DelimitedReader::Impl::scan(ClausePlan& c, std::string_view rec, size_t start, size_t& end_pos) {
  const size_t n = rec.size();
  size_t pos = start;
  std::vector<FieldPlan>& fields = c.fields;
  std::vector<FieldValue>& raw = c.raw;
  std::string& unescape = c.unescape;
  std::string& error = c.error;
  size_t& missing = c.missing;
  missing = fields.size();
  c.failed = fields.size();
  unescape.clear();
  unescape.reserve(n);  // views into it must survive the whole record
  auto fail = [&](size_t i) {
    c.failed = i;
    end_pos = n;
    return false;
  };
  for (size_t i = 0; i < fields.size(); ++i) {
    FieldPlan& f = fields[i];
    const CtlField& d = *f.def;
    raw[i] = FieldValue::null();
    if (!f.reads_data) continue;
    if (d.position_start == 0 && d.position_skip > 0) pos = std::min(n, pos + static_cast<size_t>(d.position_skip));
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
          return fail(i);
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
          return fail(i);
        }
        pos += f.term.text.size();
      }
    } else if (f.has_encl && !f.encl.optional) {
      error = "column " + d.name + ": initial enclosure character not found";
      return fail(i);
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
      return fail(i);
    }
    // A field of blanks is NULL unless it was enclosed or blanks are preserved.
    if (enclosed || f.preserve || !all_blank(value)) {
      raw[i] = FieldValue::of_text(value);
      raw[i].enclosed = enclosed;
    }
  }
  end_pos = pos;
  return true;
}

bool DelimitedReader::Impl::condition(const CondPlan& c, const ClausePlan& clause, std::string_view rec) const {
  for (const auto& cmp : c.all) {
    std::string_view v;
    if (cmp.field >= 0) {
      const FieldValue& fv = clause.raw[cmp.field];
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

// Whether clause `c` takes the record just scanned (scan() filled c.raw). A WHEN on positions
// only is decided on the record alone. A WHEN on fields is decided on the fields scanned; when
// the scan failed before a field the WHEN needs, the clause takes the record so that it is
// rejected with the scan's reason rather than lost.
bool DelimitedReader::Impl::takes(ClausePlan& c, std::string_view rec) const {
  if (!c.when) return true;
  if (c.when_reads_fields && !c.scanned_ok)
    for (const auto& cmp : c.when->all)
      if (cmp.field >= 0 && static_cast<size_t>(cmp.field) >= c.failed) return true;
  return condition(*c.when, c, rec);
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

// The path of a LOBFILE: as written (absolute, or relative to the data file's folder, then the
// control file's), else its file name in those folders: the files travel with the data, and
// sample installs write placeholders (__SUB__CWD__/...) for the folder they were run from.
std::string DelimitedReader::Impl::resolve(std::string_view name) const {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path p(name);
  std::vector<fs::path> tries;
  if (p.is_absolute()) tries.push_back(p);
  for (const std::string& dir : {data_dir, control_dir}) {
    if (!p.is_absolute()) tries.push_back(fs::path(dir) / p);
    tries.push_back(fs::path(dir) / p.filename());
  }
  for (const auto& t : tries)
    if (fs::is_regular_file(t, ec)) return t.string();
  return "";
}

static void hex_encode(std::string_view in, std::string& out) {
  static const char* digits = "0123456789ABCDEF";
  out.clear();
  out.reserve(in.size() * 2);
  for (char ch : in) {
    unsigned char c = static_cast<unsigned char>(ch);
    out.push_back(digits[c >> 4]);
    out.push_back(digits[c & 15]);
  }
}

static std::string_view text_of(const FieldValue& v) {
  return v.kind == FieldValue::Kind::Text ? v.text : std::string_view();
}

// LOBFILE and BFILE fields of the loaded clause, after the record's fields are scanned. A LOB
// that cannot be read does not reject the row (Oracle leaves the LOB empty): it is loaded NULL
// and counted in the notes with its cause.
bool DelimitedReader::Impl::fill_lobs(uint64_t line) {
  ClausePlan& c = own();
  for (FieldPlan& f : c.fields) {
    const CtlField& d = *f.def;
    size_t i = static_cast<size_t>(&f - c.fields.data());
    if (d.lobfile) {
      std::string_view name = d.lobfile->file.is_constant() ? std::string_view(d.lobfile->file.constant)
                                                             : (f.lob_name >= 0 ? text_of(c.raw[f.lob_name]) : std::string_view());
      c.raw[i] = FieldValue::null();
      if (name.empty()) continue;  // no file named: no LOB
      std::string path = resolve(name);
      if (path.empty()) {
        note("column " + d.name + ": LOBFILE not found, loaded NULL (Oracle loads an empty LOB)", line, std::string(name));
        continue;
      }
      try {
        f.scratch = read_file_text(path);
      } catch (const std::exception& e) {
        note("column " + d.name + ": LOBFILE not readable, loaded NULL (Oracle loads an empty LOB)", line, path + ": " + e.what());
        continue;
      }
      bool binary = f.target_bytes || d.lobfile->raw;
      if (binary && (f.target_bytes || f.parent >= 0)) {  // bytes travel as hex (RAW's text form)
        std::string hex;
        hex_encode(f.scratch, hex);
        f.scratch = std::move(hex);
      } else if (binary) {
        note("column " + d.name + ": RAW LOBFILE into a text column, loaded as hexadecimal text", line, path);
        std::string hex;
        hex_encode(f.scratch, hex);
        f.scratch = std::move(hex);
      }
      c.raw[i] = FieldValue::of_text(f.scratch);
      c.raw[i].enclosed = true;  // blanks are data
    } else if (d.bfile_dir) {
      // The target has no BFILE locator: the column holds BFILENAME('DIR', 'name') as text.
      std::string_view dir = d.bfile_dir->is_constant() ? std::string_view(d.bfile_dir->constant)
                                                        : (f.bfile_dir >= 0 ? text_of(c.raw[f.bfile_dir]) : std::string_view());
      std::string_view file = d.bfile_name->is_constant() ? std::string_view(d.bfile_name->constant)
                                                          : (f.bfile_name >= 0 ? text_of(c.raw[f.bfile_name]) : std::string_view());
      c.raw[i] = FieldValue::null();
      if (file.empty()) continue;
      auto quoted = [](std::string_view v) {
        std::string q = "'";
        for (char ch : v) q += ch == '\'' ? std::string("''") : std::string(1, ch);
        return q + "'";
      };
      f.scratch = "BFILENAME(" + quoted(dir) + ", " + quoted(file) + ")";
      c.raw[i] = FieldValue::of_text(f.scratch);
    }
  }
  return true;
}

// COLUMN OBJECT values become JSON objects of their loaded attributes (the converter stores
// object columns as text, OS1007). DATE / TIMESTAMP attributes are checked against their mask
// and written as ISO text. Inner objects are composed first (they follow their parent).
bool DelimitedReader::Impl::compose_objects(std::string& why) {
  ClausePlan& c = own();
  for (size_t i = c.fields.size(); i-- > 0;) {
    FieldPlan& f = c.fields[i];
    if (!f.def->column_object) continue;
    nlohmann::ordered_json obj = nlohmann::ordered_json::object();
    bool any = false;
    for (size_t k = i + 1; k < c.fields.size(); ++k) {
      const FieldPlan& a = c.fields[k];
      if (a.parent != static_cast<int>(i)) continue;
      const CtlField& ad = *a.def;
      if (ad.filler || !ad.not_loaded.empty()) continue;
      std::string key = ad.name.substr(f.def->name.size() + 1);
      const FieldValue& v = vals[k];
      if (v.kind == FieldValue::Kind::Null) {
        obj[key] = nullptr;
        continue;
      }
      any = true;
      if (v.kind == FieldValue::Kind::Time) {
        obj[key] = format_timestamp(v.time);
      } else if (ad.column_object) {
        obj[key] = nlohmann::ordered_json::parse(std::string(v.text));
      } else if (ad.type == CtlFieldType::Date || ad.type == CtlFieldType::Timestamp) {
        const DateMask& mask = ad.date_mask ? *ad.date_mask : (ad.type == CtlFieldType::Date ? default_date_mask() : default_timestamp_mask());
        Micros t = 0;
        std::string err;
        if (!mask.parse(v.text, t, &err)) {
          why = "column " + ad.name + ": " + oracle_date_error(err, v.text, mask);
          return false;
        }
        obj[key] = format_timestamp(t);
      } else {
        if (utf8_valid_prefix(v.text) != v.text.size()) {
          why = "column " + ad.name + ": value is not valid UTF-8";
          return false;
        }
        obj[key] = std::string(v.text);
      }
    }
    if (!any) {  // Oracle: an object whose attributes are all NULL is an atomically NULL object only with NULLIF; keep NULL
      vals[i] = FieldValue::null();
      continue;
    }
    f.scratch = obj.dump();
    vals[i] = FieldValue::of_text(f.scratch);
  }
  return true;
}

bool DelimitedReader::Impl::process(std::string_view line, uint64_t no, Batch& batch) {
  std::string_view rec = line;
  if (charset == Charset::Latin1) {
    latin1_to_utf8(line, transcoded);
    rec = transcoded;
  }
  const bool counts_unrouted = self == 0;
  if (rec.empty()) {  // blank lines carry no fields: discarded like an all-NULL record
    if (counts_unrouted) ++read, ++filtered;
    return false;
  }
  // Route: scan the clauses in order (a clause without POSITION on its first field continues
  // where the previous one stopped), up to this one, or all of them for the first clause.
  size_t pos = 0;
  bool mine = false, any = false;
  int unloadable = -1;  // a clause that takes it but cannot be loaded
  const size_t last = counts_unrouted ? clauses.size() - 1 : self;
  for (size_t k = 0; k <= last; ++k) {
    ClausePlan& c = clauses[k];
    size_t end = rec.size();
    c.scanned_ok = scan(c, rec, pos, end);
    pos = end;
    bool t = takes(c, rec);
    bool loadable = k >= source.clause_not_loaded.size() || source.clause_not_loaded[k].empty();
    if (t && !loadable && unloadable < 0) unloadable = static_cast<int>(k);
    any = any || (t && loadable);
    if (k == self) mine = t;
  }
  if (!mine) {
    if (counts_unrouted && !any) {  // no INTO TABLE takes it: discarded
      ++read, ++filtered;
      if (unloadable >= 0)
        note("records for INTO TABLE " + clauses[unloadable].into->name + " (clause " + std::to_string(unloadable + 1) +
                 ") counted as filtered here, not loaded: " + source.clause_not_loaded[unloadable],
             no, std::string(line.substr(0, 60)));
    }
    return false;
  }
  ++read;
  ClausePlan& c = own();
  std::vector<FieldPlan>& fields = c.fields;
  std::vector<FieldValue>& raw = c.raw;
  if (!c.scanned_ok) {
    reject(no, line, c.error);
    return false;
  }
  if (c.missing < fields.size() && !trailing_nullcols) {
    reject(no, line, "column " + fields[c.missing].def->name +
                         ": Column not found before end of logical record (use TRAILING NULLCOLS)");
    return false;
  }
  for (size_t i = 0; any_generated && i < fields.size(); ++i) {
    FieldPlan& f = fields[i];
    switch (f.def->type) {
      case CtlFieldType::Constant: raw[i] = FieldValue::of_text(f.def->constant); break;
      case CtlFieldType::Recnum:
        f.scratch = std::to_string(record_no);
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
  if (any_lob) fill_lobs(no);
  vals = raw;
  for (size_t i = 0; any_field_rule && i < fields.size(); ++i) {
    FieldPlan& f = fields[i];
    if (!f.def->not_loaded.empty()) vals[i] = FieldValue::null();
    else if (f.nullif && condition(*f.nullif, c, rec)) vals[i] = FieldValue::null();
    else if (f.defaultif && condition(*f.defaultif, c, rec))
      vals[i] = f.def->numeric_external() ? FieldValue::of_text("0") : FieldValue::null();
  }
  // SQL strings see the field values after NULLIF/DEFAULTIF, before any other SQL string.
  if (any_expr) {
    if (any_field_rule) raw = vals;  // otherwise vals is still a copy of raw
    for (size_t i = 0; i < fields.size(); ++i) {
      if (!fields[i].expr) continue;
      if (!eval_sql(*fields[i].expr, raw.data(), now, vals[i], error)) {
        reject(no, line, "column " + fields[i].def->name + ": " + error);
        return false;
      }
    }
  }
  if (any_object && !compose_objects(error)) {
    reject(no, line, error);
    return false;
  }
  bool all_null = true;
  for (size_t i = 0; i < fields.size() && all_null; ++i)
    if (fields[i].parent < 0 && !fields[i].def->filler && vals[i].kind != FieldValue::Kind::Null) all_null = false;
  if (all_null) {  // SQL*Loader discards records whose columns are all NULL
    ++filtered;
    return false;
  }
  for (size_t col = 0; col < targets.size(); ++col) {
    int fi = target_field[col];
    const FieldValue& v = fi >= 0 ? vals[fi] : FieldValue{};
    if (!append_converted(targets[col], v, batch.columns[col], error, convert_scratch)) {
      for (size_t k = 0; k < col; ++k) batch.columns[k].pop_back();
      reject(no, line, error);
      return false;
    }
  }
  batch.source_lines.push_back(no);
  return true;
}

}  // namespace orashift
