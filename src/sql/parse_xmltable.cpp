// XMLTABLE's clauses (SQL Language Reference, "XMLTABLE"), read after the generic call has been
// parsed: a text that does not have this form throws ParseError and keeps only the call.
#include "sql/parser_impl.h"

namespace orashift::sql {

std::shared_ptr<ast::XmlTableSpec> Parser::xmltable_spec() {
  auto spec = std::make_shared<ast::XmlTableSpec>();
  if (!accept_word("XMLTABLE")) fail(peek(), "XMLTABLE");
  expect(TokenKind::LParen, "'('");
  if (is_word(0, "XMLNAMESPACES") && peek(1).kind == TokenKind::LParen) {
    pos_ += 2;
    do {
      ast::XmlTableSpec::Namespace ns;
      size_t start = pos_;
      bool dflt = accept(Kw::DEFAULT);
      ns.uri = expr();
      if (!dflt) {
        expect(Kw::AS);
        ns.prefix = ident("a namespace prefix");
      }
      ns.span = span_from(start);
      spec->namespaces.push_back(std::move(ns));
    } while (accept(TokenKind::Comma));
    expect(TokenKind::RParen, "')'");
    expect(TokenKind::Comma, "','");
  }
  spec->row_path = expr();
  if (accept_word("PASSING")) {
    if (accept_word("BY")) accept_word("VALUE") || accept_word("REF");
    spec->passing = expr();
    if (accept(Kw::AS)) ident("an alias");
  }
  if (accept_word("RETURNING")) {
    if (!accept_word("SEQUENCE") || !accept_word("BY") || !accept_word("REF")) fail(peek(), "SEQUENCE BY REF");
  }
  if (accept_word("COLUMNS")) {
    do {
      ast::XmlTableSpec::Column c;
      size_t start = pos_;
      c.name = ident("a column name");
      if (accept(Kw::FOR)) {
        if (!accept_word("ORDINALITY")) fail(peek(), "ORDINALITY");
        c.ordinality = true;
      } else {
        c.type = std::make_shared<ast::DataType>(data_type());
        if (accept_word("PATH")) c.path = expr();
        if (accept(Kw::DEFAULT)) c.default_value = expr();
      }
      c.span = span_from(start);
      spec->columns.push_back(std::move(c));
    } while (accept(TokenKind::Comma));
  }
  expect(TokenKind::RParen, "')'");
  return spec;
}

}  // namespace orashift::sql
