REM A small star schema: a partitioned fact, dimensions, keys in every form, a bitmap index.
SET FEEDBACK 1
PROMPT creating tables

CREATE TABLE channels (
    channel_id      NUMBER(3)     CONSTRAINT channels_pk PRIMARY KEY,
    channel_desc    VARCHAR2(20)  NOT NULL,
    channel_class   VARCHAR2(20 CHAR),
    iso_code        CHAR(2)
) PCTFREE 5 NOLOGGING;

CREATE TABLE times (
    time_id         DATE          NOT NULL,
    day_name        VARCHAR2(9)   NOT NULL,
    fiscal_year     NUMBER(4)     NOT NULL
);

ALTER TABLE times ADD CONSTRAINT times_pk PRIMARY KEY (time_id) ENABLE VALIDATE;

CREATE TABLE sales (
    prod_id         NUMBER        NOT NULL,
    time_id         DATE          NOT NULL,
    channel_id      NUMBER(3)     NOT NULL,
    quantity_sold   NUMBER(10,2)  NOT NULL,
    amount_sold     NUMBER(10,2)  NOT NULL,
    big_amount      NUMBER(20),
    notes           CLOB,
    created         TIMESTAMP(9) DEFAULT SYSTIMESTAMP
)
PCTFREE 5 NOLOGGING COMPRESS
PARTITION BY RANGE (time_id)
 (PARTITION sales_1998 VALUES LESS THAN (TO_DATE('1999-01-01','YYYY-MM-DD')),
  PARTITION sales_max VALUES LESS THAN (MAXVALUE));

ALTER TABLE sales ADD CONSTRAINT sales_time_fk FOREIGN KEY (time_id) REFERENCES times (time_id);
ALTER TABLE sales ADD CONSTRAINT sales_channel_fk FOREIGN KEY (channel_id) REFERENCES channels (channel_id)
  DISABLE NOVALIDATE;

CREATE BITMAP INDEX sales_channel_bix ON sales (channel_id) LOCAL NOLOGGING;
CREATE INDEX times_year_ix ON times (fiscal_year);

COMMENT ON TABLE sales IS 'facts: one row per sale; it''s partitioned by time';
COMMENT ON COLUMN sales.amount_sold IS 'invoiced amount';
