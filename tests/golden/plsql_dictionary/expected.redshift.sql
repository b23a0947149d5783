-- orashift: Oracle → redshift

-- no join evidence: DISTSTYLE AUTO
-- SORTKEY on the primary key for joins and lookups
CREATE TABLE "app_log" (
  "id" BIGINT ENCODE RAW,
  "msg" VARCHAR(200) ENCODE ZSTD,
  PRIMARY KEY ("id")
)
DISTSTYLE AUTO
COMPOUND SORTKEY ("id");

CREATE SCHEMA IF NOT EXISTS "app_meta";

-- not converted, see the action items of this object:
-- CREATE SCHEMA IF NOT EXISTS "app_meta";

-- not converted, see the action items of this object:
-- -- orashift: default (atomic) transaction mode: no handler continues after an error
-- CREATE OR REPLACE PROCEDURE "app_meta"."object_count"("p_type" varchar(65535), INOUT "orashift_result" numeric(38,10))
-- AS $$
-- DECLARE
--   "l_count" numeric(38,10);
-- BEGIN
--   SELECT COUNT(*) INTO "l_count" FROM "user_objects" WHERE "object_type" = "p_type";
--   IF NOT FOUND THEN
--     RAISE EXCEPTION 'ORA-01403: no data found';
--   END IF;
--   "orashift_result" := "l_count";
--   RETURN;
-- END
-- $$ LANGUAGE plpgsql;

-- not converted, see the action items of this object:
-- -- orashift: default (atomic) transaction mode: no handler continues after an error
-- CREATE OR REPLACE PROCEDURE "app_meta"."decimal_separator"(INOUT "orashift_result" varchar(65535))
-- AS $$
-- DECLARE
--   "l_value" varchar(10);
-- BEGIN
--   SELECT SUBSTR("value", 1, 1) INTO "l_value" FROM "nls_session_parameters" WHERE "parameter" = 'NLS_NUMERIC_CHARACTERS';
--   IF NOT FOUND THEN
--     RAISE EXCEPTION 'ORA-01403: no data found';
--   END IF;
--   "orashift_result" := "l_value";
--   RETURN;
-- END
-- $$ LANGUAGE plpgsql;

-- not converted, see the action items of this object:
-- -- orashift: default (atomic) transaction mode: no handler continues after an error
-- CREATE OR REPLACE PROCEDURE "app_meta"."current_schema_name"(INOUT "orashift_result" varchar(65535))
-- AS $$
-- DECLARE
--   "c_schema" CONSTANT text := current_schema();
-- BEGIN
--   "orashift_result" := "c_schema";
--   RETURN;
-- END
-- $$ LANGUAGE plpgsql;

-- not converted, see the action items of this object:
-- -- orashift: default (atomic) transaction mode: no handler continues after an error
-- CREATE OR REPLACE PROCEDURE "role_count"(INOUT "orashift_result" numeric(38,10))
-- AS $$
-- DECLARE
--   "l_count" numeric(38,10);
-- BEGIN
--   SELECT COUNT(*) INTO "l_count" FROM "session_roles";
--   IF NOT FOUND THEN
--     RAISE EXCEPTION 'ORA-01403: no data found';
--   END IF;
--   "orashift_result" := "l_count";
--   RETURN;
-- END
-- $$ LANGUAGE plpgsql;

-- not converted, see the action items of this object:
-- CREATE VIEW "app_users" AS
-- SELECT "username", "oracle_maintained" FROM "all_users" WHERE "oracle_maintained" = 'N';

-- action items
-- OS2002 TABLE APP_LOG: PRIMARY KEY  (line 3)
-- OS6002 PACKAGE BODY APP_META: function APP_META.OBJECT_COUNT is more than one expression: on Redshift a procedure whose last argument (INOUT orashift_result) returns the value; queries cannot call it (each such call is flagged where it is) (line 15)
-- OS4013 PACKAGE BODY APP_META: reads sys.user_objects, which is not in the converted schema (another schema, a dictionary view or an object not converted): convert it first or rewrite the query (line 18)
-- OS6002 PACKAGE BODY APP_META: SELECT INTO on Redshift keeps the first of several rows where Oracle raises TOO_MANY_ROWS (no row still raises NO_DATA_FOUND: checked after each SELECT INTO) (line 18)
-- OS6002 PACKAGE BODY APP_META: function APP_META.DECIMAL_SEPARATOR is more than one expression: on Redshift a procedure whose last argument (INOUT orashift_result) returns the value; queries cannot call it (each such call is flagged where it is) (line 21)
-- OS4013 PACKAGE BODY APP_META: reads nls_session_parameters, which is not in the converted schema (another schema, a dictionary view or an object not converted): convert it first or rewrite the query (line 24)
-- OS6002 PACKAGE BODY APP_META: function APP_META.CURRENT_SCHEMA_NAME is more than one expression: on Redshift a procedure whose last argument (INOUT orashift_result) returns the value; queries cannot call it (each such call is flagged where it is) (line 27)
-- OS6001 PACKAGE BODY APP_META: variable C_SCHEMA: type all_tables.owner%TYPE not resolved (line 28)
-- OS6002 FUNCTION ROLE_COUNT: function ROLE_COUNT is more than one expression: on Redshift a procedure whose last argument (INOUT orashift_result) returns the value; queries cannot call it (each such call is flagged where it is) (line 36)
-- OS4013 FUNCTION ROLE_COUNT: reads session_roles, which is not in the converted schema (another schema, a dictionary view or an object not converted): convert it first or rewrite the query (line 39)
-- OS6002 FUNCTION ROLE_COUNT: SELECT INTO on Redshift keeps the first of several rows where Oracle raises TOO_MANY_ROWS (no row still raises NO_DATA_FOUND: checked after each SELECT INTO) (line 39)
-- OS4013 VIEW APP_USERS: reads all_users, which is not in the converted schema (another schema, a dictionary view or an object not converted): convert it first or rewrite the query (line 6)
