-- DECODE (NULL matches NULL), NVL, NVL2, GREATEST with a NULL (Oracle: NULL).
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

CREATE VIEW emp_codes AS
  SELECT ename,
         DECODE(comm, NULL, 'none', 0, 'zero', 'some') comm_kind,
         NVL(comm, 0) comm0,
         NVL2(comm, 'y', 'n') has_comm,
         DECODE(mgr, NULL, 'boss') boss,
         GREATEST(sal, comm) top_pay
  FROM emp;
