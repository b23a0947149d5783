#include <gtest/gtest.h>

#include "sql/lexer.h"

using namespace orashift;
using namespace orashift::sql;

namespace {

std::vector<Token> lex(const SourceFile& f, bool comments = false) { return tokenize(f, comments); }

}  // namespace

TEST(Lexer, WordsKeywordsAndSpans) {
  SourceFile f("t.sql", "create Table sh.\"Mixed\" (a$b#1 number);");
  auto t = lex(f);
  ASSERT_EQ(t.size(), 10u);
  EXPECT_EQ(t[0].kind, TokenKind::Identifier);
  EXPECT_EQ(t[0].kw, Kw::CREATE);
  EXPECT_EQ(t[1].kw, Kw::TABLE);
  EXPECT_EQ(t[2].kw, Kw::None);
  EXPECT_EQ(t[3].kind, TokenKind::Dot);
  EXPECT_EQ(t[4].kind, TokenKind::QuotedIdentifier);
  EXPECT_EQ(t[4].text, "\"Mixed\"");
  EXPECT_EQ(t[6].text, "a$b#1");
  EXPECT_EQ(t[6].span.begin, 25u);
  EXPECT_EQ(t[6].span.end, 30u);
  EXPECT_EQ(t[6].span.column(), 26u);
  EXPECT_EQ(t[7].kw, Kw::NUMBER);
  EXPECT_EQ(t[9].kind, TokenKind::Semicolon);
}

TEST(Lexer, Numbers) {
  SourceFile f("t.sql", "12 1.5e3 .5 10d 2F 1..10 3.");
  auto t = lex(f);
  std::vector<std::string_view> texts;
  for (auto& x : t) texts.push_back(x.text);
  ASSERT_EQ(texts.size(), 9u);
  EXPECT_EQ(texts[0], "12");
  EXPECT_EQ(texts[1], "1.5e3");
  EXPECT_EQ(texts[2], ".5");
  EXPECT_EQ(texts[3], "10d");
  EXPECT_EQ(texts[4], "2F");
  EXPECT_EQ(texts[5], "1");
  EXPECT_EQ(t[6].kind, TokenKind::DotDot);
  EXPECT_EQ(texts[7], "10");
  EXPECT_EQ(texts[8], "3.");
}

TEST(Lexer, StringsAndQQuotes) {
  SourceFile f("t.sql", "'it''s' N'nat' q'[a ' ]b]' Q'{x}' q'<y>' q'(z)' q'!it's!' nq'#n#'");
  auto t = lex(f);
  ASSERT_EQ(t.size(), 8u);
  for (auto& x : t) EXPECT_EQ(x.kind, TokenKind::String) << x.text;
  EXPECT_EQ(string_value(t[0]), "it's");
  EXPECT_EQ(string_value(t[1]), "nat");
  EXPECT_TRUE(t[1].flags & kTokNational);
  EXPECT_EQ(string_value(t[2]), "a ' ]b");
  EXPECT_EQ(string_value(t[3]), "x");
  EXPECT_EQ(string_value(t[4]), "y");
  EXPECT_EQ(string_value(t[5]), "z");
  EXPECT_EQ(string_value(t[6]), "it's");
  EXPECT_EQ(string_value(t[7]), "n");
  EXPECT_TRUE(t[7].flags & kTokNational);
}

TEST(Lexer, CommentsAndHints) {
  SourceFile f("t.sql", "select /*+ full(t) */ a -- trailing\r\n/* block\n */ from t");
  auto all = lex(f, true);
  ASSERT_EQ(all.size(), 7u);
  EXPECT_EQ(all[1].kind, TokenKind::Hint);
  EXPECT_EQ(all[3].kind, TokenKind::Comment);
  EXPECT_EQ(all[3].text, "-- trailing");  // CR stays with the line break
  EXPECT_EQ(all[4].kind, TokenKind::Comment);
  EXPECT_EQ(all[4].span.line(), 2u);
  EXPECT_EQ(lex(f).size(), 5u);
}

TEST(Lexer, Operators) {
  SourceFile f("t.sql", "|| := => .. ** != <> ^= ~= <= >= (+) ( + ) < > = @ % << >>");
  auto t = lex(f);
  std::vector<TokenKind> want = {TokenKind::Concat, TokenKind::Assign, TokenKind::Arrow, TokenKind::DotDot,
                                 TokenKind::Power,  TokenKind::Ne,     TokenKind::Ne,    TokenKind::Ne,
                                 TokenKind::Ne,     TokenKind::Le,     TokenKind::Ge,    TokenKind::OuterJoin,
                                 TokenKind::LParen, TokenKind::Plus,   TokenKind::RParen, TokenKind::Lt,
                                 TokenKind::Gt,     TokenKind::Eq,     TokenKind::At,    TokenKind::Percent,
                                 TokenKind::LLabel, TokenKind::RLabel};
  ASSERT_EQ(t.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) EXPECT_EQ(t[i].kind, want[i]) << i << " " << t[i].text;
}

TEST(Lexer, BindAndSubstitution) {
  SourceFile f("t.sql", ":x :1 :new.col &tab &&schema &v..x a:=1");
  auto t = lex(f);
  EXPECT_EQ(t[0].kind, TokenKind::Bind);
  EXPECT_EQ(t[1].kind, TokenKind::Bind);
  EXPECT_EQ(t[2].text, ":new");
  EXPECT_EQ(t[3].kind, TokenKind::Dot);
  EXPECT_EQ(t[5].kind, TokenKind::Substitution);
  EXPECT_EQ(t[5].text, "&tab");
  EXPECT_EQ(t[6].text, "&&schema");
  EXPECT_EQ(t[7].text, "&v.");  // the period ends the variable name
  EXPECT_EQ(t[8].kind, TokenKind::Dot);
  EXPECT_EQ(t[11].kind, TokenKind::Assign);
  SourceFile g("t.sql", "&&owner._info $$plsql_unit $if");
  auto u = lex(g);
  ASSERT_EQ(u.size(), 3u);
  EXPECT_EQ(u[0].text, "&&owner._info");
  EXPECT_EQ(u[1].kind, TokenKind::Identifier);
  EXPECT_EQ(u[2].text, "$if");
}

TEST(Lexer, ErrorsAreTokens) {
  SourceFile f("t.sql", "select 'open");
  auto t = lex(f);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[1].kind, TokenKind::Error);
  EXPECT_STREQ(error_message(t[1]), "unterminated string literal");
  SourceFile g("t.sql", "a /* never closed");
  auto u = lex(g, true);
  ASSERT_EQ(u.size(), 2u);
  EXPECT_EQ(u[1].kind, TokenKind::Error);
  EXPECT_STREQ(error_message(u[1]), "unterminated comment");
}

TEST(Lexer, KeywordLookupIsCaseInsensitive) {
  EXPECT_EQ(keyword_of("VarChar2"), Kw::VARCHAR2);
  EXPECT_EQ(keyword_of("null"), Kw::NULL_);
  EXPECT_EQ(keyword_name(Kw::NULL_), "NULL");
  EXPECT_EQ(keyword_of("sales"), Kw::None);
  EXPECT_EQ(keyword_of(""), Kw::None);
}
