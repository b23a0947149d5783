#include "common/decimal_rescale.h"

namespace orashift {

static std::string type_text(int precision, int scale) {
  return "NUMERIC(" + std::to_string(precision) + "," + std::to_string(scale) + ")";
}

bool rescale_decimal(Int128 value, int from_scale, int precision, int to_scale, Int128& out, std::string* reason) {
  int diff = to_scale - from_scale;
  Int128 v = value;
  if (diff > 0) {
    // Upscaling cannot lose digits, only overflow: check against the bound before multiplying.
    if (diff > 38 || (v != 0 && decimal_digits(v) + diff > 38)) {
      if (reason) *reason = format_decimal(value, from_scale) + " does not fit " + type_text(precision, to_scale);
      return false;
    }
    v *= pow10_i128(diff);
  } else if (diff < 0) {
    if (-diff > 38 ? v != 0 : v % pow10_i128(-diff) != 0) {
      if (reason)
        *reason = format_decimal(value, from_scale) + " would be rounded to fit " + type_text(precision, to_scale);
      return false;
    }
    v = -diff > 38 ? 0 : v / pow10_i128(-diff);
  }
  if (precision < 38 && v != 0 && decimal_digits(v) > precision) {
    if (reason) *reason = format_decimal(value, from_scale) + " does not fit " + type_text(precision, to_scale);
    return false;
  }
  out = v;
  return true;
}

}  // namespace orashift
