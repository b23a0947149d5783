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

CREATE VIEW "top3_paid" AS
SELECT * FROM (SELECT "ename", "sal" FROM "emp" ORDER BY "sal" DESC, "ename" LIMIT 3) "orashift_sub1" LIMIT 3;

CREATE VIEW "first_two" AS
SELECT "ename" FROM "emp" LIMIT 2;

CREATE VIEW "numbered" AS
SELECT ROW_NUMBER() OVER () AS "rn", "ename" FROM "emp";

-- not converted, see the action items of this object:
-- CREATE VIEW "never_rows" AS
-- SELECT "ename" FROM "emp" WHERE ROW_NUMBER() OVER () > 1;

-- action items
-- OS2002 TABLE EMP: PRIMARY KEY EMP_PK (line 4)
-- OS2002 TABLE DEPT: PRIMARY KEY DEPT_PK (line 14)
-- OS4001 VIEW NEVER_ROWS: ROWNUM used where it cannot become LIMIT; printed as ROW_NUMBER() OVER (), numbered before any ORDER BY like Oracle, but filters on it need rewriting (line 29)
