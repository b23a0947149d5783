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

CREATE VIEW "emp_codes" AS
SELECT "ename", CASE WHEN "comm" IS NULL THEN 'none' WHEN "comm" = 0 THEN 'zero' ELSE 'some' END AS "comm_kind", COALESCE("comm", 0) AS "comm0", CASE WHEN "comm" IS NOT NULL THEN 'y' ELSE 'n' END AS "has_comm", CASE WHEN "mgr" IS NULL THEN 'boss' END AS "boss", CASE WHEN "sal" IS NULL OR "comm" IS NULL THEN NULL ELSE GREATEST("sal", "comm") END AS "top_pay" FROM "emp";

-- action items
