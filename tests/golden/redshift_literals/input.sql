-- Backslashes in every kind of literal the conversion writes: a default, a CHECK, comments, view
-- text (a regular expression, LIKE … ESCAPE '\'). Redshift string literals read '\' as an escape,
-- so its output doubles them; PostgreSQL and DuckDB read '\' as itself and keep the text as is.
CREATE TABLE files (
  id    NUMBER(6) CONSTRAINT files_pk PRIMARY KEY,
  path  VARCHAR2(100) DEFAULT 'C:\temp',
  code  VARCHAR2(10) CONSTRAINT files_code_ck CHECK (code <> 'a\b')
);
COMMENT ON TABLE files IS 'Windows paths such as C:\temp\x';
COMMENT ON COLUMN files.path IS 'ends in \';

CREATE VIEW digit_paths AS
  SELECT id, path FROM files WHERE REGEXP_LIKE(path, '\d') OR path LIKE 'C:\_%' ESCAPE '\';

-- No ESCAPE: Oracle's LIKE has no escape character, Redshift's escapes with '\' by default.
CREATE VIEW temp_paths AS
  SELECT id FROM files WHERE path LIKE 'C:\t%';

CREATE VIEW tagged AS
  SELECT id, '\n' || code AS tag FROM files;
