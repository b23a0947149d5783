#include "common/datetime.h"

#include <cctype>
#include <cstdio>

namespace orashift {

// Howard Hinnant's civil-date algorithms (public domain), proleptic Gregorian.
int64_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

static void civil_from_days(int64_t z, int& y, int& m, int& d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t yy = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(yy + (m <= 2));
}

static bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
static int days_in_month(int y, int m) {
  static const int k[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : k[m - 1];
}

bool valid_civil(const CivilDateTime& c) {
  return c.month >= 1 && c.month <= 12 && c.day >= 1 && c.day <= days_in_month(c.year, c.month) && c.hour >= 0 &&
         c.hour < 24 && c.minute >= 0 && c.minute < 60 && c.second >= 0 && c.second < 60 && c.micros >= 0 &&
         c.micros < 1000000;
}

Micros micros_from_civil(const CivilDateTime& c) {
  int64_t days = days_from_civil(c.year, c.month, c.day);
  return days * kMicrosPerDay + ((c.hour * 60LL + c.minute) * 60 + c.second) * kMicrosPerSecond + c.micros;
}

CivilDateTime civil_from_micros(Micros t) {
  int64_t days = t / kMicrosPerDay;
  int64_t rem = t % kMicrosPerDay;
  if (rem < 0) {
    rem += kMicrosPerDay;
    --days;
  }
  CivilDateTime c;
  civil_from_days(days, c.year, c.month, c.day);
  int64_t secs = rem / kMicrosPerSecond;
  c.micros = static_cast<int>(rem % kMicrosPerSecond);
  c.hour = static_cast<int>(secs / 3600);
  c.minute = static_cast<int>(secs / 60 % 60);
  c.second = static_cast<int>(secs % 60);
  return c;
}

static void put2(std::string& out, int v) {
  out.push_back(static_cast<char>('0' + v / 10));
  out.push_back(static_cast<char>('0' + v % 10));
}

void append_timestamp(std::string& out, Micros t) {
  CivilDateTime c = civil_from_micros(t);
  bool bc = c.year <= 0;
  int y = bc ? 1 - c.year : c.year;
  char buf[16];
  int n = std::snprintf(buf, sizeof buf, "%04d", y);
  out.append(buf, n);
  out.push_back('-');
  put2(out, c.month);
  out.push_back('-');
  put2(out, c.day);
  out.push_back(' ');
  put2(out, c.hour);
  out.push_back(':');
  put2(out, c.minute);
  out.push_back(':');
  put2(out, c.second);
  if (c.micros) {
    n = std::snprintf(buf, sizeof buf, ".%06d", c.micros);
    while (n > 1 && buf[n - 1] == '0') --n;
    out.append(buf, n);
  }
  if (bc) out.append(" BC");
}

std::string format_timestamp(Micros t) {
  std::string s;
  append_timestamp(s, t);
  return s;
}

// ---- format masks ----------------------------------------------------------------------

static bool starts_with_ci(std::string_view s, std::string_view p) {
  if (s.size() < p.size()) return false;
  for (size_t i = 0; i < p.size(); ++i)
    if (std::toupper(static_cast<unsigned char>(s[i])) != p[i]) return false;
  return true;
}

std::optional<DateMask> DateMask::compile(std::string_view mask, std::string* error) {
  DateMask m;
  m.text_ = std::string(mask);
  size_t i = 0;
  // Longest tokens first so that "HH24" is not read as "HH" + "24".
  struct Tok {
    const char* name;
    Field field;
    int digits;
  };
  static const Tok toks[] = {
      {"SYYYY", Field::SignedYear4, 4}, {"YYYY", Field::Year4, 4},   {"RRRR", Field::Year4, 4},
      {"HH24", Field::Hour24, 2},       {"HH12", Field::Hour12, 2},  {"MONTH", Field::MonthName, 0},
      {"MON", Field::MonthAbbr, 3},     {"FF6", Field::Fraction, 6}, {"FF", Field::Fraction, 9},
      {"RR", Field::Year2RR, 2},        {"YY", Field::Year2YY, 2},   {"MM", Field::Month2, 2},
      {"MI", Field::Minute, 2},         {"SS", Field::Second, 2},    {"DD", Field::Day2, 2},
      {"HH", Field::Hour12, 2},         {"AM", Field::Meridian, 2},  {"PM", Field::Meridian, 2},
      {"J", Field::Julian, 7},
  };
  while (i < mask.size()) {
    std::string_view rest = mask.substr(i);
    char c = rest[0];
    if (c == '"') {  // quoted literal text
      size_t close = rest.find('"', 1);
      if (close == std::string_view::npos) {
        if (error) *error = "unterminated quoted text in date mask";
        return std::nullopt;
      }
      m.elements_.push_back({Field::Literal, std::string(rest.substr(1, close - 1)), 0});
      i += close + 1;
      continue;
    }
    // X is the radix character of NLS_TIMESTAMP_FORMAT ('HH.MI.SSXFF'); it reads like punctuation.
    if (c == 'X' || c == 'x') {
      m.elements_.push_back({Field::Separator, ".", 0});
      ++i;
      continue;
    }
    // FF1..FF9: fractional seconds with a given number of digits.
    if (rest.size() >= 3 && starts_with_ci(rest, "FF") && rest[2] >= '1' && rest[2] <= '9') {
      m.elements_.push_back({Field::Fraction, "", rest[2] - '0'});
      i += 3;
      continue;
    }
    if (!std::isalnum(static_cast<unsigned char>(c))) {
      m.elements_.push_back({Field::Separator, std::string(1, c), 0});
      ++i;
      continue;
    }
    bool matched = false;
    for (const Tok& t : toks) {
      if (starts_with_ci(rest, t.name)) {
        m.elements_.push_back({t.field, "", t.digits});
        i += std::char_traits<char>::length(t.name);
        matched = true;
        break;
      }
    }
    if (!matched) {
      if (error) *error = "unsupported element in date mask at '" + std::string(rest.substr(0, 4)) + "'";
      return std::nullopt;
    }
  }
  // The fixed shape (see parse_fixed): numeric fields of fixed width and single punctuation,
  // starting with a field.
  size_t at = 0;
  bool fixed = !m.elements_.empty() && m.elements_.front().field != Field::Separator;
  for (const Element& e : m.elements_) {
    switch (e.field) {
      case Field::Year4:
      case Field::Month2:
      case Field::Day2:
      case Field::Hour24:
      case Field::Minute:
      case Field::Second:
        m.fixed_.push_back({e.field, static_cast<uint8_t>(at), static_cast<uint8_t>(e.digits)});
        at += static_cast<size_t>(e.digits);
        break;
      case Field::Separator:
        m.fixed_punct_.push_back(static_cast<uint8_t>(at));
        ++at;
        break;
      default: fixed = false;
    }
    if (!fixed || at > 64) {
      fixed = false;
      break;
    }
  }
  if (fixed) m.fixed_size_ = at;
  else m.fixed_.clear(), m.fixed_punct_.clear();
  return m;
}

// Text with exactly the mask's fixed shape, every field all digits and every separator
// punctuation: what the general loop reads from it, field by field (read_int stops at the
// field's width, a separator takes one punctuation character). Any other text, and any value
// the general loop refuses, returns false and goes to the general loop, which says why.
bool DateMask::parse_fixed(std::string_view s, Micros& out) const {
  if (fixed_size_ == 0 || s.size() != fixed_size_) return false;
  for (uint8_t p : fixed_punct_)
    if (std::isalnum(static_cast<unsigned char>(s[p]))) return false;
  CivilDateTime c;
  for (const FixedField& f : fixed_) {
    int v = 0;
    for (size_t k = f.at; k < size_t(f.at) + f.digits; ++k) {
      const unsigned d = static_cast<unsigned char>(s[k]) - unsigned('0');
      if (d > 9) return false;
      v = v * 10 + static_cast<int>(d);
    }
    switch (f.field) {
      case Field::Year4: c.year = v; break;
      case Field::Month2: c.month = v; break;
      case Field::Day2: c.day = v; break;
      case Field::Hour24: c.hour = v; break;
      case Field::Minute: c.minute = v; break;
      case Field::Second: c.second = v; break;
      default: return false;
    }
  }
  if (c.year == 0 || c.month < 1 || c.month > 12 || !valid_civil(c)) return false;
  out = micros_from_civil(c);
  return true;
}

static const char* kMonths[] = {"JANUARY", "FEBRUARY", "MARCH",     "APRIL",   "MAY",      "JUNE",
                                "JULY",    "AUGUST",   "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER"};

bool DateMask::parse(std::string_view s, Micros& out, std::string* error) const {
  if (parse_fixed(s, out)) return true;
  CivilDateTime c;
  c.year = 1970;
  bool pm = false, has_meridian = false, hour12 = false;
  bool round_up = false;  // digits past the microsecond: Oracle rounds into TIMESTAMP(6)
  size_t i = 0;
  auto fail = [&](const std::string& why) {
    if (error) *error = why;
    return false;
  };
  auto read_int = [&](int max_digits, int& value, bool allow_sign) -> bool {
    bool neg = false;
    if (allow_sign && i < s.size() && (s[i] == '-' || s[i] == '+')) neg = s[i++] == '-';
    size_t start = i;
    value = 0;
    while (i < s.size() && i - start < static_cast<size_t>(max_digits) && std::isdigit(static_cast<unsigned char>(s[i])))
      value = value * 10 + (s[i++] - '0');
    if (i == start) return false;
    if (neg) value = -value;
    return true;
  };
  while (i < s.size() && s[i] == ' ') ++i;
  for (const Element& e : elements_) {
    // Oracle ignores the rest of the mask once the input is used up: TO_DATE('2001-02-03',
    // 'YYYY-MM-DD HH24:MI:SS') is midnight.
    if (i >= s.size() && &e != &elements_.front()) break;
    switch (e.field) {
      case Field::Separator:
        // Oracle accepts any punctuation where the mask has punctuation.
        if (i < s.size() && !std::isalnum(static_cast<unsigned char>(s[i]))) ++i;
        break;
      case Field::Literal:
        if (s.substr(i, e.literal.size()) != e.literal) return fail("expected '" + e.literal + "'");
        i += e.literal.size();
        break;
      case Field::Year4:
      case Field::SignedYear4: {
        int y;
        if (!read_int(4, y, e.field == Field::SignedYear4)) return fail("year expected");
        if (y == 0) return fail("year 0 does not exist");
        c.year = y < 0 ? y + 1 : y;  // Oracle -1 is 1 BC, astronomical 0
        break;
      }
      case Field::Year2RR:
      case Field::Year2YY: {
        size_t start = i;
        int y;
        if (!read_int(4, y, false)) return fail("year expected");
        if (i - start <= 2) {
          // RR: 00-49 → 2000s, 50-99 → 1900s (relative to a current year in 2000-2049).
          // YY: current century; we fix it to 2000 for determinism (documented).
          y = e.field == Field::Year2RR ? (y < 50 ? 2000 + y : 1900 + y) : 2000 + y;
        }
        c.year = y;
        break;
      }
      case Field::Month2:
        if (!read_int(2, c.month, false)) return fail("month expected");
        break;
      case Field::MonthName:
      case Field::MonthAbbr: {
        bool found = false;
        for (int m = 0; m < 12 && !found; ++m) {
          std::string_view full = kMonths[m];
          if (e.field == Field::MonthName && starts_with_ci(s.substr(i), full)) {
            i += full.size();
            c.month = m + 1;
            found = true;
          } else if (starts_with_ci(s.substr(i), full.substr(0, 3))) {
            i += 3;
            // MONTH also accepts the abbreviation, MON also the full name (Oracle is lenient).
            if (starts_with_ci(s.substr(i), full.substr(3))) i += full.size() - 3;
            c.month = m + 1;
            found = true;
          }
        }
        if (!found) return fail("month name expected");
        while (e.field == Field::MonthName && i < s.size() && s[i] == ' ') ++i;
        break;
      }
      case Field::Day2:
        if (!read_int(2, c.day, false)) return fail("day expected");
        break;
      case Field::Hour24:
        if (!read_int(2, c.hour, false)) return fail("hour expected");
        break;
      case Field::Hour12:
        hour12 = true;
        if (!read_int(2, c.hour, false)) return fail("hour expected");
        break;
      case Field::Minute:
        if (!read_int(2, c.minute, false)) return fail("minutes expected");
        break;
      case Field::Second:
        if (!read_int(2, c.second, false)) return fail("seconds expected");
        break;
      case Field::Fraction: {
        size_t start = i;
        int64_t frac = 0;
        int n = 0;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])) && n < 9) {
          if (n < 6) frac = frac * 10 + (s[i] - '0');
          if (n == 6) round_up = s[i] >= '5';
          ++n;
          ++i;
        }
        if (i == start) return fail("fractional seconds expected");
        for (int k = n; k < 6; ++k) frac *= 10;
        c.micros = static_cast<int>(frac);
        break;
      }
      case Field::Meridian:
        has_meridian = true;
        if (starts_with_ci(s.substr(i), "PM") || starts_with_ci(s.substr(i), "P.M.")) pm = true;
        else if (!starts_with_ci(s.substr(i), "AM") && !starts_with_ci(s.substr(i), "A.M.")) return fail("AM/PM expected");
        i += (i + 2 < s.size() && s[i + 1] == '.') ? 4 : 2;
        break;
      case Field::Julian: {
        int j;
        if (!read_int(7, j, false)) return fail("julian day expected");
        // Julian day 2440588 is 1970-01-01.
        int64_t days = static_cast<int64_t>(j) - 2440588;
        CivilDateTime d = civil_from_micros(days * kMicrosPerDay);
        c.year = d.year;
        c.month = d.month;
        c.day = d.day;
        break;
      }
    }
  }
  while (i < s.size() && (s[i] == ' ' || s[i] == '\r')) ++i;
  if (i != s.size()) return fail("unexpected text after the date");
  if (hour12 || has_meridian) {
    if (c.hour < 1 || c.hour > 12) return fail("hour must be between 1 and 12");
    c.hour = (c.hour % 12) + (pm ? 12 : 0);
  }
  if (c.year < -4711 || c.year > 9999) return fail("year out of range (-4712..9999)");
  if (c.month < 1 || c.month > 12) return fail("not a valid month");
  if (!valid_civil(c)) return fail("not a valid date/time");
  out = micros_from_civil(c) + (round_up ? 1 : 0);
  return true;
}

}  // namespace orashift
