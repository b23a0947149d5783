-- orashift: Oracle → duckdb

-- action items
-- OS6008 TYPE POINT_T: duckdb has no stored procedures, triggers or packages (line 3)
-- OS6008 TYPE POINT_LIST: duckdb has no stored procedures, triggers or packages (line 5)
-- OS6008 TYPE NAME_ARRAY: duckdb has no stored procedures, triggers or packages (line 7)
-- OS6008 TYPE SHAPE_T: duckdb has no stored procedures, triggers or packages (line 9)
-- OS6008 TYPE BODY SHAPE_T: duckdb has no stored procedures, triggers or packages (line 11)
-- OS6008 TYPE CIRCLE_T: duckdb has no stored procedures, triggers or packages (line 15)
