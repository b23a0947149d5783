// Multipart upload: create, parts in parallel from a bounded pool of threads (each reading its own
// file range with pread, so memory is threads x part size), complete; abort on any failure so no
// orphaned parts keep costing storage.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <exception>
#include <mutex>
#include <thread>

#include "s3/s3_client.h"
#include "s3/xml_extract.h"

namespace orashift::s3 {

namespace {

constexpr size_t kMinPart = 5u << 20;  // S3 rejects smaller parts (except the last)
constexpr uint64_t kMaxParts = 10000;  // S3's limit per upload

struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

void read_range(int fd, uint64_t offset, std::string& buf, const std::string& path) {
  size_t done = 0;
  while (done < buf.size()) {
    ssize_t n = ::pread(fd, buf.data() + done, buf.size() - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw std::runtime_error("read failed on " + path + ": " + (n < 0 ? std::strerror(errno) : "short file"));
    done += static_cast<size_t>(n);
  }
}

}  // namespace

std::string S3Client::create_multipart(const std::string& bucket, const std::string& key) {
  HttpResponse r = execute({"POST", bucket, key, {{"uploads", ""}}, {}, {}, "CreateMultipartUpload"});
  auto id = xml::first_text(r.body, "UploadId");
  if (!id || id->empty())
    throw S3Error("CreateMultipartUpload s3://" + bucket + "/" + key + ": no UploadId in the response", r.status,
                  "MalformedResponse", "", 1);
  return *id;
}

std::string S3Client::upload_part(const std::string& bucket, const std::string& key, const std::string& upload_id,
                                  int part_number, std::string_view data) {
  HttpResponse r = execute({"PUT", bucket, key, {{"partNumber", std::to_string(part_number)}, {"uploadId", upload_id}},
                            {}, data, "UploadPart"});
  auto it = r.headers.find("etag");
  if (it == r.headers.end() || it->second.empty())
    throw S3Error("UploadPart " + std::to_string(part_number) + " of s3://" + bucket + "/" + key + ": no ETag",
                  r.status, "MalformedResponse", "", 1);
  return it->second;
}

std::string S3Client::complete_multipart(const std::string& bucket, const std::string& key,
                                         const std::string& upload_id, const std::vector<std::string>& etags) {
  std::string body = "<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">";
  for (size_t i = 0; i < etags.size(); ++i)
    body += "<Part><PartNumber>" + std::to_string(i + 1) + "</PartNumber><ETag>" + xml::escape(etags[i]) +
            "</ETag></Part>";
  body += "</CompleteMultipartUpload>";
  HttpResponse r = execute({"POST", bucket, key, {{"uploadId", upload_id}}, {{"content-type", "application/xml"}},
                            body, "CompleteMultipartUpload"});
  std::string etag = xml::first_text(r.body, "ETag").value_or("");
  if (etag.size() >= 2 && etag.front() == '"' && etag.back() == '"') etag = etag.substr(1, etag.size() - 2);
  return etag;
}

void S3Client::abort_multipart(const std::string& bucket, const std::string& key, const std::string& upload_id) {
  execute({"DELETE", bucket, key, {{"uploadId", upload_id}}, {}, {}, "AbortMultipartUpload"});
}

std::string S3Client::multipart_upload_file(const std::string& bucket, const std::string& key,
                                            const std::string& path) {
  Fd file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (file.fd < 0) throw std::runtime_error("cannot open " + path + ": " + std::strerror(errno));
  struct stat st {};
  if (::fstat(file.fd, &st) != 0) throw std::runtime_error("cannot stat " + path);
  const uint64_t size = static_cast<uint64_t>(st.st_size);

  uint64_t part_size = std::max<uint64_t>(config_.part_size, kMinPart);
  while ((size + part_size - 1) / part_size > kMaxParts) part_size *= 2;
  const int parts = static_cast<int>(std::max<uint64_t>(1, (size + part_size - 1) / part_size));

  const std::string upload_id = create_multipart(bucket, key);
  std::vector<std::string> etags(static_cast<size_t>(parts));
  std::atomic<int> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr first_error;
  std::mutex error_mutex;

  auto worker = [&] {
    std::string buf;
    while (!failed.load()) {
      int i = next.fetch_add(1);
      if (i >= parts) return;
      try {
        uint64_t offset = static_cast<uint64_t>(i) * part_size;
        buf.resize(static_cast<size_t>(std::min<uint64_t>(part_size, size - offset)));
        read_range(file.fd, offset, buf, path);
        etags[static_cast<size_t>(i)] = upload_part(bucket, key, upload_id, i + 1, buf);
      } catch (...) {
        std::lock_guard<std::mutex> lock(error_mutex);
        if (!first_error) first_error = std::current_exception();
        failed.store(true);
      }
    }
  };

  const int nthreads = std::min(config_.upload_threads, parts);
  std::vector<std::thread> pool;
  for (int t = 1; t < nthreads; ++t) pool.emplace_back(worker);
  worker();  // the calling thread works too
  for (auto& t : pool) t.join();

  try {
    if (failed.load()) std::rethrow_exception(first_error);
    return complete_multipart(bucket, key, upload_id, etags);
  } catch (...) {
    try {
      abort_multipart(bucket, key, upload_id);
    } catch (...) {
      // The original failure is the one worth reporting; an abort that fails leaves parts
      // for a bucket lifecycle rule (AbortIncompleteMultipartUpload) to reclaim.
    }
    throw;
  }
}

}  // namespace orashift::s3
