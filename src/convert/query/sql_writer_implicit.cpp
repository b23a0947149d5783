// Oracle's implicit conversions made explicit (Oracle SQL Language Reference, "Data Type
// Comparison Rules" and "Implicit Data Conversion"):
//   - a character value compared with, or combined arithmetically with, a number is converted
//     to NUMBER (TO_NUMBER): `flag = 1` is `TO_NUMBER(flag) = 1`, `'10' = qty` is `10 = qty`;
//   - a character value compared with a DATE is converted to DATE with the session's
//     NLS_DATE_FORMAT (DD-MON-RR unless the settings say otherwise);
//   - INSERT and UPDATE convert the value to the type of the column it is stored into.
// PostgreSQL and Redshift reject most of these mixes (`operator does not exist: character =
// integer`); DuckDB accepts some but compares as text ('01' = 1 is false there, true in Oracle).
// So the writer prints the conversion Oracle does: literals are converted now (OS4015, info),
// other values get a cast, which like Oracle's fails on a row whose text is not a number or a
// date in that format (OS4016: the result depends on the data).
#include <algorithm>

#include "common/datetime.h"
#include "common/naming.h"
#include "convert/query/format_model.h"
#include "convert/query/sql_writer.h"
#include "dialect/sql_literal.h"
#include "sql/parser.h"

namespace orashift::rewrite {

using namespace sql::ast;

namespace {

// Text TO_NUMBER accepts without a format: blanks around [+|-] digits [. digits] [E [+|-] digits].
// Returned as a target numeric literal ("-5" parenthesised by the caller), nullopt otherwise.
std::optional<std::string> number_text(std::string_view v) {
  size_t b = v.find_first_not_of(" \t\r\n"), e = v.find_last_not_of(" \t\r\n");
  if (b == std::string_view::npos) return std::nullopt;
  std::string_view s = v.substr(b, e - b + 1);
  std::string out;
  size_t i = 0, digits = 0;
  auto is_digit = [&](size_t k) { return k < s.size() && s[k] >= '0' && s[k] <= '9'; };
  if (s[i] == '+' || s[i] == '-') out += s[i++] == '-' ? "-" : "";
  if (!is_digit(i) && !(i < s.size() && s[i] == '.')) return std::nullopt;
  if (!is_digit(i)) out += '0';  // .5 → 0.5
  while (is_digit(i)) out += s[i++], ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    std::string frac;
    while (is_digit(i)) frac += s[i++], ++digits;
    if (!frac.empty()) out += "." + frac;
  }
  if (digits == 0) return std::nullopt;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    out += 'e';
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) out += s[i++];
    if (!is_digit(i)) return std::nullopt;
    while (is_digit(i)) out += s[i++];
  }
  if (i != s.size()) return std::nullopt;
  return out;
}

bool string_literal(const Expr& e, std::string& value) {
  if (e.kind != ExprKind::Literal) return false;
  auto& l = static_cast<const LiteralExpr&>(e);
  if (l.literal != LiteralKind::String && l.literal != LiteralKind::NationalString) return false;
  value = string_literal_value(l.text);
  return true;
}

}  // namespace

ValueType SqlWriter::implicit_target(ValueType operand, ValueType other) {
  if (operand == ValueType::Text && (other == ValueType::Number || other == ValueType::Date)) return other;
  return ValueType::Unknown;
}

std::string SqlWriter::number_type() const {
  // PostgreSQL's NUMERIC is unbounded like Oracle's NUMBER; DuckDB's and Redshift's bare NUMERIC
  // are DECIMAL(18,3) and DECIMAL(18,0), which would round the value.
  return postgres() ? "NUMERIC" : "DECIMAL(38,10)";
}

std::string SqlWriter::compared(const Expr& e, ValueType other) {
  ValueType want = implicit_target(type_of(e), other);
  return want == ValueType::Unknown ? expr(e) : converted(e, want);
}

std::string SqlWriter::assigned(const Expr& e, ValueType column) {
  // Oracle converts the value to the column's type; the targets do it for text columns themselves.
  ValueType want = implicit_target(type_of(e), column);
  return want == ValueType::Unknown ? expr(e) : converted(e, want);
}

std::string SqlWriter::converted(const Expr& e, ValueType want) {
  std::string text = sql::compact_text(e.span), value;
  bool literal = string_literal(e, value);
  if (literal && value.empty()) return "NULL";  // Oracle's '' is NULL, whatever its type
  if (want == ValueType::Number) {
    if (literal) {
      if (auto n = number_text(value)) {
        item("OS4015", "character literal " + text + " used as a number: converted to " + *n + " as Oracle does", e.span,
             false);
        return (*n)[0] == '-' ? "(" + *n + ")" : *n;
      }
      item("OS4016", "character literal " + text + " used as a number is not a number: Oracle raises ORA-01722 where it "
                     "is evaluated",
           e.span);
      return "CAST(" + expr(e) + " AS " + number_type() + ")";
    }
    item("OS4016", "character value " + text + " used as a number: converted with TO_NUMBER as Oracle does; a row "
                   "whose text is not a number fails the statement (ORA-01722 in Oracle too)",
         e.span, false);
    return "CAST(" + expr(e) + " AS " + number_type() + ")";
  }
  if (want == ValueType::Date) {
    std::string fmt = ctx_.nls_date_format.empty() ? "DD-MON-RR" : ctx_.nls_date_format;
    if (literal) {
      Micros t = 0;
      auto mask = DateMask::compile(fmt);
      if (mask && mask->parse(value, t)) {
        std::string ts = format_timestamp(t);
        item("OS4015", "character literal " + text + " used as a DATE: read with NLS_DATE_FORMAT " + fmt + " as " + ts,
             e.span, false);
        return "TIMESTAMP " + quote_literal(ts, d_);
      }
      // Not in the session format: ISO text is what such a literal usually means (the session that
      // ran it had another NLS_DATE_FORMAT); said so, since Oracle under `fmt` would fail.
      for (const char* iso : {"YYYY-MM-DD HH24:MI:SS", "YYYY-MM-DD"}) {
        auto m = DateMask::compile(iso);
        if (m && m->parse(value, t) && value.find_first_not_of("0123456789-: ") == std::string::npos) {
          std::string ts = format_timestamp(t);
          item("OS4016", "character literal " + text + " used as a DATE does not match NLS_DATE_FORMAT " + fmt +
                             " (ORA-01861 under that format): read as ISO text, " + ts +
                             ", as a session with such a date format would; check the value",
               e.span, false);
          return "TIMESTAMP " + quote_literal(ts, d_);
        }
      }
      item("OS4016", "character literal " + text + " used as a DATE matches neither NLS_DATE_FORMAT " + fmt +
                     " nor ISO: Oracle raises an error where it is evaluated",
           e.span);
      return expr(e);
    }
    FormatModel f = convert_date_format(fmt, d_, true);
    if (!f.unsupported.empty())
      item("OS4004", "format element " + f.unsupported + " of NLS_DATE_FORMAT '" + fmt + "' has no " +
                         dialect_name(d_) + " equivalent",
           e.span);
    item("OS4016", "character value " + text + " used as a DATE: converted with NLS_DATE_FORMAT " + fmt +
                   " as Oracle does; a row whose text is not a date in that format fails the statement",
         e.span, false);
    if (duckdb()) return "strptime(" + expr(e) + ", " + quote_literal(f.mask, d_) + ")";
    return "CAST(TO_TIMESTAMP(" + expr(e) + ", " + quote_literal(f.mask, d_) + ") AS TIMESTAMP)";
  }
  return expr(e);
}

// An Oracle DATE value (not a TIMESTAMP, which Oracle formats with NLS_TIMESTAMP_FORMAT).
bool SqlWriter::oracle_date(const Expr& e) {
  if (e.kind == ExprKind::Name) {
    auto& n = static_cast<const NameExpr&>(e);
    if (const Column* c = resolve_column(n)) return c->type.name == "DATE";
    if (ctx_.routine) return false;  // a variable: its declared type is the routine's
    std::string w = n.parts.size() == 1 ? upper(n.parts[0].text) : "";
    return w == "SYSDATE" || w == "CURRENT_DATE";
  }
  if (e.kind == ExprKind::Call) {
    auto& c = static_cast<const CallExpr&>(e);
    if (c.name.size() != 1) return false;
    std::string f = upper(c.name[0].text);
    if (f == "TO_DATE" || f == "ADD_MONTHS" || f == "LAST_DAY" || f == "NEXT_DAY") return true;
    return (f == "TRUNC" || f == "ROUND") && !c.args.empty() && oracle_date(*c.args[0].value);
  }
  return false;
}

bool SqlWriter::oracle_timestamp(const Expr& e) {
  if (e.kind == ExprKind::Name) {
    auto& n = static_cast<const NameExpr&>(e);
    if (const Column* c = resolve_column(n)) return c->type.name.rfind("TIMESTAMP", 0) == 0;
    std::string w = n.parts.size() == 1 ? upper(n.parts[0].text) : "";
    if (w == "LOCALTIMESTAMP" || w == "SYSTIMESTAMP" || w == "CURRENT_TIMESTAMP") return true;
  }
  if (e.kind == ExprKind::Call) {
    auto& c = static_cast<const CallExpr&>(e);
    std::string f = c.name.size() == 1 ? upper(c.name[0].text) : "";
    if (f == "TO_TIMESTAMP" || f == "TO_TIMESTAMP_TZ" || f == "LOCALTIMESTAMP" || f == "SYSTIMESTAMP" ||
        f == "CURRENT_TIMESTAMP" || f == "FROM_TZ")
      return true;
  }
  if (e.kind == ExprKind::Cast) return static_cast<const CastExpr&>(e).type->name.rfind("TIMESTAMP", 0) == 0;
  return ctx_.routine && ctx_.routine->value_family(e).rfind("TIMESTAMP", 0) == 0;
}

// Oracle's text of an INTERVAL DAY TO SECOND (TO_CHAR, or the value used as text): the sign, the
// days to the leading precision, the time and the fraction to the fractional precision:
// '+000000000 00:00:04.250000000' for a datetime difference (DAY(9) TO SECOND(9)), '+00
// 00:00:04.250000' for a variable of the default DAY(2) TO SECOND(6). The targets print intervals
// their own way ('00:00:04.25'); nullopt where no support function can be written (outside PL/SQL).
std::optional<std::string> SqlWriter::interval_text(const Expr& e) {
  if (!postgres() || !ctx_.routine) return std::nullopt;
  int lead = 9, fraction = 9;
  bool difference = e.kind == ExprKind::Binary && static_cast<const BinaryExpr&>(e).op == BinaryOp::Sub;
  if (!difference) {
    if (upper(ctx_.routine->value_family(e)).rfind("INTERVAL DAY", 0) != 0) return std::nullopt;
    std::string family = ctx_.routine->declared_type(e);
    family.erase(std::remove(family.begin(), family.end(), ' '), family.end());
    lead = 2, fraction = 6;
    size_t d = family.find("DAY("), s = family.find("SECOND(");
    if (d != std::string::npos && std::isdigit(static_cast<unsigned char>(family[d + 4]))) lead = family[d + 4] - '0';
    if (s != std::string::npos && std::isdigit(static_cast<unsigned char>(family[s + 7]))) fraction = family[s + 7] - '0';
  }
  return ctx_.routine->support_call("orashift_interval_text",
                                    expr(e) + ", " + std::to_string(lead) + ", " + std::to_string(fraction));
}

std::string SqlWriter::concat_part(const Expr& e) {
  if (type_of(e) == ValueType::Interval)
    if (auto t = interval_text(e)) return *t;
  if (!oracle_date(e)) return expr(e);
  // Oracle concatenates a DATE as TO_CHAR(d) with NLS_DATE_FORMAT; the targets would print ISO text.
  std::string fmt = ctx_.nls_date_format.empty() ? "DD-MON-RR" : ctx_.nls_date_format;
  FormatModel f = convert_date_format(fmt, d_, false);
  if (!f.unsupported.empty()) {
    item("OS4004", "format element " + f.unsupported + " of NLS_DATE_FORMAT '" + fmt + "' has no " +
                       dialect_name(d_) + " equivalent",
         e.span);
    return expr(e);
  }
  item("OS4015", "DATE " + sql::compact_text(e.span) + " concatenated as text: formatted with NLS_DATE_FORMAT " + fmt +
                     " as Oracle does",
       e.span, false);
  if (duckdb()) {
    std::string s = "strftime(" + expr(e) + ", " + quote_literal(f.mask, d_) + ")";
    return f.upper_case ? "upper(" + s + ")" : s;
  }
  return "TO_CHAR(" + expr(e) + ", " + quote_literal(f.mask, d_) + ")";
}

std::string SqlWriter::as_text(const Expr& e) {
  ValueType t = type_of(e);
  if (t == ValueType::Date && oracle_date(e)) return concat_part(e);
  if (t == ValueType::Interval)
    if (auto text = interval_text(e)) return *text;
  if (t != ValueType::Number) return expr(e);
  // Whole numbers print the same everywhere; a NUMBER(p,s) column prints its scale's trailing
  // zeros on the targets (10.50) where Oracle's TO_CHAR gives 10.5.
  bool whole = false;
  if (e.kind == ExprKind::Literal) {
    std::string_view v = static_cast<const LiteralExpr&>(e).text;
    whole = v.find_first_not_of("0123456789") == std::string_view::npos;
  } else if (e.kind == ExprKind::Name) {
    if (const Column* c = resolve_column(static_cast<const NameExpr&>(e))) {
      const OracleType& ty = c->type;
      whole = ty.name == "INTEGER" || ty.name == "INT" || ty.name == "SMALLINT" ||
              (ty.name == "NUMBER" && ty.precision && (!ty.scale || *ty.scale == 0));
    }
  }
  std::string text = sql::compact_text(e.span);
  if (whole)
    item("OS4015", "number " + text + " used as text: converted with TO_CHAR as Oracle does", e.span, false);
  else
    item("OS4012", "number " + text + " used as text: converted with TO_CHAR as Oracle does, but the target prints "
                   "the trailing zeros of its scale (10.50 where Oracle prints 10.5)",
         e.span, false);
  return "CAST(" + expr(e) + " AS " + text_type() + ")";
}

std::string SqlWriter::in_list(const InExpr& n) {
  if (n.list.size() == 1 && n.list[0]->kind == ExprKind::Subquery)
    return expr(*n.lhs) + (n.negated ? " NOT IN (" : " IN (") +
           query(*static_cast<const SubqueryExpr&>(*n.list[0]).query) + ")";
  // x IN (a, b) is x = a OR x = b: a character x meeting a number (or date) item is converted
  // once, then character items meet the converted x.
  ValueType lt = type_of(*n.lhs), want = ValueType::Unknown;
  for (const auto& i : n.list)
    if (want == ValueType::Unknown) want = implicit_target(lt, type_of(*i));
  std::string out = want == ValueType::Unknown ? expr(*n.lhs) : converted(*n.lhs, want);
  ValueType as = want == ValueType::Unknown ? lt : want;
  out += n.negated ? " NOT IN (" : " IN (";
  for (size_t i = 0; i < n.list.size(); ++i) out += (i ? ", " : "") + compared(*n.list[i], as);
  return out + ")";
}

std::string SqlWriter::between(const BetweenExpr& b) {
  // x BETWEEN a AND b is x >= a AND x <= b, each comparison converted on its own.
  ValueType ot = type_of(*b.operand);
  ValueType want = implicit_target(ot, type_of(*b.low));
  if (want == ValueType::Unknown) want = implicit_target(ot, type_of(*b.high));
  std::string out = want == ValueType::Unknown ? expr(*b.operand) : converted(*b.operand, want);
  ValueType as = want == ValueType::Unknown ? ot : want;
  return out + (b.negated ? " NOT BETWEEN " : " BETWEEN ") + compared(*b.low, as) + " AND " + compared(*b.high, as);
}

}  // namespace orashift::rewrite

namespace orashift::rewrite {

const Table* SqlWriter::target_table(const TableRef& t) const {
  if (t.kind != TableRefKind::Table || !ctx_.catalog) return nullptr;
  return ctx_.catalog->find_table(normalize_identifier(static_cast<const TableName&>(t).name.name().text));
}

std::string SqlWriter::row_values(const Table* table, const std::vector<Ident>& columns,
                                  const std::vector<ExprPtr>& values) {
  // The columns the values go to: the list, or (INSERT INTO t VALUES) the table's visible ones.
  std::vector<const Column*> into;
  if (table) {
    if (!columns.empty()) {
      for (const auto& c : columns) into.push_back(table->find_column(normalize_identifier(c.text)));
    } else {
      for (const auto& c : table->columns)
        if (!c.invisible && c.virtual_sql.empty()) into.push_back(&c);
    }
  }
  std::string out;
  for (size_t i = 0; i < values.size(); ++i) {
    const Column* c = i < into.size() ? into[i] : nullptr;
    out += (i ? ", " : "") + (c ? assigned(*values[i], value_type_of(c->type)) : expr(*values[i]));
  }
  return out;
}

}  // namespace orashift::rewrite
