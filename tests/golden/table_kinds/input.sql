-- Index-organized, global temporary and object tables.
CREATE TABLE lookup (
  code VARCHAR2(10) CONSTRAINT lookup_pk PRIMARY KEY,
  text VARCHAR2(100)
) ORGANIZATION INDEX;
CREATE GLOBAL TEMPORARY TABLE session_cart (
  item_id NUMBER(10),
  qty     NUMBER(5)
) ON COMMIT PRESERVE ROWS;
CREATE TABLE people OF person_typ;
