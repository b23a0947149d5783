#pragma once
// Names that must reach the target exactly as written: a name a DMS transformation rule
// produced (add-prefix "DMS_" on SALES gives DMS_SALES, not dms_sales). target_name()
// (naming.h) folds every other all-upper-case Oracle name to lower case; a name marked here
// passes through it unchanged, without the mark. The mark is a leading \x01 byte, which no
// identifier contains; it is only put on names of the loader's target catalog, all of which
// go through target_name() on their way into SQL.
#include <string>
#include <string_view>

namespace orashift {

std::string verbatim_name(std::string_view name);
// The name without a verbatim mark, for messages and statistics.
std::string_view display_name(std::string_view name);

}  // namespace orashift
