-- orashift: Oracle → duckdb

-- action items
-- OS6008 PACKAGE CACHE: duckdb has no stored procedures, triggers or packages (line 3)
-- OS6008 PACKAGE BODY CACHE: duckdb has no stored procedures, triggers or packages (line 9)
-- OS6008 FUNCTION WALK: duckdb has no stored procedures, triggers or packages (line 24)
-- OS6008 FUNCTION LINES_OF: duckdb has no stored procedures, triggers or packages (line 53)
-- OS6008 PACKAGE SLOTS: duckdb has no stored procedures, triggers or packages (line 67)
-- OS6008 PACKAGE BODY SLOTS: duckdb has no stored procedures, triggers or packages (line 73)
