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

// Creates (truncates) `path`. level <= 0 picks the format's default (gzip 6, zstd 3).
// Throws std::runtime_error naming the path on any I/O or codec failure.
std::unique_ptr<FileCompressor> open_compressor(Compression c, const std::string& path, int level = 0);

// Whole-buffer decompression of either format (tests, benchmarks, the PostgreSQL proof).
std::string decompress_file(const std::string& path);

}  // namespace orashift::redshift
