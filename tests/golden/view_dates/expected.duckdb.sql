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

CREATE VIEW "emp_dates" AS
SELECT "ename", make_timestamp(epoch_us("hiredate") + CAST(ROUND((30) * 86400000000) AS BIGINT)) AS "probation_end", CAST(DATE_TRUNC('month', "hiredate") AS TIMESTAMP) AS "hire_month", ("hiredate" + to_months(CAST(TRUNC(1) AS INTEGER))) AS "plus_month", (DATE_TRUNC('month', "hiredate") + INTERVAL '1 month' - INTERVAL '1 day' + ("hiredate" - DATE_TRUNC('day', "hiredate"))) AS "month_end", ("hiredate" + ((7 - CAST(EXTRACT(DOW FROM "hiredate") AS INTEGER)) % 7 + 1) * INTERVAL '1 day') AS "next_monday", strftime("hiredate", '%Y-%m-%d') AS "hired", upper(strftime("hiredate", '%d-%b-%Y')) AS "hired_mon", ((EXTRACT(EPOCH FROM strptime('2000-01-01', '%Y-%m-%d')) - EXTRACT(EPOCH FROM "hiredate")) / 86400) AS "days_to_2000", ((EXTRACT(YEAR FROM strptime('01/01/1990', '%m/%d/%Y')) - EXTRACT(YEAR FROM "hiredate")) * 12 + EXTRACT(MONTH FROM strptime('01/01/1990', '%m/%d/%Y')) - EXTRACT(MONTH FROM "hiredate") + (EXTRACT(EPOCH FROM strptime('01/01/1990', '%m/%d/%Y') - DATE_TRUNC('month', strptime('01/01/1990', '%m/%d/%Y'))) - EXTRACT(EPOCH FROM "hiredate" - DATE_TRUNC('month', "hiredate"))) / 2678400) AS "months_to_1990", EXTRACT(YEAR FROM "hiredate") AS "hire_year", make_timestamp(epoch_us("hiredate") - CAST(ROUND((0.5) * 86400000000) AS BIGINT)) AS "half_day_before" FROM "emp";

-- not converted, see the action items of this object:
-- CREATE VIEW "quarter_of_hire" AS
-- SELECT "ename", strftime("hiredate", '%YQQ') AS "q" FROM "emp";

-- action items
-- OS4012 VIEW EMP_DATES: ADD_MONTHS: Oracle moves a month's last day to the last day of the result month; interval arithmetic keeps the day number (clamped) (line 23)
-- OS4012 VIEW EMP_DATES: MONTHS_BETWEEN: Oracle treats two month-ends as whole months; the formula uses a 31-day month for the fraction like Oracle otherwise (line 29)
-- OS4004 VIEW QUARTER_OF_HIRE: format element Q of 'YYYY"Q"Q' has no duckdb equivalent (line 35)
