#pragma once
// Decoders for the byte layouts Oracle hands to OCI clients, written from the OCI Programmer's
// Guide ("Data Types": NUMBER / VARNUM, DATE, TIMESTAMP, BINARY_FLOAT/DOUBLE) and the SQL
// Reference's DUMP() examples. Every decoder is exact: NUMBER becomes decimal text (never a
// double), DATE/TIMESTAMP become microseconds with BC years kept.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/datetime.h"

namespace orashift::oracle {

// An Oracle NUMBER in its internal form (1..21 bytes, without the VARNUM length byte):
// exponent byte, then base-100 mantissa digits (+1 for positive numbers, 101 - d for negative
// ones, which end with 102 when shorter than 20 digits). 0x80 is zero; 0xFF 0x65 is +infinity
// and 0x00 is -infinity. Returns the plain decimal text ("-12.5", "0.0045", "14500"), "Infinity"
// / "-Infinity", or nullopt with `error` set when the bytes are not a valid NUMBER.
std::optional<std::string> decode_number(std::string_view bytes, std::string* error = nullptr);
// SQLT_VNU: the same with a leading length byte (22-byte buffers).
std::optional<std::string> decode_varnum(std::string_view bytes, std::string* error = nullptr);
// The inverse (used by the test double and tests): decimal text → internal NUMBER bytes.
// Accepts [-]digits[.digits]; more than 40 significant digits is an error (nullopt).
std::optional<std::string> encode_number(std::string_view decimal_text);

// DATE, 7 bytes: century+100, year-of-century+100, month, day, hour+1, minute+1, second+1.
// BC years are stored as 100 - century, 100 - year (4712 BC → 53, 88). Returns microseconds
// since 1970-01-01 in the proleptic Gregorian calendar with astronomical years (1 BC = year 0),
// or nullopt with `error` when a field is out of range (a corrupt date).
std::optional<Micros> decode_date(std::string_view bytes, std::string* error = nullptr);
// TIMESTAMP, 11 bytes: the 7 DATE bytes then nanoseconds as a big-endian 32-bit integer
// (7 bytes when the fraction is zero). Fractions finer than a microsecond are rounded half up,
// as Oracle rounds into TIMESTAMP(6).
std::optional<Micros> decode_timestamp(std::string_view bytes, std::string* error = nullptr);
std::string encode_date(const CivilDateTime& c);
std::string encode_timestamp(const CivilDateTime& c, uint32_t nanos);

// BINARY_FLOAT (4 bytes) / BINARY_DOUBLE (8 bytes) as stored and as DUMP() shows them: IEEE 754
// big-endian with the sign bit flipped for non-negative values and every bit inverted for
// negative ones, so that the bytes sort like the numbers. NaN and the infinities come through.
std::optional<double> decode_binary_double(std::string_view bytes, std::string* error = nullptr);
std::optional<float> decode_binary_float(std::string_view bytes, std::string* error = nullptr);
std::string encode_binary_double(double v);

}  // namespace orashift::oracle
