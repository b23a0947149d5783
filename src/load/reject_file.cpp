#include "load/reject_file.h"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace orashift {

std::string safe_file_name(const std::string& table) {
  std::string s;
  for (char c : table) s.push_back(std::isalnum(static_cast<unsigned char>(c)) || c == '_' ? c : '_');
  return s;
}

std::string reject_file_path(const std::string& dir, const std::string& table) {
  return dir + "/" + safe_file_name(table) + ".rejects.jsonl";
}

RejectFile::RejectFile(std::string path, const std::set<std::string>& finished) : path_(std::move(path)), append_(true) {
  std::ifstream in(path_);
  if (!in) return;  // no rejects in the earlier run
  std::string kept, line;
  size_t dropped = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    // A torn last line (killed while writing it) belongs to an unfinished segment: dropped.
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    bool keep = !j.is_discarded() && (!j.contains("segment") || finished.count(j["segment"].get<std::string>()));
    if (keep) {
      kept += line;
      kept += '\n';
    } else {
      ++dropped;
    }
  }
  in.close();
  if (dropped == 0) return;
  std::string tmp = path_ + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << kept;
    if (!out.flush()) throw std::runtime_error("cannot write reject file " + tmp);
  }
  std::filesystem::rename(tmp, path_);
}

RejectFile::~RejectFile() {
  if (file_) std::fclose(file_);
}

void RejectFile::reject(Reject r) {
  nlohmann::json j = {{"table", r.table}, {"source", r.source}, {"line", r.line}, {"reason", r.reason},
                      {"record", r.record}};
  if (!r.segment.empty()) j["segment"] = r.segment;
  // Records may hold invalid UTF-8 (that can be why they were rejected): replace, never throw.
  std::string line = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  std::lock_guard lock(mu_);
  if (!file_) {
    std::filesystem::create_directories(std::filesystem::path(path_).parent_path());
    file_ = std::fopen(path_.c_str(), append_ ? "a" : "w");
    if (!file_) throw std::runtime_error("cannot write reject file " + path_);
  }
  std::fwrite(line.data(), 1, line.size(), file_);
  std::fflush(file_);  // a crash must not lose the record of a rejected row
  if (count_.load() == 0) first_reason_ = r.reason;
  count_.fetch_add(1);
}

std::string RejectFile::first_reason() const {
  std::lock_guard lock(mu_);
  return first_reason_;
}

}  // namespace orashift
