-- orashift: Oracle → postgres

CREATE TABLE "all_types" (
  "n_neg" INTEGER,
  "n_star" NUMERIC(38,2),
  "n_float" DOUBLE PRECISION,
  "ts9" TIMESTAMP(6),
  "tstz" TIMESTAMPTZ(6),
  "iym" INTERVAL,
  "ids" INTERVAL,
  "doc" XML,
  "js" JSONB,
  "flag" BOOLEAN,
  "shape" TEXT,
  "rid" VARCHAR(4000),
  "pic" TEXT,
  "phones" TEXT,
  "body" TEXT
);

-- action items
-- OS1002 TABLE ALL_TYPES: column N_FLOAT FLOAT(63) (decimal float) → DOUBLE PRECISION (line 5)
-- OS1002 TABLE ALL_TYPES: column TS9 TIMESTAMP(9): fractional seconds beyond 6 digits are rounded (line 6)
-- OS1006 TABLE ALL_TYPES: column SHAPE SDO_GEOMETRY → TEXT holding WKT (PostGIS / DuckDB spatial not assumed) (line 13)
-- OS1006 TABLE ALL_TYPES: column RID ROWID → VARCHAR: Oracle row addresses mean nothing on the target (line 14)
-- OS1006 TABLE ALL_TYPES: column PIC BFILE → TEXT holding the file's directory and name (line 15)
-- OS1007 TABLE ALL_TYPES: column PHONES PHONE_LIST_TYP → TEXT (line 16)
