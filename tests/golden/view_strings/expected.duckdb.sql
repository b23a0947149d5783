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

CREATE VIEW "emp_label" AS
SELECT CONCAT("ename", ' (', "job", ')') AS "label", NULLIF(CONCAT("comm"), '') AS "comm_text", SUBSTR("ename", CASE WHEN -3 > 0 THEN -3 WHEN -3 = 0 THEN 1 ELSE LENGTH("ename") + -3 + 1 END) AS "tail", STRPOS("ename", 'A') AS "a_pos" FROM "emp" WHERE "job" <> NULL OR "job" IS NOT NULL;

CREATE VIEW "dept_names" AS
SELECT "deptno", STRING_AGG("ename", ',' ORDER BY "ename" NULLS LAST) AS "names" FROM "emp" GROUP BY "deptno";

CREATE VIEW "empty_depts" AS
SELECT "deptno" FROM "dept" EXCEPT SELECT "deptno" FROM "emp";

CREATE VIEW "right_now" AS
SELECT CAST(date_trunc('second', current_localtimestamp()) AS TIMESTAMP) AS "now", CURRENT_TIMESTAMP AS "ts";

-- action items
