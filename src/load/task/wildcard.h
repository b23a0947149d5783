#pragma once
// DMS object-locator name patterns ("Wildcards in table mapping" in the DMS user guide):
//   %      zero or more characters
//   _      exactly one character
//   [ab]   one character of a set; [a-d] a range; [_] a literal underscore
// plus, for Oracle endpoints, an optional escape character (DMS's `escapeCharacter` extra
// connection attribute) that makes the next character literal: with '#', "TEST#_T%" matches
// names starting with "TEST_T".
// Matching is case-sensitive, as DMS documents for selection and transformation rules: an
// Oracle name created unquoted must be written in upper case ("SH%", not "sh%").
// Characters are matched byte-wise; names are UTF-8 and a multi-byte character only ever
// meets '%' or a literal in practice (Oracle identifiers are mostly ASCII).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orashift {

class NamePattern {
public:
  NamePattern() = default;
  // Compiles a pattern; returns nullopt with a reason for an unterminated or empty "[...]".
  static std::optional<NamePattern> compile(std::string_view text, char escape = 0, std::string* error = nullptr);
  // A pattern that only matches `name` exactly (explicit rules, which take no wildcards).
  static NamePattern literal(std::string_view name);

  bool matches(std::string_view name) const;
  // True when the pattern has no wildcard at all, so it names exactly one object.
  bool is_literal() const { return literal_; }
  const std::string& text() const { return text_; }

private:
  enum class Kind { Char, AnyOne, AnyRun, Set };
  struct Token {
    Kind kind = Kind::Char;
    char c = 0;
    std::vector<std::pair<char, char>> ranges;  // Set: inclusive ranges (a single char is [c,c])
  };
  bool match_from(size_t t, std::string_view name, size_t n) const;

  std::string text_;
  std::vector<Token> tokens_;
  bool literal_ = true;
};

}  // namespace orashift
