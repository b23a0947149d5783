#include "endpoints/oracle/oracle_source.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <set>

#include "convert/ddl_loader.h"
#include "endpoints/oracle/oracle_connection.h"
#include "endpoints/oracle/oracle_dictionary.h"
#include "endpoints/oracle/oracle_values.h"

namespace orashift {

using namespace oracle;

namespace {

std::string q(const std::string& ident) { return "\"" + ident + "\""; }

// 'SYYYY-MM-DD HH24:MI:SS.FF9[ TZH:TZM]' (the pinned NLS formats) → UTC microseconds.
bool parse_pinned_timestamp(std::string_view t, Micros& out) {
  if (t.empty()) return false;
  bool bc = t[0] == '-';
  if (t[0] == '-' || t[0] == ' ' || t[0] == '+') t.remove_prefix(1);
  auto num = [&](size_t pos, size_t len, int& v) {
    if (pos + len > t.size()) return false;
    auto r = std::from_chars(t.data() + pos, t.data() + pos + len, v);
    return r.ec == std::errc() && r.ptr == t.data() + pos + len;
  };
  CivilDateTime c;
  if (t.size() < 19 || t[4] != '-' || t[7] != '-' || t[10] != ' ' || t[13] != ':' || t[16] != ':') return false;
  if (!num(0, 4, c.year) || !num(5, 2, c.month) || !num(8, 2, c.day) || !num(11, 2, c.hour) || !num(14, 2, c.minute) ||
      !num(17, 2, c.second))
    return false;
  if (bc) c.year = 1 - c.year;
  size_t pos = 19;
  long long nanos = 0;
  if (pos < t.size() && t[pos] == '.') {
    size_t b = ++pos;
    while (pos < t.size() && std::isdigit(static_cast<unsigned char>(t[pos]))) ++pos;
    std::string frac(t.substr(b, pos - b));
    frac.resize(9, '0');
    nanos = std::stoll(frac.substr(0, 9));
  }
  int offset_minutes = 0;
  if (pos < t.size() && t[pos] == ' ') {  // TZH:TZM
    ++pos;
    if (pos + 6 > t.size() || (t[pos] != '+' && t[pos] != '-') || t[pos + 3] != ':') return false;
    int h = 0, m = 0;
    if (!num(pos + 1, 2, h) || !num(pos + 4, 2, m)) return false;
    offset_minutes = (t[pos] == '-' ? -1 : 1) * (h * 60 + m);
    pos += 6;
  }
  if (pos != t.size() || !valid_civil(c)) return false;
  out = micros_from_civil(c) + (nanos + 500) / 1000 - offset_minutes * 60LL * kMicrosPerSecond;
  return true;
}

bool numeric_type(const std::string& n) {
  return n == "NUMBER" || n == "FLOAT" || n == "INTEGER" || n == "INT" || n == "SMALLINT" || n == "DECIMAL" ||
         n == "NUMERIC" || n == "DEC" || n == "REAL" || n == "DOUBLE PRECISION";
}

// How a column is fetched (external type and buffer size) for its Oracle type.
FetchColumn fetch_for(const Column& c, unsigned lob_max_kb) {
  const OracleType& t = c.type;
  const std::string& n = t.name;
  oci::sb4 lob = static_cast<oci::sb4>(lob_max_kb) * 1024;
  if (numeric_type(n)) return {oci::SQLT_VNU, 22};
  if (n == "DATE") return {oci::SQLT_DAT, 7};
  if (n.rfind("TIMESTAMP", 0) == 0) return {oci::SQLT_STR, 48};
  if (n == "BINARY_DOUBLE") return {oci::SQLT_BDOUBLE, 8};
  if (n == "BINARY_FLOAT") return {oci::SQLT_BFLOAT, 4};
  if (n == "RAW") return {oci::SQLT_BIN, t.length.value_or(2000)};
  if (n == "BLOB" || n == "LONG RAW") return {oci::SQLT_LBI, lob};
  if (n == "CLOB" || n == "NCLOB" || n == "LONG") return {oci::SQLT_STR, lob + 1};
  if (n == "VARCHAR2" || n == "VARCHAR" || n == "CHAR" || n == "NVARCHAR2" || n == "NCHAR") {
    // AL32UTF8 takes up to 4 bytes a character; a byte-semantics length is the byte limit.
    bool chars = t.char_semantics || n[0] == 'N';
    int len = t.length.value_or(n.find("CHAR") == 0 || n == "NCHAR" ? 1 : 4000);
    return {oci::SQLT_STR, (chars ? len * 4 : len) + 1};
  }
  return {oci::SQLT_STR, 4001};  // INTERVAL, ROWID, UROWID, … as Oracle's text
}

class OracleReader : public TableReader {
public:
  OracleReader(const OracleUrl& url, const std::string& password, const std::string& owner, bool qualify,
               unsigned long long scn, const LoadUnit& unit, const std::vector<LoadColumn>& cols, RejectSink& rejects)
      : table_(unit.table), cols_(cols), rejects_(rejects), lob_max_kb_(url.lob_max_kb), conn_(url, password) {
    if (!unit.relation.empty())
      throw std::runtime_error("oracle:// reads whole tables or key ranges; partition segments are not supported yet");
    std::string sql = "SELECT ";
    std::vector<FetchColumn> defs;
    for (size_t i = 0; i < cols.size(); ++i) {
      sql += (i ? ", " : "") + q(cols[i].name);
      defs.push_back(fetch_for(*cols[i].column, url.lob_max_kb));
    }
    sql += std::string(cols.empty() ? "" : ", ") + "ROWID";  // where a rejected row is
    defs.push_back({oci::SQLT_STR, 4001});
    sql += " FROM " + (qualify || !owner.empty() ? q(owner) + "." : std::string()) + q(table_);
    if (scn) sql += " AS OF SCN " + std::to_string(scn);
    // A segment's condition: quoted identifiers and literals only (src/load/segments.cpp).
    if (!unit.where.empty()) sql += " WHERE " + unit.where;
    cursor_ = conn_.open(sql, defs, url.array_size);
  }

  bool next(Batch& batch, size_t max_rows) override {
    batch.clear();
    while (batch.rows() < max_rows) {
      if (row_ == in_array_) {
        if (ended_) return batch.rows() > 0;
        in_array_ = cursor_->fetch();
        row_ = 0;
        if (in_array_ == 0) {
          ended_ = true;
          return batch.rows() > 0;
        }
      }
      size_t r = row_++;
      ++rows_;
      std::string reason;
      size_t c = 0;
      for (; c < cols_.size(); ++c) {
        reason = append(batch.columns[c], cols_[c], c, r);
        if (!reason.empty()) break;
      }
      if (!reason.empty()) {
        for (size_t k = 0; k < c; ++k) batch.columns[k].pop_back();
        std::string rowid(cursor_->value(cols_.size(), r));
        rejects_.reject({table_, "table " + table_ + " ROWID " + rowid, rows_, reason, record(r)});
        continue;
      }
      batch.source_lines.push_back(rows_);
    }
    return true;
  }
  uint64_t rows_read() const override { return rows_; }

private:
  std::string append(ColumnVector& v, const LoadColumn& lc, size_t c, size_t r) {
    if (cursor_->is_null(c, r)) {
      v.append_null();
      return {};
    }
    std::string_view bytes = cursor_->value(c, r);
    const std::string& type = lc.column->type.name;
    if (cursor_->truncated(c, r))
      return "column " + lc.name + ": value longer than the " + std::to_string(lob_max_kb_) +
             " KB read inline (oracle:// option lob_max_kb) or than its declared length (ORA-01406)";
    std::string err;
    if (numeric_type(type)) {
      auto text = decode_varnum(bytes, &err);
      if (!text) return "column " + lc.name + ": " + err;
      switch (lc.kind) {
        case ValueKind::Int64: {
          int64_t x = 0;
          auto res = std::from_chars(text->data(), text->data() + text->size(), x);
          if (res.ec != std::errc() || res.ptr != text->data() + text->size())
            return "column " + lc.name + ": " + *text + " is not a 64-bit integer";
          v.append_int(x);
          return {};
        }
        case ValueKind::Decimal: {
          Int128 x;
          bool rounded = false;
          if (parse_decimal(*text, lc.scale, x, &rounded) != DecimalParse::Ok || rounded)
            return "column " + lc.name + ": " + *text + " does not fit with " + std::to_string(lc.scale) +
                   " fractional digits";
          v.append_decimal(x);
          return {};
        }
        case ValueKind::Double: {
          v.append_double(*text == "Infinity"    ? HUGE_VAL
                          : *text == "-Infinity" ? -HUGE_VAL
                                                 : std::strtod(text->c_str(), nullptr));
          return {};
        }
        default: v.append_text(*text); return {};
      }
    }
    if (type == "DATE") {
      auto t = decode_date(bytes, &err);
      if (!t) return "column " + lc.name + ": " + err;
      if (lc.kind == ValueKind::Timestamp) v.append_int(*t);
      else v.append_text(format_timestamp(*t));
      return {};
    }
    if (type.rfind("TIMESTAMP", 0) == 0) {
      Micros m;
      if (!parse_pinned_timestamp(bytes, m))
        return "column " + lc.name + ": '" + std::string(bytes) + "' is not in the pinned NLS_TIMESTAMP_FORMAT";
      if (lc.kind == ValueKind::Timestamp) v.append_int(m);
      else v.append_text(format_timestamp(m));
      return {};
    }
    if (type == "BINARY_DOUBLE" || type == "BINARY_FLOAT") {
      double d;
      if (type == "BINARY_DOUBLE") std::memcpy(&d, bytes.data(), sizeof d);
      else {
        float f;
        std::memcpy(&f, bytes.data(), sizeof f);
        d = f;
      }
      if (lc.kind == ValueKind::Double) v.append_double(d);
      else v.append_text(std::to_string(d));
      return {};
    }
    v.append_text(bytes);
    return {};
  }

  std::string record(size_t r) const {
    std::string out;
    for (size_t c = 0; c < cols_.size(); ++c) {
      out += c ? "|" : "";
      if (cursor_->is_null(c, r)) out += "NULL";
      else if (numeric_type(cols_[c].column->type.name)) out += decode_varnum(cursor_->value(c, r)).value_or("<bad NUMBER>");
      else if (cols_[c].column->type.name == "DATE" || cols_[c].kind == ValueKind::Bytes ||
               cols_[c].column->type.name.rfind("BINARY_", 0) == 0) {
        static const char* hx = "0123456789ABCDEF";
        for (unsigned char b : cursor_->value(c, r)) {
          out += hx[b >> 4];
          out += hx[b & 15];
        }
      } else out += cursor_->value(c, r);
    }
    return out;
  }

  std::string table_;
  std::vector<LoadColumn> cols_;
  RejectSink& rejects_;
  unsigned lob_max_kb_;
  Connection conn_;
  std::unique_ptr<Cursor> cursor_;
  size_t in_array_ = 0, row_ = 0;
  bool ended_ = false;
  uint64_t rows_ = 0;
};

}  // namespace

struct OracleSource::Impl {
  OracleUrl url;
  std::string password;
  std::unique_ptr<Connection> conn;
  unsigned long long scn = 0;
  DdlLoad ddl;  // keeps the dictionary script alive: catalog spans point into it
  std::string script;
  std::map<std::string, std::string> owner_of;  // table → owner
  bool qualify = false;
};

OracleSource::OracleSource(const OracleUrl& url, bool probe_flashback) : impl_(std::make_unique<Impl>()) {
  impl_->url = url;
  impl_->password = source_password(url);
  impl_->conn = std::make_unique<Connection>(url, impl_->password);
  Connection& conn = *impl_->conn;
  if (url.snapshot == Snapshot::Scn) {
    std::vector<std::vector<std::optional<std::string>>> rows;
    try {
      rows = conn.query_text("SELECT CURRENT_SCN FROM V$DATABASE", {41});
    } catch (const OracleError& e) {
      if (e.code() != oci::ORA_TABLE_DOES_NOT_EXIST) throw;
      // Without SELECT on V$DATABASE: the same number through DBMS_FLASHBACK (EXECUTE on it).
      rows = conn.query_text("SELECT DBMS_FLASHBACK.GET_SYSTEM_CHANGE_NUMBER FROM DUAL", {41});
    }
    if (rows.empty() || !rows[0][0]) throw std::runtime_error(url.describe() + ": the current SCN could not be read");
    impl_->scn = std::stoull(*rows[0][0]);
  }
  Dictionary dict = read_dictionary(conn, url.schemas);
  impl_->qualify = url.schemas.size() > 1;
  impl_->script = dictionary_ddl(dict, impl_->qualify);
  std::string name = url.describe() + " (data dictionary" +
                     (impl_->scn ? ", SCN " + std::to_string(impl_->scn) : std::string()) + ")";
  impl_->ddl = load_ddl_texts({{name, impl_->script}});
  catalog_ = impl_->ddl.catalog;
  diagnostics_ = impl_->ddl.diagnostics;
  for (const auto& note : dict.notes) diagnostics_.add({Severity::Warning, "ORC001", note, Span{}});
  estimates_ = table_row_statistics(dict);
  for (const auto& t : dict.tables)  // tables of the catalog (not a materialized view's container)
    if (catalog_.find_table(t.at("TABLE_NAME").value_or("")))
      impl_->owner_of[t.at("TABLE_NAME").value_or("")] = t.at("OWNER").value_or("");
  if (probe_flashback && impl_->scn) {
    std::string denied;
    for (const auto& [table, owner] : impl_->owner_of) {
      try {
        conn.query_text("SELECT 1 FROM " + q(owner) + "." + q(table) + " AS OF SCN " + std::to_string(impl_->scn) +
                            " WHERE 1 = 0",
                        {41});
      } catch (const OracleError& e) {
        if (e.code() != oci::ORA_INSUFFICIENT_PRIVILEGES) throw;
        denied += (denied.empty() ? "" : ", ") + owner + "." + table;
      }
    }
    if (!denied.empty())
      throw std::runtime_error(
          url.describe() + " may not read " + denied + " as of SCN " + std::to_string(impl_->scn) +
          " (ORA-01031: insufficient privileges): GRANT FLASHBACK ON each table (or FLASHBACK ANY TABLE) to " +
          url.user + ", or add ?snapshot=none to the URL to read each table at its own moment (consistent only "
          "when nothing writes to these tables during the load)");
  }
}

OracleSource::~OracleSource() = default;

std::string OracleSource::describe() const { return impl_->url.describe(); }

std::vector<LoadUnit> OracleSource::units() const {
  std::vector<LoadUnit> out = TableListSource::units();
  for (auto& u : out) {
    const Table* t = catalog_.find_table(u.table);
    if (t && t->global_temporary) {
      u.missing = true;
      u.missing_reason = "global temporary table: its rows belong to the sessions that inserted them";
    }
  }
  return out;
}
unsigned long long OracleSource::scn() const { return impl_->scn; }
const std::string& OracleSource::dictionary_script() const { return impl_->script; }

std::unique_ptr<TableReader> OracleSource::open(const LoadUnit& unit, const std::vector<LoadColumn>& columns,
                                                RejectSink& rejects) const {
  auto it = impl_->owner_of.find(unit.table);
  std::string owner = it != impl_->owner_of.end() ? it->second : impl_->url.schemas.front();
  return std::make_unique<OracleReader>(impl_->url, impl_->password, owner, impl_->qualify, impl_->scn, unit, columns,
                                        rejects);
}

std::optional<std::pair<int64_t, int64_t>> OracleSource::key_bounds(const std::string& table,
                                                                    const std::string& column) const {
  auto it = impl_->owner_of.find(table);
  if (it == impl_->owner_of.end()) return std::nullopt;
  std::string sql = "SELECT MIN(" + q(column) + "), MAX(" + q(column) + ") FROM " + q(it->second) + "." + q(table);
  if (impl_->scn) sql += " AS OF SCN " + std::to_string(impl_->scn);
  auto rows = impl_->conn->query_text(sql, {41, 41});
  if (rows.empty() || !rows[0][0] || !rows[0][1]) return std::nullopt;
  int64_t lo = 0, hi = 0;
  const std::string &a = *rows[0][0], &b = *rows[0][1];
  if (std::from_chars(a.data(), a.data() + a.size(), lo).ec != std::errc() ||
      std::from_chars(b.data(), b.data() + b.size(), hi).ec != std::errc())
    return std::nullopt;
  return std::make_pair(lo, hi);
}

}  // namespace orashift
