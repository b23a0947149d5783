-- orashift: Oracle → redshift

-- no join evidence: DISTSTYLE AUTO
-- SORTKEY on the primary key for joins and lookups
CREATE TABLE "emp" (
  "empno" SMALLINT ENCODE RAW,
  "ename" VARCHAR(10) ENCODE ZSTD,
  "job" VARCHAR(9) ENCODE ZSTD,
  "mgr" SMALLINT ENCODE AZ64,
  "hiredate" TIMESTAMP ENCODE AZ64,
  "sal" NUMERIC(7,2) ENCODE AZ64,
  "comm" NUMERIC(7,2) ENCODE AZ64,
  "deptno" SMALLINT ENCODE AZ64,
  CONSTRAINT "emp_pk" PRIMARY KEY ("empno")
)
DISTSTYLE AUTO
COMPOUND SORTKEY ("empno");

-- no join evidence: DISTSTYLE AUTO
-- SORTKEY on the primary key for joins and lookups
CREATE TABLE "dept" (
  "deptno" SMALLINT ENCODE RAW,
  "dname" VARCHAR(14) ENCODE ZSTD,
  "loc" VARCHAR(13) ENCODE ZSTD,
  CONSTRAINT "dept_pk" PRIMARY KEY ("deptno")
)
DISTSTYLE AUTO
COMPOUND SORTKEY ("deptno");

CREATE VIEW "emp_label" AS
SELECT (COALESCE("ename", '') || ' (' || COALESCE("job", '') || ')') AS "label", NULLIF((COALESCE(CAST("comm" AS VARCHAR(MAX)), '')), '') AS "comm_text", SUBSTR("ename", CASE WHEN -3 > 0 THEN -3 WHEN -3 = 0 THEN 1 ELSE LENGTH("ename") + -3 + 1 END) AS "tail", STRPOS("ename", 'A') AS "a_pos" FROM "emp" WHERE "job" <> NULL OR "job" IS NOT NULL;

CREATE VIEW "dept_names" AS
SELECT "deptno", LISTAGG("ename", ',') WITHIN GROUP (ORDER BY "ename") AS "names" FROM "emp" GROUP BY "deptno";

CREATE VIEW "empty_depts" AS
SELECT "deptno" FROM "dept" EXCEPT SELECT "deptno" FROM "emp";

CREATE VIEW "right_now" AS
SELECT GETDATE() AS "now", SYSDATE AS "ts";

-- action items
-- OS2002 TABLE EMP: PRIMARY KEY EMP_PK (line 4)
-- OS2002 TABLE DEPT: PRIMARY KEY DEPT_PK (line 14)
