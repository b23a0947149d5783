-- orashift: Oracle → postgres

CREATE TABLE "accounts" (
  "id" BIGINT,
  "owner" VARCHAR(40) NOT NULL,
  "balance" NUMERIC(12,2) DEFAULT 0,
  "opened" TIMESTAMP,
  PRIMARY KEY ("id")
);

CREATE OR REPLACE FUNCTION "orashift_output_put"(line text, complete boolean)
RETURNS void
LANGUAGE plpgsql
AS $orashift$
DECLARE
  part text;
BEGIN
  IF current_setting('orashift.output_read', true) = 'on' THEN
    PERFORM set_config('orashift.output_lines', '[]', false);
    PERFORM set_config('orashift.output_read', 'off', false);
  END IF;
  part := COALESCE(current_setting('orashift.output_partial', true), '') || COALESCE(line, '');
  IF NOT complete THEN
    PERFORM set_config('orashift.output_partial', part, false);
    RETURN;
  END IF;
  PERFORM set_config('orashift.output_partial', '', false);
  RAISE NOTICE '%', part;
  IF current_setting('orashift.output_enabled', true) = 'on' THEN
    PERFORM set_config('orashift.output_lines',
                       (COALESCE(NULLIF(current_setting('orashift.output_lines', true), ''), '[]')::jsonb
                        || to_jsonb(part))::text, false);
  END IF;
END
$orashift$;

CREATE OR REPLACE PROCEDURE "deposit"("p_id" bigint, "p_amount" numeric)
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
DECLARE
  "sql%rowcount" integer := 0;
  "v_row" "accounts";
BEGIN
  SELECT * INTO STRICT "v_row" FROM "accounts" WHERE "id" = "p_id";
  GET DIAGNOSTICS "sql%rowcount" = ROW_COUNT;
  IF "p_amount" <= 0 THEN
    RAISE EXCEPTION USING ERRCODE = 'OR010', MESSAGE = 'amount must be positive';
  ELSIF "p_amount" > 10000 THEN
    PERFORM "orashift_output_put"((CONCAT('large deposit for ', "v_row"."owner"))::text, true);
  END IF;
  UPDATE "accounts" SET "balance" = "balance" + "p_amount" WHERE "id" = "p_id";
  GET DIAGNOSTICS "sql%rowcount" = ROW_COUNT;
  PERFORM "orashift_output_put"((CONCAT("sql%rowcount", ' row(s)'))::text, true);
EXCEPTION
  WHEN no_data_found THEN
    RAISE EXCEPTION USING ERRCODE = 'OR011', MESSAGE = COALESCE(CONCAT('no account ', "p_id"), '');
END
$orashift$;

CREATE OR REPLACE FUNCTION "account_age"("p_id" numeric)
RETURNS numeric
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
DECLARE
  "v_opened" timestamp;
BEGIN
  SELECT "opened" INTO STRICT "v_opened" FROM "accounts" WHERE "id" = "p_id";
  RETURN TRUNC(trim_scale((EXTRACT(EPOCH FROM date_trunc('second', clock_timestamp()::timestamp)) - EXTRACT(EPOCH FROM "v_opened")) / 86400));
END
$orashift$;

-- not converted, see the action items of this object:
-- CREATE OR REPLACE PROCEDURE "purge"("p_table" text)
-- LANGUAGE plpgsql
-- AS $orashift$
-- #variable_conflict use_column
-- BEGIN
--   EXECUTE CONCAT('DELETE FROM ', "p_table");
--   NULL;
-- END
-- $orashift$;

-- action items
-- OS6002 PROCEDURE DEPOSIT: a handled error rolls back every change of this block in PostgreSQL (a subtransaction); Oracle rolls back only the failed statement (line 22)
-- OS6010 PROCEDURE PURGE: dynamic SQL built at run time: 'DELETE FROM ' || p_table (line 37)
-- OS6001 PROCEDURE PURGE: GOTO again: restructure with loops, EXIT or IF (line 40)
