-- orashift: Oracle → redshift

-- no join evidence: DISTSTYLE AUTO
-- SORTKEY on the primary key for joins and lookups
CREATE TABLE "flags" (
  "id" INTEGER ENCODE RAW,
  "active" VARCHAR(1) DEFAULT 0 ENCODE ZSTD,
  "code" VARCHAR(10) ENCODE ZSTD,
  "qty" NUMERIC(7,2) ENCODE AZ64,
  "created" TIMESTAMP DEFAULT TIMESTAMP '2020-01-01 00:00:00' ENCODE AZ64,
  CONSTRAINT "flags_pk" PRIMARY KEY ("id")
)
DISTSTYLE AUTO
COMPOUND SORTKEY ("id");

-- orashift: default (atomic) transaction mode: no handler continues after an error
CREATE OR REPLACE PROCEDURE "flag_on"("p_flag" varchar(65535), INOUT "orashift_result" numeric(38,10))
AS $$
DECLARE
  "l_limit" varchar(10) := '5';
BEGIN
  IF CAST("p_flag" AS DECIMAL(38,10)) = 1 AND CAST("l_limit" AS DECIMAL(38,10)) > 2 THEN
    "orashift_result" := 1;
    RETURN;
  END IF;
  "orashift_result" := 0;
  RETURN;
END
$$ LANGUAGE plpgsql;

CREATE VIEW "active_flags" AS
SELECT "id", "code" FROM "flags" WHERE CAST("active" AS DECIMAL(38,10)) = 1;

CREATE VIEW "flag_math" AS
SELECT "id", CAST("code" AS DECIMAL(38,10)) + 1 AS "code_plus", "qty" * 2 AS "qty_twice" FROM "flags" WHERE CAST("code" AS DECIMAL(38,10)) BETWEEN 10 AND 99;

CREATE VIEW "recent_flags" AS
SELECT "id" FROM "flags" WHERE "created" > TIMESTAMP '1985-03-15 00:00:00' AND "qty" = 10;

CREATE VIEW "flag_labels" AS
SELECT "id", DECODE(CAST("active" AS DECIMAL(38,10)), 1, 'on', 0, 'off', 'unknown') AS "label", ('created ' || COALESCE(CAST(TO_CHAR("created", 'DD-MON-YY') AS VARCHAR(MAX)), '')) AS "created_text" FROM "flags" WHERE CAST("code" AS DECIMAL(38,10)) IN (10, 20, 30);

CREATE VIEW "old_flags" AS
SELECT "id" FROM "flags" WHERE "created" < TIMESTAMP '2000-01-01 00:00:00' AND CAST("active" AS DECIMAL(38,10)) <> 1;

-- action items
-- OS1004 TABLE FLAGS: column ACTIVE CHAR(1) → VARCHAR(1) (line 6)
-- OS4015 TABLE FLAGS: column CREATED DEFAULT: '01-JAN-2020' read with NLS_DATE_FORMAT DD-MON-RR as 2020-01-01 00:00:00 (line 9)
-- OS2002 TABLE FLAGS: PRIMARY KEY FLAGS_PK (line 5)
-- OS2004 TABLE FLAGS: CHECK (active IN (0, 1)) (line 6)
-- OS2004 TABLE FLAGS: CHECK (created >= '01-JAN-80') (line 10)
-- OS6002 FUNCTION FLAG_ON: function FLAG_ON is more than one expression: on Redshift a procedure whose last argument (INOUT orashift_result) returns the value; queries cannot call it (each such call is flagged where it is) (line 33)
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
