#include "endpoints/oracle_files/sql_string.h"

#include <cctype>

namespace orashift {

// ---- number format models --------------------------------------------------------------

std::optional<NumberFormat> NumberFormat::compile(std::string_view mask, std::string* error) {
  NumberFormat f;
  f.text_ = std::string(mask);
  size_t i = 0;
  auto upper = [&](size_t k) { return static_cast<char>(std::toupper(static_cast<unsigned char>(mask[k]))); };
  if (mask.size() >= 2 && upper(0) == 'F' && upper(1) == 'M') i = 2;  // FM only affects output
  if (i < mask.size() && upper(i) == 'S') ++i;                       // leading sign
  for (; i < mask.size(); ++i) {
    char c = upper(i);
    if (c == '9' || c == '0') {
      (f.decimal_ ? f.frac_digits_ : f.int_digits_)++;
    } else if ((c == '.' || c == 'D') && !f.decimal_) {
      f.decimal_ = true;
    } else if ((c == ',' || c == 'G') && !f.decimal_) {
      f.groups_ = true;
    } else if (c == '$' && !f.dollar_) {
      f.dollar_ = true;
    } else if (c == 'M' && i + 1 == mask.size() - 1 && upper(i + 1) == 'I') {
      f.trailing_minus_ = true;
      ++i;
    } else if (c == 'S' && i + 1 == mask.size()) {
      f.trailing_minus_ = true;
    } else {
      if (error) *error = "unsupported element '" + std::string(1, mask[i]) + "' in number format '" + f.text_ + "'";
      return std::nullopt;
    }
  }
  if (f.int_digits_ + f.frac_digits_ == 0) {
    if (error) *error = "number format '" + f.text_ + "' has no digits";
    return std::nullopt;
  }
  return f;
}

bool NumberFormat::apply(std::string_view s, std::string& out) const {
  std::string_view v;
  if (!apply(s, out, v)) return false;
  if (v.data() != out.data()) out.assign(v);
  return true;
}

bool NumberFormat::apply(std::string_view s, std::string& out, std::string_view& result) const {
  // Already plain ("-1234.5": the shape data files hold): the result is the input itself, and
  // the counts below are the ones the general loop would find. Anything else (blanks, '+',
  // '$', group separators, a trailing sign) takes the general loop.
  {
    size_t i = !s.empty() && s[0] == '-';
    int ints = 0, fracs = 0;
    bool point = false, plain = true;
    for (; i < s.size(); ++i) {
      const char c = s[i];
      if (c >= '0' && c <= '9') (point ? fracs : ints)++;
      else if (c == '.' && decimal_ && !point) point = true;
      else {
        plain = false;
        break;
      }
    }
    if (plain) {
      result = s;
      return ints + fracs > 0 && ints <= int_digits_ && fracs <= frac_digits_;
    }
  }
  out.clear();
  result = out;
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
  bool neg = false;
  if (b < e && (s[b] == '-' || s[b] == '+')) neg = s[b++] == '-';
  if (trailing_minus_ && e > b && (s[e - 1] == '-' || s[e - 1] == '+')) neg = s[--e] == '-';
  if (dollar_ && b < e && s[b] == '$') ++b;
  int ints = 0, fracs = 0;
  bool point = false;
  if (neg) out.push_back('-');
  for (size_t i = b; i < e; ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      (point ? fracs : ints)++;
      out.push_back(c);
    } else if (c == '.' && decimal_ && !point) {
      point = true;
      out.push_back('.');
    } else if (c == ',' && groups_ && !point && ints > 0) {
      continue;
    } else {
      return false;
    }
  }
  result = out;
  return ints + fracs > 0 && ints <= int_digits_ && fracs <= frac_digits_;
}

// ---- parser ----------------------------------------------------------------------------

namespace {

struct SqlParser {
  std::string_view s;
  size_t i = 0;
  std::string error;
  uint32_t error_at = 0;

  void skip_ws() {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  }
  bool fail(std::string why, size_t at) {
    if (error.empty()) {
      error = std::move(why);
      error_at = static_cast<uint32_t>(at);
    }
    return false;
  }
  static bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || c == '#'; }

  std::string read_name() {
    size_t b = i;
    if (i < s.size() && s[i] == '"') {  // quoted identifier keeps its case
      size_t close = s.find('"', i + 1);
      if (close == std::string_view::npos) return {};
      i = close + 1;
      return std::string(s.substr(b + 1, close - b - 1));
    }
    while (i < s.size() && ident_char(s[i])) ++i;
    std::string n(s.substr(b, i - b));
    for (char& c : n) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return n;
  }

  bool parse_expr(SqlExpr& out) {
    if (!parse_primary(out)) return false;
    skip_ws();
    while (i + 1 < s.size() && s[i] == '|' && s[i + 1] == '|') {
      if (out.kind != SqlExpr::Kind::Concat) {
        SqlExpr left = std::move(out);
        out = SqlExpr{};
        out.kind = SqlExpr::Kind::Concat;
        out.offset = left.offset;
        out.args.push_back(std::move(left));
      }
      i += 2;
      SqlExpr right;
      if (!parse_primary(right)) return false;
      out.args.push_back(std::move(right));
      skip_ws();
    }
    return true;
  }

  bool parse_primary(SqlExpr& out) {
    skip_ws();
    out.offset = static_cast<uint32_t>(i);
    if (i >= s.size()) return fail("expression expected", i);
    char c = s[i];
    if (c == ':') {
      ++i;
      out.kind = SqlExpr::Kind::Bind;
      out.name = read_name();
      if (out.name.empty()) return fail("field name expected after ':'", i);
      return true;
    }
    if (c == '\'') {
      std::string lit;
      ++i;
      for (;;) {
        if (i >= s.size()) return fail("unterminated string literal", out.offset);
        if (s[i] == '\'') {
          if (i + 1 < s.size() && s[i + 1] == '\'') {
            lit.push_back('\'');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        lit.push_back(s[i++]);
      }
      out.kind = SqlExpr::Kind::Text;
      out.literal = std::move(lit);
      return true;
    }
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '+') {
      size_t b = i++;
      while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.' || s[i] == 'e' || s[i] == 'E'))
        ++i;
      out.kind = SqlExpr::Kind::Number;
      out.literal = std::string(s.substr(b, i - b));
      return true;
    }
    if (!ident_char(c)) return fail(std::string("unexpected '") + c + "' in SQL string", i);
    std::string name = read_name();
    skip_ws();
    if (i >= s.size() || s[i] != '(') {
      if (name == "SYSDATE" || name == "SYSTIMESTAMP" || name == "CURRENT_DATE") {
        out.kind = SqlExpr::Kind::Sysdate;
        return true;
      }
      if (name == "NULL") {
        out.kind = SqlExpr::Kind::Null;
        return true;
      }
      return fail("unsupported SQL in field expression: '" + name + "'", out.offset);
    }
    static const char* const kFunctions[] = {"TO_NUMBER", "TO_DATE", "TO_TIMESTAMP", "TO_CHAR", "UPPER", "LOWER", "TRIM",
                                             "LTRIM",     "RTRIM",   "NVL",          "SUBSTR",  "REPLACE"};
    bool known = false;
    for (const char* f : kFunctions) known = known || name == f;
    if (!known) return fail("unsupported SQL function " + name + " in field expression", out.offset);
    out.kind = SqlExpr::Kind::Call;
    out.name = name;
    ++i;  // '('
    skip_ws();
    if (i < s.size() && s[i] == ')') return fail(name + " needs arguments", i);
    for (;;) {
      SqlExpr arg;
      if (!parse_expr(arg)) return false;
      out.args.push_back(std::move(arg));
      skip_ws();
      if (i < s.size() && s[i] == ',') {
        ++i;
        continue;
      }
      if (i < s.size() && s[i] == ')') {
        ++i;
        break;
      }
      return fail("',' or ')' expected in call of " + name, i);
    }
    return check_call(out);
  }

  bool check_call(SqlExpr& e) {
    size_t n = e.args.size();
    auto arity = [&](size_t lo, size_t hi) {
      if (n >= lo && n <= hi) return true;
      std::string msg = e.name;
      msg += " takes ";
      msg += std::to_string(lo);
      if (lo != hi) msg.append("-").append(std::to_string(hi));
      msg += " argument(s)";
      return fail(std::move(msg), e.offset);
    };
    auto literal_arg = [&](size_t k) {
      return e.args[k].kind == SqlExpr::Kind::Text ? true : fail(e.name + ": format must be a string literal", e.args[k].offset);
    };
    const std::string& f = e.name;
    if (f == "TO_NUMBER") {
      if (!arity(1, 2)) return false;
      if (n == 2) {
        if (!literal_arg(1)) return false;
        std::string why;
        e.number_format = NumberFormat::compile(e.args[1].literal, &why);
        if (!e.number_format) return fail(why, e.args[1].offset);
      }
      return true;
    }
    if (f == "TO_DATE" || f == "TO_TIMESTAMP") {
      if (!arity(1, 2)) return false;
      if (n == 2) {
        if (!literal_arg(1)) return false;
        std::string why;
        e.date_mask = DateMask::compile(e.args[1].literal, &why);
        if (!e.date_mask) return fail(why, e.args[1].offset);
      }
      return true;
    }
    if (f == "TO_CHAR" || f == "UPPER" || f == "LOWER" || f == "TRIM") return arity(1, 1);
    if (f == "LTRIM" || f == "RTRIM") return arity(1, 2);
    if (f == "NVL") return arity(2, 2);
    if (f == "SUBSTR") return arity(2, 3);
    if (f == "REPLACE") return arity(2, 3);
    return fail("unsupported SQL function " + f, e.offset);
  }
};

}  // namespace

SqlParseResult parse_sql_string(std::string_view text) {
  SqlParser p;
  p.s = text;
  auto expr = std::make_shared<SqlExpr>();
  SqlParseResult r;
  if (p.parse_expr(*expr)) {
    p.skip_ws();
    if (p.i != text.size()) p.fail("unexpected text after the expression", p.i);
  }
  if (!p.error.empty()) {
    r.error = p.error;
    r.error_offset = p.error_at;
    return r;
  }
  r.expr = std::move(expr);
  return r;
}

// ---- evaluation ------------------------------------------------------------------------

const DateMask& default_date_mask() {
  static const DateMask m = *DateMask::compile("DD-MON-RR");
  return m;
}
const DateMask& default_timestamp_mask() {
  static const DateMask m = *DateMask::compile("DD-MON-RR HH.MI.SSXFF AM");
  return m;
}

std::string oracle_date_error(const std::string& why, std::string_view value, const DateMask& mask) {
  const char* ora = "ORA-01861: literal does not match format string";
  if (why.find("month") != std::string::npos) ora = "ORA-01843: not a valid month";
  else if (why.find("after the date") != std::string::npos) ora = "ORA-01830: date format picture ends before converting entire input string";
  else if (why.find("valid date") != std::string::npos) ora = "ORA-01847: day of month must be between 1 and last day of month";
  else if (why.find("year out of range") != std::string::npos) ora = "ORA-01841: (full) year must be between -4713 and +9999, and not be 0";
  else if (why.find("expected") != std::string::npos && why.find("'") == std::string::npos)
    ora = "ORA-01858: a non-numeric character was found where a numeric was expected";
  return std::string(ora) + " (value '" + std::string(value) + "', mask '" + mask.text() + "': " + why + ")";
}

static bool blank(char c) { return c == ' ' || c == '\t'; }

// Plain Oracle number syntax: [sign] digits [. digits] [E [sign] digits], blanks around.
static bool is_number_text(std::string_view s) {
  size_t i = 0, n = s.size();
  while (i < n && blank(s[i])) ++i;
  while (n > i && blank(s[n - 1])) --n;
  if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
  bool digits = false, point = false;
  for (; i < n; ++i) {
    if (s[i] >= '0' && s[i] <= '9') digits = true;
    else if (s[i] == '.' && !point) point = true;
    else break;
  }
  if (!digits) return false;
  if (i < n && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
    size_t b = i;
    while (i < n && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == b) return false;
  }
  return i == n;
}

static size_t utf8_advance(std::string_view s, size_t pos, int64_t chars) {
  while (pos < s.size() && chars > 0) {
    ++pos;
    while (pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) ++pos;
    --chars;
  }
  return pos;
}
static int64_t utf8_length(std::string_view s) {
  int64_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

bool eval_sql(SqlExpr& e, const FieldValue* fields, Micros now, FieldValue& out, std::string& error) {
  using K = SqlExpr::Kind;
  switch (e.kind) {
    case K::Bind: out = fields[e.bind_index]; return true;
    case K::Text:
    case K::Number: out = FieldValue::of_text(e.literal); return true;
    case K::Null: out = FieldValue::null(); return true;
    case K::Sysdate:
      out = FieldValue{};
      out.kind = FieldValue::Kind::Time;
      out.time = now;
      return true;
    case K::Concat: {
      std::string& buf = e.scratch;
      buf.clear();
      for (auto& a : e.args) {
        FieldValue v;
        if (!eval_sql(a, fields, now, v, error)) return false;
        if (v.kind == FieldValue::Kind::Time) {
          append_timestamp(buf, v.time);
        } else {
          buf.append(v.text);
        }
      }
      out = FieldValue::of_text(buf);
      return true;
    }
    case K::Call: break;
  }
  const std::string& f = e.name;
  FieldValue a;
  if (!eval_sql(e.args[0], fields, now, a, error)) return false;
  if (f == "NVL") {
    if (a.kind != FieldValue::Kind::Null) {
      out = a;
      return true;
    }
    return eval_sql(e.args[1], fields, now, out, error);
  }
  if (a.kind == FieldValue::Kind::Null) {
    out = FieldValue::null();
    return true;
  }
  if (a.kind == FieldValue::Kind::Time && f != "TO_DATE" && f != "TO_TIMESTAMP" && f != "TO_CHAR" && f != "NVL") {
    error = "ORA-00932: inconsistent datatypes: " + f + " of a date";
    return false;
  }
  std::string& buf = e.scratch;
  if (f == "TO_NUMBER") {
    if (e.number_format) {
      std::string_view plain;
      if (!e.number_format->apply(a.text, buf, plain)) {
        error = "ORA-01722: invalid number ('" + std::string(a.text) + "' does not match format '" +
                e.number_format->text() + "')";
        return false;
      }
      out = FieldValue::of_text(plain);  // the field's own text when it was already plain
      return true;
    }
    if (!is_number_text(a.text)) {
      error = "ORA-01722: invalid number ('" + std::string(a.text) + "')";
      return false;
    }
    out = a;
    return true;
  }
  if (f == "TO_DATE" || f == "TO_TIMESTAMP") {
    if (a.kind == FieldValue::Kind::Time) {
      out = a;
      return true;
    }
    const DateMask& m = e.date_mask ? *e.date_mask : (f == "TO_DATE" ? default_date_mask() : default_timestamp_mask());
    Micros t;
    std::string why;
    if (!m.parse(a.text, t, &why)) {
      error = oracle_date_error(why, a.text, m);
      return false;
    }
    out = FieldValue{};
    out.kind = FieldValue::Kind::Time;
    out.time = t;
    return true;
  }
  if (f == "TO_CHAR") {
    if (a.kind == FieldValue::Kind::Time) {
      buf.clear();
      append_timestamp(buf, a.time);
      out = FieldValue::of_text(buf);
    } else {
      out = a;
    }
    return true;
  }
  std::string_view t = a.text;
  if (f == "UPPER" || f == "LOWER") {
    buf.assign(t);
    for (char& c : buf)
      c = static_cast<char>(f == "UPPER" ? std::toupper(static_cast<unsigned char>(c)) : std::tolower(static_cast<unsigned char>(c)));
    out = FieldValue::of_text(buf);
    return true;
  }
  if (f == "TRIM" || f == "LTRIM" || f == "RTRIM") {
    std::string_view set = " ";
    FieldValue sv;
    if (e.args.size() == 2) {
      if (!eval_sql(e.args[1], fields, now, sv, error)) return false;
      if (sv.kind == FieldValue::Kind::Null) {
        out = FieldValue::null();
        return true;
      }
      set = sv.text;
    }
    size_t b = 0, n = t.size();
    if (f != "RTRIM")
      while (b < n && set.find(t[b]) != std::string_view::npos) ++b;
    if (f != "LTRIM")
      while (n > b && set.find(t[n - 1]) != std::string_view::npos) --n;
    out = FieldValue::of_text(t.substr(b, n - b));
    return true;
  }
  if (f == "SUBSTR") {
    FieldValue sv, lv;
    if (!eval_sql(e.args[1], fields, now, sv, error)) return false;
    if (e.args.size() == 3 && !eval_sql(e.args[2], fields, now, lv, error)) return false;
    if (sv.kind != FieldValue::Kind::Text || (e.args.size() == 3 && lv.kind != FieldValue::Kind::Text)) {
      out = FieldValue::null();
      return true;
    }
    int64_t start = std::strtoll(std::string(sv.text).c_str(), nullptr, 10);
    int64_t total = utf8_length(t);
    if (start == 0) start = 1;
    if (start < 0) start = total + start + 1;
    if (start < 1 || start > total) {
      out = FieldValue::null();
      return true;
    }
    size_t b = utf8_advance(t, 0, start - 1);
    size_t n = t.size();
    if (e.args.size() == 3) {
      int64_t len = std::strtoll(std::string(lv.text).c_str(), nullptr, 10);
      if (len < 1) {
        out = FieldValue::null();
        return true;
      }
      n = utf8_advance(t, b, len);
    }
    out = FieldValue::of_text(t.substr(b, n - b));
    return true;
  }
  if (f == "REPLACE") {
    FieldValue from, to;
    if (!eval_sql(e.args[1], fields, now, from, error)) return false;
    if (e.args.size() == 3 && !eval_sql(e.args[2], fields, now, to, error)) return false;
    if (from.kind != FieldValue::Kind::Text) {
      out = a;
      return true;
    }
    std::string result;
    size_t pos = 0;
    for (;;) {
      size_t hit = t.find(from.text, pos);
      result.append(t.substr(pos, hit == std::string_view::npos ? std::string_view::npos : hit - pos));
      if (hit == std::string_view::npos) break;
      if (to.kind == FieldValue::Kind::Text) result.append(to.text);
      pos = hit + from.text.size();
    }
    buf = std::move(result);
    out = FieldValue::of_text(buf);
    return true;
  }
  error = "unsupported function " + f;
  return false;
}

}  // namespace orashift
