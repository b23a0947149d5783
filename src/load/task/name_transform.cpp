#include "load/task/name_transform.h"

namespace orashift {

bool is_naming_action(TransformAction a) { return a <= TransformAction::ReplaceSuffix; }

static bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
static bool ends_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

std::string apply_naming_action(const TransformationRule& rule, std::string_view name) {
  std::string out(name);
  const std::string& v = rule.value;
  switch (rule.action) {
    case TransformAction::Rename: return v;
    case TransformAction::ConvertLowercase:
      for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      return out;
    case TransformAction::ConvertUppercase:
      for (auto& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      return out;
    case TransformAction::AddPrefix: return v + out;
    case TransformAction::AddSuffix: return out + v;
    case TransformAction::RemovePrefix: return starts_with(out, v) ? out.substr(v.size()) : out;
    case TransformAction::RemoveSuffix: return ends_with(out, v) ? out.substr(0, out.size() - v.size()) : out;
    case TransformAction::ReplacePrefix:
      return starts_with(out, rule.old_value) ? v + out.substr(rule.old_value.size()) : out;
    case TransformAction::ReplaceSuffix:
      return ends_with(out, rule.old_value) ? out.substr(0, out.size() - rule.old_value.size()) + v : out;
    default: return out;
  }
}

}  // namespace orashift
