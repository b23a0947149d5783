REM Installs the SHOP schema the way many real installers are laid out: one main script running
REM files of every extension from subfolders (orashift test fixture, issue 17).
SET DEFINE OFF
SET SQLBLANKLINES ON
WHENEVER SQLERROR EXIT SQL.SQLCODE
PROMPT Common settings (no extension given: SQL*Plus adds .sql)
@setup

CONNECT shop/&shop_password@//localhost/freepdb1
PROMPT Tables
@schema/customers.tab;
@schema/orders.tab;
@@schema/order_seq.seq
START views/order_totals.vw
PROMPT Code
@pkg/order_api.pks
@pkg/order_api.pkb
@data/populate

ALTER SESSION SET CURRENT_SCHEMA = shop_audit;
@schema/audit_log.tab
INSERT INTO audit_log VALUES (DATE '2024-01-02', 'installed');
COMMIT;
EXIT
