#pragma once
// Tokens of a SQL*Loader control file. Hand-written because the language is small and its
// quirks (X'hex', `--` comments, BEGINDATA ending the syntax) are easier to state in code.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace orashift {

enum class CtlTok : uint8_t {
  Ident,    // names and keywords (text as written)
  Number,
  SQuoted,  // 'text' (value unescaped)
  DQuoted,  // "text" (value unescaped): masks, SQL strings, quoted names, delimiters
  Hex,      // X'0d0a' (value = decoded bytes)
  Punct,    // ( ) , : = != <> * . + -
  BeginData,
  End,
  Error,    // value = message
};

struct CtlToken {
  CtlTok kind = CtlTok::End;
  std::string value;
  uint32_t begin = 0, end = 0;  // byte range in the file
  bool is(std::string_view keyword) const;  // case-insensitive identifier match
  bool punct(char c) const { return kind == CtlTok::Punct && value.size() == 1 && value[0] == c; }
};

// Tokenizes up to BEGINDATA (inclusive) or the end of text; stops after the first Error.
std::vector<CtlToken> lex_control_file(std::string_view text);

}  // namespace orashift
