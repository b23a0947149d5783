#pragma once
// How Oracle names become target names, and how they are quoted. Every identifier that reaches
// generated SQL goes through quote_ident: nothing from a source is spliced in unquoted.
#include <string>
#include <string_view>

namespace orashift {

// Oracle folds unquoted names to upper case; PostgreSQL, DuckDB and Redshift fold to lower
// case. A name that is all upper case in Oracle (the usual, unquoted case) becomes lower case;
// a name with lower-case letters was quoted in Oracle and keeps its exact spelling.
std::string target_name(std::string_view oracle_name);

// Double-quotes an identifier, doubling embedded quotes: ab"c → "ab""c".
std::string quote_ident(std::string_view name);

// Single-quotes a string literal, doubling embedded quotes.
std::string quote_literal(std::string_view text);

}  // namespace orashift
