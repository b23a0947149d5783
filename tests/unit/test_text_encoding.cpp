// Source scripts are read as UTF-8 whatever they were written in: detection, explicit
// encodings, and what the DDL loader says when it converted a file.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "common/text_encoding.h"
#include "convert/ddl_loader.h"

using namespace orashift;

TEST(TextEncoding, Utf8StaysAsItIsWithoutItsByteOrderMark) {
  auto d = decode_source_text("\xEF\xBB\xBF" "SELECT 'caf\xC3\xA9' FROM dual;");
  EXPECT_FALSE(d.converted);
  EXPECT_EQ(d.encoding, "UTF-8");
  EXPECT_EQ(d.utf8, "SELECT 'caf\xC3\xA9' FROM dual;");
}

TEST(TextEncoding, SingleByteTextIsReadAsWindows1252) {
  auto d = decode_source_text("caf\xE9 \x80 se\xF1or");
  EXPECT_TRUE(d.converted);
  EXPECT_EQ(d.encoding, "WINDOWS-1252");
  EXPECT_EQ(d.utf8, "caf\xC3\xA9 \xE2\x82\xAC se\xC3\xB1or");  // é € ñ
  // 0x81 has no Windows-1252 meaning: ISO-8859-1, where every byte is a character.
  auto l = decode_source_text("a\x81" "b");
  EXPECT_EQ(l.encoding, "ISO-8859-1");
  EXPECT_EQ(l.utf8, "a\xC2\x81" "b");
}

TEST(TextEncoding, Utf16WithByteOrderMark) {
  std::string le("\xFF\xFE" "a\0\xE9\0", 6);
  auto d = decode_source_text(le);
  EXPECT_TRUE(d.converted);
  EXPECT_EQ(d.utf8, "a\xC3\xA9");
}

TEST(TextEncoding, GivenEncodings) {
  EXPECT_EQ(decode_source_text("\xA4", "ISO-8859-15").utf8, "\xE2\x82\xAC");  // € in Latin-9
  EXPECT_EQ(decode_source_text("\xA4", "iso-8859-1").utf8, "\xC2\xA4");      // ¤ in Latin-1
  EXPECT_THROW(decode_source_text("caf\xE9", "UTF-8"), std::runtime_error);
  EXPECT_THROW(decode_source_text("x", "NO-SUCH-ENCODING"), std::runtime_error);
}

TEST(TextEncoding, DdlLoaderConvertsAndSaysSo) {
  auto path = std::filesystem::temp_directory_path() / "orashift_latin1_ddl.sql";
  std::ofstream(path, std::ios::binary) << "CREATE TABLE t (n VARCHAR2(10));\nCOMMENT ON TABLE t IS 'caf\xE9';\n";
  DdlLoad load = load_ddl({path.string()});
  ASSERT_EQ(load.catalog.tables.size(), 1u);
  EXPECT_EQ(load.catalog.tables[0].comment, "caf\xC3\xA9");
  bool noted = false;
  for (const auto& d : load.diagnostics.items())
    noted = noted || (d.code == "P0004" && d.severity == Severity::Note && d.message.find("WINDOWS-1252") != std::string::npos);
  EXPECT_TRUE(noted);
  EXPECT_EQ(load.diagnostics.error_count(), 0u);
}
