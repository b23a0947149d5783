#include "endpoints/redshift/compressor.h"

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
    if (deflateInit2(&z_, level > 0 ? level : 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
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

class ZstdCompressor : public FileCompressor {
public:
  ZstdCompressor(const std::string& path, int level) : file_(path), cctx_(ZSTD_createCCtx()), out_(ZSTD_CStreamOutSize()) {
    if (!cctx_) throw std::runtime_error("zstd: out of memory");
    ZSTD_CCtx_setParameter(cctx_, ZSTD_c_compressionLevel, level > 0 ? level : 3);
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

std::unique_ptr<FileCompressor> open_compressor(Compression c, const std::string& path, int level) {
  if (c == Compression::Gzip) return std::make_unique<GzipCompressor>(path, level);
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
