#include "endpoints/redshift/compressor.h"

#include <libdeflate.h>
#include <zlib.h>
#include <zstd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace orashift::redshift {

const char* compression_name(Compression c) { return c == Compression::Gzip ? "gzip" : "zstd"; }
const char* compression_suffix(Compression c) { return c == Compression::Gzip ? ".gz" : ".zst"; }
const char* compression_copy_keyword(Compression c) { return c == Compression::Gzip ? "GZIP" : "ZSTD"; }
int default_level(Compression c) { return c == Compression::Gzip ? 6 : 1; }
bool parse_compression(std::string_view t, Compression& out) {
  if (t == "gzip") out = Compression::Gzip;
  else if (t == "zstd") out = Compression::Zstd;
  else return false;
  return true;
}

namespace {

constexpr size_t kOutChunk = 1 << 18;

class File {
public:
  explicit File(const std::string& path) : path_(path), f_(std::fopen(path.c_str(), "wb")) {
    if (!f_) throw std::runtime_error("cannot create " + path);
  }
  ~File() {
    if (f_) std::fclose(f_);
  }
  void write(const void* p, size_t n) {
    if (n && std::fwrite(p, 1, n, f_) != n) throw std::runtime_error("cannot write " + path_);
    size_ += n;
  }
  uint64_t close() {
    if (f_ && std::fclose(f_) != 0) {
      f_ = nullptr;
      throw std::runtime_error("cannot write " + path_);
    }
    f_ = nullptr;
    return size_;
  }
  const std::string& path() const { return path_; }

private:
  std::string path_;
  std::FILE* f_;
  uint64_t size_ = 0;
};

class GzipCompressor : public FileCompressor {
public:
  GzipCompressor(const std::string& path, int level) : file_(path), out_(kOutChunk) {
    // windowBits 15 + 16: a gzip header and trailer instead of zlib's.
    if (deflateInit2(&z_, level > 0 ? level : default_level(Compression::Gzip), Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
      throw std::runtime_error("zlib: cannot start gzip stream for " + path);
  }
  ~GzipCompressor() override { deflateEnd(&z_); }
  void write(std::string_view data) override { pump(data, Z_NO_FLUSH); }
  uint64_t finish() override {
    pump({}, Z_FINISH);
    return file_.close();
  }

private:
  void pump(std::string_view data, int flush) {
    z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z_.avail_in = static_cast<uInt>(data.size());
    int rc;
    do {
      z_.next_out = out_.data();
      z_.avail_out = static_cast<uInt>(out_.size());
      rc = deflate(&z_, flush);
      if (rc == Z_STREAM_ERROR) throw std::runtime_error("zlib: deflate failed for " + file_.path());
      file_.write(out_.data(), out_.size() - z_.avail_out);
    } while (z_.avail_out == 0 || (flush == Z_FINISH && rc != Z_STREAM_END));
  }
  File file_;
  z_stream z_{};
  std::vector<unsigned char> out_;
};

// gzip through libdeflate: the same gzip format (one member, read by zlib, `gzip -d` and COPY
// GZIP) made about twice as fast per core as zlib at the same level, and slightly smaller
// (bench/codec_compare.cpp). libdeflate only compresses whole buffers, so the part is held in
// memory until finish(); open_compressor uses it only for parts of a bounded size.
class WholePartGzipCompressor : public FileCompressor {
public:
  WholePartGzipCompressor(const std::string& path, int level, uint64_t max_bytes) : file_(path), level_(level) {
    data_.reserve(max_bytes);  // pages are touched only as rows arrive
  }
  void write(std::string_view data) override { data_.append(data); }
  uint64_t finish() override {
    libdeflate_compressor* c = libdeflate_alloc_compressor(level_);
    if (!c) throw std::runtime_error("libdeflate: cannot start gzip compression for " + file_.path());
    std::vector<char> out(libdeflate_gzip_compress_bound(c, data_.size()));
    size_t n = libdeflate_gzip_compress(c, data_.data(), data_.size(), out.data(), out.size());
    libdeflate_free_compressor(c);
    if (n == 0) throw std::runtime_error("libdeflate: gzip compression failed for " + file_.path());
    std::string().swap(data_);  // the part's memory goes back before the file is written
    file_.write(out.data(), n);
    return file_.close();
  }

private:
  File file_;
  int level_;
  std::string data_;
};

class ZstdCompressor : public FileCompressor {
public:
  ZstdCompressor(const std::string& path, int level) : file_(path), cctx_(ZSTD_createCCtx()), out_(ZSTD_CStreamOutSize()) {
    if (!cctx_) throw std::runtime_error("zstd: out of memory");
    ZSTD_CCtx_setParameter(cctx_, ZSTD_c_compressionLevel, level > 0 ? level : default_level(Compression::Zstd));
    ZSTD_CCtx_setParameter(cctx_, ZSTD_c_checksumFlag, 1);
  }
  ~ZstdCompressor() override { ZSTD_freeCCtx(cctx_); }
  void write(std::string_view data) override {
    ZSTD_inBuffer in{data.data(), data.size(), 0};
    while (in.pos < in.size) step(in, ZSTD_e_continue);
  }
  uint64_t finish() override {
    ZSTD_inBuffer in{nullptr, 0, 0};
    while (step(in, ZSTD_e_end) != 0) {
    }
    return file_.close();
  }

private:
  size_t step(ZSTD_inBuffer& in, ZSTD_EndDirective mode) {
    ZSTD_outBuffer out{out_.data(), out_.size(), 0};
    size_t left = ZSTD_compressStream2(cctx_, &out, &in, mode);
    if (ZSTD_isError(left)) throw std::runtime_error(std::string("zstd: ") + ZSTD_getErrorName(left) + " for " + file_.path());
    file_.write(out_.data(), out.pos);
    return left;
  }
  File file_;
  ZSTD_CCtx* cctx_;
  std::vector<char> out_;
};

std::string read_all(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) throw std::runtime_error("cannot read " + path);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

}  // namespace

std::unique_ptr<FileCompressor> open_compressor(Compression c, const std::string& path, int level, uint64_t max_bytes) {
  if (c == Compression::Gzip) {
    if (level <= 0) level = default_level(c);
    // libdeflate levels 1–9 are zlib's (its 10–12 are slower, smaller, still gzip).
    if (max_bytes > 0 && max_bytes <= kWholePartGzipMax && level <= 9)
      return std::make_unique<WholePartGzipCompressor>(path, level, max_bytes);
    return std::make_unique<GzipCompressor>(path, level);
  }
  return std::make_unique<ZstdCompressor>(path, level);
}

std::string decompress_file(const std::string& path) {
  std::string in = read_all(path), out;
  std::vector<char> buf(1 << 16);
  if (in.size() >= 4 && static_cast<unsigned char>(in[0]) == 0x28 && static_cast<unsigned char>(in[1]) == 0xb5) {
    ZSTD_DCtx* d = ZSTD_createDCtx();
    ZSTD_inBuffer ib{in.data(), in.size(), 0};
    while (ib.pos < ib.size) {
      ZSTD_outBuffer ob{buf.data(), buf.size(), 0};
      size_t rc = ZSTD_decompressStream(d, &ob, &ib);
      if (ZSTD_isError(rc)) {
        ZSTD_freeDCtx(d);
        throw std::runtime_error(std::string("zstd: ") + ZSTD_getErrorName(rc) + " in " + path);
      }
      out.append(buf.data(), ob.pos);
    }
    ZSTD_freeDCtx(d);
    return out;
  }
  z_stream z{};
  if (inflateInit2(&z, 15 + 16) != Z_OK) throw std::runtime_error("zlib: cannot inflate " + path);
  z.next_in = reinterpret_cast<Bytef*>(in.data());
  z.avail_in = static_cast<uInt>(in.size());
  int rc;
  do {
    z.next_out = reinterpret_cast<Bytef*>(buf.data());
    z.avail_out = static_cast<uInt>(buf.size());
    rc = inflate(&z, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) {
      inflateEnd(&z);
      throw std::runtime_error("zlib: corrupt gzip data in " + path);
    }
    out.append(buf.data(), buf.size() - z.avail_out);
  } while (rc != Z_STREAM_END);
  inflateEnd(&z);
  return out;
}

}  // namespace orashift::redshift
