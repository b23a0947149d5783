#include "dialect/apply_manifest.h"

#include "common/verbatim_name.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

namespace orashift {

namespace {

// An action item belongs to an object when its location lies inside the object's source text.
bool inside(const Span& item, const Span& object) {
  return item.file && item.file == object.file && item.begin >= object.begin && item.begin < std::max(object.end, object.begin + 1);
}

}  // namespace

constexpr std::string_view kMarker = "-- orashift object ";

std::string object_section_marker(int k, const std::string& kind, const std::string& name) {
  return std::string(kMarker) + std::to_string(k) + ": " + kind + " " + std::string(display_name(name)) + "\n";
}

std::string object_sql(const std::string& file_text, const ManifestObject& o, const std::string& path) {
  if (o.part <= 0) return file_text;
  // The section is found by its own number, so a section deleted by hand cannot shift the others.
  const std::string want = std::string(kMarker) + std::to_string(o.part) + ":";
  size_t begin = std::string::npos, end = file_text.size();
  for (size_t at = 0; at < file_text.size();) {
    size_t eol = file_text.find('\n', at);
    size_t next = eol == std::string::npos ? file_text.size() : eol + 1;
    std::string_view line = std::string_view(file_text).substr(at, next - at);
    if (line.starts_with(kMarker)) {
      if (begin != std::string::npos) {
        end = at;
        break;
      }
      if (line.starts_with(want)) begin = next;
    }
    at = next;
  }
  auto fail = [&](const std::string& why) {
    return std::runtime_error(path + ": " + why + " (the manifest puts " + o.kind + " " + o.name + " there; keep the \"" +
                              std::string(kMarker) + "K:\" lines when editing)");
  };
  if (begin == std::string::npos) throw fail("no section " + std::to_string(o.part));
  std::string sql = file_text.substr(begin, end - begin);
  if (sql.find_first_not_of(" \t\r\n") == std::string::npos) throw fail("section " + std::to_string(o.part) + " is empty");
  return sql;
}

ApplyManifest build_manifest(const ConvertedSchema& schema, const std::vector<const ConvertedObject*>& ordered,
                             const std::vector<std::string>& files, const std::vector<int>& parts, const ActionItems& items) {
  ApplyManifest m;
  m.dialect = dialect_name(schema.dialect);
  for (size_t i = 0; i < ordered.size(); ++i) {
    const ConvertedObject& o = *ordered[i];
    if (!o.flagged_code.empty()) {
      m.flagged.push_back({o.kind, std::string(display_name(o.name)), o.span.file ? o.span.location() : "", o.flagged_code, o.unit});
      continue;
    }
    // Names for people: without the loader's verbatim mark (common/verbatim_name.h).
    ManifestObject mo{files[i], o.kind, std::string(display_name(o.name)), std::string(display_name(o.table)), o.phase == ApplyPhase::BeforeLoad ? "before_load" : "after_load",
                      o.span.file ? o.span.location() : "", {}, o.unit};
    for (const auto& it : items.items()) {
      if (!inside(it.span, o.span)) continue;
      std::string code = it.kind->code;
      bool seen = false;
      for (const auto& c : mo.codes) seen = seen || c == code;
      if (!seen) mo.codes.push_back(code);
    }
    mo.part = parts[i];
    m.objects.push_back(std::move(mo));
  }
  for (const auto& f : schema.flagged)
    m.flagged.push_back({f.kind, f.name, f.span.file ? f.span.location() : "", f.code, f.kind + " " + f.name});
  return m;
}

std::string manifest_json(const ApplyManifest& m) {
  nlohmann::json j;
  j["format"] = 1;
  j["dialect"] = m.dialect;
  j["objects"] = nlohmann::json::array();
  for (const auto& o : m.objects)
    j["objects"].push_back({{"file", o.file}, {"kind", o.kind}, {"name", o.name}, {"table", o.table}, {"phase", o.phase},
                            {"source", o.location}, {"action_items", o.codes}});
  for (size_t i = 0; i < m.objects.size(); ++i) {
    if (!m.objects[i].unit.empty()) j["objects"][i]["unit"] = m.objects[i].unit;
    if (m.objects[i].part > 0) j["objects"][i]["part"] = m.objects[i].part;
  }
  j["flagged"] = nlohmann::json::array();
  for (const auto& f : m.flagged)
    j["flagged"].push_back({{"kind", f.kind}, {"name", f.name}, {"source", f.location}, {"code", f.code}, {"unit", f.unit}});
  return j.dump(2) + "\n";
}

ApplyManifest read_manifest(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path + " (run orashift convert --out DIR first)");
  std::stringstream ss;
  ss << in.rdbuf();
  ApplyManifest m;
  try {
    auto j = nlohmann::json::parse(ss.str());
    if (j.value("format", 0) != 1) throw std::runtime_error("unknown manifest format");
    m.dialect = j.at("dialect").get<std::string>();
    for (const auto& o : j.at("objects"))
      m.objects.push_back({o.at("file"), o.at("kind"), o.at("name"), o.value("table", ""), o.value("phase", "before_load"),
                           o.value("source", ""), o.value("action_items", std::vector<std::string>{}),
                           o.value("unit", ""), o.value("part", 0)});
    for (const auto& f : j.at("flagged"))
      m.flagged.push_back({f.at("kind"), f.at("name"), f.value("source", ""), f.at("code"), f.value("unit", "")});
  } catch (const std::exception& e) {
    throw std::runtime_error(path + ": " + e.what());
  }
  return m;
}

}  // namespace orashift
