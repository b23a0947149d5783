// Staging throughput of the Redshift target, per core: the SH sample's rows are read into
// memory first (so the source parser is not timed), then encoded to CSV and compressed into
// parts on ONE thread, once with gzip and once with zstd; then the parts go up to an S3 server.
//   stage_throughput SAMPLE_DIR OUT_DIR [S3_ENDPOINT S3_URL]
// Prints MB/s of uncompressed CSV and rows/s. Built and run by bench/stage_throughput.sh.
#include <fmt/format.h>

#include <chrono>
#include <filesystem>

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
    std::string buf;
    for (auto& [name, td] : tables)
      for (const Batch& b : td.batches) {
        buf.clear();
        for (size_t r = 0; r < b.rows(); ++r) append_csv_row(buf, b, r, {});
        csv += buf.size();
      }
    double s = since(t0);
    fmt::print("encode only:           {:7.1f} MB CSV in {:5.2f} s on 1 core: {:6.1f} MB/s, {:9.0f} rows/s\n", csv / 1e6, s,
               csv / 1e6 / s, rows / s);
  }

  std::vector<std::pair<std::string, std::string>> uploads_from;  // codec → folder
  for (Compression codec : {Compression::Gzip, Compression::Zstd}) {
    fs::path out = fs::path(argv[2]) / compression_name(codec);
    fs::remove_all(out);
    uint64_t csv = 0, file = 0, staged = 0;
    auto t0 = Clock::now();
    for (auto& [name, td] : tables) {
      PartWriter parts((out / name).string(), codec, 32ull << 20);
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
    double s = since(t0);
    fmt::print("stage {:4}: {:>9} rows, {:7.1f} MB CSV → {:6.1f} MB ({:4.1f}%), {:6.2f} s on 1 core: {:6.1f} MB/s, {:9.0f} rows/s\n",
               compression_name(codec), staged, csv / 1e6, file / 1e6, 100.0 * file / std::max<uint64_t>(csv, 1), s,
               csv / 1e6 / s, staged / s);
    uploads_from.emplace_back(compression_name(codec), out.string());
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
