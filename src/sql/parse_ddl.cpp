// CREATE INDEX, ALTER TABLE (constraints and added columns), COMMENT ON.
#include "sql/lexer.h"
#include "sql/parser_impl.h"

namespace orashift::sql {

ast::StatementPtr Parser::create_index() {
  auto ix = std::make_unique<ast::CreateIndex>();
  expect(Kw::CREATE);
  if (accept(Kw::UNIQUE))
    ix->unique = true;
  else if (accept(Kw::BITMAP))
    ix->bitmap = true;
  else if (accept_word("MULTIVALUE"))
    ix->multivalue = true;
  expect(Kw::INDEX);
  accept_if_not_exists();  // a new target has none of the indexes yet: the condition holds
  ix->name = qualified_name("index name");
  expect(Kw::ON);
  if (accept_word("CLUSTER")) {  // cluster index: no column list
    ix->on_cluster = true;
    ix->table = qualified_name("cluster name");
  } else {
    ix->table = qualified_name("table name");
    if (peek().is_word()) ix->table_alias = ident();  // table alias (bitmap join indexes)
    expect(TokenKind::LParen, "'(' with the indexed columns");
    do {
      size_t a = pos_;
      ast::IndexColumn c;
      c.expr = expr();
      if (accept(Kw::DESC))
        c.descending = true;
      else
        accept(Kw::ASC);
      c.span = span_from(a);
      ix->columns.push_back(std::move(c));
    } while (accept(TokenKind::Comma));
    expect(TokenKind::RParen, "',' or ')' after an indexed column");
  }
  size_t o = pos_;
  while (!at_end()) {
    const Token& t = peek();
    if (t.kw == Kw::LOCAL) ix->local = true;
    if (t.kw == Kw::GLOBAL) ix->global = true;
    if (t.kind == TokenKind::LParen) {
      skip_group();
      continue;
    }
    if (t.kind == TokenKind::RParen) fail(t, "an index option or end of statement");
    ++pos_;
  }
  ix->options = span_from(o);
  return ix;
}

ast::StatementPtr Parser::alter_table() {
  auto a = std::make_unique<ast::AlterTable>();
  expect(Kw::ALTER);
  expect(Kw::TABLE);
  a->name = qualified_name("table name");
  while (!at_end()) {
    size_t start = pos_;
    ast::AlterAction act;
    if (peek().kw == Kw::ADD && (at_constraint_start_at(1) || peek(1).kind == TokenKind::LParen ||
                                 (peek(1).is_word() && !is_add_other(1)))) {
      ++pos_;
      if (accept(TokenKind::LParen)) {
        if (at_constraint_start()) {
          act.kind = ast::AlterActionKind::AddConstraint;
          do act.constraints.push_back(out_of_line_constraint());
          while (accept(TokenKind::Comma));
        } else {
          act.kind = ast::AlterActionKind::AddColumns;
          do act.columns.push_back(column_def());
          while (accept(TokenKind::Comma));
        }
        expect(TokenKind::RParen, "',' or ')'");
      } else if (at_constraint_start()) {
        act.kind = ast::AlterActionKind::AddConstraint;
        act.constraints.push_back(out_of_line_constraint());
      } else {
        act.kind = ast::AlterActionKind::AddColumns;
        act.columns.push_back(column_def());
      }
    } else if (dropped_constraint(act) || changed_nullability(act)) {
    } else {
      // MODIFY, DROP, RENAME, ADD PARTITION, ...: kept as text until a pass needs them.
      act.kind = ast::AlterActionKind::Other;
      while (!at_end()) {
        if (peek().kind == TokenKind::LParen) {
          skip_group();
          continue;
        }
        if (peek().kind == TokenKind::RParen) fail(peek(), "end of statement");
        ++pos_;
      }
    }
    act.span = span_from(start);
    a->actions.push_back(std::move(act));
  }
  return a;
}

// DROP CONSTRAINT name [CASCADE] [KEEP | DROP INDEX] / DROP PRIMARY KEY [CASCADE] …: what the
// catalog models of it is which constraint goes; the options stay in the action's text.
bool Parser::dropped_constraint(ast::AlterAction& act) {
  if (peek().kw != Kw::DROP) return false;
  if (peek(1).kw == Kw::CONSTRAINT && peek(2).is_word()) {
    pos_ += 2;
    act.target = ident("constraint name");
  } else if (peek(1).kw == Kw::PRIMARY && peek(2).kw == Kw::KEY) {
    pos_ += 3;
    act.primary_key = true;
  } else {
    return false;
  }
  act.kind = ast::AlterActionKind::DropConstraint;
  for (;;) {
    if (peek().kw == Kw::CASCADE || is_word(0, "ONLINE")) ++pos_;
    else if ((peek().kw == Kw::KEEP || peek().kw == Kw::DROP) && peek(1).kw == Kw::INDEX) pos_ += 2;
    else break;
  }
  return true;
}

// MODIFY c [NOT] NULL, MODIFY (c [NOT] NULL, …): nothing else in the clause (a type or a default
// change stays text).
bool Parser::changed_nullability(ast::AlterAction& act) {
  if (peek().kw != Kw::MODIFY) return false;
  size_t k = 1;
  bool paren = peek(k).kind == TokenKind::LParen;
  if (paren) ++k;
  std::vector<std::pair<size_t, bool>> found;  // token of the column, NOT NULL
  for (;;) {
    if (!peek(k).is_word()) return false;
    size_t column = k++;
    bool not_null = peek(k).kw == Kw::NOT;
    if (not_null) ++k;
    if (peek(k).kw != Kw::NULL_) return false;
    ++k;
    found.push_back({column, not_null});
    if (paren && peek(k).kind == TokenKind::Comma) {
      ++k;
      continue;
    }
    break;
  }
  if (paren && peek(k++).kind != TokenKind::RParen) return false;
  size_t end = pos_ + k;
  for (const auto& [column, not_null] : found) {
    pos_ = end - k + column;
    act.nullability.push_back({ident("column name"), not_null});
  }
  pos_ = end;
  act.kind = ast::AlterActionKind::Nullability;
  return true;
}

bool Parser::at_constraint_start_at(size_t k) const {
  Kw w = peek(k).kw;
  return w == Kw::CONSTRAINT || w == Kw::PRIMARY || w == Kw::UNIQUE || w == Kw::FOREIGN || w == Kw::CHECK;
}

// ADD PARTITION / SUBPARTITION / SUPPLEMENTAL LOG / OVERFLOW / PERIOD ... are not column definitions.
bool Parser::is_add_other(size_t k) const {
  Kw w = peek(k).kw;
  if (w == Kw::PARTITION || w == Kw::SUBPARTITION) return true;
  for (std::string_view s : {"SUPPLEMENTAL", "OVERFLOW", "PERIOD", "SCOPE", "VALUES"})
    if (is_word(k, s)) return true;
  return false;
}

ast::StatementPtr Parser::comment_on() {
  auto c = std::make_unique<ast::CommentOn>();
  expect(Kw::COMMENT);
  expect(Kw::ON);
  size_t k = pos_;
  if (accept(Kw::MATERIALIZED)) {
    expect(Kw::VIEW);
  } else if (accept_word("MINING")) {
    if (!accept_word("MODEL")) fail(peek(), "MODEL");
  } else if (accept_word("AUDIT")) {
    if (!accept_word("POLICY")) fail(peek(), "POLICY");
  } else {
    ident("TABLE, COLUMN or another object kind");
  }
  c->object_kind = span_from(k).text();
  c->target = qualified_name("object name");
  expect(Kw::IS);
  const Token& s = expect(TokenKind::String, "a string literal");
  c->text = string_value(s);
  // 'a' || 'b' is not accepted by Oracle here; nothing else may follow.
  return c;
}

}  // namespace orashift::sql
