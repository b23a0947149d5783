#include "validate/canonical.h"

#include <openssl/evp.h>

#include <charconv>
#include <cstdio>
#include <stdexcept>

#include "common/datetime.h"
#include "common/decimal.h"
#include "load/copy_text.h"
#include "load/endpoint.h"

namespace orashift {

namespace {

bool is_blank_padded(const OracleType& t) { return t.name == "CHAR" || t.name == "NCHAR"; }

// "1.2300" → "1.23", "5.00" → "5": NUMERIC(p,s) prints s digits, the value has no such digits.
void trim_fraction(std::string& s, size_t from) {
  if (s.find('.', from) == std::string::npos) return;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
}

void check_dialect(const std::string& d) {
  if (d != "postgres" && d != "duckdb") throw std::invalid_argument("validation cannot compute checksums on " + d);
}

}  // namespace

std::vector<CanonicalColumn> canonical_columns(const Table& table) {
  std::vector<CanonicalColumn> out;
  for (const Column& c : table.columns) {
    LoadColumn lc = load_column_for(c);
    out.push_back({c.name, lc.kind, lc.scale, is_blank_padded(c.type)});
  }
  return out;
}

void append_canonical_value(std::string& out, const ColumnVector& c, size_t row, const CanonicalColumn& how) {
  if (c.is_null(row)) {
    out.push_back('n');
    return;
  }
  out.push_back('v');
  size_t at = out.size();
  switch (c.kind) {
    case ValueKind::Int64: {
      char buf[24];
      auto r = std::to_chars(buf, buf + sizeof buf, c.ints[row]);
      out.append(buf, r.ptr);
      break;
    }
    case ValueKind::Decimal:
      append_decimal(out, c.decimals[row], c.scale);
      trim_fraction(out, at);
      break;
    case ValueKind::Double: append_double_text(out, c.doubles[row]); break;
    case ValueKind::Timestamp: {
      CivilDateTime t = civil_from_micros(c.ints[row]);
      char buf[48];
      int n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d.%06d", t.year, t.month, t.day, t.hour,
                            t.minute, t.second, t.micros);
      out.append(buf, static_cast<size_t>(n));
      break;
    }
    case ValueKind::Text: {
      std::string_view v = c.text(row);
      if (how.blank_padded)
        while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
      out.append(v);
      break;
    }
    case ValueKind::Bytes: append_hex(out, c.text(row)); break;
  }
}

std::string canonical_value_sql(const std::string& d, const std::string& col, const CanonicalColumn& how) {
  check_dialect(d);
  const bool pg = d == "postgres";
  std::string v;
  switch (how.kind) {
    case ValueKind::Int64:
    case ValueKind::Decimal:
      if (pg) {
        v = "trim_scale(" + col + "::numeric)::text";
      } else {
        std::string s = "CAST(" + col + " AS VARCHAR)";
        std::string t = "(CASE WHEN " + s + " LIKE '%.%' THEN rtrim(rtrim(" + s + ", '0'), '.') ELSE " + s + " END)";
        // DuckDB prints DECIMAL(p,s) with p = s without the leading zero (".4", ".00"): add it back.
        v = "(CASE WHEN " + t + " IN ('', '-') THEN '0' WHEN " + t + " LIKE '.%' THEN '0' || " + t + " WHEN " + t +
            " LIKE '-.%' THEN '-0' || substr(" + t + ", 2) ELSE " + t + " END)";
      }
      break;
    case ValueKind::Double:
      if (pg) {
        v = col + "::float8::text";
      } else {
        // The source side prints the shortest round-trip form ("2", "NaN", "Infinity"); DuckDB
        // prints whole values as "2.0" and the specials as "nan"/"inf".
        std::string d = "CAST(" + col + " AS DOUBLE)";
        v = "(CASE WHEN isnan(" + d + ") THEN 'NaN' WHEN isinf(" + d + ") THEN (CASE WHEN " + d +
            " > 0 THEN 'Infinity' ELSE '-Infinity' END) ELSE regexp_replace(CAST(" + d + " AS VARCHAR), '\\.0$', '') END)";
      }
      break;
    case ValueKind::Timestamp:
      v = pg ? "to_char(" + col + ", 'YYYY-MM-DD HH24:MI:SS.US')"
             : "strftime(CAST(" + col + " AS TIMESTAMP), '%Y-%m-%d %H:%M:%S.%f')";
      break;
    case ValueKind::Text:
      v = pg ? col + "::text" : "CAST(" + col + " AS VARCHAR)";
      if (how.blank_padded) v = "rtrim(" + v + ", ' ')";
      break;
    case ValueKind::Bytes: v = pg ? "encode(" + col + ", 'hex')" : "lower(hex(" + col + "))"; break;
  }
  return "coalesce('v' || " + v + ", 'n')";
}

uint64_t hash60(std::string_view text) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  if (EVP_Digest(text.data(), text.size(), md, &n, EVP_md5(), nullptr) != 1 || n < 8)
    throw std::runtime_error("MD5 digest failed");
  uint64_t v = 0;
  for (int i = 0; i < 7; ++i) v = v << 8 | md[i];
  return v << 4 | md[7] >> 4;
}

std::string hash60_sql(const std::string& d, const std::string& text_sql) {
  check_dialect(d);
  if (d == "postgres") return "('x' || substr(md5(" + text_sql + "), 1, 15))::bit(60)::bigint";
  return "CAST('0x' || substr(md5(" + text_sql + "), 1, 15) AS BIGINT)";
}

}  // namespace orashift
