#include "sql/ast.h"

#include "sql/ast_query.h"

namespace orashift::sql::ast {

// Out of line: Query and DataType are complete only here.
SubqueryExpr::SubqueryExpr() : Expr(ExprKind::Subquery) {}
SubqueryExpr::~SubqueryExpr() = default;
CastExpr::CastExpr() : Expr(ExprKind::Cast) {}
CastExpr::~CastExpr() = default;

const char* binary_op_text(BinaryOp op) {
  switch (op) {
    case BinaryOp::Or: return "OR";
    case BinaryOp::And: return "AND";
    case BinaryOp::Eq: return "=";
    case BinaryOp::Ne: return "<>";
    case BinaryOp::Lt: return "<";
    case BinaryOp::Le: return "<=";
    case BinaryOp::Gt: return ">";
    case BinaryOp::Ge: return ">=";
    case BinaryOp::Concat: return "||";
    case BinaryOp::Add: return "+";
    case BinaryOp::Sub: return "-";
    case BinaryOp::Mul: return "*";
    case BinaryOp::Div: return "/";
    case BinaryOp::Power: return "**";
    case BinaryOp::Mod: return "MOD";
    case BinaryOp::MemberOf: return "MEMBER OF";
    case BinaryOp::NotMemberOf: return "NOT MEMBER OF";
    case BinaryOp::SubmultisetOf: return "SUBMULTISET OF";
    case BinaryOp::NotSubmultisetOf: return "NOT SUBMULTISET OF";
    case BinaryOp::MultisetUnion: return "MULTISET UNION";
    case BinaryOp::MultisetExcept: return "MULTISET EXCEPT";
    case BinaryOp::MultisetIntersect: return "MULTISET INTERSECT";
  }
  return "?";
}

const char* property_kind_name(PropertyKind k) {
  switch (k) {
    case PropertyKind::Pctfree: return "PCTFREE";
    case PropertyKind::Pctused: return "PCTUSED";
    case PropertyKind::Initrans: return "INITRANS";
    case PropertyKind::Maxtrans: return "MAXTRANS";
    case PropertyKind::Storage: return "STORAGE";
    case PropertyKind::Tablespace: return "TABLESPACE";
    case PropertyKind::Logging: return "LOGGING";
    case PropertyKind::Nologging: return "NOLOGGING";
    case PropertyKind::Compress: return "COMPRESS";
    case PropertyKind::Nocompress: return "NOCOMPRESS";
    case PropertyKind::Cache: return "CACHE";
    case PropertyKind::Nocache: return "NOCACHE";
    case PropertyKind::Parallel: return "PARALLEL";
    case PropertyKind::Noparallel: return "NOPARALLEL";
    case PropertyKind::Organization: return "ORGANIZATION";
    case PropertyKind::Lob: return "LOB";
    case PropertyKind::OnCommit: return "ON COMMIT";
    case PropertyKind::RowMovement: return "ROW MOVEMENT";
    case PropertyKind::SegmentCreation: return "SEGMENT CREATION";
    case PropertyKind::AsSubquery: return "AS";
    case PropertyKind::Other: return "OTHER";
  }
  return "OTHER";
}

}  // namespace orashift::sql::ast

#include "sql/ast_plsql.h"

namespace orashift::sql::ast {

PlBlockStmt::PlBlockStmt() : PlStmt(PlStmtKind::Block) {}
PlBlockStmt::~PlBlockStmt() = default;

}  // namespace orashift::sql::ast
