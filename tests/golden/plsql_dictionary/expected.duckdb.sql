-- orashift: Oracle → duckdb

CREATE TABLE "app_log" (
  "id" BIGINT,
  "msg" VARCHAR,
  PRIMARY KEY ("id")
);

-- not converted, see the action items of this object:
-- CREATE VIEW "app_users" AS
-- SELECT "username", "oracle_maintained" FROM "all_users" WHERE "oracle_maintained" = 'N';

-- action items
-- OS6008 PACKAGE APP_META: duckdb has no stored procedures, triggers or packages (line 8)
-- OS6008 PACKAGE BODY APP_META: duckdb has no stored procedures, triggers or packages (line 14)
-- OS6008 FUNCTION ROLE_COUNT: duckdb has no stored procedures, triggers or packages (line 36)
-- OS4013 VIEW APP_USERS: reads all_users, which is not in the converted schema (another schema, a dictionary view or an object not converted): convert it first or rewrite the query (line 6)
