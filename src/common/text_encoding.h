#pragma once
// Source scripts as UTF-8. Oracle scripts in the wild are UTF-8, or a single-byte Windows /
// ISO-8859 code page (comments and literals with accented letters), occasionally UTF-16 from
// Windows editors. The front end works on UTF-8, so a file is converted once when it is read.
#include <string>

namespace orashift {

struct DecodedText {
  std::string utf8;
  std::string encoding;  // what the bytes were read as ("UTF-8", "WINDOWS-1252", …)
  bool converted = false;
};

// `encoding` empty: detect — a UTF-16 byte-order mark → UTF-16; valid UTF-8 (a UTF-8 BOM is
// dropped) → as is; anything else → Windows-1252 (a superset of ISO-8859-1's printable
// characters), or ISO-8859-1 where a byte has no Windows-1252 meaning. Otherwise the bytes are
// converted from that encoding (an iconv name: ISO-8859-15, CP1250, …). Throws
// std::runtime_error naming the encoding when it is unknown or the bytes are invalid in it.
DecodedText decode_source_text(const std::string& bytes, const std::string& encoding = "");

}  // namespace orashift
