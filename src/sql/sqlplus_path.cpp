#include "sql/sqlplus_path.h"

#include <cctype>

namespace orashift::sql {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool is_file(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec);
}

// `dir/rel` with each part of `rel` matched ignoring case when the exact name is absent.
std::optional<fs::path> find_ignoring_case(const fs::path& dir, const fs::path& rel) {
  fs::path at = dir;
  for (const auto& part : rel) {
    std::string name = part.string();
    if (name.empty() || name == ".") continue;
    std::error_code ec;
    if (name == ".." || fs::exists(at / part, ec)) {
      at /= part;
      continue;
    }
    std::optional<fs::path> hit;
    for (const auto& e : fs::directory_iterator(at, ec))
      if (lower(e.path().filename().string()) == lower(name)) {
        hit = e.path();
        break;
      }
    if (!hit) return std::nullopt;
    at = *hit;
  }
  return is_file(at) ? std::optional<fs::path>(at) : std::nullopt;
}

}  // namespace

std::string sqlplus_script_file_name(std::string_view a) {
  while (!a.empty() && std::isspace(static_cast<unsigned char>(a.front()))) a.remove_prefix(1);
  std::string name;
  if (!a.empty() && (a.front() == '"' || a.front() == '\'')) {
    size_t close = a.find(a.front(), 1);
    name = std::string(a.substr(1, close == std::string_view::npos ? std::string_view::npos : close - 1));
  } else {
    size_t end = 0;
    while (end < a.size() && !std::isspace(static_cast<unsigned char>(a[end]))) ++end;
    name = std::string(a.substr(0, end));
  }
  while (!name.empty() && name.back() == ';') name.pop_back();  // `@x.tab;`: the ; ends the command
  if (name.empty()) return name;
  fs::path p(name);
  if (!p.has_extension() || p.filename() == p.extension()) name += ".sql";  // SQL*Plus's SUFFIX
  return name;
}

std::optional<fs::path> resolve_sqlplus_script(const std::string& file_name, bool nested, const fs::path& caller_dir,
                                               const fs::path& start_dir) {
  if (file_name.empty()) return std::nullopt;
  fs::path rel(file_name);
  if (rel.is_absolute()) return is_file(rel) ? std::optional<fs::path>(rel) : std::nullopt;
  const fs::path& first = nested ? caller_dir : start_dir;
  const fs::path& second = nested ? start_dir : caller_dir;
  for (const fs::path* d : {&first, &second})
    if (is_file(*d / rel)) return (*d / rel).lexically_normal();
  for (const fs::path* d : {&first, &second})
    if (auto hit = find_ignoring_case(*d, rel)) return hit->lexically_normal();
  return std::nullopt;
}

std::string sqlplus_connect_schema(std::string_view a) {
  std::string up(a);
  for (char& c : up) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  for (const char* as : {" AS SYSDBA", " AS SYSOPER", " AS SYSBACKUP", " AS SYSDG", " AS SYSKM"})
    if (up.find(as) != std::string::npos) return "SYS";
  while (!a.empty() && std::isspace(static_cast<unsigned char>(a.front()))) a.remove_prefix(1);
  if (!a.empty() && a.front() == '"') {
    size_t close = a.find('"', 1);
    return close == std::string_view::npos ? "" : std::string(a.substr(1, close - 1));
  }
  size_t end = a.find_first_of("/@ \t");
  std::string_view user = a.substr(0, end);
  if (user.empty() || user.find('&') != std::string_view::npos) return "";
  std::string out(user);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

int code_file_extension_rank(const fs::path& p) {
  static const char* const kRanks[][7] = {
      {".seq"},
      {".sql", ".tab", ".ddl"},
      {".con", ".fk"},
      {".ind", ".idx"},
      {".typ", ".tps"},
      {".syn", ".vw", ".mv"},
      {".pks", ".pkh", ".fnc", ".prc"},
      {".pkb", ".pck", ".pkg", ".pls", ".plb", ".tpb", ".plsql"},
      {".trg"},
  };
  std::string e = lower(p.extension().string());
  for (size_t r = 0; r < std::size(kRanks); ++r)
    for (const char* x : kRanks[r])
      if (x && e == x) return static_cast<int>(r);
  return -1;
}

}  // namespace orashift::sql
