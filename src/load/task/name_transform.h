#pragma once
// The naming actions of DMS transformation rules applied to one name. Case-sensitive, as DMS
// documents: remove-prefix "DMS_" leaves "dms_x" alone. Lower/upper case conversion is ASCII
// only; other bytes of a UTF-8 name are kept as they are.
#include <string>
#include <string_view>

#include "load/task/table_mappings.h"

namespace orashift {

// True for rename, convert-*, and the prefix/suffix actions.
bool is_naming_action(TransformAction a);
// The name after the action; unchanged when the action does not apply (a prefix to remove
// that is not there).
std::string apply_naming_action(const TransformationRule& rule, std::string_view name);

}  // namespace orashift
