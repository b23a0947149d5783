#pragma once
// Prints the lowered tree as PL/pgSQL with two-space indentation, recording for each output
// line the Oracle span it came from, so an error the target reports at a line of the body
// can be located at the Oracle source.
#include <string>
#include <vector>

#include "convert/plsql/target_tree.h"

namespace orashift::plsql {

class Emitter {
public:
  // The block as DECLARE .. BEGIN .. EXCEPTION .. END (no trailing ';').
  void block(const PgBlock& b, int indent);
  void line(int indent, const std::string& text, Span span = {});
  const std::string& text() const { return out_; }
  const std::vector<Span>& line_spans() const { return spans_; }

private:
  void body(const PgBody& stmts, int indent);
  void stmt(const PgStmt& s, int indent);
  std::string out_;
  std::vector<Span> spans_;  // one per line of out_
};

}  // namespace orashift::plsql
