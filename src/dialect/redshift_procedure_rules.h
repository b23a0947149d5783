#pragma once
// Redshift's documented limits for stored procedures and UDFs, checked on the SQL text orashift
// writes (the test suite runs it over every unit of the corpus). It reads the output with its
// own small tokenizer, not with the converter's tree, so a converter bug cannot hide from it.
// Each rule names its page of the Database Developer Guide (docs/redshift.md, "Stored procedures").
#include <string>
#include <vector>

namespace orashift {

struct RedshiftRuleViolation {
  std::string rule;     // short name: "handler", "execute-using", "raise-arguments", …
  std::string message;  // what was found, with the line of the text
};

// One CREATE PROCEDURE / CREATE FUNCTION statement (or several, one after the other).
std::vector<RedshiftRuleViolation> check_redshift_routines(const std::string& sql);

}  // namespace orashift
