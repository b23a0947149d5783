// Oracle's columns and types are those of Oracle Database Reference 19c ("Static Data Dictionary
// Views": ALL_OBJECTS, ALL_USERS, ALL_TABLES, ALL_TAB_COLUMNS, USER_*; "NLS_SESSION_PARAMETERS",
// "NLS_DATABASE_PARAMETERS"; "V$VERSION"), in Oracle's column order, limited to the columns
// PostgreSQL can answer. What each view gives and what differs is in docs/plsql.md.
#include "convert/dictionary_views.h"

#include <map>
#include <vector>

#include "common/naming.h"

namespace orashift {

namespace {

struct ViewColumn {
  const char* name;
  const char* oracle;  // VARCHAR2(n) / NUMBER / DATE / CLOB
};

struct ViewDef {
  std::vector<ViewColumn> columns;
  std::string difference;
  std::string select;
};

OracleType oracle_type(std::string_view text) {
  OracleType t;
  size_t open = text.find('(');
  t.name = std::string(text.substr(0, open));
  if (open != std::string_view::npos) t.length = std::stoi(std::string(text.substr(open + 1)));
  return t;
}

// The PostgreSQL type a column of the view is cast to: the type the DDL maps Oracle's to
// (docs/type-mapping.md), so a %TYPE anchored on the column declares what the column holds.
std::string pg_type(std::string_view oracle) {
  if (oracle.rfind("VARCHAR2(", 0) == 0) return "varchar(" + std::string(oracle.substr(9, oracle.size() - 10)) + ")";
  if (oracle == "NUMBER") return "numeric";
  if (oracle == "DATE") return "timestamp";
  if (oracle.rfind("RAW(", 0) == 0) return "bytea";
  return "text";
}

// Oracle's name of a target name: target_name() lower-cases an upper-case Oracle name and
// keeps a mixed-case (quoted) one, so this is its inverse.
std::string oracle_name(const std::string& column) {
  return "CASE WHEN " + column + " = lower(" + column + ") THEN upper(" + column + ") ELSE " + column + " END";
}

// Schemas whose objects are not the application's.
const char* kSystemSchemas =
    "n.nspname NOT IN ('pg_catalog', 'information_schema', 'orashift_dictionary') AND n.nspname NOT LIKE 'pg\\_toast%' "
    "AND n.nspname NOT LIKE 'pg\\_temp%'";

// The schema comment that marks a package or type body (dictionary_schema_comment).
std::string marked(const std::string& kind) { return "obj_description(n.oid, 'pg_namespace') = 'orashift: Oracle " + kind + "'"; }

std::string package_schema(const std::string& ns) {
  return "NOT EXISTS (SELECT 1 FROM pg_namespace pn WHERE pn.oid = " + ns +
         " AND obj_description(pn.oid, 'pg_namespace') LIKE 'orashift: Oracle %')";
}

// Every object as Oracle's ALL_OBJECTS lists it: tables, views, sequences and indexes from
// pg_class; standalone routines from pg_proc (not those in package or type-body schemas, not
// trigger functions, not orashift's support functions); object and collection types from
// pg_type; packages and type bodies from their schemas; triggers from pg_trigger. Objects of
// extensions (orafce, dblink) are not listed.
std::string objects_select() {
  std::string relname = oracle_name("c.relname"), proname = oracle_name("p.proname"), typname = oracle_name("t.typname"),
              nspname = oracle_name("n.nspname"), tgname = oracle_name("g.tgname");
  return "SELECT upper(o.owner)::varchar(128) AS owner, o.object_name::varchar(128) AS object_name,\n"
         "       NULL::varchar(128) AS subobject_name, o.object_id::bigint::numeric AS object_id,\n"
         "       (CASE WHEN o.object_type IN ('TABLE', 'INDEX', 'MATERIALIZED VIEW') THEN o.object_id::bigint END)::numeric AS "
         "data_object_id,\n"
         "       o.object_type::varchar(23) AS object_type, NULL::timestamp AS created, NULL::timestamp AS last_ddl_time,\n"
         "       NULL::varchar(19) AS \"timestamp\", 'VALID'::varchar(7) AS status, o.temporary::varchar(1) AS temporary,\n"
         "       'N'::varchar(1) AS generated, 'N'::varchar(1) AS secondary\n"
         "FROM (\n"
         "  SELECT pg_get_userbyid(c.relowner) AS owner, " + relname + " AS object_name, c.oid AS object_id,\n"
         "         CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE'\n"
         "                        WHEN 'i' THEN 'INDEX' WHEN 'I' THEN 'INDEX' ELSE 'TABLE' END AS object_type,\n"
         "         CASE WHEN c.relpersistence = 't' THEN 'Y' ELSE 'N' END AS temporary, c.relnamespace AS ns\n"
         "  FROM pg_class c WHERE c.relkind IN ('r', 'p', 'f', 'v', 'm', 'S', 'i', 'I')\n"
         "  UNION ALL\n"
         "  SELECT pg_get_userbyid(p.proowner), " + proname + ", p.oid,\n"
         "         CASE p.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END, 'N', p.pronamespace\n"
         "  FROM pg_proc p WHERE p.prokind IN ('f', 'p') AND p.prorettype <> 'trigger'::regtype\n"
         "    AND p.proname NOT LIKE 'orashift\\_%' AND " + package_schema("p.pronamespace") + "\n"
         "  UNION ALL\n"
         "  SELECT pg_get_userbyid(t.typowner), " + typname + ", t.oid, 'TYPE', 'N', t.typnamespace\n"
         "  FROM pg_type t WHERE (t.typtype = 'd' OR (t.typtype = 'c' AND (SELECT r.relkind FROM pg_class r WHERE r.oid = "
         "t.typrelid) = 'c'))\n"
         "    AND " + package_schema("t.typnamespace") + "\n"
         "  UNION ALL\n"
         "  SELECT pg_get_userbyid(n.nspowner), " + nspname + ", n.oid, 'PACKAGE', 'N', n.oid\n"
         "  FROM pg_namespace n WHERE " + marked("PACKAGE") + " OR " + marked("PACKAGE BODY") + "\n"
         "  UNION ALL\n"
         "  SELECT pg_get_userbyid(n.nspowner), " + nspname + ", n.oid, 'PACKAGE BODY', 'N', n.oid\n"
         "  FROM pg_namespace n WHERE " + marked("PACKAGE BODY") + "\n"
         "  UNION ALL\n"
         "  SELECT pg_get_userbyid(n.nspowner), " + nspname + ", n.oid, 'TYPE BODY', 'N', n.oid\n"
         "  FROM pg_namespace n WHERE " + marked("TYPE BODY") + "\n"
         "  UNION ALL\n"
         "  SELECT pg_get_userbyid(c.relowner), " + tgname + ", g.oid, 'TRIGGER', 'N', c.relnamespace\n"
         "  FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid WHERE NOT g.tgisinternal\n"
         ") o JOIN pg_namespace n ON n.oid = o.ns\n"
         "WHERE " + std::string(kSystemSchemas) + "\n"
         "  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = o.object_id AND d.deptype = 'e')";
}

std::string tables_select() {
  return "SELECT upper(pg_get_userbyid(c.relowner))::varchar(128) AS owner, (" + oracle_name("c.relname") +
         ")::varchar(128) AS table_name,\n"
         "       COALESCE(s.spcname, 'USERS')::varchar(30) AS tablespace_name, 'VALID'::varchar(8) AS status,\n"
         "       (CASE WHEN c.reltuples >= 0 THEN c.reltuples END)::numeric AS num_rows,\n"
         "       (CASE WHEN c.relpersistence = 't' THEN 'Y' ELSE 'N' END)::varchar(1) AS temporary,\n"
         "       (CASE WHEN c.relkind = 'p' THEN 'YES' ELSE 'NO' END)::varchar(3) AS partitioned,\n"
         "       NULL::varchar(12) AS iot_type\n"
         "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_tablespace s ON s.oid = c.reltablespace\n"
         "WHERE c.relkind IN ('r', 'p', 'f') AND NOT c.relispartition AND " + std::string(kSystemSchemas) +
         "\n  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')";
}

// DATA_TYPE as Oracle names the type the column was converted from (docs/type-mapping.md, read
// backwards: timestamp(0)/timestamp → DATE/TIMESTAMP, text → CLOB, bytea → BLOB).
std::string columns_select() {
  return "SELECT upper(pg_get_userbyid(c.relowner))::varchar(128) AS owner, (" + oracle_name("c.relname") +
         ")::varchar(128) AS table_name,\n"
         "       (" + oracle_name("a.attname") + ")::varchar(128) AS column_name,\n"
         "       (CASE WHEN t.typname IN ('varchar', 'text') AND a.atttypmod > 0 OR t.typname = 'varchar' THEN 'VARCHAR2'\n"
         "             WHEN t.typname = 'bpchar' THEN 'CHAR' WHEN t.typname = 'text' THEN 'CLOB'\n"
         "             WHEN t.typname IN ('numeric', 'int2', 'int4', 'int8') THEN 'NUMBER'\n"
         "             WHEN t.typname = 'float8' THEN 'BINARY_DOUBLE' WHEN t.typname = 'float4' THEN 'BINARY_FLOAT'\n"
         "             WHEN t.typname = 'timestamp' THEN 'DATE' WHEN t.typname = 'timestamptz' THEN 'TIMESTAMP WITH TIME ZONE'\n"
         "             WHEN t.typname = 'date' THEN 'DATE' WHEN t.typname = 'bytea' THEN 'BLOB'\n"
         "             WHEN t.typname = 'interval' THEN 'INTERVAL DAY TO SECOND' WHEN t.typname = 'bool' THEN 'BOOLEAN'\n"
         "             ELSE upper(format_type(a.atttypid, NULL)) END)::varchar(128) AS data_type,\n"
         "       (CASE WHEN t.typname IN ('varchar', 'bpchar') AND a.atttypmod > 4 THEN a.atttypmod - 4\n"
         "             WHEN t.typname IN ('numeric', 'int2', 'int4', 'int8') THEN 22 WHEN t.typname = 'timestamp' THEN 7\n"
         "             ELSE greatest(a.attlen, 0) END)::numeric AS data_length,\n"
         "       (CASE WHEN t.typname = 'numeric' AND a.atttypmod > 4 THEN ((a.atttypmod - 4) >> 16) & 65535\n"
         "             WHEN t.typname = 'int2' THEN 5 WHEN t.typname = 'int4' THEN 10 WHEN t.typname = 'int8' THEN 19 "
         "END)::numeric AS data_precision,\n"
         "       (CASE WHEN t.typname = 'numeric' AND a.atttypmod > 4 THEN (a.atttypmod - 4) & 65535\n"
         "             WHEN t.typname IN ('int2', 'int4', 'int8') THEN 0 END)::numeric AS data_scale,\n"
         "       (CASE WHEN a.attnotnull THEN 'N' ELSE 'Y' END)::varchar(1) AS nullable, a.attnum::numeric AS column_id,\n"
         "       pg_get_expr(ad.adbin, ad.adrelid)::text AS data_default\n"
         "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace\n"
         "JOIN pg_type t ON t.oid = a.atttypid LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum\n"
         "WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'f', 'v', 'm') AND " +
         std::string(kSystemSchemas) + "\n  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')";
}

// Object and collection types: the composite types and domains orashift created for Oracle types,
// whose comment (Lowerer::type_comment) keeps the Oracle kind, supertype and FINAL /
// INSTANTIABLE; ATTRIBUTES counts the composite's attributes (a subtype of a hierarchy, a domain
// over the hierarchy's one composite, counts all of them), METHODS the routines of the type's
// schema (its type body).
std::string types_select() {
  return "SELECT upper(pg_get_userbyid(t.typowner))::varchar(128) AS owner, (" + oracle_name("t.typname") +
         ")::varchar(128) AS type_name,\n"
         "       NULL::bytea AS type_oid,\n"
         "       (CASE WHEN d.c LIKE 'orashift: Oracle COLLECTION%' THEN 'COLLECTION' ELSE 'OBJECT' END)::varchar(128) AS typecode,\n"
         "       (SELECT count(*) FROM pg_attribute a WHERE a.attrelid = COALESCE(NULLIF(t.typrelid, 0), b.typrelid)\n"
         "          AND a.attnum > 0 AND NOT a.attisdropped AND a.attname <> 'orashift_type')::numeric AS attributes,\n"
         "       (SELECT count(*) FROM pg_proc p JOIN pg_namespace pn ON pn.oid = p.pronamespace\n"
         "          WHERE pn.nspname = t.typname AND strpos(p.proname, '$') = 0)::numeric AS methods,\n"
         "       'NO'::varchar(3) AS predefined, 'NO'::varchar(3) AS incomplete,\n"
         "       (CASE WHEN d.c LIKE '%NOT FINAL%' THEN 'NO' ELSE 'YES' END)::varchar(3) AS final,\n"
         "       (CASE WHEN d.c LIKE '%NOT INSTANTIABLE%' THEN 'NO' ELSE 'YES' END)::varchar(3) AS instantiable,\n"
         "       'YES'::varchar(3) AS persistable,\n"
         "       (CASE WHEN d.c LIKE '% UNDER %' THEN upper(pg_get_userbyid(t.typowner)) END)::varchar(128) AS supertype_owner,\n"
         "       substring(d.c FROM ' UNDER ([^ ]+)')::varchar(128) AS supertype_name,\n"
         "       NULL::numeric AS local_attributes, NULL::numeric AS local_methods, NULL::bytea AS typeid\n"
         "FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace\n"
         "LEFT JOIN pg_type b ON b.oid = t.typbasetype\n"
         "CROSS JOIN LATERAL (SELECT obj_description(t.oid, 'pg_type') AS c) d\n"
         "WHERE d.c LIKE 'orashift: Oracle %' AND " + std::string(kSystemSchemas);
}

// Oracle's defaults for NLS_LANGUAGE AMERICAN / NLS_TERRITORY AMERICA ("Locale Data", Globalization
// Support Guide), the settings the converter assumes (TO_CHAR(date) without a format is written
// with DD-MON-RR, numbers with '.'), and NLS_CHARACTERSET: the database's encoding under
// Oracle's name.
std::string nls_select(bool database) {
  std::string rows =
      "('NLS_LANGUAGE', 'AMERICAN'), ('NLS_TERRITORY', 'AMERICA'), ('NLS_CURRENCY', '$'), ('NLS_ISO_CURRENCY', "
      "'AMERICA'),\n"
      "  ('NLS_NUMERIC_CHARACTERS', '.,'), ('NLS_CALENDAR', 'GREGORIAN'), ('NLS_DATE_FORMAT', 'DD-MON-RR'),\n"
      "  ('NLS_DATE_LANGUAGE', 'AMERICAN'), ('NLS_SORT', 'BINARY'), ('NLS_TIME_FORMAT', 'HH.MI.SSXFF AM'),\n"
      "  ('NLS_TIMESTAMP_FORMAT', 'DD-MON-RR HH.MI.SSXFF AM'), ('NLS_TIME_TZ_FORMAT', 'HH.MI.SSXFF AM TZR'),\n"
      "  ('NLS_TIMESTAMP_TZ_FORMAT', 'DD-MON-RR HH.MI.SSXFF AM TZR'), ('NLS_DUAL_CURRENCY', '$'), ('NLS_COMP', "
      "'BINARY'),\n"
      "  ('NLS_LENGTH_SEMANTICS', 'BYTE'), ('NLS_NCHAR_CONV_EXCP', 'FALSE')";
  if (database)
    rows +=
        ",\n  ('NLS_CHARACTERSET', (SELECT CASE pg_encoding_to_char(encoding) WHEN 'UTF8' THEN 'AL32UTF8'\n"
        "       WHEN 'LATIN1' THEN 'WE8ISO8859P1' WHEN 'LATIN9' THEN 'WE8ISO8859P15' WHEN 'WIN1252' THEN 'WE8MSWIN1252'\n"
        "       WHEN 'SQL_ASCII' THEN 'US7ASCII' ELSE pg_encoding_to_char(encoding) END FROM pg_database WHERE datname = "
        "current_database())),\n"
        "  ('NLS_NCHAR_CHARACTERSET', 'AL16UTF16'), ('NLS_RDBMS_VERSION', current_setting('server_version'))";
  return "SELECT parameter::varchar(" + std::string(database ? "128" : "30") + ") AS parameter, value::varchar(" +
         (database ? "64" : "64") + ") AS value\nFROM (VALUES " + rows + ") AS p(parameter, value)";
}

// USER_x from ALL_x: the current user's rows, without OWNER (the first column).
ViewDef user_view(const ViewDef& all, const std::string& what) {
  std::vector<ViewColumn> columns(all.columns.begin() + 1, all.columns.end());
  std::string cols;
  for (const auto& c : columns) cols += std::string(cols.empty() ? "" : ", ") + quote_ident(target_name(c.name));
  return {columns, all.difference + "; the current user's " + what,
          "SELECT " + cols + " FROM (" + all.select + ") a WHERE a.owner = upper(current_user)"};
}

const std::map<std::string, ViewDef, std::less<>>& views() {
  static const std::map<std::string, ViewDef, std::less<>> defs = [] {
    std::map<std::string, ViewDef, std::less<>> d;
    std::vector<ViewColumn> objects = {{"OWNER", "VARCHAR2(128)"},         {"OBJECT_NAME", "VARCHAR2(128)"},
                                       {"SUBOBJECT_NAME", "VARCHAR2(128)"}, {"OBJECT_ID", "NUMBER"},
                                       {"DATA_OBJECT_ID", "NUMBER"},        {"OBJECT_TYPE", "VARCHAR2(23)"},
                                       {"CREATED", "DATE"},                 {"LAST_DDL_TIME", "DATE"},
                                       {"TIMESTAMP", "VARCHAR2(19)"},       {"STATUS", "VARCHAR2(7)"},
                                       {"TEMPORARY", "VARCHAR2(1)"},        {"GENERATED", "VARCHAR2(1)"},
                                       {"SECONDARY", "VARCHAR2(1)"}};
    const std::string objects_note =
        "from pg_catalog: OWNER is the owning role, packages and type bodies are their schemas, STATUS is always VALID "
        "(PostgreSQL keeps no invalid objects), CREATED, LAST_DDL_TIME and TIMESTAMP are NULL (no DDL history), "
        "SUBOBJECT_NAME (partitions) is NULL";
    d["ALL_OBJECTS"] = {objects, objects_note, objects_select()};
    d["DBA_OBJECTS"] = d["ALL_OBJECTS"];
    d["USER_OBJECTS"] = user_view(d["ALL_OBJECTS"], "objects");
    std::vector<ViewColumn> types = {{"OWNER", "VARCHAR2(128)"},        {"TYPE_NAME", "VARCHAR2(128)"},
                                     {"TYPE_OID", "RAW(16)"},              {"TYPECODE", "VARCHAR2(128)"},
                                     {"ATTRIBUTES", "NUMBER"},             {"METHODS", "NUMBER"},
                                     {"PREDEFINED", "VARCHAR2(3)"},        {"INCOMPLETE", "VARCHAR2(3)"},
                                     {"FINAL", "VARCHAR2(3)"},             {"INSTANTIABLE", "VARCHAR2(3)"},
                                     {"PERSISTABLE", "VARCHAR2(3)"},       {"SUPERTYPE_OWNER", "VARCHAR2(128)"},
                                     {"SUPERTYPE_NAME", "VARCHAR2(128)"},  {"LOCAL_ATTRIBUTES", "NUMBER"},
                                     {"LOCAL_METHODS", "NUMBER"},          {"TYPEID", "RAW(16)"}};
    const std::string types_note =
        "the object and collection types orashift converted (their comment keeps Oracle's kind, supertype, FINAL and "
        "INSTANTIABLE); TYPE_OID, TYPEID, LOCAL_ATTRIBUTES and LOCAL_METHODS are NULL; a subtype in a hierarchy counts "
        "every attribute of the hierarchy's composite";
    d["ALL_TYPES"] = {types, types_note, types_select()};
    d["USER_TYPES"] = user_view(d["ALL_TYPES"], "types");
    std::vector<ViewColumn> tables = {{"OWNER", "VARCHAR2(128)"},          {"TABLE_NAME", "VARCHAR2(128)"},
                                      {"TABLESPACE_NAME", "VARCHAR2(30)"}, {"STATUS", "VARCHAR2(8)"},
                                      {"NUM_ROWS", "NUMBER"},              {"TEMPORARY", "VARCHAR2(1)"},
                                      {"PARTITIONED", "VARCHAR2(3)"},      {"IOT_TYPE", "VARCHAR2(12)"}};
    const std::string tables_note =
        "from pg_catalog: OWNER is the owning role, NUM_ROWS is PostgreSQL's estimate (NULL before ANALYZE), storage "
        "columns are not given";
    d["ALL_TABLES"] = {tables, tables_note, tables_select()};
    d["DBA_TABLES"] = d["ALL_TABLES"];
    d["USER_TABLES"] = user_view(d["ALL_TABLES"], "tables");
    std::vector<ViewColumn> columns = {{"OWNER", "VARCHAR2(128)"},     {"TABLE_NAME", "VARCHAR2(128)"},
                                       {"COLUMN_NAME", "VARCHAR2(128)"}, {"DATA_TYPE", "VARCHAR2(128)"},
                                       {"DATA_LENGTH", "NUMBER"},        {"DATA_PRECISION", "NUMBER"},
                                       {"DATA_SCALE", "NUMBER"},         {"NULLABLE", "VARCHAR2(1)"},
                                       {"COLUMN_ID", "NUMBER"},          {"DATA_DEFAULT", "CLOB"}};
    const std::string columns_note =
        "from pg_catalog: DATA_TYPE is the Oracle type the PostgreSQL type maps back to (timestamp → DATE, text → "
        "CLOB), DATA_DEFAULT is PostgreSQL's expression text";
    d["ALL_TAB_COLUMNS"] = {columns, columns_note, columns_select()};
    d["ALL_TAB_COLS"] = d["ALL_TAB_COLUMNS"];
    d["USER_TAB_COLUMNS"] = user_view(d["ALL_TAB_COLUMNS"], "tables' columns");
    d["USER_TAB_COLS"] = d["USER_TAB_COLUMNS"];
    d["ALL_USERS"] = {{{"USERNAME", "VARCHAR2(128)"},
                       {"USER_ID", "NUMBER"},
                       {"CREATED", "DATE"},
                       {"COMMON", "VARCHAR2(3)"},
                       {"ORACLE_MAINTAINED", "VARCHAR2(1)"}},
                      "from pg_roles: every role that can log in; CREATED is NULL; ORACLE_MAINTAINED is Y for "
                      "PostgreSQL's predefined roles and the bootstrap superuser",
                      "SELECT (" + oracle_name("r.rolname") + ")::varchar(128) AS username, r.oid::bigint::numeric AS user_id,\n"
                      "       NULL::timestamp AS created, 'NO'::varchar(3) AS common,\n"
                      "       (CASE WHEN r.rolname LIKE 'pg\\_%' OR r.oid = 10 THEN 'Y' ELSE 'N' END)::varchar(1) AS "
                      "oracle_maintained\n"
                      "FROM pg_roles r WHERE r.rolcanlogin OR r.rolname LIKE 'pg\\_%'"};
    std::vector<ViewColumn> nls = {{"PARAMETER", "VARCHAR2(30)"}, {"VALUE", "VARCHAR2(64)"}};
    const std::string nls_note =
        "fixed values: Oracle's defaults for AMERICAN_AMERICA, NLS_DATE_FORMAT as the conversion assumed it; ALTER "
        "SESSION SET NLS_… does not change them";
    d["NLS_SESSION_PARAMETERS"] = {nls, nls_note, nls_select(false)};
    d["NLS_DATABASE_PARAMETERS"] = {{{"PARAMETER", "VARCHAR2(128)"}, {"VALUE", "VARCHAR2(64)"}},
                                    nls_note + "; NLS_CHARACTERSET is the database's encoding under Oracle's name, "
                                               "NLS_RDBMS_VERSION PostgreSQL's version",
                                    nls_select(true)};
    d["V$VERSION"] = {{{"BANNER", "VARCHAR2(80)"}, {"BANNER_FULL", "VARCHAR2(160)"}, {"CON_ID", "NUMBER"}},
                      "one row, PostgreSQL's version() (code that looks for 'Oracle' in BANNER finds nothing)",
                      "SELECT left(version(), 80)::varchar(80) AS banner, left(version(), 160)::varchar(160) AS "
                      "banner_full, 0::numeric AS con_id"};
    return d;
  }();
  return defs;
}

std::map<std::string, Table, std::less<>> make_tables() {
  std::map<std::string, Table, std::less<>> out;
  for (const auto& [name, def] : views()) {
    Table t;
    t.name = name;
    for (const auto& c : def.columns) {
      Column col;
      col.name = c.name;
      col.type = oracle_type(c.oracle);
      t.columns.push_back(std::move(col));
    }
    out.emplace(name, std::move(t));
  }
  return out;
}

}  // namespace

const Table* dictionary_view(std::string_view oracle_name) {
  static const std::map<std::string, Table, std::less<>> tables = make_tables();
  auto it = tables.find(oracle_name);
  return it == tables.end() ? nullptr : &it->second;
}

std::string dictionary_view_ref(std::string_view oracle_name) {
  return quote_ident(kDictionarySchema) + "." + quote_ident(target_name(oracle_name));
}

std::string dictionary_view_difference(std::string_view oracle_name) {
  auto it = views().find(oracle_name);
  return it == views().end() ? std::string() : it->second.difference;
}

std::string dictionary_view_sql(std::string_view oracle_name) {
  auto it = views().find(oracle_name);
  if (it == views().end()) return "";
  std::string select = it->second.select;
  std::string cols;
  for (const auto& c : it->second.columns)
    cols += std::string(cols.empty() ? "" : ", ") + quote_ident(target_name(c.name)) + "::" + pg_type(c.oracle);
  // The outer SELECT fixes every column's type to the one its %TYPE declares.
  return "CREATE SCHEMA IF NOT EXISTS " + quote_ident(kDictionarySchema) + ";\nCREATE OR REPLACE VIEW " +
         dictionary_view_ref(oracle_name) + " AS\nSELECT " + cols + "\nFROM (\n" + select + "\n) v;\n";
}

std::string dictionary_schema_comment(const std::string& schema_target_name, const std::string& kind) {
  return "COMMENT ON SCHEMA " + quote_ident(schema_target_name) + " IS " + quote_literal("orashift: Oracle " + kind) + ";\n";
}

}  // namespace orashift
