#include "endpoints/redshift/copy_sql.h"

#include "common/naming.h"
#include "dialect/sql_literal.h"
#include "endpoints/redshift/csv_encoder.h"

namespace orashift::redshift {

namespace {

// Every literal of a COPY statement is a Redshift literal: a backslash in a role ARN, a URL or a
// format would otherwise start an escape.
std::string literal(std::string_view text) { return quote_literal(text, Dialect::Redshift); }

}  // namespace

std::string copy_sql(const CopyStatement& s, bool mask) {
  std::string cols;
  for (const auto& c : s.columns) cols += (cols.empty() ? "" : ", ") + quote_ident(c);
  std::string sql = "COPY " + quote_ident(s.table) + " (" + cols + ")\nFROM " + literal(s.manifest_url) + "\n";
  const CopyAuth& a = s.auth;
  auto secret = [&](const std::string& v) { return mask ? std::string("'***'") : literal(v); };
  if (!a.iam_role.empty()) {
    sql += "IAM_ROLE " + literal(a.iam_role) + "\n";
  } else {
    sql += "ACCESS_KEY_ID " + secret(a.access_key_id) + " SECRET_ACCESS_KEY " + secret(a.secret_access_key);
    if (!a.session_token.empty()) sql += " SESSION_TOKEN " + secret(a.session_token);
    sql += "\n";
  }
  if (!s.region.empty()) sql += "REGION " + literal(s.region) + "\n";
  // The NULL marker is the two characters \N, written '\\N' as a Redshift literal.
  sql += "MANIFEST CSV QUOTE AS " + literal("\"") + " DELIMITER " + literal(",") + " NULL AS " + literal(kCsvNull) + " ";
  sql += compression_copy_keyword(s.compression);
  sql += "\n";
  const CopySettings& o = s.settings;
  sql += "DATEFORMAT " + literal(o.date_format) + " TIMEFORMAT " + literal(o.time_format);
  if (o.accept_any_date) sql += " ACCEPTANYDATE";
  if (o.empty_as_null) sql += " EMPTYASNULL";
  if (o.truncate_columns) sql += " TRUNCATECOLUMNS";
  if (o.trim_blanks) sql += " TRIMBLANKS";
  if (!o.replace_invalid_chars.empty()) sql += " ACCEPTINVCHARS AS " + literal(o.replace_invalid_chars.substr(0, 1));
  if (o.explicit_ids) sql += " EXPLICIT_IDS";
  if (o.comp_update) sql += *o.comp_update ? " COMPUPDATE ON" : " COMPUPDATE OFF";
  sql += o.stat_update ? " STATUPDATE ON" : " STATUPDATE OFF";
  sql += " MAXERROR " + std::to_string(o.max_error);
  sql += ";\n";
  return sql;
}

}  // namespace orashift::redshift
