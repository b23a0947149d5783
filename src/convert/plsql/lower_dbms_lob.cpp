// DBMS_LOB on targets whose LOBs are plain values: a CLOB is text, a BLOB bytea (varchar/varbyte
// on Redshift). Readers become string functions; writers become assignments to their LOB (and
// OUT) arguments. Oracle Database PL/SQL Packages and Types Reference, "DBMS_LOB".
#include <algorithm>
#include <map>

#include "convert/plsql/codes.h"
#include "convert/plsql/lowerer.h"
#include "convert/query/sql_writer.h"
#include "sql/parser.h"

namespace orashift::plsql {

namespace ast = sql::ast;
using rewrite::upper;

namespace {

bool is_lobmaxsize(const ast::Expr& e) {
  std::string t = upper(sql::compact_text(e.span));
  return t == "DBMS_LOB.LOBMAXSIZE" || t == "SYS.DBMS_LOB.LOBMAXSIZE";
}

// A position or length argument as an integer (PostgreSQL's substr/overlay take no numeric).
std::string as_int(const std::string& v) {
  bool digits = !v.empty() && v.find_first_not_of("0123456789") == std::string::npos;
  return digits ? v : "(" + v + ")::integer";
}

bool character_family(const std::string& f) { return f == "CLOB" || f == "NCLOB" || f == "VARCHAR2" || f == "CHAR"; }
bool binary_family(const std::string& f) { return f == "BLOB" || f == "RAW"; }

}  // namespace

std::optional<std::string> Lowerer::dbms_lob_function(const std::string& fn, const ast::CallExpr* c, Span span,
                                                      rewrite::SqlWriter& w) const {
  size_t n = c ? c->args.size() : 0;
  auto arg = [&](size_t i) { return w.expr(*c->args[i].value); };
  if (fn == "GETLENGTH" && n == 1) return "length(" + arg(0) + ")";
  if (fn == "SUBSTR" && n >= 1 && n <= 3) {  // SUBSTR(lob, amount := 32767, offset := 1)
    std::string amount = n >= 2 && !is_lobmaxsize(*c->args[1].value) ? ", " + as_int(arg(1)) : std::string(", 32767");
    return "substr(" + arg(0) + ", " + (n == 3 ? as_int(arg(2)) : std::string("1")) + amount + ")";
  }
  if (fn == "INSTR" && n >= 2 && n <= 4) {
    // INSTR(lob, pattern, offset := 1, nth := 1): only the first occurrence is emulated.
    if (n == 4 && sql::compact_text(c->args[3].value->span) != "1") return std::nullopt;
    if (n == 2) return "position(" + arg(1) + " IN " + arg(0) + ")";
    std::string off = as_int(arg(2));
    std::string at = "position(" + arg(1) + " IN substr(" + arg(0) + ", " + off + "))";
    return "CASE WHEN " + at + " = 0 THEN 0 ELSE " + at + " + " + off + " - 1 END";
  }
  if (fn == "COMPARE" && (n == 2 || n == 3 || n == 5)) {
    // 0 when equal, -1/1 by binary order, NULL when either is NULL.
    std::string a = arg(0), b = arg(1);
    if (n >= 3 && !is_lobmaxsize(*c->args[2].value)) {
      std::string amount = as_int(arg(2));
      a = "substr(" + a + ", " + (n == 5 ? as_int(arg(3)) : std::string("1")) + ", " + amount + ")";
      b = "substr(" + b + ", " + (n == 5 ? as_int(arg(4)) : std::string("1")) + ", " + amount + ")";
    }
    std::string collate = character_family(oracle_family_of(*c->args[0].value)) ? " COLLATE \"C\"" : "";
    return "CASE WHEN " + a + " IS NULL OR " + b + " IS NULL THEN NULL WHEN " + a + " = " + b + " THEN 0 WHEN " + a + collate +
           " < " + b + collate + " THEN -1 ELSE 1 END";
  }
  if (fn == "ISTEMPORARY" && n == 1) {
    item(plsql_codes::kBehaviour, "DBMS_LOB.ISTEMPORARY → 1 for any non-NULL value: the target's LOBs are values, none is a locator", span);
    return "CASE WHEN " + arg(0) + " IS NULL THEN NULL ELSE 1 END";
  }
  if (fn == "GETCHUNKSIZE" && n == 1) {
    item(plsql_codes::kBehaviour, "DBMS_LOB.GETCHUNKSIZE → 8132 (an 8 KB block's chunk): the target's LOBs have no chunks", span);
    return "8132";
  }
  return std::nullopt;
}

// The package's constants ("DBMS_LOB Constants"); an unknown one is an item, not a column.
std::optional<std::string> Lowerer::dbms_lob_constant(const std::string& name, Span span) const {
  static const std::map<std::string, std::string> constants = {
      {"DEFAULT_CSID", "0"},   {"DEFAULT_LANG_CTX", "0"}, {"NO_WARNING", "0"},     {"WARN_INCONVERTIBLE_CHAR", "1"},
      {"LOB_READONLY", "0"},   {"LOB_READWRITE", "1"},    {"CALL", "12"},          {"SESSION", "10"},
      {"LOBMAXSIZE", "18446744073709551615"},              {"FILE_READONLY", "0"}};
  auto it = constants.find(name);
  if (it != constants.end()) return it->second;
  item(plsql_codes::kBuiltinPackage, "DBMS_LOB." + name + " has no " + dialect_name(dialect()) + " equivalent", span);
  return "NULL";
}

bool Lowerer::dbms_lob_statement(const std::string& fn, const ast::CallExpr* call, Span span, PgBody& out) {
  size_t n = call ? call->args.size() : 0;
  if (n == 0) return false;
  // Named notation → the documented parameter order.
  static const std::map<std::string, std::vector<std::string>> params = {
      {"COPY", {"DEST_LOB", "SRC_LOB", "AMOUNT", "DEST_OFFSET", "SRC_OFFSET"}},
      {"READ", {"LOB_LOC", "AMOUNT", "OFFSET", "BUFFER"}},
      {"CONVERTTOBLOB", {"DEST_LOB", "SRC_CLOB", "AMOUNT", "DEST_OFFSET", "SRC_OFFSET", "BLOB_CSID", "LANG_CONTEXT", "WARNING"}},
      {"CONVERTTOCLOB", {"DEST_LOB", "SRC_BLOB", "AMOUNT", "DEST_OFFSET", "SRC_OFFSET", "BLOB_CSID", "LANG_CONTEXT", "WARNING"}},
      {"TRIM", {"LOB_LOC", "NEWLEN"}}, {"APPEND", {"DEST_LOB", "SRC_LOB"}}, {"WRITEAPPEND", {"LOB_LOC", "AMOUNT", "BUFFER"}},
      {"CREATETEMPORARY", {"LOB_LOC", "CACHE", "DUR"}}, {"FREETEMPORARY", {"LOB_LOC"}}};
  std::vector<const ast::Expr*> a;
  for (const auto& x : call->args) a.push_back(x.value.get());
  bool named = false;
  for (const auto& x : call->args) named |= !x.name.empty();
  if (named) {
    auto it = params.find(fn);
    if (it == params.end()) return false;
    std::vector<const ast::Expr*> ordered(it->second.size(), nullptr);
    for (size_t i = 0; i < call->args.size(); ++i) {
      size_t at = i;
      if (!call->args[i].name.empty()) {
        auto p = std::find(it->second.begin(), it->second.end(), upper(std::string(call->args[i].name)));
        if (p == it->second.end()) return false;
        at = static_cast<size_t>(p - it->second.begin());
      }
      if (at >= ordered.size() || ordered[at]) return false;
      ordered[at] = call->args[i].value.get();
    }
    while (!ordered.empty() && !ordered.back()) ordered.pop_back();
    for (const auto* e : ordered)
      if (!e) return false;
    a = ordered;
    n = a.size();
  }
  auto arg = [&](size_t i) { return expr(*a[i]); };
  bool ok = true;
  auto assign = [&](size_t i, const std::string& value) {
    if (!assign_value(*a[i], value, span, out)) ok = false;
  };
  std::string lob = arg(0);
  if (fn == "CREATETEMPORARY") return assign(0, "''"), true;
  if (fn == "FREETEMPORARY") return assign(0, "NULL"), true;
  if (fn == "OPEN" || fn == "CLOSE") return true;  // the target's values need no opening
  if (fn == "APPEND" && n == 2) return assign(0, "COALESCE(" + lob + ", '') || " + arg(1)), true;
  if (fn == "WRITEAPPEND" && n == 3) return assign(0, "COALESCE(" + lob + ", '') || substr(" + arg(2) + ", 1, " + as_int(arg(1)) + ")"), true;
  if (fn == "TRIM" && n == 2) return assign(0, "substr(" + lob + ", 1, " + as_int(arg(1)) + ")"), true;
  if (dialect() != Dialect::Postgres) return false;
  if (fn == "READ" && n == 4) {
    // READ(lob, amount IN OUT, offset, buffer OUT): NO_DATA_FOUND at the end of the LOB.
    assign(3, "substr(" + lob + ", " + as_int(arg(2)) + ", " + as_int(arg(1)) + ")");
    out.push_back(PgStmt::simple("IF COALESCE(length(" + arg(3) + "), 0) = 0 THEN RAISE no_data_found; END IF", span));
    assign(1, "length(" + arg(3) + ")");
    return ok;
  }
  if (fn == "COPY" && n >= 3 && n <= 5) {
    // COPY(dest IN OUT, src, amount, dest_offset := 1, src_offset := 1): a destination shorter than
    // dest_offset is padded with spaces (CLOB) or zero bytes (BLOB) first.
    std::string family = oracle_family_of(*a[0]);
    if (!character_family(family) && !binary_family(family)) return false;
    bool text = character_family(family);
    std::string dest_off = n >= 4 ? as_int(arg(3)) : "1";
    std::string part = "substr(" + arg(1) + ", " + (n == 5 ? as_int(arg(4)) : std::string("1")) +
                       (is_lobmaxsize(*a[2]) ? std::string() : ", " + as_int(arg(2))) + ")";
    std::string empty = text ? "''" : "''::bytea";
    std::string base = "COALESCE(" + lob + ", " + empty + ")";
    std::string padded = text ? "rpad(" + base + ", greatest(length(" + base + "), " + dest_off + " - 1), ' ')"
                              : "(" + base + " || decode(repeat('00', greatest(" + dest_off + " - 1 - length(" + base + "), 0)), 'hex'))";
    assign(0, "overlay(" + padded + " placing " + part + " from " + dest_off + " for length(" + part + "))");
    return ok;
  }
  if ((fn == "CONVERTTOBLOB" || fn == "CONVERTTOCLOB") && n == 8) {
    // (dest IN OUT, src, amount, dest_offset IN OUT, src_offset IN OUT, csid, lang_context IN OUT,
    // warning OUT): appended at dest_offset as UTF-8, the offsets moved past what was copied.
    std::string csid = upper(sql::compact_text(a[5]->span));
    if (csid != "0" && csid.find("DEFAULT_CSID") == std::string::npos && csid.find("AL32UTF8") == std::string::npos &&
        csid.find("UTF8") == std::string::npos)
      item(plsql_codes::kBehaviour, "DBMS_LOB." + fn + ": character set " + csid + " read as UTF-8 (the database's encoding)", span);
    bool to_blob = fn == "CONVERTTOBLOB";
    std::string part = "substr(" + arg(1) + ", " + as_int(arg(4)) +
                       (is_lobmaxsize(*a[2]) ? std::string() : ", " + as_int(arg(2))) + ")";
    std::string converted = to_blob ? "convert_to(" + part + ", 'UTF8')" : "convert_from(" + part + ", 'UTF8')";
    std::string empty = to_blob ? "''::bytea" : "''";
    assign(0, "overlay(COALESCE(" + lob + ", " + empty + ") placing " + converted + " from " + as_int(arg(3)) + " for length(" +
                  converted + "))");
    assign(3, arg(3) + " + length(" + converted + ")");  // before src_offset moves: `part` reads it
    assign(4, arg(4) + " + length(" + part + ")");
    assign(7, "0");
    return ok;
  }
  return false;
}

}  // namespace orashift::plsql
