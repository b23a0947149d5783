#pragma once
// Moving an exact decimal to a target column's NUMERIC(precision, scale) without losing
// anything: a value that would need rounding or does not fit is refused, never wrapped or
// rounded quietly (the load engine turns the refusal into a reject record).
#include <string>

#include "common/decimal.h"

namespace orashift {

// Converts value * 10^-from_scale to the same number at to_scale (which may be negative, as
// PostgreSQL allows) and checks it has at most `precision` digits (precision <= 38).
// Returns false with a human-readable reason when the value cannot be stored exactly.
bool rescale_decimal(Int128 value, int from_scale, int precision, int to_scale, Int128& out,
                     std::string* reason = nullptr);

}  // namespace orashift
