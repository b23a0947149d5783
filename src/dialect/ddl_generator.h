#pragma once
// Catalog → target DDL for Redshift, PostgreSQL and DuckDB. One generator with small per-dialect
// differences (the sqlglot shape), producing objects in dependency and load order.
#include <map>
#include <string>
#include <vector>

#include "assess/action_item.h"
#include "catalog/catalog.h"
#include "convert/physical_design.h"
#include "convert/type_mapping.h"

namespace orashift {

// When an object is applied relative to the data load: tables before it; keys, indexes and
// comments after it (faster loads, and loads that do not trip over constraint order).
enum class ApplyPhase { BeforeLoad, AfterLoad };

struct ConvertedObject {
  std::string kind;       // SEQUENCE, TABLE, VIEW, CONSTRAINT, INDEX, COMMENT
  std::string name;       // Oracle name of the object ("SALES", "SALES_PK")
  std::string table;      // table it belongs to
  std::string sql;        // complete statement(s), each ending in ';'
  ApplyPhase phase = ApplyPhase::BeforeLoad;
  Span span;              // source location of the object
  // Set when the object could not be converted and `sql` is its Oracle text commented out (kept
  // in the script for the reader): apply counts it as skipped under this action item code.
  std::string flagged_code;
  // A primary or unique key added after the load (CreatePkAfterFullLoad): its columns' target
  // names, so duplicates can be found when adding it fails (load/after_load.h).
  std::vector<std::string> key_columns = {};
  // Code objects: the Oracle unit the object comes from ("PACKAGE BODY PKG"); a unit gives several
  // objects (a package: its schema, state functions and routines). Empty for other objects.
  std::string unit = {};
};

// A source object the conversion did not create (its action item says why).
struct FlaggedObject {
  std::string kind;       // TABLE, SEQUENCE, SYNONYM, VIEW, PROCEDURE, …
  std::string name;
  Span span;
  std::string code;       // the action item code
};

struct ConvertedSchema {
  Dialect dialect = Dialect::DuckDb;
  std::vector<ConvertedObject> objects;
  std::vector<FlaggedObject> flagged;
  std::map<std::string, TableDesign> designs;  // Redshift only
  // Everything, in apply order, as one script.
  std::string script() const;
};

// How code objects are converted (docs/plsql.md, "Built-in packages").
struct CodeOptions {
  // Target the orafce extension's packages (dbms_output, utl_file, dbms_random, dbms_pipe, …)
  // instead of inline rewrites; PostgreSQL only.
  bool orafce = false;
};

struct ConvertOptions {
  Dialect dialect = Dialect::DuckDb;
  CodeOptions code;
  TypeMappingSettings types;
  PhysicalDesignInput physical;  // Redshift advisor thresholds and statistics
  std::map<std::string, uint64_t> row_estimates;
  // DMS's CreatePkAfterFullLoad: primary and unique keys are added after the load (building an
  // index over loaded rows beats maintaining it row by row) instead of inside CREATE TABLE.
  // DuckDB keeps them inline: its ALTER TABLE cannot add a UNIQUE constraint.
  bool keys_after_load = false;
};

ConvertedSchema generate_ddl(const Catalog& catalog, const ConvertOptions& options, ActionItems& items);

}  // namespace orashift
