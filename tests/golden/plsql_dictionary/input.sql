-- Oracle's data dictionary read by code and views: on PostgreSQL the emulated views of
-- orashift_dictionary (docs/plsql.md, "Emulated data dictionary"); elsewhere OS4013.
CREATE TABLE app_log (id NUMBER(10) PRIMARY KEY, msg VARCHAR2(200));

CREATE OR REPLACE VIEW app_users AS
  SELECT username, oracle_maintained FROM all_users WHERE oracle_maintained = 'N';

CREATE OR REPLACE PACKAGE app_meta IS
  FUNCTION object_count(p_type VARCHAR2) RETURN NUMBER;
  FUNCTION decimal_separator RETURN VARCHAR2;
  FUNCTION current_schema_name RETURN VARCHAR2;
END app_meta;
/
CREATE OR REPLACE PACKAGE BODY app_meta IS
  FUNCTION object_count(p_type VARCHAR2) RETURN NUMBER IS
    l_count NUMBER;
  BEGIN
    SELECT COUNT(*) INTO l_count FROM sys.user_objects WHERE object_type = p_type;
    RETURN l_count;
  END;
  FUNCTION decimal_separator RETURN VARCHAR2 IS
    l_value VARCHAR2(10);
  BEGIN
    SELECT SUBSTR(value, 1, 1) INTO l_value FROM nls_session_parameters WHERE parameter = 'NLS_NUMERIC_CHARACTERS';
    RETURN l_value;
  END;
  FUNCTION current_schema_name RETURN VARCHAR2 IS
    c_schema CONSTANT all_tables.owner%TYPE := SYS_CONTEXT('USERENV', 'CURRENT_SCHEMA');
  BEGIN
    RETURN c_schema;
  END;
END app_meta;
/

-- A dictionary view the emulation does not give stays OS4013.
CREATE OR REPLACE FUNCTION role_count RETURN NUMBER IS
  l_count NUMBER;
BEGIN
  SELECT COUNT(*) INTO l_count FROM session_roles;
  RETURN l_count;
END;
/
