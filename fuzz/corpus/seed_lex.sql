select q'[a]', n'x', :b.c, $$plsql_unit from dual;
