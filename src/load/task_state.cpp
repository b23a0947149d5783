#include "load/task_state.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace orashift {

namespace fs = std::filesystem;
using nlohmann::json;

std::string fnv1a_hex(const std::string& text) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return fmt::format("{:016x}", h);
}

namespace {

// Makes a new directory entry durable: fsync of the file alone does not cover its name.
void sync_dir(const fs::path& dir) {
  int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

TaskState::TaskState(std::string path, std::string fingerprint, std::function<void(const std::string&)> log)
    : path_(std::move(path)) {
  auto say = [&](const std::string& s) {
    if (log) log(s);
  };
  fs::create_directories(fs::path(path_).parent_path());
  if (fs::exists(path_)) {
    std::ifstream in(path_);
    std::string line;
    bool first = true, ours = false;
    size_t torn = 0;
    while (std::getline(in, line)) {
      if (line.empty()) continue;  // the newline that ended a torn line
      json j = json::parse(line, nullptr, false);
      if (j.is_discarded() || !j.is_object()) {  // a line cut short by a kill
        ++torn;
        continue;
      }
      std::string ev = j.value("event", "");
      if (first) {
        first = false;
        ours = ev == "task" && j.value("fingerprint", "") == fingerprint;
        if (!ours) break;
        continue;
      }
      std::string table = j.value("table", "");
      if (ev == "reset") {
        std::erase_if(records_, [&](const auto& kv) { return kv.first.first == table; });
        continue;
      }
      if (ev != "start" && ev != "done") continue;
      SegmentRecord& r = records_[key(table, j.value("segment", ""))];
      r.table = table;
      r.segment = j.value("segment", "");
      r.where = j.value("where", "");
      r.relation = j.value("relation", "");
      r.target_where = j.value("target_where", "");
      r.started = true;
      r.done = ev == "done";
      if (r.done)
        r.counts = {j.value("read", uint64_t{0}), j.value("loaded", uint64_t{0}), j.value("rejected", uint64_t{0}),
                    j.value("filtered", uint64_t{0}), j.value("bytes", uint64_t{0})};
    }
    in.close();
    if (ours) {
      resuming_ = true;
      size_t done = 0;
      for (const auto& [k, r] : records_) done += r.done;
      say(fmt::format("resuming from {}: {} segments finished earlier, {} unfinished{}", path_, done,
                      records_.size() - done, torn ? fmt::format(" ({} torn line ignored)", torn) : ""));
    } else {
      records_.clear();
      fs::rename(path_, path_ + ".stale");
      say("state file " + path_ + " belongs to another task (different source, target, mappings or settings); "
          "moved to " + path_ + ".stale, loading from the start");
    }
  }
  // A kill while a line was being written leaves it without its newline: end it, or the next
  // record would be glued to the torn one and lost with it.
  bool torn_tail = false;
  if (resuming_) {
    std::ifstream in(path_, std::ios::binary | std::ios::ate);
    if (in.tellg() > 0) {
      in.seekg(-1, std::ios::end);
      torn_tail = in.get() != '\n';
    }
  }
  file_ = std::fopen(path_.c_str(), "a");
  if (!file_) throw std::runtime_error("cannot write task state file " + path_);
  if (torn_tail) append("");
  if (!resuming_) {
    append(json{{"event", "task"}, {"fingerprint", fingerprint}}.dump());
    sync_dir(fs::path(path_).parent_path());
  }
}

TaskState::~TaskState() {
  if (file_) std::fclose(file_);
}

void TaskState::append(const std::string& line) {
  std::string l = line + "\n";
  if (std::fwrite(l.data(), 1, l.size(), file_) != l.size() || std::fflush(file_) != 0 || ::fsync(fileno(file_)) != 0)
    throw std::runtime_error("cannot write task state file " + path_);
}

const SegmentCounts* TaskState::finished(const LoadUnit& u) const {
  std::lock_guard lock(mu_);
  auto it = records_.find(key(u.table, u.segment));
  if (it == records_.end() || !it->second.done || !it->second.same_rows(u)) return nullptr;
  return &it->second.counts;
}

std::vector<SegmentRecord> TaskState::records(const std::string& table) const {
  std::lock_guard lock(mu_);
  std::vector<SegmentRecord> out;
  for (const auto& [k, r] : records_)
    if (k.first == table) out.push_back(r);
  return out;
}

static json unit_json(const char* event, const LoadUnit& u) {
  return json{{"event", event},    {"table", u.table},         {"segment", u.segment},
              {"where", u.where},  {"relation", u.relation},   {"target_where", u.target_where}};
}

void TaskState::record_start(const LoadUnit& u) {
  std::lock_guard lock(mu_);
  append(unit_json("start", u).dump());
  SegmentRecord& r = records_[key(u.table, u.segment)];
  r = SegmentRecord{u.table, u.segment, u.where, u.relation, u.target_where, true, false, {}};
}

void TaskState::record_done(const LoadUnit& u, const SegmentCounts& c) {
  std::lock_guard lock(mu_);
  json j = unit_json("done", u);
  j["read"] = c.read;
  j["loaded"] = c.loaded;
  j["rejected"] = c.rejected;
  j["filtered"] = c.filtered;
  j["bytes"] = c.bytes;
  append(j.dump());
  SegmentRecord& r = records_[key(u.table, u.segment)];
  r = SegmentRecord{u.table, u.segment, u.where, u.relation, u.target_where, true, true, c};
}

void TaskState::reset_table(const std::string& table) {
  std::lock_guard lock(mu_);
  append(json{{"event", "reset"}, {"table", table}}.dump());
  std::erase_if(records_, [&](const auto& kv) { return kv.first.first == table; });
}

void TaskState::complete() {
  std::lock_guard lock(mu_);
  if (file_) std::fclose(file_);
  file_ = nullptr;
  std::string done = path_;
  if (done.size() > 6 && done.ends_with(".jsonl")) done = done.substr(0, done.size() - 6) + ".done.jsonl";
  else done += ".done";
  fs::rename(path_, done);
  sync_dir(fs::path(path_).parent_path());
}

}  // namespace orashift
