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
