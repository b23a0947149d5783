#pragma once
// Streaming gzip / zstd compression into a file, so a staged part never sits in memory whole.
// Both formats are read natively by Redshift COPY (GZIP, ZSTD).
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace orashift::redshift {

enum class Compression { Gzip, Zstd };
const char* compression_name(Compression c);   // "gzip", "zstd"
const char* compression_suffix(Compression c); // ".gz", ".zst"
const char* compression_copy_keyword(Compression c);  // "GZIP", "ZSTD"
bool parse_compression(std::string_view text, Compression& out);

class FileCompressor {
public:
  virtual ~FileCompressor() = default;
  virtual void write(std::string_view data) = 0;
  // Flushes the stream trailer and closes the file; returns the file's size in bytes.
  virtual uint64_t finish() = 0;
};

// The level used when none is asked for. gzip 6 (gzip's own default). zstd 1, not the library's
// 3: on the staged CSV of the SH sample level 1 compresses 2.8× faster per core for parts 2.3 %
// larger (bench/codec_compare.cpp; docs/redshift.md, "Throughput"). COPY reads any level.
int default_level(Compression c);

// gzip parts whose uncompressed size is known to stay within this are compressed whole with
// libdeflate (held in memory until the part closes); larger or unbounded ones stream through
// zlib, whose memory does not grow with the part. DMS's MaxFileSize default (32 MB) is within.
inline constexpr uint64_t kWholePartGzipMax = 64ull << 20;

// Creates (truncates) `path`. level <= 0 picks default_level(c). `max_bytes`: the most
// uncompressed bytes that will be written (0: unknown), which picks gzip's implementation.
// Throws std::runtime_error naming the path on any I/O or codec failure.
std::unique_ptr<FileCompressor> open_compressor(Compression c, const std::string& path, int level = 0,
                                                uint64_t max_bytes = 0);

// Whole-buffer decompression of either format (tests, benchmarks, the PostgreSQL proof).
std::string decompress_file(const std::string& path);

}  // namespace orashift::redshift
