#include "dialect/sequence_ddl.h"

#include <cctype>

#include "common/naming.h"
#include "sql/lexer.h"

namespace orashift {

namespace {

std::string upper_words(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

// True when the integer text fits a signed 64-bit value (PostgreSQL/DuckDB sequences are BIGINT).
bool fits_bigint(const std::string& v) {
  std::string digits = v;
  bool neg = !digits.empty() && digits[0] == '-';
  if (neg || (!digits.empty() && digits[0] == '+')) digits.erase(0, 1);
  while (digits.size() > 1 && digits[0] == '0') digits.erase(0, 1);
  for (char c : digits)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  const std::string max = neg ? "9223372036854775808" : "9223372036854775807";
  return digits.size() < max.size() || (digits.size() == max.size() && digits <= max);
}

std::string strip_spaces(const std::string& v) {
  std::string out;
  for (char c : v)
    if (!std::isspace(static_cast<unsigned char>(c))) out += c;
  return out;
}

}  // namespace

SequenceClauses sequence_clauses(const std::vector<SequenceOption>& options, Dialect dialect) {
  SequenceClauses out;
  for (const auto& o : options) {
    std::string name = upper_words(o.name);
    std::string value = strip_spaces(o.value);
    if (name == "START WITH" || name == "INCREMENT BY" || name == "MAXVALUE" || name == "MINVALUE") {
      if (!fits_bigint(value)) {
        out.dropped.push_back(name + " " + value);
        if (name == "MAXVALUE" || name == "MINVALUE") out.sql += " NO " + name;
        continue;
      }
      if (name == "START WITH") out.start = value;
      if (name == "INCREMENT BY") out.increment = value;
      out.sql += " " + name + " " + value;
    } else if (name == "NOMAXVALUE" || name == "NOMINVALUE" || name == "NOCYCLE") {
      out.sql += " NO " + name.substr(2);
    } else if (name == "CYCLE") {
      out.sql += " CYCLE";
    } else if (name == "CACHE" && dialect == Dialect::Postgres) {
      out.sql += " CACHE " + value;
    } else if (name == "NOCACHE" && dialect == Dialect::Postgres) {
      out.sql += " CACHE 1";
    } else if (name == "CACHE" || name == "NOCACHE") {
      // DuckDB has no sequence cache; it only affects performance.
    } else {
      out.dropped.push_back(value.empty() ? name : name + " " + value);  // ORDER, KEEP, SCALE, SESSION, …
    }
  }
  return out;
}

std::vector<SequenceOption> identity_options(const std::string& identity_sql) {
  SourceFile file("<identity>", identity_sql);
  std::vector<sql::Token> t = sql::tokenize(file);
  std::vector<SequenceOption> out;
  size_t i = 0;
  while (i < t.size() && t[i].kind != sql::TokenKind::LParen) ++i;
  ++i;
  int depth = 1;
  while (i < t.size() && depth > 0) {
    const auto& tok = t[i];
    if (tok.kind == sql::TokenKind::RParen) {
      --depth;
      ++i;
      continue;
    }
    if (tok.kind == sql::TokenKind::Identifier) {
      std::string word = upper_words(tok.text);
      ++i;
      // Two-word options: START WITH, INCREMENT BY.
      if ((word == "START" || word == "INCREMENT") && i < t.size() && t[i].kind == sql::TokenKind::Identifier) {
        word += " " + upper_words(t[i].text);
        ++i;
      }
      std::string value;
      while (i < t.size() && (t[i].kind == sql::TokenKind::Number || t[i].kind == sql::TokenKind::Minus)) value += t[i++].text;
      out.push_back({word, value});
      continue;
    }
    ++i;
  }
  return out;
}

bool identity_always(const std::string& identity_sql) {
  return upper_words(identity_sql).find("BY DEFAULT") == std::string::npos;
}

std::string create_sequence_sql(const Sequence& seq, Dialect dialect, std::vector<std::string>& dropped) {
  SequenceClauses c = sequence_clauses(seq.options, dialect);
  dropped = c.dropped;
  return "CREATE SEQUENCE " + quote_ident(target_name(seq.name)) + c.sql + ";\n";
}

}  // namespace orashift
