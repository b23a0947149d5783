#pragma once
// The one description of the sample's tables: the DDL, the control files and the tests
// all read it, so a column's declared type and what the generator may put in it cannot drift.
#include <string_view>
#include <vector>

namespace orashift::sample {

enum class ShType { Number, Varchar2, Char, Date };

struct ShColumn {
  std::string_view name;         // upper case, as in the control file
  ShType type = ShType::Number;
  int size = 0;                  // VARCHAR2/CHAR bytes; NUMBER precision, 0 = unconstrained
  int scale = 0;                 // NUMBER scale
  bool not_null = true;
  std::string_view load_mask;    // NUMBER: TO_NUMBER mask in the .ctl; DATE: the date mask
  std::string_view comment;      // COMMENT ON COLUMN text, empty for none
};

// How the primary key is declared: SH-like scripts use all three forms, so we do too.
enum class PkStyle { None, InlineColumn, TableConstraint, AlterTable };

struct ShTable {
  std::string_view name;         // upper case
  std::string_view file;         // base name of .ctl/.dat
  std::vector<ShColumn> columns;
  std::string_view pk_column;
  PkStyle pk_style = PkStyle::None;
  bool partitioned = false;      // range-partitioned by TIME_ID
  std::string_view comment;

  int index_of(std::string_view column) const;  // -1 when absent
};

// In load order: parents before children, so enabled foreign keys hold during a load.
const std::vector<ShTable>& sh_tables();
const ShTable& sh_table(std::string_view name);

inline constexpr std::string_view kDateTimeMask = "YYYY-MM-DD HH24:MI:SS";
inline constexpr std::string_view kDateMask = "YYYY-MM-DD";

}  // namespace orashift::sample
