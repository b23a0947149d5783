#include "convert/default_translation.h"
#include "common/ascii.h"
#include "common/datetime.h"

#include "convert/simple_expression.h"
#include "common/naming.h"
#include "dialect/sql_literal.h"
#include "sql/lexer.h"

namespace orashift {

namespace {

using sql::Token;
using sql::TokenKind;

bool is_binary(const MappedType& t) { return t.sql == "BYTEA" || t.sql == "BLOB" || t.sql.rfind("VARBYTE", 0) == 0; }

// Oracle's current date/time and user functions.
std::optional<std::string> builtin(const std::string& word, Dialect d) {
  // SYSDATE is a DATE (whole seconds, session-less server time); targets' TIMESTAMP without time zone.
  if (word == "SYSDATE" || word == "CURRENT_DATE") {
    if (d == Dialect::Postgres) return "LOCALTIMESTAMP(0)";
    if (d == Dialect::DuckDb) return "CAST(date_trunc('second', now()) AS TIMESTAMP)";
    return "GETDATE()";
  }
  if (word == "SYSTIMESTAMP" || word == "CURRENT_TIMESTAMP") {
    if (d == Dialect::Postgres) return "CURRENT_TIMESTAMP";
    if (d == Dialect::DuckDb) return "now()";
    return "SYSDATE";  // Redshift's SYSDATE is the transaction start with microseconds
  }
  if (word == "LOCALTIMESTAMP") return d == Dialect::Redshift ? std::optional<std::string>("SYSDATE") : "LOCALTIMESTAMP";
  if (word == "USER") return "CURRENT_USER";
  return std::nullopt;
}

}  // namespace

std::optional<std::string> nextval_call(const std::string& oracle_sequence, Dialect dialect) {
  if (dialect == Dialect::Redshift) return std::nullopt;
  return "nextval(" + quote_literal(quote_ident(target_name(oracle_sequence)), dialect) + ")";
}

std::optional<TranslatedDefault> translate_default(const Column& column, const MappedType& mapped, const Table& table,
                                                   Dialect dialect) {
  SourceFile file("<default>", column.default_sql);
  std::vector<Token> all = sql::tokenize(file);
  std::vector<Token> t;
  for (const auto& x : all)
    if (x.kind != TokenKind::End) t.push_back(x);
  // Strip redundant outer parentheses: DEFAULT (SYSDATE).
  while (t.size() >= 2 && t.front().kind == TokenKind::LParen && t.back().kind == TokenKind::RParen)
    t = std::vector<Token>(t.begin() + 1, t.end() - 1);
  if (t.empty()) return std::nullopt;
  if (t.size() == 1 && t[0].kind == TokenKind::Identifier) {
    std::string w = ascii_upper(t[0].text);
    if (w == "NULL") return TranslatedDefault{"NULL", ""};
    if (w == "TRUE" || w == "FALSE") return TranslatedDefault{w, ""};  // 23ai BOOLEAN literal
    if (auto b = builtin(w, dialect)) return TranslatedDefault{*b, ""};
  }
  if (t.size() == 1 && t[0].kind == TokenKind::String) {
    std::string v = sql::string_value(t[0]);
    if (v.empty()) return TranslatedDefault{"NULL", ""};  // Oracle stores '' as NULL
    const std::string& n = column.type.name;
    if (n == "DATE") {
      // Oracle reads the text with NLS_DATE_FORMAT (default DD-MON-RR) when the row is inserted;
      // the value is the same every time, so it is read now.
      Micros t = 0;
      static const DateMask nls = *DateMask::compile("DD-MON-RR");
      if (!nls.parse(v, t)) return std::nullopt;
      std::string ts = format_timestamp(t);
      return TranslatedDefault{"TIMESTAMP " + quote_literal(ts, dialect), "",
                               "'" + v + "' read with NLS_DATE_FORMAT DD-MON-RR as " + ts};
    }
    if (n.rfind("TIMESTAMP", 0) == 0) return std::nullopt;  // NLS_TIMESTAMP_FORMAT-dependent conversion
    return TranslatedDefault{quote_literal(v, dialect), ""};
  }
  // SYS_GUID(): 16 random bytes in Oracle; a random UUID's bytes (binary) or its 32 hex digits (text).
  if (t.size() == 3 && ascii_upper(t[0].text) == "SYS_GUID" && t[1].kind == TokenKind::LParen && t[2].kind == TokenKind::RParen) {
    bool bin = is_binary(mapped);
    if (dialect == Dialect::Postgres)
      return TranslatedDefault{bin ? "decode(replace(gen_random_uuid()::text, '-', ''), 'hex')"
                                   : "upper(replace(gen_random_uuid()::text, '-', ''))", ""};
    if (dialect == Dialect::DuckDb)
      return TranslatedDefault{bin ? "unhex(replace(CAST(uuid() AS VARCHAR), '-', ''))"
                                   : "upper(replace(CAST(uuid() AS VARCHAR), '-', ''))", ""};
    return std::nullopt;  // Redshift has no UUID generator usable in DEFAULT
  }
  // [schema.]seq.NEXTVAL
  if ((t.size() == 3 || t.size() == 5) && ascii_upper(t.back().text) == "NEXTVAL" && t[t.size() - 2].kind == TokenKind::Dot) {
    std::string seq = normalize_identifier(t[t.size() - 3].text);
    if (auto call = nextval_call(seq, dialect)) return TranslatedDefault{*call, seq};
    return std::nullopt;
  }
  // Numbers, signed numbers and arithmetic on literals.
  bool literal_only = true;
  for (const auto& x : t)
    if (x.is_word()) literal_only = false;
  if (literal_only)
    if (auto e = translate_simple_expression(column.default_sql, table, dialect)) return TranslatedDefault{*e, ""};
  return std::nullopt;
}

}  // namespace orashift
