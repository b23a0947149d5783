-- orashift: Oracle → redshift

-- no join evidence: DISTSTYLE AUTO
-- SORTKEY on the primary key for joins and lookups
CREATE TABLE "accounts" (
  "id" BIGINT ENCODE RAW,
  "owner" VARCHAR(40) ENCODE ZSTD NOT NULL,
  "balance" NUMERIC(12,2) DEFAULT 0 ENCODE AZ64,
  "opened" TIMESTAMP ENCODE AZ64,
  PRIMARY KEY ("id")
)
DISTSTYLE AUTO
COMPOUND SORTKEY ("id");

-- orashift: default (atomic) transaction mode: no handler continues after an error
CREATE OR REPLACE PROCEDURE "deposit"("p_id" bigint, "p_amount" numeric(38,10))
AS $$
DECLARE
  "sql%rowcount" integer := 0;
  "v_row" record;
  "orashift_msg" varchar(65535);
BEGIN
  SELECT * INTO "v_row" FROM "accounts" WHERE "id" = "p_id";
  GET DIAGNOSTICS "sql%rowcount" = ROW_COUNT;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'ORA-01403: no data found';
  END IF;
  IF "p_amount" <= 0 THEN
    RAISE EXCEPTION 'ORA-20010: amount must be positive';
  ELSIF "p_amount" > 10000 THEN
    "orashift_msg" := ('large deposit for ' || COALESCE("v_row"."owner", ''));
    RAISE INFO '%', "orashift_msg";
  END IF;
  UPDATE "accounts" SET "balance" = "balance" + "p_amount" WHERE "id" = "p_id";
  GET DIAGNOSTICS "sql%rowcount" = ROW_COUNT;
  "orashift_msg" := (COALESCE(CAST("sql%rowcount" AS VARCHAR(MAX)), '') || ' row(s)');
  RAISE INFO '%', "orashift_msg";
EXCEPTION
  WHEN OTHERS THEN
    IF SQLERRM LIKE 'ORA-01403:%' THEN
      "orashift_msg" := ('no account ' || COALESCE(CAST("p_id" AS VARCHAR(MAX)), ''));
      RAISE EXCEPTION 'ORA-20011: %', "orashift_msg";
    ELSE
      RAISE;
    END IF;
END
$$ LANGUAGE plpgsql;

-- orashift: default (atomic) transaction mode: no handler continues after an error
CREATE OR REPLACE PROCEDURE "account_age"("p_id" numeric(38,10), INOUT "orashift_result" numeric(38,10))
AS $$
DECLARE
  "v_opened" timestamp;
BEGIN
  SELECT "opened" INTO "v_opened" FROM "accounts" WHERE "id" = "p_id";
  IF NOT FOUND THEN
    RAISE EXCEPTION 'ORA-01403: no data found';
  END IF;
  "orashift_result" := TRUNC((DATEDIFF(second, "v_opened", GETDATE()) / 86400.0));
  RETURN;
END
$$ LANGUAGE plpgsql;

-- not converted, see the action items of this object:
-- -- orashift: default (atomic) transaction mode: no handler continues after an error
-- CREATE OR REPLACE PROCEDURE "purge"("p_table" varchar(65535))
-- AS $$
-- BEGIN
--   EXECUTE ('DELETE FROM ' || COALESCE("p_table", ''));
--   NULL;
-- END
-- $$ LANGUAGE plpgsql;

-- action items
-- OS2002 TABLE ACCOUNTS: PRIMARY KEY  (line 4)
-- OS6002 PROCEDURE DEPOSIT: SELECT INTO on Redshift keeps the first of several rows where Oracle raises TOO_MANY_ROWS (no row still raises NO_DATA_FOUND: checked after each SELECT INTO) (line 13)
-- OS6002 PROCEDURE DEPOSIT: on Redshift entering a handler rolls back the whole transaction (no subtransactions): every change made before the error is undone, not only the failed statement's (line 22)
-- OS6002 FUNCTION ACCOUNT_AGE: function ACCOUNT_AGE is more than one expression: on Redshift a procedure whose last argument (INOUT orashift_result) returns the value; queries cannot call it (each such call is flagged where it is) (line 27)
-- OS6002 FUNCTION ACCOUNT_AGE: SELECT INTO on Redshift keeps the first of several rows where Oracle raises TOO_MANY_ROWS (no row still raises NO_DATA_FOUND: checked after each SELECT INTO) (line 30)
-- OS6010 PROCEDURE PURGE: dynamic SQL built at run time: 'DELETE FROM ' || p_table (line 37)
-- OS6001 PROCEDURE PURGE: GOTO again: restructure with loops, EXIT or IF (line 40)
