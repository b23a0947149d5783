#pragma once
// A SQL*Loader control file as data: what to read, into which table, and how each field is
// split and converted. Parsing never throws; problems become located diagnostics, and a
// control file with any error is not loaded (docs/sources.md, "Control files").
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/datetime.h"
#include "common/diagnostic.h"
#include "endpoints/oracle_files/sql_string.h"

namespace orashift {

// TERMINATED BY 'x' | X'hh' | WHITESPACE
struct CtlTerminator {
  bool whitespace = false;
  bool eof = false;    // TERMINATED BY EOF: only for LOBFILE fields (the whole file)
  std::string text;  // one or more bytes (empty only when whitespace)
};

// [OPTIONALLY] ENCLOSED BY 'x' [AND 'y']
struct CtlEnclosure {
  bool optional = false;
  std::string open, close;
};

// One comparison of a WHEN / NULLIF / DEFAULTIF condition: field = 'x', (3:5) != X'20', f = BLANKS.
struct CtlComparison {
  std::string field;          // normalised name; empty when a position is used
  int start = 0, end = 0;     // 1-based byte positions in the record when `field` is empty
  bool not_equal = false;
  bool blanks = false;
  std::string value;
};

// Comparisons joined by AND (SQL*Loader has no OR in field conditions).
struct CtlCondition {
  std::vector<CtlComparison> all;
  std::string raw;
  Span span;
};

enum class CtlFieldType {
  Default,          // no datatype written: CHAR(255)
  Char,
  Date,
  Timestamp,
  IntegerExternal,
  DecimalExternal,
  FloatExternal,
  Constant,         // CONSTANT 'x': no data consumed
  Sysdate,          // SYSDATE: load time
  Recnum,           // RECNUM: record number
  Sequence,         // SEQUENCE(n[, step])
  Expression,       // EXPRESSION "sql": no data consumed
};

// The file argument of LOBFILE(...) / BFILE(dir, name): a field of the record or a constant.
struct CtlFileRef {
  std::string field;          // normalised field name ("OBJ.ATTR" inside a COLUMN OBJECT); empty: constant
  std::string constant;
  bool is_constant() const { return field.empty(); }
};

// `LOBFILE(fname) [CHAR | RAW] TERMINATED BY EOF`: the value is a whole secondary file.
struct CtlLobfile {
  CtlFileRef file;
  bool raw = false;           // RAW: bytes (BLOB); otherwise characters (CLOB)
};

struct CtlField {
  std::string name;           // normalised (upper case unless quoted); "OBJ.ATTR" for an attribute
  Span span;
  bool filler = false;        // FILLER or BOUNDFILLER: read, not loaded
  bool boundfiller = false;
  int position_start = 0;     // POSITION(start[:end]); 0 = relative to the previous field
  int position_end = 0;
  int position_skip = 0;      // POSITION(*+n): n bytes after the previous field
  CtlFieldType type = CtlFieldType::Default;
  std::optional<int> length;  // CHAR(n), DATE(n), INTEGER EXTERNAL(n): maximum field length
  std::string mask;           // DATE / TIMESTAMP "mask"
  std::optional<DateMask> date_mask;
  std::string constant;       // CONSTANT value
  int64_t sequence_start = 1, sequence_step = 1;
  std::optional<CtlTerminator> terminator;
  std::optional<CtlEnclosure> enclosure;
  std::optional<bool> preserve_blanks;
  std::optional<CtlCondition> nullif, defaultif;
  std::string sql;            // the SQL string as written (without the double quotes)
  Span sql_span;
  std::shared_ptr<const SqlExpr> expr;  // parsed SQL string; null when none
  std::optional<CtlLobfile> lobfile;    // LOBFILE: the value comes from another file
  std::optional<CtlFileRef> bfile_dir, bfile_name;  // BFILE(dir, name): a locator, no data
  std::string sid_field;      // SID(field): the set id of a nested table column
  bool column_object = false; // COLUMN OBJECT (attributes...)
  std::vector<CtlField> attributes;
  bool collection = false;    // NESTED TABLE / VARRAY field
  // Set when the field is understood but its value cannot be held by the target column: the
  // column is loaded NULL and this reason is reported once for the field (docs/sources.md).
  std::string not_loaded;
  // True for types whose value comes from the data file.
  bool reads_data() const;
  bool numeric_external() const;
};

enum class LoadMethod { Insert, Append, Replace, Truncate };

// CONCATENATE n / CONTINUEIF: how physical records (lines) are joined into logical records.
struct CtlContinuation {
  enum class Kind { Concatenate, This, Next, Last };
  Kind kind = Kind::This;
  int count = 0;              // CONCATENATE n
  int start = 0, end = 0;     // THIS / NEXT (start[:end]), 1-based, inclusive
  bool not_equal = false;     // != or <>
  bool preserve = false;      // PRESERVE: the continuation bytes stay in the record
  std::string value;          // the comparison string (one byte for LAST)
  Span span;
};

struct IntoTable {
  std::string schema;         // normalised, may be empty
  std::string name;           // normalised
  Span span;
  std::optional<LoadMethod> method;
  std::optional<CtlCondition> when;
  std::optional<CtlTerminator> terminator;  // FIELDS TERMINATED BY
  std::optional<CtlEnclosure> enclosure;    // FIELDS [OPTIONALLY] ENCLOSED BY
  bool trailing_nullcols = false;
  int skip = 0;
  std::string sid_field;      // table-level SID(field): rows of a nested table's storage table
  std::vector<CtlField> fields;
  const CtlField* find_field(std::string_view name) const;
};

struct CtlInfile {
  std::string name;           // as written; "*" for data after BEGINDATA
  Span span;
  bool star() const { return name == "*"; }
  // `INFILE data` / `INFILE *` without BEGINDATA: the file comes from the command line.
  bool placeholder = false;
};

struct ControlFile {
  std::string path;
  std::shared_ptr<SourceFile> source;  // diagnostics' spans point into it
  std::string options;        // OPTIONS (...) text as written
  int skip = 0;               // OPTIONS (SKIP=n)
  std::string characterset;   // upper case, empty when not given
  std::vector<CtlInfile> infiles;
  LoadMethod method = LoadMethod::Insert;
  bool preserve_blanks = false;
  std::optional<CtlContinuation> continuation;
  std::vector<IntoTable> tables;
  // Data after BEGINDATA (INFILE *): byte offset into the file, and the 1-based line it starts on.
  std::optional<uint32_t> begin_data_offset;
  uint32_t begin_data_line = 0;
  Diagnostics diagnostics;
  bool ok() const { return diagnostics.error_count() == 0; }
  // The data files the control file itself names (INFILE, not placeholders), in order.
  std::vector<std::string> named_infiles() const;
};

ControlFile parse_control_file(std::string path, std::string text);
// Reads and parses; an unreadable file is an error diagnostic on the result.
ControlFile read_control_file(const std::string& path);

}  // namespace orashift
