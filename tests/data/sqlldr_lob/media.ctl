-- Two record types in one file, told apart by their first field; records continue on lines
-- starting with '+' (the first byte of every line is the continuation byte and is removed).
LOAD DATA
INFILE 'media.dat'
CONTINUEIF NEXT(1) = '+'
INTO TABLE media
WHEN rec_type = 'M'
FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '"'
TRAILING NULLCOLS
( rec_type     FILLER POSITION(1) CHAR,
  id           INTEGER EXTERNAL,
  title        CHAR "UPPER(:title)",
  body_file    BOUNDFILLER CHAR,
  body         LOBFILE(body_file) TERMINATED BY EOF,
  body_name    EXPRESSION ":body_file",
  photo        LOBFILE(CONSTANT 'logo.bin') RAW TERMINATED BY EOF,
  graphic_file FILLER CHAR,
  graphic      BFILE(CONSTANT "MEDIA_DIR", graphic_file),
  hdr          COLUMN OBJECT
  ( name       CHAR,
    made       DATE "YYYY-MM-DD" )
)
INTO TABLE notes
WHEN rec_type = 'N'
FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '"'
( rec_type     FILLER POSITION(1) CHAR,
  media_id     INTEGER EXTERNAL,
  line_no      INTEGER EXTERNAL,
  text         CHAR )
