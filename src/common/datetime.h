#pragma once
// Oracle DATE / TIMESTAMP values as microseconds since 1970-01-01 00:00:00 (proleptic
// Gregorian, no time zone), and Oracle datetime format masks (TO_DATE, SQL*Loader DATE "mask").
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orashift {

using Micros = int64_t;
constexpr Micros kMicrosPerSecond = 1000000;
constexpr Micros kMicrosPerDay = 86400LL * kMicrosPerSecond;

struct CivilDateTime {
  int year = 1970;  // astronomical: 0 = 1 BC, -1 = 2 BC
  int month = 1, day = 1, hour = 0, minute = 0, second = 0;
  int micros = 0;
};

int64_t days_from_civil(int y, int m, int d);
CivilDateTime civil_from_micros(Micros t);
Micros micros_from_civil(const CivilDateTime& c);
bool valid_civil(const CivilDateTime& c);

// ISO text "YYYY-MM-DD HH:MI:SS[.ffffff]", years before 1 written as PostgreSQL does ("… BC").
void append_timestamp(std::string& out, Micros t);
std::string format_timestamp(Micros t);

// A compiled Oracle datetime format model such as "YYYY-MM-DD-HH24-MI-SS" or "DD-MON-RR".
// Parsing follows Oracle's lenient rules: punctuation in the mask matches any punctuation,
// month names are English, missing fields default to the first of the current... (Oracle
// uses the current month; we use January 1st for determinism, documented).
class DateMask {
public:
  static std::optional<DateMask> compile(std::string_view mask, std::string* error = nullptr);
  // Returns false with a reason when the text does not match the mask.
  bool parse(std::string_view text, Micros& out, std::string* error = nullptr) const;
  const std::string& text() const { return text_; }

private:
  enum class Field { Year4, SignedYear4, Year2RR, Year2YY, Month2, MonthName, MonthAbbr, Day2, Hour24, Hour12,
                     Minute, Second, Fraction, Meridian, Julian, Literal, Separator };
  struct Element {
    Field field;
    std::string literal;
    int digits = 0;
  };
  // A mask of fixed-width numeric fields and one-character punctuation only ("YYYY-MM-DD
  // HH24:MI:SS"): where each field starts, so that text of exactly that shape is read without
  // the general loop. Empty when the mask has any other element.
  bool parse_fixed(std::string_view s, Micros& out) const;
  struct FixedField {
    Field field;
    uint8_t at, digits;
  };
  std::string text_;
  std::vector<Element> elements_;
  std::vector<FixedField> fixed_;
  std::vector<uint8_t> fixed_punct_;  // positions holding punctuation
  size_t fixed_size_ = 0;
};

}  // namespace orashift
