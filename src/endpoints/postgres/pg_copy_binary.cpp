#include "endpoints/postgres/pg_copy_binary.h"

#include <cstring>

namespace orashift {

using namespace pg_binary;

namespace {


void put16(std::string& out, uint16_t v) {
  char b[2] = {static_cast<char>(v >> 8), static_cast<char>(v)};
  out.append(b, 2);
}
void put32(std::string& out, uint32_t v) {
  char b[4] = {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8), static_cast<char>(v)};
  out.append(b, 4);
}
void put64(std::string& out, uint64_t v) {
  put32(out, static_cast<uint32_t>(v >> 32));
  put32(out, static_cast<uint32_t>(v));
}

const char* int_type_name(unsigned oid) { return oid == kInt2 ? "smallint" : "integer"; }

// Base-10000 groups of magnitude × 10^-scale, least significant first, and the group index
// of the units group: groups[i] has weight i - units.
struct NumericGroups {
  uint16_t g[48];  // scale up to 127 (Oracle's limit) + 39 digits + alignment padding
  int count = 0;
  int units = 0;
};

// Magnitudes below 2^64 with scale <= 19 (nearly every value): aligned by multiplying, then
// split with 64-bit divisions where they fit.
bool small_groups(unsigned __int128 m, int scale, NumericGroups& out) {
  if (m >> 64 || scale > 19) return false;
  int pad = (4 - scale % 4) % 4;
  for (int i = 0; i < pad; ++i) m *= 10;
  out.units = (scale + pad) / 4;
  while (m >> 64) {
    out.g[out.count++] = static_cast<uint16_t>(m % 10000);
    m /= 10000;
  }
  for (uint64_t s = static_cast<uint64_t>(m); s; s /= 10000) out.g[out.count++] = static_cast<uint16_t>(s % 10000);
  return true;
}

// Any magnitude: its decimal digits placed around the point, then cut into groups.
void general_groups(unsigned __int128 m, int scale, NumericGroups& out) {
  char digits[192];  // least significant first, the fraction padded to a multiple of 4
  int n = 0;
  int pad = (4 - scale % 4) % 4;
  for (int i = 0; i < pad; ++i) digits[n++] = 0;
  for (; m; m /= 10) digits[n++] = static_cast<char>(m % 10);
  int frac = scale + pad;
  while (n < frac) digits[n++] = 0;
  out.units = frac / 4;
  for (int i = 0; i < n; i += 4) {
    int v = 0;
    for (int k = std::min(n, i + 4) - 1; k >= i; --k) v = v * 10 + digits[k];
    out.g[out.count++] = static_cast<uint16_t>(v);
  }
}

}  // namespace

bool PgCopyBinaryEncoder::supports(ValueKind kind, unsigned oid) {
  // Deliberately absent: timestamptz and date (their text input applies the session time zone
  // or drops a time of day, which the text format keeps doing), float4 (a double narrowed here
  // could round differently from float4in reading the double's digits), booleans and anything
  // else read from text by its own input function.
  switch (kind) {
    case ValueKind::Int64: return oid == kInt8 || oid == kInt4 || oid == kInt2 || oid == kNumeric;
    case ValueKind::Decimal: return oid == kNumeric;
    case ValueKind::Double: return oid == kFloat8;
    case ValueKind::Text: return oid == kText || oid == kVarchar || oid == kBpchar;
    case ValueKind::Timestamp: return oid == kTimestamp;
    case ValueKind::Bytes: return oid == kBytea;
  }
  return false;
}

void PgCopyBinaryEncoder::append_header(std::string& out) {
  out.append("PGCOPY\n\377\r\n\0", 11);
  put32(out, 0);  // flags: no OIDs
  put32(out, 0);  // header extension length
}

void PgCopyBinaryEncoder::append_trailer(std::string& out) { put16(out, 0xFFFF); }

void PgCopyBinaryEncoder::append_numeric(std::string& out, Int128 value, int scale) {
  bool negative = value < 0;
  unsigned __int128 m = negative ? -static_cast<unsigned __int128>(value) : static_cast<unsigned __int128>(value);
  NumericGroups ng;
  if (!small_groups(m, scale, ng)) general_groups(m, scale, ng);
  int low = 0;  // trailing zero groups carry nothing: the display scale restores the zeros
  while (low < ng.count && ng.g[low] == 0) ++low;
  int high = ng.count;  // leading zero groups: none from the division, some from padding
  while (high > low && ng.g[high - 1] == 0) --high;
  int ndigits = high - low;
  put32(out, static_cast<uint32_t>(8 + 2 * ndigits));
  put16(out, static_cast<uint16_t>(ndigits));
  put16(out, static_cast<uint16_t>(ndigits ? high - 1 - ng.units : 0));  // weight
  put16(out, ndigits && negative ? 0x4000 : 0x0000);
  put16(out, static_cast<uint16_t>(scale));  // display scale
  for (int i = high - 1; i >= low; --i) put16(out, ng.g[i]);
}

std::optional<std::string> PgCopyBinaryEncoder::append_row(std::string& out, const Batch& batch, size_t row) const {
  size_t begin = out.size();
  put16(out, static_cast<uint16_t>(columns_.size()));
  for (size_t i = 0; i < columns_.size(); ++i) {
    const Column& col = columns_[i];
    const ColumnVector& c = batch.columns[i];
    if (c.is_null(row)) {
      put32(out, 0xFFFFFFFFu);
      continue;
    }
    switch (c.kind) {
      case ValueKind::Int64: {
        int64_t v = c.ints[row];
        if (col.type_oid == kInt8) {
          put32(out, 8);
          put64(out, static_cast<uint64_t>(v));
        } else if (col.type_oid == kNumeric) {
          append_numeric(out, v, 0);
        } else {
          int64_t limit = col.type_oid == kInt2 ? 32767 : 2147483647;
          if (v > limit || v < -limit - 1) {
            out.resize(begin);
            return "column " + col.name + ": value " + std::to_string(v) + " is out of range for type " +
                   int_type_name(col.type_oid);
          }
          if (col.type_oid == kInt2) {
            put32(out, 2);
            put16(out, static_cast<uint16_t>(v));
          } else {
            put32(out, 4);
            put32(out, static_cast<uint32_t>(v));
          }
        }
        break;
      }
      case ValueKind::Decimal: append_numeric(out, c.decimals[row], c.scale); break;
      case ValueKind::Double: {
        uint64_t bits;
        std::memcpy(&bits, &c.doubles[row], 8);
        put32(out, 8);
        put64(out, bits);
        break;
      }
      case ValueKind::Timestamp:
        put32(out, 8);
        put64(out, static_cast<uint64_t>(c.ints[row] - kPgEpochMicros));
        break;
      case ValueKind::Text:
      case ValueKind::Bytes: {
        std::string_view s = c.text(row);
        if (c.kind == ValueKind::Text && std::memchr(s.data(), '\0', s.size())) {
          out.resize(begin);
          return "column " + col.name + ": text contains a NUL byte, which PostgreSQL cannot store";
        }
        put32(out, static_cast<uint32_t>(s.size()));
        out.append(s);
        break;
      }
    }
  }
  return std::nullopt;
}

}  // namespace orashift
