-- orashift: Oracle → postgres

CREATE SEQUENCE "orders_seq";

CREATE TABLE "orders" (
  "id" NUMERIC,
  "status" VARCHAR(10),
  "total" NUMERIC(10,2),
  "changed" TIMESTAMP,
  PRIMARY KEY ("id")
);

CREATE TABLE "order_log" (
  "order_id" NUMERIC,
  "old_status" VARCHAR(10),
  "new_status" VARCHAR(10)
);

ALTER TABLE "orders" ALTER COLUMN "id" SET DEFAULT nextval('"orders_seq"');

CREATE OR REPLACE FUNCTION "orders_status$trigger"()
RETURNS trigger
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
BEGIN
  BEGIN
    INSERT INTO "order_log" VALUES (NEW."id", OLD."status", NEW."status");
  END;
  RETURN NULL;
END
$orashift$;
CREATE OR REPLACE TRIGGER "orders_status" AFTER UPDATE OF "status" ON "orders" FOR EACH ROW
WHEN ((NEW."status" <> OLD."status"))
EXECUTE FUNCTION "orders_status$trigger"();

CREATE OR REPLACE FUNCTION "orders_touch$trigger"()
RETURNS trigger
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
BEGIN
  BEGIN
    IF (TG_OP = 'INSERT') OR (TG_OP = 'UPDATE' AND NEW."total" IS DISTINCT FROM OLD."total") THEN
      NEW."changed" := date_trunc('second', clock_timestamp()::timestamp);
    END IF;
  END;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$orashift$;
CREATE OR REPLACE TRIGGER "orders_touch" BEFORE INSERT OR UPDATE ON "orders" FOR EACH ROW
EXECUTE FUNCTION "orders_touch$trigger"();

-- action items
-- OS6003 TRIGGER ORDERS_BI: trigger ORDERS_BI fills ORDERS.ID from sequence ORDERS_SEQ: converted to a column DEFAULT, trigger not created (Oracle replaced explicit values too; the DEFAULT keeps them) (line 7)
-- OS6002 TRIGGER ORDERS_TOUCH: UPDATING('TOTAL') → the column's value changed (Oracle: named in the SET list) (line 25)
-- OS6001 TRIGGER ORDERS_COMPOUND: compound trigger: split it into one trigger per timing point (line 31)
