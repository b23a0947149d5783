-- orashift: Oracle → redshift

-- action items
-- OS2009 SEQUENCE LOCATIONS_SEQ:  (line 2)
-- OS2009 SEQUENCE BIG_SEQ:  (line 8)
