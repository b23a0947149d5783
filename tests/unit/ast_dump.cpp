#include "ast_dump.h"

#include <cctype>
#include <optional>
#include <type_traits>

#include "sql/lexer.h"

namespace orashift::sql::test {

namespace {

using namespace ast;

// Every node type has one `put` overload that names each of its fields with F(field); the
// templates below turn pointers, optionals and vectors into paths ("args[2].value").
class Dumper {
public:
  std::vector<std::string> lines;

  template <class T>
  void field(const char* name, const T& value) {
    path_.push_back(name);
    put(value);
    path_.pop_back();
  }

  void statement(const Statement& s);

private:
  std::vector<std::string> path_;

  void leaf(const std::string& value) {
    std::string p;
    for (const auto& part : path_) p += (p.empty() || part[0] == '[' ? "" : ".") + part;
    lines.push_back(p + " = " + value);
  }

  // ---- generic shapes
  template <class T>
  void put(const std::unique_ptr<T>& p) {
    if (!p) return leaf("null");
    put(*p);
  }
  template <class T>
  void put(const std::optional<T>& o) {
    if (!o) return leaf("absent");
    put(*o);
  }
  template <class T>
  void put(const std::vector<T>& v) {
    path_.push_back("size");
    leaf(std::to_string(v.size()));
    path_.pop_back();
    for (size_t i = 0; i < v.size(); ++i) {
      path_.push_back("[" + std::to_string(i) + "]");
      put(v[i]);
      path_.pop_back();
    }
  }
  template <class A, class B>
  void put(const std::pair<A, B>& p) {
    field("first", p.first);
    field("second", p.second);
  }
  template <class E>
    requires std::is_enum_v<E>
  void put(E e) {
    leaf("#" + std::to_string(static_cast<int>(e)));
  }
  void put(bool b) { leaf(b ? "true" : "false"); }
  void put(int n) { leaf(std::to_string(n)); }
  void put(char c) { leaf(std::string(1, c)); }
  // Words kept as written (IS/AS, NOWAIT, object kinds, parameter modes, …): Oracle reads them
  // in any case and layout, so they are compared upper-cased with one blank between words.
  // Anything holding a quote is a literal or a quoted name, compared exactly.
  void put(std::string_view s) {
    if (s.find_first_of("'\"") != std::string_view::npos) return leaf("<" + std::string(s) + ">");
    std::string w;
    for (char c : s) {
      if (std::isspace(static_cast<unsigned char>(c))) {
        if (!w.empty() && w.back() != ' ') w += ' ';
      } else {
        w += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      }
    }
    while (!w.empty() && w.back() == ' ') w.pop_back();
    leaf("<" + w + ">");
  }
  // Text the parser built (comment text, canonical type names): exact.
  void put(const std::string& s) { leaf("<" + s + ">"); }

  // A clause kept as text: its tokens, one blank apart (comments and layout do not count),
  // unquoted words upper-cased.
  void put(const Span& span) {
    std::string out;
    if (span.file && span.end > span.begin) {
      Lexer lex(*span.file, span.begin);
      for (;;) {
        Token t = lex.next();
        if (t.kind == TokenKind::End || t.span.begin >= span.end) break;
        if (t.kind == TokenKind::Comment) continue;
        if (!out.empty()) out += ' ';
        std::string token(span.file->text().substr(t.span.begin, std::min(t.span.end, span.end) - t.span.begin));
        // Unquoted words (keywords and names) mean the same in any case, as Oracle folds them.
        if (t.kind == TokenKind::Identifier)
          for (char& c : token) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        out += token;
      }
    }
    leaf("{" + out + "}");
  }

  // ---- names, types, expressions
  void put(const Ident& n) { leaf("<" + std::string(n.text) + ">"); }  // names: as written
  void put(const QualifiedName& n);
  void put(const DataType& n);
  void put(const Expr& e);
  void put(const CallArg& n);
  void put(const OrderItem& n);
  void put(const FrameBound& n);
  void put(const WindowSpec& n);
  // ---- queries
  void put(const SelectItem& n);
  void put(const TableRef& n);
  void put(const QueryBody& n);
  void put(const CommonTable& n);
  void put(const ForUpdate& n);
  void put(const Query& n);
  // ---- table DDL
  void put(const ConstraintState& n);
  void put(const ConstraintDef& n);
  void put(const ColumnDef& n);
  void put(const TableProperty& n);
  void put(const PartitionDef& n);
  void put(const PartitionSpec& n);
  void put(const IndexColumn& n);
  void put(const AlterAction& n);
  // ---- DML and simple objects
  void put(const Returning& n);
  void put(const InsertTarget& n);
  void put(const InsertWhen& n);
  void put(const SetClause& n);
  void put(const MergeMatched& n);
  void put(const MergeNotMatched& n);
  void put(const SequenceOption& n);
  // ---- PL/SQL
  void put(const PlType& n);
  void put(const PlParam& n);
  void put(const PlField& n);
  void put(const PlSubprogram& n);
  void put(const PlCondBranch& n);
  void put(const PlCondComp& n);
  void put(const PlDecl& n);
  void put(const PlIf::Branch& n);
  void put(const PlStmt& n);
  void put(const PlHandler& n);
  void put(const PlBlock& n);
  void put(const UnitHeader& n);
  void put(const PlTimingPoint& n);
  void put(const TypeAttribute& n);
  // ---- administrative
  void put(const Privilege& n);
  void put(const AlterSession::Parameter& n);
  void put(const User::Clause& n);
  void put(const CreateDimension::Level& n);
  void put(const CreateDimension::JoinKey& n);
  void put(const CreateDimension::Hierarchy& n);
  void put(const CreateDimension::Attribute& n);
  void put(const Statement& s) { statement(s); }
};

#define F(x) field(#x, n.x)

// The node's kind first, then its fields: a node replaced by another kind differs at "kind".
#define KIND(k) field("kind", k)

void Dumper::put(const QualifiedName& n) {
  F(parts);
  F(dblink);
}

void Dumper::put(const DataType& n) {
  F(name);
  F(user_type);
  F(precision);
  F(scale);
  F(length);
  F(star_precision);
  F(char_semantics);
  F(byte_semantics);
  F(suffix);
}

void Dumper::put(const CallArg& n) {
  F(name);
  F(value);
  F(bare_query);
  F(tail);
}

void Dumper::put(const OrderItem& n) {
  F(expr);
  F(asc);
  F(desc);
  F(nulls);
}

void Dumper::put(const FrameBound& n) {
  F(kind);
  F(offset);
}

void Dumper::put(const WindowSpec& n) {
  F(name);
  F(partition_by);
  F(order_by);
  F(frame_unit);
  F(frame_between);
  F(frame_start);
  F(frame_end);
  F(exclude);
}

void Dumper::put(const Expr& e) {
  KIND(e.kind);
  switch (e.kind) {
    case ExprKind::Literal: {
      const auto& n = static_cast<const LiteralExpr&>(e);
      F(literal);
      F(text);
      F(qualifier);
      break;
    }
    case ExprKind::Name: {
      const auto& n = static_cast<const NameExpr&>(e);
      F(parts);
      F(dblink);
      F(outer_join);
      break;
    }
    case ExprKind::Star: {
      const auto& n = static_cast<const StarExpr&>(e);
      F(qualifier);
      break;
    }
    case ExprKind::Bind: {
      const auto& n = static_cast<const BindExpr&>(e);
      F(text);
      F(substitution);
      break;
    }
    case ExprKind::Unary: {
      const auto& n = static_cast<const UnaryExpr&>(e);
      F(op);
      F(operand);
      break;
    }
    case ExprKind::Binary: {
      const auto& n = static_cast<const BinaryExpr&>(e);
      F(op);
      F(lhs);
      F(rhs);
      F(quantifier);
      break;
    }
    case ExprKind::IsNull: {
      const auto& n = static_cast<const IsNullExpr&>(e);
      F(negated);
      F(test);
      F(operand);
      break;
    }
    case ExprKind::Like: {
      const auto& n = static_cast<const LikeExpr&>(e);
      F(negated);
      F(op);
      F(lhs);
      F(pattern);
      F(escape);
      break;
    }
    case ExprKind::In: {
      const auto& n = static_cast<const InExpr&>(e);
      F(negated);
      F(lhs);
      F(list);
      break;
    }
    case ExprKind::Between: {
      const auto& n = static_cast<const BetweenExpr&>(e);
      F(negated);
      F(operand);
      F(low);
      F(high);
      break;
    }
    case ExprKind::Call: {
      const auto& n = static_cast<const CallExpr&>(e);
      F(name);
      F(set_quantifier);
      F(star);
      F(args);
      F(arg_order_by);
      F(has_within_group);
      F(within_group);
      F(keep);
      F(keep_order_by);
      F(nulls_treatment);
      F(over);
      break;
    }
    case ExprKind::Case: {
      const auto& n = static_cast<const CaseExpr&>(e);
      F(operand);
      F(whens);
      F(else_value);
      break;
    }
    case ExprKind::Subquery: {
      const auto& n = static_cast<const SubqueryExpr&>(e);
      F(query);
      break;
    }
    case ExprKind::List: {
      const auto& n = static_cast<const ListExpr&>(e);
      F(items);
      F(as_type);
      break;
    }
    case ExprKind::Raw: field("text", e.span); break;
    case ExprKind::Cast: {
      const auto& n = static_cast<const CastExpr&>(e);
      F(operand);
      F(type);
      F(default_on_error);
      F(format);
      break;
    }
    case ExprKind::Extract: {
      const auto& n = static_cast<const ExtractExpr&>(e);
      F(field);
      F(operand);
      break;
    }
    case ExprKind::Grouping: {
      const auto& n = static_cast<const GroupingExpr&>(e);
      F(grouping);
      F(items);
      break;
    }
    case ExprKind::Postfix: {
      const auto& n = static_cast<const PostfixExpr&>(e);
      F(base);
      F(suffix);
      break;
    }
  }
}

void Dumper::put(const SelectItem& n) {
  F(expr);
  F(alias);
  F(as_keyword);
}

void Dumper::put(const TableRef& r) {
  KIND(r.kind);
  field("alias", r.alias);
  field("pivot", r.pivot);
  switch (r.kind) {
    case TableRefKind::Table: {
      const auto& n = static_cast<const TableName&>(r);
      F(name);
      F(partition_ext);
      F(versions);
      F(as_of);
      F(as_of_expr);
      F(sample_block);
      F(sample_percent);
      F(sample_seed);
      break;
    }
    case TableRefKind::Subquery: {
      const auto& n = static_cast<const SubqueryRef&>(r);
      F(lateral);
      F(query);
      F(with_option);
      break;
    }
    case TableRefKind::Function: {
      const auto& n = static_cast<const FunctionRef&>(r);
      F(call);
      F(outer_join);
      break;
    }
    case TableRefKind::Join: {
      const auto& n = static_cast<const Join&>(r);
      F(type);
      F(natural);
      F(inner_keyword);
      F(outer_keyword);
      F(left);
      F(right);
      F(on);
      F(using_columns);
      F(left_partition);
      F(right_partition);
      break;
    }
    case TableRefKind::Paren: {
      const auto& n = static_cast<const ParenRef&>(r);
      F(inner);
      break;
    }
  }
}

void Dumper::put(const QueryBody& b) {
  KIND(b.kind);
  switch (b.kind) {
    case QueryBodyKind::Select: {
      const auto& n = static_cast<const SelectCore&>(b);
      F(hint);
      F(quantifier);
      F(items);
      F(bulk_collect);
      F(into);
      F(from);
      F(where);
      F(start_with);
      F(connect_by);
      F(nocycle);
      F(start_with_first);
      F(group_by);
      F(having);
      F(model);
      break;
    }
    case QueryBodyKind::SetOp: {
      const auto& n = static_cast<const SetOp&>(b);
      F(op);
      F(lhs);
      F(rhs);
      break;
    }
    case QueryBodyKind::Paren: {
      const auto& n = static_cast<const ParenQuery&>(b);
      F(query);
      break;
    }
  }
}

void Dumper::put(const CommonTable& n) {
  F(name);
  F(columns);
  F(query);
  F(search_cycle);
}

void Dumper::put(const ForUpdate& n) {
  F(columns);
  F(wait);
  F(wait_seconds);
}

void Dumper::put(const Query& n) {
  F(with_plsql);
  F(with);
  F(body);
  F(order_siblings);
  F(order_by);
  F(offset);
  F(offset_rows);
  F(fetch_first);
  F(fetch_count);
  F(fetch_percent);
  F(fetch_rows);
  F(with_ties);
  F(for_update);
}

void Dumper::put(const ConstraintState& n) {
  F(enable);
  F(validate);
  F(rely);
  F(deferrable);
  F(initially_deferred);
  F(using_index);
  F(exceptions);
}

void Dumper::put(const ConstraintDef& n) {
  F(name);
  F(type);
  F(columns);
  F(ref_table);
  F(ref_columns);
  F(on_delete);
  F(check);
  F(state);
}

void Dumper::put(const ColumnDef& n) {
  F(name);
  F(type);
  F(default_value);
  F(default_on_null);
  F(default_on_null_update);
  F(virtual_expr);
  F(identity);
  F(constraints);
  F(extras);
}

void Dumper::put(const TableProperty& n) {
  F(kind);
  F(value);
  field("text", n.span);  // the clause itself is the property's content
}

void Dumper::put(const PartitionDef& n) {
  F(name);
  F(bound_kind);
  F(bounds);
  F(bound);
  F(options);
}

void Dumper::put(const PartitionSpec& n) {
  F(method);
  F(columns);
  F(interval);
  F(subpartition);
  F(hash_count);
  F(extra);
  F(partitions);
}

void Dumper::put(const IndexColumn& n) {
  F(expr);
  F(descending);
}

void Dumper::put(const AlterAction& n) {
  F(kind);
  F(constraints);
  F(columns);
  if (n.kind == AlterActionKind::Other) field("text", n.span);  // kept as its tokens
}

void Dumper::put(const Returning& n) {
  F(keyword);
  F(exprs);
  F(bulk_collect);
  F(into);
}

void Dumper::put(const InsertTarget& n) {
  F(table);
  F(columns);
  F(has_values);
  F(values);
  F(more_rows);
  F(values_parens);
}

void Dumper::put(const InsertWhen& n) {
  F(condition);
  F(targets);
}

void Dumper::put(const SetClause& n) {
  F(columns);
  F(row_form);
  F(value);
}

void Dumper::put(const MergeMatched& n) {
  F(sets);
  F(where);
  F(delete_where);
}

void Dumper::put(const MergeNotMatched& n) {
  F(columns);
  F(values);
  F(where);
}

void Dumper::put(const SequenceOption& n) {
  F(name);
  F(value);
}

void Dumper::put(const PlType& n) {
  F(name);
  F(attribute);
  field("text", n.span);  // built-ins with arguments live only in the text
}

void Dumper::put(const PlParam& n) {
  F(name);
  F(mode);
  F(nocopy);
  F(type);
  F(default_value);
  F(default_keyword);
}

void Dumper::put(const PlField& n) {
  F(name);
  F(type);
  F(not_null);
  F(default_value);
  F(default_keyword);
}

void Dumper::put(const PlSubprogram& n) {
  F(method_kind);
  F(constructor);
  F(is_function);
  F(name);
  F(params);
  F(has_params);
  F(return_type);
  F(return_self);
  F(options);
  F(is_as);
  F(external);
  F(body);
}

void Dumper::put(const PlCondBranch& n) {
  F(condition);
  F(text);
}

void Dumper::put(const PlCondComp& n) {
  F(error);
  F(error_message);
  F(branches);
}

void Dumper::put(const PlDecl& d) {
  KIND(d.kind);
  switch (d.kind) {
    case PlDeclKind::Variable: {
      const auto& n = static_cast<const PlVariable&>(d);
      F(name);
      F(constant);
      F(type);
      F(not_null);
      F(default_value);
      F(default_keyword);
      break;
    }
    case PlDeclKind::Exception: {
      const auto& n = static_cast<const PlExceptionDecl&>(d);
      F(name);
      break;
    }
    case PlDeclKind::Type: {
      const auto& n = static_cast<const PlTypeDecl&>(d);
      F(name);
      F(def);
      F(fields);
      F(element);
      F(element_not_null);
      F(index_by);
      F(varray_word);
      F(limit);
      break;
    }
    case PlDeclKind::Subtype: {
      const auto& n = static_cast<const PlSubtype&>(d);
      F(name);
      F(base);
      F(constraint);
      break;
    }
    case PlDeclKind::Cursor: {
      const auto& n = static_cast<const PlCursorDecl&>(d);
      F(name);
      F(params);
      F(has_params);
      F(return_type);
      F(query);
      break;
    }
    case PlDeclKind::Pragma: {
      const auto& n = static_cast<const PlPragma&>(d);
      F(name);
      F(args);
      F(has_args);
      break;
    }
    case PlDeclKind::Subprogram: {
      const auto& n = static_cast<const PlSubprogramDecl&>(d);
      F(sub);
      break;
    }
    case PlDeclKind::CondComp: {
      const auto& n = static_cast<const PlCondDecl&>(d);
      F(cc);
      break;
    }
  }
}

void Dumper::put(const PlIf::Branch& n) {
  F(condition);
  F(body);
}

void Dumper::put(const PlStmt& s) {
  KIND(s.kind);
  field("labels", s.labels);
  switch (s.kind) {
    case PlStmtKind::Null: break;
    case PlStmtKind::Assign: {
      const auto& n = static_cast<const PlAssign&>(s);
      F(target);
      F(value);
      break;
    }
    case PlStmtKind::Call: {
      const auto& n = static_cast<const PlCall&>(s);
      F(call);
      break;
    }
    case PlStmtKind::If: {
      const auto& n = static_cast<const PlIf&>(s);
      F(branches);
      F(has_else);
      F(else_body);
      break;
    }
    case PlStmtKind::Case: {
      const auto& n = static_cast<const PlCase&>(s);
      F(selector);
      F(whens);
      F(has_else);
      F(else_body);
      F(end_label);
      break;
    }
    case PlStmtKind::Loop: {
      const auto& n = static_cast<const PlLoop&>(s);
      F(loop);
      F(condition);
      F(index);
      F(reverse);
      F(low);
      F(high);
      F(cursor);
      F(body);
      F(end_label);
      break;
    }
    case PlStmtKind::Exit: {
      const auto& n = static_cast<const PlExit&>(s);
      F(is_continue);
      F(label);
      F(when);
      break;
    }
    case PlStmtKind::Goto: {
      const auto& n = static_cast<const PlGoto&>(s);
      F(label);
      break;
    }
    case PlStmtKind::Raise: {
      const auto& n = static_cast<const PlRaise&>(s);
      F(exception);
      break;
    }
    case PlStmtKind::Return: {
      const auto& n = static_cast<const PlReturn&>(s);
      F(value);
      break;
    }
    case PlStmtKind::Sql: {
      const auto& n = static_cast<const PlSql&>(s);
      F(statement);
      break;
    }
    case PlStmtKind::Forall: {
      const auto& n = static_cast<const PlForall&>(s);
      F(index);
      F(bounds_kind);
      F(low);
      F(high);
      F(collection);
      F(save_exceptions);
      F(body);
      break;
    }
    case PlStmtKind::Open: {
      const auto& n = static_cast<const PlOpen&>(s);
      F(cursor);
      F(has_for);
      F(query);
      F(dynamic);
      F(using_args);
      break;
    }
    case PlStmtKind::Fetch: {
      const auto& n = static_cast<const PlFetch&>(s);
      F(cursor);
      F(bulk_collect);
      F(into);
      F(limit);
      break;
    }
    case PlStmtKind::Close: {
      const auto& n = static_cast<const PlClose&>(s);
      F(cursor);
      break;
    }
    case PlStmtKind::ExecuteImmediate: {
      const auto& n = static_cast<const PlExecImmediate&>(s);
      F(text);
      F(bulk_collect);
      F(into);
      F(using_args);
      F(returning_keyword);
      F(returning_into);
      break;
    }
    case PlStmtKind::PipeRow: {
      const auto& n = static_cast<const PlPipeRow&>(s);
      F(row);
      break;
    }
    case PlStmtKind::Block: {
      const auto& n = static_cast<const PlBlockStmt&>(s);
      F(block);
      break;
    }
    case PlStmtKind::CondComp: {
      const auto& n = static_cast<const PlCondStmt&>(s);
      F(cc);
      break;
    }
    case PlStmtKind::Transaction: {
      const auto& n = static_cast<const PlTransaction&>(s);
      F(verb);
      F(rest);
      break;
    }
    case PlStmtKind::Pragma: {
      const auto& n = static_cast<const PlPragmaStmt&>(s);
      F(name);
      F(args);
      F(has_args);
      break;
    }
  }
}

void Dumper::put(const PlHandler& n) {
  F(exceptions);
  F(body);
}

void Dumper::put(const PlBlock& n) {
  F(declare_keyword);
  F(decls);
  F(has_begin);
  F(body);
  F(has_exception);
  F(handlers);
  F(end_name);
}

void Dumper::put(const UnitHeader& n) {
  F(or_replace);
  F(edition);
}

void Dumper::put(const PlTimingPoint& n) {
  F(timing);
  F(block);
}

void Dumper::put(const TypeAttribute& n) {
  F(name);
  F(type);
}

void Dumper::put(const Privilege& n) {
  F(words);
  F(columns);
}

void Dumper::put(const AlterSession::Parameter& n) {
  F(name);
  F(value);
}

void Dumper::put(const User::Clause& n) { F(words); }

void Dumper::put(const CreateDimension::Level& n) {
  F(name);
  F(columns);
  F(parenthesized);
  F(skip_when_null);
}

void Dumper::put(const CreateDimension::JoinKey& n) {
  F(columns);
  F(parenthesized);
  F(level);
}

void Dumper::put(const CreateDimension::Hierarchy& n) {
  F(name);
  F(levels);
  F(join_keys);
}

void Dumper::put(const CreateDimension::Attribute& n) {
  F(name);
  F(level);
  F(columns);
  F(parenthesized);
}

void Dumper::statement(const Statement& s) {
  KIND(s.kind);
  field("kind_name", s.kind_name);
  switch (s.kind) {
    case StmtKind::CreateTable: {
      const auto& n = static_cast<const CreateTable&>(s);
      F(name);
      F(global_temporary);
      F(private_temporary);
      F(modifiers);
      F(if_not_exists);
  F(of_type);
      F(columns);
      F(constraints);
      F(properties);
      F(partitioning);
      break;
    }
    case StmtKind::CreateIndex: {
      const auto& n = static_cast<const CreateIndex&>(s);
      F(name);
      F(table);
      F(unique);
      F(bitmap);
      F(multivalue);
      F(on_cluster);
      F(table_alias);
      F(local);
      F(global);
      F(columns);
      F(options);
      break;
    }
    case StmtKind::AlterTable: {
      const auto& n = static_cast<const AlterTable&>(s);
      F(name);
      F(actions);
      break;
    }
    case StmtKind::Comment: {
      const auto& n = static_cast<const CommentOn&>(s);
      F(object_kind);
      F(target);
      F(text);
      break;
    }
    case StmtKind::Other:
    case StmtKind::Invalid: leaf("untyped"); break;
    case StmtKind::Select: {
      const auto& n = static_cast<const SelectStmt&>(s);
      F(query);
      break;
    }
    case StmtKind::Insert: {
      const auto& n = static_cast<const Insert&>(s);
      F(hint);
      F(multi);
      F(single);
      F(whens);
      F(conditional);
      F(query);
      F(returning);
      F(error_logging);
      break;
    }
    case StmtKind::Update: {
      const auto& n = static_cast<const Update&>(s);
      F(hint);
      F(target);
      F(sets);
      F(where);
      F(returning);
      F(error_logging);
      break;
    }
    case StmtKind::Delete: {
      const auto& n = static_cast<const Delete&>(s);
      F(hint);
      F(from_keyword);
      F(target);
      F(where);
      F(returning);
      F(error_logging);
      break;
    }
    case StmtKind::Merge: {
      const auto& n = static_cast<const Merge&>(s);
      F(hint);
      F(target);
      F(source);
      F(on);
      F(matched_first);
      F(matched);
      F(not_matched);
      F(error_logging);
      break;
    }
    case StmtKind::CreateView: {
      const auto& n = static_cast<const CreateView&>(s);
      F(or_replace);
      F(force);
      F(edition);
      F(name);
      F(columns);
      F(column_text);
      F(options);
      F(query);
      F(with_option);
      F(constraint);
      break;
    }
    case StmtKind::CreateSequence: {
      const auto& n = static_cast<const CreateSequence&>(s);
      F(name);
      F(options);
      break;
    }
    case StmtKind::CreateSynonym: {
      const auto& n = static_cast<const CreateSynonym&>(s);
      F(or_replace);
      F(is_public);
      F(edition);
      F(substituted_modifier);
      F(name);
      F(target);
      break;
    }
    case StmtKind::PlBlock: {
      const auto& n = static_cast<const PlAnonymousBlock&>(s);
      F(labels);
      F(block);
      break;
    }
    case StmtKind::CreateSubprogram: {
      const auto& n = static_cast<const CreateSubprogram&>(s);
      F(header);
      F(sub);
      break;
    }
    case StmtKind::CreatePackage: {
      const auto& n = static_cast<const CreatePackage&>(s);
      F(header);
      F(body);
      F(name);
      F(options);
      F(is_as);
      F(block);
      break;
    }
    case StmtKind::CreateTrigger: {
      const auto& n = static_cast<const CreateTrigger&>(s);
      F(header);
      F(name);
      F(timing);
      F(system);
      F(event);
      F(when);
      F(compound);
      F(compound_decls);
      F(timing_points);
      F(compound_end_name);
      F(call);
      F(labels);
      F(block);
      break;
    }
    case StmtKind::CreateType: {
      const auto& n = static_cast<const CreateType&>(s);
      F(header);
      F(name);
      F(pre);
      F(is_as);
      F(def);
      F(supertype);
      F(attributes);
      F(methods);
      F(pragmas);
      F(element);
      F(varray_word);
      F(limit);
      F(element_not_null);
      F(post);
      F(other);
      break;
    }
    case StmtKind::CreateTypeBody: {
      const auto& n = static_cast<const CreateTypeBody&>(s);
      F(header);
      F(name);
      F(is_as);
      F(methods);
      break;
    }
    case StmtKind::Grant: {
      const auto& n = static_cast<const Grant&>(s);
      F(revoke);
      F(privileges);
      F(object_kind);
      F(object);
      F(grantees);
      F(options);
      break;
    }
    case StmtKind::Drop: {
      const auto& n = static_cast<const Drop&>(s);
      F(is_public);
      F(object_kind);
      F(if_exists);
      F(name);
      F(options);
      break;
    }
    case StmtKind::Transaction: {
      const auto& n = static_cast<const Transaction&>(s);
      F(verb);
      F(work);
      F(to_savepoint_word);
      F(savepoint);
      F(comment);
      break;
    }
    case StmtKind::AlterSession: {
      const auto& n = static_cast<const AlterSession&>(s);
      F(parameters);
      break;
    }
    case StmtKind::Truncate: {
      const auto& n = static_cast<const Truncate&>(s);
      F(object_kind);
      F(name);
      F(options);
      break;
    }
    case StmtKind::CreateDirectory: {
      const auto& n = static_cast<const CreateDirectory&>(s);
      F(or_replace);
      F(name);
      F(path);
      break;
    }
    case StmtKind::User: {
      const auto& n = static_cast<const User&>(s);
      F(alter);
      F(name);
      F(clauses);
      break;
    }
    case StmtKind::CreateDimension: {
      const auto& n = static_cast<const CreateDimension&>(s);
      F(or_replace);
      F(name);
      F(levels);
      F(hierarchies);
      F(attributes);
      F(order);
      break;
    }
  }
}

#undef F
#undef KIND

}  // namespace

std::vector<std::string> dump_tree(const ast::Statement& s) {
  Dumper d;
  d.field("stmt", s);
  return std::move(d.lines);
}

}  // namespace orashift::sql::test
