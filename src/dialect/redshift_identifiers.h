#pragma once
// Redshift folds every identifier, quoted or not, to lower case unless the session parameter
// enable_case_sensitive_identifier is on (Redshift, "Names and identifiers" and
// "enable_case_sensitive_identifier"). The DDL generator turns it on when Oracle names differ
// only in case; the Redshift target notices the statement and repeats it before each COPY, so the
// column lists name the same columns the tables were created with.
namespace orashift {

inline constexpr const char* kCaseSensitiveIdentifiers = "SET enable_case_sensitive_identifier TO true;";

}  // namespace orashift
