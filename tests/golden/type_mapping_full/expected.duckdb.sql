-- orashift: Oracle → duckdb

CREATE TABLE "all_types" (
  "n_neg" INTEGER,
  "n_star" NUMERIC(38,2),
  "n_float" DOUBLE PRECISION,
  "ts9" TIMESTAMP,
  "tstz" TIMESTAMPTZ,
  "iym" INTERVAL,
  "ids" INTERVAL,
  "doc" VARCHAR,
  "js" JSON,
  "flag" BOOLEAN,
  "shape" VARCHAR,
  "rid" VARCHAR(4000),
  "pic" VARCHAR,
  "phones" VARCHAR,
  "body" VARCHAR
);

-- action items
-- OS1002 TABLE ALL_TYPES: column N_FLOAT FLOAT(63) (decimal float) → DOUBLE PRECISION (line 5)
-- OS1002 TABLE ALL_TYPES: column TS9 TIMESTAMP(9): fractional seconds beyond 6 digits are rounded (line 6)
-- OS1006 TABLE ALL_TYPES: column DOC XMLTYPE → VARCHAR (XML text, no XML functions or validation) (line 10)
-- OS1006 TABLE ALL_TYPES: column SHAPE SDO_GEOMETRY → VARCHAR holding WKT (PostGIS / DuckDB spatial not assumed) (line 13)
-- OS1006 TABLE ALL_TYPES: column RID ROWID → VARCHAR: Oracle row addresses mean nothing on the target (line 14)
-- OS1006 TABLE ALL_TYPES: column PIC BFILE → VARCHAR holding the file's directory and name (line 15)
-- OS1007 TABLE ALL_TYPES: column PHONES PHONE_LIST_TYP → VARCHAR (line 16)
