-- orashift: Oracle → postgres

CREATE TABLE "flags" (
  "id" INTEGER,
  "active" CHAR(1) DEFAULT 0,
  "code" VARCHAR(10),
  "qty" NUMERIC(7,2),
  "created" TIMESTAMP DEFAULT TIMESTAMP '2020-01-01 00:00:00',
  CONSTRAINT "flags_pk" PRIMARY KEY ("id"),
  CONSTRAINT "flags_active_ck" CHECK (CAST("active" AS NUMERIC) IN (0, 1)),
  CONSTRAINT "flags_created_ck" CHECK ("created" >= TIMESTAMP '1980-01-01 00:00:00')
);

CREATE OR REPLACE FUNCTION "flag_on"("p_flag" text)
RETURNS numeric
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
DECLARE
  "l_limit" varchar(10) := '5';
BEGIN
  IF CAST("p_flag" AS NUMERIC) = 1 AND CAST("l_limit" AS NUMERIC) > 2 THEN
    RETURN 1;
  END IF;
  RETURN 0;
END
$orashift$;

CREATE VIEW "active_flags" AS
SELECT "id", "code" FROM "flags" WHERE CAST("active" AS NUMERIC) = 1;

CREATE VIEW "flag_math" AS
SELECT "id", CAST("code" AS NUMERIC) + 1 AS "code_plus", "qty" * 2 AS "qty_twice" FROM "flags" WHERE CAST("code" AS NUMERIC) BETWEEN 10 AND 99;

CREATE VIEW "recent_flags" AS
SELECT "id" FROM "flags" WHERE "created" > TIMESTAMP '1985-03-15 00:00:00' AND "qty" = 10;

CREATE VIEW "flag_labels" AS
SELECT "id", CASE WHEN CAST("active" AS NUMERIC) = 1 THEN 'on' WHEN CAST("active" AS NUMERIC) = 0 THEN 'off' ELSE 'unknown' END AS "label", CONCAT('created ', TO_CHAR("created", 'DD-MON-YY')) AS "created_text" FROM "flags" WHERE CAST("code" AS NUMERIC) IN (10, 20, 30);

CREATE VIEW "old_flags" AS
SELECT "id" FROM "flags" WHERE "created" < TIMESTAMP '2000-01-01 00:00:00' AND CAST("active" AS NUMERIC) <> 1;

-- action items
-- OS4015 TABLE FLAGS: column CREATED DEFAULT: '01-JAN-2020' read with NLS_DATE_FORMAT DD-MON-RR as 2020-01-01 00:00:00 (line 9)
-- OS4016 TABLE FLAGS: character value active used as a number: converted with TO_NUMBER as Oracle does; a row whose text is not a number fails the statement (ORA-01722 in Oracle too) (line 6)
-- OS4015 TABLE FLAGS: character literal '01-JAN-80' used as a DATE: read with NLS_DATE_FORMAT DD-MON-RR as 1980-01-01 00:00:00 (line 10)
-- OS4016 FUNCTION FLAG_ON: character value p_flag used as a number: converted with TO_NUMBER as Oracle does; a row whose text is not a number fails the statement (ORA-01722 in Oracle too) (line 36)
-- OS4016 FUNCTION FLAG_ON: character value l_limit used as a number: converted with TO_NUMBER as Oracle does; a row whose text is not a number fails the statement (ORA-01722 in Oracle too) (line 36)
-- OS4016 VIEW ACTIVE_FLAGS: character value active used as a number: converted with TO_NUMBER as Oracle does; a row whose text is not a number fails the statement (ORA-01722 in Oracle too) (line 14)
-- OS4016 VIEW FLAG_MATH: character value code used as a number: converted with TO_NUMBER as Oracle does; a row whose text is not a number fails the statement (ORA-01722 in Oracle too) (line 17)
-- OS4015 VIEW FLAG_MATH: character literal '2' used as a number: converted to 2 as Oracle does (line 17)
-- OS4016 VIEW FLAG_MATH: character value code used as a number: converted with TO_NUMBER as Oracle does; a row whose text is not a number fails the statement (ORA-01722 in Oracle too) (line 19)
-- OS4015 VIEW RECENT_FLAGS: character literal '15-MAR-85' used as a DATE: read with NLS_DATE_FORMAT DD-MON-RR as 1985-03-15 00:00:00 (line 22)
-- OS4015 VIEW RECENT_FLAGS: character literal '10' used as a number: converted to 10 as Oracle does (line 22)
-- OS4016 VIEW FLAG_LABELS: character value active used as a number: converted with TO_NUMBER as Oracle does; a row whose text is not a number fails the statement (ORA-01722 in Oracle too) (line 25)
-- OS4015 VIEW FLAG_LABELS: DATE created concatenated as text: formatted with NLS_DATE_FORMAT DD-MON-RR as Oracle does (line 25)
-- OS4016 VIEW FLAG_LABELS: character value code used as a number: converted with TO_NUMBER as Oracle does; a row whose text is not a number fails the statement (ORA-01722 in Oracle too) (line 27)
-- OS4016 VIEW OLD_FLAGS: character literal '2000-01-01' used as a DATE does not match NLS_DATE_FORMAT DD-MON-RR (ORA-01861 under that format): read as ISO text, 2000-01-01 00:00:00, as a session with such a date format would; check the value (line 30)
-- OS4016 VIEW OLD_FLAGS: character value active used as a number: converted with TO_NUMBER as Oracle does; a row whose text is not a number fails the statement (ORA-01722 in Oracle too) (line 30)
