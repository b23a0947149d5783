#include "endpoints/redshift/copy_sql.h"

#include "dialect/naming.h"

namespace orashift::redshift {

std::string copy_sql(const CopyStatement& s, bool mask) {
  std::string cols;
  for (const auto& c : s.columns) cols += (cols.empty() ? "" : ", ") + quote_ident(c);
  std::string sql = "COPY " + quote_ident(s.table) + " (" + cols + ")\nFROM " + quote_literal(s.manifest_url) + "\n";
  const CopyAuth& a = s.auth;
  auto secret = [&](const std::string& v) { return mask ? std::string("'***'") : quote_literal(v); };
  if (!a.iam_role.empty()) {
    sql += "IAM_ROLE " + quote_literal(a.iam_role) + "\n";
  } else {
    sql += "ACCESS_KEY_ID " + secret(a.access_key_id) + " SECRET_ACCESS_KEY " + secret(a.secret_access_key);
    if (!a.session_token.empty()) sql += " SESSION_TOKEN " + secret(a.session_token);
    sql += "\n";
  }
  if (!s.region.empty()) sql += "REGION " + quote_literal(s.region) + "\n";
  // Redshift string literals treat backslash as an escape, so the two characters \N are '\\N'.
  sql += "MANIFEST CSV QUOTE AS '\"' DELIMITER ',' NULL AS '\\\\N' ";
  sql += compression_copy_keyword(s.compression);
  sql += "\n";
  const CopySettings& o = s.settings;
  sql += "DATEFORMAT " + quote_literal(o.date_format) + " TIMEFORMAT " + quote_literal(o.time_format);
  if (o.accept_any_date) sql += " ACCEPTANYDATE";
  if (o.empty_as_null) sql += " EMPTYASNULL";
  if (o.truncate_columns) sql += " TRUNCATECOLUMNS";
  if (o.trim_blanks) sql += " TRIMBLANKS";
  if (!o.replace_invalid_chars.empty()) sql += " ACCEPTINVCHARS AS " + quote_literal(o.replace_invalid_chars.substr(0, 1));
  if (o.explicit_ids) sql += " EXPLICIT_IDS";
  if (o.comp_update) sql += *o.comp_update ? " COMPUPDATE ON" : " COMPUPDATE OFF";
  sql += o.stat_update ? " STATUPDATE ON" : " STATUPDATE OFF";
  sql += " MAXERROR " + std::to_string(o.max_error);
  sql += ";\n";
  return sql;
}

}  // namespace orashift::redshift
