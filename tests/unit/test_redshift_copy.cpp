// Golden text of what the Redshift target sends or writes: COPY statements, manifests, the
// load-error queries; the mapping of a load error to a reject; URL parsing.
#include <gtest/gtest.h>

#include "endpoints/redshift/copy_sql.h"
#include "endpoints/redshift/load_errors.h"
#include "endpoints/redshift/manifest.h"
#include "endpoints/redshift/redshift_options.h"

using namespace orashift;
using namespace orashift::redshift;

namespace {

CopyStatement sales() {
  CopyStatement s;
  s.table = "sales";
  s.columns = {"prod_id", "time_id", "amount_sold"};
  s.manifest_url = "s3://my-bucket/sh/run1/sales/manifest.json";
  s.auth.iam_role = "arn:aws:iam::123456789012:role/RedshiftCopy";
  return s;
}

}  // namespace

TEST(RedshiftCopySql, IamRoleGzipDefaults) {
  EXPECT_EQ(copy_sql(sales(), true),
            "COPY \"sales\" (\"prod_id\", \"time_id\", \"amount_sold\")\n"
            "FROM 's3://my-bucket/sh/run1/sales/manifest.json'\n"
            "IAM_ROLE 'arn:aws:iam::123456789012:role/RedshiftCopy'\n"
            "MANIFEST CSV QUOTE AS '\"' DELIMITER ',' NULL AS '\\\\N' GZIP\n"
            "DATEFORMAT 'auto' TIMEFORMAT 'auto' STATUPDATE ON MAXERROR 0;\n");
}

TEST(RedshiftCopySql, DmsSettingsMapToCopyOptions) {
  CopyStatement s = sales();
  s.compression = Compression::Zstd;
  s.region = "eu-west-1";
  s.settings.accept_any_date = true;
  s.settings.truncate_columns = true;
  s.settings.trim_blanks = true;
  s.settings.comp_update = false;
  s.settings.explicit_ids = true;
  s.settings.replace_invalid_chars = "^";
  s.settings.max_error = 10;
  s.settings.date_format = "YYYY-MM-DD";
  EXPECT_EQ(copy_sql(s, true),
            "COPY \"sales\" (\"prod_id\", \"time_id\", \"amount_sold\")\n"
            "FROM 's3://my-bucket/sh/run1/sales/manifest.json'\n"
            "IAM_ROLE 'arn:aws:iam::123456789012:role/RedshiftCopy'\n"
            "REGION 'eu-west-1'\n"
            "MANIFEST CSV QUOTE AS '\"' DELIMITER ',' NULL AS '\\\\N' ZSTD\n"
            "DATEFORMAT 'YYYY-MM-DD' TIMEFORMAT 'auto' ACCEPTANYDATE TRUNCATECOLUMNS TRIMBLANKS ACCEPTINVCHARS AS '^' "
            "EXPLICIT_IDS COMPUPDATE OFF STATUPDATE ON MAXERROR 10;\n");
}

TEST(RedshiftCopySql, AccessKeysAreMaskedForFilesAndLogs) {
  CopyStatement s = sales();
  s.auth = {};
  s.auth.access_key_id = "AKIDEXAMPLE";
  s.auth.secret_access_key = "wJalrXUtnFEMI/K7MDENG";
  s.auth.session_token = "tok'en";
  std::string masked = copy_sql(s, true);
  EXPECT_EQ(masked.find("wJalr"), std::string::npos);
  EXPECT_EQ(masked.find("AKIDEXAMPLE"), std::string::npos);
  EXPECT_NE(masked.find("ACCESS_KEY_ID '***' SECRET_ACCESS_KEY '***' SESSION_TOKEN '***'\n"), std::string::npos);
  std::string real = copy_sql(s, false);
  EXPECT_NE(real.find("ACCESS_KEY_ID 'AKIDEXAMPLE' SECRET_ACCESS_KEY 'wJalrXUtnFEMI/K7MDENG' SESSION_TOKEN 'tok''en'"),
            std::string::npos);
}

TEST(RedshiftCopySql, IdentifiersAndUrlAreQuoted) {
  CopyStatement s = sales();
  s.table = "we\"ird";
  s.columns = {"Mixed Case"};
  s.manifest_url = "s3://b/it's/manifest.json";
  std::string sql = copy_sql(s, true);
  EXPECT_EQ(sql.rfind("COPY \"we\"\"ird\" (\"Mixed Case\")\nFROM 's3://b/it''s/manifest.json'\n", 0), 0u);
}

// Redshift string literals treat a backslash as an escape: every literal of the COPY doubles it
// (an ACCEPTINVCHARS replacement '\' would otherwise be an unterminated literal).
TEST(RedshiftCopySql, BackslashesInLiteralsAreDoubled) {
  CopyStatement s = sales();
  s.manifest_url = "s3://b/a\\b/manifest.json";
  s.settings.replace_invalid_chars = "\\";
  std::string sql = copy_sql(s, true);
  EXPECT_NE(sql.find("FROM 's3://b/a\\\\b/manifest.json'\n"), std::string::npos) << sql;
  EXPECT_NE(sql.find(" ACCEPTINVCHARS AS '\\\\' "), std::string::npos) << sql;
  EXPECT_NE(sql.find(" NULL AS '\\\\N' "), std::string::npos) << sql;
}

TEST(RedshiftManifest, EntriesAreMandatoryWithContentLength) {
  EXPECT_EQ(manifest_json({{"s3://b/p/sales/part-00000.csv.gz", 1234}, {"s3://b/p/sales/part-00001.csv.gz", 99}}),
            "{\"entries\":[\n"
            "  {\"url\":\"s3://b/p/sales/part-00000.csv.gz\",\"mandatory\":true,\"meta\":{\"content_length\":1234}},\n"
            "  {\"url\":\"s3://b/p/sales/part-00001.csv.gz\",\"mandatory\":true,\"meta\":{\"content_length\":99}}\n"
            "]}\n");
  EXPECT_EQ(manifest_json({}), "{\"entries\":[]}\n");
}

TEST(RedshiftLoadErrors, QueriesAskForTheLastCopy) {
  EXPECT_EQ(stl_load_errors_sql(),
            "SELECT TRIM(filename), line_number, TRIM(colname), err_code, TRIM(err_reason), TRIM(raw_line), "
            "TRIM(raw_field_value) FROM stl_load_errors WHERE query = pg_last_copy_id() ORDER BY filename, line_number");
}

// SYS_LOAD_ERROR_DETAIL documents file_name, line_number, column_name, error_code and
// error_message, and no raw_line or raw_field_value; its query_id is not pg_last_copy_id()'s, so
// the latest load of this session reading the table's parts is asked for.
TEST(RedshiftLoadErrors, SysQueryUsesOnlyDocumentedColumns) {
  const std::string mine = "session_id = pg_backend_pid() AND STRPOS(file_name, 's3://b/p/it''s\\\\x/') = 1";
  EXPECT_EQ(sys_load_error_detail_sql("s3://b/p/it's\\x/"),
            "SELECT TRIM(file_name), line_number, TRIM(column_name), error_code, TRIM(error_message), NULL, NULL "
            "FROM sys_load_error_detail WHERE query_id = (SELECT MAX(query_id) FROM sys_load_error_detail WHERE " +
                mine + ") AND " + mine + " ORDER BY file_name, line_number");
  std::string sql = sys_load_error_detail_sql("s3://b/p/t/");
  for (const char* undocumented : {"raw_line", "raw_field_value", "pg_last_copy_id"})
    EXPECT_EQ(sql.find(undocumented), std::string::npos) << undocumented;
  // STL first (provisioned clusters), then SYS.
  EXPECT_EQ(load_error_queries("s3://b/p/t/"), (std::vector<std::string>{stl_load_errors_sql(), sql}));
}

TEST(RedshiftLoadErrors, ErrorRowBecomesReject) {
  std::vector<std::optional<std::string>> row = {
      "s3://b/p/sales/part-00001.csv.gz        ", "42", "amount_sold    ", "1207",
      "Invalid digit, Value 'x', Pos 0, Type: Decimal      ", "13,\"2020-01-01 00:00:00\",x   ", "x     "};
  Reject r = reject_from_load_error("SALES", row);
  EXPECT_EQ(r.table, "SALES");
  EXPECT_EQ(r.source, "s3://b/p/sales/part-00001.csv.gz");
  EXPECT_EQ(r.line, 42u);
  EXPECT_EQ(r.reason,
            "Redshift COPY error 1207: Invalid digit, Value 'x', Pos 0, Type: Decimal (column amount_sold, value 'x')");
  EXPECT_EQ(r.record, "13,\"2020-01-01 00:00:00\",x");

  Reject sparse = reject_from_load_error("T", {std::nullopt, "junk", std::nullopt, std::nullopt, std::nullopt});
  EXPECT_EQ(sparse.line, 0u);
  EXPECT_EQ(sparse.reason, "Redshift COPY: no reason given");
}

TEST(RedshiftOptions, S3Urls) {
  auto loc = parse_s3_url("s3://orashift-test/run1/a/");
  ASSERT_TRUE(loc);
  EXPECT_EQ(loc->bucket, "orashift-test");
  EXPECT_EQ(loc->prefix, "run1/a");
  EXPECT_EQ(loc->url("sales/manifest.json"), "s3://orashift-test/run1/a/sales/manifest.json");
  EXPECT_EQ(parse_s3_url("s3://b")->key("x"), "x");
  std::string error;
  EXPECT_FALSE(parse_s3_url("https://b/p", &error));
  EXPECT_NE(error.find("s3://"), std::string::npos);
  EXPECT_FALSE(parse_s3_url("s3:///p"));
  EXPECT_FALSE(parse_s3_url("s3://Upper/p"));
}

TEST(RedshiftOptions, ConninfoFromRedshiftUrl) {
  EXPECT_EQ(redshift_conninfo("redshift://awsuser@cluster.abc.us-east-1.redshift.amazonaws.com/dev"),
            "postgresql://awsuser@cluster.abc.us-east-1.redshift.amazonaws.com:5439/dev?sslmode=require");
  EXPECT_EQ(redshift_conninfo("redshift://u@h:5440/d?sslmode=verify-full&connect_timeout=5"),
            "postgresql://u@h:5440/d?sslmode=verify-full&connect_timeout=5");
  try {
    redshift_conninfo("redshift://u:Sekret@h");
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()).find("Sekret"), std::string::npos) << e.what();
  }
}

#include "endpoints/redshift/dms_settings.h"

TEST(RedshiftDmsSettings, MapOntoCopyOptions) {
  RedshiftOptions o;
  std::string error;
  for (const char* s : {"TruncateColumns=true", "acceptanydate=Y", "TrimBlanks=true", "CompUpdate=false",
                        "ExplicitIds=true", "ReplaceInvalidChars=^", "DateFormat=AUTO", "TimeFormat=auto", "MaxFileSize=1024"})
    EXPECT_TRUE(apply_dms_setting(o, s, &error)) << s << ": " << error;
  EXPECT_TRUE(o.copy.truncate_columns && o.copy.accept_any_date && o.copy.trim_blanks && o.copy.explicit_ids);
  EXPECT_EQ(o.copy.comp_update, std::optional<bool>(false));
  EXPECT_EQ(o.copy.replace_invalid_chars, "^");
  EXPECT_TRUE(o.accept_invalid_utf8);
  EXPECT_EQ(o.copy.date_format, "auto");
  EXPECT_EQ(o.copy.time_format, "auto");
  EXPECT_EQ(o.max_file_size, 1024u << 10);
  EXPECT_FALSE(apply_dms_setting(o, "BogusSetting=1", &error));
  EXPECT_NE(error.find("not a DMS Redshift setting"), std::string::npos);
  EXPECT_FALSE(apply_dms_setting(o, "TrimBlanks=maybe", &error));
  EXPECT_FALSE(apply_dms_setting(o, "ReplaceInvalidChars=ab", &error));
  EXPECT_FALSE(apply_dms_setting(o, "MaxFileSize=0", &error));
  EXPECT_FALSE(apply_dms_setting(o, "noequals", &error));
}

// The parts hold ISO text whatever DMS was told; a format that cannot read it is refused
// (epochsecs is not even read by 'auto'), not passed on to a COPY that would fail or misread.
TEST(RedshiftDmsSettings, DateAndTimeFormatsOtherThanAutoAreRefused) {
  RedshiftOptions o;
  std::string error;
  for (const char* s : {"DateFormat=epochsecs", "TimeFormat=epochmillisecs", "TimeFormat=epochsecs",
                        "DateFormat=YYYY-MM-DD", "TimeFormat=MM/DD/YYYY HH:MI:SS", "DateFormat="}) {
    EXPECT_FALSE(apply_dms_setting(o, s, &error)) << s;
    EXPECT_NE(error.find("only 'auto' reads"), std::string::npos) << error;
  }
  EXPECT_EQ(o.copy.date_format, "auto");
  EXPECT_EQ(o.copy.time_format, "auto");
}

TEST(RedshiftDmsSettings, MaxErrorFollowsTheDataErrorPolicy) {
  ErrorBehaviorSettings e;
  e.data_error_policy = ErrorPolicy::StopTask;
  EXPECT_EQ(max_error_for(e), 0u);
  e.data_error_policy = ErrorPolicy::SuspendTable;
  EXPECT_EQ(max_error_for(e), 0u);
  e.data_error_policy = ErrorPolicy::LogError;
  EXPECT_EQ(max_error_for(e), 100000u);
  e.data_error_escalation_count = 50;
  EXPECT_EQ(max_error_for(e), 50u);
}
