-- orashift: Oracle → redshift

-- no join evidence: DISTSTYLE AUTO
-- SORTKEY on the primary key for joins and lookups
CREATE TABLE "codes" (
  "id" SMALLINT ENCODE RAW,
  "code" VARCHAR(20) ENCODE ZSTD,
  "sep" VARCHAR(5) ENCODE ZSTD,
  CONSTRAINT "codes_pk" PRIMARY KEY ("id")
)
DISTSTYLE AUTO
COMPOUND SORTKEY ("id");

CREATE VIEW "code_parts" AS
SELECT "id", REPLACE("code", '-', '') AS "no_dash", REPLACE("code", '-', '') AS "no_dash_null", REPLACE("code", '-', '') AS "no_dash_two", REPLACE("code", '-', COALESCE("sep", '')) AS "by_sep", REPLACE("code", '-', COALESCE(CAST("id" AS VARCHAR(MAX)), '')) AS "by_id", REGEXP_REPLACE("code", '[0-9]', '') AS "no_digits", REGEXP_REPLACE("code", '[0-9]', '') AS "no_digits_two", REGEXP_REPLACE("code", '[0-9]', '') AS "no_digits_null", REGEXP_REPLACE("code", '[0-9]', COALESCE("sep", '')) AS "digits_by_sep" FROM "codes";

-- action items
-- OS2002 TABLE CODES: PRIMARY KEY CODES_PK (line 5)
