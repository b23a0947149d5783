-- CHECK conditions: kept on PostgreSQL/DuckDB when they mean the same there, reported otherwise.
CREATE TABLE employees (
  employee_id NUMBER(6) PRIMARY KEY,
  salary      NUMBER(8,2) CONSTRAINT emp_salary_min CHECK (salary > 0),
  commission  NUMBER(2,2),
  status      VARCHAR2(10) CHECK (status IN ('ACTIVE', 'LEFT')),
  email       VARCHAR2(25),
  hire_date   DATE,
  end_date    DATE,
  grade       NUMBER(2) CHECK (grade BETWEEN 1 AND 10),
  CONSTRAINT emp_dates CHECK (end_date > hire_date),
  CONSTRAINT emp_email_lower CHECK (email = LOWER(email) AND email IS NOT NULL),
  CONSTRAINT emp_comm CHECK (commission IS NULL OR commission <> 0),
  CONSTRAINT emp_hired_2000 CHECK (hire_date > DATE '2000-01-01'),
  CONSTRAINT emp_name_concat CHECK (email || 'x' <> 'x'),
  CONSTRAINT emp_off CHECK (salary < 1000000) DISABLE
);
