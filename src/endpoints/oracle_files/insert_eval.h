#pragma once
// Evaluates the value expressions of INSERT statements in Oracle scripts exactly, the way
// Oracle would have when the script ran: literals (numbers exact, '..', N'..', q'[..]', NULL,
// DATE/TIMESTAMP '..'), unary minus, + - * / on numbers, date ± days, ||, TO_DATE /
// TO_TIMESTAMP / TO_NUMBER with format models, HEXTORAW, UTL_RAW.CAST_TO_RAW, SYSDATE /
// SYSTIMESTAMP (the load's start time) and sequence NEXTVAL / CURRVAL (a counter per sequence
// from the DDL's START WITH / INCREMENT BY). Anything else is an error naming what could not
// be evaluated and where: a row is never loaded with a guessed value.
#include <map>
#include <string>

#include "catalog/catalog.h"
#include "common/datetime.h"
#include "common/decimal.h"
#include "endpoints/oracle_files/sql_string.h"
#include "sql/ast.h"

namespace orashift {

struct SqlValue {
  enum class Kind { Null, Text, Number, Time, Raw };
  Kind kind = Kind::Null;
  std::string text;  // Text; Raw: the bytes
  Int128 number = 0; // Number: number / 10^scale
  int scale = 0;
  Micros time = 0;   // Time
};

// Oracle's implicit NUMBER → text conversion (TO_CHAR without a format): "1.5", ".5", "-2".
std::string oracle_number_text(Int128 v, int scale);

// Sequence counters: NEXTVAL advances once per row per sequence, as Oracle does for a row that
// references it several times. Rows of every table advance them, in script order.
class SequenceCounters {
public:
  explicit SequenceCounters(const Catalog* catalog = nullptr) : catalog_(catalog) {}
  // Starts a new row: the next NEXTVAL of each sequence advances again.
  void new_row() { ++row_; }
  bool nextval(const std::string& name, Int128& out, std::string& error);
  bool currval(const std::string& name, Int128& out, std::string& error);

private:
  struct State {
    Int128 current = 0, increment = 1;
    bool started = false;
    uint64_t row = 0;
  };
  bool find(const std::string& name, State*& s, std::string& error);
  const Catalog* catalog_;
  std::map<std::string, State> states_;
  uint64_t row_ = 0;
};

// A PL/SQL variable of an anonymous block, set by `name := expr;`: its value, or why it has none.
struct BlockVariable {
  SqlValue value;
  std::string error;
};

class InsertEvaluator {
public:
  InsertEvaluator(Micros now, SequenceCounters& sequences) : now_(now), seqs_(sequences) {}
  // Variables a bare name may refer to (the current anonymous block's assignments).
  void set_variables(const std::map<std::string, BlockVariable>* vars) { vars_ = vars; }
  // On failure `error` says why and `where` is the sub-expression at fault.
  bool eval(const sql::ast::Expr& e, SqlValue& out, std::string& error, Span& where);

private:
  bool fail(const sql::ast::Expr& e, std::string msg, std::string& error, Span& where);
  bool call(const sql::ast::CallExpr& c, SqlValue& out, std::string& error, Span& where);
  bool binary(const sql::ast::BinaryExpr& b, SqlValue& out, std::string& error, Span& where);
  const DateMask* date_mask(const std::string& text, std::string& error);
  Micros now_;
  SequenceCounters& seqs_;
  std::map<std::string, DateMask> masks_;
  const std::map<std::string, BlockVariable>* vars_ = nullptr;
};

}  // namespace orashift
