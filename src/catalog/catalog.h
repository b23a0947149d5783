#pragma once
// The neutral schema model both halves share. Conversion builds it from parsed DDL (or a live
// source); the loader reads it to create target tables, plan work and type its batches.
// Names are stored as Oracle resolves them: unquoted identifiers upper-cased.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/diagnostic.h"

namespace orashift {

// An Oracle data type as written in the source, before any mapping.
struct OracleType {
  std::string name;               // upper case: NUMBER, VARCHAR2, CHAR, DATE, TIMESTAMP, ...
  std::optional<int> precision;   // NUMBER(p,s), FLOAT(b), TIMESTAMP(p)
  std::optional<int> scale;
  std::optional<int> length;      // VARCHAR2(n), CHAR(n), RAW(n)
  bool char_semantics = false;    // VARCHAR2(n CHAR)
  bool star_precision = false;    // NUMBER(*,s)
  std::string suffix;             // WITH TIME ZONE, WITH LOCAL TIME ZONE, interval field text
  std::string text() const;       // printed back as Oracle SQL

  static OracleType number(std::optional<int> precision, std::optional<int> scale) {
    OracleType t;
    t.name = "NUMBER";
    t.precision = precision;
    t.scale = scale;
    return t;
  }
  static OracleType named(std::string name, std::optional<int> length = {}, bool char_semantics = false) {
    OracleType t;
    t.name = std::move(name);
    t.length = length;
    t.char_semantics = char_semantics;
    return t;
  }
};

struct Column {
  std::string name;
  OracleType type;
  bool nullable = true;
  std::string default_sql;        // Oracle expression text as written, empty if none
  std::string comment;
  Span span;
  bool default_on_null = false;   // DEFAULT ON NULL: the default also replaces explicit NULLs
  std::string identity_sql{};     // GENERATED … AS IDENTITY [(options)] as written, empty if none
  std::string virtual_sql{};      // GENERATED ALWAYS AS (expr) [VIRTUAL]: the expression text
  bool invisible = false;         // INVISIBLE: hidden from SELECT * in Oracle
  bool default_on_null_update = false;  // 23ai DEFAULT ON NULL FOR INSERT AND UPDATE
  std::string domain{};           // 23ai DOMAIN d: the domain's name (its constraints are not in the catalog)
  std::string annotations{};      // 23ai ANNOTATIONS (…) as written
  // Set when the type was narrowed from evidence (convert/type_evidence.h): what was narrowed,
  // from what evidence and how to undo it; the loader puts it into the reason of a value that
  // does not fit.
  std::string narrowing{};
};

enum class ConstraintKind { PrimaryKey, Unique, ForeignKey, Check, NotNull };

struct Constraint {
  std::string name;               // may be empty (system-named in Oracle)
  ConstraintKind kind = ConstraintKind::PrimaryKey;
  std::vector<std::string> columns;
  std::string ref_table;          // foreign keys
  std::vector<std::string> ref_columns;
  std::string on_delete;          // foreign keys: "CASCADE" or "SET NULL" ("" = Oracle's default, NO ACTION)
  bool deferrable = false;        // DEFERRABLE [INITIALLY DEFERRED]
  bool initially_deferred = false;
  std::string check_sql;          // check constraints: condition text
  bool enabled = true;            // DISABLE keeps it in the dictionary but unenforced
  bool validated = true;          // NOVALIDATE: existing rows were not checked
  Span span;
};

struct Partition {
  std::string name;
  std::string bound_sql;          // VALUES LESS THAN (...) / VALUES (...) text as written
  std::string options_sql;        // e.g. COMPRESS, TABLESPACE x
  std::string bound_kind{};       // "LESS THAN", "VALUES" (list) or "" (hash)
  std::vector<std::string> bounds{};  // each bound value's text (MAXVALUE, DEFAULT as words)
};

struct Partitioning {
  std::string method;             // RANGE, LIST, HASH, INTERVAL ("" when not partitioned)
  std::vector<std::string> columns;
  std::vector<Partition> partitions;
  std::string interval_sql;       // INTERVAL (expr) text of an interval-partitioned table
  std::string subpartition_sql;   // SUBPARTITION BY … text (not re-created)
  std::optional<int> hash_count;  // PARTITIONS n
  // A source's partitioning that could not be read into this model (method stays empty): why.
  std::string unreadable = {};
};

struct Index {
  std::string name;
  std::string table;
  std::vector<std::string> columns;  // column names or expression text
  bool unique = false;
  bool bitmap = false;
  bool local = false;
  Span span;
};

struct Table {
  std::string schema;             // may be empty: the script's current schema
  std::string name;
  std::vector<Column> columns;
  std::vector<Constraint> constraints;
  Partitioning partitioning;
  std::string comment;
  std::string physical_sql;       // storage clauses as written (kept, not converted)
  Span span;
  bool global_temporary = false;  // GLOBAL TEMPORARY: rows private to a session/transaction
  std::string on_commit{};        // ON COMMIT DELETE ROWS / PRESERVE ROWS as written
  bool index_organized = false;   // ORGANIZATION INDEX
  std::string of_type{};          // object table: CREATE TABLE t OF type
  std::string annotations{};      // 23ai ANNOTATIONS (…) as written

  const Column* find_column(std::string_view name) const;
  Column* find_column(std::string_view name);
  const Constraint* primary_key() const;
};

struct SequenceOption {
  std::string name;   // upper case words: START WITH, INCREMENT BY, MAXVALUE, NOCACHE, CYCLE, …
  std::string value;  // the number as written ("" for flags)
};

struct Sequence {
  std::string schema;
  std::string name;
  std::vector<SequenceOption> options;
  Span span;
};

// CREATE [PUBLIC] SYNONYM name FOR [schema.]object[@dblink].
struct Synonym {
  std::string schema;             // owner of a private synonym ("" = the script's schema)
  std::string name;
  bool is_public = false;
  std::string target_schema;
  std::string target;             // the object it stands for
  std::string db_link;            // @link: a remote object
  Span span;
};

// A source statement the model does not hold (yet): views, PL/SQL units, CREATE TABLE AS
// SELECT, grants, DML… Kept so that conversion reports every one instead of dropping it.
struct UnmodelledStatement {
  std::string kind;  // "CREATE VIEW", "CREATE TABLE AS SELECT", "GRANT", "PL/SQL BLOCK", …
  Span span;
};

// The whole model of one source schema.
struct Catalog {
  std::vector<Table> tables;
  std::vector<Index> indexes;
  std::vector<Sequence> sequences;
  std::vector<Synonym> synonyms;
  std::vector<UnmodelledStatement> unmodelled;

  Table* find_table(std::string_view name);
  const Table* find_table(std::string_view name) const;
};

// Upper-cases an unquoted Oracle identifier; quoted ones ("Mixed") keep their case.
std::string normalize_identifier(std::string_view raw);

}  // namespace orashift
