#include "endpoints/sqlite/sqlite_source.h"

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "common/naming.h"
#include "endpoints/postgres/postgres_source.h"  // parse_pg_timestamp: the same ISO text form

namespace orashift {

namespace {

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// "(p,s)" after a type name → p and s.
void type_args(std::string_view d, std::optional<int>& a, std::optional<int>& b) {
  size_t open = d.find('(');
  if (open == std::string_view::npos) return;
  int x = 0;
  auto r = std::from_chars(d.data() + open + 1, d.data() + d.size(), x);
  if (r.ec != std::errc()) return;
  a = x;
  if (*r.ptr == ',') {
    int y = 0;
    if (std::from_chars(r.ptr + 1, d.data() + d.size(), y).ec == std::errc()) b = y;
  }
}

using Stmt = std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)>;

Stmt prepare(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK)
    throw std::runtime_error(std::string("sqlite: ") + sqlite3_errmsg(db));
  return Stmt(s, &sqlite3_finalize);
}

class SqliteReader : public TableReader {
public:
  SqliteReader(const std::string& path, const LoadUnit& unit, const std::vector<LoadColumn>& cols, RejectSink& rejects)
      : table_(unit.table), cols_(cols), rejects_(rejects), stmt_(nullptr, &sqlite3_finalize) {
    // One connection per reader, used by its reader thread only: no per-call mutex (in the
    // default serialized mode the lock/unlock around every sqlite3_column_* call took ~23 % of
    // the load's CPU).
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK)
      throw std::runtime_error("sqlite: cannot open " + path);
    std::string sql = "SELECT ";
    for (size_t i = 0; i < cols.size(); ++i) sql += (i ? ", " : "") + quote_ident(cols[i].name);
    sql += " FROM " + quote_ident(table_);
    // A segment's condition: quoted identifiers and literals only (src/load/segments.cpp).
    if (!unit.where.empty()) sql += " WHERE " + unit.where;
    stmt_ = prepare(db_, sql);
  }
  ~SqliteReader() override {
    stmt_.reset();
    sqlite3_close(db_);
  }

  bool next(Batch& batch, size_t max_rows) override {
    batch.clear();
    while (batch.rows() < max_rows) {
      int rc = sqlite3_step(stmt_.get());
      if (rc == SQLITE_DONE) return false;
      if (rc != SQLITE_ROW) throw std::runtime_error(std::string("sqlite: ") + sqlite3_errmsg(db_));
      ++rows_;
      std::string reason;
      size_t c = 0;  // columns appended so far; the failing one appended nothing
      for (; c < cols_.size(); ++c) {
        reason = append(batch.columns[c], cols_[c], static_cast<int>(c));
        if (!reason.empty()) break;
      }
      if (!reason.empty()) {
        for (size_t k = 0; k < c; ++k) batch.columns[k].pop_back();
        rejects_.reject({table_, "table " + table_, rows_, reason, row_text()});
        continue;
      }
      batch.source_lines.push_back(rows_);
    }
    return true;
  }
  uint64_t rows_read() const override { return rows_; }

private:
  // Appends column i's value; a non-empty result is why it cannot be loaded.
  std::string append(ColumnVector& v, const LoadColumn& lc, int i) {
    sqlite3_stmt* s = stmt_.get();
    int type = sqlite3_column_type(s, i);
    if (type == SQLITE_NULL) {
      v.append_null();
      return {};
    }
    auto text = [&] {
      const char* p = reinterpret_cast<const char*>(sqlite3_column_text(s, i));
      return std::string_view(p ? p : "", static_cast<size_t>(sqlite3_column_bytes(s, i)));
    };
    auto bad = [&](const char* what) { return "column " + lc.name + ": " + what + " '" + std::string(text()) + "'"; };
    switch (lc.kind) {
      case ValueKind::Int64: {
        if (type == SQLITE_INTEGER) {
          v.append_int(sqlite3_column_int64(s, i));
          return {};
        }
        std::string_view t = text();
        int64_t x;
        auto r = std::from_chars(t.data(), t.data() + t.size(), x);
        if (type == SQLITE_FLOAT || r.ec != std::errc() || r.ptr != t.data() + t.size()) return bad("not an integer:");
        v.append_int(x);
        return {};
      }
      case ValueKind::Decimal: {
        char buf[32];
        std::string_view t;
        if (type == SQLITE_FLOAT) {  // the shortest text that reads back as the same double
          auto r = std::to_chars(buf, buf + sizeof buf, sqlite3_column_double(s, i));
          t = std::string_view(buf, static_cast<size_t>(r.ptr - buf));
        } else {
          t = text();
        }
        Int128 x;
        bool rounded = false;
        if (parse_decimal(t, lc.scale, x, &rounded) != DecimalParse::Ok || rounded)
          return bad(("not a number with at most " + std::to_string(lc.scale) + " fractional digits:").c_str());
        v.append_decimal(x);
        return {};
      }
      case ValueKind::Double: {
        if (type == SQLITE_INTEGER || type == SQLITE_FLOAT) {
          v.append_double(sqlite3_column_double(s, i));
          return {};
        }
        std::string t(text());
        char* end = nullptr;
        double d = std::strtod(t.c_str(), &end);
        if (t.empty() || *end) return bad("not a number:");
        v.append_double(d);
        return {};
      }
      case ValueKind::Timestamp: {
        // SQLite keeps datetimes as ISO text (its date functions' form); 'T' separators too.
        std::string_view t = text();
        char iso[40];  // the 'T' form is rewritten in a copy (the usual one is read in place)
        if (t.size() > 10 && t.size() <= sizeof iso && t[10] == 'T') {
          std::memcpy(iso, t.data(), t.size());
          iso[10] = ' ';
          t = std::string_view(iso, t.size());
        }
        if (!t.empty() && t.back() == 'Z') t.remove_suffix(1);
        Micros m;
        if (type != SQLITE_TEXT || !parse_pg_timestamp(t, m)) return bad("not a date/time 'YYYY-MM-DD[ HH:MM:SS[.ffffff]]':");
        v.append_int(m);
        return {};
      }
      case ValueKind::Bytes: {
        const char* p = static_cast<const char*>(sqlite3_column_blob(s, i));
        v.append_text(std::string_view(p ? p : "", static_cast<size_t>(sqlite3_column_bytes(s, i))));
        return {};
      }
      case ValueKind::Text: v.append_text(text()); return {};
    }
    return "unsupported column kind";
  }

  std::string row_text() {
    std::string out;
    for (int i = 0; i < sqlite3_column_count(stmt_.get()); ++i) {
      const char* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_.get(), i));
      out += (i ? "|" : "") + std::string(p ? p : "NULL");
    }
    return out;
  }

  std::string table_;
  std::vector<LoadColumn> cols_;
  RejectSink& rejects_;
  sqlite3* db_ = nullptr;
  Stmt stmt_;
  uint64_t rows_ = 0;
};

}  // namespace

OracleType oracle_type_for_sqlite(std::string_view declared) {
  std::string d = upper(declared);
  OracleType t;
  std::optional<int> a, b;
  type_args(d, a, b);
  // SQLite's affinity rules, in its order (datatype3.html §3.1), refined by common names.
  if (d.find("INT") != std::string::npos) return OracleType::number(18, 0);
  if (d.find("CHAR") != std::string::npos || d.find("CLOB") != std::string::npos || d.find("TEXT") != std::string::npos) {
    if (a && d.find("TEXT") == std::string::npos) return OracleType::named("VARCHAR2", a, true);
    t.name = "CLOB";
    return t;
  }
  if (d.find("BLOB") != std::string::npos || d.empty()) {
    t.name = d.empty() ? "CLOB" : "BLOB";  // no declared type: values of any kind, carried as text
    return t;
  }
  if (d.find("REAL") != std::string::npos || d.find("FLOA") != std::string::npos || d.find("DOUB") != std::string::npos) {
    t.name = "BINARY_DOUBLE";
    return t;
  }
  if (d.find("DATE") != std::string::npos || d.find("TIME") != std::string::npos) {
    t.name = "TIMESTAMP";
    t.precision = 6;
    return t;
  }
  t.name = "NUMBER";  // NUMERIC affinity: DECIMAL(p,s), NUMERIC, BOOLEAN…
  t.precision = a;
  t.scale = a ? b.value_or(0) : std::optional<int>();
  return t;
}

struct SqliteSource::Impl {
  std::string path;
};

SqliteSource::SqliteSource(std::string path) : impl_(std::make_unique<Impl>()) {
  impl_->path = std::move(path);
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(impl_->path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    throw std::runtime_error("sqlite: cannot open " + impl_->path);
  }
  std::unique_ptr<sqlite3, decltype(&sqlite3_close)> guard(db, &sqlite3_close);
  Stmt tables = prepare(db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
  while (sqlite3_step(tables.get()) == SQLITE_ROW) {
    Table t;
    t.name = reinterpret_cast<const char*>(sqlite3_column_text(tables.get(), 0));
    Stmt cols = prepare(db, "SELECT name, type, \"notnull\", pk FROM pragma_table_info(?) ORDER BY cid");
    sqlite3_bind_text(cols.get(), 1, t.name.c_str(), -1, SQLITE_TRANSIENT);
    std::vector<std::pair<int, std::string>> pk;
    while (sqlite3_step(cols.get()) == SQLITE_ROW) {
      Column c;
      c.name = reinterpret_cast<const char*>(sqlite3_column_text(cols.get(), 0));
      const unsigned char* ty = sqlite3_column_text(cols.get(), 1);
      c.type = oracle_type_for_sqlite(ty ? reinterpret_cast<const char*>(ty) : "");
      c.nullable = sqlite3_column_int(cols.get(), 2) == 0;
      if (int k = sqlite3_column_int(cols.get(), 3); k > 0) pk.emplace_back(k, c.name);
      t.columns.push_back(std::move(c));
    }
    if (!pk.empty()) {
      std::sort(pk.begin(), pk.end());
      Constraint k;
      k.kind = ConstraintKind::PrimaryKey;
      for (const auto& p : pk) k.columns.push_back(p.second);
      t.constraints.push_back(std::move(k));
    }
    Stmt n = prepare(db, "SELECT COUNT(*) FROM " + quote_ident(t.name));
    if (sqlite3_step(n.get()) == SQLITE_ROW) estimates_[t.name] = static_cast<uint64_t>(sqlite3_column_int64(n.get(), 0));
    catalog_.tables.push_back(std::move(t));
  }
}

SqliteSource::~SqliteSource() = default;
std::string SqliteSource::describe() const { return "sqlite:" + impl_->path; }

std::unique_ptr<TableReader> SqliteSource::open(const LoadUnit& unit, const std::vector<LoadColumn>& columns,
                                                RejectSink& rejects) const {
  return std::make_unique<SqliteReader>(impl_->path, unit, columns, rejects);
}

std::optional<std::pair<int64_t, int64_t>> SqliteSource::key_bounds(const std::string& table,
                                                                    const std::string& column) const {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(impl_->path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    throw std::runtime_error("sqlite: cannot open " + impl_->path);
  }
  std::unique_ptr<sqlite3, decltype(&sqlite3_close)> guard(db, &sqlite3_close);
  Stmt s = prepare(db, "SELECT MIN(" + quote_ident(column) + "), MAX(" + quote_ident(column) + ") FROM " + quote_ident(table));
  if (sqlite3_step(s.get()) != SQLITE_ROW || sqlite3_column_type(s.get(), 0) != SQLITE_INTEGER ||
      sqlite3_column_type(s.get(), 1) != SQLITE_INTEGER)
    return std::nullopt;
  return std::make_pair(static_cast<int64_t>(sqlite3_column_int64(s.get(), 0)),
                        static_cast<int64_t>(sqlite3_column_int64(s.get(), 1)));
}

}  // namespace orashift
