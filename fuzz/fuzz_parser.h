#pragma once
// The one function both the libFuzzer target (clang, sanitizers) and the GoogleTest replay of
// fuzz/corpus/ (GCC, normal build) run, so CI replays exactly what the fuzzer exercised.
#include <cstddef>
#include <cstdint>
#include <string>

#include "sql/lexer.h"
#include "sql/parser.h"
#include "sql/printer.h"

namespace orashift::fuzz {

inline void parse_bytes(const uint8_t* data, size_t size) {
  SourceFile file("fuzz.sql", std::string(reinterpret_cast<const char*>(data), size));
  (void)sql::tokenize(file, true);
  Diagnostics diags;
  sql::ParsedScript ps = sql::parse_script(file, diags);
  for (const auto& s : ps.statements) {
    std::string printed = sql::print_statement(*s);
    // Printed text must parse again without crashing; whether it is equal is the round-trip
    // test's business, not the fuzzer's (a mismatch is not memory-unsafe).
    if (sql::printed_from_tree(*s)) {
      SourceFile again("printed.sql", printed + ";\n");
      Diagnostics d2;
      sql::ParsedScript ps2 = sql::parse_script(again, d2);
      for (const auto& s2 : ps2.statements) (void)sql::print_statement(*s2);
    }
  }
}

}  // namespace orashift::fuzz
