// The helpers' behaviour is Oracle's as documented in Oracle Database PL/SQL Packages and Types
// Reference 19c: "UTL_RAW" (BIT_AND … : the longer RAW's rest appended; COMPARE: pad x'00';
// REVERSE / COPIES: VALUE_ERROR on an empty RAW or a count below 1; CAST_*_BINARY_INTEGER:
// endianess 1 big, 2 little, 3 machine = little on x86-64), "UTL_URL" (unreserved A-Z a-z 0-9
// - _ . ! ~ * ' ( ), reserved ; / ? : @ & = + $ % , escaped only when asked; BAD_URL ORA-29262),
// "DBMS_ASSERT" (ORA-44001 … ORA-44004, VALUE_ERROR from ENQUOTE_*), "DBMS_CRYPTO" (the cipher
// suite as the sum of algorithm, chaining and padding constants; a NULL IV is zeros).
// CAST_FROM_NUMBER writes Oracle's NUMBER format ("Internal Numeric Format", Oracle Call
// Interface Programmer's Guide): an exponent byte, then base-100 digits (+1, or 101 - d and a
// 102 terminator when negative).
#include "convert/plsql/builtin_support.h"

#include "convert/query/format_model.h"
#include "convert/query/userenv.h"

#include <map>

namespace orashift::plsql {

namespace {

// One SQL name of Oracle's grammar: an unquoted identifier, or a quoted one with "" for a quote
// ("Database Object Names and Qualifiers", SQL Language Reference).
constexpr const char* kSqlName = R"((?:[[:alpha:]][[:alnum:]_$#]*|"(?:[^"]|"")+"))";

// Each helper's text after its quoted name; @NAME@ is kSqlName, @44003@ the SQLSTATE of ORA-44003.
const std::map<std::string, std::string>& helpers() {
  static const std::map<std::string, std::string> texts = {
      {"orashift_raw_bits", R"SQL((r1 bytea, r2 bytea, op text)
RETURNS bytea
LANGUAGE plpgsql IMMUTABLE
AS $orashift$
DECLARE
  short bytea;
  out bytea;
  a integer;
  b integer;
BEGIN
  IF r1 IS NULL OR r2 IS NULL THEN
    RETURN NULL;
  END IF;
  IF length(r1) >= length(r2) THEN
    out := r1;
    short := r2;
  ELSE
    out := r2;
    short := r1;
  END IF;
  FOR i IN 0 .. length(short) - 1 LOOP
    a := get_byte(out, i);
    b := get_byte(short, i);
    out := set_byte(out, i, CASE op WHEN 'and' THEN a & b WHEN 'or' THEN a | b ELSE a # b END);
  END LOOP;
  RETURN out;
END
$orashift$;
)SQL"},
      {"orashift_raw_to_int", R"SQL((r bytea, endianess integer)
RETURNS integer
LANGUAGE plpgsql IMMUTABLE
AS $orashift$
DECLARE
  v bigint := 0;
  n integer;
BEGIN
  IF r IS NULL THEN
    RETURN NULL;
  END IF;
  n := least(length(r), 4);
  FOR i IN 0 .. n - 1 LOOP
    IF endianess = 1 THEN
      v := v * 256 + get_byte(r, i);
    ELSE
      v := v + get_byte(r, i)::bigint * (256::bigint ^ i)::bigint;
    END IF;
  END LOOP;
  IF v >= 2147483648 THEN
    v := v - 4294967296;
  END IF;
  RETURN v::integer;
END
$orashift$;
)SQL"},
      {"orashift_raw_from_int", R"SQL((n integer, endianess integer)
RETURNS bytea
LANGUAGE sql IMMUTABLE
AS $orashift$
  SELECT CASE WHEN endianess = 1 THEN int4send(n)
              ELSE decode(substr(h, 7, 2) || substr(h, 5, 2) || substr(h, 3, 2) || substr(h, 1, 2), 'hex') END
  FROM (SELECT encode(int4send(n), 'hex') AS h) x
$orashift$;
)SQL"},
      {"orashift_raw_reverse", R"SQL((r bytea)
RETURNS bytea
LANGUAGE plpgsql IMMUTABLE
AS $orashift$
DECLARE
  out bytea := r;
  n integer := length(r);
BEGIN
  IF r IS NULL OR n = 0 THEN
    RAISE EXCEPTION USING ERRCODE = 'data_exception', MESSAGE = 'numeric or value error';
  END IF;
  FOR i IN 0 .. n - 1 LOOP
    out := set_byte(out, i, get_byte(r, n - 1 - i));
  END LOOP;
  RETURN out;
END
$orashift$;
)SQL"},
      {"orashift_raw_copies", R"SQL((r bytea, n numeric)
RETURNS bytea
LANGUAGE plpgsql IMMUTABLE
AS $orashift$
BEGIN
  IF r IS NULL OR length(r) = 0 OR n IS NULL OR n < 1 THEN
    RAISE EXCEPTION USING ERRCODE = 'data_exception', MESSAGE = 'numeric or value error';
  END IF;
  RETURN decode(repeat(encode(r, 'hex'), trunc(n)::integer), 'hex');
END
$orashift$;
)SQL"},
      {"orashift_raw_compare", R"SQL((r1 bytea, r2 bytea, pad bytea)
RETURNS integer
LANGUAGE plpgsql IMMUTABLE
AS $orashift$
DECLARE
  p integer := COALESCE(get_byte(NULLIF(pad, ''::bytea), 0), 0);
  a bytea := COALESCE(r1, ''::bytea);
  b bytea := COALESCE(r2, ''::bytea);
  x integer;
  y integer;
BEGIN
  FOR i IN 0 .. greatest(length(a), length(b)) - 1 LOOP
    x := CASE WHEN i < length(a) THEN get_byte(a, i) ELSE p END;
    y := CASE WHEN i < length(b) THEN get_byte(b, i) ELSE p END;
    IF x <> y THEN
      RETURN i + 1;
    END IF;
  END LOOP;
  RETURN 0;
END
$orashift$;
)SQL"},
      {"orashift_raw_from_number", R"SQL((n numeric)
RETURNS bytea
LANGUAGE plpgsql IMMUTABLE
AS $orashift$
DECLARE
  a numeric;
  e integer;
  d integer;
  digits integer[] := '{}';
  out bytea;
BEGIN
  IF n IS NULL THEN
    RETURN NULL;
  END IF;
  IF n = 0 THEN
    RETURN '\x80'::bytea;
  END IF;
  a := abs(n);
  e := floor(log(100, a))::integer;
  WHILE a >= ('1e' || (2 * e + 2))::numeric LOOP
    e := e + 1;
  END LOOP;
  WHILE a < ('1e' || (2 * e))::numeric LOOP
    e := e - 1;
  END LOOP;
  a := a * ('1e' || (-2 * e))::numeric;  -- exact: numeric input, not power()
  FOR i IN 1 .. 20 LOOP
    d := trunc(a);
    digits := digits || d;
    a := (a - d) * 100;
    EXIT WHEN a = 0;
  END LOOP;
  WHILE digits[cardinality(digits)] = 0 LOOP
    digits := digits[1:cardinality(digits) - 1];
  END LOOP;
  out := set_byte('\x00'::bytea, 0, CASE WHEN n > 0 THEN 193 + e ELSE 62 - e END);
  FOREACH d IN ARRAY digits LOOP
    out := out || set_byte('\x00'::bytea, 0, CASE WHEN n > 0 THEN d + 1 ELSE 101 - d END);
  END LOOP;
  IF n < 0 AND cardinality(digits) < 20 THEN
    out := out || '\x66'::bytea;
  END IF;
  RETURN out;
END
$orashift$;
)SQL"},
      {"orashift_url_escape", R"SQL((url text, reserved boolean, charset text)
RETURNS text
LANGUAGE plpgsql IMMUTABLE
AS $orashift$
DECLARE
  out text := '';
  c text;
  b bytea;
BEGIN
  IF url IS NULL THEN
    RETURN NULL;
  END IF;
  FOR i IN 1 .. length(url) LOOP
    c := substr(url, i, 1);
    IF c ~ '^[A-Za-z0-9_.!~*''()-]$' OR (NOT COALESCE(reserved, false) AND c ~ '^[;/?:@&=+$%,]$') THEN
      out := out || c;
    ELSE
      b := convert_to(c, charset);
      FOR j IN 0 .. length(b) - 1 LOOP
        out := out || '%' || upper(lpad(to_hex(get_byte(b, j)), 2, '0'));
      END LOOP;
    END IF;
  END LOOP;
  RETURN out;
END
$orashift$;
)SQL"},
      // UTL_LMS.FORMAT_MESSAGE: %s and %d take the arguments in order (%d an integer's text), %%
      // is %; a specifier past the last argument gives nothing.
      {"orashift_format_message", R"SQL((format text, VARIADIC args text[])
RETURNS text
LANGUAGE plpgsql IMMUTABLE
AS $orashift$
DECLARE
  out text := '';
  i integer := 1;
  n integer := 0;
  ch text;
BEGIN
  IF format IS NULL THEN
    RETURN NULL;
  END IF;
  WHILE i <= length(format) LOOP
    ch := substr(format, i, 1);
    IF ch = '%' AND substr(format, i + 1, 1) IN ('s', 'd') THEN
      n := n + 1;
      out := out || COALESCE(CASE WHEN substr(format, i + 1, 1) = 'd' THEN trunc(args[n]::numeric)::text ELSE args[n] END, '');
      i := i + 2;
    ELSIF ch = '%' AND substr(format, i + 1, 1) = '%' THEN
      out := out || '%';
      i := i + 2;
    ELSE
      out := out || ch;
      i := i + 1;
    END IF;
  END LOOP;
  RETURN NULLIF(out, '');
END
$orashift$;
)SQL"},
      {"orashift_url_unescape", R"SQL((url text, charset text)
RETURNS text
LANGUAGE plpgsql IMMUTABLE
AS $orashift$
DECLARE
  out bytea := ''::bytea;
  c text;
  i integer := 1;
BEGIN
  IF url IS NULL THEN
    RETURN NULL;
  END IF;
  WHILE i <= length(url) LOOP
    c := substr(url, i, 1);
    IF c = '%' THEN
      IF substr(url, i + 1, 2) !~ '^[0-9A-Fa-f]{2}$' THEN
        RAISE EXCEPTION USING ERRCODE = '@29262@', MESSAGE = 'ORA-29262: bad URL';
      END IF;
      out := out || decode(substr(url, i + 1, 2), 'hex');
      i := i + 3;
    ELSE
      out := out || convert_to(c, charset);
      i := i + 1;
    END IF;
  END LOOP;
  RETURN convert_from(out, charset);
END
$orashift$;
)SQL"},
      {"orashift_assert_simple_sql_name", R"SQL((str text)
RETURNS text
LANGUAGE plpgsql IMMUTABLE
AS $orashift$
BEGIN
  IF str IS NULL OR str !~ '^\s*([[:alpha:]][[:alnum:]_$#]*|"([^"]|"")+")\s*$' THEN
    RAISE EXCEPTION USING ERRCODE = '@44003@', MESSAGE = 'ORA-44003: invalid SQL name';
  END IF;
  RETURN str;
END
$orashift$;
)SQL"},
      {"orashift_assert_qualified_sql_name", R"SQL((str text)
RETURNS text
LANGUAGE plpgsql IMMUTABLE
AS $orashift$
BEGIN
  IF str IS NULL OR str !~ ('^\s*@NAME@(?:\.@NAME@)*(?:@@NAME@(?:\.@NAME@)*(?:@@NAME@)?)?\s*$') THEN
    RAISE EXCEPTION USING ERRCODE = '@44004@', MESSAGE = 'ORA-44004: invalid qualified SQL name';
  END IF;
  RETURN str;
END
$orashift$;
)SQL"},
      // INSTR(s, sub, position, occurrence) (SQL Language Reference, INSTR): a negative position
      // counts from the end and searches backwards; occurrences may overlap; an occurrence < 1 is
      // ORA-01428; position and occurrence are truncated to integers; a NULL argument gives NULL.
      // Oracle's INTERVAL DAY TO SECOND text (SqlWriter::interval_text): the fraction is cut,
      // not rounded, to `frac` digits.
      {"orashift_interval_text", R"SQL((x interval, lead integer, frac integer)
RETURNS text
LANGUAGE sql IMMUTABLE
AS $orashift$
SELECT CASE WHEN x IS NULL THEN NULL ELSE
  CASE WHEN extract(epoch FROM x) < 0 THEN '-' ELSE '+' END ||
  lpad(floor(s / 86400)::text, lead, '0') || ' ' ||
  lpad(floor(mod(s, 86400) / 3600)::text, 2, '0') || ':' ||
  lpad(floor(mod(s, 3600) / 60)::text, 2, '0') || ':' ||
  lpad(floor(mod(s, 60))::text, 2, '0') ||
  CASE WHEN frac > 0 THEN '.' || rpad(substr(to_char(mod(s, 1), 'FM0.999999'), 3), frac, '0') ELSE '' END
END
FROM (SELECT abs(extract(epoch FROM x)) AS s) AS v
$orashift$;
)SQL"},
      {"orashift_instr", R"SQL((s text, sub text, pos numeric, occ numeric)
RETURNS integer
LANGUAGE plpgsql IMMUTABLE
AS $orashift$
DECLARE
  p integer := trunc(pos);
  n integer := trunc(occ);
  len integer := length(s);
  sublen integer := length(sub);
  found integer := 0;
  k integer;
BEGIN
  IF s IS NULL OR sub IS NULL OR p IS NULL OR n IS NULL OR s = '' OR sub = '' THEN
    RETURN NULL;
  END IF;
  IF n < 1 THEN
    RAISE EXCEPTION USING ERRCODE = '@1428@', MESSAGE = format('ORA-01428: argument ''%s'' is out of range', occ);
  END IF;
  IF p = 0 THEN
    RETURN 0;
  END IF;
  IF p > 0 THEN
    LOOP
      k := strpos(substr(s, p), sub);
      EXIT WHEN k = 0;
      found := found + 1;
      IF found = n THEN
        RETURN p + k - 1;
      END IF;
      p := p + k;
    END LOOP;
    RETURN 0;
  END IF;
  p := len + p + 1;
  WHILE p >= 1 LOOP
    IF substr(s, p, sublen) = sub THEN
      found := found + 1;
      IF found = n THEN
        RETURN p;
      END IF;
    END IF;
    p := p - 1;
  END LOOP;
  RETURN 0;
END
$orashift$;
)SQL"},
      // Oracle's match parameter (SQL Language Reference, REGEXP_LIKE "match_param") as
      // PostgreSQL flags: Oracle's '.' does not match a newline unless 'n', and ^ $ match at line
      // ends only with 'm' — PostgreSQL's 'p', 's', 'n' and 'w' (Table "ARE Embedded-Option
      // Letters"); 'i'/'c' the last one given wins; 'x' ignores whitespace in both.
      {"orashift_regexp_flags", R"SQL((m text)
RETURNS text
LANGUAGE sql IMMUTABLE
AS $orashift$
  SELECT CASE WHEN strpos(coalesce(m, ''), 'n') > 0 AND strpos(coalesce(m, ''), 'm') > 0 THEN 'w'
              WHEN strpos(coalesce(m, ''), 'n') > 0 THEN 's'
              WHEN strpos(coalesce(m, ''), 'm') > 0 THEN 'n'
              ELSE 'p' END
      || CASE WHEN strpos(coalesce(m, ''), 'x') > 0 THEN 'x' ELSE '' END
      || COALESCE(substring(regexp_replace(coalesce(m, ''), '[^ic]', '', 'g') FROM '.$'), '')
$orashift$;
)SQL"},
      {"orashift_assert_enquote_literal", R"SQL((str text)
RETURNS text
LANGUAGE plpgsql IMMUTABLE
AS $orashift$
DECLARE
  body text := COALESCE(str, '');
BEGIN
  IF left(body, 1) = '''' THEN
    body := substr(body, 2);
  END IF;
  IF right(body, 1) = '''' THEN
    body := left(body, -1);
  END IF;
  IF position('''' IN replace(body, '''''', '')) > 0 THEN
    RAISE EXCEPTION USING ERRCODE = 'data_exception', MESSAGE = 'ORA-06502: PL/SQL: numeric or value error';
  END IF;
  RETURN '''' || body || '''';
END
$orashift$;
)SQL"},
      {"orashift_assert_enquote_name", R"SQL((str text, capitalize boolean)
RETURNS text
LANGUAGE plpgsql IMMUTABLE
AS $orashift$
BEGIN
  IF length(str) >= 2 AND left(str, 1) = '"' AND right(str, 1) = '"' THEN
    IF position('"' IN replace(substr(str, 2, length(str) - 2), '""', '')) = 0 THEN
      RETURN str;
    END IF;
  ELSIF position('"' IN replace(COALESCE(str, ''), '""', '')) = 0 THEN
    RETURN '"' || CASE WHEN COALESCE(capitalize, true) THEN upper(COALESCE(str, '')) ELSE COALESCE(str, '') END || '"';
  END IF;
  RAISE EXCEPTION USING ERRCODE = 'data_exception', MESSAGE = 'ORA-06502: PL/SQL: numeric or value error';
END
$orashift$;
)SQL"},
      {"orashift_assert_schema_name", R"SQL((str text)
RETURNS text
LANGUAGE plpgsql STABLE
AS $orashift$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = str OR (str = upper(str) AND nspname = lower(str))) THEN
    RAISE EXCEPTION USING ERRCODE = '@44001@', MESSAGE = 'ORA-44001: invalid schema';
  END IF;
  RETURN str;
END
$orashift$;
)SQL"},
      {"orashift_assert_sql_object_name", R"SQL((str text)
RETURNS text
LANGUAGE plpgsql STABLE
AS $orashift$
DECLARE
  parts text[];
  found boolean := false;
BEGIN
  IF str ~ '@' AND str ~ ('^\s*@NAME@(?:\.@NAME@)*@') THEN
    RETURN str;  -- an object over a database link: Oracle does not look it up either
  END IF;
  BEGIN
    parts := parse_ident(btrim(str));
  EXCEPTION WHEN OTHERS THEN
    parts := NULL;
  END;
  IF cardinality(parts) = 1 THEN
    found := to_regclass(quote_ident(parts[1])) IS NOT NULL OR to_regtype(quote_ident(parts[1])) IS NOT NULL
             OR EXISTS (SELECT 1 FROM pg_proc p WHERE p.proname = parts[1] AND pg_function_is_visible(p.oid))
             OR EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = parts[1]);
  ELSIF cardinality(parts) = 2 THEN
    found := to_regclass(format('%I.%I', parts[1], parts[2])) IS NOT NULL
             OR to_regtype(format('%I.%I', parts[1], parts[2])) IS NOT NULL
             OR EXISTS (SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                        WHERE n.nspname = parts[1] AND p.proname = parts[2]);
  END IF;
  IF NOT COALESCE(found, false) THEN
    RAISE EXCEPTION USING ERRCODE = '@44002@', MESSAGE = 'ORA-44002: invalid object name';
  END IF;
  RETURN str;
END
$orashift$;
)SQL"},
      // MD4 (RFC 1320), which pgcrypto takes from OpenSSL 3's legacy provider, not loaded by
      // PostgreSQL: written out here. Words are bigints masked to 32 bits; PostgreSQL's bitwise
      // operators share one precedence, hence the parentheses.
      {"orashift_md4", R"SQL((src bytea)
RETURNS bytea
LANGUAGE plpgsql IMMUTABLE STRICT
AS $orashift$
DECLARE
  m CONSTANT bigint := 4294967295;
  n bigint := length(src);
  msg bytea := src || '\x80'::bytea || decode(repeat('00', ((55 - length(src)) % 64 + 64) % 64), 'hex');
  r bigint[] := ARRAY[1732584193, 4023233417, 2562383102, 271733878];
  saved bigint[];
  x bigint[];
  order2 CONSTANT integer[] := '{0,4,8,12,1,5,9,13,2,6,10,14,3,7,11,15}';
  order3 CONSTANT integer[] := '{0,8,4,12,2,10,6,14,1,9,5,13,3,11,7,15}';
  shifts CONSTANT integer[] := '{3,7,11,19,3,5,9,13,3,9,11,15}';
  t integer; b bigint; c bigint; d bigint; f bigint; v bigint; k integer; s integer; extra bigint;
  result bytea := '';
BEGIN
  FOR i IN 0..7 LOOP  -- the length in bits, 64-bit little-endian
    msg := msg || set_byte('\x00'::bytea, 0, (((n * 8) >> (8 * i)) & 255)::integer);
  END LOOP;
  FOR blk IN 0 .. length(msg) / 64 - 1 LOOP
    x := '{}';
    FOR j IN 0..15 LOOP
      x := x || (get_byte(msg, blk * 64 + j * 4)::bigint | (get_byte(msg, blk * 64 + j * 4 + 1)::bigint << 8) |
                 (get_byte(msg, blk * 64 + j * 4 + 2)::bigint << 16) | (get_byte(msg, blk * 64 + j * 4 + 3)::bigint << 24));
    END LOOP;
    saved := r;
    FOR i IN 0..47 LOOP
      t := (4 - i % 4) % 4;  -- [abcd] [dabc] [cdab] [bcda]
      b := r[(t + 1) % 4 + 1]; c := r[(t + 2) % 4 + 1]; d := r[(t + 3) % 4 + 1];
      IF i < 16 THEN
        f := (b & c) | ((~b & m) & d); k := i; extra := 0;
      ELSIF i < 32 THEN
        f := (b & c) | (b & d) | (c & d); k := order2[i - 15]; extra := 1518500249;
      ELSE
        f := (b # c) # d; k := order3[i - 31]; extra := 1859775393;
      END IF;
      s := shifts[(i / 16) * 4 + i % 4 + 1];
      v := (r[t + 1] + f + x[k + 1] + extra) & m;
      r[t + 1] := ((v << s) | (v >> (32 - s))) & m;
    END LOOP;
    FOR j IN 1..4 LOOP
      r[j] := (r[j] + saved[j]) & m;
    END LOOP;
  END LOOP;
  FOR j IN 1..4 LOOP
    FOR q IN 0..3 LOOP
      result := result || set_byte('\x00'::bytea, 0, ((r[j] >> (8 * q)) & 255)::integer);
    END LOOP;
  END LOOP;
  RETURN result;
END
$orashift$;
)SQL"},
      {"orashift_crypto", R"SQL((src bytea, typ integer, key bytea, iv bytea, decrypting boolean)
RETURNS bytea
LANGUAGE plpgsql IMMUTABLE
AS $orashift$
DECLARE
  cipher text := CASE typ & 255 WHEN 1 THEN 'des' WHEN 2 THEN '3des' WHEN 3 THEN '3des'
                                WHEN 4 THEN 'aes' WHEN 6 THEN 'aes' WHEN 7 THEN 'aes' WHEN 8 THEN 'aes' END;
  chain text := CASE typ & 3840 WHEN 256 THEN 'cbc' WHEN 768 THEN 'ecb' END;
  pad text := CASE typ & 61440 WHEN 4096 THEN 'pkcs' WHEN 8192 THEN 'none' END;
  k bytea := key;
BEGIN
  IF cipher IS NULL OR chain IS NULL OR pad IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'feature_not_supported',
      MESSAGE = format('DBMS_CRYPTO cipher suite %s: pgcrypto has no such algorithm, chaining or padding', typ);
  END IF;
  IF length(key) < (CASE typ & 255 WHEN 1 THEN 8 WHEN 2 THEN 16 WHEN 3 THEN 24 WHEN 6 THEN 16 WHEN 7 THEN 24
                                   WHEN 8 THEN 32 ELSE 0 END) THEN
    RAISE EXCEPTION USING ERRCODE = '@28234@', MESSAGE = 'ORA-28234: key length too short';
  END IF;
  IF typ & 255 = 1 THEN
    -- Single DES is in OpenSSL 3's legacy provider, which PostgreSQL does not load; 3DES with
    -- K K K is DES with K (E_K(D_K(E_K(x))) = E_K(x)), and 3DES is in the default provider.
    cipher := '3des';
    k := substr(key, 1, 8) || substr(key, 1, 8) || substr(key, 1, 8);
  END IF;
  IF typ & 255 = 2 THEN
    k := substr(key, 1, 16) || substr(key, 1, 8);  -- two-key 3DES: K1 K2 K1
  END IF;
  IF decrypting THEN
    RETURN decrypt_iv(src, k, COALESCE(iv, ''::bytea), cipher || '-' || chain || '/pad:' || pad);
  END IF;
  RETURN encrypt_iv(src, k, COALESCE(iv, ''::bytea), cipher || '-' || chain || '/pad:' || pad);
END
$orashift$;
)SQL"},
  };
  return texts;
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
}

}  // namespace

std::string builtin_helper_sql(const std::string& name) {
  auto it = helpers().find(name);
  std::string body = it != helpers().end() ? it->second : std::string();
  // Helpers kept beside the lowering that calls them.
  for (auto other : {dbms_output_helper_sql, xml_helper_sql, xmlgen_helper_sql, dbms_lock_helper_sql, boxed_helper_sql,
                     owa_helper_sql, session_context_helper_sql, dbms_sql_helper_sql, json_helper_sql,
                     sqlcode_helper_sql})
    if (body.empty()) body = other(name);
  if (body.empty() && name == "orashift_format_model") body = rewrite::format_model_function_sql();
  if (body.empty() && name == "orashift_userenv") body = rewrite::userenv_function_sql();
  if (body.empty()) return "";
  replace_all(body, "@NAME@", kSqlName);
  for (long code : {44001L, 44002L, 44003L, 44004L, 29262L, 1428L, 2003L, 28234L})
    replace_all(body, "@" + std::to_string(code) + "@", unmapped_sqlstate(-code));
  return "CREATE OR REPLACE FUNCTION \"" + name + "\"" + body;
}

}  // namespace orashift::plsql
