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

}  // namespace orashift::plsql
