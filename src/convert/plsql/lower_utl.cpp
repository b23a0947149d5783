// UTL_RAW, UTL_URL, UTL_ENCODE and UTL_I18N on PostgreSQL, where a RAW is bytea and a character
// set conversion is convert_to / convert_from (Oracle Database PL/SQL Packages and Types
// Reference 19c, the chapters of the same names). What needs a loop calls a support function of
// builtin_support.h.
#include <map>

#include "convert/plsql/builtin_args.h"
#include "convert/plsql/codes.h"
#include "convert/plsql/lowerer.h"
#include "sql/parser.h"

namespace orashift::plsql {

namespace ast = sql::ast;
using rewrite::upper;

namespace {

// An Oracle character set named by a literal → the PostgreSQL encoding's name as SQL text;
// NULL → the database's own, omitted → `when_omitted`; nullopt: not known here.
std::optional<std::string> pg_charset(const ast::Expr* e, const std::string& when_omitted) {
  if (!e) return when_omitted;
  if (null_literal(e)) return std::string("current_setting('server_encoding')");
  auto name = string_literal(e);
  if (!name) return std::nullopt;
  static const std::map<std::string, std::string> names = {
      {"AL32UTF8", "UTF8"},        {"UTF8", "UTF8"},          {"WE8ISO8859P1", "LATIN1"}, {"WE8ISO8859P15", "LATIN9"},
      {"WE8MSWIN1252", "WIN1252"}, {"EE8MSWIN1250", "WIN1250"}, {"CL8MSWIN1251", "WIN1251"}, {"EE8ISO8859P2", "LATIN2"},
      {"CL8KOI8R", "KOI8R"},      {"JA16SJIS", "SJIS"},        {"JA16EUC", "EUC_JP"},     {"ZHS16GBK", "GBK"},
      {"KO16MSWIN949", "UHC"}};
  std::string cs = upper(*name);
  if (size_t dot = cs.rfind('.'); dot != std::string::npos) cs = cs.substr(dot + 1);  // NLS_LANG form: AMERICAN_AMERICA.AL32UTF8
  auto it = names.find(cs);
  if (it == names.end()) return std::nullopt;
  return "'" + it->second + "'";
}

}  // namespace

std::string Lowerer::helper_call(const char* name, const std::string& args) const {
  res_.helpers.insert(name);
  return std::string("\"") + name + "\"(" + args + ")";
}

// A RAW parameter given character data: Oracle converts it implicitly as HEXTORAW does.
std::string Lowerer::raw_operand(const ast::Expr& e, rewrite::SqlWriter& w) const {
  const ast::Expr* typed = &e;  // DBMS_LOB.SUBSTR(lob, …) has its LOB's family
  if (e.kind == ast::ExprKind::Call) {
    const auto& call = static_cast<const ast::CallExpr&>(e);
    std::string name;
    for (const auto& p : call.name) name += (name.empty() ? "" : ".") + upper(std::string(p.text));
    if ((name == "DBMS_LOB.SUBSTR" || name == "SYS.DBMS_LOB.SUBSTR") && !call.args.empty()) typed = call.args[0].value.get();
  }
  std::string f = oracle_family_of(*typed);
  bool chars = f == "VARCHAR2" || f == "CHAR" || f == "CLOB" || (f.empty() && value_type(e) == rewrite::ValueType::Text);
  return chars ? rewrite::hex_to_bytes_sql(w.expr(e)) : w.expr(e);
}

std::optional<std::string> Lowerer::utl_call(const std::string& pkg, const std::string& fn, const ast::CallExpr* c, Span,
                                             rewrite::SqlWriter& w) const {
  if (dialect() != Dialect::Postgres) return std::nullopt;
  auto bind = [&](const std::vector<const char*>& params) { return builtin_args(c, params); };
  auto text = [&](const ast::Expr* e) { return w.expr(*e); };
  auto raw = [&](const ast::Expr* e) { return raw_operand(*e, w); };
  if (pkg == "UTL_RAW") {
    if (!c) {  // the package's constants
      if (fn == "BIG_ENDIAN") return "1";
      if (fn == "LITTLE_ENDIAN") return "2";
      if (fn == "MACHINE_ENDIAN") return "2";  // x86-64 and ARM64 servers are little-endian
      return std::nullopt;
    }
    if (fn == "CAST_TO_BINARY_INTEGER" || fn == "CAST_FROM_BINARY_INTEGER") {
      auto a = bind({fn == "CAST_TO_BINARY_INTEGER" ? "R" : "N", "ENDIANESS"});
      if (!a || !(*a)[0]) return std::nullopt;
      // MACHINE_ENDIAN (3) reads as little-endian, as on the servers PostgreSQL runs on.
      std::string endian = (*a)[1] ? "CASE WHEN (" + text((*a)[1]) + ") = 1 THEN 1 ELSE 2 END" : "1";
      if (fn == "CAST_TO_BINARY_INTEGER") return helper_call("orashift_raw_to_int", raw((*a)[0]) + ", " + endian);
      return helper_call("orashift_raw_from_int", "(" + text((*a)[0]) + ")::integer, " + endian);
    }
    if (fn == "BIT_AND" || fn == "BIT_OR" || fn == "BIT_XOR") {
      auto a = bind({"R1", "R2"});
      if (!a || !(*a)[0] || !(*a)[1]) return std::nullopt;
      return helper_call("orashift_raw_bits", raw((*a)[0]) + ", " + raw((*a)[1]) + ", '" +
                                                  (fn == "BIT_AND" ? "and" : fn == "BIT_OR" ? "or" : "xor") + "'");
    }
    if (fn == "COMPARE") {
      auto a = bind({"R1", "R2", "PAD"});
      if (!a || !(*a)[0] || !(*a)[1]) return std::nullopt;
      return helper_call("orashift_raw_compare",
                         raw((*a)[0]) + ", " + raw((*a)[1]) + ", " + ((*a)[2] ? raw((*a)[2]) : std::string("NULL::bytea")));
    }
    if (fn == "REVERSE") {
      auto a = bind({"R"});
      if (!a || !(*a)[0]) return std::nullopt;
      return helper_call("orashift_raw_reverse", raw((*a)[0]));
    }
    if (fn == "COPIES") {
      auto a = bind({"R", "N"});
      if (!a || !(*a)[0] || !(*a)[1]) return std::nullopt;
      return helper_call("orashift_raw_copies", raw((*a)[0]) + ", " + text((*a)[1]));
    }
    if (fn == "CAST_FROM_NUMBER") {
      auto a = bind({"N"});
      if (!a || !(*a)[0]) return std::nullopt;
      return helper_call("orashift_raw_from_number", text((*a)[0]));
    }
    if (fn == "CONVERT") {
      // CONVERT(r, to_charset, from_charset): the bytes re-encoded.
      auto a = bind({"R", "TO_CHARSET", "FROM_CHARSET"});
      if (!a || !(*a)[0] || !(*a)[1] || !(*a)[2]) return std::nullopt;
      auto to = pg_charset((*a)[1], ""), from = pg_charset((*a)[2], "");
      if (!to || !from || to->empty() || from->empty()) return std::nullopt;
      return "convert(" + text((*a)[0]) + ", " + *from + ", " + *to + ")";
    }
    return std::nullopt;
  }
  if (pkg == "UTL_LMS" && fn == "FORMAT_MESSAGE" && c && !c->args.empty()) {
    std::string args = "(" + text(c->args[0].value.get()) + ")::text";
    for (size_t i = 1; i < c->args.size(); ++i) args += ", (" + text(c->args[i].value.get()) + ")::text";
    if (c->args.size() == 1) args += ", VARIADIC '{}'::text[]";
    return helper_call("orashift_format_message", args);
  }
  if (pkg == "UTL_URL" && c) {
    // ESCAPE(url, escape_reserved_chars := FALSE, url_charset := UTL_HTTP's body charset,
    // ISO-8859-1 unless changed); UNESCAPE(url, url_charset). A NULL charset is the database's.
    if (fn == "ESCAPE") {
      auto a = bind({"URL", "ESCAPE_RESERVED_CHARS", "URL_CHARSET"});
      if (!a || !(*a)[0]) return std::nullopt;
      auto cs = pg_charset((*a)[2], "'LATIN1'");
      if (!cs) return std::nullopt;
      return helper_call("orashift_url_escape",
                         text((*a)[0]) + ", " + ((*a)[1] ? text((*a)[1]) : std::string("false")) + ", " + *cs);
    }
    if (fn == "UNESCAPE") {
      auto a = bind({"URL", "URL_CHARSET"});
      if (!a || !(*a)[0]) return std::nullopt;
      auto cs = pg_charset((*a)[1], "'LATIN1'");
      if (!cs) return std::nullopt;
      return helper_call("orashift_url_unescape", text((*a)[0]) + ", " + *cs);
    }
    return std::nullopt;
  }
  if (pkg == "UTL_ENCODE" && c) {
    auto a = bind({"R"});
    if (!a || !(*a)[0]) return std::nullopt;
    // BASE64_ENCODE returns the base64 text as a RAW, in lines of 64 characters separated by
    // CR LF; BASE64_DECODE skips the line breaks (PostgreSQL's decoder ignores whitespace).
    if (fn == "BASE64_ENCODE")
      return "convert_to(regexp_replace(translate(encode(" + raw((*a)[0]) +
             ", 'base64'), chr(10), ''), '(.{64})(?=.)', '\\1' || chr(13) || chr(10), 'g'), 'UTF8')";
    if (fn == "BASE64_DECODE") return "decode(convert_from(" + raw((*a)[0]) + ", 'UTF8'), 'base64')";
    return std::nullopt;
  }
  if (pkg == "UTL_I18N" && c) {
    // STRING_TO_RAW(data, dst_charset := NULL) / RAW_TO_CHAR(data, src_charset := NULL): NULL is
    // the database character set.
    if (fn == "STRING_TO_RAW" || fn == "RAW_TO_CHAR") {
      auto a = bind({"DATA", fn == "STRING_TO_RAW" ? "DST_CHARSET" : "SRC_CHARSET"});
      if (!a || !(*a)[0]) return std::nullopt;
      auto cs = pg_charset((*a)[1], "current_setting('server_encoding')");
      if (!cs) return std::nullopt;
      return std::string(fn == "STRING_TO_RAW" ? "convert_to(" : "convert_from(") + text((*a)[0]) + ", " + *cs + ")";
    }
    return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace orashift::plsql
