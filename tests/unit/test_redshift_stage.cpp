// Staging without any server: parts roll at MaxFileSize and decompress to exactly the rows
// written; a stage-only target writes ddl.sql, parts, manifests and copy.sql and connects to
// nothing.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "endpoints/redshift/compressor.h"
#include "endpoints/redshift/part_writer.h"
#include "endpoints/redshift/redshift_target.h"
#include "target_test_util.h"

using namespace orashift;
using namespace orashift::redshift;
namespace fs = std::filesystem;

namespace {

fs::path fresh_dir(const std::string& name) {
  fs::path d = fs::temp_directory_path() / ("orashift-rs-" + name + "-" + std::to_string(getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

}  // namespace

class RedshiftParts : public ::testing::TestWithParam<Compression> {};

TEST_P(RedshiftParts, RollAtMaxSizeWithoutSplittingRows) {
  fs::path dir = fresh_dir(std::string("parts-") + compression_name(GetParam()));
  PartWriter w(dir.string(), GetParam(), 100);
  std::string all;
  for (int batch = 0; batch < 3; ++batch) {
    std::string rows;
    std::vector<size_t> ends;
    for (int i = 0; i < 7; ++i) {
      rows += "row " + std::to_string(batch) + "." + std::to_string(i) + ",\"" + std::string(20, 'x') + "\"\n";
      ends.push_back(rows.size());
    }
    w.add_rows(rows, ends);
    all += rows;
  }
  std::string big(250, 'y');
  big += "\n";
  w.add_rows(big, {big.size()});  // larger than the limit: a part of its own
  all += big;
  const auto& parts = w.finish();
  ASSERT_GE(parts.size(), 7u);
  std::string back;
  uint64_t rows = 0;
  for (size_t i = 0; i < parts.size(); ++i) {
    const StagedPart& p = parts[i];
    EXPECT_EQ(p.name, "part-0000" + std::to_string(i) + ".csv" + compression_suffix(GetParam()));
    EXPECT_EQ(fs::file_size(p.path), p.file_bytes);
    std::string text = decompress_file(p.path);
    EXPECT_EQ(text.size(), p.csv_bytes);
    EXPECT_TRUE(p.csv_bytes <= 100 || p.rows == 1) << p.name;
    EXPECT_EQ(text.back(), '\n');
    back += text;
    rows += p.rows;
  }
  EXPECT_EQ(back, all);
  EXPECT_EQ(rows, 22u);
  EXPECT_EQ(parts.back().rows, 1u);
  fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Codecs, RedshiftParts, ::testing::Values(Compression::Gzip, Compression::Zstd),
                         [](const auto& info) { return std::string(compression_name(info.param)); });

// gzip has two implementations (libdeflate on bounded parts, zlib streaming otherwise): both
// write one standard gzip member that zlib and the gzip tool read back byte for byte.
TEST(RedshiftCompressor, BothGzipImplementationsWriteOneStandardMember) {
  fs::path dir = fresh_dir("gzip-impl");
  std::string data;
  for (int i = 0; data.size() < (3u << 20); ++i) data += std::to_string(i * 7919) + ",\"row " + std::to_string(i % 977) + "\"\n";
  for (uint64_t max_bytes : {uint64_t{0}, uint64_t{32} << 20, kWholePartGzipMax + 1}) {
    const std::string path = (dir / ("p" + std::to_string(max_bytes) + ".csv.gz")).string();
    auto out = open_compressor(Compression::Gzip, path, 0, max_bytes);
    for (size_t off = 0; off < data.size(); off += 100000) out->write(std::string_view(data).substr(off, 100000));
    const uint64_t size = out->finish();
    EXPECT_EQ(size, fs::file_size(path));
    EXPECT_LT(size, data.size() / 2);
    std::string file = slurp(path);
    ASSERT_GE(file.size(), 18u);
    EXPECT_EQ(file.substr(0, 3), std::string("\x1f\x8b\x08", 3));  // gzip, deflate
    EXPECT_EQ(decompress_file(path), data) << max_bytes;
    // The gzip tool (Debian: essential) reads the file to its end: one member, nothing after it.
    const std::string back = (dir / "back.csv").string();
    ASSERT_EQ(std::system(("gzip -dc '" + path + "' > '" + back + "'").c_str()), 0);
    EXPECT_EQ(slurp(back), data) << max_bytes;
  }
  fs::remove_all(dir);
}

TEST(RedshiftStageOnly, WritesDdlPartsManifestAndCopySqlAndConnectsNowhere) {
  fs::path dir = fresh_dir("stage-only");
  RedshiftOptions o;
  o.stage_only_dir = dir.string();
  o.iam_role = "arn:aws:iam::123456789012:role/R";
  o.compression = Compression::Zstd;
  // An unroutable host with a password: nothing may connect, nothing may print the password.
  RedshiftTarget t("redshift://u:Sekret@203.0.113.1:5439/dev", o);
  EXPECT_EQ(t.describe().find("Sekret"), std::string::npos);
  EXPECT_TRUE(t.stage_only());
  t.execute("CREATE TABLE \"t\" (\"id\" BIGINT, \"s\" VARCHAR(10));");
  EXPECT_THROW(t.query("SELECT 1"), std::runtime_error);

  std::vector<LoadColumn> cols = {orashift::testing::load_col("ID", ValueKind::Int64), orashift::testing::load_col("S", ValueKind::Text)};
  auto w = t.open_writer(orashift::testing::table_named("T"), cols);
  Batch b = orashift::testing::batch_for(cols);
  b.columns[0].append_int(1);
  b.columns[1].append_text("");
  b.columns[0].append_int(2);
  b.columns[1].append_text(std::string("nul\0here", 8));
  b.columns[0].append_int(3);
  b.columns[1].append_null();
  b.source_lines = {10, 11, 12};
  orashift::testing::CollectRejects rejects;
  EXPECT_EQ(w->write(b, rejects, "t.dat"), 2u);
  ASSERT_EQ(rejects.rejects.size(), 1u);
  EXPECT_EQ(rejects.rejects[0].line, 11u);
  EXPECT_EQ(rejects.rejects[0].source, "t.dat");
  EXPECT_NE(rejects.rejects[0].reason.find("column s: text contains a NUL byte"), std::string::npos);
  w->finish();

  EXPECT_EQ(slurp(dir / "ddl.sql").find("CREATE TABLE \"t\""), slurp(dir / "ddl.sql").find("CREATE"));
  EXPECT_EQ(decompress_file((dir / "t" / "part-00000.csv.zst").string()), "1,\"\"\n3,\\N\n");
  std::string manifest = slurp(dir / "t" / "manifest.json");
  EXPECT_NE(manifest.find("\"url\":\"s3://replace-with-your-bucket/orashift/t/part-00000.csv.zst\",\"mandatory\":true"),
            std::string::npos)
      << manifest;
  std::string copy = slurp(dir / "copy.sql");
  EXPECT_NE(copy.find("COPY \"t\" (\"id\", \"s\")\nFROM 's3://replace-with-your-bucket/orashift/t/manifest.json'\n"
                      "IAM_ROLE 'arn:aws:iam::123456789012:role/R'\n"),
            std::string::npos)
      << copy;
  EXPECT_NE(copy.find(" ZSTD\n"), std::string::npos);
  EXPECT_EQ(copy.find("Sekret"), std::string::npos);
  fs::remove_all(dir);
}

// TargetSchema in stage-only mode: both scripts start by working in that schema, so the
// tables are created and loaded there when they are run.
TEST(RedshiftStageOnly, TargetSchemaLeadsDdlAndCopySql) {
  fs::path dir = fresh_dir("stage-schema");
  RedshiftOptions o;
  o.stage_only_dir = dir.string();
  o.iam_role = "arn:aws:iam::123456789012:role/R";
  RedshiftTarget t("redshift://u@203.0.113.1:5439/dev", o);
  t.use_schema("Sales Hist");
  t.execute("CREATE TABLE \"t\" (\"id\" BIGINT);");
  std::string ddl = slurp(dir / "ddl.sql"), copy = slurp(dir / "copy.sql");
  const std::string set_path = "SET search_path TO \"Sales Hist\";\n";
  EXPECT_NE(ddl.find("CREATE SCHEMA IF NOT EXISTS \"Sales Hist\";\n" + set_path), std::string::npos) << ddl;
  EXPECT_LT(ddl.find(set_path), ddl.find("CREATE TABLE")) << ddl;
  EXPECT_NE(copy.find(set_path), std::string::npos) << copy;
  fs::remove_all(dir);
}

// When the DDL turned enable_case_sensitive_identifier on (names differing only in case), each
// COPY turns it on too: its column list must name the columns the CREATE TABLE made.
TEST(RedshiftStageOnly, CaseSensitiveIdentifiersInTheDdlPrecedeEveryCopy) {
  for (bool sensitive : {false, true}) {
    fs::path dir = fresh_dir(std::string("stage-case-") + (sensitive ? "on" : "off"));
    RedshiftOptions o;
    o.stage_only_dir = dir.string();
    RedshiftTarget t("redshift://u@203.0.113.1:5439/dev", o);
    t.execute(std::string(sensitive ? "SET enable_case_sensitive_identifier TO true;\n" : "") +
              "CREATE TABLE \"t\" (\"MyCol\" BIGINT, \"mycol\" BIGINT);");
    std::vector<LoadColumn> cols = {orashift::testing::load_col("MyCol", ValueKind::Int64),
                                    orashift::testing::load_col("MYCOL", ValueKind::Int64)};
    auto w = t.open_writer(orashift::testing::table_named("T"), cols);
    Batch b = orashift::testing::batch_for(cols);
    b.columns[0].append_int(1);
    b.columns[1].append_int(2);
    b.source_lines = {1};
    orashift::testing::CollectRejects rejects;
    EXPECT_EQ(w->write(b, rejects, "t.dat"), 1u);
    w->finish();
    std::string copy = slurp(dir / "copy.sql");
    EXPECT_EQ(copy.find("SET enable_case_sensitive_identifier TO true;\nCOPY \"t\" (\"MyCol\", \"mycol\")") !=
                  std::string::npos,
              sensitive)
        << copy;
    fs::remove_all(dir);
  }
}

TEST(RedshiftTargetOptions, NeedsS3UnlessStageOnly) {
  EXPECT_THROW(RedshiftTarget("redshift://u@h/d", RedshiftOptions{}), std::invalid_argument);
  RedshiftOptions bad;
  bad.stage_only_dir = fresh_dir("bad-s3").string();
  bad.s3_url = "http://not-s3";
  EXPECT_THROW(RedshiftTarget("redshift://u@h/d", bad), std::invalid_argument);
  fs::remove_all(bad.stage_only_dir);
}

#include "endpoints/redshift/stage_upload.h"

// An upload that cannot happen surfaces from wait(), once, after the other uploads stopped.
TEST(RedshiftPartUploader, FailureSurfacesFromWait) {
  fs::path dir = fresh_dir("uploader");
  std::ofstream(dir / "a") << "x";
  s3::S3Config config;
  config.endpoint = "http://127.0.0.1:1";  // nothing listens on port 1
  config.credentials = {"AKID", "secret", ""};
  config.retry.max_attempts = 1;
  PartUploader up(config, "bucket", 2);
  for (int i = 0; i < 3; ++i) up.submit({(dir / "a").string(), "k" + std::to_string(i)});
  EXPECT_ANY_THROW(up.wait());
  fs::remove_all(dir);
}

TEST(RedshiftPartUploader, NothingSubmittedWaitsForNothing) {
  s3::S3Config config;
  config.endpoint = "http://127.0.0.1:1";
  PartUploader up(config, "bucket", 4);
  EXPECT_NO_THROW(up.wait());
}
