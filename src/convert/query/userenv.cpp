#include "convert/query/userenv.h"

#include <utility>

namespace orashift::rewrite {

namespace {

const std::pair<const char*, const char*> kUserenv[] = {
    {"CLIENT_IDENTIFIER", "NULLIF(current_setting('orashift.client_identifier', true), '')"},
    {"ACTION", "NULLIF(current_setting('orashift.action', true), '')"},
    {"CLIENT_INFO", "NULLIF(current_setting('orashift.client_info', true), '')"},
    {"MODULE", "NULLIF(current_setting('application_name'), '')"},
    {"SESSION_USER", "upper(session_user)"},
    {"CURRENT_USER", "upper(current_user)"},
    {"CURRENT_SCHEMA", "upper(current_schema())"},
    {"DB_NAME", "current_database()"},
    {"SESSIONID", "pg_backend_pid()"},
    {"SID", "pg_backend_pid()"},
    {"IP_ADDRESS", "host(inet_client_addr())"},
    {"SERVER_HOST", "host(inet_server_addr())"},
};

}  // namespace

std::optional<std::string> userenv_value(const std::string& parameter) {
  for (const auto& [name, sql] : kUserenv)
    if (parameter == name) return std::string(sql);
  return std::nullopt;
}

std::string userenv_function_sql() {
  std::string cases;
  for (const auto& [name, sql] : kUserenv) cases += "    WHEN '" + std::string(name) + "' THEN RETURN (" + sql + ")::text;\n";
  return "(parameter text)\nRETURNS text\nLANGUAGE plpgsql\nSTABLE\nAS $orashift$\nBEGIN\n  CASE upper(parameter)\n" + cases +
         "    ELSE RAISE EXCEPTION USING ERRCODE = '@2003@', MESSAGE = 'ORA-02003: invalid USERENV parameter';\n"
         "  END CASE;\nEND\n$orashift$;\n";
}

}  // namespace orashift::rewrite
