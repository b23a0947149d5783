-- REPLACE / REGEXP_REPLACE with a missing, '' or NULL replacement: Oracle removes the matches
-- (its '' is NULL); every target returns NULL for a NULL replacement. A number replacement is
-- converted to text, as Oracle does.
CREATE TABLE codes (
  id   NUMBER(4) CONSTRAINT codes_pk PRIMARY KEY,
  code VARCHAR2(20),
  sep  VARCHAR2(5)
);

CREATE VIEW code_parts AS
  SELECT id,
         REPLACE(code, '-', '') AS no_dash,
         REPLACE(code, '-', NULL) AS no_dash_null,
         REPLACE(code, '-') AS no_dash_two,
         REPLACE(code, '-', sep) AS by_sep,
         REPLACE(code, '-', id) AS by_id,
         REGEXP_REPLACE(code, '[0-9]', '') AS no_digits,
         REGEXP_REPLACE(code, '[0-9]') AS no_digits_two,
         REGEXP_REPLACE(code, '[0-9]', NULL) AS no_digits_null,
         REGEXP_REPLACE(code, '[0-9]', sep) AS digits_by_sep
  FROM codes;
