-- Column defaults: the forms Oracle schemas use, and one that stays an action item.
CREATE SEQUENCE order_seq START WITH 1000 INCREMENT BY 1 NOCACHE;
CREATE TABLE orders (
  order_id     NUMBER(12) DEFAULT order_seq.NEXTVAL NOT NULL,
  created      DATE DEFAULT SYSDATE NOT NULL,
  created_ts   TIMESTAMP(6) DEFAULT SYSTIMESTAMP,
  created_by   VARCHAR2(30) DEFAULT USER,
  guid_raw     RAW(16) DEFAULT SYS_GUID(),
  guid_text    VARCHAR2(32) DEFAULT SYS_GUID(),
  status       VARCHAR2(10) DEFAULT 'NEW',
  note         VARCHAR2(10) DEFAULT '',
  qty          NUMBER(5) DEFAULT (0),
  discount     NUMBER(4,2) DEFAULT -1.5,
  due          DATE DEFAULT TRUNC(SYSDATE) + 30,
  region       VARCHAR2(10) DEFAULT ON NULL 'EU',
  CONSTRAINT orders_pk PRIMARY KEY (order_id)
);
