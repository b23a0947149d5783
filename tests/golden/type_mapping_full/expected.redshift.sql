-- orashift: Oracle → redshift

-- no join evidence: DISTSTYLE AUTO
CREATE TABLE "all_types" (
  "n_neg" INTEGER ENCODE AZ64,
  "n_star" NUMERIC(38,2) ENCODE AZ64,
  "n_float" DOUBLE PRECISION ENCODE RAW,
  "ts9" TIMESTAMP ENCODE AZ64,
  "tstz" TIMESTAMPTZ ENCODE AZ64,
  "iym" VARCHAR(64) ENCODE ZSTD,
  "ids" VARCHAR(64) ENCODE ZSTD,
  "doc" VARCHAR(65535) ENCODE ZSTD,
  "js" SUPER ENCODE ZSTD,
  "flag" BOOLEAN ENCODE RAW,
  "shape" GEOMETRY ENCODE RAW,
  "rid" VARCHAR(4000) ENCODE ZSTD,
  "pic" VARCHAR(65535) ENCODE ZSTD,
  "phones" VARCHAR(65535) ENCODE ZSTD,
  "body" VARCHAR(65535) ENCODE ZSTD
)
DISTSTYLE AUTO;

-- action items
-- OS1002 TABLE ALL_TYPES: column N_FLOAT FLOAT(63) (decimal float) → DOUBLE PRECISION (line 5)
-- OS1002 TABLE ALL_TYPES: column TS9 TIMESTAMP(9): fractional seconds beyond 6 digits are rounded (line 6)
-- OS1002 TABLE ALL_TYPES: column IYM INTERVAL YEAR(2) TO MONTH → VARCHAR(64): Redshift tables have no INTERVAL columns (line 8)
-- OS1002 TABLE ALL_TYPES: column IDS INTERVAL DAY(3) TO SECOND(2) → VARCHAR(64): Redshift tables have no INTERVAL columns (line 9)
-- OS1006 TABLE ALL_TYPES: column DOC XMLTYPE → VARCHAR(65535) (XML text, no XML functions or validation) (line 10)
-- OS1006 TABLE ALL_TYPES: column SHAPE SDO_GEOMETRY → GEOMETRY: load it as WKB/EWKB (SDO_UTIL.TO_WKBGEOMETRY) (line 13)
-- OS1006 TABLE ALL_TYPES: column RID ROWID → VARCHAR: Oracle row addresses mean nothing on the target (line 14)
-- OS1006 TABLE ALL_TYPES: column PIC BFILE → VARCHAR(65535) holding the file's directory and name (line 15)
-- OS1007 TABLE ALL_TYPES: column PHONES PHONE_LIST_TYP → VARCHAR(65535) (line 16)
-- OS1002 TABLE ALL_TYPES: column BODY CLOB → VARCHAR(65535): values above 64 KB cannot be loaded (line 17)
