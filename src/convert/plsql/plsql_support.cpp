#include "convert/plsql/plsql_support.h"

namespace orashift::plsql {

std::string placeholders_function_sql() {
  return std::string("CREATE OR REPLACE FUNCTION ") + kPlaceholdersFunction + R"((sql text)
RETURNS text
LANGUAGE plpgsql IMMUTABLE
AS $orashift$
DECLARE
  out text := '';
  i integer := 1;
  n integer := 0;
  c text;
  len integer := length(sql);
BEGIN
  WHILE i <= len LOOP
    c := substr(sql, i, 1);
    out := out || c;
    i := i + 1;
    IF c = '''' THEN
      -- a string literal, with '' inside it
      WHILE i <= len LOOP
        c := substr(sql, i, 1);
        out := out || c;
        i := i + 1;
        IF c = '''' THEN
          IF substr(sql, i, 1) = '''' THEN
            out := out || '''';
            i := i + 1;
          ELSE
            EXIT;
          END IF;
        END IF;
      END LOOP;
    ELSIF c = ':' AND substr(sql, i, 1) ~ '[A-Za-z0-9_]' AND (i = 2 OR substr(sql, i - 2, 1) <> ':') THEN
      n := n + 1;
      out := left(out, -1) || '$' || n;
      WHILE i <= len AND substr(sql, i, 1) ~ '[A-Za-z0-9_$#]' LOOP
        i := i + 1;
      END LOOP;
    END IF;
  END LOOP;
  RETURN out;
END
$orashift$;
)";
}

std::string map_get_function_sql() {
  return std::string("CREATE OR REPLACE FUNCTION ") + kMapGetFunction + R"((m jsonb, k text)
RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE
AS $orashift$
BEGIN
  IF k IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'null_value_not_allowed', MESSAGE = 'NULL index table key value';
  END IF;
  IF m ? k THEN
    RETURN m -> k;
  END IF;
  RAISE EXCEPTION USING ERRCODE = 'no_data_found', MESSAGE = 'no data found';
END
$orashift$;
)";
}

}  // namespace orashift::plsql

namespace orashift::plsql {

std::string autonomous_connection_function_sql() {
  // libpq keyword values in single quotes, \ and ' escaped ("Connection Strings", libpq).
  return std::string("CREATE OR REPLACE FUNCTION ") + kAutonomousConnectionFunction + R"(()
RETURNS text
LANGUAGE sql STABLE
AS $orashift$
  SELECT COALESCE(NULLIF(current_setting('orashift.autonomous_connection', true), ''),
                  format('dbname=''%s'' port=%s host=''%s'' user=''%s''',
                         replace(replace(current_database(), '\', '\\'), '''', '\'''),
                         current_setting('port'),
                         replace(replace(split_part(current_setting('unix_socket_directories'), ',', 1), '\', '\\'), '''', '\'''),
                         replace(replace(current_user, '\', '\\'), '''', '\''')))
         -- the caller's search_path, so that the body finds what the caller finds (the server
         -- splits options at unescaped spaces)
         || format(' options=''%s''', replace(replace('-c search_path=' ||
                replace(replace(current_setting('search_path'), '\', '\\'), ' ', '\ '), '\', '\\'), '''', '\'''))
$orashift$;
)";
}

}  // namespace orashift::plsql
