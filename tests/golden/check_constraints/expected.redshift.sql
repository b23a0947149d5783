-- orashift: Oracle → redshift

-- no join evidence: DISTSTYLE AUTO
-- SORTKEY on the primary key for joins and lookups
CREATE TABLE "employees" (
  "employee_id" INTEGER ENCODE RAW,
  "salary" NUMERIC(8,2) ENCODE AZ64,
  "commission" NUMERIC(2,2) ENCODE AZ64,
  "status" VARCHAR(10) ENCODE ZSTD,
  "email" VARCHAR(25) ENCODE ZSTD,
  "hire_date" TIMESTAMP ENCODE AZ64,
  "end_date" TIMESTAMP ENCODE AZ64,
  "grade" SMALLINT ENCODE AZ64,
  PRIMARY KEY ("employee_id")
)
DISTSTYLE AUTO
COMPOUND SORTKEY ("employee_id");

-- action items
-- OS2002 TABLE EMPLOYEES: PRIMARY KEY  (line 3)
-- OS2004 TABLE EMPLOYEES: CHECK (salary > 0) (line 4)
-- OS2004 TABLE EMPLOYEES: CHECK (status IN ('ACTIVE', 'LEFT')) (line 6)
-- OS2004 TABLE EMPLOYEES: CHECK (grade BETWEEN 1 AND 10) (line 10)
-- OS2004 TABLE EMPLOYEES: CHECK (end_date > hire_date) (line 11)
-- OS2004 TABLE EMPLOYEES: CHECK (email = LOWER(email) AND email IS NOT NULL) (line 12)
-- OS2004 TABLE EMPLOYEES: CHECK (commission IS NULL OR commission <> 0) (line 13)
-- OS2004 TABLE EMPLOYEES: CHECK (hire_date > DATE '2000-01-01') (line 14)
-- OS2004 TABLE EMPLOYEES: CHECK (email || 'x' <> 'x') (line 15)
-- OS2004 TABLE EMPLOYEES: CHECK (salary < 1000000) (line 16)
