// Staging throughput of the Redshift target, per core: the SH sample's rows are read into
// memory first (so the source parser is not timed), then encoded to CSV and compressed into
// parts on ONE thread, once with gzip and once with zstd; then the parts go up to an S3 server.
//   stage_throughput SAMPLE_DIR OUT_DIR [S3_ENDPOINT S3_URL]
// Prints MB/s of uncompressed CSV and rows/s. Built and run by bench/stage_throughput.sh.
#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <sstream>

#include "endpoints/factory.h"
#include "endpoints/redshift/csv_encoder.h"
#include "endpoints/redshift/part_writer.h"
#include "endpoints/redshift/redshift_options.h"
#include "endpoints/redshift/stage_upload.h"

using namespace orashift;
using namespace orashift::redshift;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct NoRejects : RejectSink {
  uint64_t n = 0;
  void reject(Reject) override { ++n; }
};

struct TableData {
  std::string name;
  std::vector<Batch> batches;
};

double since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// CPU seconds of this process (every thread: a part writer may compress on a worker): on a
// shared machine wall time measures the other engineers too, so "per core" throughput is CSV
// bytes per CPU second spent staging them.
double process_cpu() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3 && argc != 5) {
    fmt::print(stderr, "usage: stage_throughput SAMPLE_DIR OUT_DIR [S3_ENDPOINT s3://BUCKET/PREFIX]\n");
    return 2;
  }
  auto source = make_source(std::string("oracle-files:") + argv[1]);
  std::map<std::string, TableData> tables;
  NoRejects rejects;
  uint64_t rows = 0;
  for (const LoadUnit& u : source->units()) {
    if (u.missing) continue;
    const Table* t = source->catalog().find_table(u.table);
    if (!t) continue;
    auto cols = load_columns_for(*t);
    auto reader = source->open(u, cols, rejects);
    TableData& td = tables[u.table];
    td.name = u.table;
    for (;;) {
      Batch b;
      for (const auto& c : cols) {
        ColumnVector v;
        v.kind = c.kind;
        v.scale = c.scale;
        b.columns.push_back(v);
      }
      bool more = reader->next(b, 16384);
      rows += b.rows();
      if (b.rows()) td.batches.push_back(std::move(b));
      if (!more) break;
    }
  }
  fmt::print("source: {} tables, {} rows in memory ({} read rejects)\n", tables.size(), rows, rejects.n);

  {
    // Encoding alone, to tell CSV formatting cost from compression cost.
    uint64_t csv = 0;
    auto t0 = Clock::now();
    double c0 = process_cpu();
    std::string buf;
    for (auto& [name, td] : tables)
      for (const Batch& b : td.batches) {
        buf.clear();
        for (size_t r = 0; r < b.rows(); ++r) append_csv_row(buf, b, r, {});
        csv += buf.size();
      }
    double s = since(t0), cpu = process_cpu() - c0;
    fmt::print("encode only:           {:7.1f} MB CSV in {:5.2f} s wall, {:5.2f} s CPU: {:6.1f} MB/s per core, {:9.0f} rows/s\n",
               csv / 1e6, s, cpu, csv / 1e6 / cpu, rows / cpu);
  }

  // STAGE_CODECS="gzip zstd:1 zstd:3": codecs and levels to time (no level: orashift's default).
  std::vector<std::pair<Compression, int>> cases;
  {
    const char* env = std::getenv("STAGE_CODECS");
    std::istringstream in(env && *env ? env : "gzip zstd");
    for (std::string word; in >> word;) {
      Compression c;
      size_t colon = word.find(':');
      if (!parse_compression(word.substr(0, colon), c)) {
        fmt::print(stderr, "STAGE_CODECS: unknown codec in {}\n", word);
        return 2;
      }
      cases.emplace_back(c, colon == std::string::npos ? 0 : std::stoi(word.substr(colon + 1)));
    }
  }
  std::vector<std::pair<std::string, std::string>> uploads_from;  // codec → folder
  for (auto [codec, level] : cases) {
    const std::string label = fmt::format("{}-{}", compression_name(codec), level ? level : default_level(codec));
    fs::path out = fs::path(argv[2]) / label;
    fs::remove_all(out);
    uint64_t csv = 0, file = 0, staged = 0;
    auto t0 = Clock::now();
    double c0 = process_cpu();
    for (auto& [name, td] : tables) {
      PartWriter parts((out / name).string(), codec, 32ull << 20, level);
      std::string buf;
      std::vector<size_t> ends;
      for (const Batch& b : td.batches) {
        buf.clear();
        ends.clear();
        for (size_t r = 0; r < b.rows(); ++r)
          if (append_csv_row(buf, b, r, {}).column < 0) ends.push_back(buf.size());
        parts.add_rows(buf, ends);
      }
      for (const auto& p : parts.finish()) {
        csv += p.csv_bytes;
        file += p.file_bytes;
        staged += p.rows;
      }
    }
    double s = since(t0), cpu = process_cpu() - c0;
    fmt::print("stage {:4} (level {}): {:>9} rows, {:7.1f} MB CSV → {:6.1f} MB ({:4.1f}%), {:6.2f} s wall, {:6.2f} s CPU: {:6.1f} MB/s per core, {:9.0f} rows/s\n",
               compression_name(codec), level ? level : default_level(codec), staged, csv / 1e6, file / 1e6,
               100.0 * file / std::max<uint64_t>(csv, 1), s, cpu, csv / 1e6 / cpu, staged / cpu);
    uploads_from.emplace_back(label, out.string());
  }

  if (argc == 5) {
    s3::S3Config config = s3::S3Config::from_environment(argv[3]);
    auto loc = parse_s3_url(argv[4]);
    if (!loc) return 2;
    for (const auto& [codec, folder] : uploads_from) {
      std::vector<UploadItem> items;
      uint64_t bytes = 0;
      for (const auto& f : fs::recursive_directory_iterator(folder)) {
        if (!f.is_regular_file()) continue;
        items.push_back({f.path().string(), loc->key(codec + "/" + fs::relative(f.path(), folder).string())});
        bytes += f.file_size();
      }
      auto t0 = Clock::now();
      upload_all(config, loc->bucket, items, 4);
      double s = since(t0);
      fmt::print("upload {:4}: {} files, {:6.1f} MB in {:5.2f} s: {:6.1f} MB/s (4 parallel uploads, local S3 server)\n",
                 codec, items.size(), bytes / 1e6, s, bytes / 1e6 / s);
    }
  }
  return 0;
}
