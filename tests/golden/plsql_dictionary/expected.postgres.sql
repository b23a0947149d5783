-- orashift: Oracle → postgres

CREATE TABLE "app_log" (
  "id" BIGINT,
  "msg" VARCHAR(200),
  PRIMARY KEY ("id")
);

CREATE SCHEMA IF NOT EXISTS "orashift_dictionary";
CREATE OR REPLACE VIEW "orashift_dictionary"."nls_session_parameters" AS
SELECT "parameter"::varchar(30), "value"::varchar(64)
FROM (
SELECT parameter::varchar(30) AS parameter, value::varchar(64) AS value
FROM (VALUES ('NLS_LANGUAGE', 'AMERICAN'), ('NLS_TERRITORY', 'AMERICA'), ('NLS_CURRENCY', '$'), ('NLS_ISO_CURRENCY', 'AMERICA'),
  ('NLS_NUMERIC_CHARACTERS', '.,'), ('NLS_CALENDAR', 'GREGORIAN'), ('NLS_DATE_FORMAT', 'DD-MON-RR'),
  ('NLS_DATE_LANGUAGE', 'AMERICAN'), ('NLS_SORT', 'BINARY'), ('NLS_TIME_FORMAT', 'HH.MI.SSXFF AM'),
  ('NLS_TIMESTAMP_FORMAT', 'DD-MON-RR HH.MI.SSXFF AM'), ('NLS_TIME_TZ_FORMAT', 'HH.MI.SSXFF AM TZR'),
  ('NLS_TIMESTAMP_TZ_FORMAT', 'DD-MON-RR HH.MI.SSXFF AM TZR'), ('NLS_DUAL_CURRENCY', '$'), ('NLS_COMP', 'BINARY'),
  ('NLS_LENGTH_SEMANTICS', 'BYTE'), ('NLS_NCHAR_CONV_EXCP', 'FALSE')) AS p(parameter, value)
) v;

CREATE SCHEMA IF NOT EXISTS "orashift_dictionary";
CREATE OR REPLACE VIEW "orashift_dictionary"."user_objects" AS
SELECT "object_name"::varchar(128), "subobject_name"::varchar(128), "object_id"::numeric, "data_object_id"::numeric, "object_type"::varchar(23), "created"::timestamp, "last_ddl_time"::timestamp, "timestamp"::varchar(19), "status"::varchar(7), "temporary"::varchar(1), "generated"::varchar(1), "secondary"::varchar(1)
FROM (
SELECT "object_name", "subobject_name", "object_id", "data_object_id", "object_type", "created", "last_ddl_time", "timestamp", "status", "temporary", "generated", "secondary" FROM (SELECT upper(o.owner)::varchar(128) AS owner, o.object_name::varchar(128) AS object_name,
       NULL::varchar(128) AS subobject_name, o.object_id::bigint::numeric AS object_id,
       (CASE WHEN o.object_type IN ('TABLE', 'INDEX', 'MATERIALIZED VIEW') THEN o.object_id::bigint END)::numeric AS data_object_id,
       o.object_type::varchar(23) AS object_type, NULL::timestamp AS created, NULL::timestamp AS last_ddl_time,
       NULL::varchar(19) AS "timestamp", 'VALID'::varchar(7) AS status, o.temporary::varchar(1) AS temporary,
       'N'::varchar(1) AS generated, 'N'::varchar(1) AS secondary
FROM (
  SELECT pg_get_userbyid(c.relowner) AS owner, CASE WHEN c.relname = lower(c.relname) THEN upper(c.relname) ELSE c.relname END AS object_name, c.oid AS object_id,
         CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE'
                        WHEN 'i' THEN 'INDEX' WHEN 'I' THEN 'INDEX' ELSE 'TABLE' END AS object_type,
         CASE WHEN c.relpersistence = 't' THEN 'Y' ELSE 'N' END AS temporary, c.relnamespace AS ns
  FROM pg_class c WHERE c.relkind IN ('r', 'p', 'f', 'v', 'm', 'S', 'i', 'I')
  UNION ALL
  SELECT pg_get_userbyid(p.proowner), CASE WHEN p.proname = lower(p.proname) THEN upper(p.proname) ELSE p.proname END, p.oid,
         CASE p.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END, 'N', p.pronamespace
  FROM pg_proc p WHERE p.prokind IN ('f', 'p') AND p.prorettype <> 'trigger'::regtype
    AND p.proname NOT LIKE 'orashift\_%' AND NOT EXISTS (SELECT 1 FROM pg_namespace pn WHERE pn.oid = p.pronamespace AND obj_description(pn.oid, 'pg_namespace') LIKE 'orashift: Oracle %')
  UNION ALL
  SELECT pg_get_userbyid(t.typowner), CASE WHEN t.typname = lower(t.typname) THEN upper(t.typname) ELSE t.typname END, t.oid, 'TYPE', 'N', t.typnamespace
  FROM pg_type t WHERE (t.typtype = 'd' OR (t.typtype = 'c' AND (SELECT r.relkind FROM pg_class r WHERE r.oid = t.typrelid) = 'c'))
    AND NOT EXISTS (SELECT 1 FROM pg_namespace pn WHERE pn.oid = t.typnamespace AND obj_description(pn.oid, 'pg_namespace') LIKE 'orashift: Oracle %')
  UNION ALL
  SELECT pg_get_userbyid(n.nspowner), CASE WHEN n.nspname = lower(n.nspname) THEN upper(n.nspname) ELSE n.nspname END, n.oid, 'PACKAGE', 'N', n.oid
  FROM pg_namespace n WHERE obj_description(n.oid, 'pg_namespace') = 'orashift: Oracle PACKAGE' OR obj_description(n.oid, 'pg_namespace') = 'orashift: Oracle PACKAGE BODY'
  UNION ALL
  SELECT pg_get_userbyid(n.nspowner), CASE WHEN n.nspname = lower(n.nspname) THEN upper(n.nspname) ELSE n.nspname END, n.oid, 'PACKAGE BODY', 'N', n.oid
  FROM pg_namespace n WHERE obj_description(n.oid, 'pg_namespace') = 'orashift: Oracle PACKAGE BODY'
  UNION ALL
  SELECT pg_get_userbyid(n.nspowner), CASE WHEN n.nspname = lower(n.nspname) THEN upper(n.nspname) ELSE n.nspname END, n.oid, 'TYPE BODY', 'N', n.oid
  FROM pg_namespace n WHERE obj_description(n.oid, 'pg_namespace') = 'orashift: Oracle TYPE BODY'
  UNION ALL
  SELECT pg_get_userbyid(c.relowner), CASE WHEN g.tgname = lower(g.tgname) THEN upper(g.tgname) ELSE g.tgname END, g.oid, 'TRIGGER', 'N', c.relnamespace
  FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid WHERE NOT g.tgisinternal
) o JOIN pg_namespace n ON n.oid = o.ns
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'orashift_dictionary') AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp%'
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = o.object_id AND d.deptype = 'e')) a WHERE a.owner = upper(current_user)
) v;

CREATE SCHEMA IF NOT EXISTS "app_meta";
COMMENT ON SCHEMA "app_meta" IS 'orashift: Oracle PACKAGE';

CREATE OR REPLACE FUNCTION "app_meta"."orashift$init"()
RETURNS void
LANGUAGE plpgsql
AS $orashift$
BEGIN
  IF current_setting('orashift.app_meta__orashift_init', true) = 'y' THEN
    RETURN;
  END IF;
  PERFORM set_config('orashift.app_meta__orashift_init', 'y', false);
END
$orashift$;

CREATE SCHEMA IF NOT EXISTS "app_meta";
CREATE OR REPLACE FUNCTION "app_meta"."orashift$init"()
RETURNS void
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
BEGIN
  IF current_setting('orashift.app_meta__orashift_init', true) = 'y' THEN
    RETURN;
  END IF;
  PERFORM set_config('orashift.app_meta__orashift_init', 'y', false);
END
$orashift$;
COMMENT ON SCHEMA "app_meta" IS 'orashift: Oracle PACKAGE BODY';

CREATE OR REPLACE FUNCTION "app_meta"."object_count"("p_type" text)
RETURNS numeric
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
DECLARE
  "l_count" numeric;
BEGIN
  SELECT COUNT(*) INTO STRICT "l_count" FROM "orashift_dictionary"."user_objects" WHERE "object_type" = "p_type";
  RETURN "l_count";
END
$orashift$;

CREATE OR REPLACE FUNCTION "app_meta"."decimal_separator"()
RETURNS text
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
DECLARE
  "l_value" varchar(10);
BEGIN
  SELECT SUBSTR("value", 1, 1) INTO STRICT "l_value" FROM "orashift_dictionary"."nls_session_parameters" WHERE "parameter" = 'NLS_NUMERIC_CHARACTERS';
  RETURN "l_value";
END
$orashift$;

CREATE OR REPLACE FUNCTION "app_meta"."current_schema_name"()
RETURNS text
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
DECLARE
  "c_schema" CONSTANT varchar(128) := upper(current_schema());
BEGIN
  RETURN "c_schema";
END
$orashift$;

-- not converted, see the action items of this object:
-- CREATE OR REPLACE FUNCTION "role_count"()
-- RETURNS numeric
-- LANGUAGE plpgsql
-- AS $orashift$
-- #variable_conflict use_column
-- DECLARE
--   "l_count" numeric;
-- BEGIN
--   SELECT COUNT(*) INTO STRICT "l_count" FROM "session_roles";
--   RETURN "l_count";
-- END
-- $orashift$;

CREATE SCHEMA IF NOT EXISTS "orashift_dictionary";
CREATE OR REPLACE VIEW "orashift_dictionary"."all_users" AS
SELECT "username"::varchar(128), "user_id"::numeric, "created"::timestamp, "common"::varchar(3), "oracle_maintained"::varchar(1)
FROM (
SELECT (CASE WHEN r.rolname = lower(r.rolname) THEN upper(r.rolname) ELSE r.rolname END)::varchar(128) AS username, r.oid::bigint::numeric AS user_id,
       NULL::timestamp AS created, 'NO'::varchar(3) AS common,
       (CASE WHEN r.rolname LIKE 'pg\_%' OR r.oid = 10 THEN 'Y' ELSE 'N' END)::varchar(1) AS oracle_maintained
FROM pg_roles r WHERE r.rolcanlogin OR r.rolname LIKE 'pg\_%'
) v;

CREATE VIEW "app_users" AS
SELECT "username", "oracle_maintained" FROM "orashift_dictionary"."all_users" WHERE "oracle_maintained" = 'N';

-- action items
-- OS4017 PACKAGE BODY APP_META: USER_OBJECTS is emulated from pg_catalog: from pg_catalog: OWNER is the owning role, packages and type bodies are their schemas, STATUS is always VALID (PostgreSQL keeps no invalid objects), CREATED, LAST_DDL_TIME and TIMESTAMP are NULL (no DDL history), SUBOBJECT_NAME (partitions) is NULL; the current user's objects (line 18)
-- OS4017 PACKAGE BODY APP_META: NLS_SESSION_PARAMETERS is emulated from pg_catalog: fixed values: Oracle's defaults for AMERICAN_AMERICA, NLS_DATE_FORMAT as the conversion assumed it; ALTER SESSION SET NLS_… does not change them (line 24)
-- OS4013 FUNCTION ROLE_COUNT: reads session_roles, which is not in the converted schema (another schema, a dictionary view or an object not converted): convert it first or rewrite the query (line 39)
-- OS4017 VIEW APP_USERS: ALL_USERS is emulated from pg_catalog: from pg_roles: every role that can log in; CREATED is NULL; ORACLE_MAINTAINED is Y for PostgreSQL's predefined roles and the bootstrap superuser (line 6)
