// The Redshift target end to end, as far as it runs without Redshift:
//  1. `migrate --target redshift://… --stage-only DIR` writes DDL, parts, manifests and COPY SQL
//     for every SH table, connecting to nothing;
//  2. those parts, decompressed and loaded into the real PostgreSQL test server with the
//     equivalent COPY … (FORMAT csv, NULL '\N'), hold the source's values: the generator's
//     truth (expected.json: rows per table, SALES rows and exact SUM(AMOUNT_SOLD) per channel)
//     and, column by column, the multiset of every integer and text field of the source's
//     SQL*Loader files, read by the tests' own reader (sample_dat_reader.h); they also equal
//     (EXCEPT ALL both ways) what `migrate` loads into PostgreSQL directly;
//  3. with --s3 and the local S3 server, the same parts and manifests are uploaded, listed and
//     downloaded back byte for byte.
#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <cstdlib>
#include <regex>

#include "../unit/sample_dat_reader.h"
#include "e2e_util.h"
#include "endpoints/redshift/compressor.h"
#include "endpoints/redshift/redshift_target.h"
#include "s3/s3_client.h"
#include "require_env.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

struct Pg {
  PGconn* c;
  explicit Pg(const std::string& uri) : c(PQconnectdb(uri.c_str())) {}
  ~Pg() { PQfinish(c); }
  std::string exec(const std::string& sql) {
    PGresult* r = PQexec(c, sql.c_str());
    std::string error;
    if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK) error = PQerrorMessage(c);
    PQclear(r);
    return error;
  }
  std::string scalar(const std::string& sql) {
    PGresult* r = PQexec(c, sql.c_str());
    std::string v = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) ? PQgetvalue(r, 0, 0) : "ERROR " + std::string(PQerrorMessage(c));
    PQclear(r);
    return v;
  }
  std::vector<std::string> column(const std::string& sql) {
    PGresult* r = PQexec(c, sql.c_str());
    std::vector<std::string> out;
    if (PQresultStatus(r) == PGRES_TUPLES_OK)
      for (int i = 0; i < PQntuples(r); ++i) out.push_back(PQgetisnull(r, i, 0) ? "" : PQgetvalue(r, i, 0));
    else
      out.push_back("ERROR " + std::string(PQerrorMessage(c)));
    PQclear(r);
    return out;
  }
  std::string copy_in(const std::string& sql, const std::string& data) {
    PGresult* r = PQexec(c, sql.c_str());
    if (PQresultStatus(r) != PGRES_COPY_IN) {
      PQclear(r);
      return PQerrorMessage(c);
    }
    PQclear(r);
    PQputCopyData(c, data.data(), static_cast<int>(data.size()));
    PQputCopyEnd(c, nullptr);
    std::string error;
    while (PGresult* res = PQgetResult(c)) {
      if (PQresultStatus(res) != PGRES_COMMAND_OK) error = PQerrorMessage(c);
      PQclear(res);
    }
    return error;
  }
};

// table → column list "(\"a\", \"b\")" from copy.sql's COPY statements.
std::map<std::string, std::string> copy_columns(const std::string& copy_sql) {
  std::map<std::string, std::string> out;
  std::regex re("COPY \"([^\"]+)\" (\\([^\\n]*\\))\\nFROM");
  for (std::sregex_iterator it(copy_sql.begin(), copy_sql.end(), re), end; it != end; ++it) out[(*it)[1]] = (*it)[2];
  return out;
}

std::vector<std::string> truth_tables(const json& truth) {
  std::vector<std::string> t;
  for (const auto& [name, rows] : truth["row_counts"].items()) {
    std::string lower = name;
    for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    t.push_back(lower);
  }
  return t;
}

// "(\"a\", \"b\")" → {a, b}
std::vector<std::string> column_names(const std::string& list) {
  std::vector<std::string> out;
  std::regex re("\"([^\"]+)\"");
  for (std::sregex_iterator it(list.begin(), list.end(), re), end; it != end; ++it) out.push_back((*it)[1]);
  return out;
}

bool is_integer_text(const std::string& s) {
  if (s.empty()) return true;  // NULL
  size_t i = s[0] == '-' ? 1 : 0;
  return i < s.size() && s.find_first_not_of("0123456789", i) == std::string::npos;
}

// The staged table `staged` holds, column by column, the values of the source's data file
// `dat` (fields in column order; an empty field is NULL): every column whose source values are
// all integers, and every text column, compared as sorted multisets. Dates and decimals are
// written in the control file's formats and are covered by the channel sums instead.
void expect_columns_equal_source_file(Pg& pg, const std::string& staged, const std::vector<std::string>& columns,
                                      const fs::path& dat) {
  std::vector<sample_test::Row> rows = sample_test::read_rows(dat);
  size_t compared = 0;
  for (size_t k = 0; k < columns.size(); ++k) {
    std::vector<std::string> source;
    bool integers = true;
    for (const auto& row : rows) {
      ASSERT_EQ(row.size(), columns.size()) << dat;
      source.push_back(row[k].text);
      integers &= is_integer_text(row[k].text);
    }
    std::string type = pg.scalar("SELECT data_type FROM information_schema.columns WHERE table_name = '" + staged +
                                 "' AND column_name = '" + columns[k] + "'");
    bool text = type.find("char") != std::string::npos || type == "text";
    bool number = type == "numeric" || type == "integer" || type == "bigint" || type == "smallint";
    if (!text && !(number && integers)) continue;
    integers = !text;
    // Integers compared as numbers: an unconstrained NUMBER is staged with Redshift's scale (3.0000000000).
    std::string value = integers ? "trim_scale(\"" + columns[k] + "\"::numeric)::text" : "\"" + columns[k] + "\"::text";
    std::vector<std::string> target = pg.column("SELECT " + value + " FROM \"" + staged + "\"");
    std::sort(source.begin(), source.end());
    std::sort(target.begin(), target.end());
    EXPECT_TRUE(source == target) << staged << "." << columns[k] << " (" << type << ") differs from " << dat.filename().string()
                                  << ": " << source.size() << " source values, " << target.size() << " staged";
    ++compared;
  }
  EXPECT_GT(compared, 0u) << staged;
}

}  // namespace

class RedshiftStage : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = e2e::temp_dir(std::string("rs-") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    auto r = e2e::run_orashift({"sample", "sh", "--scale", "0.01", "--out", (dir_ / "src").string()});
    ASSERT_EQ(r.exit_code, 0) << r.output;
    truth_ = e2e::read_json(dir_ / "src" / "expected.json");
  }
  void TearDown() override {
    if (!HasFailure()) fs::remove_all(dir_);
  }
  e2e::RunResult stage(const fs::path& stage_dir, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"migrate", "--source", "oracle-files:" + (dir_ / "src").string(), "--target",
                                     "redshift://u:Sekret@h:5439/d", "--out", (stage_dir.string() + "-out"),
                                     "--no-progress", "--stage-only", stage_dir.string(), "--max-file-size", "64"};
    args.insert(args.end(), extra.begin(), extra.end());
    return e2e::run_orashift(args);
  }
  void expect_staged_every_table(const fs::path& stage_dir, const std::string& output) {
    std::string ddl = slurp(stage_dir / "ddl.sql"), copy = slurp(stage_dir / "copy.sql");
    auto cols = copy_columns(copy);
    for (const std::string& t : truth_tables(truth_)) {
      EXPECT_NE(ddl.find("CREATE TABLE \"" + t + "\""), std::string::npos) << t;
      EXPECT_TRUE(fs::exists(stage_dir / t / "manifest.json")) << t;
      EXPECT_TRUE(fs::exists(stage_dir / t / "part-00000.csv.gz")) << t;
      EXPECT_TRUE(cols.count(t)) << t << "\n" << copy;
      json m = e2e::read_json(stage_dir / t / "manifest.json");
      for (const auto& e : m["entries"]) {
        EXPECT_TRUE(e["mandatory"].get<bool>());
        std::string url = e["url"];
        std::string name = url.substr(url.rfind('/') + 1);
        EXPECT_EQ(e["meta"]["content_length"].get<uint64_t>(), fs::file_size(stage_dir / t / name)) << url;
      }
    }
    EXPECT_EQ(copy.find("Sekret"), std::string::npos);
    EXPECT_EQ(output.find("Sekret"), std::string::npos);
    EXPECT_NE(output.find("verification: SKIPPED"), std::string::npos) << output;
  }
  fs::path dir_;
  json truth_;
};

TEST_F(RedshiftStage, StageOnlyPartsLoadIntoPostgresEqualToTheSource) {
  fs::path stage_dir = dir_ / "stage";
  auto r = stage(stage_dir);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  expect_staged_every_table(stage_dir, r.output);
  json report = e2e::read_json(stage_dir.string() + "-out/report/report.json");
  for (const auto& t : report["load"]["tables"]) EXPECT_EQ(t["rows_rejected"].get<uint64_t>(), 0u) << t.dump();
  // SALES is larger than one 64 KB part at this scale: several parts, one manifest.
  EXPECT_GT(e2e::read_json(stage_dir / "sales" / "manifest.json")["entries"].size(), 1u);

  std::string uri = e2e::fresh_pg_database("e2e_redshift");
  if (uri.empty()) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set or server unreachable (scripts/test starts one): "
                                   "staging checked, the PostgreSQL proof of the encoding skipped";
  // The reference: the same source loaded by orashift's PostgreSQL target.
  r = e2e::run_orashift({"migrate", "--source", "oracle-files:" + (dir_ / "src").string(), "--target", uri, "--out",
                         (dir_ / "pg-out").string(), "--no-progress"});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  Pg pg(uri);
  ASSERT_EQ(PQstatus(pg.c), CONNECTION_OK);
  auto cols = copy_columns(slurp(stage_dir / "copy.sql"));
  for (const std::string& t : truth_tables(truth_)) {
    SCOPED_TRACE(t);
    std::string staged = "rs_" + t;
    ASSERT_EQ(pg.exec("CREATE TABLE \"" + staged + "\" (LIKE \"" + t + "\")"), "");
    json m = e2e::read_json(stage_dir / t / "manifest.json");
    for (const auto& e : m["entries"]) {
      std::string url = e["url"];
      std::string csv = orashift::redshift::decompress_file((stage_dir / t / url.substr(url.rfind('/') + 1)).string());
      ASSERT_EQ(pg.copy_in("COPY \"" + staged + "\" " + cols[t] + " FROM STDIN (FORMAT csv, NULL '\\N')", csv), "");
    }
    std::string upper = t;
    for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    std::string expected_rows = std::to_string(truth_["row_counts"][upper].get<uint64_t>());
    EXPECT_EQ(pg.scalar("SELECT COUNT(*) FROM \"" + staged + "\""), expected_rows);
    expect_columns_equal_source_file(pg, staged, column_names(cols[t]), dir_ / "src" / (t + ".dat"));
    // Against orashift's own PostgreSQL load as well: the two targets agree on every value.
    EXPECT_EQ(pg.scalar("SELECT COUNT(*) FROM (SELECT * FROM \"" + t + "\" EXCEPT ALL SELECT * FROM \"" + staged + "\") x"), "0");
    EXPECT_EQ(pg.scalar("SELECT COUNT(*) FROM (SELECT * FROM \"" + staged + "\" EXCEPT ALL SELECT * FROM \"" + t + "\") x"), "0");
  }
  // The generator's truth: SALES rows and the exact SUM(AMOUNT_SOLD) per channel, joined through
  // the staged CHANNELS, and the overall total.
  for (const auto& [desc, v] : truth_["sales_by_channel"].items())
    EXPECT_EQ(pg.scalar("SELECT count(*) || ' ' || sum(s.amount_sold) FROM rs_sales s JOIN rs_channels c USING (channel_id) "
                        "WHERE c.channel_desc = '" + desc + "'"),
              std::to_string(v["rows"].get<uint64_t>()) + " " + v["amount_sold"].get<std::string>())
        << desc;
  EXPECT_EQ(pg.scalar("SELECT count(*) || ' ' || sum(amount_sold) FROM rs_sales"),
            std::to_string(truth_["sales_total"]["rows"].get<uint64_t>()) + " " +
                truth_["sales_total"]["amount_sold"].get<std::string>());
}

TEST_F(RedshiftStage, StageOnlyWithS3UploadsPartsThatDownloadByteForByte) {
  const char* endpoint = std::getenv("ORASHIFT_TEST_S3");
  if (!endpoint) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_S3 not set (scripts/test starts a local S3 server)";
  // The key pair tests/e2e/s3_server.sh configures; the child orashift inherits them.
  auto env_or = [](const char* name, const char* fallback) {
    const char* v = std::getenv(name);
    return std::string(v ? v : fallback);
  };
  setenv("AWS_ACCESS_KEY_ID", env_or("ORASHIFT_TEST_S3_ACCESS_KEY", "orashift-test-key").c_str(), 1);
  setenv("AWS_SECRET_ACCESS_KEY", env_or("ORASHIFT_TEST_S3_SECRET_KEY", "orashift-test-secret").c_str(), 1);
  setenv("AWS_REGION", "us-east-1", 1);
  unsetenv("AWS_SESSION_TOKEN");
  const std::string bucket = env_or("ORASHIFT_TEST_S3_BUCKET", "orashift-test");
  const std::string prefix = "run-" + std::to_string(getpid());

  fs::path stage_dir = dir_ / "stage";
  auto r = stage(stage_dir, {"--s3", "s3://" + bucket + "/" + prefix, "--s3-endpoint", endpoint, "--compression", "zstd"});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(r.output.find("orashift-test-secret"), std::string::npos);
  EXPECT_EQ(slurp(stage_dir / "copy.sql").find("orashift-test-secret"), std::string::npos);
  EXPECT_NE(slurp(stage_dir / "copy.sql").find("FROM 's3://" + bucket + "/" + prefix + "/sales/manifest.json'"),
            std::string::npos);

  orashift::s3::S3Client client(orashift::s3::S3Config::from_environment(endpoint));
  auto objects = client.list_all(bucket, prefix + "/");
  std::map<std::string, uint64_t> listed;
  for (const auto& o : objects) listed[o.key] = o.size;
  size_t local_files = 0;
  for (const std::string& t : truth_tables(truth_)) {
    for (const auto& f : fs::directory_iterator(stage_dir / t)) {
      ++local_files;
      std::string key = prefix + "/" + t + "/" + f.path().filename().string();
      ASSERT_TRUE(listed.count(key)) << key;
      EXPECT_EQ(listed[key], fs::file_size(f.path())) << key;
      EXPECT_TRUE(client.get_object(bucket, key) == slurp(f.path())) << key << " differs after the round trip";
    }
    json m = e2e::read_json(stage_dir / t / "manifest.json");
    for (const auto& e : m["entries"]) {
      std::string url = e["url"];
      EXPECT_EQ(url.rfind("s3://" + bucket + "/" + prefix + "/" + t + "/part-", 0), 0u) << url;
      EXPECT_EQ(url.substr(url.size() - 4), ".zst");
    }
  }
  EXPECT_EQ(listed.size(), local_files);
  std::vector<std::string> keys;
  for (const auto& [k, size] : listed) keys.push_back(k);
  EXPECT_TRUE(client.delete_objects(bucket, keys).empty());
}

TEST(RedshiftCli, StagingOptionsNeedARedshiftTarget) {
  auto dir = e2e::temp_dir("rs-cli");
  auto r = e2e::run_orashift({"migrate", "--source", "oracle-files:" + dir.string(), "--target",
                              "duckdb:" + (dir / "x.duckdb").string(), "--out", (dir / "out").string(), "--stage-only",
                              (dir / "stage").string()});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.output.find("need a redshift:// target"), std::string::npos) << r.output;
  fs::remove_all(dir);
}

// The connected path as far as it runs here: PostgreSQL stands in for the cluster (same
// protocol), the local S3 server for S3. DDL runs over libpq, parts are uploaded, and the COPY
// — which PostgreSQL cannot run — fails cleanly: a located error without the secret key, the
// staged files kept in S3 for inspection.
TEST(RedshiftConnected, UploadsThenReportsCopyFailureWithoutSecrets) {
  const char* pg = std::getenv("ORASHIFT_TEST_PG");
  const char* endpoint = std::getenv("ORASHIFT_TEST_S3");
  if (!pg || !endpoint) ORASHIFT_SKIP_OR_FAIL() << "needs ORASHIFT_TEST_PG and ORASHIFT_TEST_S3 (scripts/test starts both)";
  setenv("AWS_ACCESS_KEY_ID", "orashift-test-key", 1);
  setenv("AWS_SECRET_ACCESS_KEY", "orashift-test-secret", 1);
  setenv("AWS_REGION", "us-east-1", 1);
  std::string uri = pg;  // postgres://postgres@127.0.0.1:PORT/postgres
  std::string url = "redshift://" + uri.substr(uri.find("://") + 3) + "?sslmode=disable";
  fs::path dir = e2e::temp_dir("rs-connected");
  orashift::redshift::RedshiftOptions o;
  o.s3_url = "s3://orashift-test/connected-" + std::to_string(getpid());
  o.s3_endpoint = endpoint;
  o.local_dir = dir.string();
  orashift::redshift::RedshiftTarget target(url, o);
  std::string table = "rs_conn_" + std::to_string(getpid());
  target.execute("DROP TABLE IF EXISTS " + table + "; CREATE TABLE " + table + " (id bigint)");
  orashift::LoadColumn id;
  id.name = "id";
  id.kind = orashift::ValueKind::Int64;
  orashift::Table t;
  t.name = table;
  auto w = target.open_writer(t, {id});
  orashift::Batch b;
  b.columns.resize(1);
  b.columns[0].kind = orashift::ValueKind::Int64;
  b.columns[0].append_int(42);
  b.source_lines = {1};
  struct : orashift::RejectSink {
    void reject(orashift::Reject) override {}
  } none;
  EXPECT_EQ(w->write(b, none, "x.dat"), 1u);
  try {
    w->finish();
    FAIL() << "PostgreSQL accepted a Redshift COPY";
  } catch (const std::runtime_error& e) {
    std::string m = e.what();
    EXPECT_NE(m.find("COPY into \"" + table + "\" failed"), std::string::npos) << m;
    EXPECT_EQ(m.find("orashift-test-secret"), std::string::npos) << m;
  }
  orashift::s3::S3Client client(orashift::s3::S3Config::from_environment(endpoint));
  auto objects = client.list_all("orashift-test", "connected-" + std::to_string(getpid()) + "/");
  ASSERT_EQ(objects.size(), 2u);  // part-00000.csv.gz and manifest.json, kept after the failure
  std::vector<std::string> keys;
  for (const auto& obj : objects) keys.push_back(obj.key);
  client.delete_objects("orashift-test", keys);
  target.execute("DROP TABLE " + table);
  fs::remove_all(dir);
}
