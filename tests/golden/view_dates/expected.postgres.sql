-- orashift: Oracle → postgres

CREATE TABLE "emp" (
  "empno" SMALLINT,
  "ename" VARCHAR(10),
  "job" VARCHAR(9),
  "mgr" SMALLINT,
  "hiredate" TIMESTAMP,
  "sal" NUMERIC(7,2),
  "comm" NUMERIC(7,2),
  "deptno" SMALLINT,
  CONSTRAINT "emp_pk" PRIMARY KEY ("empno")
);

CREATE TABLE "dept" (
  "deptno" SMALLINT,
  "dname" VARCHAR(14),
  "loc" VARCHAR(13),
  CONSTRAINT "dept_pk" PRIMARY KEY ("deptno")
);

CREATE VIEW "emp_dates" AS
SELECT "ename", ("hiredate" + (30) * INTERVAL '1 day') AS "probation_end", DATE_TRUNC('month', "hiredate") AS "hire_month", ("hiredate" + CAST(TRUNC(1) AS INTEGER) * INTERVAL '1 month') AS "plus_month", (DATE_TRUNC('month', "hiredate") + INTERVAL '1 month' - INTERVAL '1 day' + ("hiredate" - DATE_TRUNC('day', "hiredate"))) AS "month_end", ("hiredate" + ((7 - CAST(EXTRACT(DOW FROM "hiredate") AS INTEGER)) % 7 + 1) * INTERVAL '1 day') AS "next_monday", TO_CHAR("hiredate", 'YYYY-MM-DD') AS "hired", TO_CHAR("hiredate", 'DD-MON-YYYY') AS "hired_mon", trim_scale((EXTRACT(EPOCH FROM CAST(TO_TIMESTAMP('2000-01-01', 'YYYY-MM-DD') AS TIMESTAMP)) - EXTRACT(EPOCH FROM "hiredate")) / 86400) AS "days_to_2000", ((EXTRACT(YEAR FROM CAST(TO_TIMESTAMP('01/01/1990', 'MM/DD/YYYY') AS TIMESTAMP)) - EXTRACT(YEAR FROM "hiredate")) * 12 + EXTRACT(MONTH FROM CAST(TO_TIMESTAMP('01/01/1990', 'MM/DD/YYYY') AS TIMESTAMP)) - EXTRACT(MONTH FROM "hiredate") + (EXTRACT(EPOCH FROM CAST(TO_TIMESTAMP('01/01/1990', 'MM/DD/YYYY') AS TIMESTAMP) - DATE_TRUNC('month', CAST(TO_TIMESTAMP('01/01/1990', 'MM/DD/YYYY') AS TIMESTAMP))) - EXTRACT(EPOCH FROM "hiredate" - DATE_TRUNC('month', "hiredate"))) / 2678400) AS "months_to_1990", EXTRACT(YEAR FROM "hiredate") AS "hire_year", ("hiredate" - (0.5) * INTERVAL '1 day') AS "half_day_before" FROM "emp";

CREATE VIEW "quarter_of_hire" AS
SELECT "ename", TO_CHAR("hiredate", 'YYYY"Q"Q') AS "q" FROM "emp";

-- action items
-- OS4012 VIEW EMP_DATES: ADD_MONTHS: Oracle moves a month's last day to the last day of the result month; interval arithmetic keeps the day number (clamped) (line 23)
-- OS4012 VIEW EMP_DATES: MONTHS_BETWEEN: Oracle treats two month-ends as whole months; the formula uses a 31-day month for the fraction like Oracle otherwise (line 29)
