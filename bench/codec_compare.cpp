// Which compressor for Redshift staging parts: zlib vs libdeflate (gzip) and zstd levels, on the
// same CSV, one thread, measured in the thread's CPU seconds (the machine is shared: wall time
// would measure the other engineers). Each codec compresses the input in the pieces the stager
// feeds it (`CHUNK` bytes, default 1 MiB); libdeflate is whole-buffer only, so it is measured
// on whole parts (32 MiB, DMS's MaxFileSize default), the way it would have to be used.
//   codec_compare FILE.csv [ROUNDS=3]
// Built and run by bench/stage_throughput.sh (CODECS=1).
#include <fmt/format.h>
#include <libdeflate.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <ctime>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

namespace {

double thread_cpu() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

constexpr size_t kChunk = 1 << 20;
constexpr size_t kPart = 32u << 20;

size_t zlib_gzip(const std::string& in, int level) {
  z_stream z{};
  deflateInit2(&z, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::vector<unsigned char> out(1 << 18);
  size_t total = 0;
  for (size_t off = 0; off < in.size(); off += kChunk) {
    size_t n = std::min(kChunk, in.size() - off);
    bool last = off + n == in.size();
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data() + off));
    z.avail_in = static_cast<uInt>(n);
    int rc;
    do {
      z.next_out = out.data();
      z.avail_out = static_cast<uInt>(out.size());
      rc = deflate(&z, last ? Z_FINISH : Z_NO_FLUSH);
      total += out.size() - z.avail_out;
    } while (z.avail_out == 0 || (last && rc != Z_STREAM_END));
  }
  deflateEnd(&z);
  return total;
}

size_t libdeflate_gzip(const std::string& in, int level) {
  libdeflate_compressor* c = libdeflate_alloc_compressor(level);
  std::vector<char> out(libdeflate_gzip_compress_bound(c, kPart));
  size_t total = 0;
  for (size_t off = 0; off < in.size(); off += kPart) {
    size_t n = std::min(kPart, in.size() - off);
    total += libdeflate_gzip_compress(c, in.data() + off, n, out.data(), out.size());
  }
  libdeflate_free_compressor(c);
  return total;
}

size_t zstd_stream(const std::string& in, int level, int strategy_workers) {
  ZSTD_CCtx* c = ZSTD_createCCtx();
  ZSTD_CCtx_setParameter(c, ZSTD_c_compressionLevel, level);
  ZSTD_CCtx_setParameter(c, ZSTD_c_checksumFlag, 1);
  if (strategy_workers) ZSTD_CCtx_setParameter(c, ZSTD_c_nbWorkers, strategy_workers);
  std::vector<char> out(ZSTD_CStreamOutSize());
  size_t total = 0;
  for (size_t off = 0; off < in.size(); off += kChunk) {
    size_t n = std::min(kChunk, in.size() - off);
    bool last = off + n == in.size();
    ZSTD_inBuffer ib{in.data() + off, n, 0};
    size_t left;
    do {
      ZSTD_outBuffer ob{out.data(), out.size(), 0};
      left = ZSTD_compressStream2(c, &ob, &ib, last ? ZSTD_e_end : ZSTD_e_continue);
      total += ob.pos;
    } while (ib.pos < ib.size || (last && left != 0));
  }
  ZSTD_freeCCtx(c);
  return total;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    fmt::print(stderr, "usage: codec_compare FILE.csv [ROUNDS]\n");
    return 2;
  }
  std::ifstream f(argv[1], std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  const std::string in = ss.str();
  const int rounds = argc > 2 ? std::atoi(argv[2]) : 3;
  struct Case {
    std::string name;
    std::function<size_t()> run;
  };
  std::vector<Case> cases = {
      {"gzip zlib -1", [&] { return zlib_gzip(in, 1); }},
      {"gzip libdeflate -1", [&] { return libdeflate_gzip(in, 1); }},
      {"gzip zlib -6", [&] { return zlib_gzip(in, 6); }},
      {"gzip libdeflate -6", [&] { return libdeflate_gzip(in, 6); }},
      {"zstd -1", [&] { return zstd_stream(in, 1, 0); }},
      {"zstd -2", [&] { return zstd_stream(in, 2, 0); }},
      {"zstd -3", [&] { return zstd_stream(in, 3, 0); }},
  };
  fmt::print("{:.1f} MB of CSV, {} rounds interleaved, median CPU seconds of this thread\n", in.size() / 1e6, rounds);
  std::vector<std::vector<double>> secs(cases.size());
  std::vector<size_t> sizes(cases.size());
  for (int r = 0; r < rounds; ++r)
    for (size_t i = 0; i < cases.size(); ++i) {
      double t0 = thread_cpu();
      sizes[i] = cases[i].run();
      secs[i].push_back(thread_cpu() - t0);
    }
  for (size_t i = 0; i < cases.size(); ++i) {
    auto& v = secs[i];
    std::sort(v.begin(), v.end());
    double med = v[v.size() / 2];
    fmt::print("{:20} {:7.1f} MB ({:4.1f}%)  {:6.3f} s CPU ({:.3f}–{:.3f})  {:6.1f} MB/s of CSV per core\n", cases[i].name,
               sizes[i] / 1e6, 100.0 * sizes[i] / in.size(), med, v.front(), v.back(), in.size() / 1e6 / med);
  }
  return 0;
}
