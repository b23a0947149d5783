#include "endpoints/postgres/postgres_source.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <map>
#include <set>
#include <stdexcept>

#include "common/naming.h"
#include "endpoints/postgres/pg_conninfo.h"
#include "endpoints/postgres/pg_connection.h"
#include "endpoints/postgres/pg_copy_binary.h"
#include "endpoints/postgres/pg_partitions.h"

namespace orashift {

namespace {

// The Oracle type whose mapping gives back the PostgreSQL type (docs/sources.md).
OracleType oracle_type_for(const std::string& data_type, const std::optional<std::string>& len,
                           const std::optional<std::string>& prec, const std::optional<std::string>& scale) {
  OracleType t;
  auto num = [](const std::optional<std::string>& s) { return s ? std::optional<int>(std::atoi(s->c_str())) : std::nullopt; };
  if (data_type == "smallint") t = OracleType::number(4, 0);
  else if (data_type == "integer") t = OracleType::number(9, 0);
  else if (data_type == "bigint") t = OracleType::number(18, 0);
  else if (data_type == "numeric") {
    t.name = "NUMBER";
    t.precision = num(prec);
    t.scale = prec ? num(scale) : std::nullopt;
  } else if (data_type == "double precision") t.name = "BINARY_DOUBLE";
  else if (data_type == "real") t.name = "BINARY_FLOAT";
  else if (data_type == "character varying" && len) {
    t.name = "VARCHAR2";
    t.length = num(len);
    t.char_semantics = true;  // PostgreSQL counts characters
  } else if (data_type == "character" && len) {
    t.name = "CHAR";
    t.length = num(len);
    t.char_semantics = true;
  } else if (data_type == "date") t.name = "DATE";
  else if (data_type == "timestamp without time zone") {
    t.name = "TIMESTAMP";
    t.precision = 6;
  } else if (data_type == "timestamp with time zone") {
    t.name = "TIMESTAMP";
    t.precision = 6;
    t.suffix = "WITH TIME ZONE";
  } else if (data_type == "bytea") t.name = "BLOB";
  else t.name = "CLOB";  // text, varchar without length, json, uuid, boolean…: carried as text
  return t;
}

class CopyReader : public TableReader {
public:
  CopyReader(const std::string& conninfo, const std::string& schema, const LoadUnit& unit,
             const std::vector<LoadColumn>& cols, RejectSink& rejects)
      : conn_(conninfo), table_(unit.table), cols_(cols), rejects_(rejects) {
    conn_.execute("SET TimeZone = 'UTC'");
    conn_.execute("SET DateStyle = 'ISO, YMD'");
    conn_.execute("SET extra_float_digits = 3");
    const std::string& relation = unit.relation.empty() ? unit.table : unit.relation;
    // The table's schema qualifies it (a partition is in its parent's schema).
    const std::string from = schema.empty() ? quote_ident(relation) : quote_ident(schema) + "." + quote_ident(relation);
    choose_format(from);
    std::string sql = "COPY (SELECT ";
    // Names come from PostgreSQL's own catalog: quoted exactly as they are.
    for (size_t i = 0; i < cols.size(); ++i) sql += (i ? ", " : "") + quote_ident(cols[i].name);
    // A segment reads its partition (a child table) and/or the rows its condition selects;
    // the condition was built from quoted identifiers and literals (src/load/segments.cpp).
    sql += " FROM " + from;
    if (!unit.where.empty()) sql += " WHERE " + unit.where;
    sql += ") TO STDOUT";
    if (binary_) sql += " (FORMAT binary)";
    PgResult r(PQexec(conn_.get(), sql.c_str()), &PQclear);
    if (PQresultStatus(r.get()) != PGRES_COPY_OUT) throw std::runtime_error("postgres: " + conn_.error_of(r.get()));
  }

  ~CopyReader() override {
    if (message_) PQfreemem(message_);
  }

  bool next(Batch& batch, size_t max_rows) override {
    if (binary_) return next_binary(batch, max_rows);
    batch.clear();
    while (batch.rows() < max_rows) {
      if (ended_ || !next_message()) {
        ended_ = true;
        return false;
      }
      std::string_view row(message_, size_);  // one line per message
      if (!row.empty() && row.back() == '\n') row.remove_suffix(1);
      ++rows_;
      add_row(batch, row);
    }
    return true;
  }
  uint64_t rows_read() const override { return rows_; }
  uint64_t bytes_read() const override { return bytes_; }
  const RawRowFormat* raw_format() const override { return raw_format_.column_types.empty() ? nullptr : &raw_format_; }
  std::vector<std::string> notes() const override {
    if (!raw_) return {};
    return {"rows passed through as binary COPY tuples, undecoded: the target's columns have the source's types, "
            "whose own checks apply (values no Oracle type holds, such as NaN or infinity, load as they are)"};
  }
  void pass_raw() override { raw_ = raw_format() != nullptr; }

private:
  // Binary when every column's source type decodes exactly into its kind (pg_copy_binary.h):
  // the server skips formatting every value as text and we skip parsing it back.
  void choose_format(const std::string& qualified_relation) {
    QueryResult attrs = conn_.query_params(
        "SELECT a.attname, a.atttypid, " + std::string(pg_binary::kPassTypeSql) + " FROM pg_attribute a "
        "WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped",
        {qualified_relation});
    binary_ = true;
    std::vector<std::string> types;
    for (const LoadColumn& c : cols_) {
      unsigned oid = 0;
      for (const auto& row : attrs.rows)
        if (row[0] == c.name) {
          oid = static_cast<unsigned>(std::stoul(row[1].value_or("0")));
          types.push_back(row[2].value_or(""));
        }
      oids_.push_back(oid);
      binary_ = binary_ && pg_binary_decodes(oid, c.kind);
    }
    // The tuples can pass through to a target whose columns have these very types: the types
    // decoded here are PostgreSQL's built-in ones, whose binary form names no OID.
    if (binary_ && types.size() == cols_.size()) {
      raw_format_.encoding = pg_binary::kTupleEncoding;
      raw_format_.column_types = std::move(types);
    }
  }

  using Fields = std::vector<std::optional<std::string_view>>;

  // What the tuples passed through are, for the writer and for reject records.
  class TupleFormat : public RawRowFormat {
  public:
    explicit TupleFormat(const CopyReader& reader) : reader_(reader) {}
    std::string row_text(std::string_view row) const override {
      Fields fields;
      if (!reader_.split_tuple(row.data(), row.size(), fields)) return "(malformed binary tuple)";
      return reader_.binary_row_text(fields);
    }
    // Text and bytea fields are the value's bytes (text in the client encoding, UTF-8).
    std::optional<std::string_view> value(std::string_view row, size_t column) const override {
      Fields fields;
      if (!reader_.split_tuple(row.data(), row.size(), fields)) return std::nullopt;
      return fields[column];
    }
    void append_replaced(std::string& out, std::string_view row, size_t column, std::string_view value) const override {
      Fields fields;
      if (!reader_.split_tuple(row.data(), row.size(), fields) || !fields[column]) {
        out.append(row);
        return;
      }
      const size_t at = static_cast<size_t>(fields[column]->data() - row.data());  // the value, after its length word
      out.append(row.substr(0, at - 4));
      const uint32_t n = static_cast<uint32_t>(value.size());
      const char be[4] = {char(n >> 24), char(n >> 16), char(n >> 8), char(n)};
      out.append(be, 4);
      out.append(value);
      out.append(row.substr(at + fields[column]->size()));
    }

  private:
    const CopyReader& reader_;
  };

  // The fields of the tuple at `p` (`n` bytes, its field count first); false when it does not
  // have one field per column or runs past `n`.
  bool split_tuple(const char* p, size_t n, Fields& fields) const {
    fields.clear();
    if (n < 2 || pg_binary::get16(p) != cols_.size()) return false;
    size_t at = 2;
    for (size_t c = 0; c < cols_.size(); ++c) {
      if (n - at < 4) return false;
      int32_t len = static_cast<int32_t>(pg_binary::get32(p + at));
      at += 4;
      if (len < 0) {
        fields.emplace_back();
        continue;
      }
      if (n - at < static_cast<size_t>(len)) return false;
      fields.emplace_back(std::string_view(p + at, static_cast<size_t>(len)));
      at += static_cast<size_t>(len);
    }
    return at == n;
  }

  // Next CopyData message into message_/size_; false at the end of the data.
  bool next_message() {
    if (message_) PQfreemem(message_);
    message_ = nullptr;
    at_ = size_ = 0;
    int n = PQgetCopyData(conn_.get(), &message_, 0);
    if (n == -1) {  // end of data: collect the COPY's final status
      PgResult r(PQgetResult(conn_.get()), &PQclear);
      if (PQresultStatus(r.get()) != PGRES_COMMAND_OK) throw std::runtime_error("postgres: " + conn_.error_of(r.get()));
      return false;
    }
    if (n < 0) throw std::runtime_error("postgres: COPY failed: " + conn_.error_of(nullptr));
    size_ = static_cast<size_t>(n);
    bytes_ += size_;
    return true;
  }

  void malformed() { throw std::runtime_error("postgres: malformed binary COPY data from " + table_); }

  // The server sends a row per CopyData message (the header rides with the first, the
  // trailer may share one), so a message is read as a sequence of tuples.
  bool next_binary(Batch& batch, size_t max_rows) {
    batch.clear();
    while (batch.rows() < max_rows) {
      if (at_ == size_) {
        if (ended_ || !next_message()) {
          ended_ = true;
          return false;  // the rows of this batch still count (TableReader::next)
        }
        if (done_) malformed();  // data after the trailer
        if (!header_read_) {
          // "PGCOPY\n\377\r\n\0", flags, extension length, extension.
          if (size_ < 19 || std::memcmp(message_, "PGCOPY\n\377\r\n\0", 11) != 0) malformed();
          uint32_t ext = pg_binary::get32(message_ + 15);
          at_ = 19 + ext;
          if (at_ > size_) malformed();
          header_read_ = true;
          continue;
        }
      }
      auto take = [&](size_t n) {
        if (size_ - at_ < n) malformed();
        const char* p = message_ + at_;
        at_ += n;
        return p;
      };
      int16_t fields = static_cast<int16_t>(pg_binary::get16(take(2)));
      if (fields == -1) {  // the trailer: the end of data follows
        done_ = true;
        if (at_ != size_) malformed();
        continue;
      }
      if (static_cast<size_t>(fields) != cols_.size()) malformed();
      ++rows_;
      if (raw_) {
        pass_tuple(batch);
        continue;
      }
      fields_.clear();
      for (size_t c = 0; c < cols_.size(); ++c) {
        const char* p = take(4);
        int32_t len = static_cast<int32_t>(pg_binary::get32(p));
        if (len < 0) fields_.emplace_back();
        else fields_.emplace_back(std::string_view(take(static_cast<size_t>(len)), static_cast<size_t>(len)));
      }
      add_binary_row(batch);
    }
    return true;
  }

  // The tuple whose field count was just read, into batch.raw as it is (its fields' lengths
  // checked, so a writer can send it whole).
  void pass_tuple(Batch& batch) {
    const size_t begin = at_ - 2;
    std::vector<int64_t>& widest = batch.raw.widest;
    if (widest.size() != cols_.size()) widest.assign(cols_.size(), -1);
    for (size_t c = 0; c < cols_.size(); ++c) {
      if (size_ - at_ < 4) malformed();
      const char* p = message_ + at_;
      at_ += 4;
      int32_t len = static_cast<int32_t>(pg_binary::get32(p));
      widest[c] = std::max<int64_t>(widest[c], len);
      if (len > 0) {
        if (size_ - at_ < static_cast<size_t>(len)) malformed();
        at_ += static_cast<size_t>(len);
      }
    }
    batch.raw.format = &raw_format_;
    batch.raw.bytes.append(message_ + begin, at_ - begin);
    batch.raw.ends.push_back(static_cast<uint32_t>(batch.raw.bytes.size()));
    batch.source_lines.push_back(rows_);
  }

  void add_binary_row(Batch& batch) {
    if (auto why = decode_fields(fields_, batch)) {
      rejects_.reject({table_, "COPY " + table_, rows_, std::move(*why), binary_row_text(fields_)});
      return;
    }
    batch.source_lines.push_back(rows_);
  }

  // Appends the row's values to the batch's columns; the reason when one has no exact form in
  // its column's kind (nothing appended then).
  std::optional<std::string> decode_fields(const Fields& fields, Batch& batch) const {
    for (size_t c = 0; c < cols_.size(); ++c) {
      if (!fields[c]) {
        batch.columns[c].append_null();
        continue;
      }
      if (append_binary_field(batch.columns[c], oids_[c], *fields[c])) continue;
      for (size_t k = 0; k < c; ++k) batch.columns[k].pop_back();
      return cannot_read(c, binary_field_text(oids_[c], *fields[c]));
    }
    return std::nullopt;
  }

  // The row as the text format would have carried it, for the reject record.
  std::string binary_row_text(const Fields& fields) const {
    std::string out;
    for (size_t c = 0; c < cols_.size(); ++c) {
      if (c) out += '\t';
      if (!fields[c]) {
        out += "\\N";
        continue;
      }
      for (char ch : binary_field_text(oids_[c], *fields[c])) {
        switch (ch) {
          case '\\': out += "\\\\"; break;
          case '\t': out += "\\t"; break;
          case '\n': out += "\\n"; break;
          case '\r': out += "\\r"; break;
          default: out += ch;
        }
      }
    }
    return out;
  }

  std::string cannot_read(size_t col, const std::string& text) const {
    std::string reason = "column " + cols_[col].name + ": cannot read '" + text + "' as " + value_kind_name(cols_[col].kind);
    if (cols_[col].kind == ValueKind::Decimal)
      reason += " with " + std::to_string(cols_[col].scale) +
                " fractional digits (NUMERIC without precision travels as NUMERIC(38,10), see OS1001)";
    return reason;
  }

  // Converts one COPY line; a value that does not fit its column rejects the whole row.
  void add_row(Batch& batch, std::string_view row) {
    size_t col = 0, start = 0;
    size_t failed_at = SIZE_MAX;  // a failing column appended nothing
    std::string reason;
    for (;;) {
      size_t tab = row.find('\t', start);  // memchr: scanning byte by byte was a sixth of the load
      size_t i = tab == std::string_view::npos ? row.size() : tab;
      if (col >= cols_.size()) {
        reason = "more fields than columns";
        break;
      }
      std::string_view f = row.substr(start, i - start);
      if (!append(batch.columns[col], cols_[col], f)) {
        failed_at = col;
        reason = cannot_read(col, std::string(f));
      }
      ++col;
      if (tab == std::string_view::npos || !reason.empty()) break;
      start = i + 1;
    }
    if (reason.empty() && col != cols_.size()) reason = "fewer fields than columns";
    if (!reason.empty()) {
      size_t appended = std::min(failed_at, std::min(col, batch.columns.size()));
      for (size_t c = 0; c < appended; ++c) batch.columns[c].pop_back();
      rejects_.reject({table_, "COPY " + table_, rows_, reason, std::string(row)});
      return;
    }
    batch.source_lines.push_back(rows_);
  }

  bool append(ColumnVector& v, const LoadColumn& lc, std::string_view f) {
    if (f == "\\N") {
      v.append_null();
      return true;
    }
    if (f.find('\\') != std::string_view::npos) {
      decode_copy_text(f, scratch_);
      f = scratch_;
    }
    switch (lc.kind) {
      case ValueKind::Int64: {
        int64_t x;
        auto [p, ec] = std::from_chars(f.data(), f.data() + f.size(), x);
        if (ec != std::errc() || p != f.data() + f.size()) return false;
        v.append_int(x);
        return true;
      }
      case ValueKind::Decimal: {
        Int128 x;
        if (fast_decimal(f, lc.scale, x)) {
          v.append_decimal(x);
          return true;
        }
        bool rounded = false;
        if (parse_decimal(f, lc.scale, x, &rounded) != DecimalParse::Ok || rounded) return false;
        v.append_decimal(x);
        return true;
      }
      case ValueKind::Double: {
        std::string s(f);
        char* end = nullptr;
        double d = s == "NaN" ? NAN : s == "Infinity" ? INFINITY : s == "-Infinity" ? -INFINITY : std::strtod(s.c_str(), &end);
        if (end && *end) return false;
        v.append_double(d);
        return true;
      }
      case ValueKind::Timestamp: {
        Micros t;
        if (!parse_pg_timestamp(f, t)) return false;
        v.append_int(t);
        return true;
      }
      case ValueKind::Bytes: {
        if (f.substr(0, 2) != "\\x") {  // bytea_output = escape: take the bytes as they are
          v.append_text(f);
          return true;
        }
        std::string bytes;
        std::string_view hex = f.substr(2);
        if (hex.size() % 2) return false;
        for (size_t i = 0; i < hex.size(); i += 2) bytes.push_back(static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
        v.append_text(bytes);
        return true;
      }
      case ValueKind::Text: v.append_text(f); return true;
    }
    return false;
  }

  // NUMERIC's output "-123.4500" with at most 18 digits and no more fractional digits than
  // `scale`: parsed without parse_decimal's generality (exponents, blanks, rounding), which
  // was a tenth of a PostgreSQL load's time. Anything else returns false and takes that path.
  static bool fast_decimal(std::string_view f, int scale, Int128& out) {
    size_t i = 0;
    bool negative = !f.empty() && f[0] == '-';
    if (negative) ++i;
    int64_t v = 0;
    int digits = 0, fraction = -1;
    for (; i < f.size(); ++i) {
      char ch = f[i];
      if (ch == '.' && fraction < 0) {
        fraction = 0;
        continue;
      }
      if (ch < '0' || ch > '9' || ++digits > 18) return false;
      v = v * 10 + (ch - '0');
      if (fraction >= 0) ++fraction;
    }
    if (fraction < 0) fraction = 0;
    if (digits == 0 || fraction > scale || digits - fraction + scale > 38) return false;  // 38: Int128's reach
    out = Int128(negative ? -v : v) * pow10_i128(scale - fraction);
    return true;
  }

  PgConnection conn_;
  std::string table_;
  std::vector<LoadColumn> cols_;
  RejectSink& rejects_;
  std::string scratch_;
  uint64_t rows_ = 0, bytes_ = 0;
  char* message_ = nullptr;  // the CopyData message being read
  size_t size_ = 0, at_ = 0;
  bool ended_ = false;
  // Binary format: the column types, its header and trailer, and the fields of the row.
  bool binary_ = false;
  bool raw_ = false;  // pass_raw(): tuples go into batch.raw undecoded
  TupleFormat raw_format_{*this};
  std::vector<unsigned> oids_;
  bool header_read_ = false, done_ = false;
  Fields fields_;
};

}  // namespace

struct PostgresSource::Impl {
  std::string conninfo;
  std::optional<std::string> only_schema;  // nullopt: every schema but the system ones
  std::vector<std::string> schemas;        // those with a table, as the catalog spells them
  std::unique_ptr<PgConnection> conn;  // the catalog's; a scoped source opens it on its first query
  std::mutex query_mu;  // query() is const and may be called from a validation thread
  bool session_set = false;
  std::map<std::pair<std::string, std::string>, uint64_t> rows;  // statistics' row count per (schema, table)
};

namespace {

// The schemas read: one, bound as $1, or every one but PostgreSQL's own (pg_catalog,
// information_schema, the TOAST and temporary schemas).
std::string schema_condition(const std::string& column, bool one) {
  if (one) return column + " = $1";
  return column + " NOT IN ('pg_catalog', 'information_schema') AND " + column + " NOT LIKE 'pg\\_toast%' AND " +
         column + " NOT LIKE 'pg\\_temp\\_%'";
}

std::string qualified(const std::string& schema, const std::string& name) {
  return schema.empty() ? quote_ident(name) : quote_ident(schema) + "." + quote_ident(name);
}

}  // namespace

PostgresSource::PostgresSource(std::string conninfo, std::optional<std::string> only_schema)
    : impl_(std::make_unique<Impl>()) {
  impl_->conninfo = std::move(conninfo);
  impl_->only_schema = std::move(only_schema);
  impl_->conn = std::make_unique<PgConnection>(impl_->conninfo);
  PgConnection& c = *impl_->conn;
  const bool one = impl_->only_schema.has_value();
  const std::vector<std::string> params = one ? std::vector<std::string>{*impl_->only_schema} : std::vector<std::string>{};
  // A table is (schema, name): the same name may be in several schemas of this catalog.
  std::map<std::pair<std::string, std::string>, size_t> index;
  auto find = [&](const std::string& schema, const std::string& table) -> Table* {
    auto it = index.find({schema, table});
    return it == index.end() ? nullptr : &catalog_.tables[it->second];
  };
  // pg_catalog rather than information_schema.columns: the same rows and values (its own
  // functions compute them) in two thirds of the time on a fresh connection (20 vs 30 ms), a
  // tenth of a small load's start.
  QueryResult cols = c.query_params(
      "SELECT n.nspname, c.relname, a.attname, "
      "CASE WHEN t.typtype = 'd' THEN CASE WHEN bt.typelem <> 0 AND bt.typlen = -1 THEN 'ARRAY' "
      "WHEN bn.nspname = 'pg_catalog' THEN format_type(t.typbasetype, NULL) ELSE 'USER-DEFINED' END "
      "ELSE CASE WHEN t.typelem <> 0 AND t.typlen = -1 THEN 'ARRAY' "
      "WHEN tn.nspname = 'pg_catalog' THEN format_type(a.atttypid, NULL) ELSE 'USER-DEFINED' END END, "
      "information_schema._pg_char_max_length(information_schema._pg_truetypid(a.*, t.*), "
      "information_schema._pg_truetypmod(a.*, t.*)), "
      "information_schema._pg_numeric_precision(information_schema._pg_truetypid(a.*, t.*), "
      "information_schema._pg_truetypmod(a.*, t.*)), "
      "information_schema._pg_numeric_scale(information_schema._pg_truetypid(a.*, t.*), "
      "information_schema._pg_truetypmod(a.*, t.*)), "
      "CASE WHEN a.attnotnull OR (t.typtype = 'd' AND t.typnotnull) THEN 'NO' ELSE 'YES' END "
      "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
      "JOIN pg_type t ON t.oid = a.atttypid JOIN pg_namespace tn ON tn.oid = t.typnamespace "
      "LEFT JOIN (pg_type bt JOIN pg_namespace bn ON bn.oid = bt.typnamespace) "
      "ON t.typtype = 'd' AND t.typbasetype = bt.oid "
      "WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p') AND " +
          schema_condition("n.nspname", one) +
          " AND (pg_has_role(c.relowner, 'USAGE') OR "
          "has_column_privilege(c.oid, a.attnum, 'SELECT, INSERT, UPDATE, REFERENCES')) "
          "ORDER BY n.nspname, c.relname, a.attnum",
      params);
  for (const auto& r : cols.rows) {
    Table* t = find(*r[0], *r[1]);
    if (!t) {
      index[{*r[0], *r[1]}] = catalog_.tables.size();
      catalog_.tables.push_back(Table{});
      t = &catalog_.tables.back();
      t->schema = *r[0];
      t->name = *r[1];
      if (impl_->schemas.empty() || impl_->schemas.back() != t->schema) impl_->schemas.push_back(t->schema);
    }
    Column col;
    col.name = *r[2];
    // numeric_precision is reported for integer types too (in bits for some); use it only for numeric.
    bool numeric = *r[3] == "numeric";
    col.type = oracle_type_for(*r[3], r[4], numeric ? r[5] : std::nullopt, numeric ? r[6] : std::nullopt);
    col.nullable = r[7].value_or("YES") == "YES";
    t->columns.push_back(std::move(col));
  }
  QueryResult pks = c.query_params(
      "SELECT tc.table_schema, tc.table_name, tc.constraint_name, kcu.column_name FROM information_schema.table_constraints tc "
      "JOIN information_schema.key_column_usage kcu USING (constraint_schema, constraint_name) "
      "WHERE " + schema_condition("tc.table_schema", one) + " AND tc.constraint_type = 'PRIMARY KEY' "
      "ORDER BY tc.table_schema, tc.table_name, kcu.ordinal_position",
      params);
  for (const auto& r : pks.rows) {
    Table* t = find(*r[0], *r[1]);
    if (!t) continue;
    if (!t->primary_key()) {
      Constraint pk;
      pk.name = *r[2];
      pk.kind = ConstraintKind::PrimaryKey;
      t->constraints.push_back(std::move(pk));
    }
    for (auto& k : t->constraints)
      if (k.kind == ConstraintKind::PrimaryKey) k.columns.push_back(*r[3]);
  }
  // Declarative partitions: each child of a partitioned table is a partition of its parent
  // (read through it, never as a table of its own, or its rows would load twice). bound_sql
  // keeps the partition's constraint as a condition on the parent's columns, which resuming uses
  // to delete a partially loaded partition's rows on the target; the partition key and bounds
  // become the catalog's partitioning (pg_partitions.h), so the target gets the same partitions.
  QueryResult parts = c.query_params(
      "SELECT n.nspname, p.relname, ch.relname, pg_get_partition_constraintdef(ch.oid), "
      "GREATEST(ch.reltuples, 0)::bigint, pg_get_partkeydef(p.oid), pg_get_expr(ch.relpartbound, ch.oid), ch.relkind "
      "FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent "
      "JOIN pg_class ch ON ch.oid = i.inhrelid JOIN pg_namespace n ON n.oid = p.relnamespace WHERE p.relkind = 'p' "
      "AND " + schema_condition("n.nspname", one) + " AND ch.relnamespace = p.relnamespace "
      "ORDER BY n.nspname, p.relname, ch.relname",
      params);
  using Key = std::pair<std::string, std::string>;                    // (schema, table)
  std::set<Key> children;
  std::map<Key, std::string> key_defs;                                // parent → partition key
  std::map<Key, std::map<std::string, std::string>> bounds;          // parent → child → bound
  std::set<Key> sub_partitioned;                                      // parents with a partitioned child
  std::map<Key, uint64_t> rows;                                       // statistics' row counts
  for (const auto& r : parts.rows) {
    Key parent{*r[0], *r[1]};
    Table* t = find(*r[0], *r[1]);
    if (!t) continue;
    Partition part;
    part.name = *r[2];
    part.bound_sql = r[3].value_or("");
    t->partitioning.partitions.push_back(std::move(part));
    children.insert({*r[0], *r[2]});
    rows[parent] += std::stoull(r[4].value_or("0"));
    key_defs[parent] = r[5].value_or("");
    bounds[parent][*r[2]] = r[6].value_or("");
    if (r[7].value_or("") == "p") sub_partitioned.insert(parent);
  }
  for (auto& [parent, key_def] : key_defs) {
    if (children.count(parent)) continue;  // a sub-partition level: read through its top table
    Table* t = find(parent.first, parent.second);
    std::string why = sub_partitioned.count(parent) ? "it is sub-partitioned"
                                                    : read_pg_partitioning(key_def, bounds[parent], t->partitioning);
    t->partitioning.unreadable = why;
  }
  std::erase_if(catalog_.tables, [&](const Table& t) { return children.count({t.schema, t.name}) > 0; });
  QueryResult est = c.query_params(
      "SELECT n.nspname, c.relname, GREATEST(c.reltuples, 0)::bigint FROM pg_class c "
      "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND " + schema_condition("n.nspname", one),
      params);
  for (const auto& r : est.rows)
    if (!children.count({*r[0], *r[1]})) rows[{*r[0], *r[1]}] = std::stoull(r[2].value_or("0"));
  impl_->rows = std::move(rows);
  estimate_rows();
}

// Row estimates are by table name: exact for one schema; with several, a name in two of
// them counts both (the load reads each schema through only_schema(), where it is exact).
void PostgresSource::estimate_rows() {
  estimates_.clear();
  for (const auto& t : catalog_.tables)
    if (auto it = impl_->rows.find({t.schema, t.name}); it != impl_->rows.end()) estimates_[t.name] += it->second;
}

std::vector<std::string> PostgresSource::schemas() const { return impl_->schemas; }

// The schema's part of what this source has read: reading the catalog again costs a connection
// and the information_schema queries (a tenth of a second, more than loading a small table).
std::unique_ptr<SourceEndpoint> PostgresSource::only_schema(const std::string& schema) const {
  std::unique_ptr<PostgresSource> scoped(new PostgresSource());
  Impl& s = *scoped->impl_;
  s.conninfo = impl_->conninfo;
  s.only_schema = schema;
  for (const Table& t : catalog_.tables)
    if (t.schema == schema) scoped->catalog_.tables.push_back(t);
  if (!scoped->catalog_.tables.empty()) s.schemas = {schema};
  for (const auto& [key, n] : impl_->rows)
    if (key.first == schema) s.rows[key] = n;
  scoped->estimate_rows();
  return scoped;
}

PostgresSource::PostgresSource() : impl_(std::make_unique<Impl>()) {}

std::string PostgresSource::inventory() const {
  if (impl_->only_schema) return "looked for base tables in schema " + quote_ident(*impl_->only_schema);
  return "looked for base tables in every schema except pg_catalog, information_schema, pg_toast* and pg_temp_*";
}

PostgresSource::~PostgresSource() = default;

QueryResult PostgresSource::query(const std::string& sql) const {
  std::lock_guard lock(impl_->query_mu);
  if (!impl_->conn) impl_->conn = std::make_unique<PgConnection>(impl_->conninfo);
  if (!impl_->session_set) {
    impl_->conn->execute("SET TimeZone = 'UTC'");
    // Validation's queries name tables without a schema: they resolve in the one read.
    if (impl_->only_schema) impl_->conn->execute("SET search_path TO " + quote_ident(*impl_->only_schema));
    impl_->session_set = true;
  }
  return impl_->conn->query(sql);
}
std::string PostgresSource::describe() const { return redact_conninfo(impl_->conninfo); }

std::unique_ptr<TableReader> PostgresSource::open(const LoadUnit& unit, const std::vector<LoadColumn>& columns,
                                                  RejectSink& rejects) const {
  const Table* t = catalog_.find_table(unit.table);
  return std::make_unique<CopyReader>(impl_->conninfo, t ? t->schema : std::string(), unit, columns, rejects);
}

std::optional<std::pair<int64_t, int64_t>> PostgresSource::key_bounds(const std::string& table,
                                                                      const std::string& column) const {
  const Table* t = catalog_.find_table(table);
  QueryResult r = query("SELECT MIN(" + quote_ident(column) + ")::bigint, MAX(" + quote_ident(column) +
                        ")::bigint FROM " + qualified(t ? t->schema : std::string(), table));
  if (r.rows.empty() || !r.rows[0][0] || !r.rows[0][1]) return std::nullopt;
  return std::make_pair(std::stoll(*r.rows[0][0]), std::stoll(*r.rows[0][1]));
}

}  // namespace orashift
