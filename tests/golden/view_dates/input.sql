-- Date arithmetic typed from the catalog, TRUNC/ADD_MONTHS/LAST_DAY/NEXT_DAY/MONTHS_BETWEEN,
-- EXTRACT, TO_CHAR/TO_DATE format models.
CREATE TABLE emp (
  empno    NUMBER(4) CONSTRAINT emp_pk PRIMARY KEY,
  ename    VARCHAR2(10),
  job      VARCHAR2(9),
  mgr      NUMBER(4),
  hiredate DATE,
  sal      NUMBER(7,2),
  comm     NUMBER(7,2),
  deptno   NUMBER(2)
);
CREATE TABLE dept (
  deptno NUMBER(2) CONSTRAINT dept_pk PRIMARY KEY,
  dname  VARCHAR2(14),
  loc    VARCHAR2(13)
);

CREATE VIEW emp_dates AS
  SELECT ename,
         hiredate + 30 probation_end,
         TRUNC(hiredate, 'MM') hire_month,
         ADD_MONTHS(hiredate, 1) plus_month,
         LAST_DAY(hiredate) month_end,
         NEXT_DAY(hiredate, 'MONDAY') next_monday,
         TO_CHAR(hiredate, 'YYYY-MM-DD') hired,
         TO_CHAR(hiredate, 'DD-MON-YYYY') hired_mon,
         TO_DATE('2000-01-01', 'YYYY-MM-DD') - hiredate days_to_2000,
         MONTHS_BETWEEN(TO_DATE('01/01/1990', 'MM/DD/YYYY'), hiredate) months_to_1990,
         EXTRACT(YEAR FROM hiredate) hire_year,
         hiredate - 0.5 half_day_before
  FROM emp;

CREATE VIEW quarter_of_hire AS
  SELECT ename, TO_CHAR(hiredate, 'YYYY"Q"Q') q FROM emp;
