#include "endpoints/redshift/dms_settings.h"

#include <algorithm>
#include <cctype>

namespace orashift::redshift {

namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool parse_bool(const std::string& v, bool& out) {
  std::string l = lower(v);
  if (l == "true" || l == "y" || l == "yes" || l == "1") out = true;
  else if (l == "false" || l == "n" || l == "no" || l == "0") out = false;
  else return false;
  return true;
}

}  // namespace

bool apply_dms_setting(RedshiftOptions& o, const std::string& nv, std::string* error) {
  auto fail = [&](const std::string& why) {
    if (error) *error = "--redshift-setting " + nv + ": " + why;
    return false;
  };
  size_t eq = nv.find('=');
  if (eq == std::string::npos || eq == 0) return fail("expected Name=Value");
  std::string name = lower(nv.substr(0, eq)), value = nv.substr(eq + 1);
  CopySettings& c = o.copy;
  bool b = false;
  auto flag = [&](bool& field) {
    if (!parse_bool(value, b)) return fail("expected true or false");
    field = b;
    return true;
  };
  if (name == "acceptanydate") return flag(c.accept_any_date);
  if (name == "emptyasnull") return flag(c.empty_as_null);
  if (name == "truncatecolumns") return flag(c.truncate_columns);
  if (name == "trimblanks") return flag(c.trim_blanks);
  if (name == "explicitids") return flag(c.explicit_ids);
  if (name == "compupdate") {
    if (!parse_bool(value, b)) return fail("expected true or false");
    c.comp_update = b;
    return true;
  }
  if (name == "dateformat" || name == "timeformat") {
    // The staged parts always hold ISO text (docs/redshift.md, "CSV dialect"): a DMS format such as
    // epochsecs or MM/DD/YYYY would make COPY misread or refuse every value, and only 'auto' reads
    // the " BC" suffix and a "+00" offset (Redshift, "Using automatic recognition with DATEFORMAT
    // and TIMEFORMAT"). So 'auto' is the one value accepted, written in lower case (the keyword is
    // case-sensitive, COPY data conversion parameters).
    if (lower(value) != "auto")
      return fail("orashift stages dates and timestamps as ISO text (YYYY-MM-DD HH:MI:SS[.ffffff], ' BC' for years "
                  "before 1, '+00' on TIMESTAMPTZ), which only 'auto' reads; leave the setting out");
    (name == "dateformat" ? c.date_format : c.time_format) = "auto";
    return true;
  }
  if (name == "replaceinvalidchars") {
    if (value.size() != 1 || static_cast<unsigned char>(value[0]) >= 0x80 || value[0] == '\0')
      return fail("expected one ASCII character");
    c.replace_invalid_chars = value;
    o.accept_invalid_utf8 = true;
    return true;
  }
  if (name == "maxfilesize") {
    try {
      size_t used = 0;
      uint64_t kb = std::stoull(value, &used);
      if (used != value.size() || kb == 0 || kb > (1u << 24)) return fail("expected KB between 1 and 16777216");
      o.max_file_size = kb << 10;
      return true;
    } catch (...) {
      return fail("expected a number of KB");
    }
  }
  return fail("not a DMS Redshift setting orashift maps (AcceptAnyDate, DateFormat, TimeFormat, EmptyAsNull, "
              "TruncateColumns, TrimBlanks, CompUpdate, ExplicitIds, ReplaceInvalidChars, MaxFileSize)");
}

uint64_t max_error_for(const ErrorBehaviorSettings& e) {
  if (e.data_error_policy == ErrorPolicy::SuspendTable || e.data_error_policy == ErrorPolicy::StopTask) return 0;
  constexpr uint64_t kRedshiftMaxError = 100000;
  if (e.data_error_escalation_count > 0)
    return std::min<uint64_t>(static_cast<uint64_t>(e.data_error_escalation_count), kRedshiftMaxError);
  return kRedshiftMaxError;
}

}  // namespace orashift::redshift
