-- orashift: Oracle → redshift

-- action items
-- OS2009 SEQUENCE LOCATIONS_SEQ: Redshift has no sequences: not created (use an IDENTITY column) (line 2)
-- OS2009 SEQUENCE BIG_SEQ: Redshift has no sequences: not created (use an IDENTITY column) (line 8)
