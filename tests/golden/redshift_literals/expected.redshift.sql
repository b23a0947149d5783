-- orashift: Oracle → redshift

-- no join evidence: DISTSTYLE AUTO
-- SORTKEY on the primary key for joins and lookups
CREATE TABLE "files" (
  "id" INTEGER ENCODE RAW,
  "path" VARCHAR(100) DEFAULT 'C:\\temp' ENCODE ZSTD,
  "code" VARCHAR(10) ENCODE ZSTD,
  CONSTRAINT "files_pk" PRIMARY KEY ("id")
)
DISTSTYLE AUTO
COMPOUND SORTKEY ("id");

COMMENT ON TABLE "files" IS 'Windows paths such as C:\\temp\\x';
COMMENT ON COLUMN "files"."path" IS 'ends in \\';

CREATE VIEW "digit_paths" AS
SELECT "id", "path" FROM "files" WHERE ("path" ~ '\\d') OR "path" LIKE 'C:\\_%' ESCAPE '\\';

CREATE VIEW "temp_paths" AS
SELECT "id" FROM "files" WHERE "path" LIKE 'C:\\\\t%';

CREATE VIEW "tagged" AS
SELECT "id", ('\\n' || COALESCE("code", '')) AS "tag" FROM "files";

-- action items
-- OS2002 TABLE FILES: PRIMARY KEY FILES_PK (line 5)
-- OS2004 TABLE FILES: CHECK (code <> 'a\b') (line 7)
