-- '' is NULL in || and comparisons, SUBSTR with a negative position, INSTR, LISTAGG, MINUS,
-- FROM DUAL, SYSDATE, hints.
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

CREATE VIEW emp_label AS
  SELECT /*+ FULL(emp) */ ename || ' (' || job || ')' label,
         comm || '' comm_text,
         SUBSTR(ename, -3) tail,
         INSTR(ename, 'A') a_pos
  FROM emp
  WHERE job <> '' OR job IS NOT NULL;

CREATE VIEW dept_names AS
  SELECT deptno, LISTAGG(ename, ',') WITHIN GROUP (ORDER BY ename) names FROM emp GROUP BY deptno;

CREATE VIEW empty_depts AS
  SELECT deptno FROM dept MINUS SELECT deptno FROM emp;

CREATE VIEW right_now AS
  SELECT SYSDATE now, SYSTIMESTAMP ts FROM DUAL;
