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

CREATE VIEW "emp_dates" AS
SELECT "ename", DATEADD(second, CAST(ROUND((30) * 86400) AS INTEGER), "hiredate") AS "probation_end", DATE_TRUNC('month', "hiredate") AS "hire_month", ADD_MONTHS("hiredate", 1) AS "plus_month", DATEADD(second, DATEDIFF(second, DATE_TRUNC('day', "hiredate"), "hiredate"), CAST(LAST_DAY("hiredate") AS TIMESTAMP)) AS "month_end", NEXT_DAY("hiredate", 'MONDAY') AS "next_monday", TO_CHAR("hiredate", 'YYYY-MM-DD') AS "hired", TO_CHAR("hiredate", 'DD-MON-YYYY') AS "hired_mon", (DATEDIFF(second, "hiredate", CAST(TO_TIMESTAMP('2000-01-01', 'YYYY-MM-DD') AS TIMESTAMP)) / 86400.0) AS "days_to_2000", MONTHS_BETWEEN(CAST(TO_TIMESTAMP('01/01/1990', 'MM/DD/YYYY') AS TIMESTAMP), "hiredate") AS "months_to_1990", EXTRACT(YEAR FROM "hiredate") AS "hire_year", DATEADD(second, -CAST(ROUND((0.5) * 86400) AS INTEGER), "hiredate") AS "half_day_before" FROM "emp";

CREATE VIEW "quarter_of_hire" AS
SELECT "ename", TO_CHAR("hiredate", 'YYYY"Q"Q') AS "q" FROM "emp";

-- action items
-- OS2002 TABLE EMP: PRIMARY KEY EMP_PK (line 4)
-- OS2002 TABLE DEPT: PRIMARY KEY DEPT_PK (line 14)
