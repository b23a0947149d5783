#include "assess/action_item.h"

#include <stdexcept>

#include "common/redact.h"

namespace orashift {

const char* item_severity_name(ItemSeverity s) {
  switch (s) {
    case ItemSeverity::Info: return "info";
    case ItemSeverity::Low: return "low";
    case ItemSeverity::Medium: return "medium";
    case ItemSeverity::High: return "high";
    case ItemSeverity::Critical: return "critical";
  }
  return "info";
}

const std::vector<ActionItemKind>& action_item_kinds() {
  static const std::vector<ActionItemKind> kinds = {
      // 1xxx: data types
      {"OS1001", ItemSeverity::Low, "types",
       "Unconstrained NUMBER mapped to a fixed-scale NUMERIC",
       "Check the column's real values; declare NUMBER(p,s) in the mapping settings, or use BIGINT if the values "
       "are integers. Rows whose values need more fractional digits are rejected by the loader.",
       0.25},
      {"OS1002", ItemSeverity::Medium, "types", "Data type has no exact equivalent on the target",
       "Review the chosen target type and the values stored; adjust the type mapping settings if needed.", 1.0},
      {"OS1003", ItemSeverity::Low, "types", "Character length semantics changed",
       "Oracle counted characters (CHAR semantics); the target counts bytes. The length was multiplied by 4 "
       "(UTF-8 worst case); tighten it if the data allows.",
       0.1},
      {"OS1004", ItemSeverity::Info, "types", "CHAR column on Redshift stores single-byte characters only",
       "Redshift CHAR accepts only single-byte characters; the column was converted to VARCHAR of the same byte "
       "length to accept multibyte data. Trailing blanks are then significant in comparisons.",
       0.1},
      {"OS1005", ItemSeverity::Info, "types", "Foreign-key column takes the type of the key it references",
       "The column was declared as unconstrained NUMBER; it now has the referenced key's precise type so the "
       "target can enforce and join it efficiently. Rows whose values do not fit are rejected by the loader, "
       "with the reason, never rounded.",
       0.0},
      {"OS1006", ItemSeverity::Medium, "types", "Type emulated on the target",
       "XMLTYPE (DuckDB, Redshift), SDO_GEOMETRY, ROWID/UROWID and BFILE have no equivalent type: the column holds "
       "a text (or Redshift GEOMETRY) form of the value. Check the code that reads it and override the mapping "
       "(--type-map) if a target extension such as PostGIS is available.",
       1.0},
      {"OS1007", ItemSeverity::High, "types", "User-defined object or collection type stored as text",
       "Object, VARRAY and nested-table column types are stored as text; model their attributes as columns or "
       "child tables (or JSON), and convert the values in the load.",
       4.0},
      // 2xxx: constraints and table features
      {"OS1008", ItemSeverity::Info, "types", "Type narrowed from the evidence of the data",
       "The column was declared as unconstrained NUMBER (or INTEGER); every value seen fits the narrower type, "
       "which keeps headroom (integers: 100x the largest value; decimals: 2 more integer digits, the observed "
       "scale). A later value that does not fit is rejected with this narrowing named, never rounded; rerun with "
       "--types declared or give the column a type in the --type-map file to undo it.",
       0.0},
      {"OS2001", ItemSeverity::Info, "constraints", "Constraint is disabled in Oracle and not created on the target",
       "The source does not enforce it (DISABLE/NOVALIDATE). Create it after cleaning the data if it should be "
       "enforced.",
       0.1},
      {"OS2002", ItemSeverity::Info, "constraints", "Constraints are informational on Redshift",
       "Redshift does not enforce primary, unique or foreign keys; the optimizer trusts them. Make sure the loaded "
       "data satisfies them (orashift validate).",
       0.0},
      {"OS2003", ItemSeverity::Low, "constraints", "Foreign key not created on DuckDB",
       "DuckDB cannot add foreign keys to existing tables and enforces them on every insert; the key is kept as a "
       "comment. Add it to CREATE TABLE by hand if you need enforcement.",
       0.1},
      {"OS2004", ItemSeverity::Medium, "constraints", "CHECK constraint not supported on Redshift",
       "Redshift has no CHECK constraints. Enforce the rule in the load pipeline or with a validation query.",
       0.5},
      {"OS2005", ItemSeverity::Low, "tables", "Column default or CHECK condition not converted",
       "The Oracle expression is outside what orashift translates exactly (literals, SYSDATE/SYSTIMESTAMP, USER, "
       "SYS_GUID(), seq.NEXTVAL; conditions on columns with comparisons, IN, BETWEEN, LIKE, IS NULL). Write the "
       "target expression by hand.",
       0.25},
      {"OS2006", ItemSeverity::Info, "tables", "Oracle partitioning replaced",
       "Redshift has no table partitions: the table is created whole and the partition key leads the sort key. "
       "DuckDB has no partitions: the table is created whole. PostgreSQL gets declarative partitions unless a key "
       "lacks the partition column or a bound is not a constant, in which case the table is created whole (the "
       "reason is given).",
       0.25},
      {"OS2007", ItemSeverity::Info, "tables", "Sequence option not kept",
       "The target has no equivalent for the option (ORDER, KEEP, SCALE, SESSION …) or the value exceeds the target's BIGINT range (Oracle's default MAXVALUE is 10^28-1; it became NO MAXVALUE). Check that the sequence's values stay within BIGINT.",
       0.1},
      {"OS2008", ItemSeverity::Low, "tables", "Partitioning re-created in part",
       "PostgreSQL: an INTERVAL-partitioned table gets the partitions the script lists plus a DEFAULT partition that takes every later row (Oracle would have created new partitions); subpartitions are not created. Create further partitions (e.g. with pg_partman) and move rows out of the DEFAULT partition.",
       0.5},
      {"OS2009", ItemSeverity::Medium, "tables", "Sequence not created on Redshift",
       "Redshift has no sequences. Use an IDENTITY column on the table the sequence feeds, or keep a key table and allocate ranges from it in the load; rewrite seq.NEXTVAL in code accordingly.",
       1.0},
      {"OS2010", ItemSeverity::Medium, "tables", "Virtual column created as a plain column",
       "Redshift has no generated columns (and PostgreSQL/DuckDB got none because the expression needs the expression converter): the column exists but is not computed. Compute it in the load, or expose it through a view.",
       0.5},
      {"OS2011", ItemSeverity::Info, "tables", "Invisible column is visible on the target",
       "Targets have no invisible columns: SELECT * and INSERT without a column list now include it. Name columns explicitly in code that relied on it being hidden.",
       0.1},
      {"OS2012", ItemSeverity::High, "tables", "Object table not converted",
       "A table OF a user-defined object type has no equivalent: design its attributes as ordinary columns (and methods as functions), then create the table by hand.",
       4.0},
      {"OS2013", ItemSeverity::Medium, "tables", "Global temporary table created as a permanent table",
       "The definition was permanent in Oracle and its rows private to a session (ON COMMIT DELETE/PRESERVE ROWS). The target gets a permanent table (UNLOGGED on PostgreSQL) so that code referring to it compiles; code must delete its own rows, or create a TEMP table per session instead.",
       1.0},
      {"OS2014", ItemSeverity::Info, "tables", "Index-organized table created as a heap table with its primary key",
       "Targets store tables as heaps; the primary key index keeps lookups fast. On PostgreSQL, CLUSTER on the key orders the rows once if range scans on the key matter.",
       0.1},
      {"OS2015", ItemSeverity::Low, "tables", "Default uses a sequence the scripts do not create",
       "The column default calls seq.NEXTVAL for a sequence outside the converted scripts; create the sequence on the target before inserting rows.",
       0.25},
      {"OS2016", ItemSeverity::Low, "tables", "DEFAULT ON NULL applies only to omitted columns on the target",
       "Oracle also replaces an explicit NULL with the default; the target applies the default only when the column is omitted and rejects or stores NULL otherwise. Use COALESCE in the inserting code or a trigger.",
       0.25},
      {"OS2017", ItemSeverity::Info, "tables", "Identity column converted to the target's mechanism",
       "Redshift: IDENTITY(seed, step) (Oracle ALWAYS) or GENERATED BY DEFAULT AS IDENTITY(seed, step) (Oracle BY DEFAULT) on an INTEGER or BIGINT column; values are unique but not consecutive. orashift's COPY loads the Oracle values with EXPLICIT_IDS, which does not move the identity's next value past them: new rows can repeat loaded values, so recreate the table with a seed above the highest loaded value (or insert the ids yourself) before inserting new rows. DuckDB: a sequence of its own and DEFAULT nextval(); GENERATED ALWAYS is not enforced.",
       0.1},
      {"OS2018", ItemSeverity::Info, "tables", "Private synonym resolved to its object",
       "The synonym names a table of the same conversion; code that names it is resolved to that table, so no target object is created.",
       0.0},
      {"OS2019", ItemSeverity::Low, "tables", "Synonym for an object outside the conversion not created",
       "The synonym points to an object these scripts do not create (another schema, a database link, a PL/SQL unit). Create the object on the target first, then a view (tables, views) or rewrite the references in code.",
       0.25},
      {"OS2020", ItemSeverity::Low, "constraints", "Foreign key to a table outside the conversion not created",
       "The referenced table belongs to another schema or script (e.g. OE's orders referencing HR's employees). Convert that schema into the same target first, then add the key by hand.",
       0.25},
      {"OS2021", ItemSeverity::Medium, "tables", "Names that differ only in case collide on Redshift",
       "Redshift folds quoted names to lower case unless enable_case_sensitive_identifier is on, so these Oracle names would be one name there. The converted script turns the parameter on before its first table and orashift turns it on before each COPY; every session that reads these tables must turn it on too (SET enable_case_sensitive_identifier TO true, or ALTER USER … SET), or rename the columns.",
       0.5},
      {"OS2022", ItemSeverity::Medium, "tables", "Domain not converted",
       "Oracle 23ai SQL domains (CREATE DOMAIN, a column's DOMAIN clause) bundle a type with constraints, a default and display properties. The column keeps its own type; the domain's CHECK constraints, default and ordering are not applied on the target. Add the CHECK to each column that used the domain (PostgreSQL also has CREATE DOMAIN).",
       0.5},
      {"OS2023", ItemSeverity::Info, "tables", "Annotations not kept",
       "Oracle 23ai ANNOTATIONS (name 'value') on a table or column are application metadata with no target equivalent; they are not created. Keep them as COMMENT ON text if an application reads them.",
       0.0},
      {"OS2024", ItemSeverity::Info, "constraints", "Key or index renamed: its name is a table's on PostgreSQL",
       "PostgreSQL keeps tables, sequences and indexes in one namespace per schema, and a primary or unique key's index takes the constraint's name; Oracle keeps constraints and indexes apart from tables, so a key named like its table (CONSTRAINT t PRIMARY KEY in table t) would collide. The key or index gets the name shown (the Oracle name with _PK, _UK or _IDX); scripts that ALTER or DROP it by name need the new one.",
       0.0},
      {"OS2025", ItemSeverity::Medium, "constraints", "Key's delete rule or deferral not kept",
       "Oracle's ON DELETE CASCADE / SET NULL removes or empties the child rows when a parent row is deleted, and DEFERRABLE INITIALLY DEFERRED checks a key at COMMIT. Redshift enforces no key and runs no delete rule; DuckDB has neither delete rules nor deferred checks. A DELETE of a parent row leaves its children as they are: delete (or set to NULL) the child rows in the same transaction, and order statements so that each one leaves the keys valid.",
       0.5},
      // 3xxx: indexes and physical design
      {"OS3001", ItemSeverity::Info, "physical", "Index dropped on Redshift",
       "Redshift has no indexes; its columns informed the sort and distribution keys.", 0.0},
      {"OS3002", ItemSeverity::Info, "physical", "Bitmap index converted to B-tree",
       "PostgreSQL has no persistent bitmap indexes; a B-tree index was created. Consider BRIN or dropping it for "
       "low-cardinality columns.",
       0.1},
      {"OS3003", ItemSeverity::Info, "physical", "Index not created on DuckDB",
       "DuckDB's columnar storage with zone maps serves analytic filters without secondary indexes; the index "
       "would only slow loading.",
       0.0},
      {"OS3004", ItemSeverity::Info, "physical", "Storage clauses dropped",
       "Oracle physical attributes (PCTFREE, TABLESPACE, COMPRESS, STORAGE, LOGGING) have no target meaning.", 0.0},
      {"OS3005", ItemSeverity::Info, "physical", "Index is the key's own index",
       "The Oracle script created this index for a primary or unique key (USING INDEX); the target creates the key's index itself, so a second one is not created.",
       0.0},
      // 4xxx: queries, views and expressions (SQL rewriter, docs/sql-rewrites.md)
      {"OS4001", ItemSeverity::Medium, "query", "ROWNUM not convertible to LIMIT",
       "ROWNUM was used where LIMIT cannot express it (a filter other than ROWNUM <= n, ROWNUM with ORDER BY or GROUP BY in the same query block, ROWNUM in a set operation). Rewrite with ROW_NUMBER() OVER (ORDER BY ...) in a subquery, or with FETCH FIRST / LIMIT after deciding the order.", 0.5},
      {"OS4002", ItemSeverity::High, "query", "Hierarchical query not converted",
       "CONNECT BY / PRIOR / LEVEL / SYS_CONNECT_BY_PATH could not be turned into WITH RECURSIVE automatically (joins or subqueries in the hierarchical FROM, pseudo-columns outside CONNECT BY, CONNECT_BY_ISLEAF). Write the recursive CTE by hand: anchor = START WITH rows, recursive member = the table joined to the CTE on the CONNECT BY condition.", 2.0},
      {"OS4003", ItemSeverity::Medium, "query", "Hierarchical-query option not reproduced",
       "NOCYCLE, ORDER SIBLINGS BY and the SEARCH/CYCLE clauses are not reproduced. Add a path array/string and a cycle check to the recursive CTE (PostgreSQL 14+: CYCLE clause), and order by a materialised sibling path.", 1.0},
      {"OS4004", ItemSeverity::Medium, "query", "Format model element not supported by the target",
       "A TO_CHAR/TO_DATE/TO_NUMBER/TRUNC format element has no equivalent on the target (or the format is not a literal). Rewrite the formatting with the target's functions (DuckDB: strftime/strptime/printf).", 0.5},
      {"OS4005", ItemSeverity::High, "query", "Sequence used on Redshift",
       "Redshift has no sequences: NEXTVAL/CURRVAL cannot be converted. Use an IDENTITY column, or generate keys in the load (ROW_NUMBER() + max key).", 1.0},
      {"OS4006", ItemSeverity::High, "query", "PIVOT / UNPIVOT / MODEL / MATCH_RECOGNIZE not converted",
       "Rewrite PIVOT as conditional aggregation (SUM(CASE WHEN col = v THEN x END) per value), UNPIVOT as UNION ALL of one SELECT per column; MODEL and MATCH_RECOGNIZE need a manual rewrite.", 2.0},
      {"OS4007", ItemSeverity::Medium, "query", "Function without a target equivalent",
       "The function has no mapping (docs/sql-rewrites.md lists the map), or it is a user/package function that must be converted and created on the target first. Rewrite the call or create the function.", 0.5},
      {"OS4008", ItemSeverity::Low, "query", "Type of an expression could not be inferred",
       "A rewrite depends on a type (DATE + n, TRUNC(x), TO_CHAR(x)) that the catalog does not give; the most likely type was assumed. Check the converted expression.", 0.1},
      {"OS4009", ItemSeverity::High, "query", "Outer join (+) not convertible",
       "The (+) condition could not be turned into an ANSI join (columns of unknown tables, (+) on two tables in one condition, inside OR, a cycle). Rewrite the FROM clause with LEFT JOIN ... ON by hand.", 1.0},
      {"OS4010", ItemSeverity::Info, "query", "View option not reproduced",
       "FORCE, WITH CHECK OPTION, WITH READ ONLY or a subquery restriction has no equivalent (or a different one) on the target: the view is created without it. Enforce the restriction with grants (read only) or constraints.", 0.1},
      {"OS4011", ItemSeverity::Low, "query", "Materialized view converted with different refresh behaviour",
       "Oracle's refresh options (FAST/ON COMMIT/query rewrite) are not kept: PostgreSQL needs REFRESH MATERIALIZED VIEW, Redshift refreshes with REFRESH or AUTO REFRESH, DuckDB gets a table filled from the query (re-create it to refresh). Schedule the refresh.", 0.5},
      {"OS4012", ItemSeverity::Low, "query", "Conversion with a documented semantic difference",
       "The converted expression behaves like Oracle's except in the noted edge case (NLS default formats, ADD_MONTHS on month ends, MONTHS_BETWEEN fractions). Check the values the application relies on.", 0.1},
      {"OS4013", ItemSeverity::High, "query", "Query construct not convertible",
       "A construct of the query has no equivalent on the target (bind variables in a view, table functions, JSON_TABLE/XMLTABLE, flashback, SAMPLE, collection operators, IS JSON tests, ...). Rewrite it by hand for the target.", 1.0},
      {"OS4014", ItemSeverity::Info, "query", "LISTAGG overflow handling dropped",
       "ON OVERFLOW TRUNCATE/ERROR is not reproduced: STRING_AGG/LISTAGG on the target builds the whole string (Redshift fails above 64 KB). Check the longest result.", 0.1},
      {"OS4015", ItemSeverity::Info, "query", "Oracle's implicit conversion made explicit",
       "Oracle converted a value implicitly here (a character value compared with or added to a number, text compared with or stored into a DATE, a DATE concatenated as text); the targets do not, or differently, so the conversion is written out: literals are converted now ('10' becomes 10, '01-JAN-2020' becomes TIMESTAMP '2020-01-01 00:00:00' with NLS_DATE_FORMAT), DATEs in || are formatted with NLS_DATE_FORMAT. Nothing to do unless the Oracle sessions used another NLS_DATE_FORMAT than the one named.", 0.0},
      {"OS4016", ItemSeverity::Low, "query", "Implicit conversion whose result depends on the data",
       "Oracle converted a character value to a number or a date where the statement runs (TO_NUMBER(flag) = 1); the conversion is now an explicit CAST / TO_TIMESTAMP, which fails on a row whose text is not a number (or a date in NLS_DATE_FORMAT) just as Oracle raised ORA-01722 / ORA-01861 on it. Check the column's values, or compare with a character literal instead ('1') if the column only holds such codes. Also raised for a literal that does not convert (the statement fails where Oracle's failed) and for date text read as ISO because it does not match NLS_DATE_FORMAT.", 0.1},
      {"OS4017", ItemSeverity::Low, "query", "Oracle data dictionary view emulated",
       "The query reads an Oracle dictionary view (USER_OBJECTS, ALL_USERS, NLS_SESSION_PARAMETERS, V$VERSION …); it reads the view of the same name that the converted output creates in the schema orashift_dictionary from PostgreSQL's catalog. The message says what the emulation gives differently (packages are schemas, STATUS is always VALID, no DDL times, NLS values fixed). Check the code does not rely on those columns. See plsql.md, \"Emulated data dictionary\".", 0.1},
      // 5xxx: code constructs found in the tokens of PL/SQL units and views. Their effort comes
      // from the effort model (effort_model.h), which scales ora2pg's units per target; the
      // hours below are only the fallback when no model is given.
      {"OS5001", ItemSeverity::Medium, "code", "Explicit or REF cursor",
       "Rewrite cursor declarations and %FOUND/%ROWCOUNT logic for the target's procedural language; Redshift "
       "procedures support cursors with restrictions, DuckDB has no stored procedures (move the loop to the "
       "application or to set-based SQL).",
       0.1},
      {"OS5002", ItemSeverity::High, "code", "BULK COLLECT",
       "Replace BULK COLLECT INTO collections with set-based SQL (INSERT … SELECT, CTAS) or arrays.", 0.4},
      {"OS5003", ItemSeverity::Medium, "code", "FORALL bulk DML",
       "Replace FORALL with a single set-based INSERT/UPDATE/DELETE … SELECT.", 0.1},
      {"OS5004", ItemSeverity::High, "code", "Dynamic SQL (EXECUTE IMMEDIATE / DBMS_SQL)",
       "Check the SQL text built at run time: it is Oracle SQL and must be translated by hand; use EXECUTE in "
       "PL/pgSQL (Redshift, PostgreSQL) or build it in the application.",
       0.25},
      {"OS5005", ItemSeverity::High, "code", "Autonomous transaction",
       "PRAGMA AUTONOMOUS_TRANSACTION has no equivalent on the targets; log through a separate connection "
       "(dblink on PostgreSQL) or redesign the commit boundaries.",
       0.25},
      {"OS5006", ItemSeverity::High, "code", "Oracle supplied package call (DBMS_*, UTL_*)",
       "Oracle's packages do not exist on the target; replace the call with a target function, an extension "
       "(orafce on PostgreSQL) or application code.",
       0.25},
      {"OS5007", ItemSeverity::Medium, "code", "Hierarchical query (CONNECT BY)",
       "Rewrite as a recursive common table expression (WITH RECURSIVE).", 0.25},
      {"OS5008", ItemSeverity::Medium, "code", "MERGE statement",
       "Redshift supports MERGE with restrictions, PostgreSQL 15+ and DuckDB 1.4+ support it; check the WHEN "
       "clauses or rewrite as UPDATE + INSERT.",
       0.25},
      {"OS5009", ItemSeverity::Medium, "code", "ROWNUM pseudo-column",
       "Replace ROWNUM filters with LIMIT/FETCH FIRST and ROWNUM values with ROW_NUMBER() OVER ().", 0.1},
      {"OS5010", ItemSeverity::Medium, "code", "Oracle outer join operator (+)",
       "Rewrite as ANSI LEFT/RIGHT OUTER JOIN.", 0.2},
      {"OS5011", ItemSeverity::Medium, "code", "Global temporary table",
       "The definition is permanent in Oracle and per-session on the targets: create the temporary table in "
       "each session (CREATE TEMP TABLE) or use a permanent staging table.",
       0.8},
      {"OS5012", ItemSeverity::Medium, "code", "PL/SQL collection or record type",
       "Nested tables, VARRAYs, associative arrays and records need arrays, composite types or temporary tables "
       "on the target.",
       0.35},
      {"OS5013", ItemSeverity::Medium, "code", "Pipelined table function",
       "Rewrite PIPE ROW as RETURN NEXT (PostgreSQL) or as a view / set-based query (Redshift, DuckDB).", 0.1},
      {"OS5014", ItemSeverity::Medium, "code", "GOTO",
       "PL/pgSQL has no GOTO; restructure the control flow with loops and EXIT.", 0.2},
      {"OS5015", ItemSeverity::Medium, "code", "ROWID / UROWID",
       "The targets have no stable row address; use the primary key.", 0.2},
      {"OS5016", ItemSeverity::Medium, "code", "Transaction control inside code",
       "COMMIT/ROLLBACK/SAVEPOINT inside functions is not allowed on the targets; move transaction control to "
       "the caller or to procedures (Redshift and PostgreSQL procedures may COMMIT).",
       0.1},
      {"OS5017", ItemSeverity::Low, "code", "Exception handler",
       "Map Oracle exception names and SQLCODE values to the target's conditions (SQLSTATE).", 0.2},
      {"OS5018", ItemSeverity::High, "code", "Database link",
       "Remote objects (@dblink) need a foreign data wrapper (PostgreSQL), federated query (Redshift) or an ETL "
       "step.",
       0.1},
      // 6xxx: PL/SQL code objects (src/convert/plsql/codes.h)
      {"OS6001", ItemSeverity::High, "code", "PL/SQL construct not convertible",
       "The unit is not applied: rewrite the construct named in the message by hand (the converted text of the "
       "rest of the unit is in the output, commented out), then apply it.",
       2.0},
      {"OS6002", ItemSeverity::Medium, "code", "Converted code behaves differently in a stated way",
       "The unit was converted and applied; the message says what differs from Oracle (error texts, rollback "
       "scope, NULL handling). Check the callers that depend on it and add a behaviour test.",
       0.5},
      {"OS6003", ItemSeverity::Info, "code", "Recognised pattern converted to the target's idiom",
       "Nothing to do: the message says what was recognised and what replaced it (e.g. a key-from-sequence "
       "trigger became a column DEFAULT).",
       0.0},
      {"OS6004", ItemSeverity::High, "code", "Built-in package without an equivalent on the target",
       "Replace the call: UTL_FILE → COPY or an external job, UTL_HTTP → a client outside the database, "
       "DBMS_JOB/DBMS_SCHEDULER → pg_cron or an external scheduler, DBMS_LOB → string functions; the message "
       "names the call.",
       2.0},
      {"OS6005", ItemSeverity::High, "code", "Transaction control the target cannot hold",
       "COMMIT/ROLLBACK inside a function or trigger, SAVEPOINT inside PL/pgSQL and autonomous transactions have no "
       "PostgreSQL equivalent: move the commit to the caller (a procedure called outside a transaction block), or "
       "use dblink/pg_background for an autonomous unit of work.",
       3.0},
      {"OS6006", ItemSeverity::High, "code", "Collection semantics not emulated",
       "Associative-array uses the jsonb emulation does not cover (INTO an element, BULK COLLECT into a sparse array), "
       "MULTISET operators and TABLE() over a PL/SQL collection need a redesign: a temporary table, jsonb, or set-based SQL.",
       3.0},
      {"OS6007", ItemSeverity::High, "code", "Object type feature not converted",
       "Object types become composite types and their methods routines with SELF first (docs/plsql.md, Object "
       "types); what needs the run-time type (a NOT INSTANTIABLE method's override, an inherited procedure on an "
       "expression) is not converted: keep a type tag attribute and branch on it, or call the subtype's routine.",
       4.0},
      {"OS6008", ItemSeverity::High, "code", "The target has no such code object or feature",
       "DuckDB has no stored procedures, triggers or packages: keep the logic in the application or in SQL "
       "macros written by hand. Redshift has procedures and SQL UDFs only, within documented limits "
       "(docs/redshift.md, Stored procedures): the message names the limit and the replacement (IDENTITY or "
       "DEFAULT for trigger patterns, one joined query for nested cursor loops, quote_literal for dynamic binds, "
       "a table for package state).",
       2.0},
      {"OS6009", ItemSeverity::High, "code", "Unit depends on a unit that was not converted",
       "Convert the unit named in the message first; this one is then converted with it.", 0.5},
      {"OS6010", ItemSeverity::Medium, "code", "Dynamic SQL text passed through as written",
       "The statement text is built at run time, so it was not converted: check that what it builds is valid "
       "PostgreSQL (quote_ident/format for names, $n placeholders for binds).",
       1.0},
      // 9xxx: statements the converter does not handle yet
      {"OS9001", ItemSeverity::High, "unsupported", "Statement not converted",
       "This kind of statement is recognised but not converted by this version; convert it by hand.", 2.0},
      {"OS9002", ItemSeverity::High, "unsupported", "Statement could not be parsed",
       "Fix the syntax error (or report a parser gap) and convert again.", 1.0},
      {"OS9003", ItemSeverity::Info, "unsupported", "Statement outside the schema not converted",
       "Grants, users, data changes and session settings are not part of the converted schema; re-create what "
       "the target needs (users, grants) with the target's own tools. Data changes (INSERT, UPDATE, DELETE, MERGE, "
       "COMMIT, …) are listed once per file and statement kind with their count: load such data with "
       "`orashift load` or `migrate`.",
       0.0},
  };
  return kinds;
}

const ActionItemKind* find_action_item_kind(std::string_view code) {
  for (const auto& k : action_item_kinds())
    if (code == k.code) return &k;
  return nullptr;
}

void ActionItems::add(std::string_view code, std::string object, std::string message, Span span, std::string target) {
  const ActionItemKind* kind = find_action_item_kind(code);
  if (!kind) throw std::logic_error("unknown action item code " + std::string(code));
  // Messages quote source text (a dynamic statement, a clause): a password written there
  // (IDENTIFIED BY x) must not reach the reports built from them.
  items_.push_back({kind, std::move(object), redact_passwords(message), span, std::move(target)});
}

}  // namespace orashift
