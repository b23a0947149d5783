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

CREATE VIEW "emp_codes" AS
SELECT "ename", DECODE("comm", NULL, 'none', 0, 'zero', 'some') AS "comm_kind", NVL("comm", 0) AS "comm0", NVL2("comm", 'y', 'n') AS "has_comm", DECODE("mgr", NULL, 'boss') AS "boss", CASE WHEN "sal" IS NULL OR "comm" IS NULL THEN NULL ELSE GREATEST("sal", "comm") END AS "top_pay" FROM "emp";

-- action items
-- OS2002 TABLE EMP: PRIMARY KEY EMP_PK (line 3)
-- OS2002 TABLE DEPT: PRIMARY KEY DEPT_PK (line 13)
