#include "endpoints/oracle_files/insert_eval.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "sql/ast_query.h"

namespace orashift {

namespace ast = sql::ast;

namespace {

std::string upper(std::string_view s) {
  std::string u(s);
  for (char& c : u) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return u;
}

std::string ident_name(const ast::Ident& i) { return normalize_identifier(i.text); }

// The value of a string literal token as written: '..' with '' doubled, N'..', q'[..]'.
std::string unquote(std::string_view s) {
  if (!s.empty() && (s[0] == 'n' || s[0] == 'N')) s.remove_prefix(1);
  if (!s.empty() && (s[0] == 'q' || s[0] == 'Q')) return s.size() >= 5 ? std::string(s.substr(3, s.size() - 5)) : "";
  if (s.size() < 2) return {};
  s = s.substr(1, s.size() - 2);
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    out.push_back(s[i]);
    if (s[i] == '\'' && i + 1 < s.size() && s[i + 1] == '\'') ++i;
  }
  return out;
}

// Exact text → number with as many decimals as the text needs (at most 38 digits in all).
bool parse_number_value(std::string_view text, SqlValue& out) {
  std::string t(text);
  while (!t.empty() && (t.back() == ' ')) t.pop_back();
  size_t b = t.find_first_not_of(' ');
  if (b == std::string::npos) return false;
  t = t.substr(b);
  int frac = 0, exp = 0;
  size_t dot = t.find('.'), e = t.find_first_of("eE");
  if (dot != std::string::npos) frac = static_cast<int>((e == std::string::npos ? t.size() : e) - dot - 1);
  if (e != std::string::npos) {
    try {
      exp = std::stoi(t.substr(e + 1));
    } catch (...) {
      return false;
    }
  }
  int scale = std::clamp(frac - exp, 0, 38);
  bool rounded = false;
  Int128 v;
  if (parse_decimal(t, scale, v, &rounded) != DecimalParse::Ok || rounded) return false;
  out.kind = SqlValue::Kind::Number;
  out.number = v;
  out.scale = scale;
  return true;
}

// Removes trailing fractional zeros so results stay small ("1.50" * 2 keeps scale 1).
void normalize(SqlValue& v) {
  while (v.scale > 0 && v.number % 10 == 0) {
    v.number /= 10;
    --v.scale;
  }
}

bool rescale(Int128 v, int from, int to, Int128& out) {
  if (to < from) return false;
  int d = to - from;
  if (d > 38 || decimal_digits(v) + d > 38) return false;
  out = v * pow10_i128(d);
  return true;
}

}  // namespace

std::string oracle_number_text(Int128 v, int scale) {
  SqlValue n;
  n.number = v;
  n.scale = scale;
  normalize(n);
  std::string s = format_decimal(n.number, n.scale);
  // Oracle writes 0.5 as ".5" and -0.5 as "-.5".
  if (s.rfind("0.", 0) == 0) s.erase(0, 1);
  else if (s.rfind("-0.", 0) == 0) s.erase(1, 1);
  return s;
}

bool SequenceCounters::find(const std::string& name, State*& s, std::string& error) {
  auto it = states_.find(name);
  if (it == states_.end()) {
    const Sequence* seq = nullptr;
    if (catalog_)
      for (const auto& q : catalog_->sequences)
        if (q.name == name) seq = &q;
    if (!seq) {
      error = "ORA-02289: sequence does not exist (" + name + " is not created by the DDL scripts)";
      return false;
    }
    State st;
    Int128 start = 0;
    bool has_start = false;
    for (const auto& o : seq->options) {
      SqlValue v;
      bool num = parse_number_value(o.value, v) && v.scale == 0;
      if (o.name == "START WITH" && num) start = v.number, has_start = true;
      else if (o.name == "INCREMENT BY" && num) st.increment = v.number;
      else if ((o.name == "START WITH" || o.name == "INCREMENT BY") && !num) {
        error = "sequence " + name + ": " + o.name + " " + o.value + " is not an integer orashift can evaluate";
        return false;
      } else if (o.name == "MINVALUE" && num && !has_start && st.increment > 0) start = v.number;
      else if (o.name == "MAXVALUE" && num && !has_start && st.increment < 0) start = v.number;
    }
    // Oracle: START WITH defaults to MINVALUE (1) ascending, MAXVALUE (-1) descending.
    if (!has_start && start == 0) start = st.increment > 0 ? 1 : -1;
    st.current = start - st.increment;
    it = states_.emplace(name, st).first;
  }
  s = &it->second;
  return true;
}

bool SequenceCounters::nextval(const std::string& name, Int128& out, std::string& error) {
  State* s;
  if (!find(name, s, error)) return false;
  if (!s->started || s->row != row_) {
    s->current += s->increment;
    s->started = true;
    s->row = row_;
  }
  out = s->current;
  return true;
}

bool SequenceCounters::currval(const std::string& name, Int128& out, std::string& error) {
  State* s;
  if (!find(name, s, error)) return false;
  if (!s->started) {
    error = "ORA-08002: sequence " + name + ".CURRVAL is not yet defined in this session";
    return false;
  }
  out = s->current;
  return true;
}

bool InsertEvaluator::fail(const ast::Expr& e, std::string msg, std::string& error, Span& where) {
  error = std::move(msg);
  where = e.span;
  return false;
}

const DateMask* InsertEvaluator::date_mask(const std::string& text, std::string& error) {
  auto it = masks_.find(text);
  if (it != masks_.end()) return &it->second;
  std::string why;
  auto m = DateMask::compile(text, &why);
  if (!m) {
    error = "ORA-01821: date format not recognized ('" + text + "': " + why + ")";
    return nullptr;
  }
  return &masks_.emplace(text, std::move(*m)).first->second;
}

bool InsertEvaluator::eval(const ast::Expr& e, SqlValue& out, std::string& error, Span& where) {
  out = SqlValue{};
  switch (e.kind) {
    case ast::ExprKind::Literal: {
      const auto& l = static_cast<const ast::LiteralExpr&>(e);
      switch (l.literal) {
        case ast::LiteralKind::Null: return true;
        case ast::LiteralKind::String:
        case ast::LiteralKind::NationalString:
          out.text = unquote(l.text);
          out.kind = out.text.empty() ? SqlValue::Kind::Null : SqlValue::Kind::Text;  // Oracle: '' is NULL
          return true;
        case ast::LiteralKind::Number: {
          std::string_view t = l.text;
          if (!t.empty() && std::strchr("dDfF", t.back())) return fail(e, "BINARY_FLOAT/BINARY_DOUBLE literal " + std::string(t) + " is not evaluated", error, where);
          if (!parse_number_value(t, out)) return fail(e, "number literal " + std::string(t) + " has more than 38 digits", error, where);
          return true;
        }
        case ast::LiteralKind::Date:
        case ast::LiteralKind::Timestamp: {
          bool date = l.literal == ast::LiteralKind::Date;
          std::string v = unquote(l.text);
          std::string why;
          // ANSI literals: DATE 'YYYY-MM-DD', TIMESTAMP 'YYYY-MM-DD HH24:MI:SS[.FF]'.
          const DateMask* m = date_mask(date ? "YYYY-MM-DD" : "YYYY-MM-DD HH24:MI:SS.FF", error);
          if (!m) return fail(e, error, error, where);
          if (!m->parse(v, out.time, &why)) return fail(e, oracle_date_error(why, v, *m), error, where);
          out.kind = SqlValue::Kind::Time;
          return true;
        }
        default: return fail(e, "literal " + std::string(l.text) + " is not evaluated", error, where);
      }
    }
    case ast::ExprKind::Name: {
      const auto& n = static_cast<const ast::NameExpr&>(e);
      std::string last = upper(n.parts.back().text);
      if (n.parts.size() == 1 && (last == "SYSDATE" || last == "SYSTIMESTAMP" || last == "CURRENT_DATE" ||
                                  last == "CURRENT_TIMESTAMP" || last == "LOCALTIMESTAMP")) {
        out.kind = SqlValue::Kind::Time;
        out.time = now_;
        if (last == "SYSDATE" || last == "CURRENT_DATE") out.time -= out.time % kMicrosPerSecond;
        return true;
      }
      if (n.parts.size() == 1 && (last == "TRUE" || last == "FALSE") && n.parts[0].text.front() != '"') {
        out.kind = SqlValue::Kind::Text;  // 23ai BOOLEAN literal, as the text a BOOLEAN column reads
        out.text = last == "TRUE" ? "true" : "false";
        return true;
      }
      if (n.parts.size() == 1 && vars_) {
        auto it = vars_->find(ident_name(n.parts[0]));
        if (it != vars_->end()) {
          if (!it->second.error.empty()) return fail(e, "variable " + it->first + ": " + it->second.error, error, where);
          out = it->second.value;
          return true;
        }
      }
      if (n.parts.size() >= 2 && n.dblink.empty() && (last == "NEXTVAL" || last == "CURRVAL")) {
        std::string seq = ident_name(n.parts[n.parts.size() - 2]);
        Int128 v;
        bool ok = last == "NEXTVAL" ? seqs_.nextval(seq, v, error) : seqs_.currval(seq, v, error);
        if (!ok) return fail(e, error, error, where);
        out.kind = SqlValue::Kind::Number;
        out.number = v;
        return true;
      }
      return fail(e, "cannot evaluate " + std::string(e.span.text()) + " (a column, variable or function orashift does not know)", error, where);
    }
    case ast::ExprKind::Unary: {
      const auto& u = static_cast<const ast::UnaryExpr&>(e);
      if (u.op != ast::UnaryOp::Neg && u.op != ast::UnaryOp::Plus) break;
      if (!eval(*u.operand, out, error, where)) return false;
      if (out.kind == SqlValue::Kind::Null) return true;
      if (out.kind == SqlValue::Kind::Text && !parse_number_value(out.text, out))
        return fail(e, "ORA-01722: invalid number ('" + out.text + "')", error, where);
      if (out.kind != SqlValue::Kind::Number) return fail(e, "ORA-00932: inconsistent datatypes: expected NUMBER", error, where);
      if (u.op == ast::UnaryOp::Neg) out.number = -out.number;
      return true;
    }
    case ast::ExprKind::List: {
      const auto& l = static_cast<const ast::ListExpr&>(e);
      if (l.items.size() == 1 && !l.as_type) return eval(*l.items[0], out, error, where);
      break;
    }
    case ast::ExprKind::Binary: return binary(static_cast<const ast::BinaryExpr&>(e), out, error, where);
    case ast::ExprKind::Call: return call(static_cast<const ast::CallExpr&>(e), out, error, where);
    case ast::ExprKind::Bind: {
      const auto& b = static_cast<const ast::BindExpr&>(e);
      return fail(e, std::string(b.substitution ? "substitution variable " : "bind variable ") + std::string(b.text) +
                         " has no value here",
                  error, where);
    }
    case ast::ExprKind::Subquery: return fail(e, "subquery: orashift cannot run queries", error, where);
    default: break;
  }
  return fail(e, "cannot evaluate " + std::string(e.span.text()).substr(0, 120) + " (not a literal, a conversion function or arithmetic on literals)", error, where);
}

// Arithmetic and || exactly as Oracle does them on numbers, dates and text.
bool InsertEvaluator::binary(const ast::BinaryExpr& b, SqlValue& out, std::string& error, Span& where) {
  SqlValue l, r;
  if (!eval(*b.lhs, l, error, where) || !eval(*b.rhs, r, error, where)) return false;
  if (b.op == ast::BinaryOp::Concat) {
    auto as_text = [&](const SqlValue& v, std::string& s) {
      switch (v.kind) {
        case SqlValue::Kind::Null: return true;
        case SqlValue::Kind::Text: s += v.text; return true;
        case SqlValue::Kind::Number: s += oracle_number_text(v.number, v.scale); return true;
        default: return false;
      }
    };
    std::string s;
    if (!as_text(l, s) || !as_text(r, s))
      return fail(b, "|| with a DATE or RAW operand depends on NLS settings; not evaluated", error, where);
    out.kind = s.empty() ? SqlValue::Kind::Null : SqlValue::Kind::Text;
    out.text = std::move(s);
    return true;
  }
  if (b.op != ast::BinaryOp::Add && b.op != ast::BinaryOp::Sub && b.op != ast::BinaryOp::Mul && b.op != ast::BinaryOp::Div)
    return fail(b, std::string("operator ") + ast::binary_op_text(b.op) + " is not evaluated", error, where);
  if (l.kind == SqlValue::Kind::Null || r.kind == SqlValue::Kind::Null) return true;  // NULL op x is NULL
  for (SqlValue* v : {&l, &r})
    if (v->kind == SqlValue::Kind::Text && !parse_number_value(v->text, *v))
      return fail(b, "ORA-01722: invalid number ('" + v->text + "')", error, where);
  // date ± days, date - date
  if (l.kind == SqlValue::Kind::Time || r.kind == SqlValue::Kind::Time) {
    if (l.kind == SqlValue::Kind::Time && r.kind == SqlValue::Kind::Time && b.op == ast::BinaryOp::Sub) {
      Micros d = l.time - r.time;
      if (d % kMicrosPerSecond) return fail(b, "difference of timestamps with fractions is not evaluated", error, where);
      out.kind = SqlValue::Kind::Number;
      out.number = d / kMicrosPerSecond;
      out.scale = 0;
      // days = seconds / 86400: exact only if it terminates; keep up to 10 decimals exactly.
      Int128 scaled = out.number * pow10_i128(10);
      if (scaled % 86400 != 0) return fail(b, "date difference is not a whole number of 1e-10 days", error, where);
      out.number = scaled / 86400;
      out.scale = 10;
      normalize(out);
      return true;
    }
    bool date_left = l.kind == SqlValue::Kind::Time;
    const SqlValue& d = date_left ? l : r;
    const SqlValue& n = date_left ? r : l;
    if (n.kind != SqlValue::Kind::Number || b.op == ast::BinaryOp::Mul || b.op == ast::BinaryOp::Div ||
        (!date_left && b.op == ast::BinaryOp::Sub))
      return fail(b, "ORA-00932: inconsistent datatypes in date arithmetic", error, where);
    // days → microseconds must be exact; Oracle DATE keeps whole seconds.
    Int128 us = n.number * static_cast<Int128>(kMicrosPerDay);
    Int128 p = pow10_i128(n.scale);
    if (us % p) return fail(b, "date arithmetic with a fraction of a microsecond is not evaluated", error, where);
    us /= p;
    out.kind = SqlValue::Kind::Time;
    out.time = d.time + static_cast<Micros>(b.op == ast::BinaryOp::Sub ? -us : us);
    return true;
  }
  if (l.kind != SqlValue::Kind::Number || r.kind != SqlValue::Kind::Number)
    return fail(b, "ORA-00932: inconsistent datatypes: expected NUMBER", error, where);
  out.kind = SqlValue::Kind::Number;
  auto overflow = [&] { return fail(b, "result has more than 38 digits; not evaluated", error, where); };
  if (b.op == ast::BinaryOp::Add || b.op == ast::BinaryOp::Sub) {
    int s = std::max(l.scale, r.scale);
    Int128 a, c;
    if (!rescale(l.number, l.scale, s, a) || !rescale(r.number, r.scale, s, c)) return overflow();
    out.number = b.op == ast::BinaryOp::Add ? a + c : a - c;
    out.scale = s;
    if (decimal_digits(out.number) > 38) return overflow();
  } else if (b.op == ast::BinaryOp::Mul) {
    if (decimal_digits(l.number) + decimal_digits(r.number) > 38 || l.scale + r.scale > 38) return overflow();
    out.number = l.number * r.number;
    out.scale = l.scale + r.scale;
  } else {
    if (r.number == 0) return fail(b, "ORA-01476: divisor is equal to zero", error, where);
    // Exact quotient only: scale up the dividend until the division leaves no remainder.
    for (int extra = 0; extra <= 38; ++extra) {
      Int128 a;
      if (!rescale(l.number, l.scale, l.scale + r.scale + extra, a)) break;
      if (a % r.number == 0) {
        out.number = a / r.number;
        out.scale = l.scale + extra;
        normalize(out);
        return true;
      }
    }
    return fail(b, "division does not give an exact decimal within 38 digits; not evaluated", error, where);
  }
  normalize(out);
  return true;
}

bool InsertEvaluator::call(const ast::CallExpr& c, SqlValue& out, std::string& error, Span& where) {
  std::string name;
  for (const auto& p : c.name) name += (name.empty() ? "" : ".") + upper(p.text);
  if (c.over || c.star || !c.set_quantifier.empty()) return fail(c, "cannot evaluate " + name + "(…)", error, where);
  std::vector<SqlValue> args(c.args.size());
  for (size_t i = 0; i < c.args.size(); ++i) {
    if (!c.args[i].name.empty() || !c.args[i].value || c.args[i].tail.file)
      return fail(c, "cannot evaluate the arguments of " + name, error, where);
    if (!eval(*c.args[i].value, args[i], error, where)) return false;
  }
  auto text_arg = [&](size_t i, std::string& s) {
    const SqlValue& v = args[i];
    if (v.kind == SqlValue::Kind::Text) s = v.text;
    else if (v.kind == SqlValue::Kind::Number) s = oracle_number_text(v.number, v.scale);
    else return false;
    return true;
  };
  bool to_date = name == "TO_DATE", to_ts = name == "TO_TIMESTAMP";
  if (to_date || to_ts) {
    if (args.empty() || args.size() > 3) return fail(c, name + " takes 1 to 3 arguments", error, where);
    if (args.size() == 3) {
      // Month and day names are English here, so only an English date language is exact.
      std::string nls;
      if (args[2].kind == SqlValue::Kind::Text)
        for (char ch : args[2].text)
          if (ch != ' ') nls += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      if (nls != "NLS_DATE_LANGUAGE=AMERICAN" && nls != "NLS_DATE_LANGUAGE=ENGLISH")
        return fail(c, name + " with NLS parameter other than NLS_DATE_LANGUAGE=American/English is not evaluated", error, where);
    }
    if (args[0].kind == SqlValue::Kind::Null) return true;
    if (args[0].kind == SqlValue::Kind::Time) {  // TO_DATE(date) is the date
      out = args[0];
      return true;
    }
    std::string v, fmt;
    if (!text_arg(0, v)) return fail(c, name + " of a RAW value", error, where);
    const DateMask* m = &(to_date ? default_date_mask() : default_timestamp_mask());
    if (args.size() == 2) {
      if (!text_arg(1, fmt)) return fail(c, name + ": the format must be text", error, where);
      if (!(m = date_mask(fmt, error))) return fail(c, error, error, where);
    }
    std::string why;
    if (!m->parse(v, out.time, &why)) return fail(c, oracle_date_error(why, v, *m), error, where);
    out.kind = SqlValue::Kind::Time;
    return true;
  }
  if (name == "TO_NUMBER") {
    if (args.empty() || args.size() > 2) return fail(c, "TO_NUMBER takes 1 or 2 arguments here", error, where);
    if (args[0].kind == SqlValue::Kind::Null) return true;
    if (args[0].kind == SqlValue::Kind::Number && args.size() == 1) {
      out = args[0];
      return true;
    }
    std::string v, fmt, plain;
    if (!text_arg(0, v)) return fail(c, "TO_NUMBER of a DATE or RAW", error, where);
    if (args.size() == 2) {
      std::string why;
      if (!text_arg(1, fmt)) return fail(c, "TO_NUMBER: the format must be text", error, where);
      auto nf = NumberFormat::compile(fmt, &why);
      if (!nf) return fail(c, "TO_NUMBER format '" + fmt + "' is not evaluated: " + why, error, where);
      if (!nf->apply(v, plain)) return fail(c, "ORA-01722: invalid number ('" + v + "' with format '" + fmt + "')", error, where);
      v = plain;
    }
    if (!parse_number_value(v, out)) return fail(c, "ORA-01722: invalid number ('" + v + "')", error, where);
    return true;
  }
  if (name == "UNISTR") {  // \hhhh (UTF-16 code units) and \\ → UTF-8
    if (args.size() != 1) return fail(c, "UNISTR takes 1 argument", error, where);
    if (args[0].kind == SqlValue::Kind::Null) return true;
    std::string v;
    if (!text_arg(0, v)) return fail(c, "UNISTR of a DATE or RAW", error, where);
    auto hex4 = [&](size_t at, uint32_t& u) {
      if (at + 4 > v.size()) return false;
      u = 0;
      for (size_t k = at; k < at + 4; ++k) {
        char ch = v[k];
        int d = ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10 : -1;
        if (d < 0) return false;
        u = u * 16 + static_cast<uint32_t>(d);
      }
      return true;
    };
    std::string s;
    for (size_t i = 0; i < v.size(); ++i) {
      if (v[i] != '\\') {
        s.push_back(v[i]);
        continue;
      }
      if (i + 1 < v.size() && v[i + 1] == '\\') {
        s.push_back('\\');
        ++i;
        continue;
      }
      uint32_t cp;
      if (!hex4(i + 1, cp)) return fail(c, "ORA-30186: '\\' must be followed by four hexadecimal characters or another '\\'", error, where);
      i += 4;
      if (cp >= 0xD800 && cp <= 0xDBFF) {  // a surrogate pair
        uint32_t lo;
        if (i + 1 < v.size() && v[i + 1] == '\\' && hex4(i + 2, lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          i += 5;
        } else {
          return fail(c, "UNISTR: unpaired UTF-16 surrogate", error, where);
        }
      } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
        return fail(c, "UNISTR: unpaired UTF-16 surrogate", error, where);
      }
      if (cp < 0x80) s.push_back(static_cast<char>(cp));
      else if (cp < 0x800) s += {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
      else if (cp < 0x10000)
        s += {static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
      else
        s += {static_cast<char>(0xF0 | (cp >> 18)), static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
              static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
    }
    out.kind = s.empty() ? SqlValue::Kind::Null : SqlValue::Kind::Text;
    out.text = std::move(s);
    return true;
  }
  if (name == "CHR") {  // the character with that code in an AL32UTF8 database: its bytes
    if (args.size() != 1) return fail(c, "CHR takes 1 argument here (USING NCHAR_CS is not evaluated)", error, where);
    if (args[0].kind == SqlValue::Kind::Null) return true;
    SqlValue n = args[0];
    if (n.kind == SqlValue::Kind::Text && !parse_number_value(n.text, n)) return fail(c, "ORA-01722: invalid number", error, where);
    if (n.kind != SqlValue::Kind::Number || n.scale != 0 || n.number < 0 || n.number > 0xFFFFFFFF)
      return fail(c, "CHR of a value that is not a whole number 0..4294967295", error, where);
    std::string bytes;
    for (uint32_t v = static_cast<uint32_t>(n.number); v; v >>= 8) bytes.insert(bytes.begin(), static_cast<char>(v & 0xFF));
    if (bytes.empty()) bytes.push_back('\0');
    out.kind = SqlValue::Kind::Text;
    out.text = std::move(bytes);
    return true;
  }
  if (name == "HEXTORAW" || name == "UTL_RAW.CAST_TO_RAW" || name == "SYS.UTL_RAW.CAST_TO_RAW") {
    if (args.size() != 1) return fail(c, name + " takes 1 argument", error, where);
    if (args[0].kind == SqlValue::Kind::Null) return true;
    std::string v;
    if (!text_arg(0, v)) return fail(c, name + " of a DATE or RAW", error, where);
    out.kind = SqlValue::Kind::Raw;
    if (name != "HEXTORAW") {  // CAST_TO_RAW: the bytes of the text as they are
      out.text = std::move(v);
      return true;
    }
    auto hex = [](char ch) {
      if (ch >= '0' && ch <= '9') return ch - '0';
      if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
      if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
      return -1;
    };
    size_t i = 0;
    if (v.size() % 2) {
      if (hex(v[0]) < 0) return fail(c, "ORA-01465: invalid hex number", error, where);
      out.text.push_back(static_cast<char>(hex(v[0])));
      i = 1;
    }
    for (; i < v.size(); i += 2) {
      int hi = hex(v[i]), lo = hex(v[i + 1]);
      if (hi < 0 || lo < 0) return fail(c, "ORA-01465: invalid hex number", error, where);
      out.text.push_back(static_cast<char>(hi * 16 + lo));
    }
    return true;
  }
  return fail(c, "cannot evaluate function " + name + " (orashift evaluates TO_DATE, TO_TIMESTAMP, TO_NUMBER, CHR, UNISTR, HEXTORAW, UTL_RAW.CAST_TO_RAW)", error, where);
}

}  // namespace orashift
