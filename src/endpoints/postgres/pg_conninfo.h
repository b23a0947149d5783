#pragma once
// PostgreSQL connection strings carry passwords; nothing we print may. describe() shows the
// redacted string, and every message that leaves this module is scrubbed of known passwords.
#include <string>
#include <string_view>
#include <vector>

namespace orashift {

// Masks the password in a URI ("postgres://u:SECRET@h/db", "?password=SECRET") or a key=value
// string ("password=SECRET", "password='a b'") as ***. Errs on the side of masking too much.
std::string redact_conninfo(std::string_view conninfo);

// The passwords written in the string, as written and percent-decoded.
std::vector<std::string> conninfo_passwords(std::string_view conninfo);

// Replaces every occurrence of each non-empty secret with ***.
std::string scrub_secrets(std::string message, const std::vector<std::string>& secrets);

}  // namespace orashift
