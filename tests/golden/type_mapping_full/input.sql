-- Type mapping beyond the basics: every lossy choice is an action item.
CREATE TABLE all_types (
  n_neg      NUMBER(5,-2),
  n_star     NUMBER(*,2),
  n_float    FLOAT(63),
  ts9        TIMESTAMP(9),
  tstz       TIMESTAMP WITH LOCAL TIME ZONE,
  iym        INTERVAL YEAR(2) TO MONTH,
  ids        INTERVAL DAY(3) TO SECOND(2),
  doc        XMLTYPE,
  js         JSON,
  flag       BOOLEAN,
  shape      SDO_GEOMETRY,
  rid        ROWID,
  pic        BFILE,
  phones     phone_list_typ,
  body       CLOB
);
