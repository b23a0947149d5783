// Oracle built-in data types (and user-defined type names) as written in column definitions.
#include <cctype>

#include "sql/parser.h"
#include "sql/parser_impl.h"

namespace orashift::sql {

namespace {

std::string upper_name(std::string_view s) {
  if (s.size() >= 2 && s.front() == '"') return std::string(s.substr(1, s.size() - 2));
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

ast::DataType Parser::data_type() {
  size_t start = pos_;
  ast::DataType d;
  const Token& t = peek();
  if (!t.is_word()) fail(t, "a data type");

  auto length_spec = [&] {
    if (peek().kind != TokenKind::LParen) return;
    ++pos_;
    d.length = integer("a length");
    if (accept(Kw::BYTE))
      d.byte_semantics = true;
    else if (accept(Kw::CHAR))
      d.char_semantics = true;
    expect(TokenKind::RParen, "')' after the length");
  };
  auto precision_spec = [&](bool allow_scale) {
    if (peek().kind != TokenKind::LParen) return;
    ++pos_;
    if (accept(TokenKind::Star))
      d.star_precision = true;
    else
      d.precision = integer("a precision");
    if (allow_scale && accept(TokenKind::Comma)) {
      bool neg = accept(TokenKind::Minus);  // NUMBER(10,-2) rounds to hundreds
      int s = integer("a scale");
      d.scale = neg ? -s : s;
    }
    expect(TokenKind::RParen, allow_scale ? "',' or ')' in the precision" : "')' after the precision");
  };

  if (t.kind == TokenKind::Identifier) {
    switch (t.kw) {
      case Kw::NUMBER:
      case Kw::NUMERIC:
      case Kw::DECIMAL:
      case Kw::DEC:
        ++pos_;
        d.name = upper_name(t.text);
        precision_spec(true);
        break;
      case Kw::FLOAT:
        ++pos_;
        d.name = "FLOAT";
        precision_spec(false);
        break;
      case Kw::INTEGER:
      case Kw::INT:
      case Kw::SMALLINT:
      case Kw::REAL:
      case Kw::DATE:
      case Kw::CLOB:
      case Kw::NCLOB:
      case Kw::BLOB:
      case Kw::BFILE:
      case Kw::ROWID:
      case Kw::BINARY_FLOAT:
      case Kw::BINARY_DOUBLE:
      case Kw::XMLTYPE:
        ++pos_;
        d.name = upper_name(t.text);
        break;
      case Kw::DOUBLE:
        ++pos_;
        expect(Kw::PRECISION);
        d.name = "DOUBLE PRECISION";
        break;
      case Kw::VARCHAR2:
      case Kw::VARCHAR:
      case Kw::NVARCHAR2:
      case Kw::RAW:
      case Kw::UROWID:
        ++pos_;
        d.name = upper_name(t.text);
        length_spec();
        break;
      case Kw::CHAR:
      case Kw::NCHAR:
      case Kw::CHARACTER:
        ++pos_;
        d.name = upper_name(t.text);
        if (accept(Kw::VARYING)) d.name += " VARYING";
        length_spec();
        break;
      case Kw::NATIONAL:
        ++pos_;
        if (!accept(Kw::CHAR) && !accept(Kw::CHARACTER)) fail(peek(), "CHAR or CHARACTER after NATIONAL");
        d.name = "NATIONAL CHAR";
        if (accept(Kw::VARYING)) d.name += " VARYING";
        length_spec();
        break;
      case Kw::LONG:
        ++pos_;
        d.name = accept(Kw::RAW) ? "LONG RAW" : "LONG";
        break;
      case Kw::TIMESTAMP:
        ++pos_;
        d.name = "TIMESTAMP";
        precision_spec(false);
        if (accept(Kw::WITH)) {
          d.suffix = accept(Kw::LOCAL) ? "WITH LOCAL TIME ZONE" : "WITH TIME ZONE";
          expect(Kw::TIME);
          expect(Kw::ZONE);
        }
        break;
      case Kw::INTERVAL: {
        ++pos_;
        d.name = "INTERVAL";
        size_t q = pos_;
        if (accept(Kw::YEAR)) {
          if (peek().kind == TokenKind::LParen) precision_spec(false);
          expect(Kw::TO);
          expect(Kw::MONTH);
        } else if (accept(Kw::DAY)) {
          if (peek().kind == TokenKind::LParen) precision_spec(false);
          expect(Kw::TO);
          expect(Kw::SECOND);
          if (peek().kind == TokenKind::LParen) {
            ++pos_;
            d.scale = integer("fractional seconds precision");
            expect(TokenKind::RParen, "')'");
          }
        } else {
          fail(peek(), "YEAR or DAY after INTERVAL");
        }
        d.suffix = compact_text(span_from(q));
        // The field precisions live in the suffix text; numeric fields stay for NUMBER-like use.
        break;
      }
      default: break;
    }
  }
  if (d.name.empty()) {
    // A user-defined type, possibly schema-qualified (MDSYS.SDO_GEOMETRY, SYS.XMLTYPE), or
    // REF type in object columns.
    if (accept_word("REF")) d.name = "REF ";
    ast::QualifiedName q = qualified_name("a data type");
    std::string full;
    for (const auto& p : q.parts) {
      if (!full.empty()) full += ".";
      full += upper_name(p.text);
    }
    if (upper_name(q.name().text) == "XMLTYPE" && q.parts.size() == 2 && upper_name(q.parts[0].text) == "SYS")
      full = "XMLTYPE";
    d.name += full;
    d.user_type = std::move(q);
    // 23ai VECTOR(dimensions, format[, storage]): kept in the suffix text ('*' means "any").
    if (full == "VECTOR" && peek().kind == TokenKind::LParen) {
      size_t q0 = pos_;
      skip_group();
      d.suffix = compact_text(span_from(q0));
      d.user_type.reset();
    }
    // PL/SQL anchors x%TYPE are not column types; stop here and let the caller fail on `%`.
  }
  d.span = span_from(start);
  return d;
}

}  // namespace orashift::sql
