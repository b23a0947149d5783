#include "common/text_encoding.h"

#include <iconv.h>

#include <cerrno>
#include <stdexcept>

#include "common/ascii.h"
#include "common/utf8.h"

namespace orashift {

namespace {

// glibc's iconv: the conversion tables ship with libc, no extra library.
bool iconv_to_utf8(const std::string& from, const std::string& bytes, std::string& out) {
  iconv_t cd = iconv_open("UTF-8", from.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error("unknown encoding " + from);
  out.assign(bytes.size() * 4 + 16, '\0');
  char* in = const_cast<char*>(bytes.data());  // iconv's signature; the input is not written
  size_t in_left = bytes.size();
  char* dst = out.data();
  size_t out_left = out.size();
  size_t r = iconv(cd, &in, &in_left, &dst, &out_left);
  iconv_close(cd);
  if (r == static_cast<size_t>(-1)) return false;
  out.resize(out.size() - out_left);
  return true;
}

bool starts_with(const std::string& s, std::string_view p) { return s.compare(0, p.size(), p) == 0; }

}  // namespace

DecodedText decode_source_text(const std::string& bytes, const std::string& encoding) {
  DecodedText d;
  std::string enc = ascii_upper(encoding);
  if (enc.empty()) {
    if (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF")) {
      enc = "UTF-16";  // iconv reads the byte-order mark
    } else if (valid_utf8(bytes)) {
      d.encoding = "UTF-8";
      d.utf8 = starts_with(bytes, "\xEF\xBB\xBF") ? bytes.substr(3) : bytes;
      return d;
    } else {
      d.encoding = "WINDOWS-1252";
      if (!iconv_to_utf8(d.encoding, bytes, d.utf8)) {
        d.encoding = "ISO-8859-1";  // every byte is a character there
        iconv_to_utf8(d.encoding, bytes, d.utf8);
      }
      d.converted = true;
      return d;
    }
  }
  if (enc == "UTF-8" || enc == "UTF8" || enc == "AL32UTF8") {
    if (!valid_utf8(bytes)) throw std::runtime_error("the file is not valid UTF-8");
    d.encoding = "UTF-8";
    d.utf8 = starts_with(bytes, "\xEF\xBB\xBF") ? bytes.substr(3) : bytes;
    return d;
  }
  d.encoding = enc;
  if (!iconv_to_utf8(enc, bytes, d.utf8)) throw std::runtime_error("the file is not valid " + enc);
  if (starts_with(d.utf8, "\xEF\xBB\xBF")) d.utf8.erase(0, 3);
  d.converted = true;
  return d;
}

}  // namespace orashift
