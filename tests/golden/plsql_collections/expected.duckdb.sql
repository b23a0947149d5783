-- orashift: Oracle → duckdb

CREATE TABLE "picked" (
  "name" VARCHAR,
  "qty" NUMERIC(38,10)
);

-- action items
-- OS1001 TABLE PICKED: column QTY NUMBER → NUMERIC(38,10) (line 4)
-- OS6008 TYPE WORD_LIST: duckdb has no stored procedures, triggers or packages (line 6)
-- OS6008 TYPE ITEM_T: duckdb has no stored procedures, triggers or packages (line 8)
-- OS6008 TYPE ITEM_LIST: duckdb has no stored procedures, triggers or packages (line 10)
-- OS6008 TYPE COUNTER_T: duckdb has no stored procedures, triggers or packages (line 12)
-- OS6008 TYPE BODY COUNTER_T: duckdb has no stored procedures, triggers or packages (line 18)
-- OS6008 TYPE COUNTER_LIST: duckdb has no stored procedures, triggers or packages (line 29)
-- OS6008 TYPE STACK_T: duckdb has no stored procedures, triggers or packages (line 31)
-- OS6008 TYPE BODY STACK_T: duckdb has no stored procedures, triggers or packages (line 39)
-- OS6008 PACKAGE COLL_TAB: duckdb has no stored procedures, triggers or packages (line 61)
-- OS6008 PACKAGE BODY COLL_TAB: duckdb has no stored procedures, triggers or packages (line 72)
