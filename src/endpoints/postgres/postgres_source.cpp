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
  CopyReader(const std::string& conninfo, const LoadUnit& unit, const std::vector<LoadColumn>& cols,
             RejectSink& rejects)
      : conn_(conninfo), table_(unit.table), cols_(cols), rejects_(rejects) {
    conn_.execute("SET TimeZone = 'UTC'");
    conn_.execute("SET DateStyle = 'ISO, YMD'");
    conn_.execute("SET extra_float_digits = 3");
    const std::string& relation = unit.relation.empty() ? unit.table : unit.relation;
    choose_format(relation);
    std::string sql = "COPY (SELECT ";
    // Names come from PostgreSQL's own catalog: quoted exactly as they are.
    for (size_t i = 0; i < cols.size(); ++i) sql += (i ? ", " : "") + quote_ident(cols[i].name);
    // A segment reads its partition (a child table) and/or the rows its condition selects;
    // the condition was built from quoted identifiers and literals (src/load/segments.cpp).
    sql += " FROM " + quote_ident(relation);
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

private:
  // Binary when every column's source type decodes exactly into its kind (pg_copy_binary.h):
  // the server skips formatting every value as text and we skip parsing it back.
  void choose_format(const std::string& relation) {
    QueryResult attrs = conn_.query_params(
        "SELECT a.attname, a.atttypid FROM pg_attribute a WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 "
        "AND NOT a.attisdropped",
        {quote_ident(relation)});
    binary_ = true;
    for (const LoadColumn& c : cols_) {
      unsigned oid = 0;
      for (const auto& row : attrs.rows)
        if (row[0] == c.name) oid = static_cast<unsigned>(std::stoul(row[1].value_or("0")));
      oids_.push_back(oid);
      binary_ = binary_ && pg_binary_decodes(oid, c.kind);
    }
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
          uint32_t ext = (uint32_t(uint8_t(message_[15])) << 24) | (uint32_t(uint8_t(message_[16])) << 16) |
                         (uint32_t(uint8_t(message_[17])) << 8) | uint8_t(message_[18]);
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
      auto u16 = [](const char* p) { return uint16_t((uint8_t(p[0]) << 8) | uint8_t(p[1])); };
      int16_t fields = static_cast<int16_t>(u16(take(2)));
      if (fields == -1) {  // the trailer: the end of data follows
        done_ = true;
        if (at_ != size_) malformed();
        continue;
      }
      if (static_cast<size_t>(fields) != cols_.size()) malformed();
      ++rows_;
      fields_.clear();
      for (size_t c = 0; c < cols_.size(); ++c) {
        const char* p = take(4);
        int32_t len = static_cast<int32_t>((uint32_t(u16(p)) << 16) | u16(p + 2));
        if (len < 0) fields_.emplace_back();
        else fields_.emplace_back(std::string_view(take(static_cast<size_t>(len)), static_cast<size_t>(len)));
      }
      add_binary_row(batch);
    }
    return true;
  }

  void add_binary_row(Batch& batch) {
    for (size_t c = 0; c < cols_.size(); ++c) {
      if (!fields_[c]) {
        batch.columns[c].append_null();
        continue;
      }
      if (append_binary_field(batch.columns[c], oids_[c], *fields_[c])) continue;
      for (size_t k = 0; k < c; ++k) batch.columns[k].pop_back();
      rejects_.reject({table_, "COPY " + table_, rows_, cannot_read(c, binary_field_text(oids_[c], *fields_[c])),
                       binary_row_text()});
      return;
    }
    batch.source_lines.push_back(rows_);
  }

  // The row as the text format would have carried it, for the reject record.
  std::string binary_row_text() const {
    std::string out;
    for (size_t c = 0; c < cols_.size(); ++c) {
      if (c) out += '\t';
      if (!fields_[c]) {
        out += "\\N";
        continue;
      }
      for (char ch : binary_field_text(oids_[c], *fields_[c])) {
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
  std::vector<unsigned> oids_;
  bool header_read_ = false, done_ = false;
  std::vector<std::optional<std::string_view>> fields_;
};

}  // namespace

struct PostgresSource::Impl {
  std::string conninfo;
  std::unique_ptr<PgConnection> conn;
  std::mutex query_mu;  // query() is const and may be called from a validation thread
  bool utc = false;
};

PostgresSource::PostgresSource(std::string conninfo) : impl_(std::make_unique<Impl>()) {
  impl_->conninfo = std::move(conninfo);
  impl_->conn = std::make_unique<PgConnection>(impl_->conninfo);
  PgConnection& c = *impl_->conn;
  QueryResult cols = c.query(
      "SELECT c.table_name, c.column_name, c.data_type, c.character_maximum_length, c.numeric_precision, "
      "c.numeric_scale, c.is_nullable FROM information_schema.columns c JOIN information_schema.tables t "
      "USING (table_schema, table_name) WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' "
      "ORDER BY c.table_name, c.ordinal_position");
  for (const auto& r : cols.rows) {
    const std::string& table = *r[0];
    Table* t = catalog_.find_table(table);
    if (!t) {
      catalog_.tables.push_back(Table{});
      t = &catalog_.tables.back();
      t->name = table;
    }
    Column col;
    col.name = *r[1];
    // numeric_precision is reported for integer types too (in bits for some); use it only for numeric.
    bool numeric = *r[2] == "numeric";
    col.type = oracle_type_for(*r[2], r[3], numeric ? r[4] : std::nullopt, numeric ? r[5] : std::nullopt);
    col.nullable = r[6].value_or("YES") == "YES";
    t->columns.push_back(std::move(col));
  }
  QueryResult pks = c.query(
      "SELECT tc.table_name, tc.constraint_name, kcu.column_name FROM information_schema.table_constraints tc "
      "JOIN information_schema.key_column_usage kcu USING (constraint_schema, constraint_name) "
      "WHERE tc.table_schema = current_schema() AND tc.constraint_type = 'PRIMARY KEY' "
      "ORDER BY tc.table_name, kcu.ordinal_position");
  for (const auto& r : pks.rows) {
    Table* t = catalog_.find_table(*r[0]);
    if (!t) continue;
    if (!t->primary_key()) t->constraints.push_back({*r[1], ConstraintKind::PrimaryKey, {}, {}, {}, {}, true, true, {}});
    for (auto& k : t->constraints)
      if (k.kind == ConstraintKind::PrimaryKey) k.columns.push_back(*r[2]);
  }
  // Declarative partitions: each child of a partitioned table is a partition of its parent
  // (read through it, never as a table of its own, or its rows would load twice). bound_sql
  // keeps the partition's constraint as a condition on the parent's columns, which resuming uses
  // to delete a partially loaded partition's rows on the target; the partition key and bounds
  // become the catalog's partitioning (pg_partitions.h), so the target gets the same partitions.
  QueryResult parts = c.query(
      "SELECT p.relname, ch.relname, pg_get_partition_constraintdef(ch.oid), "
      "GREATEST(ch.reltuples, 0)::bigint, pg_get_partkeydef(p.oid), pg_get_expr(ch.relpartbound, ch.oid), ch.relkind "
      "FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent "
      "JOIN pg_class ch ON ch.oid = i.inhrelid WHERE p.relkind = 'p' "
      "AND p.relnamespace = current_schema()::regnamespace AND ch.relnamespace = p.relnamespace "
      "ORDER BY p.relname, ch.relname");
  std::set<std::string> children;
  std::map<std::string, std::string> key_defs;                        // parent → partition key
  std::map<std::string, std::map<std::string, std::string>> bounds;  // parent → child → bound
  std::set<std::string> sub_partitioned;                              // parents with a partitioned child
  for (const auto& r : parts.rows) {
    Table* t = catalog_.find_table(*r[0]);
    if (!t) continue;
    Partition part;
    part.name = *r[1];
    part.bound_sql = r[2].value_or("");
    t->partitioning.partitions.push_back(std::move(part));
    children.insert(*r[1]);
    estimates_[*r[0]] += std::stoull(r[3].value_or("0"));
    key_defs[*r[0]] = r[4].value_or("");
    bounds[*r[0]][*r[1]] = r[5].value_or("");
    if (r[6].value_or("") == "p") sub_partitioned.insert(*r[0]);
  }
  for (auto& [parent, key_def] : key_defs) {
    if (children.count(parent)) continue;  // a sub-partition level: read through its top table
    Table* t = catalog_.find_table(parent);
    std::string why = sub_partitioned.count(parent) ? "it is sub-partitioned"
                                                    : read_pg_partitioning(key_def, bounds[parent], t->partitioning);
    t->partitioning.unreadable = why;
  }
  std::erase_if(catalog_.tables, [&](const Table& t) { return children.count(t.name) > 0; });
  QueryResult est = c.query(
      "SELECT relname, GREATEST(reltuples, 0)::bigint FROM pg_class WHERE relkind = 'r' "
      "AND relnamespace = current_schema()::regnamespace");
  for (const auto& r : est.rows)
    if (!children.count(*r[0])) estimates_[*r[0]] = std::stoull(r[1].value_or("0"));
}

PostgresSource::~PostgresSource() = default;

QueryResult PostgresSource::query(const std::string& sql) const {
  std::lock_guard lock(impl_->query_mu);
  if (!impl_->utc) {
    impl_->conn->execute("SET TimeZone = 'UTC'");
    impl_->utc = true;
  }
  return impl_->conn->query(sql);
}
std::string PostgresSource::describe() const { return redact_conninfo(impl_->conninfo); }

std::unique_ptr<TableReader> PostgresSource::open(const LoadUnit& unit, const std::vector<LoadColumn>& columns,
                                                  RejectSink& rejects) const {
  return std::make_unique<CopyReader>(impl_->conninfo, unit, columns, rejects);
}

std::optional<std::pair<int64_t, int64_t>> PostgresSource::key_bounds(const std::string& table,
                                                                      const std::string& column) const {
  QueryResult r = query("SELECT MIN(" + quote_ident(column) + ")::bigint, MAX(" + quote_ident(column) +
                        ")::bigint FROM " + quote_ident(table));
  if (r.rows.empty() || !r.rows[0][0] || !r.rows[0][1]) return std::nullopt;
  return std::make_pair(std::stoll(*r.rows[0][0]), std::stoll(*r.rows[0][1]));
}

}  // namespace orashift
