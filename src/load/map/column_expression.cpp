#include "load/map/column_expression.h"

#include <cctype>

#include "load/map/value_convert.h"

namespace orashift {

namespace {

bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || c == '#'; }

}  // namespace

std::optional<ColumnExpression> ColumnExpression::parse(std::string_view s, const std::vector<LoadColumn>& columns,
                                                        std::string* error) {
  ColumnExpression e;
  size_t i = 0;
  auto fail = [&](std::string why) -> std::optional<ColumnExpression> {
    if (error) *error = "expression \"" + std::string(s) + "\": " + why;
    return std::nullopt;
  };
  auto skip_blanks = [&] {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  };
  bool want_operand = true;
  skip_blanks();
  if (i == s.size()) return fail("is empty");
  while (i < s.size()) {
    if (want_operand) {
      Term t;
      if (s[i] == '$') {
        size_t b = ++i;
        while (i < s.size() && ident_char(s[i])) ++i;
        std::string name(s.substr(b, i - b));
        if (name.empty()) return fail("\"$\" without a column name at offset " + std::to_string(b - 1));
        bool found = false;
        for (size_t c = 0; c < columns.size() && !found; ++c)
          if (columns[c].name == name) {
            t.is_column = true;
            t.column = c;
            found = true;
          }
        if (!found) {
          if (name.rfind("AR_", 0) == 0)
            return fail("$" + name + " is a DMS header column (change data capture only); not supported");
          return fail("the source table has no column " + name + " (names are case-sensitive)");
        }
      } else if (s[i] == '\'') {
        ++i;
        for (;;) {
          if (i >= s.size()) return fail("unterminated string literal");
          if (s[i] == '\'') {
            if (i + 1 < s.size() && s[i + 1] == '\'') {
              t.literal.push_back('\'');
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          t.literal.push_back(s[i++]);
        }
      } else if (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '-' || s[i] == '.') {
        size_t b = i++;
        while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.')) ++i;
        t.literal = std::string(s.substr(b, i - b));
      } else {
        size_t b = i;
        while (i < s.size() && ident_char(s[i])) ++i;
        std::string word(s.substr(b, std::max<size_t>(i - b, 1)));
        return fail("\"" + word + "\" is not supported (orashift evaluates $COLUMN references, literals and ||)");
      }
      e.terms_.push_back(std::move(t));
      want_operand = false;
    } else {
      if (s.substr(i, 2) != "||")
        return fail("\"" + std::string(s.substr(i, 1)) + "\" at offset " + std::to_string(i) +
                    " is not supported (orashift evaluates $COLUMN references, literals and ||)");
      i += 2;
      want_operand = true;
    }
    skip_blanks();
  }
  if (want_operand) return fail("ends with || and no operand");
  return e;
}

std::optional<size_t> ColumnExpression::single_column() const {
  if (terms_.size() == 1 && terms_[0].is_column) return terms_[0].column;
  return std::nullopt;
}

bool ColumnExpression::eval_text(const Batch& batch, size_t row, std::string& out) const {
  out.clear();
  for (const Term& t : terms_) {
    if (!t.is_column) {
      out += t.literal;
      continue;
    }
    const ColumnVector& c = batch.columns[t.column];
    if (c.is_null(row)) return false;
    append_value_text(out, c, row);
  }
  return true;
}

}  // namespace orashift
