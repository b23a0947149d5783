#pragma once
// Oracle datetime format models ('YYYY-MM-DD HH24:MI:SS') → the target's: PostgreSQL and
// Redshift to_char/to_timestamp take nearly the same elements; DuckDB takes strftime/strptime
// codes. An element the target cannot express is reported by name, never passed through.
#include <string>
#include <string_view>

#include "convert/type_mapping.h"

namespace orashift::rewrite {

struct FormatModel {
  std::string mask;         // the target's mask (not quoted)
  std::string unsupported;  // first element the target lacks; empty when the whole mask converted
  bool upper_case = false;  // DuckDB: names must be upper-cased (MON → JAN), wrap the result in upper()
  std::string approximate;  // an element printed close to, not exactly as, Oracle prints it: why
};

// `parsing`: for TO_DATE/TO_TIMESTAMP (strptime on DuckDB), else for TO_CHAR.
FormatModel convert_date_format(std::string_view oracle_mask, Dialect dialect, bool parsing);

// PostgreSQL: the text after the name of a function (fmt text, parsing boolean) RETURNS text that
// converts a mask known only at run time with the same element table, raising 22007 (Oracle's
// ORA-01821 "date format not recognized") for an element it cannot convert.
std::string format_model_function_sql();

}  // namespace orashift::rewrite
