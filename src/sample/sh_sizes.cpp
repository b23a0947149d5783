#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "sample/sh_generate.h"

namespace orashift::sample {

// The only floating point in the sample: one multiplication and rounding per size, which
// IEEE 754 makes the same everywhere; every value in the files is integer arithmetic.
static uint64_t rows(double base, double scale, uint64_t minimum) {
  return std::max<uint64_t>(minimum, static_cast<uint64_t>(std::llround(base * scale)));
}

ShSizes ShSizes::for_scale(double scale) {
  if (!(scale > 0) || !std::isfinite(scale) || scale > 1000)
    throw std::invalid_argument("sample scale must be a number in (0, 1000]");
  ShSizes s;
  s.sales = rows(1'000'000, scale, 200);
  s.customers = rows(50'000, scale, 50);
  s.promotions = rows(503, std::min(1.0, scale * 10), 20);
  s.costs = std::max<uint64_t>(20, s.sales / 10);
  return s;
}

}  // namespace orashift::sample
