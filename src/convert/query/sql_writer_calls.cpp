// Oracle functions → target functions (the table in docs/sql-rewrites.md), date functions and
// format models. Functions the targets spell the same are printed as written.
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>

#include "convert/query/format_model.h"
#include "convert/query/sql_writer.h"
#include "convert/query/userenv.h"
#include "convert/query/xml_sql.h"
#include "common/naming.h"
#include "dialect/sql_literal.h"
#include "sql/parser.h"

namespace orashift::rewrite {

using namespace sql::ast;

namespace {

// Same name, same meaning on all three targets.
const std::set<std::string>& same_everywhere() {
  static const std::set<std::string> s = {
      "COALESCE", "NULLIF", "ABS", "CEIL", "FLOOR", "SIGN", "SQRT", "EXP", "LN", "LOG", "POWER", "MOD", "ROUND",
      "UPPER", "LOWER", "LENGTH", "LTRIM", "RTRIM", "TRIM", "LPAD", "RPAD", "ASCII", "CHR", "COUNT", "SUM", "AVG",
      "MIN", "MAX", "STDDEV", "VARIANCE", "STDDEV_POP", "STDDEV_SAMP", "VAR_POP", "VAR_SAMP", "ROW_NUMBER", "RANK",
      "DENSE_RANK", "LAG", "LEAD", "FIRST_VALUE", "LAST_VALUE", "NTILE", "CUME_DIST", "PERCENT_RANK",
      "PERCENTILE_CONT", "PERCENTILE_DISC", "NTH_VALUE", "CORR", "COVAR_POP", "COVAR_SAMP", "TRANSLATE", "GROUPING",
      "REGEXP_SUBSTR", "REGEXP_INSTR", "REGEXP_COUNT", "SIN", "COS", "TAN", "ASIN", "ACOS", "ATAN", "ATAN2"};
  return s;
}

// Oracle built-ins with no mapping: an item, never a silent pass-through.
const std::set<std::string>& unmapped() {
  static const std::set<std::string> s = {
      "DUMP", "VSIZE", "ORA_HASH", "STANDARD_HASH", "USERENV", "SYS_CONTEXT", "EMPTY_CLOB", "EMPTY_BLOB", "NANVL",
      "XMLAGG", "XMLELEMENT", "XMLFOREST", "XMLTYPE", "EXTRACTVALUE", "XMLQUERY", "XMLSERIALIZE", "JSON_VALUE",
      "JSON_QUERY", "JSON_OBJECT", "JSON_ARRAYAGG", "JSON_OBJECTAGG", "JSON_ARRAY", "TREAT", "DEREF", "REF", "VALUE",
      "SOUNDEX", "NLSSORT", "NLS_UPPER", "NLS_LOWER", "NLS_INITCAP", "RAWTOHEX", "HEXTORAW", "UTL_RAW",
      "FROM_TZ", "NEW_TIME", "TZ_OFFSET", "SESSIONTIMEZONE", "DBTIMEZONE", "NUMTODSINTERVAL", "NUMTOYMINTERVAL",
      "TO_DSINTERVAL", "TO_YMINTERVAL", "COLLECT", "CARDINALITY", "SET", "POWERMULTISET", "RATIO_TO_REPORT_X",
      "APPROX_COUNT_DISTINCT", "CONNECT_BY_ROOT", "SYS_TYPEID", "BFILENAME", "TO_CLOB", "TO_BLOB", "TO_NCHAR",
      "TO_MULTI_BYTE", "TO_SINGLE_BYTE", "CONVERT", "COMPOSE", "DECOMPOSE", "UNISTR", "ASCIISTR", "LNNVL",
      "WIDTH_BUCKET", "SCN_TO_TIMESTAMP", "TIMESTAMP_TO_SCN", "ORA_ROWSCN", "MULTISET", "MAKE_REF", "SYS_XMLGEN",
      "XMLCAST", "XMLCONCAT", "XMLROOT", "XMLPARSE", "EXISTSNODE", "UPDATEXML", "JSON_SERIALIZE", "JSON_MERGEPATCH"};
  return s;
}

bool is_null_literal(const Expr& e) {
  std::string v;
  if (is_string_literal(e, &v)) return v.empty();
  return e.kind == ExprKind::Literal && static_cast<const LiteralExpr&>(e).literal == LiteralKind::Null;
}

// TRUNC/ROUND(date, 'fmt') unit names.
std::string trunc_unit(std::string f) {
  for (char& c : f) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (f == "YYYY" || f == "YEAR" || f == "Y" || f == "YY" || f == "YYY" || f == "SYYYY" || f == "SYEAR" ||
      f == "RRRR" || f == "RR")
    return "year";
  if (f == "Q") return "quarter";
  if (f == "MM" || f == "MON" || f == "MONTH" || f == "RM") return "month";
  if (f == "DD" || f == "DDD" || f == "J") return "day";
  if (f == "IW") return "week";
  if (f == "HH" || f == "HH12" || f == "HH24") return "hour";
  if (f == "MI") return "minute";
  if (f == "CC" || f == "SCC") return "";  // century: not the targets' (Oracle's starts at year 1, 01)
  return "";
}

// UNISTR's escapes (\XXXX UTF-16 units, \\ a backslash) decoded to UTF-8; false when malformed.
bool decode_unistr(std::string_view in, std::string& out) {
  auto hex = [](std::string_view h, uint32_t& v) {
    v = 0;
    for (char c : h) {
      v <<= 4;
      if (c >= '0' && c <= '9') v |= static_cast<uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f') v |= static_cast<uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') v |= static_cast<uint32_t>(c - 'A' + 10);
      else return false;
    }
    return true;
  };
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '\\') {
      out.push_back(in[i]);
      continue;
    }
    if (i + 1 < in.size() && in[i + 1] == '\\') {
      out.push_back('\\');
      ++i;
      continue;
    }
    uint32_t cp = 0, lo = 0;
    if (i + 5 > in.size() || !hex(in.substr(i + 1, 4), cp)) return false;
    i += 4;
    if (cp >= 0xD800 && cp < 0xDC00) {  // a surrogate pair: the low half follows as \XXXX
      if (i + 6 > in.size() || in[i + 1] != '\\' || !hex(in.substr(i + 2, 4), lo) || lo < 0xDC00 || lo > 0xDFFF)
        return false;
      cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
      i += 5;
    }
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }
  return true;
}

}  // namespace

std::string SqlWriter::call_tail(const CallExpr& c) {
  std::string out;
  if (!c.keep.empty()) {
    item("OS4007", "KEEP (DENSE_RANK FIRST/LAST ...): rewrite with FIRST_VALUE over a window or a subquery", c.span);
    out += " KEEP (DENSE_RANK " + upper(c.keep) + " ORDER BY " + order_items(c.keep_order_by) + ")";
  }
  if (c.has_within_group) out += " WITHIN GROUP (ORDER BY " + order_items(c.within_group) + ")";
  if (!c.nulls_treatment.empty()) {
    if (postgres()) item("OS4007", upper(c.nulls_treatment) + " NULLS: PostgreSQL has no null treatment in window functions", c.span);
    out += " " + upper(c.nulls_treatment) + " NULLS";
  }
  if (c.over) out += window(*c.over);
  return out;
}

std::string SqlWriter::call_generic(const CallExpr& c, const std::string& fn) {
  std::string out = fn + "(";
  if (!c.set_quantifier.empty()) {
    std::string q = upper(c.set_quantifier);
    out += (q == "UNIQUE" ? std::string("DISTINCT") : q) + " ";
  }
  if (c.star) out += "*";
  for (size_t i = 0; i < c.args.size(); ++i) {
    const CallArg& a = c.args[i];
    if (i) out += ", ";
    if (!a.name.empty()) item("OS4007", "named argument " + std::string(a.name) + " =>", a.value->span);
    out += expr(*a.value);
    if (a.tail.end > a.tail.begin) out += " " + sql::compact_text(a.tail);
  }
  if (!c.arg_order_by.empty()) out += " ORDER BY " + order_items(c.arg_order_by);
  return out + ")" + call_tail(c);
}

std::string SqlWriter::decode(const CallExpr& c) {
  if (c.args.size() < 3) {
    item("OS4007", "DECODE with fewer than 3 arguments", c.span);
    return call_generic(c, "DECODE");
  }
  // Oracle converts the expression and every search value to the type of the first search value
  // (a character expression meets numeric searches as a NUMBER, and so on).
  ValueType first = type_of(*c.args[1].value);
  auto searched = [&](const Expr& e) {
    return first == ValueType::Number || first == ValueType::Date ? compared(e, first) : expr(e);
  };
  std::string x = searched(*c.args[0].value);
  if (redshift() && !c.over && c.set_quantifier.empty()) {
    // native, and NULL matches NULL there as in Oracle
    std::string out = "DECODE(" + x;
    for (size_t i = 1; i < c.args.size(); ++i)
      out += ", " + (i % 2 == 1 && i + 1 < c.args.size() ? searched(*c.args[i].value) : arg(c, i));
    return out + ")";
  }
  // DECODE matches NULL to NULL: IS NOT DISTINCT FROM, or IS NULL for a NULL search value.
  std::string out = "CASE";
  size_t i = 1;
  for (; i + 1 < c.args.size(); i += 2) {
    const Expr& search = *c.args[i].value;
    if (is_null_literal(search))
      out += " WHEN " + x + " IS NULL";
    else if (search.kind == ExprKind::Literal)
      out += " WHEN " + x + " = " + searched(search);
    else
      out += " WHEN " + x + " IS NOT DISTINCT FROM " + searched(search);
    out += " THEN " + arg(c, i + 1);
  }
  if (i < c.args.size()) out += " ELSE " + arg(c, i);
  return out + " END";
}

bool SqlWriter::mask_text(const Expr& mask, std::string* value) const {
  if (is_string_literal(mask, value)) return true;
  if (!ctx_.routine) return false;
  auto c = ctx_.routine->constant_string(mask);
  if (c && value) *value = *c;
  return c.has_value();
}

std::string SqlWriter::date_format(const Expr& mask, bool parsing, Span where) {
  std::string m;
  if (!mask_text(mask, &m)) {
    if (ctx_.routine)
      if (auto at_run_time = ctx_.routine->runtime_format_model(expr(mask), parsing)) {
        item("OS4004",
             "format model " + sql::compact_text(mask.span) +
                 " converted at run time: an element PostgreSQL lacks (FF9, and TZD/TZR when reading) raises 22007 there",
             where, false);
        return *at_run_time;
      }
    item("OS4004", "format model is not a literal: " + sql::compact_text(mask.span), where);
    return expr(mask);
  }
  FormatModel f = convert_date_format(m, d_, parsing);
  if (!f.approximate.empty()) item("OS4004", "format model '" + m + "': " + f.approximate, where, false);
  if (!f.unsupported.empty())
    item("OS4004", "format element " + f.unsupported + " of '" + m + "' has no " + dialect_name(d_) + " equivalent", where);
  return quote_literal(f.mask, d_);
}

std::string SqlWriter::to_char(const CallExpr& c) {
  if (c.args.empty() || c.args.size() > 3) return call_generic(c, "TO_CHAR");
  if (c.args.size() == 3) item("OS4004", "TO_CHAR NLS parameter ignored", c.args[2].value->span, false);
  const Expr& v = *c.args[0].value;
  ValueType t = type_of(v);
  std::string mask;
  bool has_mask = c.args.size() >= 2 && mask_text(*c.args[1].value, &mask);
  if (t == ValueType::Unknown && has_mask) {
    // A mask with a datetime element says what the value is.
    FormatModel probe = convert_date_format(mask, Dialect::Postgres, false);
    t = probe.unsupported.empty() ? ValueType::Date : ValueType::Number;
  }
  if (c.args.size() == 1 && t == ValueType::Interval)
    if (auto text = interval_text(v)) return *text;
  if (c.args.size() == 1) {
    if (t == ValueType::Date) {
      item("OS4012", "TO_CHAR(date) without a format uses NLS_DATE_FORMAT; DD-MON-RR assumed", c.span, false);
      if (duckdb()) return "upper(strftime(" + expr(v) + ", '%d-%b-%y'))";
      return "TO_CHAR(" + expr(v) + ", 'DD-MON-YY')";
    }
    return "CAST(" + expr(v) + " AS " + text_type() + ")";
  }
  if (t == ValueType::Date) {
    std::string m = date_format(*c.args[1].value, false, c.args[1].value->span);
    if (duckdb()) {
      FormatModel f = convert_date_format(mask, d_, false);
      std::string s = "strftime(" + expr(v) + ", " + m + ")";
      return f.upper_case ? "upper(" + s + ")" : s;
    }
    return "TO_CHAR(" + expr(v) + ", " + m + ")";
  }
  // Numbers: PostgreSQL and Redshift take Oracle's number masks (9, 0, ., ',', D, G, FM, S, MI, $).
  if (duckdb()) {
    item("OS4004", "TO_CHAR(number, '" + mask + "'): DuckDB has no number format models; use printf()", c.span);
    return "CAST(" + expr(v) + " AS VARCHAR)";
  }
  if (t == ValueType::Unknown && !has_mask)
    item("OS4008", "TO_CHAR argument type unknown; assumed a number", c.span, false);
  return "TO_CHAR(" + expr(v) + ", " + expr(*c.args[1].value) + ")";
}

std::string SqlWriter::to_date(const CallExpr& c, bool timestamp) {
  if (c.args.empty()) return call_generic(c, timestamp ? "TO_TIMESTAMP" : "TO_DATE");
  std::string s = arg(c, 0);
  if (c.args.size() == 1) {
    item("OS4012", std::string(timestamp ? "TO_TIMESTAMP" : "TO_DATE") +
                       " without a format uses the NLS format; the target's own parsing is used",
         c.span, false);
    return "CAST(" + s + " AS TIMESTAMP)";
  }
  if (c.args.size() == 3) item("OS4004", "NLS parameter ignored", c.args[2].value->span, false);
  std::string m = date_format(*c.args[1].value, true, c.args[1].value->span);
  if (duckdb()) return "strptime(" + s + ", " + m + ")";
  return "CAST(TO_TIMESTAMP(" + s + ", " + m + ") AS TIMESTAMP)";
}

std::string SqlWriter::to_number(const CallExpr& c) {
  if (c.args.empty()) return call_generic(c, "TO_NUMBER");
  std::string s = arg(c, 0);
  if (c.args.size() == 1) return "CAST(" + s + " AS NUMERIC)";
  if (duckdb()) {
    item("OS4004", "TO_NUMBER with a format: DuckDB has no number format models", c.span);
    return "CAST(" + s + " AS DECIMAL(38,10))";
  }
  std::string fmt;
  if (postgres() && c.args.size() == 2 && is_string_literal(*c.args[1].value, &fmt) && !fmt.empty() && fmt.size() <= 16 &&
      fmt.find_first_not_of("xX") == std::string::npos) {
    // A hexadecimal format ('XXXX', SQL Language Reference, "Number Format Models"): PostgreSQL's
    // to_number has no X. Up to 16 digits read as bit(64) → bigint, made unsigned again; a string
    // that is not hex of at most as many digits as the format raises invalid_text_representation
    // through the cast in the ELSE branch (Oracle: ORA-01722 invalid number); NULL stays NULL.
    std::string padded = "lpad(" + s + ", 16, '0')";
    return "(CASE WHEN " + s + " ~ '^[0-9A-Fa-f]+$' AND length(" + s + ") <= " + std::to_string(fmt.size()) + " THEN ('x' || " +
           padded + ")::bit(64)::bigint::numeric + CASE WHEN " + padded +
           " ~ '^[89A-Fa-f]' THEN 18446744073709551616 ELSE 0 END ELSE CAST('x' || " + s + " AS NUMERIC) END)";
  }
  return "TO_NUMBER(" + s + ", " + arg(c, 1) + ")";
}

std::string SqlWriter::trunc_round(const CallExpr& c, bool round) {
  const char* fn = round ? "ROUND" : "TRUNC";
  if (c.args.empty() || c.args.size() > 2) return call_generic(c, fn);
  ValueType t = type_of(*c.args[0].value);
  std::string fmt;
  bool fmt_literal = c.args.size() == 2 && is_string_literal(*c.args[1].value, &fmt);
  if (t == ValueType::Unknown && fmt_literal) t = ValueType::Date;
  if (t == ValueType::Unknown) {
    item("OS4008", std::string(fn) + " argument type unknown; assumed a number", c.span, false);
    t = ValueType::Number;
  }
  if (t == ValueType::Number) {
    if (!round && duckdb() && c.args.size() == 2)  // DuckDB's trunc() takes no digits
      return "(CASE WHEN " + arg(c, 0) + " < 0 THEN CEIL(" + arg(c, 0) + " * POWER(10, " + arg(c, 1) +
             ")) ELSE FLOOR(" + arg(c, 0) + " * POWER(10, " + arg(c, 1) + ")) END / POWER(10, " + arg(c, 1) + "))";
    // PostgreSQL's ROUND/TRUNC take (numeric, integer): a computed digit count is cast, as Oracle
    // truncates it to an integer.
    if (postgres() && c.args.size() == 2 && c.args[1].value->kind != ExprKind::Literal)
      return std::string(fn) + "(" + arg(c, 0) + ", TRUNC(" + arg(c, 1) + ")::INTEGER)";
    return call_generic(c, fn);
  }
  std::string unit = "day";
  if (c.args.size() == 2) {
    if (!fmt_literal) {
      item("OS4004", std::string(fn) + "(date, fmt) with a format that is not a literal", c.span);
      return call_generic(c, fn);
    }
    unit = trunc_unit(fmt);
    if (unit.empty()) {
      item("OS4004", std::string(fn) + "(date, '" + fmt + "'): no DATE_TRUNC unit", c.span);
      return call_generic(c, fn);
    }
  }
  std::string d = arg(c, 0);
  // DuckDB's DATE_TRUNC returns a DATE for units of a day or more; Oracle keeps a DATE (TIMESTAMP here).
  auto typed = [&](std::string s) { return duckdb() ? "CAST(" + s + " AS TIMESTAMP)" : s; };
  if (!round) return typed("DATE_TRUNC('" + unit + "', " + d + ")");
  // ROUND rounds half up: truncate after adding half a unit (exact for day and smaller units).
  static const std::map<std::string, std::string> half = {
      {"day", "12 hours"}, {"hour", "30 minutes"}, {"minute", "30 seconds"}};
  auto h = half.find(unit);
  if (h == half.end()) {
    item("OS4004", "ROUND(date, '" + fmt + "') is only converted for day, hour and minute", c.span);
    return "DATE_TRUNC('" + unit + "', " + d + ")";
  }
  return typed("DATE_TRUNC('" + unit + "', " + d + " + INTERVAL '" + h->second + "')");
}

std::string SqlWriter::date_call(const CallExpr& c, const std::string& f) {
  auto need = [&](size_t n) {
    if (c.args.size() == n) return true;
    item("OS4007", f + " with " + std::to_string(c.args.size()) + " arguments", c.span);
    return false;
  };
  if (f == "ADD_MONTHS") {
    if (!need(2)) return call_generic(c, f);
    if (redshift()) return call_generic(c, f);  // native, with Oracle's end-of-month rule
    item("OS4012", "ADD_MONTHS: Oracle moves a month's last day to the last day of the result month; "
                   "interval arithmetic keeps the day number (clamped)",
         c.span, false);
    // Oracle uses the integer part of n. DuckDB multiplies a month interval into days, so it
    // gets to_months().
    if (duckdb()) return "(" + arg(c, 0) + " + to_months(CAST(TRUNC(" + arg(c, 1) + ") AS INTEGER)))";
    return "(" + arg(c, 0) + " + CAST(TRUNC(" + arg(c, 1) + ") AS INTEGER) * INTERVAL '1 month')";
  }
  if (f == "MONTHS_BETWEEN") {
    if (!need(2)) return call_generic(c, f);
    if (redshift()) return call_generic(c, f);
    std::string a = arg(c, 0), b = arg(c, 1);
    item("OS4012", "MONTHS_BETWEEN: Oracle treats two month-ends as whole months; the formula uses a 31-day month "
                   "for the fraction like Oracle otherwise",
         c.span, false);
    return "((EXTRACT(YEAR FROM " + a + ") - EXTRACT(YEAR FROM " + b + ")) * 12 + EXTRACT(MONTH FROM " + a +
           ") - EXTRACT(MONTH FROM " + b + ") + (EXTRACT(EPOCH FROM " + a + " - DATE_TRUNC('month', " + a +
           ")) - EXTRACT(EPOCH FROM " + b + " - DATE_TRUNC('month', " + b + "))) / 2678400)";
  }
  if (f == "LAST_DAY") {
    if (!need(1)) return call_generic(c, f);
    std::string d = arg(c, 0);
    // Keeps the time of day, as Oracle does (Redshift's LAST_DAY returns a DATE).
    if (redshift())
      return "DATEADD(second, DATEDIFF(second, DATE_TRUNC('day', " + d + "), " + d + "), CAST(LAST_DAY(" + d +
             ") AS TIMESTAMP))";
    return "(DATE_TRUNC('month', " + d + ") + INTERVAL '1 month' - INTERVAL '1 day' + (" + d + " - DATE_TRUNC('day', " +
           d + ")))";
  }
  if (f == "NEXT_DAY") {
    if (!need(2)) return call_generic(c, f);
    if (redshift()) return call_generic(c, f);
    std::string day;
    static const char* names[] = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};
    int dow = -1;
    if (is_string_literal(*c.args[1].value, &day))
      for (int k = 0; k < 7; ++k)
        if (upper(day).rfind(names[k], 0) == 0) dow = k;
    if (dow < 0) {
      item("OS4007", "NEXT_DAY with a day that is not an English day-name literal", c.span);
      return call_generic(c, f);
    }
    std::string d = arg(c, 0);
    std::string days = "((" + std::to_string(dow + 6) + " - CAST(EXTRACT(DOW FROM " + d + ") AS INTEGER)) % 7 + 1)";
    return "(" + d + " + " + days + " * INTERVAL '1 day')";
  }
  return call_generic(c, f);
}

// REPLACE / REGEXP_REPLACE. Oracle removes the matches when the replacement is missing, '' or
// NULL (its '' is NULL); every target returns NULL for a NULL replacement, so it becomes '' (a
// replacement that is an expression is wrapped in COALESCE(…, '')). Oracle's REGEXP_REPLACE
// replaces every match; PostgreSQL and DuckDB replace the first unless given 'g'; Redshift
// replaces every match by default.
std::string SqlWriter::replace(const CallExpr& c, const std::string& f) {
  size_t n = c.args.size();
  // REGEXP_REPLACE(s, p, r, 1, 0|1[, 'i'|'c']): from the start, every match or the first, as flags.
  std::string flags = redshift() ? "" : "g";
  std::string start_n;  // PostgreSQL 15: ", start, N" before the flags
  if (f == "REGEXP_REPLACE" && n > 3 && n <= 6 && !redshift()) {
    std::string pos = arg(c, 3), occ = n >= 5 ? arg(c, 4) : "0", match;
    // 'm' (multiline: ^ and $ at line ends, . not matching a newline, as Oracle's default) is
    // PostgreSQL's newline-sensitive 'n'.
    bool match_ok = n < 6 || (is_string_literal(*c.args[5].value, &match) &&
                              match.find_first_not_of("icmnx") == std::string::npos);
    bool simple = match == "i" || match == "c" || match == "m" || match.empty();
    std::string match_flags = simple ? std::string(match == "i" ? "i" : "") + (match == "m" ? "n" : "") : regex_flags(match);
    if (pos == "1" && (occ == "0" || occ == "1") && match_ok) {
      flags = std::string(occ == "0" ? "g" : "") + match_flags;
      n = 3;
    } else if (postgres() && match_ok) {
      // PostgreSQL 15's regexp_replace(s, p, r, start, N[, flags]): Oracle's position and
      // occurrence as they are (N = 0 replaces every match from start, as Oracle's 0 does).
      start_n = ", " + whole_arg(c, 3) + ", " + (n >= 5 ? whole_arg(c, 4) : std::string("0"));
      flags = match_flags;
      n = 3;
    }
  }
  if (n < 2 || n > 3) {
    if (f == "REGEXP_REPLACE" && n > 3) item("OS4007", "REGEXP_REPLACE with a position, occurrence or match parameter", c.span);
    return call_generic(c, f);
  }
  std::string with = "''";
  const Expr* r = n == 3 ? c.args[2].value.get() : nullptr;
  if (r && !is_null_literal(*r)) {
    with = arg(c, 2);
    // Oracle converts a number or date replacement to text; COALESCE(…, '') needs text on every target.
    ValueType t = type_of(*r);
    if (t != ValueType::Text && t != ValueType::Unknown) with = "CAST(" + with + " AS " + text_type() + ")";
    if (r->kind != ExprKind::Literal) with = "COALESCE(" + with + ", '')";
  }
  // A number or DATE source is read as its TO_CHAR text, as Oracle converts it (Logger's time_stop
  // strips a NUMBER of seconds with REGEXP_REPLACE).
  std::string out = f + "(" + as_text(*c.args[0].value) + ", " + arg(c, 1) + ", " + with + start_n;
  if (f == "REGEXP_REPLACE" && !flags.empty()) out += ", '" + flags + "'";
  return out + ")";
}

// $IF … $END inside an expression (the parser's call of $IF: conditions and values alternating,
// an $ELSE value last): the branch Oracle compiles, chosen as for statements; none chosen is NULL
// (no $ELSE). Outside a routine, or a condition not known here: OS4013.
std::string SqlWriter::conditional_compilation(const CallExpr& c) {
  std::vector<const Expr*> conditions, values;
  for (size_t i = 0; i < c.args.size(); i += 2) {
    if (i + 1 < c.args.size()) {
      conditions.push_back(c.args[i].value.get());
      values.push_back(c.args[i + 1].value.get());
    } else {
      conditions.push_back(nullptr);  // $ELSE
      values.push_back(c.args[i].value.get());
    }
  }
  std::string why = "outside a PL/SQL unit";
  std::optional<int> branch = ctx_.routine ? ctx_.routine->conditional_branch(conditions, why) : std::nullopt;
  if (!branch) {
    item("OS4013", "conditional compilation inside an expression: " + why, c.span);
    return "NULL";
  }
  return *branch < 0 ? std::string("NULL") : expr(*values[static_cast<size_t>(*branch)]);
}

std::string SqlWriter::listagg(const CallExpr& c) {
  if (c.args.empty()) return call_generic(c, "LISTAGG");
  for (const auto& a : c.args)
    if (a.tail.end > a.tail.begin)
      item("OS4014", "LISTAGG " + sql::compact_text(a.tail) + ": the target does not truncate the result", a.tail, false);
  std::string sep = c.args.size() > 1 ? arg(c, 1) : "''";
  if (sep == "NULL") sep = "''";
  std::string distinct = upper(c.set_quantifier) == "DISTINCT" ? "DISTINCT " : "";
  if (redshift()) {
    std::string out = "LISTAGG(" + distinct + arg(c, 0) + ", " + sep + ")";
    if (c.has_within_group) out += " WITHIN GROUP (ORDER BY " + order_items(c.within_group) + ")";
    if (c.over) out += window(*c.over);
    return out;
  }
  std::string v = arg(c, 0);
  if (type_of(*c.args[0].value) != ValueType::Text) v = "CAST(" + v + " AS " + text_type() + ")";
  std::string out = "STRING_AGG(" + distinct + v + ", " + sep;
  if (c.has_within_group && !c.over) out += " ORDER BY " + order_items(c.within_group);
  out += ")";
  if (c.over) {
    if (c.has_within_group) item("OS4014", "LISTAGG ... WITHIN GROUP as an analytic function: order inside the window is not kept", c.span, false);
    out += window(*c.over);
  }
  return out;
}

// Named notation for a built-in (regexp_replace(srcstr => s, pattern => p …), PL/SQL allows it):
// the call written with its arguments in Oracle's parameter order ("SQL Functions" in the SQL
// Language Reference names them), when no parameter before the last one given is skipped.
std::optional<std::string> SqlWriter::builtin_named_arguments(const CallExpr& c, const std::string& f) {
  static const std::map<std::string, std::vector<const char*>> params = {
      {"REGEXP_REPLACE", {"SRCSTR", "PATTERN", "REPLACESTR", "POSITION", "OCCURRENCE", "MODIFIER"}},
      {"REGEXP_SUBSTR", {"SRCSTR", "PATTERN", "POSITION", "OCCURRENCE", "MODIFIER", "SUBEXPRESSION"}},
      {"REGEXP_INSTR", {"SRCSTR", "PATTERN", "POSITION", "OCCURRENCE", "RETURN_OPT", "MODIFIER", "SUBEXPRESSION"}},
      {"REGEXP_COUNT", {"SRCSTR", "PATTERN", "POSITION", "MODIFIER"}},
      {"REGEXP_LIKE", {"SRCSTR", "PATTERN", "MODIFIER"}},
      {"INSTR", {"STR1", "STR2", "POS", "NTH"}},
      {"SUBSTR", {"STR1", "POS", "LEN"}}};
  bool named = false;
  for (const auto& a : c.args) named |= !a.name.empty();
  auto it = params.find(f);
  if (!named || it == params.end()) return std::nullopt;
  const auto& names = it->second;
  std::vector<size_t> slot(names.size(), SIZE_MAX);  // parameter → index in c.args
  for (size_t i = 0; i < c.args.size(); ++i) {
    size_t at = i;
    if (!c.args[i].name.empty()) {
      at = names.size();
      for (size_t k = 0; k < names.size(); ++k)
        if (upper(c.args[i].name) == names[k]) at = k;
    }
    if (at >= names.size() || slot[at] != SIZE_MAX) return std::nullopt;
    slot[at] = i;
  }
  size_t given = 0;
  for (size_t k = 0; k < slot.size(); ++k)
    if (slot[k] != SIZE_MAX) given = k + 1;
  // A parameter left out before one given takes Oracle's default (SQL Language Reference,
  // REGEXP_SUBSTR etc.: position 1, occurrence 1, return_opt 0, no match parameter).
  static const std::map<std::string, const char*> defaults = {
      {"POSITION", "1"}, {"OCCURRENCE", "1"}, {"RETURN_OPT", "0"}, {"POS", "1"}, {"NTH", "1"}, {"MODIFIER", ""}};
  for (size_t k = 0; k < given; ++k)
    if (slot[k] == SIZE_MAX && !defaults.count(names[k])) return std::nullopt;
  // Written through the positional path on the same node, its arguments put back afterwards.
  auto& args = const_cast<std::vector<CallArg>&>(c.args);
  std::vector<CallArg> written = std::move(args);
  args.clear();
  for (size_t k = 0; k < given; ++k) {
    if (slot[k] == SIZE_MAX) {
      auto value = std::make_unique<LiteralExpr>();
      const char* d = defaults.at(names[k]);
      value->literal = *d ? LiteralKind::Number : LiteralKind::String;  // no match parameter: ''
      value->text = *d ? d : "''";
      value->span = c.span;
      args.emplace_back();
      args.back().value = std::move(value);
      continue;
    }
    args.push_back(std::move(written[slot[k]]));
    args.back().name = {};
  }
  std::string out = call(c);
  for (size_t k = 0; k < given; ++k) {
    if (slot[k] == SIZE_MAX) continue;
    std::string_view name = written[slot[k]].name;  // a moved-from argument keeps its name
    written[slot[k]] = std::move(args[k]);
    written[slot[k]].name = name;
  }
  args = std::move(written);
  return out;
}

std::string SqlWriter::call(const CallExpr& c) {
  if (c.name.size() == 1 && upper(c.name[0].text) == "$IF") return conditional_compilation(c);
  if (ctx_.routine)
    if (auto s = ctx_.routine->call(c, *this)) return *s;
  if (c.name.size() != 1) {
    std::string full;
    for (const auto& p : c.name) full += (full.empty() ? "" : ".") + std::string(p.text);
    item("OS4007", "call to " + full + ": package functions must be converted and exist on the target", c.span);
    std::string out;
    for (const auto& p : c.name) out += (out.empty() ? "" : ".") + ident(p);
    return call_generic(c, out);
  }
  std::string f = c.name[0].quoted() ? std::string() : upper(c.name[0].text);
  if (auto positional = builtin_named_arguments(c, f)) return *positional;
  if (c.trim_from && c.args.size() >= 2) {  // TRIM(LEADING [c] FROM s): the targets take it as written
    std::string out = "TRIM(" + upper(static_cast<const NameExpr&>(*c.args[0].value).parts[0].text) + " ";
    if (c.args.size() == 3) out += arg(c, 1) + " ";
    return out + "FROM " + arg(c, c.args.size() - 1) + ")";
  }
  size_t n = c.args.size();
  // The set of characters to trim given as a number (Logger's RTRIM(x, 0): trailing zeros): its text.
  if ((f == "LTRIM" || f == "RTRIM") && n == 2 && c.args[0].name.empty() && c.args[1].name.empty() && !c.over &&
      type_of(*c.args[1].value) == ValueType::Number)
    return f + "(" + as_text(*c.args[0].value) + ", " + as_text(*c.args[1].value) + ")";
  if ((f == "UPPER" || f == "LOWER" || f == "LENGTH" || f == "LTRIM" || f == "RTRIM" || f == "LPAD" || f == "RPAD") &&
      n >= 1 && c.args[0].name.empty() && c.args[0].tail.end <= c.args[0].tail.begin && !c.over) {
    // Character functions read a number or a DATE as TO_CHAR text (LPAD(empno, 6, '0')); the
    // targets have no such overloads.
    const Expr& v = *c.args[0].value;
    ValueType t = type_of(v);
    if (t == ValueType::Number || (t == ValueType::Date && oracle_date(v))) {
      std::string out = f + "(" + as_text(v);
      for (size_t i = 1; i < n; ++i) out += ", " + ((f == "LPAD" || f == "RPAD") && i == 1 ? whole_arg(c, i) : arg(c, i));
      if ((f == "LPAD" || f == "RPAD") && n == 2 && duckdb()) out += ", ' '";
      return out + ")";
    }
  }
  if (f == "NVL") {
    if (n != 2 || !c.keep.empty() || c.over) return call_generic(c, f);
    // Oracle converts the second argument to the type of the first: NVL(code, 0) is NVL(code, '0'),
    // NVL(qty, '0') is NVL(qty, 0). The targets refuse to mix the types in COALESCE.
    const Expr& second = *c.args[1].value;
    ValueType first = type_of(*c.args[0].value), other = type_of(second);
    std::string b;
    std::string digits = second.kind == ExprKind::Literal ? std::string(static_cast<const LiteralExpr&>(second).text) : "";
    bool integer_literal = other == ValueType::Number && !digits.empty() &&
                           digits.find_first_not_of("0123456789") == std::string::npos &&
                           (digits == "0" || digits[0] != '0');
    if (first == ValueType::Text && integer_literal) {
      item("OS4015", "NVL of a character value with the number " + digits + ": the number is the text '" + digits +
                         "' as Oracle converts it",
           second.span, false);
      b = quote_literal(digits, d_);
    } else {
      b = implicit_target(other, first) != ValueType::Unknown ? converted(second, first) : expr(second);
    }
    return std::string(redshift() ? "NVL(" : "COALESCE(") + arg(c, 0) + ", " + b + ")";
  }
  if (f == "NVL2") {
    if (n != 3 || redshift()) return call_generic(c, "NVL2");
    return "CASE WHEN " + arg(c, 0) + " IS NOT NULL THEN " + arg(c, 1) + " ELSE " + arg(c, 2) + " END";
  }
  if (f == "DECODE") return decode(c);
  if (f == "GREATEST" || f == "LEAST") {
    // Oracle returns NULL when any argument is NULL; the targets skip NULLs.
    std::string any_null;
    for (size_t i = 0; i < n; ++i) any_null += (i ? " OR " : "") + arg(c, i) + " IS NULL";
    return "CASE WHEN " + any_null + " THEN NULL ELSE " + call_generic(c, f) + " END";
  }
  if (f == "SUBSTR" || f == "SUBSTRB") {
    if (n < 2 || n > 3) return call_generic(c, f);
    if (f == "SUBSTRB") item("OS4007", "SUBSTRB counts bytes; converted as SUBSTR (characters)", c.span, false);
    std::string s = as_text(*c.args[0].value), p = arg(c, 1);
    const Expr& pe = *c.args[1].value;
    bool positive = pe.kind == ExprKind::Literal && p != "0" && p.front() != '-';
    p = whole_number(p);
    std::string len = n == 3 ? whole_arg(c, 2) : std::string();
    // Oracle: position 0 is 1, a negative position counts from the end.
    if (!positive) p = "CASE WHEN " + p + " > 0 THEN " + p + " WHEN " + p + " = 0 THEN 1 ELSE LENGTH(" + s + ") + " + p + " + 1 END";
    return "SUBSTR(" + s + ", " + p + (n == 3 ? ", " + len : std::string()) + ")";
  }
  if (f == "INSTR") {
    if (n == 2) return "STRPOS(" + as_text(*c.args[0].value) + ", " + arg(c, 1) + ")";
    // INSTR(s, x, pos[, 1]) from a literal position ≥ 1: the match in SUBSTR(s, pos) moved back to
    // s's numbering. Otherwise (a negative or computed position, which Oracle counts from the end
    // and searches backwards, or another occurrence) a routine's support function; elsewhere an item.
    std::string occurrence = n == 4 ? arg(c, 3) : "1";
    bool literal_pos = c.args[2].value->kind == ExprKind::Literal;
    std::string pos = arg(c, 2);
    bool forward = literal_pos && !pos.empty() && pos[0] != '-' && pos != "0";
    if (n <= 4 && !(forward && occurrence == "1") && ctx_.routine)
      if (auto h = ctx_.routine->support_call("orashift_instr", as_text(*c.args[0].value) + ", " + arg(c, 1) + ", " + pos +
                                                                   ", " + occurrence))
        return *h;
    if (!literal_pos) pos = whole_number(pos);
    if (n > 4 || occurrence != "1" || (literal_pos && !forward)) {
      item("OS4007", "INSTR with a start position or occurrence", c.span);
      return call_generic(c, f);
    }
    if (!literal_pos)
      item("OS4007", "INSTR with a computed start position: converted for positions ≥ 1 (a negative one, which Oracle "
                     "counts from the end, finds nothing here)",
           c.span, false);
    std::string s = as_text(*c.args[0].value), x = arg(c, 1);
    std::string found = "STRPOS(SUBSTR(" + s + ", " + pos + "), " + x + ")";
    return "(CASE WHEN " + found + " = 0 THEN 0 ELSE " + found + " + " + pos + " - 1 END)";
  }
  if (f == "CHR" && n == 1 && postgres() && sql::compact_text(c.args[0].value->span) == "0") {
    // PostgreSQL's text cannot hold NUL, which Oracle code uses as a character no text contains
    // (a separator, a placeholder). U+FFFF, a noncharacter, is one no text holds either.
    item("OS4007", "CHR(0): PostgreSQL text cannot hold NUL; written as CHR(65535) (U+FFFF, a noncharacter): as a "
                   "separator or placeholder it works as in Oracle, but text built with it and sent out differs",
         c.span, false);
    return "chr(65535)";
  }
  if (f == "CHR" && n == 1 && c.args[0].name.empty()) return f + "(" + whole_arg(c, 0) + ")";
  if (f == "DUMP" && postgres() && (n == 1 || n == 2) && type_of(*c.args[0].value) == ValueType::Text) {
    // DUMP of character data: 'Typ=1 Len=<bytes>: <byte>,<byte>,…' in decimal (format 10, the
    // default) or hex (16), 'NULL' for NULL or ''. The bytes are the target's (UTF-8).
    std::string fmt = n == 2 ? sql::compact_text(c.args[1].value->span) : "10";
    if (fmt == "10" || fmt == "16") {
      item("OS4007",
           "DUMP of character data: the bytes of its UTF-8 text, Typ=1 also for a CHAR value (Oracle: 96); the bytes "
           "differ from Oracle's where the database character set is not AL32UTF8",
           c.span, false);
      std::string x = arg(c, 0), bytes = "convert_to(" + x + ", 'UTF8')";
      std::string byte = "get_byte(" + bytes + ", i)";
      return "(CASE WHEN " + x + " IS NULL OR " + x + " = '' THEN 'NULL' ELSE 'Typ=1 Len=' || octet_length(" + x +
             ") || ': ' || (SELECT string_agg(" + (fmt == "16" ? "to_hex(" + byte + ")" : byte + "::text") +
             ", ',' ORDER BY i) FROM generate_series(0, octet_length(" + x + ") - 1) AS i) END)";
    }
  }
  if (f == "HEXTORAW" && n == 1 && !redshift()) {
    if (duckdb()) return "unhex(" + arg(c, 0) + ")";
    return hex_to_bytes_sql(arg(c, 0));
  }
  if (f == "RAWTOHEX" && n == 1 && !redshift()) return duckdb() ? "hex(" + arg(c, 0) + ")" : "upper(encode(" + arg(c, 0) + ", 'hex'))";
  if (f == "LENGTHB") return "OCTET_LENGTH(" + (n ? arg(c, 0) : std::string()) + ")";
  if (f == "CONCAT" && n == 2) {
    // CONCAT(a, b) is a || b.
    BinaryExpr tmp;
    tmp.op = BinaryOp::Concat;
    tmp.span = c.span;
    // Borrow the arguments without owning them.
    tmp.lhs.reset(const_cast<Expr*>(c.args[0].value.get()));
    tmp.rhs.reset(const_cast<Expr*>(c.args[1].value.get()));
    std::string out = concat(tmp);
    (void)tmp.lhs.release();
    (void)tmp.rhs.release();
    return out;
  }
  if (f == "REPLACE" || f == "REGEXP_REPLACE") return replace(c, f);
  if ((f == "LPAD" || f == "RPAD") && (n == 2 || n == 3) && c.args[1].name.empty())
    return f + "(" + arg(c, 0) + ", " + whole_arg(c, 1) + (n == 3 ? ", " + arg(c, 2) : duckdb() ? ", ' '" : "") + ")";
  if (f == "INITCAP") {
    if (duckdb()) item("OS4007", "INITCAP: DuckDB has no INITCAP", c.span);
    return call_generic(c, f);
  }
  if (f == "TO_CHAR") return to_char(c);
  // CLOBs are the target's text type: TO_CLOB is a cast, EMPTY_CLOB a zero-length (not NULL) value.
  if ((f == "TO_CLOB" || f == "TO_NCLOB") && n == 1) return "CAST(" + arg(c, 0) + " AS " + text_type() + ")";
  if (f == "EMPTY_CLOB" && n == 0) return "CAST('' AS " + text_type() + ")";
  if (f == "EMPTY_BLOB" && n == 0 && postgres()) return "''::bytea";  // a zero-length BLOB, not NULL
  if ((f == "NUMTODSINTERVAL" || f == "NUMTOYMINTERVAL") && n == 2) {
    std::string unit;
    static const std::set<std::string> ds = {"DAY", "HOUR", "MINUTE", "SECOND"}, ym = {"YEAR", "MONTH"};
    if (is_string_literal(*c.args[1].value, &unit)) {
      unit = upper(unit);
      if ((f == "NUMTODSINTERVAL" ? ds : ym).count(unit)) return "(" + arg(c, 0) + " * INTERVAL '1 " + unit + "')";
    }
  }
  if (f == "SYS_CONTEXT" && n == 2 && postgres()) {
    // USERENV's session facts; the client identifier, module, action and client info are what
    // DBMS_SESSION / DBMS_APPLICATION_INFO set (docs/plsql.md).
    std::string ns, key;
    const bool userenv = is_string_literal(*c.args[0].value, &ns) && upper(ns) == "USERENV";
    if (userenv && is_string_literal(*c.args[1].value, &key)) {
      if (auto v = userenv_value(upper(key))) return *v;
      // The client's machine, terminal and OS account: PostgreSQL's protocol does not carry them.
      if (postgres() && (upper(key) == "HOST" || upper(key) == "TERMINAL" || upper(key) == "OS_USER")) {
        item("OS4007", "SYS_CONTEXT('USERENV', '" + upper(key) + "'): PostgreSQL does not know the client's " +
                           (upper(key) == "HOST" ? "host name" : upper(key) == "TERMINAL" ? "terminal" : "OS user") +
                           "; NULL here (IP_ADDRESS is the client's address)",
             c.span, false);
        return "NULL::text";
      }
    }
    // A parameter known at run time (Logger lists them in a loop): a routine's support function
    // with the same values, raising ORA-02003 for the others as Oracle does for invalid ones.
    if (userenv && !is_string_literal(*c.args[1].value, &key) && ctx_.routine)
      if (auto h = ctx_.routine->support_call("orashift_userenv", "(" + arg(c, 1) + ")::text")) {
        item("OS4007",
             "SYS_CONTEXT('USERENV', parameter known at run time): the parameters PostgreSQL has a counterpart for "
             "(docs/plsql.md); any other raises ORA-02003 (invalid USERENV parameter), also the ones Oracle has",
             c.span, false);
        return *h;
      }
    if (!is_string_literal(*c.args[0].value, &ns) || upper(ns) != "USERENV") {
      // An application context that DBMS_SESSION.SET_CONTEXT fills (lower_dbms_misc.cpp): a jsonb
      // object per namespace in the session setting orashift_ctx.<namespace>, names upper case;
      // in a routine, when some unit writes a global context, also the global store.
      if (ctx_.routine)
        if (auto h = ctx_.routine->support_call("orashift_context_value", "(" + arg(c, 0) + ")::text, (" + arg(c, 1) + ")::text"))
          return *h;
      return "(NULLIF(current_setting('orashift_ctx.' || lower(" + arg(c, 0) + "), true), '')::jsonb ->> upper(" + arg(c, 1) +
             "))";
    }
  }
  if (f == "TO_DATE") return to_date(c, false);
  if (f == "TO_TIMESTAMP") return to_date(c, true);
  if (f == "TO_TIMESTAMP_TZ" && !duckdb() && (c.args.size() == 2 || c.args.size() == 3)) {
    // TO_TIMESTAMP_TZ(s, mask): the targets' TO_TIMESTAMP returns a timestamp with time zone and
    // reads TZH:TZM as Oracle does; without a mask the NLS format stays an item (call_generic).
    if (c.args.size() == 3) item("OS4004", "NLS parameter ignored", c.args[2].value->span, false);
    return "TO_TIMESTAMP(" + arg(c, 0) + ", " + date_format(*c.args[1].value, true, c.args[1].value->span) + ")";
  }
  if (f == "TO_NUMBER") return to_number(c);
  if (f == "TRUNC") return trunc_round(c, false);
  if (f == "ROUND") {
    if (n >= 1 && type_of(*c.args[0].value) == ValueType::Date) return trunc_round(c, true);
    if (n == 2 && n >= 1) {
      std::string fmt;
      if (is_string_literal(*c.args[1].value, &fmt)) return trunc_round(c, true);
      if (postgres() && c.args[1].value->kind != ExprKind::Literal) return trunc_round(c, true);
    }
    return call_generic(c, f);
  }
  if (f == "ADD_MONTHS" || f == "MONTHS_BETWEEN" || f == "LAST_DAY" || f == "NEXT_DAY") return date_call(c, f);
  if (f == "LISTAGG") return listagg(c);
  if (f == "MEDIAN") {
    if (postgres() && n == 1 && !c.over) return "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY " + arg(c, 0) + ")";
    if (postgres()) item("OS4007", "MEDIAN as an analytic function", c.span);
    return call_generic(c, "MEDIAN");
  }
  if (f == "GROUPING_ID") return call_generic(c, redshift() ? "GROUPING_ID" : "GROUPING");
  if (f == "BITAND" && n == 2) {
    // PostgreSQL's & takes integers, not numeric (a NUMBER variable): BITAND's arguments are integers.
    if (postgres()) return "((" + arg(c, 0) + ")::bigint & (" + arg(c, 1) + ")::bigint)";
    return "(" + arg(c, 0) + " & " + arg(c, 1) + ")";
  }
  if (f == "BIN_TO_NUM" && n >= 1 && n <= 63 && postgres()) {
    // BIN_TO_NUM(b1, …, bn): the bits, most significant first, as a number (bits other than 0 and
    // 1, which Oracle rejects with ORA-01760, are not checked).
    std::string out;
    for (size_t i = 0; i < n; ++i)
      out += (i ? " + " : "") + std::string("(") + arg(c, i) + ")::numeric * " + std::to_string(1ull << (n - 1 - i));
    return "(" + out + ")";
  }
  if (postgres() && (f == "XMLTYPE" || f == "EXTRACT" || f == "EXTRACTVALUE" || f == "EXISTSNODE")) {
    // XMLType on PostgreSQL's xml type (xml_sql.h); a namespace argument in a routine, which
    // creates the support function it needs (outside one it stays an item).
    if (f == "XMLTYPE" && n == 1) return xml_parse(arg(c, 0));
    bool ns = n == 3 && ctx_.routine && ctx_.routine->support_function(kXpathHelper);
    if (n == 2 || ns) {
      std::string x = arg(c, 0), path = arg(c, 1), nsa = ns ? arg(c, 2) : "";
      if (f == "EXTRACT") return xml_extract(x, path, nsa);
      if (f == "EXTRACTVALUE") return xml_value(x, path, nsa);
      if (f == "EXISTSNODE") return xml_exists(x, path, nsa);
    }
  }
  if (f == "SYS_EXTRACT_UTC" && n == 1 && postgres()) {
    // A TIMESTAMP without a zone is in the session time zone, as in Oracle; the result has none.
    return "((" + arg(c, 0) + ")::timestamptz AT TIME ZONE 'UTC')";
  }
  if (f == "SYS_EXTRACT_UTC") {
    item("OS4007", "SYS_EXTRACT_UTC has no " + std::string(dialect_name(d_)) + " equivalent in the function map", c.span);
    return call_generic(c, f);
  }
  if (f == "SYS_GUID") {
    if (redshift()) {
      item("OS4007", "SYS_GUID: Redshift has no UUID generator", c.span);
      return "NULL";
    }
    // Oracle returns RAW(16); the column maps to BYTEA / BLOB.
    if (duckdb()) return "unhex(replace(CAST(uuid() AS VARCHAR), '-', ''))";
    return "decode(replace(CAST(gen_random_uuid() AS TEXT), '-', ''), 'hex')";
  }
  if (f == "RATIO_TO_REPORT" && n == 1 && c.over)
    return "(" + arg(c, 0) + " / SUM(" + arg(c, 0) + ")" + window(*c.over) + ")";
  if (f == "REGEXP_LIKE") {
    if (n < 2 || n > 3) return call_generic(c, f);
    std::string flags;
    if (n == 3 && (!is_string_literal(*c.args[2].value, &flags) || (flags != "i" && flags != "c"))) {
      // Oracle's match parameter read at run time by a routine's support function (PostgreSQL 15
      // has REGEXP_LIKE with flags of its own).
      if (postgres() && ctx_.routine)
        if (auto h = ctx_.routine->support_call("orashift_regexp_flags", arg(c, 2)))
          return "regexp_like(" + arg(c, 0) + ", " + arg(c, 1) + ", " + *h + ")";
      item("OS4007", "REGEXP_LIKE match parameter other than 'i'/'c'", c.span);
    }
    if (duckdb()) return "regexp_matches(" + arg(c, 0) + ", " + arg(c, 1) + (flags == "i" ? ", 'i'" : "") + ")";
    return "(" + arg(c, 0) + (flags == "i" ? " ~* " : " ~ ") + arg(c, 1) + ")";
  }
  if ((f == "REGEXP_SUBSTR" || f == "REGEXP_INSTR" || f == "REGEXP_COUNT") && postgres()) {
    // PostgreSQL 15's functions take Oracle's arguments in Oracle's order, but return NULL for a
    // NULL match parameter, which Oracle reads as none given: '' there.
    // Their positions, occurrences and subexpression numbers are integers: a NUMBER argument is
    // converted (Oracle converts it itself).
    size_t match = f == "REGEXP_SUBSTR" ? 4 : f == "REGEXP_INSTR" ? 5 : 3;
    if (n > 2) {
      std::string out = f + "(";
      for (size_t i = 0; i < n; ++i) {
        std::string a = arg(c, i);
        if (i == match && is_null_literal(*c.args[i].value)) a = "''";
        else if (i >= 2 && i != match && c.args[i].value->kind != ExprKind::Literal) a = "(" + a + ")::integer";
        out += (i ? ", " : "") + a;
      }
      return out + ")";
    }
  }
  if ((f == "REGEXP_SUBSTR" || f == "REGEXP_INSTR" || f == "REGEXP_COUNT") && duckdb()) {
    if (f == "REGEXP_SUBSTR" && n == 2) return "NULLIF(regexp_extract(" + arg(c, 0) + ", " + arg(c, 1) + "), '')";
    item("OS4007", f + " on DuckDB", c.span);
    return call_generic(c, f);
  }
  if (f == "SYS_CONNECT_BY_PATH") {
    if (tree_ && tree_->final_select && n == 2) {
      std::string name = "\"orashift_path" + std::to_string(tree_->extra_names.size() + 1) + "\"";
      TreeState* t = tree_;
      tree_ = nullptr;
      std::string col = "COALESCE(CAST(" + arg(c, 0) + " AS " + text_type() + "), '')";
      std::string sep = arg(c, 1);
      tree_ = t;
      t->in_recursive = true;  // the child row's column, qualified with the table reference
      std::string rec_col = "COALESCE(CAST(" + arg(c, 0) + " AS " + text_type() + "), '')";
      t->in_recursive = false;
      t->extra_cols.push_back({"CAST(" + sep + " || " + col + " AS " + text_type() + ")",
                               t->prior_alias + "." + name + " || " + sep + " || " + rec_col});
      t->extra_names.push_back(name);
      return t->ref + "." + name;
    }
    item("OS4002", "SYS_CONNECT_BY_PATH outside a convertible CONNECT BY", c.span);
    return call_generic(c, f);
  }
  if (f == "UNISTR" && n == 1) {
    std::string v, decoded;
    if (is_string_literal(*c.args[0].value, &v) && decode_unistr(v, decoded))
      return decoded.empty() ? "NULL" : quote_literal(decoded, d_);  // decoded here: no target shares the escapes
  }
  if (f == "TO_YMINTERVAL" && n == 1) {
    std::string v;
    int years = 0, months = 0;
    if (is_string_literal(*c.args[0].value, &v) && std::sscanf(v.c_str(), " %d-%d", &years, &months) == 2 && months >= 0) {
      std::string sign = v.find('-') < v.find_first_of("0123456789") ? "-" : "";
      return "INTERVAL " + quote_literal(sign + std::to_string(std::abs(years)) + " years " + sign +
                                             std::to_string(months) + " months",
                                         d_);
    }
  }
  if (f == "SYS_CONTEXT" && n == 2 && !duckdb()) {
    // The USERENV attributes with a session function on the target; the rest stay an item.
    std::string ns, attr;
    if (is_string_literal(*c.args[0].value, &ns) && is_string_literal(*c.args[1].value, &attr) && upper(ns) == "USERENV") {
      std::string a = upper(attr);
      if (a == "SESSION_USER" || a == "CURRENT_USER") return a;
      if (a == "CURRENT_SCHEMA") return "current_schema()";
      if (a == "DB_NAME") return "current_database()";
      if (a == "SID" || a == "SESSIONID") return "pg_backend_pid()";
      if ((a == "IP_ADDRESS" || a == "HOST") && postgres()) return "host(inet_client_addr())";
      if (a == "MODULE" && postgres()) return "current_setting('application_name')";
    }
  }
  if ((f == "CURRENT_TIMESTAMP" || f == "LOCALTIMESTAMP") && n <= 1 && !c.over) {
    // The call form (SQL Language Reference, CURRENT_TIMESTAMP: "CURRENT_TIMESTAMP [ (precision) ]"):
    // `()` is the plain value; a precision of 0 to 6 is PostgreSQL's own (it stops at microseconds).
    std::string plain = f == "LOCALTIMESTAMP" ? (duckdb() ? "current_localtimestamp()" : "LOCALTIMESTAMP")
                                              : (redshift() ? "SYSDATE" : "CURRENT_TIMESTAMP");
    if (n == 0) return plain;
    const Expr& p = *c.args[0].value;
    std::string digits = p.kind == ExprKind::Literal ? std::string(sql::compact_text(p.span)) : std::string();
    if (postgres() && digits.size() == 1 && digits[0] >= '0' && digits[0] <= '6') return f + "(" + digits + ")";
  }
  if (f == "CARDINALITY" && n == 1 && postgres() && !c.over) {
    // SQL Language Reference, CARDINALITY: "If the nested table is empty, or is a null collection,
    // then CARDINALITY returns NULL" (PostgreSQL's cardinality gives 0 for an empty array).
    return "NULLIF(cardinality(" + arg(c, 0) + "), 0)";
  }
  if (f == "TZ_OFFSET" && n == 1 && postgres() && c.args[0].value->kind == ExprKind::Name) {
    // TZ_OFFSET(SESSIONTIMEZONE): the session's offset now, '+hh:mm' (SQL Language Reference,
    // TZ_OFFSET); PostgreSQL's timestamptz prints in the session's TimeZone.
    auto& z = static_cast<const NameExpr&>(*c.args[0].value);
    if (z.parts.size() == 1 && !z.parts[0].quoted() && upper(z.parts[0].text) == "SESSIONTIMEZONE")
      return "to_char(CURRENT_TIMESTAMP, 'TZH:TZM')";
  }
  if (f == "SET" && n == 1 && postgres() && ctx_.routine) {
    // SET(nested table): its distinct elements (SQL Language Reference, SET), here in the order of
    // their first occurrence; one NULL kept; a NULL collection stays NULL.
    std::string x = arg(c, 0);
    return "(CASE WHEN " + x + " IS NULL THEN NULL ELSE ARRAY(SELECT orashift_e FROM unnest(" + x +
           ") WITH ORDINALITY AS orashift_set(orashift_e, orashift_i) GROUP BY orashift_e ORDER BY min(orashift_i)) END)";
  }
  if (f == "VALUE" && n == 1 && c.args[0].value->kind == ExprKind::Name) {
    // VALUE(t) of TABLE(collection) t: the element as an object (SQL Language Reference, VALUE);
    // the unnest's whole row is the element's composite. t.* (not t) so that an attribute named
    // like the alias cannot be taken for it.
    auto& t = static_cast<const NameExpr&>(*c.args[0].value);
    if (t.parts.size() == 1)
      for (const auto& [ref, coll] : collection_refs_)
        if (coll && coll->alias == quote_ident(target_name(normalize_identifier(t.parts[0].text))) &&
            !coll->rows.element_sql.empty())
          return "(" + coll->alias + ".*)::" + coll->rows.element_sql;
    // … whose rows are scalars (XMLSEQUENCE's XMLType nodes): the element itself, COLUMN_VALUE.
    if (t.parts.size() == 1)
      for (auto s = scopes_.rbegin(); s != scopes_.rend(); ++s)
        for (const auto& e : *s)
          if (e.rows && e.name == normalize_identifier(t.parts[0].text) && e.rows->columns.size() == 1 &&
              e.rows->columns[0].name == "COLUMN_VALUE")
            return ident(t.parts[0]) + "." + quote_ident(target_name("COLUMN_VALUE"));
  }
  // ROWIDTOCHAR / CHARTOROWID on PostgreSQL, where ROWID is ctid (name()): its text form '(0,1)'.
  if ((f == "ROWIDTOCHAR" || f == "CHARTOROWID") && n == 1 && postgres())
    return "(" + arg(c, 0) + ")::" + (f == "ROWIDTOCHAR" ? "text" : "tid");
  if (f == "TREAT" || unmapped().count(f)) {
    item("OS4007", f + " has no " + std::string(dialect_name(d_)) + " equivalent in the function map", c.span);
    return call_generic(c, f);
  }
  if (same_everywhere().count(f) || f == "CAST") return call_generic(c, f);
  if (f.empty()) return call_generic(c, ident(c.name[0]));
  std::string full;
  for (const auto& p : c.name) full += (full.empty() ? "" : ".") + normalize_identifier(p.text);
  if (ctx_.converted_functions && ctx_.converted_functions->count(full) && c.name.size() <= 2) {
    // A PL/SQL function converted with this output: called by its target name (pkg."f").
    std::string name;
    for (const auto& p : c.name) name += (name.empty() ? "" : ".") + ident(p);
    return call_generic(c, name);
  }
  if (ctx_.procedure_functions) {
    if (ctx_.procedure_functions->count(full)) {
      item("OS6008", "function " + full + " is a procedure on " + std::string(dialect_name(d_)) +
                         " (its body is more than one expression): a query cannot call it; compute the value in a "
                         "procedure or rewrite the function as one expression (a SQL UDF)",
           c.span);
      return call_generic(c, ident(c.name[0]));
    }
  }
  // Not an Oracle built-in we know: a user function, which must be converted separately.
  item("OS4007", "call to " + f + ": not in the built-in function map; a user function (or type constructor) "
                 "must be converted and exist on the target first",
       c.span);
  return call_generic(c, ident(c.name[0]));
}

// Oracle's match parameter as PostgreSQL's ARE flags: '.' matches a newline only with 'n', ^ and $
// match at line ends only with 'm' (p / s / n / w), 'x' as is, the last of 'i' and 'c' wins —
// what the routines' orashift_regexp_flags computes at run time.
std::string regex_flags(const std::string& m) {
  bool dotall = m.find('n') != std::string::npos, lines = m.find('m') != std::string::npos;
  std::string out = dotall && lines ? "w" : dotall ? "s" : lines ? "n" : "p";
  if (m.find('x') != std::string::npos) out += "x";
  size_t c = m.find_last_of("ic");
  if (c != std::string::npos) out += m[c];
  return out;
}

bool is_string_literal(const Expr& e, std::string* value) {
  if (e.kind != ExprKind::Literal) return false;
  auto& l = static_cast<const LiteralExpr&>(e);
  if (l.literal != LiteralKind::String && l.literal != LiteralKind::NationalString) return false;
  if (value) *value = string_literal_value(l.text);
  return true;
}

}  // namespace orashift::rewrite
