-- orashift: Oracle → duckdb

CREATE TABLE "emp" (
  "empno" SMALLINT,
  "ename" VARCHAR,
  "job" VARCHAR,
  "mgr" SMALLINT,
  "hiredate" TIMESTAMP,
  "sal" NUMERIC(7,2),
  "comm" NUMERIC(7,2),
  "deptno" SMALLINT,
  CONSTRAINT "emp_pk" PRIMARY KEY ("empno")
);

CREATE TABLE "dept" (
  "deptno" SMALLINT,
  "dname" VARCHAR,
  "loc" VARCHAR,
  CONSTRAINT "dept_pk" PRIMARY KEY ("deptno")
);

CREATE TABLE "dept_sal_mv" AS
SELECT "d"."dname", SUM("e"."sal") AS "total_sal", COUNT(*) AS "heads" FROM "dept" "d", "emp" "e" WHERE "d"."deptno" = "e"."deptno" GROUP BY "d"."dname";

CREATE TABLE "top_paid_mv" AS
SELECT * FROM (SELECT "ename", "sal" FROM "emp" ORDER BY "sal" DESC NULLS FIRST LIMIT 1) "orashift_sub1" LIMIT 1;

-- action items
-- OS4011 MATERIALIZED VIEW DEPT_SAL_MV: materialized view options not kept: BUILD IMMEDIATE REFRESH COMPLETE ON DEMAND ENABLE QUERY REWRITE (line 19)
-- OS4011 MATERIALIZED VIEW DEPT_SAL_MV: DuckDB has no materialized views: created as a table filled from the query (line 19)
-- OS4011 MATERIALIZED VIEW TOP_PAID_MV: DuckDB has no materialized views: created as a table filled from the query (line 28)
