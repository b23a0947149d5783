#pragma once
// The add-column expressions orashift evaluates exactly: DMS writes them in SQLite syntax;
// the subset here is column references ($NAME, the source column), string literals ('it''s'),
// numeric literals and concatenation with ||. As in SQLite, a NULL operand makes the whole
// concatenation NULL. Anything else (functions, arithmetic, CASE, $AR_H_* header columns)
// is refused when the task is planned, naming what was not understood.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/endpoint.h"

namespace orashift {

class ColumnExpression {
public:
  // `columns` are the source columns the reader delivers; references resolve against their
  // names (exact, case-sensitive). Returns nullopt with `error` set when not understood.
  static std::optional<ColumnExpression> parse(std::string_view text, const std::vector<LoadColumn>& columns,
                                               std::string* error);

  // A lone column reference: its value keeps its kind (then converted like change-data-type).
  std::optional<size_t> single_column() const;
  // Evaluates the expression for one row as text; false when the result is NULL.
  bool eval_text(const Batch& batch, size_t row, std::string& out) const;

private:
  struct Term {
    bool is_column = false;
    size_t column = 0;
    std::string literal;
  };
  std::vector<Term> terms_;  // concatenated in order
};

}  // namespace orashift
