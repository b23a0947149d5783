#include "convert/simple_expression.h"

#include <array>

#include "common/naming.h"
#include "dialect/sql_literal.h"
#include "sql/lexer.h"

namespace orashift {

namespace {

using sql::Kw;
using sql::Token;
using sql::TokenKind;

bool is_temporal(const OracleType& t) { return t.name == "DATE" || t.name.rfind("TIMESTAMP", 0) == 0 || t.name == "INTERVAL"; }


// Words that mean the same in Oracle, PostgreSQL, DuckDB and Redshift conditions.
bool safe_word(const std::string& w) {
  static const std::array<const char*, 9> words = {"AND", "OR", "NOT", "IN", "BETWEEN", "IS", "NULL", "LIKE", "ESCAPE"};
  for (const char* x : words)
    if (w == x) return true;
  return false;
}

// Functions whose result is the same on every target for every non-NULL argument.
bool safe_function(const std::string& w) {
  static const std::array<const char*, 5> fns = {"UPPER", "LOWER", "ABS", "FLOOR", "CEIL"};
  for (const char* x : fns)
    if (w == x) return true;
  return false;
}

}  // namespace

std::optional<std::string> translate_simple_expression(std::string_view oracle_text, const Table& table,
                                                       Dialect dialect) {
  SourceFile file("<expression>", std::string(oracle_text));
  std::vector<Token> toks = sql::tokenize(file);
  std::string out;
  bool has_string = false, has_temporal_column = false, has_arithmetic = false;
  bool unary_minus = false, prev_operator = true;  // a '-' after an operator or '(' binds to its operand
  for (size_t i = 0; i < toks.size(); ++i) {
    const Token& t = toks[i];
    std::string piece;
    switch (t.kind) {
      case TokenKind::End: break;
      case TokenKind::Identifier:
      case TokenKind::QuotedIdentifier: {
        std::string name = normalize_identifier(t.text);
        if (const Column* c = table.find_column(name)) {
          piece = quote_ident(target_name(c->name));
          if (is_temporal(c->type)) has_temporal_column = true;
        } else if (t.kind == TokenKind::Identifier && safe_word(name)) {
          piece = name;
        } else if (t.kind == TokenKind::Identifier && safe_function(name) && i + 1 < toks.size() &&
                   toks[i + 1].kind == TokenKind::LParen) {
          piece = name;
        } else {
          return std::nullopt;
        }
        break;
      }
      case TokenKind::Number: {
        std::string_view n = t.text;
        if (!n.empty() && (n.back() == 'd' || n.back() == 'D' || n.back() == 'f' || n.back() == 'F')) return std::nullopt;
        piece = std::string(n);
        break;
      }
      case TokenKind::String: {
        std::string v = sql::string_value(t);
        if (v.empty()) return std::nullopt;  // Oracle's '' is NULL: comparisons with it are never true
        piece = quote_literal(v, dialect);
        has_string = true;
        break;
      }
      case TokenKind::LParen: piece = "("; break;
      case TokenKind::RParen: piece = ")"; break;
      case TokenKind::Comma: piece = ","; break;
      case TokenKind::Plus: piece = "+"; break;
      case TokenKind::Minus: piece = "-"; break;
      case TokenKind::Star: piece = "*"; break;
      // Oracle's / is exact division; on integer target types it would truncate.
      case TokenKind::Eq: piece = "="; break;
      case TokenKind::Ne: piece = "<>"; break;
      case TokenKind::Lt: piece = "<"; break;
      case TokenKind::Le: piece = "<="; break;
      case TokenKind::Gt: piece = ">"; break;
      case TokenKind::Ge: piece = ">="; break;
      default: return std::nullopt;
    }
    if (piece.empty()) continue;
    if (piece == "+" || piece == "-" || piece == "*") has_arithmetic = true;
    bool tight = piece == ")" || piece == "," || out.empty() || out.back() == '(' || unary_minus;
    unary_minus = piece == "-" && (out.empty() || prev_operator);
    prev_operator = t.kind != TokenKind::Number && t.kind != TokenKind::String && t.kind != TokenKind::RParen &&
                    !(t.is_word() && table.find_column(normalize_identifier(t.text)));
    if (piece == "(" && !out.empty() && std::isalpha(static_cast<unsigned char>(out.back()))) tight = true;
    out += (tight ? "" : " ") + piece;
  }
  // Oracle converts '2000-01-01' to a date with the session's NLS format: not portable.
  if (has_string && has_temporal_column) return std::nullopt;
  // DATE arithmetic counts days in Oracle and has other rules on every target.
  if (has_arithmetic && has_temporal_column) return std::nullopt;
  if (out.empty()) return std::nullopt;
  return out;
}

}  // namespace orashift
