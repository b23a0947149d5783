-- orashift: Oracle → duckdb

CREATE TABLE "codes" (
  "id" SMALLINT,
  "code" VARCHAR,
  "sep" VARCHAR,
  CONSTRAINT "codes_pk" PRIMARY KEY ("id")
);

CREATE VIEW "code_parts" AS
SELECT "id", REPLACE("code", '-', '') AS "no_dash", REPLACE("code", '-', '') AS "no_dash_null", REPLACE("code", '-', '') AS "no_dash_two", REPLACE("code", '-', COALESCE("sep", '')) AS "by_sep", REPLACE("code", '-', COALESCE(CAST("id" AS VARCHAR), '')) AS "by_id", REGEXP_REPLACE("code", '[0-9]', '', 'g') AS "no_digits", REGEXP_REPLACE("code", '[0-9]', '', 'g') AS "no_digits_two", REGEXP_REPLACE("code", '[0-9]', '', 'g') AS "no_digits_null", REGEXP_REPLACE("code", '[0-9]', COALESCE("sep", ''), 'g') AS "digits_by_sep" FROM "codes";

-- action items
