-- orashift: Oracle → redshift

-- action items
-- OS6008 TYPE POINT_T: type POINT_T: redshift has no CREATE TYPE (no composite or array types); keep the attributes as columns (line 3)
-- OS6008 TYPE POINT_LIST: type POINT_LIST: redshift has no CREATE TYPE (no composite or array types); keep the attributes as columns (line 5)
-- OS6008 TYPE NAME_ARRAY: type NAME_ARRAY: redshift has no CREATE TYPE (no composite or array types); keep the attributes as columns (line 7)
-- OS6008 TYPE SHAPE_T: type SHAPE_T: redshift has no CREATE TYPE (no composite or array types); keep the attributes as columns (line 9)
-- OS6008 TYPE BODY SHAPE_T: type body SHAPE_T: redshift has no object types to hold its methods (line 11)
-- OS6008 TYPE CIRCLE_T: type CIRCLE_T: redshift has no CREATE TYPE (no composite or array types); keep the attributes as columns (line 15)
