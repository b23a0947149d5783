-- Fixture for SQL*Loader beyond delimited fields (tests/e2e/test_sqlldr_lob.cpp): an object
-- type loaded through COLUMN OBJECT, LOB columns loaded from LOBFILEs, a BFILE, and a second
-- table fed by the same data file through a second INTO TABLE clause.
CREATE TYPE hdr_typ AS OBJECT (name VARCHAR2(30), made DATE);
/
CREATE TABLE media (
  id        NUMBER(6) PRIMARY KEY,
  title     VARCHAR2(40),
  body_name VARCHAR2(40),
  body      CLOB,
  photo     BLOB,
  graphic   BFILE,
  hdr       hdr_typ
);
CREATE TABLE notes (
  media_id  NUMBER(6) NOT NULL,
  line_no   NUMBER(3),
  text      VARCHAR2(100)
);
