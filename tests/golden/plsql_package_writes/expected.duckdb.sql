-- orashift: Oracle → duckdb

-- action items
-- OS6008 TYPE PV_POINT: duckdb has no stored procedures, triggers or packages (line 1)
-- OS6008 TYPE BODY PV_POINT: duckdb has no stored procedures, triggers or packages (line 4)
-- OS6008 PACKAGE PV_PKG: duckdb has no stored procedures, triggers or packages (line 11)
-- OS6008 PACKAGE BODY PV_PKG: duckdb has no stored procedures, triggers or packages (line 40)
-- OS6008 FUNCTION HEX_VALUE: duckdb has no stored procedures, triggers or packages (line 135)
-- OS6008 FUNCTION BLOCK_READS: duckdb has no stored procedures, triggers or packages (line 140)
-- OS6008 FUNCTION USING_OUT: duckdb has no stored procedures, triggers or packages (line 149)
