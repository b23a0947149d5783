#pragma once
// The COPY statement for one table's staged parts, with the DMS Redshift endpoint settings that
// map onto COPY options. Secrets (access keys) can be masked for files and logs; the IAM role
// ARN is not a secret and is kept.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "endpoints/redshift/compressor.h"

namespace orashift::redshift {

// How COPY authenticates to S3: an IAM role (preferred) or the caller's access keys.
struct CopyAuth {
  std::string iam_role;  // arn:aws:iam::123456789012:role/R
  std::string access_key_id, secret_access_key, session_token;
};

// DMS Redshift endpoint settings → COPY options (docs/redshift.md, "COPY options").
struct CopySettings {
  std::string date_format = "auto";  // DateFormat
  std::string time_format = "auto";  // TimeFormat
  bool accept_any_date = false;      // AcceptAnyDate → ACCEPTANYDATE
  bool empty_as_null = false;        // EmptyAsNull: off, orashift keeps "" apart from NULL
  bool truncate_columns = false;     // TruncateColumns → TRUNCATECOLUMNS
  bool trim_blanks = false;          // TrimBlanks → TRIMBLANKS
  std::optional<bool> comp_update;   // CompUpdate → COMPUPDATE ON|OFF (absent: Redshift default)
  bool explicit_ids = false;         // ExplicitIds → EXPLICIT_IDS
  std::string replace_invalid_chars; // ReplaceInvalidChars → ACCEPTINVCHARS AS 'c' (empty: off)
  uint64_t max_error = 0;            // from the error policy → MAXERROR
  bool stat_update = true;           // STATUPDATE ON after a full load
};

struct CopyStatement {
  std::string table;                 // target table name (unquoted)
  std::vector<std::string> columns;  // target column names, in file order
  std::string manifest_url;          // s3://bucket/prefix/table/manifest.json
  Compression compression = Compression::Gzip;
  CopyAuth auth;
  std::string region;                // REGION 'r' when the bucket is not in the cluster's region
  CopySettings settings;
};

// One statement ending in ";\n". mask_secrets replaces the access keys and token with ***.
std::string copy_sql(const CopyStatement& s, bool mask_secrets);

}  // namespace orashift::redshift
