// SigV4 against the published AWS vectors in tests/data/sigv4 (see its README for sources).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "s3/crypto.h"
#include "s3/sigv4.h"

using namespace orashift::s3;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Reads the suite's .req layout: request line, "Name:value" lines, blank line, body.
CanonicalInput parse_req(const std::string& text, std::string* body) {
  CanonicalInput in;
  std::istringstream ss(text);
  std::string line;
  std::getline(ss, line);
  auto sp = line.find(' ');
  auto proto = line.rfind(" HTTP/");
  in.method = line.substr(0, sp);
  std::string target = line.substr(sp + 1, proto - sp - 1);
  auto q = target.find('?');
  in.decoded_path = percent_decode(target.substr(0, q));
  if (q != std::string::npos) {
    std::string query = target.substr(q + 1);
    size_t start = 0;
    while (start <= query.size()) {
      size_t amp = query.find('&', start);
      std::string item = query.substr(start, amp == std::string::npos ? std::string::npos : amp - start);
      auto eq = item.find('=');
      in.query.emplace_back(percent_decode(item.substr(0, eq)),
                            eq == std::string::npos ? "" : percent_decode(item.substr(eq + 1)));
      if (amp == std::string::npos) break;
      start = amp + 1;
    }
  }
  while (std::getline(ss, line) && !line.empty()) {
    auto colon = line.find(':');
    std::string name = line.substr(0, colon), value = line.substr(colon + 1);
    in.headers.emplace_back(name, value);
    std::string lname = name;
    for (auto& c : lname) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lname == "x-amz-date") {
      in.amz_date = value;
      while (!in.amz_date.empty() && in.amz_date.front() == ' ') in.amz_date.erase(0, 1);
    }
  }
  std::stringstream rest;
  rest << ss.rdbuf();
  *body = rest.str();
  return in;
}

std::string strip_comma_spaces(std::string s) {
  for (size_t p; (p = s.find(", ")) != std::string::npos;) s.erase(p + 1, 1);
  return s;
}

void check_dir(const std::string& dir, const char* key, const char* secret, const char* service,
               bool compact_authz, int expected_cases) {
  fs::path root = fs::path(ORASHIFT_SOURCE_DIR) / "tests/data/sigv4" / dir;
  int n = 0;
  for (const auto& entry : fs::directory_iterator(root)) {
    if (entry.path().extension() != ".req") continue;
    ++n;
    fs::path base = entry.path();
    base.replace_extension();
    SCOPED_TRACE(base.filename().string());
    std::string body;
    CanonicalInput in = parse_req(slurp(entry.path()), &body);
    in.payload_hash = sha256_hex(body);
    SignatureParts p = sign_v4(in, key, secret, "us-east-1", service);
    EXPECT_EQ(p.canonical_request, slurp(base.string() + ".creq"));
    EXPECT_EQ(p.string_to_sign, slurp(base.string() + ".sts"));
    std::string authz = slurp(base.string() + ".authz");
    EXPECT_EQ(compact_authz ? strip_comma_spaces(p.authorization) : p.authorization, authz);
  }
  EXPECT_EQ(n, expected_cases);
}

}  // namespace

TEST(SigV4, AwsTestSuite) {
  check_dir("suite", "AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "service", false, 20);
}

TEST(SigV4, S3DocumentationExamples) {
  check_dir("s3", "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "s3", true, 4);
}

TEST(SigV4, WrongSecretChangesSignature) {
  CanonicalInput in{"GET", "/", {}, {{"Host", "h"}, {"x-amz-date", "20150830T123600Z"}},
                    std::string(kEmptyPayloadSha256), "20150830T123600Z"};
  EXPECT_NE(sign_v4(in, "A", "s1", "us-east-1", "s3").signature, sign_v4(in, "A", "s2", "us-east-1", "s3").signature);
}

TEST(SigV4, UriEncodingFollowsS3Rules) {
  EXPECT_EQ(uri_encode("a b+c*~'()!$", false), "a%20b%2Bc%2A~%27%28%29%21%24");
  EXPECT_EQ(canonical_uri("/bucket/dir/../a b//c"), "/bucket/dir/../a%20b//c");  // no normalisation
  EXPECT_EQ(canonical_uri("/b/ключ"), "/b/%D0%BA%D0%BB%D1%8E%D1%87");
  EXPECT_EQ(canonical_query({{"prefix", "a/b c"}, {"list-type", "2"}, {"continuation-token", "x+y="}}),
            "continuation-token=x%2By%3D&list-type=2&prefix=a%2Fb%20c");
  EXPECT_EQ(canonical_query({{"uploads", ""}}), "uploads=");
  EXPECT_EQ(percent_decode("a%2Fb%zz%4"), "a/b%zz%4");
}

TEST(SigV4, SigningKeyDerivation) {
  // The signing key example from AWS's "Examples of how to derive a signing key" page.
  SigningKeyScope scope{"20120215", "us-east-1", "iam"};
  EXPECT_EQ(to_hex(derive_signing_key("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", scope)),
            "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d");
}
