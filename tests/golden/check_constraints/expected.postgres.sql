-- orashift: Oracle → postgres

CREATE TABLE "employees" (
  "employee_id" INTEGER,
  "salary" NUMERIC(8,2),
  "commission" NUMERIC(2,2),
  "status" VARCHAR(10),
  "email" VARCHAR(25),
  "hire_date" TIMESTAMP,
  "end_date" TIMESTAMP,
  "grade" SMALLINT,
  PRIMARY KEY ("employee_id"),
  CONSTRAINT "emp_salary_min" CHECK ("salary" > 0),
  CHECK ("status" IN('ACTIVE', 'LEFT')),
  CHECK ("grade" BETWEEN 1 AND 10),
  CONSTRAINT "emp_dates" CHECK ("end_date" > "hire_date"),
  CONSTRAINT "emp_email_lower" CHECK ("email" = LOWER("email") AND "email" IS NOT NULL),
  CONSTRAINT "emp_comm" CHECK ("commission" IS NULL OR "commission" <> 0),
  CONSTRAINT "emp_hired_2000" CHECK ("hire_date" > TIMESTAMP '2000-01-01'),
  CONSTRAINT "emp_name_concat" CHECK (CONCAT("email", 'x') <> 'x')
);

-- action items
-- OS2001 TABLE EMPLOYEES: EMP_OFF CHECK (DISABLE NOVALIDATE) (line 16)
