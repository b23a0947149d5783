#include "convert/type_evidence.h"

#include <algorithm>

namespace orashift {

namespace {

// Digits a narrowed integer type keeps above the largest value seen: ×100 growth before a
// value no longer fits (docs/type-mapping.md#types-from-evidence).
constexpr int kHeadroomDigits = 2;
// Exponents beyond this are not real data for NUMBER (its magnitude ends at 1E125); such text
// is counted as "not a number" instead of being expanded into hundreds of digits.
constexpr int kMaxExponent = 130;

bool blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// -1, 0, 1 comparing two canonical decimals ("-12.5", "0", "7.25").
int compare_canonical(std::string_view a, std::string_view b) {
  bool an = !a.empty() && a[0] == '-', bn = !b.empty() && b[0] == '-';
  if (an != bn) return an ? -1 : 1;
  if (an) a.remove_prefix(1), b.remove_prefix(1);
  size_t ap = std::min(a.find('.'), a.size()), bp = std::min(b.find('.'), b.size());
  int c = 0;
  if (ap != bp) c = ap < bp ? -1 : 1;
  else if (int k = a.substr(0, ap).compare(b.substr(0, bp))) c = k < 0 ? -1 : 1;
  else if (int f = a.substr(ap).compare(b.substr(bp))) c = f < 0 ? -1 : 1;  // ".5" < ".51": no trailing zeros
  return an ? -c : c;
}

bool is_integer_name(const std::string& n) { return n == "INTEGER" || n == "INT" || n == "SMALLINT"; }

bool is_key_column(const Table& t, const std::string& column) {
  for (const auto& c : t.constraints)
    if ((c.kind == ConstraintKind::PrimaryKey || c.kind == ConstraintKind::Unique) &&
        std::find(c.columns.begin(), c.columns.end(), column) != c.columns.end())
      return true;
  return false;
}

std::string summary(const ColumnEvidence& e) {
  std::string s;
  if (e.numbers() == 0) return "no number among " + std::to_string(e.rows_seen) + " rows";
  s = "min " + e.min + ", max " + e.max + ", at most " + std::to_string(e.max_integer_digits) + " integer digit" +
      (e.max_integer_digits == 1 ? "" : "s");
  s += e.non_integral ? ", scale up to " + std::to_string(e.max_scale) : ", integers only";
  s += ", " + std::to_string(e.nulls) + " NULL";
  return s + ", " + e.coverage;
}

}  // namespace

void ColumnEvidence::observe(std::string_view text) {
  ++rows_seen;
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  if (text.empty()) {  // Oracle stores an empty string as NULL
    ++nulls;
    return;
  }
  max_bytes = std::max(max_bytes, text.size());
  size_t i = 0, n = text.size();
  bool neg = false;
  if (text[i] == '-' || text[i] == '+') neg = text[i++] == '-';
  // The digits without the point, and how many of them are left of it.
  std::string digits;
  long point = -1;
  for (; i < n; ++i) {
    char c = text[i];
    if (c >= '0' && c <= '9') digits.push_back(c);
    else if (c == '.' && point < 0) point = static_cast<long>(digits.size());
    else break;
  }
  if (point < 0) point = static_cast<long>(digits.size());
  if (i < n && (text[i] == 'e' || text[i] == 'E') && !digits.empty()) {
    ++i;
    bool eneg = false;
    if (i < n && (text[i] == '-' || text[i] == '+')) eneg = text[i++] == '-';
    long exp = 0;
    size_t start = i;
    for (; i < n && text[i] >= '0' && text[i] <= '9' && exp <= kMaxExponent; ++i) exp = exp * 10 + (text[i] - '0');
    if (i == start || exp > kMaxExponent) i = n + 1;  // malformed or absurd: not a number
    point += eneg ? -exp : exp;
  }
  if (i != n || digits.empty()) {
    ++not_numbers;
    return;
  }
  // Canonical parts: integer digits without leading zeros, fraction without trailing zeros.
  std::string ip, fp;
  if (point <= 0) {
    fp.assign(static_cast<size_t>(-point), '0');
    fp += digits;
  } else if (static_cast<size_t>(point) >= digits.size()) {
    ip = digits;
    ip.append(static_cast<size_t>(point) - digits.size(), '0');
  } else {
    ip = digits.substr(0, static_cast<size_t>(point));
    fp = digits.substr(static_cast<size_t>(point));
  }
  ip.erase(0, std::min(ip.find_first_not_of('0'), ip.size()));
  fp.erase(std::min(fp.find_last_not_of('0') + 1, fp.size()));
  if (fp.find_first_not_of('0') == std::string::npos) fp.clear();
  max_integer_digits = std::max(max_integer_digits, static_cast<int>(ip.size()));
  max_scale = std::max(max_scale, static_cast<int>(fp.size()));
  non_integral = non_integral || !fp.empty();
  std::string v = (neg && (!ip.empty() || !fp.empty()) ? "-" : "") + (ip.empty() ? std::string("0") : ip) +
                  (fp.empty() ? "" : "." + fp);
  if (min.empty() || compare_canonical(v, min) < 0) min = v;
  if (max.empty() || compare_canonical(v, max) > 0) max = v;
}

bool can_narrow(const Table& table, const Column& column) {
  const OracleType& t = column.type;
  bool unconstrained = t.name == "NUMBER" && !t.precision && !t.scale;  // NUMBER and NUMBER(*)
  if (!unconstrained && !is_integer_name(t.name)) return false;
  if (!column.identity_sql.empty() || !column.virtual_sql.empty()) return false;
  for (const auto& c : table.constraints)
    if (c.kind == ConstraintKind::ForeignKey && std::find(c.columns.begin(), c.columns.end(), column.name) != c.columns.end())
      return false;
  return true;
}

std::optional<OracleType> narrowed_type(const ColumnEvidence& e, bool key, std::string& why) {
  if (e.numbers() == 0) {
    why = "no number seen (" + std::to_string(e.rows_seen) + " rows, " + std::to_string(e.nulls) +
          " NULL): nothing is proven";
    return std::nullopt;
  }
  int d = e.max_integer_digits, s = e.max_scale;
  if (!e.non_integral) {
    int need = d + kHeadroomDigits;
    if (need > 38) {
      why = std::to_string(d) + " integer digits leave no headroom below 38";
      return std::nullopt;
    }
    // The smallest of SMALLINT / INTEGER / BIGINT (NUMBER(4/9/18)) holding 100× the largest
    // value; a key never gets SMALLINT, keys grow with the business.
    int p = need <= 4 && !key ? 4 : need <= 9 ? 9 : need <= 18 ? 18 : 38;
    return OracleType::number(p, std::nullopt);  // NUMBER(p): scale 0
  }
  if (is_integer_name(e.declared)) {
    why = "fractional values in an integer column: Oracle rounds them, so the declared type is kept";
    return std::nullopt;
  }
  int p = d + kHeadroomDigits + s;
  if (p > 38) {
    why = std::to_string(d) + " integer and " + std::to_string(s) + " fractional digits leave no headroom below 38";
    return std::nullopt;
  }
  return OracleType::number(p, s);
}

void narrow_types_from_evidence(Catalog& catalog, TypeEvidence& evidence, TypesFrom mode, Dialect dialect,
                                const TypeMappingSettings& settings, ActionItems& items) {
  for (ColumnEvidence& e : evidence) {
    Table* t = catalog.find_table(e.table);
    Column* c = t ? t->find_column(e.column) : nullptr;
    if (!c) continue;
    if (mode == TypesFrom::Declared) {
      e.decision = "declared type kept (--types declared)";
      continue;
    }
    if (column_override(settings, t->name, c->name, dialect)) {
      e.decision = "declared type kept: the --type-map file names this column";
      continue;
    }
    if (!e.complete && mode == TypesFrom::Auto && e.numbers() > 0) {
      e.decision = "declared type kept: the evidence is " + e.coverage + ", not every row (--types evidence uses it)";
      continue;
    }
    std::string why;
    std::optional<OracleType> narrowed = narrowed_type(e, is_key_column(*t, c->name), why);
    if (!narrowed) {
      e.decision = "declared type kept: " + why;
      continue;
    }
    std::string before = map_type(*c, "", dialect, settings, nullptr).sql;
    c->type = *narrowed;
    std::string after = map_type(*c, "", dialect, settings, nullptr).sql;
    std::string sampled = e.complete ? "" : " (from a sample, not every row)";
    e.decision = before + " → " + after + " (" + narrowed->text() + ")" + sampled;
    c->narrowing = "orashift narrowed " + t->name + "." + c->name + " from " + e.declared + " to " + after + " (" +
                   narrowed->text() + ") on the evidence " + summary(e) +
                   "; to load it, rerun with --types declared or give the column a type in --type-map";
    items.add("OS1008", "TABLE " + t->name,
              "column " + c->name + " " + e.declared + " → " + after + sampled + ": " + summary(e), c->span,
              dialect_name(dialect));
  }
}

}  // namespace orashift
