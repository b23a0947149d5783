-- orashift: Oracle → postgres

CREATE TABLE "files" (
  "id" INTEGER,
  "path" VARCHAR(100) DEFAULT 'C:\temp',
  "code" VARCHAR(10),
  CONSTRAINT "files_pk" PRIMARY KEY ("id"),
  CONSTRAINT "files_code_ck" CHECK ("code" <> 'a\b')
);

COMMENT ON TABLE "files" IS 'Windows paths such as C:\temp\x';
COMMENT ON COLUMN "files"."path" IS 'ends in \';

CREATE VIEW "digit_paths" AS
SELECT "id", "path" FROM "files" WHERE ("path" ~ '\d') OR "path" LIKE 'C:\_%' ESCAPE '\';

CREATE VIEW "temp_paths" AS
SELECT "id" FROM "files" WHERE "path" LIKE 'C:\t%';

CREATE VIEW "tagged" AS
SELECT "id", CONCAT('\n', "code") AS "tag" FROM "files";

-- action items
